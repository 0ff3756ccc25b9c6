"""Figures of notebook 07 (strategies by stage): gains, ROC, calibration, win-back value, budget
allocation and loyalty."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator, PercentFormatter, StrMethodFormatter

from helpers import plotting
from helpers.plots._axes import axes, currency_name, mark_moving


def _frame(obj, name, columns):
    if not isinstance(obj, pd.DataFrame) or len(obj) == 0 or any(c not in obj.columns for c in columns):
        raise ValueError(f"{name} must be a non-empty DataFrame with columns {list(columns)}")


def plot_gains(gains, ax=None, label=None, title=None):
    """Cumulative gains curve of a :func:`helpers.campaigns.gains_table`, with the random baseline.

    ``label`` names the curve in the legend (default: "model").

    Returns
    -------
    matplotlib.axes.Axes
    """
    _frame(gains, "gains", ["cum_share_contacted", "cum_gain"])
    ax = axes(ax)
    x = np.r_[0, gains["cum_share_contacted"].to_numpy()]
    y = np.r_[0, gains["cum_gain"].to_numpy()]
    if not ax.lines:
        ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", label=plotting.label("strategy_plots.random_order"))
    ax.plot(x, y, marker="o", markersize=3, label=label or plotting.label("strategy_plots.model"))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("share_contacted"))
    ax.set_ylabel(plotting.label("share_responders"))
    ax.set_title(title or plotting.label("strategy_plots.gains_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax


def plot_roc(curves: dict, ax=None, title=None):
    """ROC curves: ``{label: roc_points frame}`` (from :func:`helpers.churn.roc_points`)."""
    if not isinstance(curves, dict) or not curves:
        raise ValueError("curves must be a non-empty dict of label -> roc_points() frame")
    ax = axes(ax)
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", label=plotting.label("strategy_plots.guessing"))
    for name, roc in curves.items():
        _frame(roc, f"curves[{name!r}]", ["fpr", "tpr"])
        ax.plot(roc["fpr"], roc["tpr"], label=_model_name(name))
    ax.set_xlabel(plotting.label("false_positive_rate"))
    ax.set_ylabel(plotting.label("true_positive_rate"))
    ax.set_title(title or plotting.label("strategy_plots.roc_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax


def plot_calibration(tables: dict, ax=None, title=None):
    """Predicted against observed churn: ``{label: calibration_table frame}``."""
    if not isinstance(tables, dict) or not tables:
        raise ValueError("tables must be a non-empty dict of label -> calibration_table() frame")
    ax = axes(ax)
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", label=plotting.label("strategy_plots.perfectly_calibrated"))
    for name, t in tables.items():
        _frame(t, f"tables[{name!r}]", ["mean_predicted", "observed"])
        ax.plot(t["mean_predicted"], t["observed"], marker="o", label=_model_name(name))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("predicted_churn"))
    ax.set_ylabel(plotting.label("observed_churn"))
    ax.set_title(title or plotting.label("strategy_plots.calibration_title"))
    ax.legend(loc="upper left", fontsize=plotting.font_size("legend"))
    return ax


def plot_winback(ranked: pd.DataFrame, ax=None, currency="RMB", title=None):
    """Cumulative expected value of win-back calls, customers called in ranked order.

    ``ranked`` is :func:`helpers.churn.rank_winback` output; the curve runs over every customer
    (not only those marked ``call``), so its peak shows where calling more stops paying.
    """
    _frame(ranked, "ranked", ["winback_value"])
    ax = axes(ax)
    v = ranked["winback_value"].to_numpy()
    cum = np.cumsum(v)
    n = np.arange(1, len(v) + 1)
    ax.plot(n, cum, color="#0072B2", label=plotting.label("strategy_plots.ranked_by_value"))
    best = int(np.argmax(cum))
    ax.plot(n[best], cum[best], "o", color="#D55E00", label=plotting.label("strategy_plots.stop_after", calls=int(n[best])))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel(plotting.label("customers_called"))
    ax.set_ylabel(plotting.label("strategy_plots.winback_axis", currency=currency_name(currency)))
    ax.set_title(title or plotting.label("strategy_plots.winback_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax


def _model_name(name):
    """A churn model's name in the current language (a name not in the catalogue as given)."""
    key = f"strategy_plots.churn_model.{str(name).replace(' ', '_')}"
    return plotting.label(key) if key in plotting.LABELS else str(name)


def _stage_colour(name, i):
    return plotting.STAGE_COLORS.get(name, plt.rcParams["axes.prop_cycle"].by_key()["color"][i % 8])


def _stage_name(name):
    return plotting.label(name) if name in plotting.STAGE_COLORS else str(name)


