"""Multi-sided platforms: cross-side network effects, ad load, subsidies and the conversion funnel.

A platform such as Huxiu (虎嗅网, reading 003) serves several groups at once: readers, big-name
contributors (大V) and paying business clients (advertisers). Each group joins because of the
others. This module holds a small discrete-time model of that, plus the traffic-to-paying
funnel, both as pure functions.

The model, one period at a time, for each side ``i`` with potential size ``K_i`` and ``n_i``
members at the start of the period:

* a share ``d_i`` of members leaves (churn; for readers plus ``annoyance * ad_load``);
* then a share ``a_i`` of everyone not on the platform joins, where
  ``a_i = attraction_i + sum_j cross[i][j] * n_j / K_j (+ subsidy_response_i * subsidy)``,
  capped at 1: the stand-alone appeal of the side plus the pull of the *other* sides;
* so ``n_i' = (1 - d_i) n_i + a_i (K_i - (1 - d_i) n_i)``.

Without cross-side effects ``a_i`` is constant and each side closes a fixed share of the gap to
its steady state every period: ``n_t = n* + (n_0 - n*) q**t`` with ``q = (1 - a)(1 - d)`` and
``n* = a K / (a + d - a d)`` (see :func:`steady_state`).

Money, per period: advertising revenue ``ad_price * ad_load * readers * advertisers / K_adv``
(ad space grows with readers and ad load; it is sold in proportion to how many of the potential
advertisers are on board); cost = fixed cost + a serving cost per member of each side + the
subsidy paid to every member of the subsidised side. All default numbers are illustrative.

>>> result = simulate_platform(platform_params(), periods=24)
>>> list(result.columns[:3])
['readers', 'contributors', 'advertisers']
>>> bool(result["readers"].iloc[-1] > result["readers"].iloc[0])
True
"""
from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers._checks import check_number

#: The three sides of the Huxiu-style platform (reading 003).
SIDES = ("readers", "contributors", "advertisers")
#: Chinese names of the sides.
SIDE_NAMES_ZH = {"readers": "读者", "contributors": "大V博主", "advertisers": "商业客户"}

#: Illustrative parameters of a Huxiu-style platform; one period is one month, money in RMB.
DEFAULT_PARAMS = {
    # potential members of each side (the whole market the platform could reach)
    "market": {"readers": 1_000_000, "contributors": 2_000, "advertisers": 300},
    # members at the start of period 0
    "start": {"readers": 5_000, "contributors": 20, "advertisers": 0},
    # stand-alone appeal: share of the untapped pool that joins per period with no other side
    "attraction": {"readers": 0.01, "contributors": 0.0, "advertisers": 0.0},
    # share of members leaving per period (readers: before the ad annoyance is added)
    "churn": {"readers": 0.04, "contributors": 0.03, "advertisers": 0.06},
    # cross[i][j]: extra share of side i's untapped pool joining per period when side j is full
    "cross": {"readers": {"contributors": 0.15, "advertisers": 0.0},
              "contributors": {"readers": 0.15, "advertisers": 0.0},
              "advertisers": {"readers": 0.25, "contributors": 0.05}},
    # share of reader page views that carry advertising, in [0, 1]
    "ad_load": 0.2,
    # extra reader churn per period at full ad load (ad_load = 1)
    "annoyance": 0.3,
    # RMB per reader per period at full ad load with every potential advertiser on board
    "ad_price": 6.0,
    # RMB per member per period: hosting readers, editing for contributors, serving clients
    "serving_cost": {"readers": 0.05, "contributors": 50.0, "advertisers": 300.0},
    # RMB per period
    "fixed_cost": 80_000.0,
    # which side receives the subsidy (None: no subsidy) and how much per member per period (RMB)
    "subsidy_side": None,
    "subsidy": 0.0,
    # extra share of the untapped pool joining per period, per RMB of subsidy per member
    "subsidy_response": {"readers": 0.004, "contributors": 0.001, "advertisers": 0.0002},
}

