"""Figures for the multi-sided platform (notebook 09): side sizes, money over time, the funnel.

>>> from helpers.platform import simulate_platform, conversion_funnel
>>> ax = plot_sides(simulate_platform(periods=12))
>>> ax.get_ylabel()
'Share of potential members reached (%)'
"""
from __future__ import annotations

from matplotlib.ticker import FuncFormatter, MaxNLocator
import numpy as np
import pandas as pd

from helpers import plotting
from helpers.platform import SIDES
from helpers.plots._axes import DrawAgain, axes, mark_moving
from helpers.plots._limits import autoscale_as_drawn

#: One colour per side (Okabe-Ito, colour-blind safe).
SIDE_COLORS = {"readers": "#0072B2", "contributors": "#009E73", "advertisers": "#E69F00"}


def _frame(result, columns, name="result"):
    if not isinstance(result, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame from the platform model, got {type(result).__name__}")
    missing = [c for c in columns if c not in result.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; pass the output of "
                         f"{'conversion_funnel' if name == 'funnel' else 'simulate_platform'}")
    if result.empty:
        raise ValueError(f"{name} is empty")


TITLE_Y = 1.0  # a fixed title height skips matplotlib's slow automatic title placement


def _month_axis(ax):
    """Months on the x axis, a few whole-number ticks (fewer labels also redraw faster)."""
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.set_xlabel(plotting.label("month"))


def plot_sides(result: pd.DataFrame, ax=None, *, share: bool = True, moving: bool = False):
    """Each side over time, as a share of its potential (default) or as member counts.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of :func:`helpers.platform.simulate_platform`.
    ax : matplotlib.axes.Axes, optional
    share : bool
        ``True``: percent of each side's potential, so sides of very different size share an
        axis; ``False``: member counts on a log scale.
    moving : bool
        Mark the lines (and the legend, drawn over them) for :func:`update_sides` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _frame(result, _side_columns(share))
    ax = axes(ax)
    for side, values in zip(SIDES, _side_values(result, share)):
        ax.plot(result.index, values, color=SIDE_COLORS[side], lw=2, label=plotting.label(side))
    if share:
        ax.set_ylim(0, 100)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.set_ylabel(plotting.label("share_of_potential"))
    else:
        ax.set_yscale("symlog", linthresh=1)
        ax.set_ylabel(plotting.label("platform_plots.members_log"))
    _month_axis(ax)
    ax.set_title(plotting.label("platform_sides"), y=TITLE_Y)
    legend = ax.legend(loc="upper left" if share else "lower right")
    mark_moving(*ax.lines, legend, moving=moving)
    return ax


def update_sides(ax, result: pd.DataFrame, *, share: bool = True) -> None:
    """Put new sides of the same months into a panel drawn by :func:`plot_sides` with the same
    ``share``.

    >>> from helpers.platform import platform_params, simulate_platform
    >>> ax = plot_sides(simulate_platform(periods=12))
    >>> no_ads = simulate_platform(platform_params(ad_load=0.0), periods=12)
    >>> update_sides(ax, no_ads)
    >>> list(ax.lines[0].get_ydata()) == list(100 * no_ads["readers_share"])
    True
    """
    for line, values in zip(ax.lines, _side_values(result, share)):
        line.set_ydata(values)
    autoscale_as_drawn(ax)


def _side_columns(share):
    return [f"{s}_share" for s in SIDES] if share else list(SIDES)


def _side_values(result, share):
    """Each side's line: percent of its potential, or members."""
    return [result[column] * (100 if share else 1) for column in _side_columns(share)]


def plot_money(result: pd.DataFrame, ax=None, *, moving: bool = False):
    """Ad revenue, total cost (subsidy included) and profit per month, in RMB thousand.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of :func:`helpers.platform.simulate_platform`.
    ax : matplotlib.axes.Axes, optional
    moving : bool
        Mark the money lines, the subsidy area and the legend (drawn over them), not the zero
        line, for :func:`update_money` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from helpers.platform import simulate_platform
    >>> ax = plot_money(simulate_platform(periods=12))
    >>> [line.get_label() for line in ax.get_lines()][:3]
    ['Ad revenue', 'Cost', 'Profit']
    """
    _frame(result, ["ad_revenue", "cost", "profit", "subsidy_cost"])
    ax = axes(ax)
    x = result.index
    for column, color in _MONEY_LINES.items():
        mark_moving(*ax.plot(x, result[column] / 1e3, color=color, lw=2, label=plotting.label(column)),
                    moving=moving)
    if _paid_subsidy(result):
        ax.fill_between(x, 0, result["subsidy_cost"] / 1e3, color="#CC79A7", alpha=0.3,
                        label=plotting.label("subsidy_cost"))
    ax.axhline(0, color="grey", lw=0.8)
    _month_axis(ax)
    ax.yaxis.set_major_locator(MaxNLocator(6))
    ax.set_ylabel(plotting.label("rmb_thousand_per_month"))
    ax.set_title(plotting.label("platform_money"), y=TITLE_Y)
    mark_moving(*ax.collections, ax.legend(loc="upper left"), moving=moving)
    return ax


def update_money(ax, result: pd.DataFrame) -> None:
    """Put new money of the same months into a panel drawn by :func:`plot_money`; the y axis
    follows it as a new drawing's would.

    A subsidy area that appears or goes away changes the legend, so the panel has to be drawn
    afresh: the function then changes nothing and raises :class:`~helpers.plots._axes.DrawAgain`.

    >>> from helpers.platform import platform_params, simulate_platform
    >>> ax = plot_money(simulate_platform(periods=12))
    >>> update_money(ax, simulate_platform(platform_params(ad_load=0.0), periods=12))
    >>> float(ax.lines[0].get_ydata().max())
    0.0
    >>> update_money(ax, simulate_platform(platform_params(subsidy_side="readers", subsidy=5), periods=12))
    Traceback (most recent call last):
    helpers.plots._axes.DrawAgain: a subsidy area appears or goes away: draw the money panel afresh
    """
    areas = ax.collections
    if _paid_subsidy(result) != bool(areas):
        raise DrawAgain("a subsidy area appears or goes away: draw the money panel afresh")
    for line, column in zip(ax.lines, _MONEY_LINES):
        line.set_ydata(result[column] / 1e3)
    for area in areas:
        area.set_data(result.index, 0, result["subsidy_cost"] / 1e3)
    autoscale_as_drawn(ax, zero_line=ax.lines[len(_MONEY_LINES)])


#: The lines of :func:`plot_money`: column (and label) -> colour.
_MONEY_LINES = {"ad_revenue": "#0072B2", "cost": "#D55E00", "profit": "black"}


def _paid_subsidy(result):
    return bool((result["subsidy_cost"] > 0).any())


def plot_funnel(funnel: pd.DataFrame, ax=None):
    """The conversion funnel as horizontal bars, widest at the top, with counts and rates.

    Parameters
    ----------
    funnel : pandas.DataFrame
        Output of :func:`helpers.platform.conversion_funnel`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from helpers.platform import conversion_funnel
    >>> ax = plot_funnel(conversion_funnel(100_000))
    >>> len(ax.patches)
    4
    """
    _frame(funnel, ["count", "rate_from_top"], name="funnel")
    ax = axes(ax)
    stages = list(funnel.index)
    names = [plotting.label(s) if s in plotting.LABELS else s for s in stages]
    y = np.arange(len(stages))[::-1]
    counts = funnel["count"].to_numpy()
    ax.barh(y, counts, left=(counts[0] - counts) / 2, color="#0072B2", alpha=0.8)
    for yi, count, rate in zip(y, counts, funnel["rate_from_top"]):
        ax.text(counts[0] / 2, yi, f"{count:,.0f}  ({rate:.2%})", ha="center", va="center",
                color="black", fontsize=plotting.font_size("annotation"),
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.8, "lw": 0})
    ax.set_yticks(y, names)
    ax.set_xlim(0, counts[0] * 1.02)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(plotting.label("people"))
    ax.set_ylabel(plotting.label("funnel_stage"))
    ax.set_title(plotting.label("funnel"), y=TITLE_Y)
    ax.grid(axis="y", visible=False)
    return ax
