"""Exercises for notebooks/03_classifying_stages: scoring a rule-based stage classifier."""
import numpy as np
import pandas as pd

from helpers.exercises.core import ChoiceQuestion, FunctionQuestion, NumberQuestion
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

q1 = NumberQuestion(
    "With the default thresholds, what share of the customer-months that are truly in stability "
    "does the classifier label stability (the recall of stability)? Give a number between 0 and 1.",
    answer=0.4835, tolerance=0.005, share=True,
    hints=["Take the row of the confusion matrix for the true stage 'stability'.",
           "Divide the diagonal cell `conf.loc['stability', 'stability']` by the row's total "
           "`conf.loc['stability'].sum()`."],
    solution="`conf.loc['stability', 'stability'] / conf.loc['stability'].sum()` ≈ 0.48: fewer than "
             "half of the truly stable months are recognised. Most of the rest (0.37 of them) are "
             "called formation: a monthly count of purchases is noisy, so a lucky quarter looks like "
             "growth, and young customers or slow early months keep rule 4 from granting stability.",
    wrong_answers=[0.7255, 0.5746, 0.2001, 48.35],
)

q2 = ChoiceQuestion(
    "Raise `churn_silence` from 9 to 12 months (keep the other defaults). What happens to the "
    "recall of the churned stage?",
    answer="it falls",
    options=["it rises", "it falls", "it does not change"],
    hints=["Run `lifecycle.classify_stages(panel, churn_silence=12)` and score it with "
           "`lifecycle.stage_confusion(truth, ...)`.",
           "A customer now has to be silent for longer before the rules call them churned. "
           "What happens to the months just after a customer truly left?"],
    solution="It falls (from about 0.75 to about 0.63): the rules wait longer before calling a silent "
             "customer churned, so more truly churned months are still labelled decline. In exchange "
             "the label becomes more trustworthy (its precision rises from about 0.89 to 0.95).",
    wrong_answers=["it rises", "it does not change", "falls"],
)

q3 = FunctionQuestion(
    "Write a function `recall(conf)` that takes a 5 x 5 confusion matrix (rows: true stage, "
    "columns: classified stage, as `lifecycle.stage_confusion` returns it) and returns the recall "
    "of each true stage, in the order of the rows.",
    answer=_recall,
    cases=_CASES,
    hints=["Recall asks: of everything that truly is stage k, what share did we label k?",
           "The diagonal holds the hits: `np.diag(conf)`; divide by the row sums `conf.sum(axis=1)`."],
    solution="`def recall(conf): return np.diag(conf) / conf.sum(axis=1)`. Dividing by the column "
             "sums instead gives the precision: of everything we labelled k, what share truly is k.",
    wrong_answers=[lambda c: np.diag(c) / np.asarray(c).sum(axis=0),
                   lambda c: np.diag(c) / np.asarray(c).sum(),
                   lambda c: np.diag(c)],
)

q4 = NumberQuestion(
    "Using the TRUE stages of the synthetic data, what share of forum members are churned in "
    "December 2015? (For non-members it is about 0.51.)",
    answer=0.2081, tolerance=0.005, share=True,
    hints=["Keep the rows of `x['true_stages']` whose period is 2015-12-01 and merge "
           "`x['customers'][['customer_id', 'forum_member']]` onto them.",
           "Group by `forum_member` and take the mean of `stage == 'churned'`."],
    solution="About 0.21, against about 0.51 for non-members: in this synthetic data set members "
             "move into decline and from decline into churn less often, by construction of the "
             "generator (reading 000 credits Xiaomi's community with keeping customers stable).",
    wrong_answers=[0.5124, 0.3497, 20.81],
)
