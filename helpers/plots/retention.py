"""Figures of retention economics (notebook 01): a cohort's profit over time, CLV against retention."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from helpers import plotting

plotting.add_labels({
    "discounted_profit": ("Discounted profit", "折现利润"),
    "cumulative_discounted_profit": ("Cumulative discounted profit", "累计折现利润"),
    "money": ("Amount", "金额"),
})


def _ax(ax):
    return plt.gca() if ax is None else ax


def plot_cohort_profit(cohort, ax=None, currency="RMB"):
    """Bars of a cohort's discounted profit per period and a line of its running total.

    Parameters
    ----------
    cohort : pandas.DataFrame
        The result of :func:`helpers.value.cohort_profit`.
    ax : matplotlib.axes.Axes, optional
    currency : str
        Unit shown on the y axis.

    Returns
    -------
    matplotlib.axes.Axes
    """
    needed = ["discounted_profit", "cumulative_discounted_profit"]
    if not isinstance(cohort, pd.DataFrame) or any(c not in cohort.columns for c in needed) or len(cohort) == 0:
        raise ValueError(f"cohort must be the non-empty DataFrame of cohort_profit() with columns {needed}")
    ax = _ax(ax)
    periods = cohort.index.to_numpy()
    colours = np.where(cohort["discounted_profit"] < 0, "#D55E00", "#009E73")
    # one LineCollection of thick vertical bars: much faster to redraw than one patch per bar
    width = max(2.0, min(14.0, 220.0 / len(periods)))
    ax.vlines(periods, 0, cohort["discounted_profit"].to_numpy(), colors=colours, alpha=0.6, linewidth=width,
              label=plotting.label("discounted_profit"))
    ax.plot(periods, cohort["cumulative_discounted_profit"].to_numpy(), color="#0072B2", marker="o", markersize=3,
            label=plotting.label("cumulative_discounted_profit"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel(f"{plotting.label('period')} (0 = acquisition)")
    ax.set_ylabel(f"{plotting.label('money')} ({currency})")
    ax.set_title("Profit from one cohort of new customers" if plotting.language() == "en" else "一批新客户带来的利润")
    ax.legend(loc="lower right", fontsize=8)
    return ax


def plot_clv_curve(retention, clv, current=None, ax=None, currency="RMB"):
    """CLV against the retention rate, with the current retention marked.

    Parameters
    ----------
    retention, clv : array-like
        Retention rates (shares) and the CLV at each, e.g. from :func:`helpers.value.simple_clv`.
    current : tuple (retention, clv), optional
        A point to mark.
    ax : matplotlib.axes.Axes, optional
    currency : str

    Returns
    -------
    matplotlib.axes.Axes
    """
    r = np.asarray(retention, dtype=float)
    if r.ndim != 1 or np.shape(clv) != r.shape:
        raise ValueError(f"retention and clv must be 1-d and the same length, got shapes {r.shape} and {np.shape(clv)}")
    ax = _ax(ax)
    ax.plot(100 * r, clv, color="#0072B2", label=plotting.label("clv"))
    if current is not None:
        ax.plot(100 * current[0], current[1], "o", color="#E69F00", label=f"r = {current[0]:.0%}")
    ax.set_xlabel(f"{plotting.label('retention_rate')} (%)")
    ax.set_ylabel(f"{plotting.label('clv')} ({currency})")
    ax.set_title("CLV rises steeply with retention" if plotting.language() == "en" else "客户终身价值随保留率上升")
    ax.legend(loc="upper left", fontsize=8)
    return ax
