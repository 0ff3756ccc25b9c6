"""Customer relationships as Markov chains: stage-to-stage movement, lifetime and value.

Chinese research on the customer lifecycle models the movement between stages (考察期
exploration, 形成期 formation, 稳定期 stability, 退化期 decline) and the end of the relationship
(流失 churned) as a Markov process (马尔可夫过程); the managerial aim is to lower the chance of
moving from the intermediate stages into breakup (reading 000). This module estimates such a chain
from a stage panel and answers the questions a manager asks of it:

- where do customers go next?  :func:`transition_matrix`, :func:`transition_counts`
- where does a cohort stand after t periods?  :func:`propagate`, :func:`simulate_cohort`
- what is the long-run stage mix?  :func:`stationary_distribution` (with :func:`renewal_chain`)
- how long does a customer stay?  :func:`fundamental_matrix`, :func:`expected_time_to_absorption`
- what is a customer worth?  :func:`markov_clv` (Pfeifer & Carraway 2000)
- what if we lower the moves into decline or churn?  :func:`intervene`

Every function takes the transition matrix ``P`` either as a square DataFrame whose index (from)
and columns (to) are the state labels, or as a square NumPy array (states are then 0, 1, ...).
A DataFrame in gives labelled pandas results out; an array in gives arrays out.
``P[i, j]`` is the probability of being in state ``j`` next period given state ``i`` now; every
row sums to 1.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number
from helpers.lifecycle import STAGES

#: Tolerance for "rows sum to 1" (allows matrices typed with rounded entries).
ROW_SUM_TOL = 1e-6

__all__ = ["transition_counts", "transition_matrix", "stationary_distribution", "renewal_chain",
           "fundamental_matrix", "expected_time_to_absorption", "propagate", "simulate_cohort",
           "markov_clv", "intervene", "intervention_effect", "absorbing_states", "EXAMPLE_P",
           "EXAMPLE_REWARDS", "ROW_SUM_TOL"]

#: An illustrative monthly chain of the five lifecycle stages (not estimated from any data):
#: newcomers try the firm for a few months, some move on to formation and stability, decline can
#: start in any stage (reading 000), and some declining customers are won back.
EXAMPLE_P = pd.DataFrame([
    # expl   form   stab   decl   churn
    [0.70, 0.15, 0.00, 0.10, 0.05],   # exploration
    [0.00, 0.80, 0.12, 0.06, 0.02],   # formation
    [0.00, 0.00, 0.93, 0.06, 0.01],   # stability
    [0.00, 0.05, 0.05, 0.75, 0.15],   # decline
    [0.00, 0.00, 0.00, 0.00, 1.00],   # churned
], index=pd.Index(STAGES), columns=pd.Index(STAGES))
#: Illustrative margin per month in each stage (RMB): small in exploration, highest in stability.
EXAMPLE_REWARDS = pd.Series([10.0, 40.0, 80.0, 15.0, 0.0], index=pd.Index(STAGES), name="reward")


# --- checking a transition matrix ----------------------------------------------------------------

def _check_matrix(P, name: str = "P"):
    """Validate a transition matrix; return ``(array copy, labels, labelled)``."""
    if isinstance(P, pd.DataFrame):
        if P.empty:
            raise ValueError(f"{name} is empty; expected a square transition matrix")
        index, columns = list(P.index), list(P.columns)
        if P.index.has_duplicates or P.columns.has_duplicates:
            raise ValueError(f"{name} has duplicate state labels")
        if set(index) != set(columns):
            only_rows = [s for s in index if s not in set(columns)]
            only_cols = [s for s in columns if s not in set(index)]
            raise ValueError(f"{name} must have the same state labels on rows (from) and columns (to); "
                             f"unknown state labels: rows only {only_rows}, columns only {only_cols}")
        frame = P.loc[:, index]
        if not all(pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)
                   for t in frame.dtypes):
            raise TypeError(f"{name} must hold numbers (probabilities)")
        arr, labels, labelled = frame.to_numpy(dtype=float, copy=True), index, True
    elif isinstance(P, (np.ndarray, list, tuple)):
        try:
            arr = np.array(P, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be a square array of numbers or a DataFrame") from None
        if arr.ndim != 2:
            raise ValueError(f"{name} must be a square (n x n) matrix, got {arr.ndim} dimension(s)")
        labels, labelled = list(range(arr.shape[0])), False
    else:
        raise TypeError(f"{name} must be a square DataFrame labelled by state or a NumPy array, "
                        f"got {type(P).__name__}")
    if arr.shape[0] != arr.shape[1] or arr.shape[0] == 0:
        raise ValueError(f"{name} must be square (n x n, n >= 1), got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must not contain NaN or infinite entries")
    if (arr < 0).any():
        i, j = np.argwhere(arr < 0)[0]
        raise ValueError(f"{name} has a negative probability {arr[i, j]:g} "
                         f"(from {labels[i]!r} to {labels[j]!r}); probabilities lie in [0, 1]")
    sums = arr.sum(axis=1)
    bad = np.flatnonzero(np.abs(sums - 1) > ROW_SUM_TOL)
    if bad.size:
        shown = {labels[i]: round(float(sums[i]), 6) for i in bad[:3]}
        raise ValueError(f"every row of {name} must sum to 1 (probabilities of where a customer goes "
                         f"next); row sums {shown}")
    return arr, labels, labelled


def _state_index(labels, state, name: str) -> int:
    for k, lab in enumerate(labels):
        if lab == state and type(lab) is not bool:
            return k
    raise ValueError(f"{name}: unknown state {state!r}; states are {labels}")


def _distribution(start, labels, name: str = "start") -> np.ndarray:
    """A starting state (label) or a distribution over states (dict, Series or array)."""
    n = len(labels)
    if isinstance(start, (Mapping, pd.Series)):
        items = dict(start.items()) if isinstance(start, pd.Series) else dict(start)
        unknown = [k for k in items if k not in labels]
        if unknown:
            raise ValueError(f"{name}: unknown state labels {unknown}; states are {labels}")
        vec = np.zeros(n)
        for k, v in items.items():
            vec[labels.index(k)] = v
    elif isinstance(start, (np.ndarray, list, tuple)):
        vec = np.asarray(start, dtype=float)
        if vec.shape != (n,):
            raise ValueError(f"{name} as a distribution must have one share per state ({n}), "
                             f"got shape {vec.shape}")
    else:
        vec = np.zeros(n)
        vec[_state_index(labels, start, name)] = 1.0
    if not np.isfinite(vec).all() or (vec < 0).any() or abs(vec.sum() - 1) > ROW_SUM_TOL:
        raise ValueError(f"{name} must be a state or non-negative shares summing to 1, got {start!r}")
    return vec / vec.sum()


def absorbing_states(P) -> list:
    """The states a customer never leaves (``P[i, i] == 1``).

    >>> absorbing_states([[0.8, 0.2], [0.0, 1.0]])
    [1]
    """
    arr, labels, _ = _check_matrix(P)
    return [labels[i] for i in range(len(labels)) if arr[i, i] >= 1 - 1e-12]


def _absorbing_split(P, absorbing):
    arr, labels, labelled = _check_matrix(P)
    if absorbing is None:
        absorbing = absorbing_states(P)
    elif isinstance(absorbing, str) or not hasattr(absorbing, "__iter__"):
        absorbing = [absorbing]
    absorbing = list(absorbing)
    if not absorbing:
        raise ValueError("absorbing: the chain has no absorbing state (no row with P[i, i] = 1); "
                         "name one, e.g. absorbing=['churned']")
    idx = [_state_index(labels, s, "absorbing") for s in absorbing]
    for k, s in zip(idx, absorbing):
        if arr[k, k] < 1 - ROW_SUM_TOL:
            raise ValueError(f"absorbing: state {s!r} is not absorbing: a customer there stays with "
                             f"probability {arr[k, k]:.4g}, not 1")
    transient = [k for k in range(len(labels)) if k not in idx]
    if not transient:
        raise ValueError("absorbing: every state is absorbing; there is no lifetime to measure")
    return arr, labels, labelled, idx, transient


# --- estimating P from data -----------------------------------------------------------------------

def _pairs_from_panel(panel, customer, period, stage):
    """Stage codes of each pair of a customer's consecutive rows, and the stage labels coded."""
    check_frame(panel, "panel", [customer, period, stage])
    ids = pd.factorize(panel[customer])[0]
    try:
        periods, period_values = pd.factorize(panel[period], sort=True)
    except TypeError:
        raise TypeError(f"panel column {period!r} must hold sortable periods (dates or numbers)") from None
    codes, uniques = pd.factorize(panel[stage])
    key = ids.astype(np.int64) * len(period_values) + periods
    order = np.argsort(key, kind="stable")
    key, ids, codes = key[order], ids[order], codes[order]
    same = ids[1:] == ids[:-1]
    if (key[1:] == key[:-1]).any():
        raise ValueError(f"panel has more than one row for the same {customer!r} and {period!r}")
    return codes[:-1][same], codes[1:][same], list(uniques)


