"""Exercises for notebooks/04_stage_transitions_markov: the memoryless chain, the steady state of
a two-state chain, what the fundamental matrix says, and which lever to fund."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = ChoiceQuestion(
    "Take the two-state chain of section 3: an active customer stays active with probability 0.8 "
    "a month and is otherwise gone for good, so a customer active now can expect 5 months, counting "
    "this one. Predict before computing: a customer has already been active for 24 months. How many "
    "more months (counting this one) does the chain expect from this customer? "
    "Options: 'fewer than 5', 'exactly 5', 'more than 5'.",
    answer="exactly 5", options=["fewer than 5", "exactly 5", "more than 5"],
    hints=["What does the chain know about a customer? Only the state this month.",
           "Every month, active or not, the chance of staying is the same 0.8, so the expected time "
           "left is 1 / (1 - 0.8) whatever happened before.",
           "Check: `markov.expected_time_to_absorption(pd.DataFrame([[0.8, 0.2], [0.0, 1.0]], "
           "index=['active', 'gone'], columns=['active', 'gone']))['active']` has no input for "
           "the months already spent."],
    solution="**Exactly 5 months.** A Markov chain has no memory: the next month depends only on "
             "being active now, so 24 months of loyalty change nothing (the geometric lifetime is "
             "'memoryless'). Real customers are not like that: a customer who has stayed two years "
             "is more likely to be one of the loyal kind (a forum member, in the synthetic data), "
             "which is why one pooled matrix for two kinds of customers misjudges lifetimes "
             "(section 2) and why discussion question 1 asks how to give the states a memory.",
    wrong_answers=["fewer than 5", "more than 5", "5 months"],
)

q2 = NumberQuestion(
    "A firm has 10,000 customers. Each month an active customer stays active with probability 0.85 "
    "(otherwise goes quiet), and a quiet customer comes back with probability 0.03. Nobody joins "
    "or leaves the list. In the long run, how many of the 10,000 are active in a month?",
    answer=10_000 * 0.03 / (0.15 + 0.03), tolerance=1.0, unit="customers",
    hints=["In the steady state the number who go quiet each month equals the number who come back.",
           "Balanced flows: pi_active x 0.15 = (1 - pi_active) x 0.03, so pi_active = 0.03 / (0.15 + 0.03); "
           "multiply by 10,000.",
           "Check: `markov.stationary_distribution(pd.DataFrame([[0.85, 0.15], [0.03, 0.97]], "
           "index=['active', 'quiet'], columns=['active', 'quiet']))['active'] * 10_000`."],
    solution="pi_active = 0.03 / (0.15 + 0.03) = 1/6, so about **1,667** of the 10,000 are active "
             "in the long run, whatever the mix today. Each month 0.15 x 1,667 = 250 go quiet and "
             "0.03 x 8,333 = 250 come back.",
    wrong_answers=[2000.0, 8333.0, 10_000 * 0.85 ** 2, 10_000.0],
)

q3 = ChoiceQuestion(
    "In the fundamental matrix N of section 6 (estimated from the hidden stages), the decline "
    "column reads 8.0 in every row: a new customer, a customer in formation, one in stability "
    "and one already in decline all expect 8.0 months in decline before churning. Why? "
    "(a) every living stage has a move into decline: decline can begin in any stage (reading 000); "
    "(b) churn can only be reached from decline, so every customer reaches decline sooner or later, "
    "and from the first month in decline on the chain no longer knows where the customer came "
    "from; (c) a declining customer never returns to formation or stability, so the months in "
    "decline are the same for all; (d) 8.0 is 1 / (1 - P[decline, decline]), the expected length "
    "of one stay in decline.",
    answer="b", options=["a", "b", "c", "d"],
    hints=["Look at the churned column of `P_hidden`: from which stages can a customer churn?",
           "N[i, decline] = P(a customer now in i ever reaches decline) x N[decline, decline]. "
           "What is the first factor when churn is only reachable through decline?",
           "Compare `1 / (1 - P_hidden.loc['decline', 'decline'])` with `N.loc['decline', 'decline']`, "
           "and look at `P_hidden.loc['decline']`: do declining customers ever come back?"],
    solution="**(b).** The only way into churn is from decline, and everyone churns in the end, so "
             "every customer reaches decline with probability 1. Once there, the Markov chain has "
             "forgotten the starting stage, so the months spent in decline from then on (8.0, "
             "returns after a win-back included) are the same for all. (a) is true but not the "
             "reason: it would also hold if some customers could skip decline. (c) is false: "
             "P_hidden moves about 4% of declining customers back to formation each month. (d) "
             "gives 1 / (1 - 0.831) = 5.9 months, one stay only; the other 2.1 months are later "
             "stays after a customer is won back and slips again. Let stability customers churn "
             "directly (even 1% a month) and the decline column is no longer constant: it falls "
             "most for stability customers, who can now skip decline.",
    wrong_answers=["a", "c", "d"],
)

q4 = ChoiceQuestion(
    "You may fund one of two programmes (costs are discounted, per new customer). "
    "A **fan club** cuts every move into decline by 30% and costs 650 RMB. "
    "A **win-back team** cuts the move from decline into churn by 30% and brings the rescued "
    "customers back into formation (a setting not in the table of section 8); it costs 500 RMB. "
    "Judge by the Markov CLV of a new customer under `P_hidden` with the notebook's rewards and "
    "discount rate. Which do you fund? Options: 'fan club', 'win-back team', 'neither'.",
    answer="win-back team", options=["fan club", "win-back team", "neither"],
    hints=["A programme is worth funding if the value it adds exceeds what it costs; compare the "
           "net gains, not the gross ones.",
           "Gain = CLV of a new customer after the change minus CLV before; net gain = gain minus "
           "cost. The win-back setting is `decline_to_churn=0.3, rescued_to='formation'`.",
           "`markov.intervention_effect(P_hidden, rewards, DISCOUNT, decline_to_churn=0.3, "
           "rescued_to='formation')['summary']` has the CLV `before` and `after`; do the same with "
           "`into_decline=0.3`."],
    solution="The fan club adds 2,866.5 - 2,012.0 = 854.5 RMB for 650 RMB: a net gain of about "
             "205 RMB. The win-back team adds 2,781.7 - 2,012.0 = 769.6 RMB for 500 RMB: about "
             "270 RMB net. Fund the **win-back team**: the fan club adds more value, but costs more "
             "than the extra value. Both pay for themselves, so 'neither' is wrong too. The answer "
             "rests on the assumed 10% margin and on costs per new customer; with the classified "
             "matrix `P` the gains would differ.",
    wrong_answers=["fan club", "neither"],
)
