"""Figures of retention economics (notebook 01): a cohort's profit over time, CLV against retention."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from helpers import plotting
from helpers.plots._axes import DrawAgain, axes, currency_name, mark_moving
from helpers.plots._limits import autoscale_as_drawn


def plot_cohort_profit(cohort, ax=None, currency="RMB", *, moving=False):
    """Bars of a cohort's discounted profit per period and a line of its running total.

    Parameters
    ----------
    cohort : pandas.DataFrame
        The result of :func:`helpers.value.cohort_profit`.
    ax : matplotlib.axes.Axes, optional
    currency : str
        Unit shown on the y axis.
    moving : bool
        Mark the bars, the running total and the legend (drawn over them), not the zero line,
        for :func:`update_cohort_profit` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    needed = ["discounted_profit", "cumulative_discounted_profit"]
    if not isinstance(cohort, pd.DataFrame) or any(c not in cohort.columns for c in needed) or len(cohort) == 0:
        raise ValueError(f"cohort must be the non-empty DataFrame of cohort_profit() with columns {needed}")
    ax = axes(ax)
    periods, profit, colours = _bars(cohort)
    # one LineCollection of thick vertical bars: much faster to redraw than one patch per bar
    width = max(2.0, min(14.0, 220.0 / len(periods)))
    bars = ax.vlines(periods, 0, profit, colors=colours, alpha=0.6, linewidth=width,
                     label=plotting.label("discounted_profit"))
    running, = ax.plot(periods, cohort["cumulative_discounted_profit"].to_numpy(), color="#0072B2", marker="o",
                       markersize=3, label=plotting.label("cumulative_discounted_profit"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel(plotting.label("retention_plots.period_axis"))
    ax.set_ylabel(plotting.label("retention_plots.amount_axis", currency=currency_name(currency)))
    ax.set_title(plotting.label("retention_plots.cohort_title"))
    mark_moving(bars, running, ax.legend(loc="lower right", fontsize=plotting.font_size("legend")), moving=moving)
    return ax


def update_cohort_profit(ax, cohort) -> None:
    """Put a new cohort of the same periods into a panel drawn by :func:`plot_cohort_profit`; the
    y axis follows it as a new drawing's would.

    The legend shows the colour of the first bar (period 0), so when that bar changes sign the
    panel has to be drawn afresh: the function then changes nothing and raises
    :class:`~helpers.plots._axes.DrawAgain`.

    >>> from helpers import value
    >>> ax = plot_cohort_profit(value.cohort_profit(150, 100, 0.8, 0.12, periods=3))
    >>> richer = value.cohort_profit(150, 200, 0.8, 0.12, periods=3)
    >>> update_cohort_profit(ax, richer)
    >>> list(ax.lines[0].get_ydata()) == list(richer["cumulative_discounted_profit"])
    True
    >>> update_cohort_profit(ax, value.cohort_profit(0, 200, 0.8, 0.12, periods=3))
    Traceback (most recent call last):
    helpers.plots._axes.DrawAgain: the first bar changes sign, and with it the legend: draw the panel afresh
    """
    bars, running = ax.collections[0], ax.lines[0]
    periods, profit, colours = _bars(cohort)
    if (profit[0] < 0) != (bars.get_segments()[0][1, 1] < 0):
        raise DrawAgain("the first bar changes sign, and with it the legend: draw the panel afresh")
    bars.set_segments(np.stack([np.column_stack([periods, np.zeros(len(periods))]),
                                np.column_stack([periods, profit])], axis=1).astype(float))
    bars.set_color(colours)
    running.set_ydata(cohort["cumulative_discounted_profit"].to_numpy())
    autoscale_as_drawn(ax, zero_line=ax.lines[1])


def _bars(cohort):
    """(periods, discounted profit, colour of each bar: a loss or a gain)."""
    profit = cohort["discounted_profit"].to_numpy()
    return cohort.index.to_numpy(), profit, np.where(profit < 0, "#D55E00", "#009E73")


def plot_clv_curve(retention, clv, current=None, ax=None, currency="RMB", *, moving=False):
    """CLV against the retention rate, with the current retention marked.

    Parameters
    ----------
    retention, clv : array-like
        Retention rates (shares) and the CLV at each, e.g. from :func:`helpers.value.simple_clv`.
    current : tuple (retention, clv), optional
        A point to mark.
    ax : matplotlib.axes.Axes, optional
    currency : str
    moving : bool
        Mark the curve, the point and the legend (which names the point) for
        :func:`update_clv_curve` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    r = np.asarray(retention, dtype=float)
    if r.ndim != 1 or np.shape(clv) != r.shape:
        raise ValueError(f"retention and clv must be 1-d and the same length, got shapes {r.shape} and {np.shape(clv)}")
    ax = axes(ax)
    ax.plot(100 * r, clv, color="#0072B2", label=plotting.label("clv"))
    if current is not None:
        ax.plot(100 * current[0], current[1], "o", color="#E69F00", label=_current_label(current))
    ax.set_xlabel(plotting.label("retention_plots.retention_axis"))
    ax.set_ylabel(plotting.label("retention_plots.clv_axis", currency=currency_name(currency)))
    ax.set_title(plotting.label("retention_plots.clv_title"))
    mark_moving(*ax.lines, ax.legend(loc="upper left", fontsize=plotting.font_size("legend")), moving=moving)
    return ax


def update_clv_curve(ax, retention, clv, current) -> None:
    """Put a new curve and current point into a panel drawn by :func:`plot_clv_curve` with a
    ``current`` point, the legend's name of the point included; the axes follow them as a new
    drawing's would.

    >>> ax = plot_clv_curve([0.5, 0.9], [100.0, 400.0], current=(0.5, 100.0))
    >>> update_clv_curve(ax, [0.5, 0.9], [120.0, 500.0], current=(0.9, 500.0))
    >>> ax.get_legend().get_texts()[1].get_text(), bool(ax.get_ylim()[1] > 500)
    ('r = 90%', True)
    """
    curve, point = ax.lines[:2]
    curve.set_data(100 * np.asarray(retention, dtype=float), clv)
    point.set_data([100 * current[0]], [current[1]])
    ax.get_legend().get_texts()[1].set_text(_current_label(current))
    autoscale_as_drawn(ax)


def _current_label(current):
    return f"r = {current[0]:.0%}"
