"""Exercises for notebooks/06_probabilistic_clv: the customer summary, P(alive), spend and CLV."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion(
    "A customer bought on 1 March (two orders that day), 15 March and 29 March; the calibration "
    "period ends on 26 April. What is this customer's T, in weeks?",
    answer=8.0, tolerance=0.01, unit="weeks",
    hints=["T runs from the customer's *first* purchase to the end of calibration, whatever happened "
           "in between.",
           "1 March to 26 April is 56 days; weeks are days / 7."],
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
           "Drop-out can only happen right after a repeat purchase. Compute bg.p_alive(0, 0, 39)."],
    solution="**(a)**: with no repeat purchase the BG/NBD model never gives the customer a chance to "
             "drop out, so P(alive) = 1. It is a known quirk of the model: a one-time buyer from "
             "months ago counts as surely alive, though they may simply buy rarely.",
    wrong_answers=["b", "c", "d", "none"],
)

q3 = NumberQuestion(
    "With the Gamma-Gamma parameters of Fader, Hardie & Lee (p = 6.25, q = 3.74, γ = 15.44), what "
    "value per transaction should you expect from a customer whose 2 repeat purchases averaged "
    "$50.00? (in US dollars, to the cent)",
    answer=6.25 * (15.44 + 2 * 50.0) / (6.25 * 2 + 3.74 - 1), tolerance=0.02, unit="USD", money=True,
    hints=["The expected spend is a weighted average of the population mean pγ/(q-1) and the "
           "customer's own mean.",
           "E[Z] = p (γ + x·m) / (p·x + q - 1) with x = 2 and m = 50."],
    solution="6.25 × (15.44 + 2 × 50) / (6.25 × 2 + 3.74 - 1) = 721.5 / 15.24 = **$47.34**: pulled "
             "from $50 towards the population mean of $35.22, because 2 purchases are little evidence.",
    wrong_answers=[50.0, 35.22, 6.25 * 15.44 / 2.74, 42.61],
)

q4 = NumberQuestion(
    "With the published BG/NBD parameters, how many purchases do you expect in the next 39 weeks "
    "from a customer with 2 repeat purchases, the last at week 30.43, and T = 38.86 weeks?",
    answer=1.2259, tolerance=0.005, unit="purchases",
    hints=["Build the model from parameters: btyd.BetaGeo({'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}).",
           "Use .expected_purchases(39, frequency, recency, T), not p_alive."],
    solution="`btyd.BetaGeo({...}).expected_purchases(39, 2, 30.43, 38.86)` gives **1.23**. A naive "
             "rate of 2 purchases in 38.86 weeks would say 2.0; the model discounts it because the "
             "customer may have left (P(alive) = 0.73) and because customers with few purchases "
             "tend to regress towards the average.",
    wrong_answers=[0.727, 2.0, 2.007, 1.446],
)