def _pairs_from_sequences(sequences):
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__iter__"):
        raise TypeError("expected a stage panel (DataFrame) or a list of stage sequences, "
                        f"got {type(sequences).__name__}")
    frm, to, seen = [], [], []
    for k, seq in enumerate(sequences):
        if isinstance(seq, (str, bytes)) or not hasattr(seq, "__iter__"):
            raise TypeError(f"sequence {k} must be a list of stage names, got {seq!r}")
        seq = list(seq)
        if any(s is None or (isinstance(s, float) and np.isnan(s)) for s in seq):
            raise ValueError(f"sequence {k} contains a missing stage (None/NaN)")
        start = len(seen)
        seen.extend(seq)
        frm.extend(range(start, start + len(seq) - 1))
        to.extend(range(start + 1, start + len(seq)))
    if not seen:
        raise ValueError("no stage sequences given; expected at least one")
    codes, uniques = pd.factorize(np.array(seen, dtype=object))
    return codes[np.array(frm, dtype=np.int64)], codes[np.array(to, dtype=np.int64)], list(uniques)


def transition_counts(data, states=None, *, customer="customer_id", period="period", stage="stage"):
    """How many times customers moved from each state to each state, one period apart.

    Parameters
    ----------
    data : DataFrame or list of sequences
        Either a stage panel with one row per customer and period (columns ``customer``,
        ``period``, ``stage``; rows are put in period order per customer, and each pair of a
        customer's consecutive rows is one move), or a list of stage sequences, one per customer.
    states : list, optional
        The state labels, in order. By default the stages of :data:`helpers.lifecycle.STAGES`
        that occur in ``data``, plus ``"churned"``.
    customer, period, stage : str
        Column names of a panel.

    Returns
    -------
    DataFrame
        Counts, index = from-state, columns = to-state.

    Examples
    --------
    >>> transition_counts([["exploration", "formation", "churned"], ["exploration", "churned"]])
                 exploration  formation  churned
    exploration            0          1        1
    formation              0          0        1
    churned                0          0        0
    """
    if isinstance(data, pd.DataFrame):
        frm, to, seen = _pairs_from_panel(data, customer, period, stage)
    else:
        frm, to, seen = _pairs_from_sequences(data)
    if states is None:
        unknown = sorted({str(s) for s in seen} - set(STAGES))
        if unknown:
            raise ValueError(f"unknown stage labels {unknown}; stages are {list(STAGES)} "
                             "(or pass states=[...] for other labels)")
        present = set(seen) | {"churned"}
        states = [s for s in STAGES if s in present]
    else:
        states = list(states)
        if len(set(states)) != len(states) or not states:
            raise ValueError(f"states must be a non-empty list of distinct labels, got {states}")
        unknown = [s for s in seen if s not in states]
        if unknown:
            raise ValueError(f"unknown state labels {unknown} in the data; states are {states}")
    n = len(states)
    where = np.array([states.index(s) for s in seen], dtype=np.int64)
    i, j = where[frm], where[to]
    counts = np.bincount(i * n + j, minlength=n * n).reshape(n, n)
    return pd.DataFrame(counts, index=pd.Index(states), columns=pd.Index(states))


