"""Hunger marketing (饥饿营销): a weekly flash-sale model with buzz and frustration.

The readings say that Xiaomi created the effect of hunger marketing (饥饿营销, readings 000, 001)
but give no sales calendar and no stock figures. This module models it as weekly online flash
sales (抢购) with less stock than demand: the weekly rhythm and every number are the course's
assumptions. Scarcity makes news: every sold-out sale creates *buzz* that draws new
prospects. Scarcity also disappoints: some of those who miss out give up and buy elsewhere.
Reading 000 warns that the tactic cannot be used forever; this model shows when it stops paying.

The model, week by week (``t = 1, 2, ...``; people in any unit, e.g. thousands)::

    new prospects   A_t = (a + B_{t-1}) * untouched_{t-1} / M      (capped at untouched_{t-1})
    demand          D_t = W_{t-1} + A_t                              (everyone waiting tries again)
    sales           S_t = min(s_t, D_t)
    unmet demand    U_t = D_t - S_t
    lost            L_t = f * U_t                                    (frustration: they give up)
    waiting         W_t = U_t - L_t
    buzz            B_t = (1 - delta) * B_{t-1} + g * U_t            (grows with unmet demand, fades)

with weekly supply ``s``, base arrivals ``a``, buzz gain ``g``, buzz decay ``delta``, frustration
``f`` and market size ``M`` (``M = inf``: no saturation). Every prospect is, at the end of each
week, exactly one of buyer, waiting or lost, so
``buyers + waiting + lost = total prospects`` every week.

Each unit of unmet demand loses ``f`` prospects at once and attracts at most
``g + g(1 - delta) + ... = g / delta`` new ones over all later weeks. So frustration outweighs
buzz whenever ``f > g / delta`` (:func:`break_even_frustration`), whatever the supply.

>>> run = hunger_marketing(weeks=3, supply=30, base_arrivals=0, initial_waiting=100,
...                        frustration=0.5, buzz_gain=0.0)
>>> run[["sales", "unmet", "lost", "waiting"]].round(2).values.tolist()
[[30.0, 70.0, 35.0, 35.0], [30.0, 5.0, 2.5, 2.5], [2.5, 0.0, 0.0, 0.0]]
"""
from __future__ import annotations

import math
from numbers import Real

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number

#: Columns of the per-week result of :func:`hunger_marketing`.
COLUMNS = ("week", "supply", "base_arrivals", "buzz_arrivals", "new_prospects", "demand", "sales",
           "unmet", "lost", "waiting", "buzz", "cum_buyers", "cum_lost", "total_prospects",
           "untouched")


def _supply(supply, weeks: int) -> np.ndarray:
    """Weekly supply as an array of length ``weeks`` (a number is repeated every week)."""
    if isinstance(supply, (Real, np.number)):
        return np.full(weeks, check_number(supply, "supply", low=0, allow_inf=True, hint=" (units per week)"))
    if isinstance(supply, (str, bytes)) or supply is None:
        raise TypeError(f"supply must be a number or one number per week, got {supply!r}")
    try:
        arr = np.array(supply, dtype=float)  # a copy: the caller's array is never touched
    except (TypeError, ValueError):
        raise TypeError(f"supply must be a number or one number per week, got {supply!r}") from None
    if arr.ndim != 1 or len(arr) != weeks:
        raise ValueError(f"supply must be one number or {weeks} numbers (one per week), "
                         f"got shape {arr.shape}")
    if np.isnan(arr).any() or (arr < 0).any():
        raise ValueError("supply must be >= 0 (units per week) and not NaN in every week")
    return arr


