"""Figures and styled tables for the Xiaomi case: timeline, SWOT/IDIC tables, hunger marketing.

>>> from helpers import xiaomi, hunger_marketing
>>> ax = plot_timeline(xiaomi.timeline())
>>> ax.get_title()
'Xiaomi 2010-2014: what the readings date, and how precisely'
>>> ax = plot_hunger_marketing(hunger_marketing.hunger_marketing(weeks=10))
>>> len(ax.get_lines())
4
"""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers import plotting
from helpers.hunger_marketing import COLUMNS as HM_COLUMNS
from helpers.plots._axes import DrawAgain, axes, mark_moving
from helpers.plots._fast import restack_areas, stack_areas
from helpers.plots._limits import autoscale_as_drawn
from helpers.tables import display_columns
from helpers.xiaomi import QUADRANTS, SWOT_COLUMNS

#: Colours of the timeline's kinds of event.
KIND_COLORS = {"company": "#0072B2", "product": "#009E73", "phone": "#E69F00", "community": "#CC79A7",
               "market": "#999999", "reading": "#D55E00"}
#: Background colours of the SWOT quadrants (light, so text stays readable).
QUADRANT_COLORS = {"strength": "#d9f0e3", "weakness": "#fbe3d6", "opportunity": "#dbeaf7", "threat": "#f3dcea"}


def _need(frame, columns, name):
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing columns {missing}")
    if frame.empty:
        raise ValueError(f"{name} is empty")


def plot_timeline(timeline: pd.DataFrame, ax=None):
    """Xiaomi's timeline: a dot for an event dated to the day, a bar for a window of dates.

    Events are listed by the latest date the readings allow, so the chart reads from top to
    bottom as "this had happened by then".

    Parameters
    ----------
    timeline : pandas.DataFrame
        As returned by :func:`helpers.xiaomi.timeline`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(timeline, ["event", "kind", "earliest", "latest", "reading"], "timeline")
    ax = axes(ax)
    # latest first: read down the chart as "by this date at the latest"
    rows = timeline.sort_values(["latest", "earliest"], kind="stable").reset_index(drop=True)
    y = np.arange(len(rows))[::-1]
    for yi, (_, row) in zip(y, rows.iterrows()):
        colour = KIND_COLORS.get(row["kind"], "#333333")
        start, end = mdates.date2num(row["earliest"]), mdates.date2num(row["latest"])
        if end - start < 1:
            ax.plot(start, yi, "o", color=colour, markersize=7)
        else:
            ax.barh(yi, end - start + 1, left=start, height=0.55, color=colour, alpha=0.75)
        ax.annotate(f"({row['reading']})", (end + 1, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=plotting.font_size("note"), color="#555555")
    ax.set_yticks(y)
    names = rows["event_zh"] if plotting.language() == "zh" and "event_zh" in rows else rows["event"]
    ax.set_yticklabels(names, fontsize=plotting.font_size("annotation"))
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(mdates.date2num(pd.Timestamp("2010-01-01")), mdates.date2num(pd.Timestamp("2015-06-30")))
    ax.set_xlabel(plotting.label("year"))
    ax.set_title(plotting.label("title_timeline"))
    kinds = [k for k in KIND_COLORS if k in set(rows["kind"])]
    handles = [Patch(color=KIND_COLORS[k], alpha=0.75, label=plotting.label(f"xiaomi_plots.kind.{k}")) for k in kinds]
    handles.append(Line2D([], [], marker="o", ls="", color="#333333", label=plotting.label("dated_to_the_day")))
    ax.legend(handles=handles, loc="upper right", fontsize=plotting.font_size("legend"), ncol=2)
    ax.grid(axis="y", visible=False)
    return ax


def _shade_rows(colours: pd.Series):
    """A row styler giving row ``i`` the background ``colours[i]``."""
    return lambda row: [f"background-color: {colours[row.name]}; color: #111111"] * len(row)


def style_swot(table: pd.DataFrame):
    """A SWOT table as a styled DataFrame: one background colour per quadrant, no index.

    The headings (and the quadrants) are in the course's language
    (:func:`helpers.tables.display_columns`); the table passed in keeps its column names.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns of :func:`helpers.xiaomi.swot` (filtered or extended).

    Returns
    -------
    pandas.io.formats.style.Styler

    Examples
    --------
    >>> from helpers import xiaomi
    >>> "background-color" in style_swot(xiaomi.swot()).to_html()
    True
    """
    _need(table, SWOT_COLUMNS, "table")
    order = {q: i for i, q in enumerate(QUADRANTS)}
    shown = table.sort_values("quadrant", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    colours = shown["quadrant"].map(QUADRANT_COLORS).fillna("white")
    return (display_columns(shown).style.apply(_shade_rows(colours), axis=1).hide(axis="index").set_uuid("swot")
            .set_properties(**{"text-align": "left"})
            .set_table_styles([{"selector": "th", "props": "text-align: left"}]))


def style_idic(table: pd.DataFrame):
    """The IDIC table as a styled DataFrame: practice in white, proposed improvements shaded.

    The headings (and the steps and kinds) are in the course's language
    (:func:`helpers.tables.display_columns`); the table passed in keeps its column names.

    Parameters
    ----------
    table : pandas.DataFrame
        As returned by :func:`helpers.xiaomi.idic_table`.

    Returns
    -------
    pandas.io.formats.style.Styler
    """
    _need(table, ["step", "step_zh", "kind", "point", "reading"], "table")
    shown = table.reset_index(drop=True)
    colours = shown["kind"].map({"improvement": "#fff4d6"}).fillna("white")
    return (display_columns(shown).style.apply(_shade_rows(colours), axis=1).hide(axis="index").set_uuid("idic")
            .set_properties(**{"text-align": "left"})
            .set_table_styles([{"selector": "th", "props": "text-align: left"}]))


def plot_hunger_marketing(result: pd.DataFrame, ax=None, title: str | None = None, *, moving: bool = False):
    """Week by week: demand, supply, sales and the waiting list of a flash-sale campaign.

    Parameters
    ----------
    result : pandas.DataFrame
        As returned by :func:`helpers.hunger_marketing.hunger_marketing`.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
        Replaces the default title (which says the data are synthetic).
    moving : bool
        Mark the curves, the sold-out weeks and the legend (which finds the emptiest corner
        between the curves) for :func:`update_hunger_marketing` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(result, HM_COLUMNS, "result")
    ax = axes(ax)
    weeks = result["week"]
    demand, supply, sales, waiting = _queue_curves(result)
    ax.plot(weeks, demand, color="#0072B2", lw=2, label=plotting.label("demand"))
    ax.plot(weeks, supply, color="#333333", ls="--", lw=1.2, label=plotting.label("supply"))
    ax.plot(weeks, sales, color="#009E73", lw=2, label=plotting.label("sales"))
    ax.plot(weeks, waiting, color="#E69F00", lw=1.5, label=plotting.label("waiting"))
    sold_out = _sold_out(result)
    if sold_out.any():
        ax.fill_between(weeks, 0, 1, where=sold_out, transform=ax.get_xaxis_transform(), color="#D55E00",
                        alpha=0.08, lw=0, label=plotting.label("sold_out"))
    ax.set_xlabel(plotting.label("campaign_week"))
    ax.set_ylabel(plotting.label("units_thousands"))
    ax.set_title(title or plotting.label("title_queue"))
    ax.set_ylim(bottom=0)
    mark_moving(*ax.lines, *ax.collections, ax.legend(fontsize=plotting.font_size("legend")), moving=moving)
    return ax