_PER_SIDE = ("market", "start", "attraction", "churn", "serving_cost", "subsidy_response")
_SCALARS = ("ad_load", "annoyance", "ad_price", "fixed_cost", "subsidy")
_KEYS = _PER_SIDE + _SCALARS + ("cross", "subsidy_side")
_SHARES = ("attraction", "churn", "ad_load")  # must lie in [0, 1]
#: check_number settings: an amount or rate is a finite number >= 0; a share also lies in [0, 1]
_AMOUNT = {"low": 0, "must": {"nan": "be a finite number", "inf": "be a finite number"}}
_SHARE = {"low": 0, "high": 1,
          "must": {**_AMOUNT["must"], "high": "lie in [0, 1] (a share per period, e.g. 0.2 for 20%)"}}
_POSITIVE = {**_AMOUNT, "low_open": True}


def _unknown(name: str, key, allowed) -> ValueError:
    close = difflib.get_close_matches(str(key), [str(a) for a in allowed], n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return ValueError(f"{name} has an unknown key {key!r}{hint} (expected keys: {list(allowed)})")


def _per_side(values, name: str, limits: dict) -> dict:
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a dict with one number per side {list(SIDES)}, "
                        f"got {type(values).__name__}")
    for key in values:
        if key not in SIDES:
            raise _unknown(name, key, SIDES)
    missing = [s for s in SIDES if s not in values]
    if missing:
        raise ValueError(f"{name} is missing side(s) {missing}; give one number per side {list(SIDES)}")
    return {s: check_number(values[s], f"{name}[{s!r}]", **limits) for s in SIDES}


def _cross(values) -> dict:
    if not isinstance(values, Mapping):
        raise TypeError(f"cross must be a dict of dicts, cross[side][other_side] = strength, "
                        f"got {type(values).__name__}")
    out = {i: {j: 0.0 for j in SIDES if j != i} for i in SIDES}
    for i, row in values.items():
        if i not in SIDES:
            raise _unknown("cross", i, SIDES)
        if not isinstance(row, Mapping):
            raise TypeError(f"cross[{i!r}] must be a dict of other side -> strength, got {type(row).__name__}")
        for j, strength in row.items():
            if j == i:
                raise ValueError(f"cross[{i!r}][{j!r}]: a side has no cross-side effect on itself "
                                 "(same-side effects are not part of this model)")
            if j not in SIDES:
                raise _unknown(f"cross[{i!r}]", j, SIDES)
            out[i][j] = check_number(strength, f"cross[{i!r}][{j!r}]", **_AMOUNT)
    return out


def validate_params(params) -> dict:
    """Check a complete parameter dict and return a clean copy (floats, every cross pair filled).

    Raises ``TypeError``/``ValueError`` naming the parameter when a key is missing or unknown, a
    share lies outside [0, 1], a rate or amount is negative, a start exceeds its market, or a
    subsidy has no side. The caller's dict is never changed.

    Parameters
    ----------
    params : dict
        Keys as in :data:`DEFAULT_PARAMS`.

    Returns
    -------
    dict

    Examples
    --------
    >>> validate_params(platform_params())["churn"]["readers"]
    0.04
    >>> validate_params(platform_params(ad_load=1.5))
    Traceback (most recent call last):
    ...
    ValueError: ad_load must lie in [0, 1] (a share per period, e.g. 0.2 for 20%), got 1.5
    """
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a dict like platform_params(), got {type(params).__name__}")
    for key in params:
        if key not in _KEYS:
            raise _unknown("params", key, _KEYS)
    missing = [k for k in _KEYS if k not in params]
    if missing:
        raise ValueError(f"params is missing {missing}; start from platform_params() and change what you need")
    clean = {}
    for key in _PER_SIDE:
        limits = _SHARE if key in _SHARES else _POSITIVE if key == "market" else _AMOUNT
        clean[key] = _per_side(params[key], key, limits)
    for key in _SCALARS:
        clean[key] = check_number(params[key], key, **(_SHARE if key in _SHARES else _AMOUNT))
    clean["cross"] = _cross(params["cross"])
    for side in SIDES:
        if clean["start"][side] > clean["market"][side]:
            raise ValueError(f"start[{side!r}] = {clean['start'][side]:g} exceeds market[{side!r}] = "
                             f"{clean['market'][side]:g}; a side cannot start above its potential")
    side = params["subsidy_side"]
    if side is not None and side not in SIDES:
        raise ValueError(f"subsidy_side must be one of {list(SIDES)} or None, got {side!r}")
    if side is None and clean["subsidy"] > 0:
        raise ValueError(f"subsidy is {clean['subsidy']:g} but subsidy_side is None; name the side to subsidise")
    clean["subsidy_side"] = side
    return clean


