"""Exercises for notebooks/03_classifying_stages: scoring a rule-based stage classifier."""
import numpy as np
import pandas as pd

from helpers.exercises.core import ChoiceQuestion, FunctionQuestion, MatchQuestion
from helpers.lifecycle import STAGES


def _recall(confusion):
    counts = np.asarray(confusion, dtype=float)
    return np.diag(counts) / counts.sum(axis=1)


def _confusion(counts):
    return pd.DataFrame(counts, index=list(STAGES), columns=list(STAGES))


_CASES = [
    (_confusion(np.diag([5, 4, 3, 2, 1]) + 1),),
    (_confusion(np.arange(1, 26).reshape(5, 5)),),
    (_confusion([[9, 1, 0, 0, 0], [2, 6, 2, 0, 0], [0, 3, 7, 0, 0], [0, 0, 4, 4, 2], [0, 0, 0, 5, 5]]),),
]

#: How a stage's recall can move when one threshold changes (exercise 1).
MOVES = ["rises", "falls", "does not change"]
#: The same in Chinese (exercises 1 and 2).
MOVES_ZH = {"rises": "上升", "falls": "下降", "does not change": "不变"}

q1 = MatchQuestion(
    key="classifying_stages.q1",
    answer={"exploration": "does not change", "formation": "falls", "stability": "falls",
            "decline": "rises", "churned": "does not change"},
    labels=MOVES,
    aliases=MOVES_ZH,
    wrong_answers=[{"exploration": "does not change", "formation": "falls", "stability": "falls",
                    "decline": "falls", "churned": "does not change"},
                   {"exploration": "falls", "formation": "falls", "stability": "falls",
                    "decline": "rises", "churned": "falls"},
                   {"exploration": "does not change", "formation": "does not change",
                    "stability": "does not change", "decline": "rises", "churned": "does not change"}],
)

q2 = ChoiceQuestion(
    key="classifying_stages.q2",
    answer="it falls",
    options=["it rises", "it falls", "it does not change"],
    aliases={f"it {move}": zh for move, zh in MOVES_ZH.items()},
    wrong_answers=["it rises", "it does not change", "falls"],
)

q3 = FunctionQuestion(
    key="classifying_stages.q3",
    answer=_recall,
    cases=_CASES,
    wrong_answers=[lambda c: np.diag(c) / np.asarray(c).sum(axis=0),
                   lambda c: np.diag(c) / np.asarray(c).sum(),
                   lambda c: np.diag(c)],
)

q4 = ChoiceQuestion(
    key="classifying_stages.q4",
    answer="b",
    options=["a", "b", "c", "d"],
    wrong_answers=["a", "c", "d", "B)"],
)