def update_hunger_marketing(ax, result: pd.DataFrame) -> None:
    """Put a new run of the same weeks into a panel drawn by :func:`plot_hunger_marketing`: the
    four curves, the sold-out weeks and the height of the panel change in place.

    Raises :class:`~helpers.plots._axes.DrawAgain`, changing nothing, when the panel must be
    drawn again instead: the sold-out shading (and its legend entry) appears or vanishes.

    >>> from helpers import hunger_marketing
    >>> ax = plot_hunger_marketing(hunger_marketing.hunger_marketing(weeks=10))
    >>> update_hunger_marketing(ax, hunger_marketing.hunger_marketing(weeks=10, supply=50.0))
    >>> float(ax.get_lines()[1].get_ydata().max())
    50.0
    """
    _need(result, HM_COLUMNS, "result")
    sold_out = _sold_out(result)
    if bool(sold_out.any()) != bool(ax.collections):
        raise DrawAgain("the sold-out weeks appear or vanish, and with them a legend entry: draw the panel afresh")
    for line, values in zip(ax.get_lines(), _queue_curves(result)):
        line.set_ydata(values)
    if ax.collections:
        ax.collections[0].set_data(result["week"], 0, 1, where=sold_out)
    ax.relim()                      # the lines alone, as the shading spans the panel's height
    ax.set_autoscaley_on(True)
    ax.autoscale_view(scalex=False)
    ax.set_ylim(bottom=0)


def _queue_curves(result):
    """Demand, supply (gaps where unlimited), sales and waiting, as :func:`plot_hunger_marketing`
    draws them."""
    supply = result["supply"].to_numpy(dtype=float)
    return (result["demand"].to_numpy(dtype=float), np.where(np.isfinite(supply), supply, np.nan),
            result["sales"].to_numpy(dtype=float), result["waiting"].to_numpy(dtype=float))


