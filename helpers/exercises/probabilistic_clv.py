"""Exercises for notebooks/06_probabilistic_clv: the customer summary, who is alive, how P(alive)
moves with a customer's history, and why the forecast flattens."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    "A customer bought on 1 March (two orders that day), 15 March and 29 March; the calibration "
    "period ends on 26 April. What is this customer's T, in weeks?",
    answer=8.0, tolerance=0.01, unit="weeks",
    hints=["T is the customer's age: it runs from the customer's *first* purchase to the end of "
           "calibration, whatever happened in between.",
           "T = (end of calibration - first purchase) in days / 7.",
           "Check: `btyd.summarize(pd.DataFrame({'customer_id': ['c'] * 4, 'date': ['2024-03-01', "
           "'2024-03-01', '2024-03-15', '2024-03-29'], 'amount': [10.0] * 4}), "
           "calibration_end='2024-04-26')`."],
    solution="T = (26 April - 1 March) / 7 = 56 / 7 = **8 weeks**. (Frequency is 2: the two orders "
             "of 1 March merge into the first transaction. Recency is 28 / 7 = 4 weeks.)",
    wrong_answers=[4.0, 2.0, 3.0, 56.0, 4.0 + 4.0 / 7],
)

q2 = ChoiceQuestion(
    "Under the fitted BG/NBD model, which of these CDNOW customers (all with T = 39 weeks) is most "
    "likely to still be a customer at the end of calibration? "
    "(a) no repeat purchase; (b) 5 repeat purchases, the last at week 10; "
    "(c) 1 repeat purchase, at week 20; (d) 10 repeat purchases, the last at week 30.",
    answer="a", options=["a", "b", "c", "d"],
    hints=["In the BG/NBD story, when can a customer drop out?",
           "Drop-out can only happen right after a repeat purchase, so P(alive) is 1 for any "
           "customer who has given the model no such moment; for the others, the longer the "
           "silence T - t_x compared with their rhythm, the lower P(alive).",
           "`bg.p_alive([0, 5, 1, 10], [0, 10, 20, 30], 39)` gives the four values in order."],
    solution="**(a)**: with no repeat purchase the BG/NBD model never gives the customer a chance to "
             "drop out, so P(alive) = 1. It is a known quirk of the model: a one-time buyer from "
             "months ago counts as surely alive, though they may simply buy rarely.",
    wrong_answers=["b", "c", "d", "none"],
)

_DIRECTIONS = ["higher", "lower", "unchanged"]

q3 = MatchQuestion(
    "Customer 00004 has 2 repeat purchases, the last at week 30.43, and T = 38.86 weeks: P(alive) "
    "= 0.73 under the fitted model. Predict, for each changed customer, whether P(alive) is "
    "'higher', 'lower' or 'unchanged' compared with 00004 (everything not mentioned stays as it "
    "is): (i) the last of the 2 repeat purchases was at week 10; (ii) looked at 21 weeks later "
    "(T = 60) with no new purchase; (iii) 10 repeat purchases instead of 2, the last still at "
    "week 30.43; (iv) no repeat purchase at all; (v) the last repeat purchase on the last day of "
    "calibration (week 38.86).",
    answer={"i": "lower", "ii": "lower", "iii": "lower", "iv": "higher", "v": "higher"},
    labels=_DIRECTIONS,
    hints=["P(alive) weighs the silence since the last purchase against the customer's own rhythm: "
           "the longer the silence, and the faster the customer used to buy, the more it says.",
           "The silence is T - t_x weeks; the rhythm is about x / t_x purchases a week. A customer can "
           "only drop out right after a repeat purchase, so with x = 0 there was never a chance to leave.",
           "`bg.p_alive(frequency, recency, T)` for each case, e.g. `bg.p_alive(2, 10, 38.86)` and "
           "`bg.p_alive(10, 30.43, 38.86)`, against `bg.p_alive(2, 30.43, 38.86)`."],
    solution="(i) **lower**, 0.27: 29 silent weeks for a customer who bought twice in 10. (ii) "
             "**lower**, 0.52: the same history, 21 more weeks of silence. (iii) **lower**, 0.61: "
             "the surprise for most students. Ten purchases in 30 weeks is a purchase every three "
             "weeks, so 8.4 silent weeks say more than they do for a customer who buys every 15 "
             "weeks. (iv) **higher**, 1.0: the BG/NBD quirk, no repeat purchase, no chance to drop out. "
             "(v) **higher**, 0.81: no silence at all, but not 1, since the customer may have left "
             "right after that purchase.",
    wrong_answers=[{"i": "lower", "ii": "lower", "iii": "higher", "iv": "higher", "v": "higher"},
                   {"i": "lower", "ii": "lower", "iii": "higher", "iv": "lower", "v": "higher"},
                   {"i": "lower", "ii": "unchanged", "iii": "lower", "iv": "higher", "v": "higher"},
                   {"i": "lower", "ii": "lower", "iii": "lower", "iv": "lower", "v": "higher"}],
)

q4 = ChoiceQuestion(
    "In the tracking plot of section 4, the slope of the dashed line is the number of repeat "
    "purchases the model expects from the whole cohort each week. After the first 12 weeks (the "
    "cohort joined during the first quarter of 1997) it gets flatter and flatter, although the model was "
    "told nothing about the holdout. Why? "
    "(a) customers drop out: after each repeat purchase some leave for good, so fewer are alive "
    "to buy each week; "
    "(b) each customer's purchase rate falls as the customer gets older; "
    "(c) the model was fitted on the calibration weeks only, so its forecast fades after week 39; "
    "(d) the model has learnt that people buy fewer CDs after the Christmas season.",
    answer="a", options=["a", "b", "c", "d"],
    hints=["Go back to the two-part story of section 3: what stays constant for a customer while "
           "alive, and what can happen after each purchase?",
           "While alive a customer buys at a constant rate lambda (a Poisson process); after each "
           "repeat purchase they leave with probability p. Expected purchases per week = expected "
           "rate x probability of still being alive, and only the second factor changes with time.",
           "Compare the weekly increments `track['expected'].diff()` at weeks 13, 39 and 78, and "
           "note that the model has only four parameters (r, alpha, a, b), none for a season."],
    solution="**(a).** In BG/NBD a living customer's rate never changes; what falls is the share of "
             "the cohort still alive, because each repeat purchase is a chance to leave. So the "
             "expected weekly purchases fall, from about 97 in week 13 to about 36 in week 78. (b) "
             "is the most common wrong reading: the model has no ageing of the rate. (c): the same "
             "four parameters describe every week; the calibration/holdout line changes nothing in "
             "the formula. (d): the model has no calendar at all, which is one reason the actual "
             "line runs above the forecast in the holdout (12% more purchases than expected).",
    wrong_answers=["b", "c", "d"],
)
