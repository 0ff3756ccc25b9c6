"""Exercises for notebooks/08_customer_networks: reading 004's stickiness model, what the shape of
a network changes, cascades and clubs."""
import numpy as np

from helpers.exercises.core import ChoiceQuestion, FunctionQuestion, NumberQuestion


def _reading_stickiness(a, lam_j):
    a, lam_j = np.asarray(a, dtype=float), np.asarray(lam_j, dtype=float)
    return a + (lam_j * a).sum() - lam_j * a


q1 = NumberQuestion(
    "Customers A and B have base stickiness a = 0.6 and b = 0.9. Once they are tied through the "
    "product with λ = 0.5, what is A's stickiness?",
    answer=1.05, tolerance=1e-6,
    hints=["A keeps its own stickiness and gains a share λ of B's: of B's base stickiness, what "
           "B brings to the product on its own.",
           "s_A = a + λ b.",
           "`0.6 + 0.5 * 0.9`, or `network.stickiness([0.6, 0.9], [[0, 0.5], [0.5, 0]])[0]`."],
    solution="A's stickiness is a + λb = 0.6 + 0.5 × 0.9 = 1.05 (B's is b + λa = 1.2). A, the less "
             "sticky of the two, gains 75%; B gains 33%.",
    wrong_answers=[1.2, 0.75, 1.5, 0.6],
)

q2 = FunctionQuestion(
    "Write `reading_stickiness(a, lam_j)`: for m customers with base stickiness `a` and one λ_j per "
    "customer, return every s_i = a_i + Σ_{j≠i} λ_j a_j (reading 004) as an array.",
    answer=_reading_stickiness,
    cases=[([3.0, 5.0], [0.2, 0.2]), ([1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.4]),
           ([0.5, 0.0, 0.9], [0.0, 0.7, 0.1]), ([2.0], [0.3])],
    hints=["Customer i gains λ_j·a_j from every OTHER customer j, not from itself.",
           "The sum over all j of λ_j·a_j is the same for everyone; take out i's own term.",
           "`a + (lam_j * a).sum() - lam_j * a` with numpy arrays."],
    solution="`def reading_stickiness(a, lam_j):\n    a, lam_j = np.asarray(a, float), np.asarray(lam_j, float)\n"
             "    return a + (lam_j * a).sum() - lam_j * a`",
    wrong_answers=[lambda a, lam_j: np.asarray(a) + (np.asarray(lam_j) * np.asarray(a)).sum(),
                   lambda a, lam_j: np.asarray(a) * (1 + np.asarray(lam_j)),
                   "a + lam_j * a"],
)

q3 = ChoiceQuestion(
    "Predict before computing: four synthetic networks of the same 200 customers (random, "
    "small-world, scale-free, community) have the same base stickiness, the same λ = 0.15 and "
    "about 6 ties per customer on average. Which has the highest MEAN stickiness?",
    answer="about the same in all four",
    options=["random", "small-world", "scale-free", "community", "about the same in all four"],
    aliases={"about the same in all four": ["about the same", "the same", "same", "equal",
                                            "all the same"]},
    hints=["Each tie adds to both ends: customer i gains λ·a_j from friend j, and j gains λ·a_i "
           "from i. Where the ties sit moves stickiness between customers; does it change the total?",
           "Averaged over customers, s̄ = ā + λ × (1/n) Σ_j degree_j × a_j ≈ ā (1 + λ × mean ties) "
           "when base stickiness has nothing to do with the number of ties: about 0.9 × (1 + 0.15 × 6).",
           "After you have answered, run the next cell and compare the column `mean s` of the four rows."],
    solution="'about the same in all four' (1.67 to 1.69). The network adds λ × a_j for every end of "
             "every tie, so the mean depends on the mean number of ties and on λ, not on the "
             "shape. The shape decides the spread: the scale-free network has the stickiest hubs "
             "and the weakest 10th percentile, and the weak tail, not the mean, is where a cascade "
             "starts (section 5).",
    wrong_answers=["scale-free", "small-world", "community", "random"],
)

q4 = ChoiceQuestion(
    "Five customers leave first and a cascade follows. Now the same five plus five more leave "
    "first (same network, same λ, same threshold). Can the final cascade be smaller?",
    answer="never",
    options=["never", "sometimes", "it depends on λ"],
    hints=["A customer's stickiness counts only friends who stay. Can more leavers raise anyone's stickiness?",
           "Stickiness can only fall when more people go, so everyone who went before still goes.",
           "Check it on the table of the next section: read any row from left to right."],
    solution="`'never'`: with more first leavers every customer's stickiness is the same or lower in "
             "every round, so everyone who left before leaves again, and perhaps more. The tests of "
             "`helpers.network` check this on every network shape.",
    wrong_answers=["sometimes", "it depends on λ", "yes"],
)

q5 = NumberQuestion(
    "A club of four members, Li, Wang, Zhang and Chen, with base stickiness 0.4, 0.6, 0.8 and 1.0, "
    "is fully tied: every member is tied to each of the other three with λ = 0.1. What is Li's "
    "stickiness?",
    answer=0.64, tolerance=1e-6,
    hints=["Li gains from each of the OTHER three members a share λ of THEIR base stickiness, not "
           "of Li's own.",
           "s_Li = a_Li + λ (a_Wang + a_Zhang + a_Chen).",
           "`0.4 + 0.1 * (0.6 + 0.8 + 1.0)`, or build `nx.complete_graph(['Li', 'Wang', 'Zhang', "
           "'Chen'])` with weight 0.1 and call `network.stickiness` with the base as a Series "
           "indexed by name."],
    solution="s = 0.4 + 0.1 × (0.6 + 0.8 + 1.0) = 0.64: Li, the least sticky member, gains 60%, "
             "Chen (1.0 + 0.1 × 1.8 = 1.18) only 18%. Multiplying Li's own base by 1 + 3λ "
             "(0.52) would be right only if all four had the same base stickiness.",
    # a(1 + kλ); own base counted too; λ × number of ties; the base alone; the club's mean
    wrong_answers=[0.52, 0.68, 0.7, 0.4, 0.91],
)
