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

import numpy as np
import pandas as pd

from helpers import plotting
from helpers.lifecycle import STAGES
from helpers.plots._axes import axes, mark_moving


def _name(state) -> str:
    return plotting.label(state) if state in STAGES else str(state)


def _color(state, k):
    return plotting.STAGE_COLORS.get(state, f"C{k}")


def _check_frame(obj, name):
    if not isinstance(obj, pd.DataFrame) or obj.empty:
        raise TypeError(f"{name} must be a non-empty DataFrame, got {type(obj).__name__}")


def _cell_number_size(ax, shape, chars) -> float:
    """Points for the numbers in a heatmap's cells: as large as a cell holds with a margin (a
    number ``chars`` characters wide, about 0.6 em each), from the annotation size up to 1.5 times
    it, so that a back row reads them on a slide.

    >>> ax = axes(None); ax.figure.set_size_inches(7.5, 4.2)
    >>> _cell_number_size(ax, (5, 5), 4) > plotting.font_size("annotation")
    True
    """
    width, height = ax.figure.get_size_inches()
    box = ax.get_position()
    cell_w = 72 * width * box.width / shape[1]
    cell_h = 72 * height * box.height / shape[0]
    fits = min(0.45 * cell_h, 0.7 * cell_w / (0.6 * chars))
    base = plotting.font_size("annotation")
    return round(min(max(base, fits), 1.5 * base), 1)


def plot_transition_matrix(P, ax=None, *, title=None, decimals=2, vmax=1.0):
    """Heatmap of a transition matrix, one cell per move, with the probability written in it (as
    large as the cell holds, up to 1.5 times the annotation size).

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
    ax = axes(ax)
    arr = P.to_numpy(dtype=float)
    ax.imshow(arr, cmap="Blues", vmin=0.0, vmax=vmax, aspect="auto")
    ax.grid(False)
    size = _cell_number_size(ax, arr.shape, decimals + 2)
    for (i, j), v in np.ndenumerate(arr):
        ax.text(j, i, f"{v:.{decimals}f}", ha="center", va="center", fontsize=size,
                color="white" if v > 0.6 * vmax else "black")
    ax.set_xticks(range(arr.shape[1]), [_name(s) for s in P.columns], rotation=30, ha="right")
    ax.set_yticks(range(arr.shape[0]), [_name(s) for s in P.index])
    ax.set_xlabel(plotting.label("to_stage"))
    ax.set_ylabel(plotting.label("from_stage"))
    ax.set_title(title or plotting.label("transition_matrix"))
    return ax


def plot_stage_mix(mix, ax=None, *, baseline=None, title=None, kind=None, moving=False):
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
    moving : bool
        Mark the lines (and the baseline's, so that they stay on top as drawn) for
        :func:`update_stage_mix` in an explorer.

    Returns
    -------
    matplotlib Axes
    """
    _check_frame(mix, "mix")
    kind = kind or ("line" if baseline is not None else "area")
    if kind not in ("area", "line"):
        raise ValueError(f"kind must be 'area' or 'line', got {kind!r}")
    ax = axes(ax)
    x, shares = _shares(mix)
    colors = [_color(s, k) for k, s in enumerate(shares.columns)]
    if kind == "area":
        ax.stackplot(x, shares.to_numpy().T, labels=[_name(s) for s in shares.columns], colors=colors,
                     alpha=0.9)
        ax.set_ylim(0, 1)
    else:
        for s, c in zip(shares.columns, colors):
            mark_moving(*ax.plot(x, shares[s], color=c, lw=2, label=_name(s)), moving=moving)
        if baseline is not None:
            _check_frame(baseline, "baseline")
            base = baseline.div(baseline.sum(axis=1), axis=0)
            for s, c in zip(base.columns, colors):
                mark_moving(*ax.plot(np.asarray(base.index, dtype=float), base[s], color=c, lw=1.2, ls="--"),
                            moving=moving)
            ax.plot([], [], color="0.4", ls="--", label=plotting.label("markov_plots.before"))
        ax.set_ylim(0, None)
    ax.set_xlim(x.min(), x.max())
    ax.set_xlabel(plotting.label("months_since_start"))
    ax.set_ylabel(plotting.label("share_of_customers"))
    ax.set_title(title or plotting.label("cohort_stage_mix"))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=plotting.font_size("legend"))
    return ax