def transition_matrix(stage_sequences_or_panel, states=None, *, absorbing=("churned",),
                      customer="customer_id", period="period", stage="stage"):
    """Estimate the transition matrix: the share of moves out of each state that go to each state.

    The estimate is the maximum-likelihood one, counts divided by row totals. Rows of the
    ``absorbing`` states are set to "stay for good" (a 1 on the diagonal) whatever the data show:
    a churned customer who buys again is a new relationship, not a move out of churn.

    Parameters
    ----------
    stage_sequences_or_panel : DataFrame or list of sequences
        A stage panel (columns ``customer_id``, ``period``, ``stage``) or a list of stage
        sequences; see :func:`transition_counts`.
    states : list, optional
        State labels in order; by default the stages of :data:`helpers.lifecycle.STAGES` present.
    absorbing : sequence
        States made absorbing (default ``("churned",)``); labels not among ``states`` are ignored.
    customer, period, stage : str
        Column names of a panel.

    Returns
    -------
    DataFrame
        Rows sum to 1; index = from-state, columns = to-state.

    Raises
    ------
    ValueError
        If a non-absorbing state is never left in the data (its row cannot be estimated).

    Examples
    --------
    >>> seqs = [["exploration", "exploration", "formation", "churned"], ["exploration", "churned"]]
    >>> transition_matrix(seqs).round(3)
                 exploration  formation  churned
    exploration        0.333      0.333    0.333
    formation          0.000      0.000    1.000
    churned            0.000      0.000    1.000
    """
    counts = transition_counts(stage_sequences_or_panel, states, customer=customer, period=period,
                               stage=stage)
    labels = list(counts.index)
    if isinstance(absorbing, str):
        absorbing = [absorbing]
    absorbing = [s for s in absorbing if s in labels]
    arr = counts.to_numpy(dtype=float)
    for s in absorbing:
        k = labels.index(s)
        arr[k] = 0.0
        arr[k, k] = 1.0
    totals = arr.sum(axis=1)
    empty = [labels[k] for k in np.flatnonzero(totals == 0)]
    if empty:
        raise ValueError(f"no move out of state(s) {empty} is observed, so their rows cannot be "
                         "estimated; add data, drop them from states=, or list them in absorbing=")
    return pd.DataFrame(arr / totals[:, None], index=counts.index, columns=counts.columns)


