"""Exercises for notebooks/05_customer_value_abc_rfm: ABC classes, the Gini coefficient, RFM
segments, the two meanings of recency, and what retention is worth."""
import numpy as np

from helpers.exercises.core import FunctionQuestion, NumberQuestion


def _gini_by_definition(values):
    y = np.asarray(values, dtype=float)
    return np.abs(y[:, None] - y[None, :]).sum() / (2 * y.size ** 2 * y.mean())


def _gini_small_sample(values):  # divides by n (n - 1): the "corrected" Gini, a different convention
    y = np.asarray(values, dtype=float)
    return np.abs(y[:, None] - y[None, :]).sum() / (2 * y.size * (y.size - 1) * y.mean())


def _gini_without_the_half(values):  # forgets the 2 in the denominator
    y = np.asarray(values, dtype=float)
    return np.abs(y[:, None] - y[None, :]).sum() / (y.size ** 2 * y.mean())


def _gini_unordered_pairs(values):  # counts each pair once but keeps the 2
    y = np.asarray(values, dtype=float)
    i, j = np.triu_indices(y.size, k=1)
    return np.abs(y[i] - y[j]).sum() / (2 * y.size ** 2 * y.mean())


q1 = NumberQuestion(
    "What share of the CDNOW customers are in class A (the top customers who together bring 80% "
    "of the revenue)? Answer as a fraction, e.g. 0.25.",
    answer=777 / 2357, tolerance=0.005, share=True,
    hints=["`abc_classes(rfm['monetary'])` gives one row per customer with a column `abc_class`.",
           "Count the rows whose class is 'A' and divide by the number of customers, or use "
           "`(abc['abc_class'] == 'A').mean()`."],
    solution="`(abc['abc_class'] == 'A').mean()` is 777 / 2,357 = 0.33: a third of the customers, "
             "not the fifth the 80/20 rule of thumb promises.",
    wrong_answers=[0.2, 0.8, 777, 0.5],
)

q2 = FunctionQuestion(
    "Write `my_gini(values)` straight from the definition: the sum over all ordered pairs of "
    "|y_i - y_j|, divided by 2 n^2 times the mean.",
    answer=_gini_by_definition,
    cases=[([1, 2, 3, 4],), ([0, 0, 0, 10],), ([5, 5, 5],), ([3.5, 0.0, 12.0, 7.25, 1.0],)],
    hints=["`np.abs(y[:, None] - y[None, :])` is the n x n table of all |y_i - y_j|.",
           "Divide its sum by `2 * n**2 * y.mean()`; check that `my_gini([1, 2, 3, 4])` is 0.25."],
    solution="`y = np.asarray(values, float); return np.abs(y[:, None] - y[None, :]).sum() / "
             "(2 * len(y)**2 * y.mean())`. It agrees with `gini()`, which sorts the values first "
             "so that a million customers take a fraction of a second.",
    wrong_answers=[_gini_small_sample, _gini_without_the_half, _gini_unordered_pairs],
)

q3 = NumberQuestion(
    "Count R scores of 3 or more as *recent* (`r_cuts=(1, 3)`) and keep the default F cut points. "
    "How many CDNOW customers are champions now?",
    answer=894, tolerance=0, unit="customers",
    hints=["Move the explorer's R slider to (1, 3) and read the figure, or compute it.",
           "`rfm_segments(rfm, r_cuts=(1, 3))['segment'].value_counts()['champions']`."],
    solution="`rfm_segments(rfm, r_cuts=(1, 3))` puts 894 customers in champions (822 with the "
             "default cut points): segment sizes are decisions, not facts about the customers.",
    wrong_answers=[822, 238, 0.38],
)

q4 = NumberQuestion(
    "Customer 05206 bought first on 1997-01-21 and last on 1997-03-25. Measured at 1998-06-30, "
    "what is this customer's BTYD recency, in weeks?",
    answer=9.0, tolerance=0.01, unit="weeks",
    hints=["BTYD recency runs from the first purchase to the last, not from the last purchase to now.",
           "63 days from 21 January to 25 March 1997; divide by 7."],
    solution="(1997-03-25 - 1997-01-21) = 63 days = 9 weeks; `btyd.summarize(tx).loc['05206', "
             "'recency']` agrees. The RFM recency of the same customer is 462 days (66 weeks).",
    wrong_answers=[66, 462, 75, 63],
)

q5 = NumberQuestion(
    "A customer brings a margin of 25 USD per half-year; the discount rate is 5% per half-year. "
    "By how many USD does the customer's lifetime value rise if the half-yearly retention rate "
    "goes from 0.52 to 0.60?",
    answer=25 * 0.60 / (1.05 - 0.60) - 25 * 0.52 / (1.05 - 0.52), tolerance=0.05, unit="USD", money=True,
    hints=["`simple_clv(margin, retention, discount)` is the value with no time limit.",
           "Compute it for both retention rates and subtract."],
    solution="`simple_clv(25, 0.60, 0.05) - simple_clv(25, 0.52, 0.05)` = 33.33 - 24.53 = 8.81 USD: "
             "eight points of retention add 36% to the customer's value.",
    wrong_answers=[2.0, 33.33, 24.53, 0.08],
)