def update_stage_mix(ax, mix) -> None:
    """Put a new mix of the same periods and stages into a panel drawn by :func:`plot_stage_mix`
    as lines; a baseline drawn with it stays, and the top of the share axis is chosen anew as
    :func:`plot_stage_mix` chooses it.

    >>> from helpers import markov
    >>> ax = plot_stage_mix(markov.propagate(markov.EXAMPLE_P, "exploration", 12), kind="line")
    >>> update_stage_mix(ax, markov.propagate(markov.EXAMPLE_P, "stability", 12))
    >>> float(ax.lines[2].get_ydata()[0])      # everyone starts in stability now
    1.0
    """
    _check_frame(mix, "mix")
    x, shares = _shares(mix)
    for line, s in zip(ax.lines, shares.columns):
        line.set_data(x, shares[s])
    ax.set_autoscaley_on(True)
    ax.relim()
    ax.autoscale_view(scalex=False)
    ax.set_ylim(0, None)


def _shares(mix):
    """(periods as numbers, the mix as shares of each period's total)."""
    shares = mix.div(mix.sum(axis=1), axis=0)
    return np.asarray(shares.index, dtype=float), shares


def plot_lifetime_by_stage(visits, ax=None, *, baseline=None, title=None, legend=True, moving=False):
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
    moving : bool
        Mark the bars, their totals and the baseline's ticks (drawn over the bars) for
        :func:`update_lifetime_by_stage` in an explorer.

    Returns
    -------
    matplotlib Axes
    """
    visits = _months_by_stage(visits)
    ax = axes(ax)
    y = np.arange(len(visits))
    starts, totals = _bar_starts(visits)
    stacked = list(visits.columns) != ["total"]
    for k, s in enumerate(visits.columns):
        ax.barh(y, visits[s], left=starts[k], color=_color(s, k) if stacked else "#0072B2",
                label=_name(s) if stacked and legend else None, height=0.6)
    for yi, total in zip(y, totals):
        ax.text(total, yi, _total_text(total), va="center", fontsize=plotting.font_size("annotation"))
    base = None if baseline is None else pd.Series(baseline).reindex(visits.index)
    if base is not None:
        ax.scatter(base, y, marker="|", s=400, color="black", zorder=3,
                   label=plotting.label("markov_plots.before"))
    ax.set_yticks(y, [_name(s) for s in visits.index])
    ax.invert_yaxis()
    ax.set_xlim(0, _months_shown(totals, base))
    ax.set_xlabel(plotting.label("expected_months"))
    ax.set_ylabel(plotting.label("starting_stage"))
    ax.set_title(title or plotting.label("expected_lifetime"))
    if legend and (stacked or baseline is not None):
        ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    mark_moving(*ax.patches, *ax.texts, *ax.collections, moving=moving)
    return ax


def update_lifetime_by_stage(ax, visits, *, baseline=None) -> None:
    """Put new months of the same stages into a panel drawn by :func:`plot_lifetime_by_stage`:
    the bars, the totals written beside them and the length of the axis (with the same
    ``baseline``, which stays where it was drawn).

    >>> from helpers import markov
    >>> before = markov.fundamental_matrix(markov.EXAMPLE_P, ["churned"])
    >>> ax = plot_lifetime_by_stage(before)
    >>> update_lifetime_by_stage(ax, before * 2)
    >>> ax.texts[0].get_text() == f" {2 * before.sum(axis=1).iloc[0]:.1f}"
    True
    """
    visits = _months_by_stage(visits)
    starts, totals = _bar_starts(visits)
    for k, s in enumerate(visits.columns):
        months = visits[s].to_numpy(dtype=float)
        # barh keeps each width as (first left end + width) - first left end: so must an update
        widths = (starts[k][0] + months) - starts[k][0]
        for bar, start, width in zip(ax.containers[k], starts[k], widths):
            bar.set_x(start)
            bar.set_width(width)
    for text, total in zip(ax.texts, totals):
        text.set_x(total)
        text.set_text(_total_text(total))
    base = None if baseline is None else pd.Series(baseline).reindex(visits.index)
    ax.set_xlim(0, _months_shown(totals, base))


def _months_by_stage(visits):
    if isinstance(visits, pd.Series):
        visits = visits.to_frame("total")
    _check_frame(visits, "visits")
    return visits


def _bar_starts(visits):
    """(the left end of each column's bars, a row per column; the total of each stage now)."""
    ends = np.cumsum(visits.to_numpy(dtype=float).T, axis=0)
    return np.vstack([np.zeros(len(visits)), ends[:-1]]), ends[-1]


def _total_text(total):
    return f" {total:.1f}"


def _months_shown(totals, base):
    """The right end of the months axis: room for the longest bar, or baseline, and its number."""
    return max(totals.max(), 0 if base is None else np.nanmax(base)) * 1.18
