"""Figures of the Xiaomi lifecycle case: the stage mix with launches, members against
non-members, and win-backs from decline around launches.

>>> import pandas as pd
>>> from helpers import winback
>>> s = pd.DataFrame({"customer_id": ["a", "a", "a"],
...                   "period": pd.to_datetime(["2013-06-01", "2013-07-01", "2013-08-01"]),
...                   "stage": ["decline", "decline", "formation"]})
>>> ax = plot_winback(winback.winback_by_month(s))
>>> ax.get_ylabel()
'Share of last month’s declining customers won back'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import plotting
from helpers.plots import stages as stage_plots
from helpers.plots._axes import axes


def _launch_dates(launches) -> pd.Series:
    if isinstance(launches, dict):
        launches = pd.Series(launches, dtype=object)
    if not isinstance(launches, pd.Series) or launches.empty:
        raise TypeError("launches must be a non-empty dict or Series of product name -> launch date")
    return pd.to_datetime(launches)


def plot_stage_mix_launches(mix: pd.DataFrame, launches, ax=None, *, title: str | None = None):
    """The stage mix over time (stacked shares) with a dashed line at each product launch.

    Parameters
    ----------
    mix : pandas.DataFrame
        Output of :func:`helpers.lifecycle.stage_mix`.
    launches : dict or pandas.Series
        Product name -> launch date.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    dates = _launch_dates(launches)
    ax = stage_plots.plot_stage_mix(mix, axes(ax), title=title or plotting.label("mix_launches_title"))
    top = ax.get_ylim()[1]
    for name, date in dates.items():
        ax.axvline(date, color="black", linestyle="--", linewidth=1)
        ax.text(date, top * 0.97, f" {name} ", rotation=90, va="top", ha="right", fontsize=plotting.font_size("note"),
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    return ax


def plot_transition_differences(comparison: pd.DataFrame, moves, ax=None, *, title: str | None = None):
    """Forest plot: the difference in each move's monthly probability between two groups, with
    its bootstrap interval; a line at 0 (no difference).

    Parameters
    ----------
    comparison : pandas.DataFrame
        Output of :func:`helpers.bootstrap.compare_transitions`.
    moves : list of (from_stage, to_stage)
        The moves to show, top to bottom.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    need = ["from_stage", "to_stage", "difference", "lower", "upper"]
    if not isinstance(comparison, pd.DataFrame) or any(c not in comparison.columns for c in need):
        raise ValueError(f"comparison must be a DataFrame with columns {need} (from compare_transitions)")
    moves = [tuple(m) for m in moves]
    if not moves:
        raise ValueError("moves is empty: give at least one (from_stage, to_stage) pair")
    table = comparison.set_index(["from_stage", "to_stage"])
    unknown = [m for m in moves if m not in table.index]
    if unknown:
        raise ValueError(f"moves not in comparison: {unknown}")
    rows = table.loc[moves]
    ax = axes(ax)
    y = np.arange(len(moves))[::-1]
    diff, lo, hi = (100 * rows[c].to_numpy(dtype=float) for c in ("difference", "lower", "upper"))
    colors = [plotting.STAGE_COLORS[to] if to in plotting.STAGE_COLORS else "black" for _, to in moves]
    ax.axvline(0, color="black", linewidth=1)
    ax.hlines(y, lo, hi, colors=colors, linewidth=3)
    ax.scatter(diff, y, color=colors, zorder=3, s=40)
    ax.set_yticks(y, [f"{plotting.stage_label(a)} → {plotting.stage_label(b)}" for a, b in moves])
    ax.set_xlabel(plotting.label("difference_pp"))
    ax.set_ylabel(plotting.label("move"))
    ax.set_title(title or plotting.label("members_title"))
    return ax


def plot_winback(monthly: pd.DataFrame, launches: pd.DataFrame | None = None, ax=None, *,
                 title: str | None = None):
    """The monthly win-back rate from decline; with ``launches``, each launch window shaded and
    the rate of the months before it drawn as a dashed line (the counterfactual).

    Parameters
    ----------
    monthly : pandas.DataFrame
        Output of :func:`helpers.winback.winback_by_month`.
    launches : pandas.DataFrame, optional
        Output of :func:`helpers.winback.launch_winback` (or :func:`~helpers.winback.launch_windows`
        plus a ``baseline_rate`` column).
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not isinstance(monthly, pd.DataFrame) or "rate" not in monthly.columns:
        raise ValueError("monthly must be a DataFrame with a 'rate' column (from winback_by_month)")
    ax = axes(ax)
    ax.plot(monthly.index, monthly["rate"], color=plotting.STAGE_COLORS["formation"], marker=".",
            label=plotting.label("winback_rate"))
    if launches is not None:
        need = ["window_start", "window_end", "baseline_start", "baseline_end", "baseline_rate"]
        missing = [c for c in need if c not in launches.columns]
        if missing:
            raise ValueError(f"launches is missing columns {missing} (from launch_winback)")
        month = pd.offsets.MonthBegin(1)
        for k, (name, row) in enumerate(launches.iterrows()):
            ax.axvspan(row["window_start"], row["window_end"] + month, color="#E69F00", alpha=0.25,
                       label=plotting.label("launch_window") if k == 0 else None)
            ax.hlines(row["baseline_rate"], row["baseline_start"], row["window_end"] + month,
                      colors="black", linestyles="--", linewidth=1.2,
                      label=plotting.label("baseline_rate") if k == 0 else None)
            ax.annotate(str(name), (row["window_start"], 1), xycoords=("data", "axes fraction"),
                        xytext=(2, -12), textcoords="offset points", fontsize=plotting.font_size("note"))
    ax.set_ylim(0, max(0.3, float(np.nanmax(monthly["rate"])) * 1.15))
    ax.set_xlabel(plotting.label("month"))
    ax.set_ylabel(plotting.label("winback_share"))
    ax.set_title(title or plotting.label("winback_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax
