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
_DIRECTIONS_ZH = {"rises": "上升", "falls": "下降", "unchanged": "不变"}

q1 = MatchQuestion(
    key="customer_value_abc_rfm.q1",
    answer={"customers in class A": "unchanged", "share of customers in class A": "falls",
            "Gini coefficient": "rises"},
    labels=_DIRECTIONS,
    aliases={**_DIRECTIONS_ZH, "customers in class A": ["A类客户数", "A 类客户数"],
             "share of customers in class A": ["A类客户占比", "A 类客户占比"], "Gini coefficient": "基尼系数"},
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
    key="customer_value_abc_rfm.q2",
    answer=_gini_by_definition,
    cases=[([1, 2, 3, 4],), ([0, 0, 0, 10],), ([5, 5, 5],), ([3.5, 0.0, 12.0, 7.25, 1.0],)],
    wrong_answers=[_gini_small_sample, _gini_without_the_half, _gini_unordered_pairs],
)

q3 = NumberQuestion(
    key="customer_value_abc_rfm.q3",
    answer=894,
    tolerance=0,
    wrong_answers=[822, 238, 0.38, 72],
)

_RECENCY_LABELS = ["RFM small, BTYD small", "RFM small, BTYD large", "RFM large, BTYD small",
                   "RFM large, BTYD large"]
#: The Chinese labels, as the Chinese prompt writes them ('RFM小，BTYD小'), with other commas.
_RECENCY_LABELS_ZH = {f"RFM {r}, BTYD {b}": [f"RFM{r_zh}{comma}BTYD{b_zh}" for comma in ("，", "、", ",", ", ", "， ")]
                      for r, r_zh in (("small", "小"), ("large", "大")) for b, b_zh in (("small", "小"), ("large", "大"))}

q4 = MatchQuestion(
    key="customer_value_abc_rfm.q4",
    answer={"w": "RFM small, BTYD small", "x": "RFM large, BTYD small",
            "y": "RFM small, BTYD large", "z": "RFM large, BTYD small"},
    labels=_RECENCY_LABELS,
    aliases=_RECENCY_LABELS_ZH,
    wrong_answers=[{"w": "RFM small, BTYD small", "x": "RFM large, BTYD large",
                    "y": "RFM small, BTYD large", "z": "RFM large, BTYD large"},
                   {"w": "RFM small, BTYD small", "x": "RFM large, BTYD large",
                    "y": "RFM small, BTYD small", "z": "RFM large, BTYD large"},
                   {"w": "RFM small, BTYD large", "x": "RFM large, BTYD small",
                    "y": "RFM large, BTYD small", "z": "RFM large, BTYD small"}],
)

q5 = NumberQuestion(
    key="customer_value_abc_rfm.q5",
    answer=25 * 0.60 / (1.05 - 0.60) - 25 * 0.52 / (1.05 - 0.52),
    tolerance=0.05,
    money=True,
    wrong_answers=[2.0, 33.33, 24.53, 0.08],
)

q6 = SetQuestion(
    key="customer_value_abc_rfm.q6",
    answer={"b", "d"},
    options=["a", "b", "c", "d", "e"],
    wrong_answers=[{"a", "e"}, {"b", "d", "e"}, {"c"}, {"b", "c", "d"}, {"a", "b", "d"}],
)
