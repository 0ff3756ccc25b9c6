"""Figures of the customer lifecycle (notebook 02): stage models on one timeline, the lifecycle curve."""
from __future__ import annotations

import matplotlib.figure
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plotting
from helpers._checks import ArgumentTypeError
from helpers.lifecycle import ACTIVE_STAGES
from helpers.plots._axes import DrawAgain, axes, mark_moving


#: Catalogue keys of the models of :data:`helpers.lifecycle.STAGE_MODELS`, for the tick labels.
MODEL_KEYS = {"Ford": "stage_models_plots.model.ford",
              "Wackman & Salmon": "stage_models_plots.model.wackman_salmon",
              "Iacobucci & Zerrillo": "stage_models_plots.model.iacobucci_zerrillo",
              "Dwyer, Schurr & Oh": "stage_models_plots.model.dwyer_schurr_oh",
              "Four-stage model": "stage_models_plots.model.four_stage"}


def _model_name(model) -> str:
    """A stage model's name in the current language (a model not in the catalogue as given)."""
    return plotting.label(MODEL_KEYS[model]) if model in MODEL_KEYS else str(model)


#: Characters a line of a half-width segment holds (its name keeps the annotation size).
NARROW_CHARS = 11
_VOWELS = set("aeiouy")


def _hyphenated(word: str, chars: int) -> str:
    """``word`` broken with a hyphen into lines of at most ``chars`` characters, each break
    before a consonant that starts a syllable (vowel, consonant, vowel), so that a long name
    fits a narrow segment at a legible size.

    >>> _hyphenated("(institutionalised)", 11)
    '(institu-\\ntionalised)'
    >>> _hyphenated("long-term", 11)
    'long-term'
    """
    lines = []
    while len(word) > chars:
        breaks = [k for k in range(2, chars) if word[k - 1].lower() in _VOWELS
                  and word[k].isalpha() and word[k].lower() not in _VOWELS
                  and k + 1 < len(word) and word[k + 1].lower() in _VOWELS]
        if not breaks:
            break
        lines.append(word[:breaks[-1]] + "-")
        word = word[breaks[-1]:]
    return "\n".join(lines + [word])


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
    ax = axes(ax)
    models = list(dict.fromkeys(table["model"]))
    zh = plotting.language() == "zh"
    for row, model in enumerate(models):
        y = len(models) - 1 - row
        for _, stage in table[table["model"] == model].iterrows():
            width = stage["end"] - stage["start"]
            ax.barh(y, width, left=stage["start"], color=plotting.STAGE_COLORS[stage["four_stage"]],
                    edgecolor="white", linewidth=2, height=0.7)
            text = stage["stage_zh"] if zh else stage["stage"].replace(" (", "\n(")
            if width < 1 and not zh:
                text = "\n".join(_hyphenated(line, NARROW_CHARS) for line in text.split("\n"))
            ax.text(stage["start"] + width / 2, y, text, ha="center", va="center", linespacing=1.05,
                    fontsize=plotting.font_size("annotation"),
                    color="white" if stage["four_stage"] in ("stability", "formation") else "black")
    ax.set_yticks(range(len(models)), [_model_name(m) for m in models[::-1]])
    ax.set_xlim(0, 5)
    ax.set_xticks([])
    ax.set_xlabel(f"{plotting.label('relationship_timeline')} →")
    ax.grid(False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=plotting.STAGE_COLORS[s]) for s in ACTIVE_STAGES]
    ax.legend(handles, [plotting.stage_label(s) for s in ACTIVE_STAGES], ncol=4, loc="upper center",
              bbox_to_anchor=(0.5, -0.1), fontsize=plotting.font_size("legend"))
    ax.set_title(plotting.label("stage_models_plots.title"))
    return ax


def shade_stages(curve: pd.DataFrame, ax, names=True):
    """Shade each stage of a lifecycle curve in its stage colour (periods run from 0.5 to n + 0.5),
    with the stage's name above the axes unless ``names=False``."""
    for stage, first, last in _stage_runs(curve):
        colour = plotting.STAGE_COLORS[stage]
        ax.axvspan(first - 0.5, last + 0.5, color=colour, alpha=0.15, linewidth=0)
        if names:
            ax.text((first + last) / 2, 1.0, plotting.stage_label(stage),
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=plotting.font_size("note"), color=colour)
    return ax


