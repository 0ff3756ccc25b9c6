"""Exercises for notebooks/06_probabilistic_clv: the customer summary, who is alive, how P(alive)
moves with a customer's history, and why the forecast flattens."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    key="probabilistic_clv.q1",
    answer=8.0,
    tolerance=0.01,
    wrong_answers=[4.0, 2.0, 3.0, 56.0, 4.0 + 4.0 / 7],
)

q2 = ChoiceQuestion(
    key="probabilistic_clv.q2",
    answer="a",
    options=["a", "b", "c", "d"],
    wrong_answers=["b", "c", "d", "none"],
)

_DIRECTIONS = ["higher", "lower", "unchanged"]
_DIRECTIONS_ZH = {"higher": ["更高", "升高", "上升"], "lower": ["更低", "降低", "下降"], "unchanged": "不变"}

q3 = MatchQuestion(
    key="probabilistic_clv.q3",
    answer={"i": "lower", "ii": "lower", "iii": "lower", "iv": "higher", "v": "higher"},
    labels=_DIRECTIONS,
    aliases=_DIRECTIONS_ZH,
    wrong_answers=[{"i": "lower", "ii": "lower", "iii": "higher", "iv": "higher", "v": "higher"},
                   {"i": "lower", "ii": "lower", "iii": "higher", "iv": "lower", "v": "higher"},
                   {"i": "lower", "ii": "unchanged", "iii": "lower", "iv": "higher", "v": "higher"},
                   {"i": "lower", "ii": "lower", "iii": "lower", "iv": "lower", "v": "higher"}],
)

q4 = ChoiceQuestion(
    key="probabilistic_clv.q4",
    answer="a",
    options=["a", "b", "c", "d"],
    wrong_answers=["b", "c", "d"],
)
