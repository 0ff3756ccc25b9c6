"""Exercises for notebooks/05_customer_value_abc_rfm: what zero-spend customers do to ABC classes
and the Gini, the Gini by definition, moving RFM cut points, the two meanings of recency, what
retention is worth, and Lorenz curves that cross."""
import numpy as np

from helpers.exercises.core import FunctionQuestion, MatchQuestion, NumberQuestion, SetQuestion


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


_DIRECTIONS = ["rises", "falls", "unchanged"]

q1 = MatchQuestion(
    "Predict before computing: 1,000 people who registered at CDNOW but never bought anything "
    "(total spend 0) are added to the 2,357 customers. What happens to (i) the number of "
    "customers in class A, (ii) the share of customers in class A and (iii) the Gini coefficient "
    "of total spend? Answer each with 'rises', 'falls' or 'unchanged'.",
    answer={"customers in class A": "unchanged", "share of customers in class A": "falls",
            "Gini coefficient": "rises"},
    labels=_DIRECTIONS,
    hints=["Class A is cut from the top of the ranking; where do customers with zero spend go "
           "in the ranking, and do they change the revenue the top customers bring?",
           "Class A = the fewest top customers holding 80% of the revenue: the revenue and the top "
           "are unchanged, the number of customers grows from 2,357 to 3,357. The Gini compares "
           "every pair: 1,000 new customers far below everyone else.",
           "Check: `more = pd.concat([rfm['monetary'], pd.Series(0.0, index=[f'Z{i}' for i in "
           "range(1000)])])`, then compare `abc_classes(more)` and `gini(more)` with the originals."],
    solution="Class A keeps its **777** customers (unchanged): the top of the ranking and the revenue "
             "are the same. Its share of customers **falls** from 0.33 to 777 / 3,357 = 0.23, and the "
             "Gini **rises** from 0.63 to 0.74. Both the 80/20 check and the Gini depend on who counts "
             "as a customer: decide that before comparing firms.",
    wrong_answers=[{"customers in class A": "unchanged", "share of customers in class A": "unchanged",
                    "Gini coefficient": "unchanged"},
                   {"customers in class A": "falls", "share of customers in class A": "falls",
                    "Gini coefficient": "unchanged"},
                   {"customers in class A": "unchanged", "share of customers in class A": "falls",
                    "Gini coefficient": "falls"},
                   {"customers in class A": "rises", "share of customers in class A": "rises",
                    "Gini coefficient": "rises"}],
)

q2 = FunctionQuestion(
    "Write `my_gini(values)` straight from the definition: the sum over all ordered pairs of "
    "|y_i - y_j|, divided by 2 n^2 times the mean.",
    answer=_gini_by_definition,
    cases=[([1, 2, 3, 4],), ([0, 0, 0, 10],), ([5, 5, 5],), ([3.5, 0.0, 12.0, 7.25, 1.0],)],
    hints=["Every ordered pair of customers (i, j), a customer with themself included, adds the "
           "gap |y_i - y_j|; the sum of all gaps is then scaled by the mean so that the unit of "
           "money drops out.",
           "G = sum_i sum_j |y_i - y_j| / (2 n^2 mean(y)). For [1, 2, 3, 4] the gaps add up to 20, "
           "n = 4 and the mean is 2.5, so G = 20 / (2 x 16 x 2.5) = 0.25.",
           "`np.abs(y[:, None] - y[None, :])` is the n x n table of all |y_i - y_j|; divide its "
           "`.sum()` by `2 * len(y)**2 * y.mean()`."],
    solution="`y = np.asarray(values, float); return np.abs(y[:, None] - y[None, :]).sum() / "
             "(2 * len(y)**2 * y.mean())`. It agrees with `gini()`, which sorts the values first "
             "so that a million customers take a fraction of a second.",
    wrong_answers=[_gini_small_sample, _gini_without_the_half, _gini_unordered_pairs],
)

q3 = NumberQuestion(
    "Count R scores of 3 or more as *recent* (`r_cuts=(1, 3)`) and keep the default F cut points. "
    "Predict first which segment the new champions come from, then compute: how many CDNOW "
    "customers are champions now?",
    answer=894, tolerance=0, unit="customers",
    hints=["Champions are recent and frequent. Which customers are frequent (F 4-5) but only "
           "mid-recent (R = 3) under the default cuts, and what are they called?",
           "Champions now = customers with R >= 3 and F >= 4: the 822 champions of the default cuts "
           "plus the segment on the row below them.",
           "Move the explorer's R slider to (1, 3), or compute "
           "`rfm_segments(rfm, r_cuts=(1, 3))['segment'].value_counts()['champions']`."],
    solution="`rfm_segments(rfm, r_cuts=(1, 3))` puts **894** customers in champions: the 822 of the "
             "default cut points plus all 72 *loyal* customers (R = 3, F 4-5), who have not bought for "
             "442 to 486 days. One slider move turns customers silent for well over a year into "
             "champions: segment sizes are decisions, not facts about the customers.",
    wrong_answers=[822, 238, 0.38, 72],
)

_RECENCY_LABELS = ["RFM small, BTYD small", "RFM small, BTYD large", "RFM large, BTYD small",
                   "RFM large, BTYD large"]

