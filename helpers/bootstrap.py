"""Bootstrap confidence intervals for rates built from customers' histories.

A transition probability such as "decline to churned" is a *ratio*: moves from decline into churn
divided by all moves out of decline. The moves of one customer are not independent of each other
(a loyal customer contributes many "stay" moves), so the bootstrap here resamples **customers**,
not single moves (a cluster bootstrap): each replicate draws as many customers as there are, with
replacement, and recomputes every ratio from their summed counts. The interval is the percentile
interval of the replicates.

- :func:`ratio_draws`, :func:`percentile_interval`: the engine, for any ratios of sums.
- :func:`transition_counts_by_customer`: one row of move counts per customer.
- :func:`bootstrap_transitions`: a transition matrix with an interval for every entry, by group.
- :func:`compare_transitions`: two groups' matrices and the difference, with intervals.

>>> panel = pd.DataFrame({"customer_id": ["a", "a", "b", "b"], "period": [1, 2, 1, 2],
...                       "stage": ["decline", "churned", "decline", "decline"]})
>>> out = bootstrap_transitions(panel, n_boot=200, seed=1).set_index(["from_stage", "to_stage"])
>>> out.loc[("decline", "churned"), ["moves", "out_of", "estimate"]].tolist()
[1.0, 2.0, 0.5]
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number
from helpers.lifecycle import STAGES

__all__ = ["ratio_draws", "percentile_interval", "transition_counts_by_customer",
           "bootstrap_transitions", "compare_transitions"]

_BATCH = 100          # replicates drawn at a time (keeps the weight matrix small)


def _check_boot(n_boot, seed, level):
    """The bootstrap settings: replicates, seed (or None) and confidence level."""
    check_number(n_boot, "n_boot", integer=True, low=10,
                 must={"low": "be at least 10 replicates (1000 is usual)"})
    if seed is not None:
        check_number(seed, "seed", integer=True, hint=" (or None)")
    check_number(level, "level", low=0, high=1, low_open=True, high_open=True,
                 must="lie strictly between 0 and 1 (e.g. 0.95)")


def _as_2d(values, name):
    if isinstance(values, pd.Series):
        values = values.to_frame()
    if isinstance(values, pd.DataFrame):
        if not all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                   for t in values.dtypes):
            raise TypeError(f"{name} must hold numbers (counts)")
        arr = values.to_numpy(dtype=float)
    elif isinstance(values, (np.ndarray, list, tuple)):
        try:
            arr = np.array(values, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be an array of numbers") from None
        if arr.ndim == 1:
            arr = arr[:, None]
    else:
        raise TypeError(f"{name} must be a DataFrame or an array (one row per customer), "
                        f"got {type(values).__name__}")
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-dimensional (customers x ratios), got {arr.ndim} dimensions")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} is empty: expected at least one customer")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must not contain NaN or infinite values")
    if (arr < 0).any():
        raise ValueError(f"{name} must not be negative (they are counts)")
    return arr


def ratio_draws(numerators, denominators, *, n_boot: int = 1000, seed: int | None = 0) -> np.ndarray:
    """Bootstrap replicates of ratios of sums, resampling whole rows (customers).

    Ratio ``j`` is ``sum(numerators[:, j]) / sum(denominators[:, j])``. Each replicate draws
    ``n`` rows with replacement (as counts of how often each row is drawn) and recomputes every ratio.

    Parameters
    ----------
    numerators, denominators : DataFrame or array, shape (customers, ratios)
        Non-negative counts; a 1-D array is one ratio.
    n_boot : int, default 1000
        Number of replicates (at least 10).
    seed : int or None, default 0
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same replicates.

    Returns
    -------
    numpy.ndarray, shape (n_boot, ratios)
        NaN where a replicate's denominator is 0.

    Examples
    --------
    >>> d = ratio_draws([1, 0, 1, 0], [1, 1, 1, 1], n_boot=500, seed=3)
    >>> d.shape, bool(0.2 < d.mean() < 0.8)
    ((500, 1), True)
    """
    _check_boot(n_boot, seed, 0.95)
    num, den = _as_2d(numerators, "numerators"), _as_2d(denominators, "denominators")
    if num.shape != den.shape:
        raise ValueError(f"numerators and denominators must have the same shape, got {num.shape} and {den.shape}")
    if (num > den).any():
        raise ValueError("numerators must not exceed denominators (each ratio is a share)")
    rng = np.random.default_rng(seed)
    n = num.shape[0]
    both = np.hstack([num, den])
    out = np.empty((n_boot, num.shape[1]))
    for start in range(0, n_boot, _BATCH):
        size = min(_BATCH, n_boot - start)
        picks = rng.integers(0, n, size=(size, n))          # row r of a replicate: picks[b, r]
        flat = (np.arange(size)[:, None] * n + picks).ravel()
        w = np.bincount(flat, minlength=size * n).reshape(size, n).astype(float)
        sums = w @ both
        with np.errstate(invalid="ignore", divide="ignore"):
            out[start:start + size] = sums[:, :num.shape[1]] / sums[:, num.shape[1]:]
    return out


def percentile_interval(draws, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper percentile bounds of bootstrap replicates, column by column.

    Parameters
    ----------
    draws : array, shape (replicates,) or (replicates, statistics)
        Replicates; NaN replicates are left out.
    level : float, default 0.95
        Coverage of the interval: 0.95 takes the 2.5th and 97.5th percentiles.

    Returns
    -------
    (lower, upper) : tuple of numpy.ndarray

    Examples
    --------
    >>> lo, hi = percentile_interval(np.arange(101.0), 0.9)
    >>> round(float(lo[0]), 6), round(float(hi[0]), 6)
    (5.0, 95.0)
    """
    _check_boot(10, 0, level)
    arr = np.asarray(draws, dtype=float)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[0] < 2:
        raise ValueError("draws must hold at least two replicates (rows)")
    alpha = (1 - level) / 2
    with warnings.catch_warnings():          # a statistic that is NaN in every replicate stays NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        lower = np.nanquantile(arr, alpha, axis=0)
        upper = np.nanquantile(arr, 1 - alpha, axis=0)
    return lower, upper


