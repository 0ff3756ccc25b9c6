"""Winning back declining customers (二次开发, "second development"): how many, and did a launch help?

Definitions used throughout (months are the periods of a stage panel):

- A customer is **at risk** in month ``m`` if the stage in month ``m - 1`` was ``decline`` 退化期.
- An at-risk customer is **won back** in month ``m`` if the stage in month ``m`` is ``formation``
  or ``stability``: the relationship is growing or steady again. (With the rules of
  :func:`helpers.lifecycle.classify_stages` this almost always means a new purchase; a few
  customers leave decline only because old months drop out of their baseline.)
- The **win-back rate** of a set of months is win-backs divided by at-risk customer-months.

To judge a product launch (reading 000: Xiaomi widened its line-up with Redmi in 2013 and Redmi
Note in 2014 to hold on to customers), :func:`launch_winback` compares the rate in the first
full months the product was on sale with the rate in the months before the launch, the
counterfactual "what would have happened anyway". Customers who came back and bought the new
phone are *not* counted as the launch's effect: many of them would have come back anyway.

>>> stages = pd.DataFrame({"customer_id": ["a"] * 3 + ["b"] * 3,
...                        "period": pd.to_datetime(["2013-06-01", "2013-07-01", "2013-08-01"] * 2),
...                        "stage": ["decline", "formation", "formation", "decline", "decline", "churned"]})
>>> winback_by_month(stages).loc["2013-07-01"].tolist()
[2.0, 1.0, 0.5]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number
from helpers.bootstrap import _check_boot, percentile_interval, ratio_draws

__all__ = ["WON_BACK_TO", "winback_by_month", "launch_windows", "launch_winback"]

#: Stages that count as "won back" from decline.
WON_BACK_TO = ("formation", "stability")


def _moves(stages, customer, period, stage, from_stage, to_stages):
    """Customer code, destination month (as a monthly Period ordinal), at-risk and won-back flags."""
    check_frame(stages, "stages", [customer, period, stage],
                     expected="one row per customer and month, as classify_stages() returns")
    if not pd.api.types.is_datetime64_any_dtype(stages[period]):
        raise TypeError(f"stages column {period!r} must hold dates (month starts), got {stages[period].dtype}")
    if not isinstance(from_stage, str):
        raise TypeError(f"from_stage must be a stage name, got {from_stage!r}")
    if isinstance(to_stages, str) or not all(isinstance(s, str) for s in to_stages) or not to_stages:
        raise TypeError(f"to_stages must be a tuple of stage names, got {to_stages!r}")
    if from_stage in to_stages:
        raise ValueError(f"from_stage {from_stage!r} cannot also be a stage customers are won back to")
    ids, uniques = pd.factorize(stages[customer], sort=True)
    month = stages[period].to_numpy().astype("datetime64[M]").astype(np.int64)
    order = np.lexsort((month, ids))
    ids, month = ids[order], month[order]
    label = stages[stage].astype(str).to_numpy()[order]
    same = ids[1:] == ids[:-1]
    if (same & (month[1:] == month[:-1])).any():
        raise ValueError(f"stages has more than one row for the same {customer!r} and month")
    at_risk = label[:-1][same] == from_stage
    won = at_risk & np.isin(label[1:][same], list(to_stages))
    return ids[1:][same], month[1:][same], at_risk, won, len(uniques)


def winback_by_month(stages: pd.DataFrame, *, from_stage: str = "decline", to_stages=WON_BACK_TO,
                     customer: str = "customer_id", period: str = "period",
                     stage: str = "stage") -> pd.DataFrame:
    """At-risk customers, win-backs and the win-back rate, month by month.

    Parameters
    ----------
    stages : pandas.DataFrame
        One row per customer and month (columns ``customer``, ``period`` as month-start dates,
        ``stage``), e.g. the output of :func:`helpers.lifecycle.classify_stages`.
    from_stage : str, default "decline"
        The stage a customer must have been in last month to be at risk.
    to_stages : tuple of str, default ("formation", "stability")
        The stages that count as won back.
    customer, period, stage : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by month (month start, the month of the win-back), columns ``at_risk`` (customers
        in ``from_stage`` the month before), ``won_back`` and ``rate`` (NaN with nobody at risk);
        from the second month of the data to the last.

    Examples
    --------
    >>> s = pd.DataFrame({"customer_id": ["a", "a"], "period": pd.to_datetime(["2014-01-01", "2014-02-01"]),
    ...                   "stage": ["decline", "stability"]})
    >>> winback_by_month(s)["won_back"].tolist()
    [1.0]
    """
    _, month, at_risk, won, _ = _moves(stages, customer, period, stage, from_stage, to_stages)
    if len(month) == 0:
        raise ValueError("stages hold a single month per customer: no month-to-month moves to count")
    lo, hi = month.min(), month.max()
    n = hi - lo + 1
    risk = np.bincount(month - lo, weights=at_risk.astype(float), minlength=n)
    back = np.bincount(month - lo, weights=won.astype(float), minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(risk > 0, back / np.maximum(risk, 1), np.nan)
    index = pd.DatetimeIndex(np.arange(lo, hi + 1).astype("datetime64[M]").astype("datetime64[ns]"),
                             name=period)
    return pd.DataFrame({"at_risk": risk, "won_back": back, "rate": rate}, index=index)


def _launch_dates(launches) -> pd.Series:
    if isinstance(launches, dict):
        launches = pd.Series(launches, dtype=object)
    if not isinstance(launches, pd.Series):
        raise TypeError(f"launches must be a dict or Series of name -> launch date, got {type(launches).__name__}")
    if launches.empty:
        raise ValueError("launches is empty: give at least one product launch")
    try:
        dates = pd.to_datetime(launches)
    except (TypeError, ValueError):
        raise ValueError(f"launches must hold dates such as '2013-07-31', got {list(launches)}") from None
    if dates.isna().any():
        raise ValueError("launches has a missing date")
    return dates


def launch_windows(launches, *, months: int = 3, before: int = 12) -> pd.DataFrame:
    """The months compared for each launch: the first full months on sale and the months before.

    Parameters
    ----------
    launches : dict or pandas.Series
        Product name -> launch date.
    months : int, default 3
        Length of the launch window: the first ``months`` calendar months that start on or after
        the launch day (a launch on the 31st leaves its own month out).
    before : int, default 12
        Length of the baseline: the ``before`` months that end with the month before the launch's
        month.

    Returns
    -------
    pandas.DataFrame
        Indexed by product: ``launch``, ``window_start``, ``window_end``, ``baseline_start``,
        ``baseline_end`` (month starts, inclusive).

    Examples
    --------
    >>> launch_windows({"Redmi": "2013-07-31"}).loc["Redmi"].dt.strftime("%Y-%m").tolist()
    ['2013-07', '2013-08', '2013-10', '2012-07', '2013-06']
    """
    months, before = (check_number(value, name, integer=True, low=1, must={"low": "be at least 1 month"})
                      for value, name in ((months, "months"), (before, "before")))
    dates = _launch_dates(launches)
    launch_month = dates.dt.to_period("M")
    first_full = launch_month + (dates.dt.day > 1).astype(int)
    return pd.DataFrame({
        "launch": dates,
        "window_start": first_full.dt.to_timestamp(),
        "window_end": (first_full + (months - 1)).dt.to_timestamp(),
        "baseline_start": (launch_month - before).dt.to_timestamp(),
        "baseline_end": (launch_month - 1).dt.to_timestamp(),
    }, index=pd.Index(dates.index, name="product"))


def launch_winback(stages: pd.DataFrame, launches, *, months: int = 3, before: int = 12,
                   n_boot: int = 1000, seed: int | None = 0, level: float = 0.95,
                   from_stage: str = "decline", to_stages=WON_BACK_TO, customer: str = "customer_id",
                   period: str = "period", stage: str = "stage") -> pd.DataFrame:
    """Did a launch win back more declining customers than the months before would predict?

    For each launch: the win-back rate in the launch window (:func:`launch_windows`), the rate in
    the baseline months before it, the win-backs expected in the window at the baseline rate
    (``at_risk * baseline_rate``, the counterfactual), and the **extra** win-backs,
    ``won_back - expected``. A bootstrap over customers (:func:`helpers.bootstrap.ratio_draws`)
    gives an interval for the difference in rates; the interval of ``extra`` is that interval
    times the at-risk customer-months of the window.

    Parameters
    ----------
    stages : pandas.DataFrame
        One row per customer and month, as for :func:`winback_by_month`.
    launches : dict or pandas.Series
        Product name -> launch date.
    months, before : int
        Window and baseline lengths in months (see :func:`launch_windows`).
    n_boot : int, default 1000
        Bootstrap replicates.
    seed : int or None, default 0
        Seed of the bootstrap.
    level : float, default 0.95
        Coverage of the intervals.
    from_stage, to_stages, customer, period, stage
        As in :func:`winback_by_month`.

    Returns
    -------
    pandas.DataFrame
        Indexed by product: the columns of :func:`launch_windows`, then ``at_risk`` and
        ``won_back`` (in the window), ``rate``, ``baseline_at_risk``, ``baseline_rate``,
        ``expected``, ``extra``, ``extra_lower``, ``extra_upper``.

    Raises
    ------
    ValueError
        If a window or baseline has no at-risk customer in the data.

    Examples
    --------
    >>> months = pd.date_range("2013-01-01", periods=8, freq="MS")
    >>> s = pd.DataFrame({"customer_id": np.repeat(["a", "b"], 8), "period": np.tile(months, 2),
    ...                   "stage": ["decline"] * 16})
    >>> out = launch_winback(s, {"X": "2013-05-01"}, months=2, before=3, n_boot=20)
    >>> out.loc["X", ["at_risk", "won_back", "expected", "extra"]].astype(float).tolist()
    [4.0, 0.0, 0.0, 0.0]
    """
    _check_boot(n_boot, seed, level)
    windows = launch_windows(launches, months=months, before=before)
    ids, month, at_risk, won, n_cust = _moves(stages, customer, period, stage, from_stage, to_stages)
    as_code = lambda col: windows[col].to_numpy().astype("datetime64[M]").astype(np.int64)  # noqa: E731
    num, den = [], []
    for a, b in (("window_start", "window_end"), ("baseline_start", "baseline_end")):
        lo, hi = as_code(a), as_code(b)
        for k in range(len(windows)):
            inside = (month >= lo[k]) & (month <= hi[k])
            num.append(np.bincount(ids, weights=(won & inside).astype(float), minlength=n_cust))
            den.append(np.bincount(ids, weights=(at_risk & inside).astype(float), minlength=n_cust))
    num, den = np.column_stack(num), np.column_stack(den)
    totals_num, totals_den = num.sum(axis=0), den.sum(axis=0)
    m = len(windows)
    empty = [f"{windows.index[k % m]} ({'window' if k < m else 'baseline'})"
             for k in np.flatnonzero(totals_den == 0)]
    if empty:
        raise ValueError(f"no at-risk customer-months in {empty}: the data do not cover these months")
    draws = ratio_draws(num, den, n_boot=n_boot, seed=seed)
    lower, upper = percentile_interval(draws[:, :m] - draws[:, m:], level)
    out = windows.copy()
    out["at_risk"] = totals_den[:m]
    out["won_back"] = totals_num[:m]
    out["rate"] = totals_num[:m] / totals_den[:m]
    out["baseline_at_risk"] = totals_den[m:]
    out["baseline_rate"] = totals_num[m:] / totals_den[m:]
    out["expected"] = out["at_risk"] * out["baseline_rate"]
    out["extra"] = out["won_back"] - out["expected"]
    out["extra_lower"] = out["at_risk"].to_numpy() * lower
    out["extra_upper"] = out["at_risk"].to_numpy() * upper
    return out