q4 = MatchQuestion(
    "Both recencies measured at 1998-06-30, in a shop whose data start on 1997-01-01. Label each "
    "customer with 'RFM small, BTYD small', 'RFM small, BTYD large', 'RFM large, BTYD small' or "
    "'RFM large, BTYD large'. "
    "(w) one purchase only, on 1998-06-28; "
    "(x) one purchase only, on 1997-01-10; "
    "(y) first purchase 1997-01-10, then every month until 1998-06-20; "
    "(z) first purchase 1997-01-10, last 1997-02-10.",
    answer={"w": "RFM small, BTYD small", "x": "RFM large, BTYD small",
            "y": "RFM small, BTYD large", "z": "RFM large, BTYD small"},
    labels=_RECENCY_LABELS,
    hints=["RFM recency looks back from now to the last purchase; BTYD recency looks forward from "
           "the first purchase to the last. A one-time buyer has no span between first and last.",
           "RFM recency = now - last purchase; BTYD recency = last purchase - first purchase (0 for "
           "a single purchase). Work out both in days for each customer.",
           "Build the four histories as a DataFrame (customer_id, date, amount) and compare "
           "`rfm_table(df, now='1998-06-30')['recency']` with `btyd.summarize(df, "
           "calibration_end='1998-06-30')['recency']`."],
    solution="w: 2 days and 0 weeks (**RFM small, BTYD small**: new, nothing yet to judge); x: 536 "
             "days and 0 (**RFM large, BTYD small**); y: 10 days and 75 weeks (**RFM small, BTYD "
             "large**: the best customer by both, though the numbers point opposite ways); z: 505 "
             "days and 4.4 weeks (**RFM large, BTYD small**). No customer here has both large, and "
             "in a single cohort such as CDNOW none can: a long span from first to last purchase "
             "leaves little time since the last. Reading BTYD recency with RFM eyes makes customer "
             "y look gone.",
    wrong_answers=[{"w": "RFM small, BTYD small", "x": "RFM large, BTYD large",
                    "y": "RFM small, BTYD large", "z": "RFM large, BTYD large"},
                   {"w": "RFM small, BTYD small", "x": "RFM large, BTYD large",
                    "y": "RFM small, BTYD small", "z": "RFM large, BTYD large"},
                   {"w": "RFM small, BTYD large", "x": "RFM large, BTYD small",
                    "y": "RFM large, BTYD small", "z": "RFM large, BTYD small"}],
)

q5 = NumberQuestion(
    "A customer brings a margin of 25 USD per half-year; the discount rate is 5% per half-year. "
    "By how many USD does the customer's lifetime value rise if the half-yearly retention rate "
    "goes from 0.52 to 0.60?",
    answer=25 * 0.60 / (1.05 - 0.60) - 25 * 0.52 / (1.05 - 0.52), tolerance=0.05, unit="USD", money=True,
    hints=["The value is the margin times the number of periods' margin a customer is worth, and "
           "that multiple grows faster than retention does.",
           "CLV = m r / (1 + d - r). Compute it at r = 0.60 and at r = 0.52 and subtract.",
           "`simple_clv(25, 0.60, 0.05) - simple_clv(25, 0.52, 0.05)`."],
    solution="`simple_clv(25, 0.60, 0.05) - simple_clv(25, 0.52, 0.05)` = 33.33 - 24.53 = 8.81 USD: "
             "eight points of retention add 36% to the customer's value.",
    wrong_answers=[2.0, 33.33, 24.53, 0.08],
)

q6 = SetQuestion(
    "The Xiaomi-style customers (synthetic) have the higher Gini, 0.66 against CDNOW's 0.63. "
    "Compute the share of total spend held by the top 1% and by the bottom 50% of customers in "
    "each data set, then choose every true statement: "
    "(a) the top 1% of Xiaomi-style customers hold a larger share of spend than CDNOW's top 1%; "
    "(b) the bottom half of Xiaomi-style customers hold a smaller share than CDNOW's bottom half; "
    "(c) because its Gini is higher, the Xiaomi-style Lorenz curve lies below CDNOW's everywhere; "
    "(d) the two Lorenz curves cross, so neither set of customers is more unequal at every point, "
    "and the Gini alone cannot rank them; "
    "(e) the higher Gini comes from a few very big spenders at the top of the ranking.",
    answer={"b", "d"}, options=["a", "b", "c", "d", "e"],
    hints=["A Lorenz curve can sag more at one end and less at the other. Look at both ends "
           "before trusting one number.",
           "Top 1% share = spend of the top ceil(n / 100) customers / total spend; bottom 50% share = "
           "spend of the lowest n // 2 / total spend. If one data set is ahead at one end and "
           "behind at the other, the curves cross.",
           "`v = np.sort(rfm_xiaomi['monetary'].to_numpy())`, then `v[-int(np.ceil(len(v) / 100)):]"
           ".sum() / v.sum()` and `v[:len(v) // 2].sum() / v.sum()`; the same for `rfm['monetary']`."],
    solution="**(b) and (d).** The top 1% hold 15% of spend in CDNOW but only 7% in the "
             "Xiaomi-style data, so (a) and (e) are false: the top is *less* concentrated. The "
             "bottom half hold 10.5% in CDNOW and only 5.7% in the Xiaomi-style data: the higher "
             "Gini comes from the bottom, from the many customers who bought one cheap accessory. "
             "The curves cross, so (c) is false, and two curves that cross can be ranked either way "
             "depending on which end one cares about; the Gini weighs the ends in one particular "
             "way and hides the crossing.",
    wrong_answers=[{"a", "e"}, {"b", "d", "e"}, {"c"}, {"b", "c", "d"}, {"a", "b", "d"}],
)