def _states(states):
    if states is None:
        return list(STAGES)
    states = list(states)
    if not states or len(set(states)) != len(states):
        raise ValueError(f"states must be a non-empty list of distinct labels, got {states}")
    return states


def transition_counts_by_customer(panel: pd.DataFrame, states=None, *, customer: str = "customer_id",
                                  period: str = "period", stage: str = "stage") -> pd.DataFrame:
    """How often each customer moved from each state to each state, one period apart.

    Parameters
    ----------
    panel : pandas.DataFrame
        One row per customer and period, columns ``customer``, ``period``, ``stage`` (e.g. the
        output of :func:`helpers.lifecycle.classify_stages`). Consecutive rows of a customer (in
        period order) are one move.
    states : list, optional
        The state labels in order; default :data:`helpers.lifecycle.STAGES`.
    customer, period, stage : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer (sorted), one column per move ``(from_stage, to_stage)`` (a
        MultiIndex, states in order). Summing the rows gives
        :func:`helpers.markov.transition_counts`.

    Examples
    --------
    >>> panel = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"], "period": [1, 2, 3, 1, 2],
    ...                       "stage": ["exploration", "formation", "formation", "exploration", "churned"]})
    >>> c = transition_counts_by_customer(panel)
    >>> int(c.loc["a", ("formation", "formation")]), int(c.loc["b", ("exploration", "churned")])
    (1, 1)
    """
    check_frame(panel, "panel", [customer, period, stage])
    states = _states(states)
    ids, uniques = pd.factorize(panel[customer], sort=True)
    try:
        order = np.lexsort((panel[period].to_numpy(), ids))
    except TypeError:
        raise TypeError(f"panel column {period!r} must hold sortable periods (dates or numbers)") from None
    labels = panel[stage].astype(object).to_numpy()[order]
    code_of = {s: k for k, s in enumerate(states)}
    try:
        codes = np.array([code_of[s] for s in labels], dtype=np.int64)
    except KeyError as err:
        raise ValueError(f"panel column {stage!r} holds unknown state {err.args[0]!r}; states are {states}") from None
    ids = ids[order]
    per = panel[period].to_numpy()[order]
    same = ids[1:] == ids[:-1]
    if (same & (per[1:] == per[:-1])).any():
        raise ValueError(f"panel has more than one row for the same {customer!r} and {period!r}")
    k = len(states)
    cell = codes[:-1][same] * k + codes[1:][same]
    who = ids[:-1][same]
    counts = np.zeros((len(uniques), k * k), dtype=np.int64)
    np.add.at(counts, (who, cell), 1)
    columns = pd.MultiIndex.from_product([states, states], names=["from_stage", "to_stage"])
    return pd.DataFrame(counts, index=pd.Index(uniques, name=customer), columns=columns)