def _simulate(weeks, supply, base_arrivals, buzz_gain, buzz_decay, frustration, market,
              initial_waiting) -> dict:
    """The recursion on arrays of scenarios (already validated); returns a dict of (weeks, n) arrays."""
    a, g, d, f, m, w0 = np.broadcast_arrays(*map(np.atleast_1d, (base_arrivals, buzz_gain, buzz_decay,
                                                                  frustration, market, initial_waiting)))
    n = a.shape[0]
    out = {k: np.zeros((weeks, n)) for k in COLUMNS if k != "week"}
    waiting = w0.astype(float)
    buzz = np.zeros(n)
    finite = np.isfinite(m)
    untouched = np.where(finite, m - w0, np.inf)
    cum_buyers = np.zeros(n)
    cum_lost = np.zeros(n)
    total = w0.astype(float)
    for t in range(weeks):
        share = np.where(finite, untouched / np.where(finite, m, 1.0), 1.0)
        wanted = (a + buzz) * share
        arrivals = np.minimum(wanted, untouched)
        scale = np.divide(arrivals, wanted, out=np.zeros(n), where=wanted > 0)
        base_part, buzz_part = a * share * scale, buzz * share * scale
        untouched = np.where(finite, untouched - arrivals, np.inf)
        demand = waiting + arrivals
        sales = np.minimum(supply[t], demand)
        unmet = demand - sales
        lost = f * unmet
        waiting = unmet - lost
        buzz = (1.0 - d) * buzz + g * unmet
        cum_buyers = cum_buyers + sales
        cum_lost = cum_lost + lost
        total = total + arrivals
        for key, value in (("supply", supply[t]), ("base_arrivals", base_part), ("buzz_arrivals", buzz_part),
                           ("new_prospects", arrivals), ("demand", demand), ("sales", sales),
                           ("unmet", unmet), ("lost", lost), ("waiting", waiting), ("buzz", buzz),
                           ("cum_buyers", cum_buyers), ("cum_lost", cum_lost),
                           ("total_prospects", total), ("untouched", untouched)):
            out[key][t] = value
    return out


def _check_parameters(weeks, supply, base_arrivals, buzz_gain, buzz_decay, frustration, market,
                      initial_waiting):
    weeks = check_number(weeks, "weeks", integer=True, low=1)
    supply = _supply(supply, weeks)
    a = check_number(base_arrivals, "base_arrivals", low=0, hint=" (new prospects per week)")
    g = check_number(buzz_gain, "buzz_gain", low=0,
                     hint=" (prospects attracted next week per unit of unmet demand)")
    d = check_number(buzz_decay, "buzz_decay", low=0, low_open=True, high=1,
                     hint=" (share of buzz that fades each week, in (0, 1])")
    f = check_number(frustration, "frustration", low=0, high=1,
                     hint=" (share of unmet prospects who give up each week, in [0, 1])")
    m = check_number(market, "market", low=0, low_open=True, allow_inf=True,
                     hint=" (potential customers; inf for no limit)")
    w0 = check_number(initial_waiting, "initial_waiting", low=0, hint=" (prospects waiting before week 1)")
    if w0 > m:
        raise ValueError(f"initial_waiting ({w0}) cannot exceed market ({m})")
    return weeks, supply, a, g, d, f, m, w0


def hunger_marketing(weeks: int = 52, supply=100.0, base_arrivals: float = 80.0,
                     buzz_gain: float = 0.1, buzz_decay: float = 0.3, frustration: float = 0.2,
                     market: float = 5000.0, initial_waiting: float = 1000.0) -> pd.DataFrame:
    """Simulate a run of weekly flash sales with limited supply, buzz and frustration.

    Parameters
    ----------
    weeks : int
        Number of weekly sales, 1 or more.
    supply : float or array-like
        Units on sale each week (>= 0; ``math.inf`` for no limit), or one number per week.
    base_arrivals : float
        New prospects per week without any buzz (>= 0).
    buzz_gain : float
        New prospects attracted next week by one unit of unmet demand (>= 0).
    buzz_decay : float
        Share of the buzz that fades each week, in (0, 1].
    frustration : float
        Share of the prospects who miss out in a week and give up for good, in [0, 1].
    market : float
        Potential customers in all; arrivals slow down as it is used up (``math.inf``: no limit).
    initial_waiting : float
        Prospects already waiting before the first sale (>= 0, at most ``market``).

    Returns
    -------
    pandas.DataFrame
        One row per week: ``week`` (1, 2, ...), ``supply``, ``base_arrivals`` and
        ``buzz_arrivals`` (the new prospects each brings), ``new_prospects``, ``demand``,
        ``sales``, ``unmet``, ``lost``, ``waiting`` and ``buzz`` (end of week),
        ``cum_buyers``, ``cum_lost``, ``total_prospects`` and ``untouched`` (market not yet
        reached; ``inf`` when the market has no limit).

    Examples
    --------
    Unlimited supply: everyone who comes buys, nobody waits, scarcity makes no buzz.

    >>> run = hunger_marketing(weeks=4, supply=math.inf, base_arrivals=10, market=math.inf,
    ...                        initial_waiting=0)
    >>> run["sales"].tolist(), run["buzz"].tolist()
    ([10.0, 10.0, 10.0, 10.0], [0.0, 0.0, 0.0, 0.0])
    """
    weeks, supply, a, g, d, f, m, w0 = _check_parameters(weeks, supply, base_arrivals, buzz_gain,
                                                         buzz_decay, frustration, market, initial_waiting)
    out = _simulate(weeks, supply, a, g, d, f, m, w0)
    frame = pd.DataFrame({k: v[:, 0] for k, v in out.items()})
    frame.insert(0, "week", np.arange(1, weeks + 1))
    return frame[list(COLUMNS)]


