"""Exercises for notebooks/04_stage_transitions_markov: the memoryless chain, the steady state of
a two-state chain, what the fundamental matrix says, and which lever to fund."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = ChoiceQuestion(
    key="stage_transitions_markov.q1",
    answer="exactly 5",
    options=["fewer than 5", "exactly 5", "more than 5"],
    aliases={option: [f"{zh}{gap}5{months}" for gap in ("", " ") for months in ("", "个月", " 个月")]
             for option, zh in (("fewer than 5", "少于"), ("exactly 5", "正好"), ("more than 5", "多于"))},
    wrong_answers=["fewer than 5", "more than 5", "5 months"],
)

q2 = NumberQuestion(
    key="stage_transitions_markov.q2",
    answer=10_000 * 0.03 / (0.15 + 0.03),
    tolerance=1.0,
    wrong_answers=[2000.0, 8333.0, 10_000 * 0.85 ** 2, 10_000.0],
)

q3 = ChoiceQuestion(
    key="stage_transitions_markov.q3",
    answer="b",
    options=["a", "b", "c", "d"],
    wrong_answers=["a", "c", "d"],
)

q4 = ChoiceQuestion(
    key="stage_transitions_markov.q4",
    answer="win-back team",
    options=["fan club", "win-back team", "neither"],
    aliases={"fan club": "粉丝俱乐部", "win-back team": "挽留团队", "neither": ["都不资助", "都不"]},
    wrong_answers=["fan club", "neither"],
)
