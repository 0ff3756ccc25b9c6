"""Exercises for notebooks/08_customer_networks: reading 004's stickiness model, cascades and clubs."""
import numpy as np

from helpers.exercises.core import ChoiceQuestion, FunctionQuestion, NumberQuestion


def _reading_stickiness(a, lam_j):
    a, lam_j = np.asarray(a, dtype=float), np.asarray(lam_j, dtype=float)
    return a + (lam_j * a).sum() - lam_j * a


q1 = NumberQuestion(
    "Customers A and B have base stickiness a = 0.6 and b = 0.9. Once they are tied through the "
    "product with λ = 0.5, what is A's stickiness?",
    answer=1.05, tolerance=1e-6,
    hints=["A keeps its own stickiness and gains λ times B's.",
           "a + λ·b = 0.6 + 0.5 × 0.9."],
    solution="A's stickiness is a + λb = 0.6 + 0.5 × 0.9 = 1.05 (B's is b + λa = 1.2).",
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
    "Five customers leave first and a cascade follows. Now the same five plus five more leave "
    "first (same network, same λ, same threshold). Can the final cascade be smaller?",
    answer="never",
    options=["never", "sometimes", "it depends on λ"],
    hints=["A customer's stickiness counts only friends who stay. Can more leavers raise anyone's stickiness?",
           "Stickiness can only fall when more people go, so everyone who went before still goes."],
    solution="`'never'`: with more first leavers every customer's stickiness is the same or lower in "
             "every round, so everyone who left before leaves again, and perhaps more. The tests of "
             "`helpers.network` check this on every network shape.",
    wrong_answers=["sometimes", "it depends on λ", "yes"],
)

q4 = NumberQuestion(
    "A club of four members, each with base stickiness 0.5, is fully tied: every member is tied to "
    "the other three with λ = 0.1. What is each member's stickiness?",
    answer=0.65, tolerance=1e-6,
    hints=["Each member gains λ·a_j from each of the OTHER three members.",
           "0.5 + 3 × 0.1 × 0.5."],
    solution="s = 0.5 + 3 × 0.1 × 0.5 = 0.65: the club adds 30% to each member's stickiness.",
    wrong_answers=[0.7, 0.5, 0.55, 0.8],
)
