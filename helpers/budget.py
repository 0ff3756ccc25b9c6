"""Allocating a fixed marketing budget across lifecycle stages or segments (notebook 07).

Each stage (or segment) answers spending with a **response curve** (响应曲线): the extra margin
that ``x`` yuan of spending brings. Curves show **diminishing returns** (边际收益递减): the first
yuan reaches the easiest customers, later ones reach harder and harder ones. Two concave shapes:

``exponential``
    ``r(x) = scale * (1 - exp(-x / saturation))``: at most ``scale`` can be earned; the curve
    gets about 63% of the way there by ``x = saturation``. Marginal return
    ``r'(x) = scale / saturation * exp(-x / saturation)``, finite at zero, so a stage whose
    first yuan earns too little gets nothing.
``power``
    ``r(x) = scale * x ** exponent`` with ``0 < exponent < 1`` (``exponent = 0.5`` is the square
    root). Marginal return ``scale * exponent * x ** (exponent - 1)`` is infinite at zero, so
    every stage gets something.

The budget is spent best when the **next yuan earns the same in every funded stage**
(equal marginal returns, 边际收益相等): if one stage earned more from its last yuan than another,
moving a yuan across would raise the total. :func:`allocate_budget` finds that allocation: in
closed form for exponential curves (water-filling on the marginal return at zero) and by a
one-dimensional root search on the common marginal return for power curves.

>>> curves = pd.DataFrame({"scale": [1.0, 2.0], "exponent": [0.5, 0.5]}, index=["A", "B"])
>>> allocate_budget(100.0, curves, kind="power")["spend"].round(6).tolist()   # x ~ scale**2
[20.0, 80.0]
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize

from helpers._checks import check_frame, check_number

#: Illustrative exponential response curves per lifecycle stage, in thousand RMB of extra margin
#: for thousand RMB spent (*assumptions*, not estimates): acquisition in exploration reaches a
#: large pool but each new customer is worth little at first; development in formation has the
#: most to gain (reading 002: move customers into stability fast); retention in stability
#: protects the most valuable customers but saturates soon, since most would stay anyway;
#: win-back in decline pays only for the few high-value customers worth rescuing (reading 002).
STAGE_CURVES = pd.DataFrame({"scale": [900.0, 1200.0, 500.0, 300.0],
                             "saturation": [600.0, 400.0, 150.0, 250.0]},
                            index=pd.Index(["exploration", "formation", "stability", "decline"], name="stage"))

#: The response-curve shapes :func:`allocate_budget` understands, with the column each needs
#: besides ``scale``.
KINDS = {"exponential": "saturation", "power": "exponent"}


def _curves(curves, kind) -> tuple[np.ndarray, np.ndarray]:
    """Check a curves frame; return (scale, shape) as float arrays."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {list(KINDS)}, got {kind!r}")
    need = ["scale", KINDS[kind]]
    check_frame(curves, "curves", need, expected=f"a {kind} curve: one row per stage or segment", nan_ok=True)
    if not curves.index.is_unique or curves.index.hasnans:
        raise ValueError("curves must have a unique index of stage or segment names without missing values")
    out = []
    for col in need:
        try:
            v = curves[col].to_numpy(dtype=float)
        except (TypeError, ValueError) as err:
            raise TypeError(f"curves[{col!r}] must be numbers") from err
        if not np.all(np.isfinite(v)) or np.any(v <= 0):
            raise ValueError(f"curves[{col!r}] must be finite numbers above zero, got {v.tolist()}")
        out.append(v)
    if kind == "power" and np.any(out[1] >= 1):
        raise ValueError(f"curves['exponent'] must be below 1 for diminishing returns, got {out[1].tolist()}")
    return out[0], out[1]


