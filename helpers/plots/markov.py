"""Figures of a Markov chain of lifecycle stages: the transition matrix, the stage mix of a cohort
over time, and the expected time a customer spends in each stage.

>>> import pandas as pd
>>> from helpers import markov
>>> P = pd.DataFrame([[0.9, 0.1], [0.0, 1.0]], index=["stability", "churned"],
...                  columns=["stability", "churned"])
>>> ax = plot_transition_matrix(P)
>>> ax.get_title()
'Transition matrix (monthly)'
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plotting
from helpers.lifecycle import STAGES

plotting.add_labels({
    "from_stage": ("Stage this month", "本月阶段"),
    "to_stage": ("Stage next month", "下月阶段"),
    "transition_matrix": ("Transition matrix (monthly)", "转移矩阵（月）"),
    "stage_mix": ("Stage mix of a cohort over time", "客户群阶段构成随时间变化"),
    "months_since_start": ("Months since the cohort started", "自起始以来的月数"),
    "expected_months": ("Expected months", "预期月数"),
    "expected_lifetime": ("Expected remaining lifetime by stage", "各阶段的预期剩余生命周期"),
    "starting_stage": ("Stage now", "当前阶段"),
    "expected_lifetime_short": ("Months left (black: before)", "剩余月数（黑线：调整前）"),
})


def _name(state) -> str:
    return plotting.label(state) if state in STAGES else str(state)


def _color(state, k):
    return plotting.STAGE_COLORS.get(state, f"C{k}")


def _check_frame(obj, name):
    if not isinstance(obj, pd.DataFrame) or obj.empty:
        raise TypeError(f"{name} must be a non-empty DataFrame, got {type(obj).__name__}")


def plot_transition_matrix(P, ax=None, *, title=None, decimals=2, vmax=1.0):
    """Heatmap of a transition matrix, one cell per move, with the probability written in it.

    Parameters
    ----------
    P : DataFrame
        Transition matrix (index = this month's stage, columns = next month's).
    ax : matplotlib Axes, optional
    title : str, optional
        Defaults to "Transition matrix (monthly)".
    decimals : int
        Decimals of the numbers in the cells.
    vmax : float
        Probability shown darkest (use e.g. 0.2 to make small moves visible).

    Returns
    -------
    matplotlib Axes
    """
    _check_frame(P, "P")
    ax = ax or plt.figure().add_subplot()
    arr = P.to_numpy(dtype=float)
    ax.imshow(arr, cmap="Blues", vmin=0.0, vmax=vmax, aspect="auto")
    ax.grid(False)
    for (i, j), v in np.ndenumerate(arr):
        ax.text(j, i, f"{v:.{decimals}f}", ha="center", va="center", fontsize=9,
                color="white" if v > 0.6 * vmax else "black")
    ax.set_xticks(range(arr.shape[1]), [_name(s) for s in P.columns], rotation=30, ha="right")
    ax.set_yticks(range(arr.shape[0]), [_name(s) for s in P.index])
    ax.set_xlabel(plotting.label("to_stage"))
    ax.set_ylabel(plotting.label("from_stage"))
    ax.set_title(title or plotting.label("transition_matrix"))
    return ax


def plot_stage_mix(mix, ax=None, *, baseline=None, title=None, kind=None):
    """The share of a cohort in each stage over time.

    Parameters
    ----------
    mix : DataFrame
        Shares (or counts; they are turned into shares) with one row per period and one column per
        stage, e.g. from :func:`helpers.markov.propagate` or :func:`helpers.markov.simulate_cohort`.
    ax : matplotlib Axes, optional
    baseline : DataFrame, optional
        A second mix drawn dashed for comparison (implies line plots).
    title : str, optional
    kind : {"area", "line"}, optional
        Stacked areas (default without a baseline) or lines.

    Returns
    -------
    matplotlib Axes
    """
    _check_frame(mix, "mix")
    kind = kind or ("line" if baseline is not None else "area")
    if kind not in ("area", "line"):
        raise ValueError(f"kind must be 'area' or 'line', got {kind!r}")
    ax = ax or plt.figure().add_subplot()
    shares = mix.div(mix.sum(axis=1), axis=0)
    x = np.asarray(shares.index, dtype=float)
    colors = [_color(s, k) for k, s in enumerate(shares.columns)]
    if kind == "area":
        ax.stackplot(x, shares.to_numpy().T, labels=[_name(s) for s in shares.columns], colors=colors,
                     alpha=0.9)
        ax.set_ylim(0, 1)
    else:
        for s, c in zip(shares.columns, colors):
            ax.plot(x, shares[s], color=c, lw=2, label=_name(s))
        if baseline is not None:
            _check_frame(baseline, "baseline")
            base = baseline.div(baseline.sum(axis=1), axis=0)
            for s, c in zip(base.columns, colors):
                ax.plot(np.asarray(base.index, dtype=float), base[s], color=c, lw=1.2, ls="--")
            ax.plot([], [], color="0.4", ls="--", label="before" if plotting.language() == "en" else "调整前")
        ax.set_ylim(0, None)
    ax.set_xlim(x.min(), x.max())
    ax.set_xlabel(plotting.label("months_since_start"))
    ax.set_ylabel(plotting.label("share_of_customers"))
    ax.set_title(title or plotting.label("stage_mix"))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    return ax


def plot_lifetime_by_stage(visits, ax=None, *, baseline=None, title=None, legend=True):
    """Expected remaining lifetime for a customer in each stage, split into the months spent in
    each stage (a fundamental matrix) or as plain bars (a Series of lifetimes).

    Parameters
    ----------
    visits : DataFrame or Series
        The fundamental matrix ``N`` of :func:`helpers.markov.fundamental_matrix` (rows: stage now,
        columns: months expected in each stage) or the lifetimes of
        :func:`helpers.markov.expected_time_to_absorption`.
    ax : matplotlib Axes, optional
    baseline : Series, optional
        Lifetimes to compare with, drawn as black ticks.
    title : str, optional
    legend : bool
        Whether to draw the legend of stage colours.

    Returns
    -------
    matplotlib Axes
    """
    if isinstance(visits, pd.Series):
        visits = visits.to_frame("total")
    _check_frame(visits, "visits")
    ax = ax or plt.figure().add_subplot()
    y = np.arange(len(visits))
    left = np.zeros(len(visits))
    stacked = list(visits.columns) != ["total"]
    for k, s in enumerate(visits.columns):
        ax.barh(y, visits[s], left=left, color=_color(s, k) if stacked else "#0072B2",
                label=_name(s) if stacked and legend else None, height=0.6)
        left += visits[s].to_numpy()
    for yi, total in zip(y, left):
        ax.text(total, yi, f" {total:.1f}", va="center", fontsize=9)
    if baseline is not None:
        base = pd.Series(baseline).reindex(visits.index)
        ax.scatter(base, y, marker="|", s=400, color="black", zorder=3,
                   label="before" if plotting.language() == "en" else "调整前")
    ax.set_yticks(y, [_name(s) for s in visits.index])
    ax.invert_yaxis()
    ax.set_xlim(0, max(left.max(), 0 if baseline is None else np.nanmax(base)) * 1.18)
    ax.set_xlabel(plotting.label("expected_months"))
    ax.set_ylabel(plotting.label("starting_stage"))
    ax.set_title(title or plotting.label("expected_lifetime"))
    if legend and (stacked or baseline is not None):
        ax.legend(loc="lower right", fontsize=8)
    return ax