def campaign_summary(result: pd.DataFrame) -> pd.Series:
    """Totals of a :func:`hunger_marketing` run, and whether frustration outweighed buzz.

    Parameters
    ----------
    result : pandas.DataFrame
        The per-week output of :func:`hunger_marketing`.

    Returns
    -------
    pandas.Series
        ``weeks``, ``weeks_sold_out`` (weeks with unmet demand), ``buyers``, ``waiting`` (at the
        end), ``lost``, ``buzz_arrivals`` (prospects brought by buzz), ``net_buzz``
        (``buzz_arrivals - lost``), ``lost_share`` (lost / total prospects) and
        ``frustration_wins`` (``net_buzz < 0``: scarcity cost more prospects than it attracted).

    Examples
    --------
    >>> run = hunger_marketing(weeks=10, supply=50, base_arrivals=80, buzz_gain=0.05,
    ...                        buzz_decay=0.5, frustration=0.3, initial_waiting=0)
    >>> s = campaign_summary(run)
    >>> bool(s["frustration_wins"]), int(s["weeks_sold_out"])
    (True, 10)
    """
    check_frame(result, "result", COLUMNS, expected="the output of hunger_marketing(), at least one week",
                nan_ok=True)
    last = result.iloc[-1]
    buzz_arrivals, lost = float(result["buzz_arrivals"].sum()), float(last["cum_lost"])
    total = float(last["total_prospects"])
    return pd.Series({
        "weeks": int(len(result)),
        "weeks_sold_out": int((result["unmet"] > 1e-9).sum()),
        "buyers": float(last["cum_buyers"]),
        "waiting": float(last["waiting"]),
        "lost": lost,
        "buzz_arrivals": buzz_arrivals,
        "net_buzz": buzz_arrivals - lost,
        "lost_share": lost / total if total > 0 else 0.0,
        "frustration_wins": bool(buzz_arrivals - lost < -1e-9),
    }, dtype=object)


def break_even_frustration(buzz_gain: float, buzz_decay: float) -> float:
    """The frustration above which scarcity loses more prospects than its buzz brings: ``g / delta``.

    One unit of unmet demand loses ``f`` prospects at once and, through buzz that fades at
    rate ``delta``, attracts ``g + g(1 - delta) + g(1 - delta)^2 + ... = g / delta`` prospects over
    all later weeks. Above ``f = g / delta`` frustration outweighs buzz, for any supply. A value of
    1 or more means that even total frustration (``f = 1``) cannot outweigh the buzz.

    Parameters
    ----------
    buzz_gain : float
        Prospects attracted next week per unit of unmet demand (>= 0).
    buzz_decay : float
        Share of the buzz that fades each week, in (0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> break_even_frustration(0.1, 0.25)
    0.4
    """
    g = check_number(buzz_gain, "buzz_gain", low=0)
    d = check_number(buzz_decay, "buzz_decay", low=0, low_open=True, high=1,
                     hint=" (share of buzz that fades each week, in (0, 1])")
    return g / d