def _spend(spend, index, name="spend") -> np.ndarray:
    if isinstance(spend, pd.Series):
        if set(spend.index) != set(index) or len(spend) != len(index):
            raise ValueError(f"{name} must have one value per curve: expected index {list(index)}, "
                             f"got {list(spend.index)}")
        spend = spend.reindex(index)
    try:
        x = np.asarray(spend, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{name} must be numbers") from err
    if x.ndim == 0:
        x = np.full(len(index), float(x))
    if x.shape != (len(index),):
        raise ValueError(f"{name} must have one value per curve ({len(index)}), got shape {x.shape}")
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise ValueError(f"{name} must be finite amounts, zero or more, got {x.tolist()}")
    return x


def _response(x, scale, shape, kind):
    if kind == "exponential":
        return scale * -np.expm1(-x / shape)
    return scale * x ** shape


def _marginal(x, scale, shape, kind):
    if kind == "exponential":
        return scale / shape * np.exp(-x / shape)
    with np.errstate(divide="ignore"):
        return scale * shape * np.where(x > 0, x, 0.0) ** (shape - 1)


def response(spend, curves: pd.DataFrame, *, kind: str = "exponential") -> pd.Series:
    """The return each stage brings at a given spend.

    Parameters
    ----------
    spend : float, array-like or pandas.Series
        Spend per stage (one value per row of ``curves``, or one value for all), zero or more.
        A Series is matched to ``curves`` by index.
    curves : pandas.DataFrame
        One row per stage or segment, with ``scale`` and ``saturation`` (exponential) or
        ``exponent`` (power, below 1); all above zero.
    kind : {"exponential", "power"}

    Returns
    -------
    pandas.Series
        Named ``return``, indexed like ``curves``.

    Examples
    --------
    >>> c = pd.DataFrame({"scale": [100.0], "saturation": [50.0]}, index=["stability"])
    >>> response(50.0, c).round(2).tolist()
    [63.21]
    """
    scale, shape = _curves(curves, kind)
    x = _spend(spend, curves.index)
    return pd.Series(_response(x, scale, shape, kind), index=curves.index, name="return")


def marginal_return(spend, curves: pd.DataFrame, *, kind: str = "exponential") -> pd.Series:
    """What the next yuan earns in each stage at a given spend: the slope of its response curve.

    Parameters
    ----------
    spend, curves, kind
        As in :func:`response`.

    Returns
    -------
    pandas.Series
        Named ``marginal_return`` (return per extra yuan), indexed like ``curves``; ``inf`` for a
        power curve at zero spend.

    Examples
    --------
    >>> c = pd.DataFrame({"scale": [100.0], "saturation": [50.0]}, index=["stability"])
    >>> marginal_return(0.0, c).tolist()      # 100 / 50: the first yuan returns 2 yuan
    [2.0]
    """
    scale, shape = _curves(curves, kind)
    x = _spend(spend, curves.index)
    return pd.Series(_marginal(x, scale, shape, kind), index=curves.index, name="marginal_return")


def allocate_budget(budget, curves: pd.DataFrame, *, kind: str = "exponential") -> pd.DataFrame:
    """Split a fixed budget across stages so that the total return is as large as possible.

    At the optimum every funded stage earns the same from its next yuan, the **shadow price**
    ``lambda`` of the budget (what one more yuan of budget would add to the total); a stage
    whose very first yuan earns less than ``lambda`` gets nothing.

    * Exponential curves, closed form: with the funded set ``A`` (the stages with the highest
      marginal return at zero, ``m_i = scale_i / saturation_i``),
      ``ln lambda = (sum_A s_i ln m_i - budget) / sum_A s_i`` and
      ``x_i = s_i ln(m_i / lambda)``, where ``s_i`` is the saturation.
    * Power curves: ``x_i = (scale_i exponent_i / lambda) ** (1 / (1 - exponent_i))``, with
      ``lambda`` found by a root search so that the spends add up to the budget. With one
      common exponent ``b`` this is ``x_i = budget * scale_i**k / sum_j scale_j**k`` with
      ``k = 1 / (1 - b)``; for square roots (``b = 1/2``) spend is proportional to ``scale**2``.

    Parameters
    ----------
    budget : float
        Money to spend, zero or more.
    curves : pandas.DataFrame
        One row per stage or segment (see :func:`response`).
    kind : {"exponential", "power"}

    Returns
    -------
    pandas.DataFrame
        Indexed like ``curves``: ``spend``, ``share`` (of the budget), ``return`` and
        ``marginal_return`` (what the next yuan would earn there). ``attrs`` holds
        ``total_return``, ``shadow_price`` (lambda) and ``budget``.

    Raises
    ------
    TypeError
        If ``budget`` is not a number or ``curves`` not a DataFrame of numbers.
    ValueError
        If the budget is negative or infinite, ``kind`` is unknown, or a curve column is
        missing or not above zero.

    Examples
    --------
    >>> c = pd.DataFrame({"scale": [300.0, 100.0], "saturation": [100.0, 100.0]},
    ...                  index=["formation", "decline"])
    >>> a = allocate_budget(100.0, c)
    >>> a["spend"].round(1).tolist(), round(a.attrs["shadow_price"], 3)
    ([100.0, 0.0], 1.104)
    >>> a = allocate_budget(300.0, c)
    >>> a["spend"].round(1).tolist(), a["marginal_return"].round(3).tolist()
    ([204.9, 95.1], [0.386, 0.386])
    """
    b = check_number(budget, "budget", low=0)
    scale, shape = _curves(curves, kind)
    n = len(scale)
    if b == 0:
        x = np.zeros(n)
        lam = float(np.max(_marginal(x, scale, shape, kind)))
    elif kind == "exponential":
        m0 = scale / shape
        order = np.argsort(-m0, kind="stable")
        for k in range(n, 0, -1):                      # the largest funded set that is consistent
            act = order[:k]
            log_lam = (np.sum(shape[act] * np.log(m0[act])) - b) / np.sum(shape[act])
            if np.log(m0[act[-1]]) > log_lam:
                break
        lam = float(np.exp(log_lam))
        x = np.zeros(n)
        x[act] = shape[act] * (np.log(m0[act]) - log_lam)
    else:
        k = 1.0 / (1.0 - shape)

        def excess(log_lam):
            return np.sum(np.exp(k * (np.log(scale * shape) - log_lam))) - b

        lo, hi = -50.0, 50.0
        while excess(lo) < 0:
            lo -= 50.0
        while excess(hi) > 0:
            hi += 50.0
        log_lam = optimize.brentq(excess, lo, hi, xtol=1e-14, rtol=1e-14, maxiter=500)
        x = np.exp(k * (np.log(scale * shape) - log_lam))
        x *= b / x.sum()                               # remove the last rounding error of the root
        lam = float(np.exp(log_lam))
    ret = _response(x, scale, shape, kind)
    out = pd.DataFrame({"spend": x, "share": x / b if b > 0 else np.zeros(n), "return": ret,
                        "marginal_return": _marginal(x, scale, shape, kind)}, index=curves.index.copy())
    out.attrs = {"total_return": float(ret.sum()), "shadow_price": lam, "budget": b}
    return out


def budget_curve(budgets, curves: pd.DataFrame, *, kind: str = "exponential") -> pd.DataFrame:
    """Optimal total return and shadow price for a range of budgets.

    Parameters
    ----------
    budgets : array-like of float
        Budgets, zero or more.
    curves, kind
        As in :func:`allocate_budget`.

    Returns
    -------
    pandas.DataFrame
        One row per budget: ``budget``, ``total_return``, ``shadow_price``, then the spend of
        each stage (one column per row of ``curves``).

    Examples
    --------
    >>> c = pd.DataFrame({"scale": [1.0, 1.0], "exponent": [0.5, 0.5]}, index=["a", "b"])
    >>> budget_curve([2.0, 8.0], c, kind="power")["total_return"].round(3).tolist()
    [2.0, 4.0]
    """
    try:
        values = np.asarray(budgets, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError("budgets must be numbers") from err
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"budgets must be a non-empty 1-d list of amounts, got shape {values.shape}")
    rows = []
    for v in values:
        a = allocate_budget(float(v), curves, kind=kind)
        rows.append({"budget": float(v), "total_return": a.attrs["total_return"],
                     "shadow_price": a.attrs["shadow_price"], **a["spend"].to_dict()})
    return pd.DataFrame(rows)