def _groups(counts: pd.DataFrame, groups, customer):
    """Group label of each row of ``counts`` (one label for all when groups is None)."""
    if groups is None:
        return pd.Series("all", index=counts.index)
    if not isinstance(groups, pd.Series):
        raise TypeError(f"groups must be a Series mapping {customer} to a group label, got {type(groups).__name__}")
    if groups.index.has_duplicates:
        raise ValueError("groups has duplicate customer ids in its index")
    labels = groups.reindex(counts.index)
    if labels.isna().any():
        missing = list(labels.index[labels.isna()][:3])
        raise ValueError(f"groups gives no group for customer(s) {missing} of the panel")
    return labels


def _draw_matrices(counts: np.ndarray, k: int, n_boot, seed):
    """Replicates of every transition probability, shape (n_boot, k*k)."""
    rows = counts.reshape(len(counts), k, k).sum(axis=2)          # moves out of each state
    den = np.repeat(rows, k, axis=1)
    return ratio_draws(counts, den, n_boot=n_boot, seed=seed)


def _estimate(counts: np.ndarray, k: int) -> np.ndarray:
    total = counts.sum(axis=0).reshape(k, k)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (total / total.sum(axis=1, keepdims=True)).ravel()


def bootstrap_transitions(panel: pd.DataFrame, groups: pd.Series | None = None, *, n_boot: int = 1000,
                          seed: int | None = 0, level: float = 0.95, states=None,
                          customer: str = "customer_id", period: str = "period",
                          stage: str = "stage") -> pd.DataFrame:
    """Transition probabilities with bootstrap confidence intervals (customers resampled).

    The estimate is that of :func:`helpers.markov.transition_matrix` (moves from ``i`` to ``j``
    over all moves out of ``i``), except that no row is forced to be absorbing: the churned row
    shows whatever the data show. Each group is resampled on its own (a stratified bootstrap).

    Parameters
    ----------
    panel : pandas.DataFrame
        Columns ``customer``, ``period``, ``stage``.
    groups : pandas.Series, optional
        Group label of each customer (index: customer id), e.g. forum member or not.
    n_boot : int, default 1000
        Replicates per group.
    seed : int or None, default 0
        Seed; group ``g`` (the ``g``-th in sorted order) uses ``seed + g``.
    level : float, default 0.95
        Coverage of the percentile intervals.
    states : list, optional
        State labels; default :data:`helpers.lifecycle.STAGES`.
    customer, period, stage : str
        Column names of ``panel``.

    Returns
    -------
    pandas.DataFrame
        One row per group and move: ``group``, ``from_stage``, ``to_stage``, ``moves`` (the count),
        ``out_of`` (moves out of ``from_stage``), ``estimate``, ``lower``, ``upper``. Rows of a
        state never left have NaN estimates.

    Examples
    --------
    >>> panel = pd.DataFrame({"customer_id": list("aabbcc"), "period": [1, 2] * 3,
    ...                       "stage": ["decline", "churned", "decline", "decline", "decline", "formation"]})
    >>> out = bootstrap_transitions(panel, n_boot=100, seed=0).set_index(["from_stage", "to_stage"])
    >>> out.loc[("decline", "churned"), ["moves", "out_of"]].tolist()
    [1, 3]
    """
    _check_boot(n_boot, seed, level)
    counts = transition_counts_by_customer(panel, states, customer=customer, period=period, stage=stage)
    labels = _groups(counts, groups, customer)
    states = list(dict.fromkeys(counts.columns.get_level_values(0)))
    k = len(states)
    frames = []
    for g, name in enumerate(sorted(labels.unique())):
        c = counts.to_numpy()[(labels == name).to_numpy()]
        draws = _draw_matrices(c, k, n_boot, None if seed is None else seed + g)
        lower, upper = percentile_interval(draws, level)
        total = c.sum(axis=0)
        frames.append(pd.DataFrame({
            "group": name,
            "from_stage": np.repeat(states, k), "to_stage": np.tile(states, k),
            "moves": total, "out_of": np.repeat(total.reshape(k, k).sum(axis=1), k),
            "estimate": _estimate(c, k), "lower": lower, "upper": upper}))
    return pd.concat(frames, ignore_index=True)