def platform_params(**changes) -> dict:
    """The illustrative Huxiu-style parameters, with ``changes`` applied (a fresh, validated dict).

    A per-side dict in ``changes`` is merged into the default one, so
    ``platform_params(churn={"readers": 0.1})`` changes readers' churn only; ``cross`` is merged
    pair by pair (``cross={"readers": {"contributors": 0.0}}``). Use :func:`no_cross` to switch
    every cross-side effect off.

    Parameters
    ----------
    **changes
        Any key of :data:`DEFAULT_PARAMS`.

    Returns
    -------
    dict

    Examples
    --------
    >>> p = platform_params(churn={"readers": 0.1}, ad_load=0.0)
    >>> p["churn"], p["ad_load"]
    ({'readers': 0.1, 'contributors': 0.03, 'advertisers': 0.06}, 0.0)
    >>> platform_params(ad_lod=0.1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: params has an unknown key 'ad_lod'; did you mean 'ad_load'? (expected keys: ...)
    """
    params = copy.deepcopy(DEFAULT_PARAMS)
    for key, value in changes.items():
        if key not in _KEYS:
            raise _unknown("params", key, _KEYS)
        if key == "cross" and isinstance(value, Mapping):
            for i, row in value.items():
                if i in params["cross"] and isinstance(row, Mapping):
                    params["cross"][i].update(copy.deepcopy(dict(row)))
                else:
                    params["cross"][i] = copy.deepcopy(row)
        elif key in _PER_SIDE and isinstance(value, Mapping):
            params[key].update(copy.deepcopy(dict(value)))
        else:
            params[key] = copy.deepcopy(value)
    return validate_params(params)


def no_cross() -> dict:
    """A ``cross`` dict with every cross-side strength set to zero.

    >>> no_cross()["readers"]
    {'contributors': 0.0, 'advertisers': 0.0}
    """
    return {i: {j: 0.0 for j in SIDES if j != i} for i in SIDES}


def steady_state(attraction, churn, market):
    """Where a side settles with a constant joining share ``a`` and churn ``d``: ``a K / (a + d - a d)``.

    Each period a share ``d`` of members leaves, then a share ``a`` of all non-members joins.
    The steady state is where the two flows balance. It holds for a side without cross-side
    effects (or with the other sides held fixed).

    Parameters
    ----------
    attraction, churn : float
        Shares per period in [0, 1], not both zero.
    market : float
        Potential members, > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> round(steady_state(0.02, 0.05, 1_000_000))
    289855
    """
    a = check_number(attraction, "attraction", **_SHARE)
    d = check_number(churn, "churn", **_SHARE)
    k = check_number(market, "market", **_POSITIVE)
    if a == 0 and d == 0:
        raise ValueError("attraction and churn are both 0: nobody joins or leaves, so every size is a steady state")
    return a * k / (a + d - a * d)