# --- long run ------------------------------------------------------------------------------------

def _wrap_vector(values, labels, labelled, name):
    return pd.Series(values, index=pd.Index(labels), name=name) if labelled else values


def stationary_distribution(P):
    """The stage mix that no longer changes from one period to the next: ``pi P = pi``, sum 1.

    An absorbing chain's stationary distribution puts everyone in the absorbing state; for the
    long-run stage mix of a customer base whose lost customers are replaced, use it on
    :func:`renewal_chain`.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.

    Returns
    -------
    Series or ndarray

    Raises
    ------
    ValueError
        If the stationary distribution is not unique (the chain has more than one closed class).

    Examples
    --------
    >>> stationary_distribution([[0.9, 0.1], [0.5, 0.5]]).round(4)   # (b, a) / (a + b)
    array([0.8333, 0.1667])
    """
    arr, labels, labelled = _check_matrix(P)
    n = arr.shape[0]
    eig = np.linalg.eigvals(arr)
    if np.sum(np.abs(eig - 1) < 1e-9) > 1:
        raise ValueError("P has more than one closed class (e.g. two absorbing states), so its "
                         "stationary distribution is not unique")
    A = np.vstack([arr.T - np.eye(n), np.ones((1, n))])
    b = np.zeros(n + 1)
    b[-1] = 1.0
    pi = np.linalg.lstsq(A, b, rcond=None)[0]
    pi = np.clip(pi, 0, None)
    pi = pi / pi.sum()
    return _wrap_vector(pi, labels, labelled, "share")


