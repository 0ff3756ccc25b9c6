"""Retention: churn prediction (客户流失预测) and who is worth winning back (notebook 07).

In the stability stage the firm **retains** (客户保持): it predicts which customers are about to
decline and acts before they do; in decline it rescues the high-value customers first
(reading 002). This module builds the data for a churn model from a transaction log, fits two
small scikit-learn models, scores them honestly, and ranks declining customers by what saving
them is worth.

Churn in a non-contractual business is never announced, so it has to be defined: here a
customer **churns** when they buy nothing in the ``horizon`` months after the cut-off date.
Features describe the customer at the cut-off, from the stage panel of notebook 03 and from RFM
(notebook 05). A **time-based split** trains on one cut-off and tests on a later one, as the
model would be used: fitted on the past, judged on a future it has not seen.

>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "b"],
...                    "date": pd.to_datetime(["2014-01-10", "2014-05-02", "2014-02-01",
...                                            "2014-06-20", "2014-07-15"]),
...                    "amount": [799.0, 49.0, 1999.0, 99.0, 49.0]})
>>> d = churn_dataset(tx, "2014-06-30", horizon=1)
>>> d[["recency_days", "frequency", "churn"]].values.tolist()
[[59.0, 2.0, 1.0], [10.0, 2.0, 0.0]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import lifecycle, value
from helpers._checks import check_frame, check_number, check_numbers, validate_transactions
from helpers.campaigns import _scores_outcome, top_share_lift

#: Feature columns :func:`churn_dataset` builds (stage dummies are added after these).
FEATURES = ("tenure", "recency", "cum_purchases", "recent_rate", "baseline_rate", "trend",
            "spend_12m", "recency_days", "frequency", "monetary")
#: Stage indicator columns (exploration is the reference level).
STAGE_FEATURES = ("stage_formation", "stage_stability", "stage_decline")


def _timestamp(value, name):
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must be a date such as '2014-06-30', got {value!r}") from err
    if pd.isna(ts):
        raise ValueError(f"{name} must be a date such as '2014-06-30', got {value!r}")
    return ts


def churn_dataset(transactions: pd.DataFrame, cutoff, *, horizon: int = 6, customers=None,
                  thresholds: dict | None = None) -> pd.DataFrame:
    """Features at ``cutoff`` and the churn label over the next ``horizon`` months, one row per
    customer still in a relationship at the cut-off.

    Customers are included when they bought on or before ``cutoff`` and the stage classifier
    (:func:`helpers.lifecycle.classify_stages`, monthly) does not already call them churned in
    the cut-off month: a model for customers who have long gone is of no use.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount``.
    cutoff : date-like
        The date the model "stands" on; only transactions up to it make the features.
    horizon : int, default 6
        Months after the cut-off in which a purchase means "not churned".
    customers : pandas.DataFrame, optional
        Extra per-customer columns to join (e.g. ``forum_member``), with a ``customer_id``
        column; booleans become 0/1.
    thresholds : dict, optional
        Stage thresholds for :func:`helpers.lifecycle.classify_stages`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``: ``stage`` at the cut-off, the columns of :data:`FEATURES`
        (stage panel: tenure, recency and rates in months; RFM: ``recency_days``,
        ``frequency`` in purchase days, ``monetary`` total spend), ``spend_12m`` (spend in the
        last 12 months), :data:`STAGE_FEATURES` (0/1), any ``customers`` columns, and ``churn``
        (1 = no purchase in the horizon). ``trend`` is 1 where it is undefined (no baseline
        yet). ``attrs["cutoff"]`` and ``attrs["horizon"]`` record the split.

    Raises
    ------
    TypeError, ValueError
        For a bad frame, a cut-off outside the data (there must be transactions before it,
        and the horizon must end by the last transaction date), or a bad horizon.
    """
    if not isinstance(transactions, pd.DataFrame):
        raise TypeError(f"transactions must be a DataFrame, got {type(transactions).__name__}")
    horizon = check_number(horizon, "horizon", integer=True, low=1, hint=" (months)")
    tx = validate_transactions(transactions[[c for c in ("customer_id", "date", "amount")
                                             if c in transactions.columns]])
    cut = _timestamp(cutoff, "cutoff")
    end = cut + pd.DateOffset(months=int(horizon))
    if tx["date"].min() > cut:
        raise ValueError(f"cutoff ({cut.date()}) is before the first transaction ({tx['date'].min().date()})")
    if tx["date"].max() < end - pd.Timedelta(days=31):
        raise ValueError(f"the horizon ends {end.date()}, after the data ({tx['date'].max().date()}): "
                         "the label would be unknown; choose an earlier cutoff or a shorter horizon")
    past = tx[tx["date"] <= cut]
    future = tx[(tx["date"] > cut) & (tx["date"] <= end)]

    panel = lifecycle.classify_stages(lifecycle.stage_panel(past, end=cut), **(thresholds or {}))
    now = panel.groupby("customer_id", sort=True).tail(1).set_index("customer_id")
    now = now[now["stage"] != "churned"]
    last12 = panel[panel["period"] > cut.to_period("M").to_timestamp() - pd.DateOffset(months=12)]
    spend12 = last12.groupby("customer_id")["spend"].sum()
    rfm = value.rfm_table(past, now=cut)

    out = pd.DataFrame(index=now.index.copy())
    out["stage"] = now["stage"].astype(str)
    for col in ("tenure", "recency", "cum_purchases", "recent_rate", "baseline_rate", "trend"):
        out[col] = now[col].astype(float)
    out["baseline_rate"] = out["baseline_rate"].fillna(0.0)
    out["trend"] = out["trend"].fillna(1.0)
    out["spend_12m"] = spend12.reindex(out.index).fillna(0.0)
    out["recency_days"] = rfm["recency"].reindex(out.index).astype(float)
    out["frequency"] = rfm["frequency"].reindex(out.index).astype(float)
    out["monetary"] = rfm["monetary"].reindex(out.index).astype(float)
    for col in STAGE_FEATURES:
        out[col] = (out["stage"] == col.removeprefix("stage_")).astype(float)
    if customers is not None:
        check_frame(customers, "customers", ["customer_id"], expected="one row per customer, extra features",
                    empty_ok=True, nan_ok=True)
        extra = customers.drop_duplicates("customer_id").set_index("customer_id")
        clash = [c for c in extra.columns if c in out.columns or c == "churn"]
        if clash:
            raise ValueError(f"customers has column(s) {clash} that clash with the features")
        extra = extra.reindex(out.index)
        for col in extra.columns:
            out[col] = extra[col].astype(float) if extra[col].dtype == bool else extra[col]
    bought = future["customer_id"].unique()
    out["churn"] = (~out.index.isin(bought)).astype(float)
    out.attrs = {"cutoff": str(cut.date()), "horizon": int(horizon)}
    return out


def _xy(data, features, name="data", need_label=True):
    if isinstance(features, str) or not hasattr(features, "__iter__"):
        raise TypeError("features must be a list of column names")
    features = list(features)
    check_frame(data, name, features + (["churn"] if need_label else []),
                expected="one row per customer, from churn_dataset()", nan_ok=True)
    if not features:
        raise ValueError("features must name at least one column")
    try:
        x = data[features].to_numpy(dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{name}: features must be numeric columns") from err
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name}: features hold NaN or infinite values")
    y = data["churn"].to_numpy(dtype=float) if need_label else None
    if need_label and len(np.unique(y)) < 2:
        raise ValueError(f"{name}: the churn label has one class only; a model needs both")
    return x, y


def fit_churn_models(train: pd.DataFrame, features, *, seed: int = 0, max_depth: int = 4) -> dict:
    """Fit a logistic regression and a decision tree to predict churn.

    * **logistic regression** (逻辑回归): standardised features, L2 penalty (scikit-learn's
      default ``C = 1``); its coefficients read as log-odds per standard deviation.
    * **decision tree** (决策树): depth ``max_depth``, at least 1% of the rows in every leaf,
      so that it stays readable and does not memorise the training month.

    Parameters
    ----------
    train : pandas.DataFrame
        From :func:`churn_dataset`; needs the ``features`` and ``churn``.
    features : list of str
    seed : int, default 0
        ``random_state`` of the tree (ties between equally good splits).
    max_depth : int, default 4

    Returns
    -------
    dict
        ``{"logistic regression": fitted pipeline, "decision tree": fitted tree}``.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    x, y = _xy(train, features, "train")
    seed = check_number(seed, "seed", integer=True)
    max_depth = check_number(max_depth, "max_depth", integer=True, low=1)
    logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    tree = DecisionTreeClassifier(max_depth=max_depth, min_samples_leaf=max(1, len(y) // 100),
                                  random_state=seed)
    return {"logistic regression": logit.fit(x, y), "decision tree": tree.fit(x, y)}


def predict_churn(models: dict, data: pd.DataFrame, features) -> pd.DataFrame:
    """Each model's predicted churn probability for every row of ``data``.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``data``, one column per model.
    """
    if not isinstance(models, dict) or not models:
        raise TypeError("models must be the dict returned by fit_churn_models()")
    x, _ = _xy(data, features, "data", need_label=False)
    return pd.DataFrame({name: m.predict_proba(x)[:, 1] for name, m in models.items()}, index=data.index)


def _labels_scores(outcome, scores):
    s, o = _scores_outcome(scores, outcome)
    if o.sum() == len(o):
        raise ValueError("outcome has no negative case: the measure is undefined")
    return o, s


def churn_report(outcome, predictions: pd.DataFrame) -> pd.DataFrame:
    """ROC AUC, top-decile lift and Brier score of each model's predictions.

    Parameters
    ----------
    outcome : array-like of 0/1
        Whether each customer churned.
    predictions : pandas.DataFrame
        One column of predicted probabilities per model (from :func:`predict_churn`), same length.

    Returns
    -------
    pandas.DataFrame
        One row per model: ``roc_auc`` (0.5 = guessing, 1 = perfect ranking),
        ``top_decile_lift`` (churn rate of the 10% scored riskiest over the overall rate),
        ``brier`` (mean squared error of the probabilities; lower is better),
        ``mean_predicted`` and ``churn_rate`` (a calibrated model has the two close).

    Examples
    --------
    >>> p = pd.DataFrame({"model": [0.9, 0.8, 0.2, 0.1]})
    >>> churn_report([1, 0, 1, 0], p)["roc_auc"].tolist()
    [0.75]
    """
    from sklearn.metrics import roc_auc_score
    if not isinstance(predictions, pd.DataFrame) or predictions.shape[1] == 0:
        raise TypeError("predictions must be a DataFrame with one column per model")
    rows = {}
    for name in predictions.columns:
        o, s = _labels_scores(outcome, predictions[name].to_numpy())
        rows[name] = {"roc_auc": roc_auc_score(o, s), "top_decile_lift": top_share_lift(s, o, 0.1),
                      "brier": float(np.mean((s - o) ** 2)), "mean_predicted": float(s.mean()),
                      "churn_rate": float(o.mean())}
    return pd.DataFrame(rows).T.rename_axis("model")


def roc_points(outcome, scores) -> pd.DataFrame:
    """The ROC curve: false-positive rate against true-positive rate at every threshold.

    Examples
    --------
    >>> roc_points([1, 0, 1, 0], [0.9, 0.8, 0.2, 0.1])["tpr"].tolist()
    [0.0, 0.5, 0.5, 1.0, 1.0]
    """
    from sklearn.metrics import roc_curve
    o, s = _labels_scores(outcome, scores)
    fpr, tpr, _ = roc_curve(o, s)
    return pd.DataFrame({"fpr": fpr, "tpr": tpr})


def calibration_table(outcome, probability, bins: int = 10) -> pd.DataFrame:
    """Predicted against observed churn in groups of equal size (a reliability table).

    Customers are sorted by predicted probability and cut into ``bins`` equal groups; for a
    well-calibrated model each group's mean prediction matches its observed churn rate.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``group`` (1 = lowest predictions): ``customers``, ``mean_predicted``,
        ``observed``.

    Examples
    --------
    >>> calibration_table([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], bins=2).round(2).values.tolist()
    [[2.0, 0.2, 0.0], [2.0, 0.7, 1.0]]
    """
    o, p = _labels_scores(outcome, probability)
    if np.any((p < 0) | (p > 1)):
        raise ValueError("probability must lie between 0 and 1")
    bins = check_number(bins, "bins", integer=True, low=1, high=len(p),
                        must=f"be between 1 and the number of customers ({len(p)})")
    order = np.argsort(p, kind="stable")
    group = np.arange(len(p)) * bins // len(p)
    frame = pd.DataFrame({"group": group + 1, "p": p[order], "o": o[order]})
    out = frame.groupby("group").agg(customers=("p", "size"), mean_predicted=("p", "mean"),
                                     observed=("o", "mean"))
    out["customers"] = out["customers"].astype(float)
    return out


def winback_value(p_alive, clv, save_rate, cost):
    """Expected value of a win-back attempt: ``P(alive) * CLV * save_rate - cost``.

    ``P(alive)`` is the chance the customer is still reachable (not already lost for good),
    ``clv`` the customer's value *if the relationship goes on* (not already discounted by
    ``P(alive)``), ``save_rate`` the chance the call or offer works and ``cost`` what it costs.
    A positive value means the attempt pays on average.

    Parameters
    ----------
    p_alive : float or array-like in [0, 1]
    clv : float or array-like, zero or more (money)
    save_rate : float or array-like in [0, 1]
    cost : float or array-like, zero or more (money)

    Returns
    -------
    float or numpy.ndarray (pandas.Series if ``clv`` or ``p_alive`` is a Series)

    Examples
    --------
    >>> winback_value(0.6, 2000.0, 0.25, 50.0)
    250.0
    """
    parts = {}
    for name, v in (("p_alive", p_alive), ("clv", clv), ("save_rate", save_rate), ("cost", cost)):
        arr = check_numbers(v, name, what="a number or numbers")
        if np.any(arr < 0):
            raise ValueError(f"{name} must be finite and zero or more")
        if name in ("p_alive", "save_rate") and np.any(arr > 1):
            raise ValueError(f"{name} must be a probability between 0 and 1")
        parts[name] = arr
    try:
        out = parts["p_alive"] * parts["clv"] * parts["save_rate"] - parts["cost"]
    except ValueError as err:
        raise ValueError(f"p_alive, clv, save_rate and cost have sizes that do not match: {err}") from err
    for v in (clv, p_alive):
        if isinstance(v, pd.Series) and out.shape == v.shape:
            return pd.Series(out, index=v.index, name="winback_value")
    return float(out) if out.ndim == 0 else out


def rank_winback(customers: pd.DataFrame, *, save_rate: float, cost: float,
                 budget: float | None = None) -> pd.DataFrame:
    """Rank customers by the value of trying to win them back (rescue high-value customers first).

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer with ``p_alive`` and ``clv`` (value if retained).
    save_rate, cost : float
        As in :func:`winback_value` (one value for everyone).
    budget : float, optional
        Money for win-back calls; the best-ranked customers with a positive value are called
        until it runs out. Default: call everyone with a positive value.

    Returns
    -------
    pandas.DataFrame
        A sorted copy (best first, ties by index) with ``winback_value``, ``rank`` (1 = first),
        ``cumulative_value`` and ``call`` (bool).

    Examples
    --------
    >>> c = pd.DataFrame({"p_alive": [0.9, 0.2, 0.5], "clv": [100.0, 5000.0, 800.0]}, index=["a", "b", "c"])
    >>> rank_winback(c, save_rate=0.2, cost=30.0)[["winback_value", "call"]].values.tolist()
    [[170.0, True], [50.0, True], [-12.0, False]]
    """
    check_frame(customers, "customers", ["p_alive", "clv"], expected="one row per customer", nan_ok=True)
    for name, v in (("save_rate", save_rate), ("cost", cost)):
        check_number(v, name, low=0, must="be finite and zero or more")
    val = winback_value(customers["p_alive"].to_numpy(), customers["clv"].to_numpy(), save_rate, cost)
    out = customers.copy()
    out["winback_value"] = val
    order = np.lexsort((np.arange(len(out)), -val))
    out = out.iloc[order]
    out["rank"] = np.arange(1, len(out) + 1)
    positive = out["winback_value"].to_numpy() > 0
    if budget is None:
        call = positive
    else:
        check_number(budget, "budget", low=0, must="be a finite amount, zero or more")
        affordable = int(budget // cost) if cost > 0 else len(out)
        call = positive & (np.arange(len(out)) < affordable)
    out["call"] = call
    out["cumulative_value"] = np.cumsum(np.where(call, out["winback_value"].to_numpy(), 0.0))
    return out


def value_if_alive(bg, summary: pd.DataFrame, spend_per_purchase, *, horizon: int = 24,
                   discount_rate: float = 0.01, freq: str = "W") -> pd.Series:
    """Discounted value of each customer's next ``horizon`` periods of purchases *if the
    customer is still alive*: the ``clv`` that :func:`winback_value` needs.

    BG/NBD's expected purchases given a customer's history already average over the chance
    that the customer has left: ``E[Y(t) | history] = P(alive) * E[Y(t) | alive, history]``.
    Dividing by ``P(alive)`` gives the value of the relationship if it goes on, so that
    ``P(alive) * value_if_alive`` is the BTYD CLV of :func:`helpers.btyd.clv` again.

    Parameters
    ----------
    bg : helpers.btyd.BetaGeo
        A fitted model, in the time unit of ``summary`` (``summary.attrs["freq"]``).
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T`` (from :func:`helpers.btyd.summarize`).
    spend_per_purchase : float or array-like
        Money per purchase (one value, or one per customer), above zero; multiply by a margin
        first to get profit.
    horizon, discount_rate, freq
        As in :func:`helpers.btyd.clv` (periods of a week by default, as there).

    Returns
    -------
    pandas.Series
        Named ``value_if_alive``, indexed like ``summary``.

    Examples
    --------
    >>> from helpers import btyd
    >>> bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> s = pd.DataFrame({"frequency": [2], "recency": [30.0], "T": [60.0]})
    >>> round(float(value_if_alive(bg, s, 20.0, horizon=12, freq="M").iloc[0]), 2)
    28.98
    """
    from helpers import btyd
    if not isinstance(bg, btyd.BetaGeo) or bg.params_ is None:
        raise TypeError("bg must be a fitted helpers.btyd.BetaGeo model")
    check_frame(summary, "summary", ["frequency", "recency", "T"],
                expected="one row per customer; make it with helpers.btyd.summarize", nan_ok=True)
    spend = check_numbers(spend_per_purchase, "spend_per_purchase", what="a number or numbers")
    if spend.ndim > 1 or (spend.ndim == 1 and len(spend) != len(summary)):
        raise ValueError(f"spend_per_purchase must be one number or one per customer ({len(summary)})")
    if np.any(spend <= 0):
        raise ValueError("spend_per_purchase must be finite and above zero")
    # discounted expected purchases: btyd.clv with a spend model whose expected spend is always 1
    # (Gamma-Gamma with p = 1, q = 2, v = 1 and every mean spend 1 gives (1 + x) / (x + 1) = 1)
    unit = btyd.GammaGamma({"p": 1.0, "q": 2.0, "v": 1.0})
    ones = summary[["frequency", "recency", "T"]].assign(monetary_value=1.0)
    ones.attrs = dict(summary.attrs)
    purchases = btyd.clv(bg, unit, ones, horizon=horizon, discount_rate=discount_rate, freq=freq)
    p = np.asarray(bg.p_alive(summary["frequency"], summary["recency"], summary["T"]), dtype=float)
    return pd.Series(purchases.to_numpy() / np.maximum(p, 1e-12) * spend, index=summary.index,
                     name="value_if_alive")
