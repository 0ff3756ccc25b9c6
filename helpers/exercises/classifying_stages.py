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

q1 = MatchQuestion(
    "Predict before you check. Raise `decline_ratio` from 0.5 to 0.7 (keep the other defaults): "
    "more months now count as a fall below the customer's own baseline. For each true stage, does "
    "its recall rise, fall or not change? Then check with the threshold explorer.",
    answer={"exploration": "does not change", "formation": "falls", "stability": "falls",
            "decline": "rises", "churned": "does not change"},
    labels=MOVES,
    hints=["The rules are tried in order and the first that matches wins. Which rules come before the "
           "decline rule, and can a change in `decline_ratio` reach the months they label?",
           "Churned (rule 1) and exploration (rule 2) are decided before rule 3 is tried, so their "
           "labels cannot move. A month moves to decline when `trend` ≤ `decline_ratio`: which true "
           "stages have months with a trend between 0.5 and 0.7 that were labelled correctly before?",
           "In code: `lifecycle.stage_confusion(truth, lifecycle.classify_stages(panel, decline_ratio=0.7))`, "
           "then the diagonal divided by the row sums, against the `scores` table above."],
    solution="Exploration and churned do not change: rules 1 and 2 label those months before the decline "
             "rule is tried. Decline rises (0.451 → 0.489): more truly declining months fall below the "
             "higher threshold. Stability falls most (0.483 → 0.411): a stable customer's monthly counts "
             "are noisy around her baseline, so many stable months have a trend between 0.5 and 0.7; "
             "formation falls a little (0.550 → 0.532), since growing customers usually buy above their "
             "baseline. The price of catching more decline is paid by stability, and decline's "
             "precision even drops (0.265 → 0.253).",
    wrong_answers=[{"exploration": "does not change", "formation": "falls", "stability": "falls",
                    "decline": "falls", "churned": "does not change"},
                   {"exploration": "falls", "formation": "falls", "stability": "falls",
                    "decline": "rises", "churned": "falls"},
                   {"exploration": "does not change", "formation": "does not change",
                    "stability": "does not change", "decline": "rises", "churned": "does not change"}],
)

q2 = ChoiceQuestion(
    "Predict before you compute. Raise `churn_silence` from 9 to 12 months (keep the other "
    "defaults). What happens to the recall of the churned stage?",
    answer="it falls",
    options=["it rises", "it falls", "it does not change"],
    hints=["A customer now has to be silent for longer before the rules call them churned. What "
           "happens to the months just after a customer truly left?",
           "Recall of churned = truly churned months labelled churned / all truly churned months. "
           "The denominator does not change; does the numerator?",
           "`conf_12 = lifecycle.stage_confusion(truth, lifecycle.classify_stages(panel, churn_silence=12))`, "
           "then `conf_12.loc['churned', 'churned'] / conf_12.loc['churned'].sum()` against the "
           "`scores` table above."],
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
           "Recall of stage k = conf[k, k] / (sum over j of conf[k, j]): the diagonal cell divided by "
           "the total of its row, for every row at once.",
           "The diagonal holds the hits: `np.diag(conf)`; divide by the row sums `conf.sum(axis=1)`."],
    solution="`def recall(conf): return np.diag(conf) / conf.sum(axis=1)`. Dividing by the column "
             "sums instead gives the precision: of everything we labelled k, what share truly is k.",
    wrong_answers=[lambda c: np.diag(c) / np.asarray(c).sum(axis=0),
                   lambda c: np.diag(c) / np.asarray(c).sum(),
                   lambda c: np.diag(c)],
)

q4 = ChoiceQuestion(
    "In December 2015 the rules call 0.181 of forum members and 0.453 of non-members churned. The "
    "true shares are higher in both groups (compute them from `truth` to see). What makes the rules "
    "call fewer customers churned than truly are? (a) the rules wait for 9 silent months, so many "
    "customers who left recently are still labelled decline; (b) the rules call many customers "
    "churned too early; (c) the rules see who is a forum member and treat members more kindly; "
    "(d) truly churned customers keep ordering now and then. Answer with a letter.",
    answer="a",
    options=["a", "b", "c", "d"],
    hints=["Churn shows in an order log only as orders that did not happen. How long must a customer "
           "be silent before rule 1 calls them churned?",
           "Compare, for the truly churned customer-months of December 2015, how many the rules label "
           "churned and how many they label decline. Statement (b) is true for some customers, but "
           "would it make the rules' share too low?",
           "`dec = stages[stages['period'] == '2015-12-01'].merge(truth, on=['customer_id', 'period'], "
           "suffixes=('', '_true'))`, then `pd.crosstab(dec['stage_true'], dec['stage'])`."],
    solution="(a). Truly, 0.208 of members and 0.512 of non-members are churned. Of the 8,120 truly "
             "churned customers in December 2015 the rules give 1,370 another label, 1,231 of them "
             "decline, because their silence is not yet 9 months long; only 408 customers who have not "
             "churned are called churned (too early), so the count falls short in both groups. The gap "
             "between members and non-members survives (0.27 by the rules, 0.30 truly). The rules do "
             "not see membership (c), and in the synthetic data a churned customer never orders (d).",
    wrong_answers=["b", "c", "d", "A)"],
)
