"""Figures of the customer lifecycle (notebook 02): stage models on one timeline, the lifecycle curve."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plotting
from helpers.lifecycle import ACTIVE_STAGES

plotting.add_labels({
    "money_per_period": ("Amount per period (money units)", "每期金额（货币单位）"),
    "cumulative_money": ("Cumulative profit (money units)", "累计利润（货币单位）"),
    "relationship_timeline": ("Course of the relationship", "关系发展进程"),
})


def _ax(ax):
    return plt.gca() if ax is None else ax


def plot_stage_models(table: pd.DataFrame, ax=None):
    """Each stage model as a row of segments on a common timeline, coloured by the four-stage
    model's stage each segment mostly covers.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`helpers.lifecycle.stage_models_table`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    needed = ["model", "stage", "stage_zh", "start", "end", "four_stage"]
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed) or len(table) == 0:
        raise ValueError(f"table must be the non-empty DataFrame of stage_models_table() with columns {needed}")
    ax = _ax(ax)
    models = list(dict.fromkeys(table["model"]))
    zh = plotting.language() == "zh"
    for row, model in enumerate(models):
        y = len(models) - 1 - row
        for _, stage in table[table["model"] == model].iterrows():
            width = stage["end"] - stage["start"]
            ax.barh(y, width, left=stage["start"], color=plotting.STAGE_COLORS[stage["four_stage"]],
                    edgecolor="white", linewidth=2, height=0.7)
            text = stage["stage_zh"] if zh else stage["stage"].replace(" (", "\n(")
            ax.text(stage["start"] + width / 2, y, text, ha="center", va="center", fontsize=7 if width >= 1 else 6, color="white"
                    if stage["four_stage"] in ("stability", "formation") else "black")
    ax.set_yticks(range(len(models)), models[::-1])
    ax.set_xlim(0, 5)
    ax.set_xticks([])
    ax.set_xlabel(f"{plotting.label('relationship_timeline')} →")
    ax.grid(False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=plotting.STAGE_COLORS[s]) for s in ACTIVE_STAGES]
    ax.legend(handles, [plotting.stage_label(s) for s in ACTIVE_STAGES], ncol=4, loc="upper center",
              bbox_to_anchor=(0.5, -0.1), fontsize=8)
    ax.set_title("Five stage models on one timeline" if not zh else "五种阶段模型的对照")
    return ax


def shade_stages(curve: pd.DataFrame, ax, names=True):
    """Shade each stage of a lifecycle curve in its stage colour (periods run from 0.5 to n + 0.5),
    with the stage's name above the axes unless ``names=False``."""
    stages = curve["stage"].to_numpy()
    periods = curve.index.to_numpy()
    starts = np.flatnonzero(np.r_[True, stages[1:] != stages[:-1]])
    ends = np.r_[starts[1:], len(stages)] - 1
    for a, b in zip(starts, ends):
        colour = plotting.STAGE_COLORS[stages[a]]
        ax.axvspan(periods[a] - 0.5, periods[b] + 0.5, color=colour, alpha=0.15, linewidth=0)
        if names:
            ax.text((periods[a] + periods[b]) / 2, 1.0, plotting.stage_label(stages[a]),
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=8, color=colour)
    return ax


def plot_lifecycle_level(curve: pd.DataFrame, ax=None):
    """The relationship level over time, stages shaded.

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_curve(curve, ["level"])
    ax = _ax(ax)
    shade_stages(curve, ax)
    ax.plot(curve.index.to_numpy(), curve["level"].to_numpy(), color="black", marker="o", markersize=3,
            label=plotting.label("relationship_level"))
    ax.set_xlim(0.5, curve.index[-1] + 0.5)
    ax.set_ylim(0, None)
    ax.set_xlabel(f"{plotting.label('period')} (months)" if plotting.language() == "en" else "期（月）")
    ax.set_ylabel(f"{plotting.label('relationship_level')} (index)")
    ax.set_title(plotting.label("lifecycle"), pad=16)
    return ax


def plot_lifecycle_economics(curve: pd.DataFrame, ax=None, cumulative=True, names=True):
    """Revenue, investment and profit per period (and cumulative profit on a second axis).

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    ax : matplotlib.axes.Axes, optional
    cumulative : bool
        Also draw cumulative profit (dashed, right-hand axis).
    names : bool
        Write the stage names above the axes.

    Returns
    -------
    matplotlib.axes.Axes
        The left-hand axes.
    """
    _check_curve(curve, ["revenue", "investment", "profit"] + (["cumulative_profit"] if cumulative else []))
    ax = _ax(ax)
    shade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    lines = ax.plot(x, curve["revenue"].to_numpy(), color="#0072B2", label=plotting.label("revenue"))
    lines += ax.plot(x, curve["investment"].to_numpy(), color="#D55E00", label=plotting.label("investment"))
    lines += ax.plot(x, curve["profit"].to_numpy(), color="#009E73", linewidth=2.2, label=plotting.label("profit"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0.5, x[-1] + 0.5)
    ax.set_xlabel(f"{plotting.label('period')} (months)" if plotting.language() == "en" else "期（月）")
    ax.set_ylabel(plotting.label("money_per_period"))
    ax.set_title("What the relationship earns, stage by stage" if plotting.language() == "en"
                 else "各阶段的投入、收入与利润", pad=16)
    if cumulative:
        right = ax.twinx()
        lines += right.plot(x, curve["cumulative_profit"].to_numpy(), color="#CC79A7", linestyle="--",
                            label=plotting.label("cumulative_profit"))
        right.set_ylabel(plotting.label("cumulative_money"))
        right.grid(False)
        right.spines["right"].set_visible(True)
        right.spines["top"].set_visible(False)
    ax.legend(lines, [line.get_label() for line in lines], loc="upper left", ncol=2, fontsize=8)
    return ax


def plot_cumulative_profit(curve: pd.DataFrame, ax=None, names=False):
    """Cumulative profit of a lifecycle curve over time, stages shaded.

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    ax : matplotlib.axes.Axes, optional
    names : bool
        Write the stage names above the axes.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_curve(curve, ["cumulative_profit"])
    ax = _ax(ax)
    shade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    ax.plot(x, curve["cumulative_profit"].to_numpy(), color="#CC79A7", linewidth=2,
            label=plotting.label("cumulative_profit"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0.5, x[-1] + 0.5)
    ax.set_xlabel(f"{plotting.label('period')} (months)" if plotting.language() == "en" else "期（月）")
    ax.set_ylabel(plotting.label("cumulative_money"))
    ax.set_title("Cumulative profit from the relationship" if plotting.language() == "en" else "关系的累计利润")
    return ax


def _check_curve(curve, columns):
    if not isinstance(curve, pd.DataFrame):
        raise TypeError(f"curve must be the DataFrame returned by lifecycle_curve, got {type(curve).__name__}")
    missing = [c for c in ["stage", *columns] if c not in curve.columns]
    if missing or len(curve) == 0:
        raise ValueError(f"curve must be a non-empty lifecycle_curve result with columns {['stage', *columns]}; "
                         f"missing {missing}")