def reshade_stages(curve: pd.DataFrame, ax, names=True) -> None:
    """Move the shades (and names) drawn by :func:`shade_stages` on ``ax`` to the stages of a new
    curve with as many stages; raise :class:`~helpers.plots._axes.DrawAgain`, changing nothing,
    if it has a different number.

    >>> from helpers import lifecycle
    >>> ax = shade_stages(lifecycle.lifecycle_curve(), plt.figure().add_subplot())
    >>> reshade_stages(lifecycle.lifecycle_curve(stability=24), ax)
    >>> [float(span.get_x() + span.get_width()) for span in ax.patches]
    [3.5, 9.5, 33.5, 39.5]
    >>> reshade_stages(lifecycle.lifecycle_curve(decline_starts="formation"), ax)
    Traceback (most recent call last):
    helpers.plots._axes.DrawAgain: the curve has 3 stages, not 4 as drawn: draw it afresh
    """
    _check_curve(curve, [])
    runs = _stage_runs(curve)
    if len(runs) != len(ax.patches) or (names and len(runs) != len(ax.texts)):
        raise DrawAgain(f"the curve has {len(runs)} stages, not {len(ax.patches)} as drawn: draw it afresh")
    for k, (stage, first, last) in enumerate(runs):
        colour = plotting.STAGE_COLORS[stage]
        ax.patches[k].set_x(first - 0.5)
        ax.patches[k].set_width((last + 0.5) - (first - 0.5))     # as axvspan computes it
        ax.patches[k].set_color(colour)
        if names:
            ax.texts[k].set_x((first + last) / 2)
            ax.texts[k].set_text(plotting.stage_label(stage))
            ax.texts[k].set_color(colour)


def _stage_runs(curve):
    """(stage, first period, last period) of each run of months in the same stage."""
    stages = curve["stage"].to_numpy()
    periods = curve.index.to_numpy()
    starts = np.flatnonzero(np.r_[True, stages[1:] != stages[:-1]])
    ends = np.r_[starts[1:], len(stages)] - 1
    return [(stages[a], periods[a], periods[b]) for a, b in zip(starts, ends)]


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
    ax = axes(ax)
    shade_stages(curve, ax)
    ax.plot(curve.index.to_numpy(), curve["level"].to_numpy(), color="black", marker="o", markersize=3,
            label=plotting.label("relationship_level"))
    ax.set_xlim(0.5, curve.index[-1] + 0.5)
    ax.set_ylim(0, None)
    ax.set_xlabel(plotting.label("stage_models_plots.period_months"))
    ax.set_ylabel(plotting.label("stage_models_plots.level_index"))
    ax.set_title(plotting.label("lifecycle"), pad=16)
    return ax


#: The lines of :func:`plot_lifecycle_economics`, bottom to top.
_ECONOMICS = {"revenue": {"color": "#0072B2"}, "investment": {"color": "#D55E00"},
              "profit": {"color": "#009E73", "linewidth": 2.2}}


def plot_lifecycle_economics(curve: pd.DataFrame, ax=None, names=True, *, moving=False):
    """Revenue, investment and profit per period.

    Cumulative profit has a panel of its own (:func:`plot_cumulative_profit`): on a second y axis
    beside these lines its zero would not line up with theirs, and break-even would look late.

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    ax : matplotlib.axes.Axes, optional
    names : bool
        Write the stage names above the axes.
    moving : bool
        Mark the stages with their names and the lines for :func:`update_lifecycle_economics` in
        an explorer; the zero line and the legend stay put, but are marked too so that they are
        still drawn over what moves, as in a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The left-hand axes.
    """
    _check_curve(curve, [*_ECONOMICS])
    ax = axes(ax)
    shade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    lines = []
    for column, style in _ECONOMICS.items():
        lines += ax.plot(x, curve[column].to_numpy(), **style, label=plotting.label(column))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0.5, x[-1] + 0.5)
    ax.set_xlabel(plotting.label("stage_models_plots.period_months"))
    ax.set_ylabel(plotting.label("money_per_period"))
    ax.set_title(plotting.label("stage_models_plots.economics_title"), pad=16)
    legend = ax.legend(lines, [line.get_label() for line in lines], loc="upper left", ncol=2, fontsize=plotting.font_size("legend"))
    mark_moving(*ax.patches, *ax.texts, *ax.lines, legend, moving=moving)
    return ax


def update_lifecycle_economics(ax, curve: pd.DataFrame, names=True) -> None:
    """Put a new curve into a panel drawn by :func:`plot_lifecycle_economics`: the lines, the stages and the limits of the axes, as a new drawing would
    choose them. Raises :class:`~helpers.plots._axes.DrawAgain`, changing nothing, if the curve
    has a different number of stages.

    >>> from helpers import lifecycle
    >>> ax = plot_lifecycle_economics(lifecycle.lifecycle_curve(), plt.figure().add_subplot())
    >>> update_lifecycle_economics(ax, lifecycle.lifecycle_curve(peak_level=200))
    >>> [float(end) for end in ax.get_xlim()]
    [0.5, 27.5]
    """
    _check_curve(curve, [*_ECONOMICS])
    reshade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    for line, column in zip(ax.lines, _ECONOMICS):
        line.set_data(x, curve[column].to_numpy())
    _fit_to_lines(ax, x)


