"""Figures of lifecycle stages: the stage mix over time, a classifier's confusion matrix and
customers' stage timelines, all in :data:`helpers.plotting.STAGE_COLORS`."""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from helpers import plotting
from helpers.lifecycle import STAGES
from helpers.plots._axes import axes, mark_moving
from helpers.plots._fast import YearStarts, restack_areas, stack_areas

_CMAP = ListedColormap([plotting.STAGE_COLORS[s] for s in STAGES])


def _years(ax):
    ax.xaxis.set_major_locator(YearStarts())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def plot_stage_mix(mix: pd.DataFrame, ax=None, *, title: str | None = None, moving: bool = False):
    """Stacked areas: the share of customers in each stage, period by period.

    Parameters
    ----------
    mix : pandas.DataFrame
        Output of :func:`helpers.lifecycle.stage_mix` (index: period; a column per stage).
    ax : matplotlib.axes.Axes, optional
    title : str, optional
        Defaults to "Stage mix".
    moving : bool
        Mark the areas for :func:`update_stage_mix` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not isinstance(mix, pd.DataFrame) or list(mix.columns) != list(STAGES):
        raise ValueError(f"mix must be a DataFrame with the columns {list(STAGES)} (from stage_mix)")
    ax = axes(ax)
    handles = stack_areas(ax, mdates.date2num(mix.index), mix.to_numpy().T,
                          [plotting.STAGE_COLORS[s] for s in STAGES], [plotting.stage_label(s) for s in STAGES],
                          linewidths=0)
    mark_moving(ax.collections[-1], moving=moving)
    ax.xaxis_date()
    share = np.allclose(mix.sum(axis=1), 1)
    ax.set_ylim(0, 1 if share else None)
    ax.set_xlim(mix.index.min(), mix.index.max())
    ax.set_xlabel(plotting.label("month"))
    ax.set_ylabel(plotting.label("share_of_customers" if share else "customers"))
    ax.set_title(title or plotting.label("stage_mix"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=plotting.font_size("legend"))
    _years(ax)
    return ax


def update_stage_mix(ax, mix: pd.DataFrame) -> None:
    """Put a new stage mix of the same periods into a panel drawn by :func:`plot_stage_mix`."""
    restack_areas(ax.collections[0], mdates.date2num(mix.index), mix.to_numpy().T)


def plot_confusion(confusion: pd.DataFrame, ax=None, *, normalize: bool = True, title: str | None = None,
                   annotate: str = "all", moving: bool = False):
    """Heatmap of a confusion matrix (rows: true stage, columns: classified stage).

    Parameters
    ----------
    confusion : pandas.DataFrame
        Output of :func:`helpers.lifecycle.stage_confusion`.
    ax : matplotlib.axes.Axes, optional
    normalize : bool, default True
        Show each row as shares of that true stage (the diagonal is the recall), else counts.
    title : str, optional
    annotate : {"all", "diagonal", "none"}, default "all"
        Which cells get their number written in.
    moving : bool
        Mark the matrix and its numbers for :func:`update_confusion` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not isinstance(confusion, pd.DataFrame) or confusion.shape != (len(STAGES), len(STAGES)):
        raise ValueError("confusion must be a 5 x 5 DataFrame from stage_confusion()")
    if annotate not in ("all", "diagonal", "none"):
        raise ValueError(f"annotate must be 'all', 'diagonal' or 'none', got {annotate!r}")
    ax = axes(ax)
    values = _confusion_values(confusion, normalize)
    mark_moving(ax.imshow(values, cmap="Blues", vmin=0, vmax=1 if normalize else None), moving=moving)
    names = [plotting.stage_label(s) for s in STAGES]
    ax.set_xticks(range(len(STAGES)), names, rotation=30, ha="right")
    ax.set_yticks(range(len(STAGES)), names)
    for i, j in _annotated_cells(annotate):
        mark_moving(ax.text(j, i, "", ha="center", va="center", fontsize=plotting.font_size("annotation")), moving=moving)
    _write_cells(ax, values, normalize, annotate)
    ax.set_xlabel(plotting.label("predicted_stage"))
    ax.set_ylabel(plotting.label("true_stage"))
    ax.set_title(title or (plotting.label("confusion_matrix") if normalize else plotting.label("true_stage")))
    ax.grid(False)
    return ax


def update_confusion(ax, confusion: pd.DataFrame, *, normalize: bool = True, annotate: str = "all") -> None:
    """Put a new confusion matrix into a panel drawn by :func:`plot_confusion` with the same
    ``normalize`` and ``annotate`` (with counts, the colour scale stays where it was)."""
    values = _confusion_values(confusion, normalize)
    ax.images[0].set_data(values)
    _write_cells(ax, values, normalize, annotate)