def renewal_chain(P, absorbing="churned", entry="exploration"):
    """The chain of a customer base that replaces each lost customer by a new one.

    The row of ``absorbing`` is redirected to ``entry``: the slot a churned customer leaves is
    taken by a newcomer. The stationary distribution of this chain is the steady-state stage mix
    of a customer base of constant size.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix with an absorbing state.
    absorbing, entry
        State labels (integers for an array).

    Returns
    -------
    DataFrame or ndarray
        A new matrix; ``P`` is not changed.

    Examples
    --------
    >>> renewal_chain([[0.8, 0.2], [0.0, 1.0]], absorbing=1, entry=0)
    array([[0.8, 0.2],
           [1. , 0. ]])
    """
    arr, labels, labelled, idx, _ = _absorbing_split(P, [absorbing])
    e = _state_index(labels, entry, "entry")
    if e == idx[0]:
        raise ValueError("entry must differ from the absorbing state")
    out = arr.copy()
    out[idx[0]] = 0.0
    out[idx[0], e] = 1.0
    return pd.DataFrame(out, index=pd.Index(labels), columns=pd.Index(labels)) if labelled else out


# --- absorbing chains: lifetime -------------------------------------------------------------------

def fundamental_matrix(P, absorbing=None):
    """Expected number of periods spent in each transient state: ``N = (I - Q)^-1``.

    ``Q`` is the part of ``P`` among the transient (non-absorbing) states. ``N[i, j]`` is the
    expected number of periods, counting the present one, that a customer now in ``i`` spends in
    ``j`` before being absorbed.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.
    absorbing : list, optional
        The absorbing states; by default every state with ``P[i, i] == 1``.

    Returns
    -------
    DataFrame or ndarray
        Square, over the transient states.

    Examples
    --------
    >>> fundamental_matrix([[0.5, 0.5, 0.0], [0.0, 0.75, 0.25], [0.0, 0.0, 1.0]])
    array([[2., 4.],
           [0., 4.]])
    """
    arr, labels, labelled, _, transient = _absorbing_split(P, absorbing)
    Q = arr[np.ix_(transient, transient)]
    I = np.eye(len(transient))
    if np.linalg.matrix_rank(I - Q) < len(transient):
        raise ValueError("P is not an absorbing chain: from some transient state the absorbing "
                         "state(s) can never be reached, so the lifetime is infinite")
    N = np.linalg.solve(I - Q, I)
    N[np.abs(N) < 1e-12] = 0.0   # exact zeros where a stage cannot be reached
    if not np.isfinite(N).all() or (N < -1e-9).any() or N.max() > 1e12:
        raise ValueError("P is not an absorbing chain: from some transient state the absorbing "
                         "state(s) can never be reached, so the lifetime is infinite")
    names = [labels[k] for k in transient]
    return pd.DataFrame(N, index=pd.Index(names), columns=pd.Index(names)) if labelled else N


def expected_time_to_absorption(P, absorbing=None):
    """Expected remaining lifetime: periods until absorption from each transient state, ``N 1``.

    Counts the present period: a customer who stays each period with probability ``r`` and is
    otherwise lost has an expected lifetime of ``1 / (1 - r)`` periods.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.
    absorbing : list, optional
        The absorbing states (e.g. ``["churned"]``); by default every state with ``P[i, i] == 1``.

    Returns
    -------
    Series or ndarray
        One value per transient state.

    Examples
    --------
    >>> expected_time_to_absorption([[0.9, 0.1], [0.0, 1.0]]).round(6)
    array([10.])
    """
    N = fundamental_matrix(P, absorbing)
    if isinstance(N, pd.DataFrame):
        return N.sum(axis=1).rename("expected_periods")
    return N.sum(axis=1)


# --- cohorts over time ---------------------------------------------------------------------------

def propagate(P, start, periods):
    """The exact share of a cohort in each state over time: ``start @ P^t`` for t = 0..periods.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.
    start : state label, dict, Series or array
        The state everyone starts in, or the starting shares.
    periods : int
        Number of periods ahead (0 or more).

    Returns
    -------
    DataFrame
        Index ``period`` 0..periods, one column per state; rows sum to 1.

    Examples
    --------
    >>> propagate([[0.5, 0.5], [0.0, 1.0]], 0, 2)[1].tolist()
    [0.0, 0.5, 0.75]
    """
    arr, labels, _ = _check_matrix(P)
    periods = check_number(periods, "periods", integer=True, low=0)
    x = _distribution(start, labels)
    out = np.empty((periods + 1, len(labels)))
    out[0] = x
    for t in range(1, periods + 1):
        x = x @ arr
        out[t] = x
    return pd.DataFrame(out, index=pd.RangeIndex(periods + 1, name="period"), columns=pd.Index(labels))