def compare_transitions(panel: pd.DataFrame, groups: pd.Series, *, n_boot: int = 1000,
                        seed: int | None = 0, level: float = 0.95, states=None,
                        customer: str = "customer_id", period: str = "period",
                        stage: str = "stage") -> pd.DataFrame:
    """Two groups' transition probabilities and their difference, with bootstrap intervals.

    Each group's customers are resampled on their own; the difference (second group minus first,
    groups in sorted order, so ``True - False`` for a yes/no label) is taken replicate by
    replicate, and its percentile interval says how sure the data are of its sign.

    Parameters
    ----------
    panel : pandas.DataFrame
        Columns ``customer``, ``period``, ``stage``.
    groups : pandas.Series
        Group label of each customer (index: customer id); exactly two labels.
    n_boot, seed, level, states, customer, period, stage
        As in :func:`bootstrap_transitions`.

    Returns
    -------
    pandas.DataFrame
        One row per move: ``from_stage``, ``to_stage``, the estimate of each group (columns named
        by the group labels, as strings), ``difference``, ``lower``, ``upper`` (interval of the
        difference) and ``clear`` (True when the interval excludes 0).

    Examples
    --------
    >>> panel = pd.DataFrame({"customer_id": list("aabbccdd"), "period": [1, 2] * 4,
    ...                       "stage": ["decline", "churned"] * 2 + ["decline", "formation"] * 2})
    >>> member = pd.Series({"a": False, "b": False, "c": True, "d": True})
    >>> out = compare_transitions(panel, member, n_boot=50).set_index(["from_stage", "to_stage"])
    >>> float(out.loc[("decline", "churned"), "difference"])
    -1.0
    """
    _check_boot(n_boot, seed, level)
    counts = transition_counts_by_customer(panel, states, customer=customer, period=period, stage=stage)
    labels = _groups(counts, groups, customer)
    names = sorted(labels.unique())
    if len(names) != 2:
        raise ValueError(f"groups must hold exactly two labels to compare, got {names}")
    states = list(dict.fromkeys(counts.columns.get_level_values(0)))
    k = len(states)
    est, draws = {}, {}
    for g, name in enumerate(names):
        c = counts.to_numpy()[(labels == name).to_numpy()]
        est[name] = _estimate(c, k)
        draws[name] = _draw_matrices(c, k, n_boot, None if seed is None else seed + g)
    diff_draws = draws[names[1]] - draws[names[0]]
    lower, upper = percentile_interval(diff_draws, level)
    out = pd.DataFrame({"from_stage": np.repeat(states, k), "to_stage": np.tile(states, k),
                        str(names[0]): est[names[0]], str(names[1]): est[names[1]],
                        "difference": est[names[1]] - est[names[0]], "lower": lower, "upper": upper})
    out["clear"] = (out["lower"] > 0) | (out["upper"] < 0)
    return out
