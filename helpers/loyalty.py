"""Loyalty (客户忠诚): what customers say against what they do (notebook 07).

Reading 000 describes customer loyalty as having three parts: **emotional** loyalty (情感忠诚,
attachment to the brand), **behavioural** loyalty (行为忠诚, buying again and again) and
**attitudinal** loyalty (意识忠诚, the intention to keep choosing the brand and recommend it). A
survey measures the first and the last; the transaction log measures the second. This module
holds a small **synthetic** survey of Xiaomi-style customers and joins it to their behaviour,
to ask how far what customers *say* predicts whether they buy again.

The synthetic survey
--------------------
:func:`simulate_loyalty_survey` picks ``n`` customers who are in a relationship at the survey
month (their true stage is not *churned*: lost customers do not answer surveys) and invents
their answers, two items on a 1–7 scale (7 = strongly agree):

* emotional: "I feel attached to the brand";
* attitudinal: "My next phone will be from this brand, and I would recommend it".

Both come from one hidden loyalty ``L = stage effect + 0.6 * forum member + N(0, 1)``, with
stage effects from :data:`STAGE_LOYALTY` (stability highest, decline lowest: the stage traits
of reading 000); forum members add 0.4 more to the emotional item (the community, reading
000). Each answer is ``round(4 + 1.1 * (L + noise - 0.5))`` clipped to 1–7, with independent
noise N(0, 0.9): people answer loosely. All numbers are *assumptions*. Behaviour is not
invented here: it comes from the synthetic orders, before and after the survey.

>>> import pandas as pd
>>> ts = pd.DataFrame({"customer_id": ["a", "b"], "period": pd.to_datetime(["2014-12-01"] * 2),
...                    "stage": ["stability", "decline"]})
>>> simulate_loyalty_survey(ts, n=2, survey_month="2014-12-01").columns.tolist()
['stage', 'forum_member', 'emotional', 'attitudinal']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number, validate_transactions

#: Mean hidden loyalty of each stage in the synthetic survey (*assumption*).
STAGE_LOYALTY = {"exploration": 0.0, "formation": 0.5, "stability": 1.0, "decline": -0.5}


def simulate_loyalty_survey(true_stages: pd.DataFrame, customers: pd.DataFrame | None = None, *,
                            survey_month="2014-12-01", n: int = 1500, seed: int = 11) -> pd.DataFrame:
    """A SYNTHETIC loyalty survey of ``n`` customers in a relationship at ``survey_month``.

    Parameters
    ----------
    true_stages : pandas.DataFrame
        Columns ``customer_id``, ``period`` (month start) and ``stage``, e.g.
        ``load_xiaomi()["true_stages"]``.
    customers : pandas.DataFrame, optional
        Columns ``customer_id`` and ``forum_member`` (bool); without it nobody is a member.
    survey_month : date-like
        First day of the month the survey ran.
    n : int, default 1500
        Respondents (at most the number of customers in a relationship that month).
    seed : int, default 11

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted): ``stage`` (the true stage, unknown to a real
        surveyor), ``forum_member`` (0/1), ``emotional`` and ``attitudinal`` (integers 1–7).
    """
    check_frame(true_stages, "true_stages", ["customer_id", "period", "stage"],
                expected="stages from classify_stages()", empty_ok=True, nan_ok=True)
    n = check_number(n, "n", integer=True, low=1)
    seed = check_number(seed, "seed", integer=True, low=0)
    try:
        month = pd.Timestamp(survey_month)
    except (TypeError, ValueError) as err:
        raise ValueError(f"survey_month must be a date such as '2014-12-01', got {survey_month!r}") from err
    month = month.to_period("M").to_timestamp()
    now = true_stages[(pd.to_datetime(true_stages["period"]) == month)
                      & (true_stages["stage"].astype(str) != "churned")]
    if len(now) == 0:
        raise ValueError(f"no customer is in a relationship in {month:%Y-%m}: check survey_month")
    if n > len(now):
        raise ValueError(f"n ({n}) is more than the {len(now)} customers in a relationship in {month:%Y-%m}")
    member = pd.Series(0.0, index=now["customer_id"].to_numpy())
    if customers is not None:
        check_frame(customers, "customers", ["customer_id", "forum_member"], expected="one row per customer",
                    empty_ok=True, nan_ok=True)
        member = (customers.drop_duplicates("customer_id").set_index("customer_id")["forum_member"]
                  .reindex(member.index).fillna(False).astype(float))
    rng = np.random.default_rng(seed)
    pool = now.sort_values("customer_id")
    pick = np.sort(rng.choice(len(pool), size=n, replace=False))
    chosen = pool.iloc[pick]
    ids = chosen["customer_id"].to_numpy()
    stage = chosen["stage"].astype(str).to_numpy()
    mem = member.reindex(ids).to_numpy()
    latent = np.array([STAGE_LOYALTY[s] for s in stage]) + 0.6 * mem + rng.normal(0, 1, n)

    def item(extra):
        raw = 4 + 1.1 * (latent + extra + rng.normal(0, 0.9, n) - 0.5)
        return np.clip(np.round(raw), 1, 7).astype(int)

    emotional = item(0.4 * mem)
    attitudinal = item(0.0)
    return pd.DataFrame({"stage": stage, "forum_member": mem, "emotional": emotional,
                         "attitudinal": attitudinal}, index=pd.Index(ids, name="customer_id"))


def join_behaviour(survey: pd.DataFrame, transactions: pd.DataFrame, survey_date, *,
                   months: int = 12) -> pd.DataFrame:
    """Add behaviour before and after the survey to each respondent.

    Parameters
    ----------
    survey : pandas.DataFrame
        Indexed by ``customer_id`` (e.g. from :func:`simulate_loyalty_survey`).
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount``.
    survey_date : date-like
        The day the survey closed: "before" is up to it, "after" is the ``months`` that follow.
    months : int, default 12

    Returns
    -------
    pandas.DataFrame
        A copy of ``survey`` with ``purchases_before`` (in the ``months`` before the survey,
        the behavioural loyalty a firm can see), ``purchases_after`` and ``repurchased``
        (1 if at least one purchase after).

    Examples
    --------
    >>> s = pd.DataFrame({"emotional": [6, 2]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [99.0, 799.0, 49.0],
    ...                    "date": pd.to_datetime(["2014-10-01", "2015-03-01", "2014-11-11"])})
    >>> join_behaviour(s, tx, "2014-12-31", months=3)[["purchases_before", "repurchased"]].values.tolist()
    [[1.0, 1.0], [1.0, 0.0]]
    """
    check_frame(survey, "survey", [], expected="one row per respondent, indexed by customer_id")
    if survey.index.hasnans or not survey.index.is_unique:
        raise ValueError("survey must be indexed by unique customer ids without missing values")
    months = check_number(months, "months", integer=True, low=1)
    if not isinstance(transactions, pd.DataFrame):
        raise TypeError(f"transactions must be a DataFrame, got {type(transactions).__name__}")
    tx = validate_transactions(transactions[[c for c in ("customer_id", "date", "amount")
                                             if c in transactions.columns]])
    try:
        day = pd.Timestamp(survey_date)
    except (TypeError, ValueError) as err:
        raise ValueError(f"survey_date must be a date such as '2014-12-31', got {survey_date!r}") from err
    start, end = day - pd.DateOffset(months=months), day + pd.DateOffset(months=months)
    if tx["date"].max() < end - pd.Timedelta(days=31):
        raise ValueError(f"the data end {tx['date'].max().date()}, before the {months} months after "
                         f"the survey ({end.date()}): repurchase would be unknown")
    before = tx[(tx["date"] > start) & (tx["date"] <= day)].groupby("customer_id").size()
    after = tx[(tx["date"] > day) & (tx["date"] <= end)].groupby("customer_id").size()
    out = survey.copy()
    out["purchases_before"] = before.reindex(out.index).fillna(0).astype(float)
    out["purchases_after"] = after.reindex(out.index).fillna(0).astype(float)
    out["repurchased"] = (out["purchases_after"] > 0).astype(float)
    return out


def loyalty_prediction(table: pd.DataFrame, outcome: str = "repurchased", *, predictors=None,
                       folds: int = 5, seed: int = 0) -> pd.DataFrame:
    """How well each loyalty measure, alone and together, predicts the outcome.

    Single measures are scored by ROC AUC of the raw score (no fitting: the higher the score,
    the likelier the repurchase). Combinations are scored by the cross-validated AUC of a
    logistic regression (``folds`` stratified folds, shuffled with ``seed``), so that no model
    is judged on the rows it learned from.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`join_behaviour`.
    outcome : str, default "repurchased"
    predictors : dict of str to list of str, optional
        Name -> columns. Default: emotional, attitudinal, behavioural (``purchases_before``),
        attitude (emotional + attitudinal) and all three.
    folds : int, default 5
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        One row per predictor set: ``columns`` and ``roc_auc``.

    Examples
    --------
    >>> t = pd.DataFrame({"emotional": [7, 6, 2, 1] * 5, "attitudinal": [6, 7, 1, 2] * 5,
    ...                   "purchases_before": [3, 2, 0, 1] * 5, "repurchased": [1, 1, 0, 0] * 5})
    >>> loyalty_prediction(t)["roc_auc"].round(2).tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0]
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if predictors is None:
        predictors = {"emotional": ["emotional"], "attitudinal": ["attitudinal"],
                      "behavioural (purchases before)": ["purchases_before"],
                      "attitude (emotional + attitudinal)": ["emotional", "attitudinal"],
                      "all three": ["emotional", "attitudinal", "purchases_before"]}
    if not isinstance(predictors, dict) or not predictors:
        raise TypeError("predictors must be a non-empty dict of name -> list of columns")
    cols = sorted({c for v in predictors.values() for c in v} | {outcome})
    check_frame(table, "table", cols, expected="pass the output of join_behaviour()", empty_ok=True, nan_ok=True)
    folds = check_number(folds, "folds", integer=True, low=2)
    y = table[outcome].to_numpy(dtype=float)
    if not np.isin(y, [0.0, 1.0]).all() or len(np.unique(y)) < 2:
        raise ValueError(f"table[{outcome!r}] must be 0/1 with both values present")
    rows = []
    for name, columns in predictors.items():
        x = table[list(columns)].to_numpy(dtype=float)
        if not np.all(np.isfinite(x)):
            raise ValueError(f"predictor {name!r} has missing values")
        if x.shape[1] == 1:
            auc = roc_auc_score(y, x[:, 0])
        else:
            cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
            model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
            p = cross_val_predict(model, x, y, cv=cv, method="predict_proba")[:, 1]
            auc = roc_auc_score(y, p)
        rows.append({"predictor": name, "columns": ", ".join(columns), "roc_auc": float(auc)})
    return pd.DataFrame(rows).set_index("predictor")