def simulate_cohort(P, start, periods, n=1000, seed=None, *, paths=False):
    """Simulate ``n`` customers moving through the chain for ``periods`` periods.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.
    start : state label, dict, Series or array
        The state every customer starts in, or the shares in which they start (drawn at random).
    periods : int
        Number of periods to simulate (0 or more).
    n : int
        Number of customers (1 or more).
    seed : int or numpy.random.Generator, optional
        Seed of the random number generator; the same seed gives the same cohort.
    paths : bool
        If True, return every customer's path instead of the counts.

    Returns
    -------
    DataFrame
        Counts of customers per state (index ``period`` 0..periods, one column per state), or with
        ``paths=True`` one row per customer and one column per period holding the state label.

    Examples
    --------
    >>> P = [[0.9, 0.1], [0.0, 1.0]]
    >>> counts = simulate_cohort(P, start=0, periods=3, n=1000, seed=1)
    >>> counts.sum(axis=1).tolist()
    [1000, 1000, 1000, 1000]
    >>> simulate_cohort(P, 0, 3, 1000, seed=1).equals(counts)
    True
    """
    arr, labels, _ = _check_matrix(P)
    periods = check_number(periods, "periods", integer=True, low=0)
    n = check_number(n, "n", integer=True, low=1)
    x0 = _distribution(start, labels)
    if not (seed is None or isinstance(seed, np.random.Generator)):
        check_number(seed, "seed", integer=True, low=0, hint=" (or a numpy Generator, or None)")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    k = len(labels)
    cum = np.cumsum(arr, axis=1)
    cum[:, -1] = 1.0
    cum0 = np.cumsum(x0)
    cum0[-1] = 1.0
    state = np.searchsorted(cum0, rng.random(n), side="right")
    history = np.empty((periods + 1, n), dtype=np.int64)
    history[0] = state
    for t in range(1, periods + 1):
        u = rng.random(n)
        state = (u[:, None] >= cum[state]).sum(axis=1)
        history[t] = state
    if paths:
        lab = np.asarray(labels, dtype=object)
        return pd.DataFrame(lab[history.T], index=pd.RangeIndex(n, name="customer"),
                            columns=pd.RangeIndex(periods + 1, name="period"))
    counts = np.stack([np.bincount(h, minlength=k) for h in history])
    return pd.DataFrame(counts, index=pd.RangeIndex(periods + 1, name="period"), columns=pd.Index(labels))


# --- value ---------------------------------------------------------------------------------------