def _sold_out(result):
    return result["unmet"].to_numpy() > 1e-9


def plot_prospects(result: pd.DataFrame, ax=None, title: str | None = None, *, moving: bool = False):
    """Where the prospects are each week: bought, still waiting, or lost (stacked; cumulative).

    Parameters
    ----------
    result : pandas.DataFrame
        As returned by :func:`helpers.hunger_marketing.hunger_marketing`.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
        Replaces the default title (which says the data are synthetic).
    moving : bool
        Mark the stacked areas for :func:`update_prospects` in an explorer.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(result, HM_COLUMNS, "result")
    ax = axes(ax)
    handles = stack_areas(ax, result["week"], _prospect_layers(result), ["#009E73", "#E69F00", "#999999"],
                          [plotting.label("buyers"), plotting.label("waiting"), plotting.label("lost")], alpha=0.85)
    mark_moving(ax.collections[-1], moving=moving)
    ax.set_xlabel(plotting.label("campaign_week"))
    ax.set_ylabel(plotting.label("people_thousands"))
    ax.set_title(title or plotting.label("title_prospects"))
    ax.legend(handles=handles, loc="upper left", fontsize=plotting.font_size("legend"))
    return ax


def update_prospects(ax, result: pd.DataFrame) -> None:
    """Put a new run of the same weeks into a panel drawn by :func:`plot_prospects`: the stacked
    areas change in place and the panel's limits follow them, as a new drawing would set them.

    >>> from helpers import hunger_marketing
    >>> small, large = (hunger_marketing.hunger_marketing(weeks=10, initial_waiting=w) for w in (1000.0, 4000.0))
    >>> ax = plot_prospects(small)
    >>> update_prospects(ax, large)
    >>> ax.get_ylim() == plot_prospects(large).get_ylim()
    True
    """
    _need(result, HM_COLUMNS, "result")
    restack_areas(ax.collections[0], result["week"], _prospect_layers(result))
    autoscale_as_drawn(ax)


def _prospect_layers(result):
    """Buyers, waiting and lost, bottom to top."""
    return [result["cum_buyers"], result["waiting"], result["cum_lost"]]


def plot_frustration_region(region: pd.DataFrame, ax=None):
    """Where scarcity loses more prospects than its buzz brings, over frustration x buzz gain.

    Red cells: frustration outweighs buzz (``net_buzz < 0``); blue: buzz outweighs frustration;
    grey: neither (for example f = 0 and g = 0: nobody lost and no buzz). The dashed line is the
    long-run break-even ``f = g / decay`` of :func:`helpers.hunger_marketing.break_even_frustration`;
    the title states the buzz decay of the grid.

    Parameters
    ----------
    region : pandas.DataFrame
        As returned by :func:`helpers.hunger_marketing.frustration_region`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(region, ["frustration", "buzz_gain", "net_buzz", "break_even", "frustration_wins"], "region")
    ax = axes(ax)
    net = region.pivot(index="frustration", columns="buzz_gain", values="net_buzz")
    f, g = net.index.to_numpy(), net.columns.to_numpy()
    code = np.sign(net.to_numpy()).clip(-1, 1)
    code[np.abs(net.to_numpy()) <= 1e-9] = 0
    from matplotlib.colors import ListedColormap
    ax.pcolormesh(g, f, code, cmap=ListedColormap(["#f4a582", "#dddddd", "#92c5de"]), vmin=-1.5, vmax=1.5,
                  shading="nearest")
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    handles = [Patch(color="#f4a582", label=plotting.label("frustration_wins")),
               Patch(color="#92c5de", label=plotting.label("buzz_wins"))]
    if (code == 0).any():
        handles.append(Patch(color="#dddddd", label=plotting.label("neither_wins")))
    positive = region[region["break_even"] > 0]
    decay = None
    if "buzz_decay" in region.columns:
        decay = float(region["buzz_decay"].iloc[0])
    elif not positive.empty:
        decay = float((positive["buzz_gain"] / positive["break_even"]).iloc[0])
    if not positive.empty:
        line = np.linspace(*xlim, 50)
        ax.plot(line, line / decay, color="black", ls="--", lw=1.5)
        handles.append(Line2D([], [], color="black", ls="--", label=plotting.label("break_even")))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.legend(handles=handles, loc="upper left", fontsize=plotting.font_size("legend"), frameon=True)
    ax.grid(False)
    ax.set_xlabel(plotting.label("buzz_gain"))
    ax.set_ylabel(plotting.label("frustration"))
    title = plotting.label("title_region")
    if decay is not None:
        title = plotting.label("xiaomi_plots.title_region_decay", title=title,
                               decay=plotting.label("synthetic_decay", decay=decay))
    ax.set_title(title)
    return ax