def _confusion_values(confusion, normalize):
    counts = confusion.to_numpy(dtype=float)
    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1) if normalize else counts


def _annotated_cells(annotate):
    return [(i, j) for i in range(len(STAGES)) for j in range(len(STAGES))
            if annotate == "all" or (annotate == "diagonal" and i == j)]


def _write_cells(ax, values, normalize, annotate):
    """The number in each annotated cell, white on dark cells."""
    high = values.max() / 2
    for text, (i, j) in zip(ax.texts, _annotated_cells(annotate)):
        text.set_text(f"{values[i, j]:.2f}" if normalize else f"{int(values[i, j]):,}")
        text.set_color("white" if values[i, j] > high else "black")


def plot_timelines(stages: pd.DataFrame, customers, ax=None, *, truth: pd.DataFrame | None = None,
                   title: str | None = None, moving: bool = False):
    """One coloured strip per customer: the stage of every period; with ``truth``, the true
    stages are drawn in the row above each classified one, marked "(true)".

    Parameters
    ----------
    stages : pandas.DataFrame
        Columns ``customer_id``, ``period``, ``stage`` (e.g. from classify_stages).
    customers : sequence
        The customer ids to draw, top to bottom.
    ax : matplotlib.axes.Axes, optional
    truth : pandas.DataFrame, optional
        True stages with the same columns, drawn for comparison.
    title : str, optional
    moving : bool
        Mark the strips for :func:`update_timelines` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    missing = [c for c in ("customer_id", "period", "stage") if c not in stages.columns]
    if missing:
        raise ValueError(f"stages is missing column(s) {missing}")
    customers = list(customers)
    if not customers:
        raise ValueError("customers is empty: give at least one customer id")
    unknown = sorted(set(map(str, customers)) - set(map(str, stages["customer_id"].unique())))
    if unknown:
        raise ValueError(f"customers not in stages: {unknown[:5]}")
    ax = axes(ax)
    grid, periods = _timeline_grid(stages, customers, truth)
    rows_per = 3 if truth is not None else 2             # a blank row between customers
    x0 = mdates.date2num(pd.Timestamp(periods[0]))
    x1 = mdates.date2num(pd.Timestamp(periods[-1]) + pd.offsets.MonthBegin(1))
    strips = ax.imshow(grid, cmap=_CMAP, vmin=-0.5, vmax=len(STAGES) - 0.5,
                       aspect="auto", interpolation="nearest", extent=(x0, x1, len(grid) - 0.5, -0.5))
    mark_moving(strips, moving=moving)
    ax.xaxis_date()
    ticks, names = [], []
    for i, cid in enumerate(customers):
        if truth is not None:
            ticks.append(i * rows_per)
            names.append(plotting.label("stages_plots.true_row", true=plotting.label("true_short")))
        ticks.append(i * rows_per + rows_per - 2)
        names.append(str(cid))
    ax.set_yticks(ticks, names)
    _years(ax)
    ax.set_xlabel(plotting.label("month"))
    ax.set_ylabel(plotting.label("customer"))
    ax.set_title(title or plotting.label("stage_timelines"))
    handles = [Patch(color=plotting.STAGE_COLORS[s], label=plotting.stage_label(s)) for s in STAGES]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=plotting.font_size("legend"))
    ax.grid(False)
    return ax


def update_timelines(ax, stages: pd.DataFrame, customers, *, truth: pd.DataFrame | None = None) -> None:
    """Put new stages of the same customers and periods into a panel drawn by
    :func:`plot_timelines`."""
    ax.images[0].set_data(_timeline_grid(stages, list(customers), truth)[0])


def _timeline_grid(stages, customers, truth):
    """(masked grid of stage codes: a row per customer and frame, a blank row between customers;
    the periods of its columns)."""
    frames = [stages] if truth is None else [truth, stages]
    periods = np.unique(np.concatenate([f.loc[f["customer_id"].isin(customers), "period"].to_numpy()
                                        for f in frames]))
    col = {p: i for i, p in enumerate(periods)}
    rows_per = len(frames) + 1
    grid = np.full((len(customers) * rows_per, len(periods)), np.nan)
    row_of = {c: i for i, c in enumerate(customers)}
    code = {s: i for i, s in enumerate(STAGES)}
    for k, frame in enumerate(frames):
        g = frame[frame["customer_id"].isin(customers)]
        r = g["customer_id"].map(row_of).to_numpy() * rows_per + k
        cidx = np.array([col[p] for p in g["period"].to_numpy()], dtype=int)
        grid[r, cidx] = g["stage"].astype(str).map(code).to_numpy()
    return np.ma.masked_invalid(grid[:-1]), periods          # no blank row after the last customer