def markov_clv(P, rewards, discount, horizon=None):
    """Customer lifetime value by state: ``V = (I - P / (1 + d))^-1 R`` (Pfeifer & Carraway 2000).

    ``R[i]`` is the net reward (margin) the firm gets in a period a customer spends in state
    ``i``. Timing, as in Pfeifer & Carraway: the reward of the current period (t = 0) is counted
    undiscounted, the reward t periods ahead is discounted by ``(1 + d)^t``. So
    ``V = sum over t >= 0 of (P / (1 + d))^t R``. For a retention chain (stay with probability
    ``r``, reward ``m``) this gives ``m (1 + d) / (1 + d - r)``: the current margin plus
    :func:`helpers.value.simple_clv`, which starts one period later.

    Parameters
    ----------
    P : DataFrame or ndarray
        Transition matrix.
    rewards : dict, Series or array
        Reward per state and period, for every state (absorbing states usually 0).
    discount : float
        Discount rate per period, in [0, 1).
    horizon : int, optional
        Last period whose reward counts (t = 0..horizon); ``None`` for no limit.

    Returns
    -------
    Series or ndarray
        Expected discounted value of a customer now in each state.

    Examples
    --------
    >>> P = [[0.8, 0.2], [0.0, 1.0]]            # alive: stays with r = 0.8; lost for good
    >>> markov_clv(P, [100, 0], 0.12).round(2)  # 100 * 1.12 / 0.32 = 100 + simple_clv(100, .8, .12)
    array([350.,   0.])
    """
    arr, labels, labelled = _check_matrix(P)
    n = len(labels)
    if isinstance(rewards, (Mapping, pd.Series)):
        items = dict(rewards.items()) if isinstance(rewards, pd.Series) else dict(rewards)
        unknown = [k for k in items if k not in labels]
        missing = [s for s in labels if s not in items]
        if unknown:
            raise ValueError(f"rewards: unknown state labels {unknown}; states are {labels}")
        if missing:
            raise ValueError(f"rewards: no reward given for state(s) {missing} (use 0 for none)")
        R = np.array([items[s] for s in labels], dtype=float)
    else:
        if isinstance(rewards, (str, bytes)) or not hasattr(rewards, "__len__"):
            raise TypeError(f"rewards must be one number per state (dict, Series or array), got {rewards!r}")
        R = np.asarray(rewards, dtype=float)
        if R.shape != (n,):
            raise ValueError(f"rewards must have one value per state ({n}), got shape {R.shape}")
    if not np.isfinite(R).all():
        raise ValueError("rewards must be finite numbers (no NaN)")
    d = check_number(discount, "discount", low=0, high=1, high_open=True,
                     must="lie in [0, 1) per period (e.g. 0.01 for 1% a month)")
    M = arr / (1 + d)
    if horizon is None:
        A = np.eye(n) - M
        if np.linalg.matrix_rank(A) == n:
            V = np.linalg.solve(A, R)
        else:
            # discount 0: finite only if the customer is absorbed where rewards stop (reward 0)
            ends = [k for k in range(n) if arr[k, k] >= 1 - 1e-12]
            live = [k for k in range(n) if k not in ends]
            B = np.eye(len(live)) - arr[np.ix_(live, live)]
            if (not ends or np.any(R[ends] != 0) or not live
                    or np.linalg.matrix_rank(B) < len(live)):
                raise ValueError("with discount 0 the value is infinite unless customers end in "
                                 "absorbing states with reward 0; use a positive discount or a horizon")
            V = np.zeros(n)
            V[live] = np.linalg.solve(B, R[live])
    else:
        horizon = check_number(horizon, "horizon", integer=True, low=0)
        V, term = R.copy(), R.copy()
        for _ in range(horizon):
            term = M @ term
            V = V + term
    return _wrap_vector(V, labels, labelled, "clv")


# --- interventions -------------------------------------------------------------------------------

def intervene(P, into_decline=0.0, decline_to_churn=0.0, *, rescued_to="decline",
              decline="decline", churned="churned"):
    """Lower the chance of moving into decline, or from decline into churn, and return the new P.

    Reading 000's managerial aim, as numbers: each move from another living stage into
    ``decline`` is cut by the share ``into_decline`` (the customer stays in its stage instead);
    the move from ``decline`` into ``churned`` is cut by ``decline_to_churn`` (the rescued
    customer goes to ``rescued_to``: stays in decline, or is won back into e.g. ``"stability"``,
    the "second development" of reading 000).

    Parameters
    ----------
    P : DataFrame
        Transition matrix labelled by stage.
    into_decline, decline_to_churn : float
        Shares in [0, 1] by which the probabilities are cut (0.2 = 20 % fewer such moves).
    rescued_to : str
        Where customers kept from churning go.
    decline, churned : str
        Labels of the decline and churned states.

    Returns
    -------
    DataFrame
        A new matrix (rows still sum to 1); ``P`` is not changed.

    Examples
    --------
    >>> P = pd.DataFrame([[0.6, 0.4, 0.0], [0.0, 0.5, 0.5], [0.0, 0.0, 1.0]],
    ...                  index=["stability", "decline", "churned"],
    ...                  columns=["stability", "decline", "churned"])
    >>> intervene(P, into_decline=0.5, decline_to_churn=0.2)
               stability  decline  churned
    stability        0.8      0.2      0.0
    decline          0.0      0.6      0.4
    churned          0.0      0.0      1.0
    """
    arr, labels, labelled = _check_matrix(P)
    if not labelled:
        raise TypeError("P must be a DataFrame labelled by stage for intervene()")
    into_decline, decline_to_churn = (
        check_number(value, name, low=0, high=1, must="be a share in [0, 1] (0.2 = 20% fewer moves)")
        for value, name in ((into_decline, "into_decline"), (decline_to_churn, "decline_to_churn")))
    k_dec = _state_index(labels, decline, "decline")
    k_churn = _state_index(labels, churned, "churned")
    k_res = _state_index(labels, rescued_to, "rescued_to")
    if k_res == k_churn:
        raise ValueError("rescued_to must be a living stage, not the churned state")
    out = arr.copy()
    for i in range(len(labels)):
        if i in (k_dec, k_churn):
            continue
        cut = out[i, k_dec] * into_decline
        out[i, k_dec] -= cut
        out[i, i] += cut
    cut = out[k_dec, k_churn] * decline_to_churn
    out[k_dec, k_churn] -= cut
    out[k_dec, k_res] += cut
    return pd.DataFrame(out, index=pd.Index(labels), columns=pd.Index(labels))