def _fit_to_lines(ax, x):
    """Limits of a panel after new lines, as a new drawing chooses them: periods 0.5 to n + 0.5,
    amounts fitted to the lines (the shades span the height whatever it is)."""
    ax.set_xlim(0.5, x[-1] + 0.5)
    ax.relim()
    ax.autoscale_view(scalex=False)


def plot_cumulative_profit(curve: pd.DataFrame, ax=None, names=False, *, moving=False):
    """Cumulative profit of a lifecycle curve over time, stages shaded.

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    ax : matplotlib.axes.Axes, optional
    names : bool
        Write the stage names above the axes.
    moving : bool
        Mark the stages (with their names) and the line for :func:`update_cumulative_profit` in an
        explorer; the zero line is marked too, so that it is still drawn over the stages.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_curve(curve, ["cumulative_profit"])
    ax = axes(ax)
    shade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    ax.plot(x, curve["cumulative_profit"].to_numpy(), color="#CC79A7", linewidth=2,
            label=plotting.label("cumulative_profit"))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlim(0.5, x[-1] + 0.5)
    ax.set_xlabel(plotting.label("stage_models_plots.period_months"))
    ax.set_ylabel(plotting.label("cumulative_money"))
    ax.set_title(plotting.label("stage_models_plots.cumulative_title"))
    mark_moving(*ax.patches, *ax.texts, *ax.lines, moving=moving)
    return ax


def update_cumulative_profit(ax, curve: pd.DataFrame, names=False) -> None:
    """Put a new curve into a panel drawn by :func:`plot_cumulative_profit` (same ``names``); raises
    :class:`~helpers.plots._axes.DrawAgain`, changing nothing, if the curve has a different number
    of stages.

    >>> from helpers import lifecycle
    >>> ax = plot_cumulative_profit(lifecycle.lifecycle_curve(), plt.figure().add_subplot())
    >>> update_cumulative_profit(ax, lifecycle.lifecycle_curve(decline=12))
    >>> float(ax.lines[0].get_xdata()[-1])
    33.0
    """
    _check_curve(curve, ["cumulative_profit"])
    reshade_stages(curve, ax, names=names)
    x = curve.index.to_numpy()
    ax.lines[0].set_data(x, curve["cumulative_profit"].to_numpy())
    _fit_to_lines(ax, x)


def plot_lifecycle_panels(curve: pd.DataFrame, fig=None):
    """The lifecycle curve in three panels, shaped for a 16:9 slide: the relationship level across
    the top (:func:`plot_lifecycle_level`), revenue, investment and profit per period below left
    (:func:`plot_lifecycle_economics`) and cumulative profit below right
    (:func:`plot_cumulative_profit`), all on one time axis.

    Parameters
    ----------
    curve : pandas.DataFrame
        The result of :func:`helpers.lifecycle.lifecycle_curve`.
    fig : matplotlib.figure.Figure, optional
        An empty figure to draw in; default: a new 12 × 6.2 inch figure.

    Returns
    -------
    tuple of matplotlib.axes.Axes
        The top, lower left and lower right panels.

    >>> from helpers import lifecycle
    >>> top, left, right = plot_lifecycle_panels(lifecycle.lifecycle_curve())
    >>> top.get_shared_x_axes().joined(top, right)
    True
    """
    _check_curve(curve, ["level", *_ECONOMICS, "cumulative_profit"])
    if fig is None:
        fig = plt.figure(figsize=(12, 6.2))
    elif not isinstance(fig, matplotlib.figure.Figure):
        raise ArgumentTypeError(f"fig must be a matplotlib Figure (or left out for a new one), got {type(fig).__name__}")
    grid = fig.add_gridspec(2, 2)
    top = fig.add_subplot(grid[0, :])
    left = fig.add_subplot(grid[1, 0], sharex=top)
    right = fig.add_subplot(grid[1, 1], sharex=top)
    plot_lifecycle_level(curve, ax=top)
    top.set_xlabel("")
    plot_lifecycle_economics(curve, ax=left)
    plot_cumulative_profit(curve, ax=right)
    fig.tight_layout()
    return top, left, right


def _check_curve(curve, columns):
    if not isinstance(curve, pd.DataFrame):
        raise TypeError(f"curve must be the DataFrame returned by lifecycle_curve, got {type(curve).__name__}")
    missing = [c for c in ["stage", *columns] if c not in curve.columns]
    if missing or len(curve) == 0:
        raise ValueError(f"curve must be a non-empty lifecycle_curve result with columns {['stage', *columns]}; "
                         f"missing {missing}")