def plot_response_curves(curves: pd.DataFrame, allocation: pd.DataFrame, *, kind="exponential",
                         max_spend=None, ax=None, title=None, moving=False):
    """Each stage's response curve, with its spend at the optimum marked.

    Parameters
    ----------
    curves : pandas.DataFrame
        As for :func:`helpers.budget.allocate_budget` (money in thousand RMB).
    allocation : pandas.DataFrame
        Its result.
    moving : bool
        Mark the curves and their optima for :func:`update_response_curves` in an explorer.
    """
    _frame(allocation, "allocation", ["spend", "return"])
    ax = axes(ax)
    for i, (name, (grid, y), optimum) in enumerate(_response_lines(curves, allocation, kind, max_spend)):
        colour = _stage_colour(name, i)
        mark_moving(*ax.plot(grid, y, color=colour, label=_stage_name(name)), *ax.plot(*optimum, "o", color=colour),
                    moving=moving)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.set_xlabel(plotting.label("spend_k"))
    ax.set_ylabel(plotting.label("return_k"))
    ax.set_title(title or plotting.label("strategy_plots.response_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax


def update_response_curves(ax, curves: pd.DataFrame, allocation: pd.DataFrame, *, kind="exponential",
                           max_spend=None) -> None:
    """Put new curves and optimum of the same stages into a panel drawn by
    :func:`plot_response_curves`; the axes follow them as they would in a new drawing.

    >>> from helpers import budget
    >>> ax = plot_response_curves(budget.STAGE_CURVES, budget.allocate_budget(500.0, budget.STAGE_CURVES),
    ...                           ax=plt.figure().add_subplot())
    >>> update_response_curves(ax, budget.STAGE_CURVES, budget.allocate_budget(2000.0, budget.STAGE_CURVES))
    >>> round(float(ax.lines[1].get_xdata()[0]))               # the optimum of the first stage
    711
    """
    for k, (_, (grid, y), optimum) in enumerate(_response_lines(curves, allocation, kind, max_spend)):
        ax.lines[2 * k].set_data(grid, y)
        ax.lines[2 * k + 1].set_data(*optimum)
    ax.relim()
    ax.autoscale_view()


def _response_lines(curves, allocation, kind, max_spend):
    """(stage, (spend grid, its return), ([spend], [return]) at the optimum) for each stage."""
    from helpers import budget as model
    top = float(max_spend if max_spend is not None else max(1.0, 1.6 * allocation["spend"].max()))
    grid = np.linspace(0, top, 60)
    scale, shape = model._curves(curves, kind)
    return [(name, (grid, model._response(grid, scale[i], shape[i], kind)),
             ([allocation.loc[name, "spend"]], [allocation.loc[name, "return"]]))
            for i, name in enumerate(curves.index)]


def plot_allocation(allocation: pd.DataFrame, ax=None, title=None, *, moving=False):
    """Bars of the spend per stage, each labelled with the return of its next yuan (with
    ``moving=True``, both marked for :func:`update_allocation` in an explorer)."""
    _frame(allocation, "allocation", ["spend", "marginal_return"])
    ax = axes(ax)
    names = list(allocation.index)
    x = np.arange(len(names))
    colours = [_stage_colour(n, i) for i, n in enumerate(names)]
    spend, notes, top = _allocation_bars(allocation)
    mark_moving(*ax.bar(x, spend, color=colours), moving=moving)
    for xi, s, note in zip(x, spend, notes):
        mark_moving(ax.annotate(note, (xi, s), ha="center", va="bottom", fontsize=plotting.font_size("annotation"),
                                xytext=(0, 2), textcoords="offset points"), moving=moving)
    ax.set_xticks(x, [_stage_name(n) for n in names])
    ax.set_ylim(0, top)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.set_ylabel(plotting.label("spend_k"))
    ax.set_title(title or plotting.label("strategy_plots.allocation_title"))
    return ax


def update_allocation(ax, allocation: pd.DataFrame) -> None:
    """Put a new allocation of the same stages into a panel drawn by :func:`plot_allocation`.

    >>> from helpers import budget
    >>> ax = plot_allocation(budget.allocate_budget(500.0, budget.STAGE_CURVES), ax=plt.figure().add_subplot())
    >>> update_allocation(ax, budget.allocate_budget(2000.0, budget.STAGE_CURVES))
    >>> ax.texts[0].get_text(), round(ax.get_ylim()[1])
    ('next yuan: 0.46', 886)
    """
    spend, notes, top = _allocation_bars(allocation)
    for bar, annotation, s, note in zip(ax.patches, ax.texts, spend, notes):
        bar.set_height(s)
        annotation.xy = (annotation.xy[0], s)
        annotation.set_text(note)
    ax.set_ylim(0, top)


def _allocation_bars(allocation):
    """(spend per stage, the note over each bar, top of the y-axis)."""
    spend = allocation["spend"].to_numpy()
    notes = [plotting.label("strategy_plots.next_yuan", value=m) for m in allocation["marginal_return"].to_numpy()]
    return spend, notes, max(1.0, spend.max()) * 1.18


def plot_loyalty(table: pd.DataFrame, ax=None, title=None):
    """Repurchase rate by survey answer, one line per loyalty item (``emotional``, ``attitudinal``)."""
    _frame(table, "table", ["emotional", "attitudinal", "repurchased"])
    ax = axes(ax)
    for col, colour in (("emotional", "#CC79A7"), ("attitudinal", "#0072B2")):
        rate = table.groupby(col)["repurchased"].agg(["mean", "size"])
        ax.plot(rate.index, rate["mean"], marker="o", color=colour, label=plotting.label(f"strategy_plots.{col}"))
    ax.axhline(table["repurchased"].mean(), color="#999999", linestyle="--",
               label=plotting.label("strategy_plots.all_respondents"))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(plotting.label("survey_score"))
    ax.set_ylabel(plotting.label("repurchase_rate"))
    ax.set_title(title or plotting.label("strategy_plots.loyalty_title"))
    ax.legend(loc="lower right", fontsize=plotting.font_size("legend"))
    return ax