def simulate_platform(params=None, periods: int = 36) -> pd.DataFrame:
    """Run the cross-side network-effects model of a three-sided platform.

    Parameters
    ----------
    params : dict, optional
        A complete parameter dict (see :data:`DEFAULT_PARAMS`; build one with
        :func:`platform_params`). ``None`` uses the illustrative defaults.
    periods : int
        Number of periods (months) to simulate, 1 or more.

    Returns
    -------
    pandas.DataFrame
        One row per period ``0 .. periods-1`` (index ``period``). Members at the start of the
        period: ``readers``, ``contributors``, ``advertisers``; the same as shares of each
        side's potential: ``readers_share``, ...; money during the period (RMB):
        ``ad_revenue``, ``operating_cost`` (fixed + serving), ``subsidy_cost``, ``cost``,
        ``profit``, ``cumulative_profit``.

    Examples
    --------
    >>> out = simulate_platform(platform_params(ad_load=0.0), periods=12)
    >>> float(out["ad_revenue"].sum())
    0.0
    >>> out.shape
    (12, 12)
    """
    p = validate_params(DEFAULT_PARAMS if params is None else params)
    periods = check_number(periods, "periods", integer=True, low=1,
                           must="be a whole number of periods, 1 or more")
    k = np.array([p["market"][s] for s in SIDES])
    base = np.array([p["attraction"][s] for s in SIDES])
    cross = np.array([[0.0 if i == j else p["cross"][i][j] for j in SIDES] for i in SIDES])
    churn = np.array([p["churn"][s] for s in SIDES])
    churn[0] = min(1.0, churn[0] + p["annoyance"] * p["ad_load"])
    subsidised = np.array([s == p["subsidy_side"] for s in SIDES])
    response = np.array([p["subsidy_response"][s] for s in SIDES])
    base = base + subsidised * response * p["subsidy"]
    serving = np.array([p["serving_cost"][s] for s in SIDES])

    members = np.empty((periods, len(SIDES)))
    n = np.array([p["start"][s] for s in SIDES])
    for t in range(periods):
        members[t] = n
        join = np.clip(base + cross @ (n / k), 0.0, 1.0)
        stay = (1.0 - churn) * n
        n = stay + join * (k - stay)

    out = pd.DataFrame(members, columns=list(SIDES), index=pd.RangeIndex(periods, name="period"))
    for i, side in enumerate(SIDES):
        out[f"{side}_share"] = members[:, i] / k[i]
    out["ad_revenue"] = p["ad_price"] * p["ad_load"] * members[:, 0] * members[:, 2] / k[2]
    out["operating_cost"] = p["fixed_cost"] + members @ serving
    out["subsidy_cost"] = p["subsidy"] * (members @ subsidised.astype(float))
    out["cost"] = out["operating_cost"] + out["subsidy_cost"]
    out["profit"] = out["ad_revenue"] - out["cost"]
    out["cumulative_profit"] = out["profit"].cumsum()
    return out


#: The default funnel of a content platform, stage -> share of the previous stage that gets there.
DEFAULT_FUNNEL = {"visitors": 0.30, "engaged": 0.20, "paying": 0.05}


def conversion_funnel(traffic, rates=None) -> pd.DataFrame:
    """From traffic to paying customers: how many are left after each step of a funnel.

    Parameters
    ----------
    traffic : float
        People reached at the top of the funnel (e.g. page impressions or ad reach), > 0.
    rates : dict, optional
        Stage name -> share of the previous stage that reaches it, in [0, 1], in funnel order
        (default :data:`DEFAULT_FUNNEL`: visitors, engaged, paying). Stage names must be unique
        strings other than ``"traffic"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``stage`` (``traffic`` first), with ``count``, ``rate_from_previous``,
        ``rate_from_top`` (the product of the rates so far) and ``lost`` (dropped at this step).

    Examples
    --------
    >>> f = conversion_funnel(100_000, {"visitors": 0.3, "engaged": 0.2, "paying": 0.05})
    >>> f["count"].round().tolist()
    [100000.0, 30000.0, 6000.0, 300.0]
    >>> float(f.loc["paying", "rate_from_top"])
    0.003
    """
    top = check_number(traffic, "traffic", **_POSITIVE)
    rates = DEFAULT_FUNNEL if rates is None else rates
    if not isinstance(rates, Mapping):
        raise TypeError(f"rates must be a dict of stage name -> conversion rate, got {type(rates).__name__}")
    if not rates:
        raise ValueError("rates must name at least one stage after traffic, e.g. {'visitors': 0.3}")
    stages, values = ["traffic"], [1.0]
    for stage, rate in rates.items():
        if not isinstance(stage, str) or not stage.strip():
            raise TypeError(f"rates: stage names must be non-empty strings, got {stage!r}")
        if stage == "traffic":
            raise ValueError("rates: 'traffic' is the top of the funnel; name only the stages after it")
        stages.append(stage)
        values.append(check_number(rate, f"rates[{stage!r}]", **_SHARE))
    step = np.array(values)
    cumulative = np.cumprod(step)
    counts = top * cumulative
    out = pd.DataFrame({"count": counts, "rate_from_previous": step, "rate_from_top": cumulative},
                       index=pd.Index(stages, name="stage"))
    out["lost"] = np.concatenate([[0.0], counts[:-1] - counts[1:]])
    out.loc["traffic", "rate_from_previous"] = np.nan
    return out
