"""Figures of customer value: the Pareto (ABC) chart, the Lorenz curve, RFM segments and the two
meanings of recency.

Each ``plot_*`` takes the result of a model in :mod:`helpers.value` and returns the axes it drew
on. Labels follow :func:`helpers.plotting.use_language`.
"""
from __future__ import annotations

import re

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter

from helpers import plotting
from helpers.plots._axes import DrawAgain, axes, mark_moving
from helpers.value import SEGMENTS

#: Colours of the ABC classes (A first), and of the segments (best first, warm = needs action).
ABC_COLORS = ["#0072B2", "#56B4E9", "#999999", "#CCCCCC", "#DDDDDD", "#EEEEEE", "#F5F5F5", "#FAFAFA"]
#: The English names of the segments (the catalogue's ``value_plots.segment_name.*``).
SEGMENT_NAMES_EN = {name: plotting.LABELS[f"value_plots.segment_name.{name}"][0] for name in SEGMENTS}


def segment_label(name: str) -> str:
    """A segment's name in the figure language, e.g. ``'At risk'`` or ``'流失风险客户'``."""
    if name not in SEGMENTS:
        raise ValueError(f"unknown segment {name!r}; segments are {list(SEGMENTS)}")
    return plotting.label(f"value_plots.segment_name.{name}")


class _ConciseDates(mdates.ConciseDateFormatter):
    """Matplotlib's concise dates, without the leading zero of a month or day written in Chinese
    (``4月``, not ``04月``: ``%-m`` is not portable)."""

    @staticmethod
    def _trim(text):
        return re.sub(r"(?<!\d)0(\d)(?=[月日])", r"\1", text)

    def format_ticks(self, values):
        return [self._trim(t) for t in super().format_ticks(values)]

    def get_offset(self):
        return self._trim(super().get_offset())


def plot_abc(abc: pd.DataFrame, ax=None, title: str | None = None):
    """Pareto chart: cumulative share of value against the share of customers, largest first,
    coloured by ABC class.

    Parameters
    ----------
    abc : pandas.DataFrame
        The result of :func:`helpers.value.abc_classes`.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
        Default: "Pareto chart with ABC classes".

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from helpers.value import abc_classes
    >>> ax = plot_abc(abc_classes([50, 30, 10, 5, 5]))
    >>> ax.get_ylabel()
    'Cumulative share of value (%)'
    """
    if not isinstance(abc, pd.DataFrame) or not {"cumulative_share", "abc_class"} <= set(abc.columns):
        raise ValueError("abc must be the DataFrame returned by helpers.value.abc_classes()")
    ax = axes(ax)
    n = len(abc)
    x = np.arange(0, n + 1) / n
    y = np.concatenate([[0.0], abc["cumulative_share"].to_numpy()])
    classes = abc["abc_class"].astype(str).to_numpy()
    for k, letter in enumerate(abc["abc_class"].cat.categories):
        inside = np.flatnonzero(classes == letter)
        if inside.size == 0:
            continue
        lo, hi = inside[0], inside[-1] + 1
        customers, value = (hi - lo) / n, y[hi] - y[lo]
        ax.fill_between(x[lo:hi + 1], 0, y[lo:hi + 1], color=ABC_COLORS[k], alpha=0.8, lw=0,
                        label=plotting.label("value_plots.abc_entry", letter=letter, customers=customers, value=value))
    ax.plot(x, y, color="black", lw=1.2)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("share_of_customers_ranked"))
    ax.set_ylabel(plotting.label("cumulative_share_of_value"))
    ax.set_title(title or plotting.label("pareto_title"))
    ax.legend(loc="lower right")
    return ax


def plot_lorenz(lorenz: pd.DataFrame, ax=None, label: str | None = None, title: str | None = None,
                equality: bool = True):
    """The Lorenz curve, with the line of perfect equality.

    Call it again on the same ``ax`` (with ``equality=False``) to compare data sets.

    Parameters
    ----------
    lorenz : pandas.DataFrame
        The result of :func:`helpers.value.lorenz_curve`.
    ax : matplotlib.axes.Axes, optional
    label : str, optional
        Legend entry of the curve, e.g. ``"CDNOW (Gini 0.65)"``.
    title : str, optional
    equality : bool, default True
        Draw the diagonal of perfect equality.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from helpers.value import lorenz_curve
    >>> ax = plot_lorenz(lorenz_curve([1, 2, 3, 10]), label="four customers")
    >>> len(ax.get_lines())
    2
    """
    if not isinstance(lorenz, pd.DataFrame) or not {"share_of_customers", "share_of_value"} <= set(lorenz.columns):
        raise ValueError("lorenz must be the DataFrame returned by helpers.value.lorenz_curve()")
    ax = axes(ax)
    if equality:
        ax.plot([0, 1], [0, 1], color="#999999", ls="--", lw=1, label=plotting.label("equality"))
    ax.plot(lorenz["share_of_customers"], lorenz["share_of_value"], lw=2, label=label)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("share_of_customers_poorest"))
    ax.set_ylabel(plotting.label("cumulative_share_of_value"))
    if title or not ax.get_title():  # a second curve keeps the first call's title
        ax.set_title(title or plotting.label("lorenz_title"))
    ax.legend(loc="upper left")
    return ax


