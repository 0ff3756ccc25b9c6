"""Customer value: what a customer is worth, and how customers differ in worth.

Retention economics (notebook 01) come first; ABC classes, the Lorenz curve and RFM (notebook 05)
follow in their own section.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def _rate(value, name: str, *, low: float, high: float, closed_high: bool = False):
    """Check that a rate (scalar or array) lies in [low, high) (or [low, high]); return an array."""
    arr = np.asarray(value, dtype=float) if not isinstance(value, (str, bytes)) else None
    if arr is None or arr.dtype.kind not in "fi":
        raise TypeError(f"{name} must be a number or an array of numbers, got {type(value).__name__}")
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not be NaN")
    too_high = arr > high if closed_high else arr >= high
    if (arr < low).any() or too_high.any():
        bracket = "]" if closed_high else ")"
        raise ValueError(f"{name} must lie in [{low}, {high}{bracket} (a share per period, e.g. 0.8 for 80%), "
                         f"got {value!r}")
    return arr


def _scalar_or_array(arr):
    return float(arr) if np.ndim(arr) == 0 else arr


def margin_multiple(retention, discount):
    """How many periods' margin a customer is worth: ``r / (1 + d - r)``.

    With a constant margin ``m`` per period, received at the end of each period the customer
    stays, retention ``r`` and discount rate ``d``, the customer's lifetime value is
    ``m * r / (1 + d - r)`` (Gupta & Lehmann 2003). The margin multiple is that value per unit of
    margin.

    Parameters
    ----------
    retention : float or array-like
        Retention rate per period, in [0, 1).
    discount : float or array-like
        Discount rate per period, in [0, 1).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(margin_multiple(0.8, 0.12), 2)
    2.5
    >>> margin_multiple([0.6, 0.9], 0.1).round(2)
    array([1.2, 4.5])
    """
    r = _rate(retention, "retention", low=0.0, high=1.0)
    d = _rate(discount, "discount", low=0.0, high=1.0)
    return _scalar_or_array(r / (1 + d - r))


def simple_clv(margin, retention, discount, periods=None):
    """Lifetime value of a customer with a constant margin, retention and discount rate.

    ``CLV = sum over t = 1..T of m * r**t / (1 + d)**t``: the margin ``m`` arrives at the end of
    every period the customer is still there. With ``periods=None`` the horizon is unlimited and
    the sum has the closed form ``m * r / (1 + d - r)`` = ``m * margin_multiple(r, d)``.

    Parameters
    ----------
    margin : float or array-like
        Margin per period (any currency); may be negative for a loss-making customer.
    retention, discount : float or array-like
        Rates per period, in [0, 1).
    periods : int, optional
        A finite horizon in periods (1 or more); ``None`` for no limit.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(simple_clv(100, 0.8, 0.12), 2)
    250.0
    >>> round(simple_clv(100, 0.8, 0.12, periods=1), 2)   # one period: 100 * 0.8 / 1.12
    71.43
    """
    m = np.asarray(margin, dtype=float) if not isinstance(margin, (str, bytes)) else None
    if m is None or m.dtype.kind not in "fi" or np.isnan(m).any():
        raise TypeError(f"margin must be a number or an array of numbers, got {margin!r}")
    r = _rate(retention, "retention", low=0.0, high=1.0)
    d = _rate(discount, "discount", low=0.0, high=1.0)
    if periods is None:
        return _scalar_or_array(m * r / (1 + d - r))
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or periods < 1:
        raise ValueError(f"periods must be a whole number of periods, 1 or more (or None), got {periods!r}")
    q = r / (1 + d)
    # geometric sum q + q^2 + ... + q^T = q (1 - q^T) / (1 - q)
    return _scalar_or_array(m * q * (1 - q ** periods) / (1 - q))


def cohort_profit(acquisition_cost, margin, retention, discount, periods=10, cohort_size=1000):
    """Profit from one cohort of newly acquired customers, period by period.

    The firm pays ``acquisition_cost`` per customer at period 0. A customer still there at the end
    of period ``t`` (expected share ``r**t``) brings the ``margin``, as in :func:`simple_clv`; the
    profit of period ``t`` is discounted by ``(1 + d)**t``. Per acquired customer, the discounted
    profits add up to ``simple_clv(margin, r, d, periods) - acquisition_cost``.

    Parameters
    ----------
    acquisition_cost : float
        Cost of winning one customer (any currency), zero or more.
    margin : float
        Margin per customer per period (same currency); may be negative.
    retention, discount : float
        Rates per period, in [0, 1).
    periods : int, default 10
        Number of periods after acquisition, 1 or more.
    cohort_size : float, default 1000
        Number of customers acquired, above zero.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (0 = acquisition, then 1 .. ``periods``), with columns
        ``customers`` (expected number still there), ``profit``, ``discounted_profit``,
        ``cumulative_profit`` and ``cumulative_discounted_profit`` (the cohort's net present
        value so far).

    Examples
    --------
    >>> cp = cohort_profit(acquisition_cost=150, margin=100, retention=0.8, discount=0.12,
    ...                    periods=3, cohort_size=100)
    >>> cp[["customers", "profit", "cumulative_discounted_profit"]].round(1)  # doctest: +NORMALIZE_WHITESPACE
            customers   profit  cumulative_discounted_profit
    period
    0           100.0 -15000.0                      -15000.0
    1            80.0   8000.0                       -7857.1
    2            64.0   6400.0                       -2755.1
    3            51.2   5120.0                         889.2
    """
    def number(value, name):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise TypeError(f"{name} must be a single number, got {type(value).__name__}")
        if not np.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        return float(value)

    cost = number(acquisition_cost, "acquisition_cost")
    if cost < 0:
        raise ValueError(f"acquisition_cost must be zero or more (a cost per customer), got {acquisition_cost!r}")
    m = number(margin, "margin")
    size = number(cohort_size, "cohort_size")
    if size <= 0:
        raise ValueError(f"cohort_size must be above zero (customers acquired), got {cohort_size!r}")
    for value, name in ((retention, "retention"), (discount, "discount")):
        if np.ndim(value) != 0:
            raise TypeError(f"{name} must be a single number, got {type(value).__name__}")
    r = float(_rate(retention, "retention", low=0.0, high=1.0))
    d = float(_rate(discount, "discount", low=0.0, high=1.0))
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or periods < 1:
        raise ValueError(f"periods must be a whole number of periods, 1 or more, got {periods!r}")

    t = np.arange(periods + 1)
    customers = size * r ** t
    profit = customers * m
    profit[0] = -size * cost
    discounted = profit / (1 + d) ** t
    out = pd.DataFrame({"customers": customers, "profit": profit, "discounted_profit": discounted,
                        "cumulative_profit": profit.cumsum(),
                        "cumulative_discounted_profit": discounted.cumsum()},
                       index=pd.Index(t, name="period"))
    return out
