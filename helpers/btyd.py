"""Buy-till-you-die models: who is still a customer, how often they will buy, and what they are worth.

The models of Fader, Hardie & Lee (2005) for a *non-contractual* business, where customers never
say that they have left (a CD shop, a phone maker's online store):

:func:`summarize`
    turns transactions into one row per customer: ``frequency`` (repeat purchases), ``recency``
    (first to last purchase), ``T`` (first purchase to the end of the calibration period) and
    ``monetary_value`` (mean value of the repeat purchases), optionally with a holdout period.
:class:`BetaGeo`
    the BG/NBD model: while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each
    purchase they leave for good with probability p ~ Beta(a, b).
:class:`GammaGamma`
    the Gamma-Gamma model of spend per transaction, with parameters p, q and γ (``v``).
:func:`clv`
    discounted expected value of each customer's future purchases over a stated horizon.

Time is measured in weeks (days / 7) unless ``freq="D"`` is given.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data import validate_transactions

#: Length in days of the time units the models can use.
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25}
UNIT_NAMES = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}


def _unit(freq, name="freq", allowed=("D", "W")) -> float:
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
    tx = validate_transactions(transactions)
    cal = None if calibration_end is None else _day(calibration_end, "calibration_end")
    obs = None if observation_end is None else _day(observation_end, "observation_end")
    if obs is not None and cal is None:
        raise ValueError("observation_end needs calibration_end: the holdout runs from the day after "
                         "calibration_end to observation_end")

    codes, ids = pd.factorize(tx["customer_id"], sort=True)
    days = tx["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    amounts = tx["amount"].to_numpy()

    first_day = int(days.min())
    if cal is None:
        cal_day = int(days.max())
        cal = pd.Timestamp(cal_day, unit="D")
    else:
        cal_day = int(np.datetime64(cal.date(), "D").astype(np.int64))
    if cal_day < first_day:
        raise ValueError(f"calibration_end ({cal.date()}) is before the first purchase "
                         f"({pd.Timestamp(first_day, unit='D').date()}); expected a date on or after it")
    if obs is not None:
        obs_day = int(np.datetime64(obs.date(), "D").astype(np.int64))
        if obs_day <= cal_day:
            raise ValueError(f"observation_end ({obs.date()}) must be after calibration_end "
                             f"({cal.date()}): the holdout period follows the calibration period")
        keep = days <= obs_day
    else:
        obs_day = cal_day
        keep = days <= cal_day
    codes, days, amounts = codes[keep], days[keep], amounts[keep]

    # merge same-day purchases: sort by (customer, day) and sum runs
    order = np.lexsort((days, codes))
    codes, days, amounts = codes[order], days[order], amounts[order]
    new = np.ones(len(codes), dtype=bool)
    new[1:] = (codes[1:] != codes[:-1]) | (days[1:] != days[:-1])
    starts = np.flatnonzero(new)
    c, d = codes[starts], days[starts]
    a = np.add.reduceat(amounts, starts) if len(starts) else amounts[:0]

    n = len(ids)
    first = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first, c, d)
    in_cal = d <= cal_day
    is_first = np.zeros(len(c), dtype=bool)
    cust_start = np.ones(len(c), dtype=bool)
    cust_start[1:] = c[1:] != c[:-1]
    is_first[cust_start] = True  # sorted by day within customer: first row is the first purchase
    # customers whose first purchase is in the calibration period
    known = np.zeros(n, dtype=bool)
    known[c[cust_start & in_cal]] = True

    repeat = in_cal & ~is_first
    frequency = np.bincount(c[repeat], minlength=n)
    last = first.copy()
    np.maximum.at(last, c[in_cal], d[in_cal])
    repeat_sum = np.bincount(c[repeat], weights=a[repeat], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, repeat_sum / np.maximum(frequency, 1), 0.0)

    out = pd.DataFrame({
        "frequency": frequency,
        "recency": (last - first) / unit,
        "T": (cal_day - first) / unit,
        "monetary_value": monetary,
    }, index=pd.Index(ids, name="customer_id"))
    if observation_end is not None:
        hold = ~in_cal
        f_hold = np.bincount(c[hold], minlength=n)
        s_hold = np.bincount(c[hold], weights=a[hold], minlength=n)
        out["frequency_holdout"] = f_hold
        out["monetary_value_holdout"] = np.where(f_hold > 0, s_hold / np.maximum(f_hold, 1), 0.0)
        out["duration_holdout"] = (obs_day - cal_day) / unit
    out = out[known]
    out.attrs = {"freq": freq, "calibration_end": cal,
                 "observation_end": None if observation_end is None else obs}
    return out