def plot_rfm_segments(summary: pd.DataFrame, ax=None, title: str | None = None, *, moving: bool = False):
    """Share of customers and share of revenue of each RFM segment, side by side.

    Parameters
    ----------
    summary : pandas.DataFrame
        The result of :func:`helpers.value.segment_summary`.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    moving : bool
        Mark the bars, their percentages and the legend (drawn over them) for
        :func:`update_rfm_segments` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from helpers.value import rfm_segments, segment_summary
    >>> seg = rfm_segments(pd.DataFrame({"R": [5, 1], "F": [5, 1], "recency": [1, 90],
    ...                                  "frequency": [6, 1], "monetary": [300.0, 100.0]}))
    >>> ax = plot_rfm_segments(segment_summary(seg))
    >>> len(ax.get_yticklabels())
    9
    """
    need = {"share_of_customers", "share_of_revenue"}
    if not isinstance(summary, pd.DataFrame) or not need <= set(summary.columns):
        raise ValueError("summary must be the DataFrame returned by helpers.value.segment_summary()")
    ax = axes(ax)
    names = list(summary.index)
    y = np.arange(len(names))
    ax.barh(y - _BAR / 2, summary["share_of_customers"], _BAR,
            color="#999999", label=plotting.label("share_of_customers"))
    ax.barh(y + _BAR / 2, summary["share_of_revenue"], _BAR,
            color="#0072B2", label=plotting.label("share_of_revenue"))
    for offset in (-_BAR / 2, _BAR / 2):
        for row in y:
            ax.text(0, row + offset, "", va="center", ha="left", fontsize=plotting.font_size("annotation"))
    _write_shares(ax, summary)
    ax.set_yticks(y, [segment_label(n) for n in names])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("share_pct"))
    ax.set_ylabel(plotting.label("segment"))
    ax.set_title(title or plotting.label("segments_title"))
    ax.grid(axis="y", visible=False)
    legend = ax.legend(loc="lower right")
    mark_moving(*ax.patches, *ax.texts, legend, moving=moving)
    return ax


def update_rfm_segments(ax, summary: pd.DataFrame) -> None:
    """Put new shares of the same segments into a panel drawn by :func:`plot_rfm_segments`;
    raises :class:`~helpers.plots._axes.DrawAgain`, changing nothing, if the segments are not
    the ones drawn.

    >>> import pandas as pd
    >>> from helpers.value import rfm_segments, segment_summary
    >>> table = pd.DataFrame({"R": [5, 1, 3], "F": [5, 1, 3], "recency": [1, 90, 30],
    ...                       "frequency": [6, 1, 2], "monetary": [300.0, 100.0, 50.0]})
    >>> ax = plot_rfm_segments(segment_summary(rfm_segments(table)))
    >>> update_rfm_segments(ax, segment_summary(rfm_segments(table, r_cuts=(3, 4))))
    >>> ax.texts[0].get_text()
    ' 33%'
    """
    drawn = [label.get_text() for label in ax.get_yticklabels()]
    if drawn != [segment_label(n) for n in summary.index]:
        raise DrawAgain("the segments are not the ones drawn: draw the panel afresh")
    _write_shares(ax, summary)


#: Height of each of the two bars per segment.
_BAR = 0.38


def _write_shares(ax, summary):
    """Bar lengths, their percentages and the axis length for the segment shares."""
    columns = ["share_of_customers", "share_of_revenue"]
    values = summary[columns].to_numpy(dtype=float).T.ravel()        # customers first, as drawn
    for bar, text, v in zip(ax.patches, ax.texts, values):
        bar.set_width(v)
        text.set_x(v)
        text.set_text(f" {v:.0%}")
    top = float(np.nanmax(values)) if len(values) else 1.0
    ax.set_xlim(0, max(top * 1.18, 0.05))


def plot_recency_timeline(transactions: pd.DataFrame, customers, now, ax=None, title: str | None = None):
    """Purchases of a few customers on a time line, with both recencies drawn as spans.

    BTYD recency runs from the first to the last purchase; RFM recency from the last purchase
    to ``now``.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id`` and ``date`` (datetime64).
    customers : list
        Ids to draw, top to bottom.
    now : date-like
        The date recency is measured at.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])})
    >>> ax = plot_recency_timeline(tx, ["a", "b"], now="2024-03-31")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    """
    if not isinstance(transactions, pd.DataFrame) or not {"customer_id", "date"} <= set(transactions.columns):
        raise ValueError("transactions must be a DataFrame with columns 'customer_id' and 'date'")
    customers = list(customers)
    unknown = [c for c in customers if c not in set(transactions["customer_id"])]
    if not customers or unknown:
        raise ValueError(f"customers must be ids present in transactions; not found: {unknown}")
    now = pd.Timestamp(now)
    ax = axes(ax)
    for row, cid in enumerate(customers):
        dates = transactions.loc[transactions["customer_id"] == cid, "date"].sort_values()
        first, last = dates.iloc[0], dates.iloc[-1]
        ax.plot([first, last], [row - 0.12] * 2, color="#009E73", lw=6, solid_capstyle="butt",
                label=plotting.label("btyd_recency") if row == 0 else None)
        ax.plot([last, now], [row + 0.12] * 2, color="#E69F00", lw=6, solid_capstyle="butt",
                label=plotting.label("rfm_recency") if row == 0 else None)
        ax.scatter(dates, [row] * len(dates), color="black", zorder=3, s=22,
                   label=plotting.label("purchase") if row == 0 else None)
    ax.axvline(now, color="#999999", ls=":", lw=1)
    ax.annotate(plotting.label("now"), (now, -0.5), ha="right", va="bottom", fontsize=plotting.font_size("note"), color="#555555")
    ax.set_yticks(range(len(customers)), [str(c) for c in customers])
    ax.set_ylim(len(customers) - 0.5, -0.7)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_ConciseDates(locator, formats=plotting.label("value_plots.date_formats"),
                                               zero_formats=plotting.label("value_plots.date_zero_formats"),
                                               offset_formats=plotting.label("value_plots.date_offset_formats")))
    ax.set_xlabel(plotting.label("date"))
    ax.set_ylabel(plotting.label("customer"))
    ax.set_title(title or plotting.label("recency_title"))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3)
    return ax