def steady_state_unmet(base_arrivals: float, supply: float, frustration: float,
                       buzz_gain: float = 0.0, buzz_decay: float = 1.0) -> float:
    """Long-run unmet demand per week with constant supply and no market limit.

    At a steady state, what comes in each week (``a + B``, with ``B = g U / delta``) equals what
    goes out (``s + f U``), so ``U* = (a - s) / (f - g / delta)``.

    * ``f > g / delta`` (frustration wins): the queue settles at ``U*`` when ``a > s`` and
      empties (``0.0``) when ``a <= s``.
    * ``f <= g / delta`` (buzz wins) and ``a > s``: the queue grows without bound (``inf``) until
      the market runs out.
    * ``f <= g / delta`` and ``a <= s``: the answer depends on the starting queue (``nan``): a
      short queue empties, a long one keeps growing.

    Parameters
    ----------
    base_arrivals, supply : float
        New prospects and units on sale per week (>= 0).
    frustration : float
        Share of unmet prospects who give up each week, in [0, 1].
    buzz_gain, buzz_decay : float
        As in :func:`hunger_marketing`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(steady_state_unmet(120, 100, 0.5, buzz_gain=0.05, buzz_decay=0.25), 2)
    66.67
    """
    a = check_number(base_arrivals, "base_arrivals", low=0, hint=" (new prospects per week)")
    s = check_number(supply, "supply", low=0, hint=" (units per week)")
    f = check_number(frustration, "frustration", low=0, high=1, hint=" (share per week, in [0, 1])")
    ratio = break_even_frustration(buzz_gain, buzz_decay)
    if f > ratio:
        return max((a - s) / (f - ratio), 0.0)
    return math.inf if a > s else math.nan


def frustration_region(frustration=None, buzz_gain=None, *, weeks: int = 52, supply=100.0,
                       base_arrivals: float = 80.0, buzz_decay: float = 0.3,
                       market: float = 5000.0, initial_waiting: float = 1000.0) -> pd.DataFrame:
    """Where frustration outweighs buzz: a grid of frustration x buzz gain, one campaign each.

    Every combination is simulated with :func:`hunger_marketing` (the other parameters fixed)
    and scored by ``net_buzz = buzz_arrivals - lost`` over the horizon. Above the line
    ``f = g / delta`` (:func:`break_even_frustration`) frustration always wins; over a finite
    horizon or market it can win a little below the line too, because buzz arriving after the
    horizon, or beyond the market, does not count.

    Parameters
    ----------
    frustration, buzz_gain : array-like, optional
        Values to try (each in the range :func:`hunger_marketing` accepts; at least one value).
        Defaults: 21 values from 0 to 1, and 21 values from 0 to 0.5.
    weeks, supply, base_arrivals, buzz_decay, market, initial_waiting
        The rest of the scenario, as in :func:`hunger_marketing`.

    Returns
    -------
    pandas.DataFrame
        One row per combination: ``frustration``, ``buzz_gain``, ``buzz_arrivals``, ``lost``,
        ``net_buzz``, ``break_even`` (``g / delta``), ``frustration_wins`` (``net_buzz < 0``) and
        ``buzz_decay`` (``delta``, the same in every row).

    Examples
    --------
    >>> grid = frustration_region([0.1, 0.5], [0.1], buzz_decay=0.5, supply=50,
    ...                           market=math.inf, initial_waiting=0)
    >>> grid[["frustration", "frustration_wins"]].values.tolist()
    [[0.1, False], [0.5, True]]
    """
    f_values = _grid(frustration, "frustration", np.linspace(0.0, 1.0, 21))
    g_values = _grid(buzz_gain, "buzz_gain", np.linspace(0.0, 0.5, 21))
    weeks, supply, a, _, d, _, m, w0 = _check_parameters(weeks, supply, base_arrivals, 0.0, buzz_decay,
                                                         0.0, market, initial_waiting)
    for value in f_values:
        check_number(value, "frustration", low=0, high=1, hint=" (share per week, in [0, 1])")
    for value in g_values:
        check_number(value, "buzz_gain", low=0)
    ff, gg = np.meshgrid(f_values, g_values, indexing="ij")
    ff, gg = ff.ravel(), gg.ravel()
    out = _simulate(weeks, supply, a, gg, d, ff, m, w0)
    buzz_arrivals = out["buzz_arrivals"].sum(axis=0)
    lost = out["cum_lost"][-1]
    net = buzz_arrivals - lost
    return pd.DataFrame({"frustration": ff, "buzz_gain": gg, "buzz_arrivals": buzz_arrivals,
                         "lost": lost, "net_buzz": net, "break_even": gg / d,
                         "frustration_wins": net < -1e-9, "buzz_decay": float(d)})


def _grid(values, name: str, default: np.ndarray) -> np.ndarray:
    if values is None:
        return default
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a list or array of numbers, got {values!r}")
    if isinstance(values, (Real, np.number)):
        values = [values]
    try:
        arr = np.array(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a list or array of numbers, got {values!r}") from None
    if arr.size == 0:
        raise ValueError(f"{name} must hold at least one value")
    return arr