def intervention_effect(P, rewards, discount, *, into_decline=0.0, decline_to_churn=0.0,
                        rescued_to="decline", start="exploration", periods=36,
                        churned="churned", entry="exploration"):
    """Before and after an intervention (:func:`intervene`): lifetime, stage mix and Markov CLV.

    Parameters
    ----------
    P : DataFrame
        Transition matrix labelled by stage, with an absorbing ``churned`` state.
    rewards : dict or Series
        Margin per month in each stage (see :func:`markov_clv`).
    discount : float
        Discount rate per period, in [0, 1).
    into_decline, decline_to_churn, rescued_to
        The intervention, as in :func:`intervene`.
    start : str
        The stage a new cohort starts in (for the stage mix over time and the headline numbers).
    periods : int
        Months of the stage mix.
    churned, entry : str
        The absorbing state, and where a replacement customer enters (for the steady state).

    Returns
    -------
    dict
        After the intervention: ``"P"``, ``"visits"`` (fundamental matrix), ``"lifetime"``,
        ``"clv"``, ``"mix"`` (shares of a cohort over time) and ``"steady_state"`` (stage mix of
        a base that replaces lost customers). The same before it under the same names with the
        suffix ``_before`` (``"lifetime_before"``, ...). ``"summary"``: a table with columns
        before, after and change, and rows ``lifetime`` and ``clv`` (of a customer in ``start``)
        and ``share_<stage>`` (steady-state share among living customers).

    Examples
    --------
    >>> out = intervention_effect(EXAMPLE_P, EXAMPLE_REWARDS, 0.01, into_decline=0.5)
    >>> bool(out["lifetime"]["exploration"] > out["lifetime_before"]["exploration"])
    True
    """
    new = intervene(P, into_decline, decline_to_churn, rescued_to=rescued_to, churned=churned)
    out = {}
    for suffix, M in (("_before", P), ("", new)):
        out["P" + suffix] = M
        out["visits" + suffix] = fundamental_matrix(M, [churned])
        out["lifetime" + suffix] = out["visits" + suffix].sum(axis=1).rename("expected_periods")
        out["clv" + suffix] = markov_clv(M, rewards, discount)
        out["mix" + suffix] = propagate(M, start, periods)
        out["steady_state" + suffix] = stationary_distribution(renewal_chain(M, churned, entry))
    living = [s for s in out["steady_state"].index if s != churned]
    steady, steady0 = (out[k][living] / out[k][living].sum() for k in ("steady_state", "steady_state_before"))
    out["summary"] = pd.DataFrame({
        "before": [out["lifetime_before"][start], out["clv_before"][start]] + list(steady0),
        "after": [out["lifetime"][start], out["clv"][start]] + list(steady),
    }, index=["lifetime", "clv"] + [f"share_{s}" for s in living])
    out["summary"]["change"] = out["summary"]["after"] - out["summary"]["before"]
    return out
