"""Purchase histories: what each customer bought, and when, as the buy-till-you-die models need it.

A transaction log becomes, per customer, a first purchase (which starts the customer's clock) and
the repeat purchases after it. Purchases by one customer on the same day count as one transaction
(amounts summed), as in Fader, Hardie & Lee (2005).

:func:`summarize`
    one row per customer: ``frequency`` (repeat purchases), ``recency`` (first to last purchase),
    ``T`` (first purchase to the end of the calibration period) and ``monetary_value`` (mean
    value of the repeat purchases), optionally with a holdout period.
:func:`cumulative_repeat_purchases`
    the cohort's repeat purchases added up week by week, and what a model expects of the same
    customers (the data behind :func:`helpers.btyd.tracking`).

Both are also available from :mod:`helpers.btyd`, with the models.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers._checks import validate_transactions

#: Length in days of the time units the models can use.
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25}
UNIT_NAMES = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}


def _unit(freq, name="freq", allowed=("D", "W")) -> float:
    """Length in days of the time unit ``freq``, or a ValueError naming the allowed units."""
    if not isinstance(freq, str) or freq not in allowed:
        raise ValueError(f"{name} must be one of {list(allowed)} "
                         f"({', '.join(UNIT_NAMES[a] for a in allowed)}), got {freq!r}")
    return UNIT_DAYS[freq]


def _day(value, name):
    """A date argument as a midnight Timestamp, or a ValueError naming the argument."""
    if isinstance(value, (bool, int, float, np.number)):
        raise TypeError(f"{name} must be a date such as '1997-09-30', got {type(value).__name__} {value!r}")
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name} must be a date such as '1997-09-30', got {value!r}") from err
    if pd.isna(stamp):
        raise ValueError(f"{name} must be a date such as '1997-09-30', got {value!r}")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()


def _day_number(stamp: pd.Timestamp) -> int:
    return int(np.datetime64(stamp.date(), "D").astype(np.int64))


class _Histories(NamedTuple):
    """Every customer's purchase days, one row per customer and day, sorted by customer then day.

    ``customer`` (a code into ``ids``), ``day`` (days since 1970-01-01) and ``amount`` (the day's
    total) describe the rows; ``is_first`` marks each customer's first purchase and ``first`` holds
    its day per customer; ``cohort`` marks the customers whose first purchase falls on or before
    the end of calibration. ``calibration_end`` and ``observation_end`` are the periods' last days
    (``observation_end`` is None without a holdout; ``observation_day`` is then the calibration's).
    """

    ids: pd.Index
    customer: np.ndarray
    day: np.ndarray
    amount: np.ndarray
    is_first: np.ndarray
    first: np.ndarray
    cohort: np.ndarray
    calibration_end: pd.Timestamp
    observation_end: pd.Timestamp | None
    calibration_day: int
    observation_day: int


def _histories(transactions: pd.DataFrame, calibration_end=None, observation_end=None) -> _Histories:
    """Validated transactions and dates -> :class:`_Histories` (the bookkeeping both tables share)."""
    tx = validate_transactions(transactions)
    cal = None if calibration_end is None else _day(calibration_end, "calibration_end")
    obs = None if observation_end is None else _day(observation_end, "observation_end")
    if obs is not None and cal is None:
        raise ValueError("observation_end needs calibration_end: the holdout runs from the day after "
                         "calibration_end to observation_end")

    # one row per customer and day, same-day purchases summed, sorted by customer then day
    codes, ids = pd.factorize(tx["customer_id"], sort=True)
    days = tx["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    amounts = tx["amount"].to_numpy()
    offset = days - days.min()
    order = np.argsort(codes.astype(np.int64) * (int(offset.max()) + 1) + offset, kind="stable")
    codes, days, amounts = codes[order], days[order], amounts[order]
    new = np.ones(len(codes), dtype=bool)
    new[1:] = (codes[1:] != codes[:-1]) | (days[1:] != days[:-1])
    starts = np.flatnonzero(new)
    c, d, a = codes[starts], days[starts], np.add.reduceat(amounts, starts)

    first_day = int(d.min())
    if cal is None:
        cal_day = int(d.max())
        cal = pd.Timestamp(cal_day, unit="D")
    else:
        cal_day = _day_number(cal)
    if cal_day < first_day:
        raise ValueError(f"calibration_end ({cal.date()}) is before the first purchase "
                         f"({pd.Timestamp(first_day, unit='D').date()}); expected a date on or after it")
    if obs is not None:
        obs_day = _day_number(obs)
        if obs_day <= cal_day:
            raise ValueError(f"observation_end ({obs.date()}) must be after calibration_end "
                             f"({cal.date()}): the holdout period follows the calibration period")
    else:
        obs_day = cal_day

    # the first purchase of every customer: it starts their clock and is not a repeat purchase
    is_first = np.ones(len(c), dtype=bool)
    is_first[1:] = c[1:] != c[:-1]
    first = np.zeros(len(ids), dtype=np.int64)
    first[c[is_first]] = d[is_first]
    return _Histories(ids=ids, customer=c, day=d, amount=a, is_first=is_first, first=first,
                      cohort=first <= cal_day, calibration_end=cal, observation_end=obs,
                      calibration_day=cal_day, observation_day=obs_day)


def summarize(transactions: pd.DataFrame, calibration_end=None, observation_end=None,
              freq: str = "W") -> pd.DataFrame:
    """One row per customer: frequency, recency, T and monetary value (and a holdout, if asked).

    Purchases by one customer on the same day are merged into one transaction (amounts summed),
    as in Fader, Hardie & Lee (2005). Only customers whose first purchase falls on or before
    ``calibration_end`` are kept.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount`` (see :func:`helpers.data.validate_transactions`).
    calibration_end : date-like, optional
        Last day of the calibration period (included). Default: the last purchase date.
    observation_end : date-like, optional
        Last day of a holdout period that starts the day after ``calibration_end``. When given,
        the holdout columns below are added; purchases after it are ignored.
    freq : {"W", "D"}
        Time unit of ``recency``, ``T`` and ``duration_holdout``: weeks (days / 7) or days.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted), with

        - ``frequency``: number of repeat transactions in the calibration period (all but the first);
        - ``recency``: time from the first to the last calibration transaction (0 if no repeat);
        - ``T``: time from the first transaction to the end of the calibration period;
        - ``monetary_value``: mean amount of the repeat transactions, the first excluded
          (0 when there is no repeat transaction);
        - with ``observation_end``: ``frequency_holdout`` (transactions in the holdout),
          ``monetary_value_holdout`` (their mean amount, 0 if none) and ``duration_holdout``
          (length of the holdout period).

        ``attrs`` records ``freq``, ``calibration_end`` and ``observation_end``.

    Raises
    ------
    TypeError, ValueError
        Bad transactions (see :func:`helpers.data.validate_transactions`); ``freq`` not "W" or
        "D"; a date that cannot be read; ``observation_end`` not after ``calibration_end``,
        ``observation_end`` without ``calibration_end``, or ``calibration_end`` before the first
        purchase.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": ["2024-01-01", "2024-01-01", "2024-01-15", "2024-01-08"],
    ...                    "amount": [10.0, 5.0, 20.0, 7.0]})
    >>> summarize(tx, calibration_end="2024-01-29")
                 frequency  recency    T  monetary_value
    customer_id                                         
    a                    1      2.0  4.0            20.0
    b                    0      0.0  3.0             0.0
    """
    unit = _unit(freq)
    h = _histories(transactions, calibration_end, observation_end)
    keep = h.day <= h.observation_day
    c, d, a, is_first = h.customer[keep], h.day[keep], h.amount[keep], h.is_first[keep]
    n = len(h.ids)

    in_cal = d <= h.calibration_day
    repeat = in_cal & ~is_first
    frequency = np.bincount(c[repeat], minlength=n)
    repeat_sum = np.bincount(c[repeat], weights=a[repeat], minlength=n)
    monetary = np.where(frequency > 0, repeat_sum / np.maximum(frequency, 1), 0.0)
    cal_rows = np.flatnonzero(in_cal)   # the last of each customer's calibration rows is the last purchase
    is_last = np.ones(len(cal_rows), dtype=bool)
    is_last[:-1] = c[cal_rows][1:] != c[cal_rows][:-1]
    last = h.first.copy()
    last[c[cal_rows[is_last]]] = d[cal_rows[is_last]]

    out = pd.DataFrame({
        "frequency": frequency,
        "recency": (last - h.first) / unit,
        "T": (h.calibration_day - h.first) / unit,
        "monetary_value": monetary,
    }, index=pd.Index(h.ids, name="customer_id"))
    if h.observation_end is not None:
        hold = ~in_cal
        f_hold = np.bincount(c[hold], minlength=n)
        s_hold = np.bincount(c[hold], weights=a[hold], minlength=n)
        out["frequency_holdout"] = f_hold
        out["monetary_value_holdout"] = np.where(f_hold > 0, s_hold / np.maximum(f_hold, 1), 0.0)
        out["duration_holdout"] = (h.observation_day - h.calibration_day) / unit
    out = out[h.cohort]
    out.attrs = {"freq": freq, "calibration_end": h.calibration_end, "observation_end": h.observation_end}
    return out


def cumulative_repeat_purchases(transactions: pd.DataFrame, calibration_end, observation_end,
                                expected=None) -> pd.DataFrame:
    """Week by week, the cohort's repeat purchases so far, and what a model expects of them.

    The cohort is every customer whose first purchase falls on or before ``calibration_end``.
    Week ``k`` ends ``7 k`` days after the cohort's first purchase day; the table runs to the week
    that holds ``observation_end``. A model's curve adds up, over customers, the expected repeat
    purchases of one customer at that customer's own time since the first purchase.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount``.
    calibration_end, observation_end : date-like
        End of calibration (which closes the cohort) and of holdout.
    expected : callable, optional
        ``expected(t)``: a model's expected repeat purchases by one customer ``t`` weeks after the
        first purchase, for an array ``t`` (for example
        :meth:`helpers.btyd.BetaGeo.expected_purchases_population`).

    Returns
    -------
    pandas.DataFrame
        Index ``week`` (1, 2, ...), column ``actual`` (cumulative repeat purchases) and, with
        ``expected``, column ``expected``; ``attrs["calibration_weeks"]`` is the length of
        calibration in weeks.

    Raises
    ------
    TypeError, ValueError
        As :func:`summarize` for the transactions and dates; a date missing; ``expected`` not
        callable.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "a", "b"],
    ...                    "date": ["2024-01-01", "2024-01-03", "2024-01-08", "2024-01-20", "2024-01-22"],
    ...                    "amount": [10.0, 5.0, 7.0, 20.0, 8.0]})
    >>> cumulative_repeat_purchases(tx, "2024-01-10", "2024-01-28", expected=lambda t: 0.1 * t)
          actual  expected
    week                  
    1          1       0.1
    2          1       0.3
    3          2       0.5
    4          3       0.7
    """
    if calibration_end is None or observation_end is None:
        raise ValueError("cumulative_repeat_purchases needs both calibration_end and observation_end")
    if expected is not None and not callable(expected):
        raise TypeError(f"expected must be a function of the time since the first purchase, "
                        f"got {type(expected).__name__}")
    h = _histories(transactions, calibration_end, observation_end)
    start = int(h.first[h.cohort].min())
    weeks = np.arange(1, int(np.ceil((h.observation_day - start + 1) / 7)) + 1)
    repeat = ~h.is_first & h.cohort[h.customer] & (h.day <= h.observation_day)
    repeat_week = (h.day[repeat] - start) // 7 + 1  # day 0-6 -> week 1
    actual = np.cumsum(np.bincount(repeat_week, minlength=weeks[-1] + 1)[1:])
    out = pd.DataFrame({"actual": actual[:len(weeks)]}, index=pd.Index(weeks, name="week"))
    if expected is not None:
        starts, counts = np.unique(h.first[h.cohort] - start, return_counts=True)
        since = np.clip(weeks[None, :] - starts[:, None] / 7, 0, None)
        out["expected"] = counts @ np.asarray(expected(since), dtype=float).reshape(since.shape)
    out.attrs = {"calibration_weeks": (h.calibration_day - start + 1) / 7}
    return out
