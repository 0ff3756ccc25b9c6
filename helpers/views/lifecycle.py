"""The lifecycle curve explorer (notebook 02): stage lengths, peak level and the stage in which
decline starts -> revenue, investment, profit and cumulative profit per month.

Revenue is 1 money unit per point of relationship level, so the revenue line is the
relationship level curve itself; the explorer draws two panels, not three, to redraw fast."""
from __future__ import annotations

import ipywidgets as widgets

from helpers import lifecycle
from helpers.plots import stage_models as plots
from helpers.views.base import Explorer, Wording, choices


def lifecycle_explorer(exploration=3, formation=6, stability=12, decline=6, peak_level=100.0,
                       decline_starts="stability"):
    """Sliders for the stage lengths and peak level, a menu for where decline starts; the curves.

    Parameters
    ----------
    exploration, formation, stability, decline : int
        Starting stage lengths in months.
    peak_level : float
        Starting peak relationship level.
    decline_starts : str
        Starting choice of the stage at whose end decline begins.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is the :func:`helpers.lifecycle.lifecycle_curve` frame.

    Examples
    --------
    >>> ex = lifecycle_explorer()
    >>> round(ex.result["cumulative_profit"].iloc[-1])
    1358
    >>> ex.controls["decline_starts"].value = "formation"
    >>> "stability" in set(ex.result["stage"])
    False
    """
    words = Wording("lifecycle_explorer")

    def months(name, v, high):
        return widgets.IntSlider(value=v, min=1, max=high, description=words(name))

    controls = {
        "exploration": months("exploration", exploration, 12),
        "formation": months("formation", formation, 12),
        "stability": months("stability", stability, 36),
        "decline": months("decline", decline, 12),
        "peak_level": widgets.FloatSlider(value=peak_level, min=40, max=250, step=10, readout_format=".0f",
                                          description=words("peak_level")),
        "decline_starts": widgets.Dropdown(options=choices((words(f"after.{s}"), s)
                                                           for s in ("exploration", "formation", "stability")),
                                           value=decline_starts, description=words("decline_starts")),
    }

    def draw(fig, **values):
        curve = lifecycle.lifecycle_curve(**values)
        # side by side: a 16:9 screen has more room across than down
        left, right = fig.subplots(1, 2, sharex=True)
        # revenue = level x 1 per month
        plots.plot_lifecycle_economics(curve, ax=left, moving=True)
        plots.plot_cumulative_profit(curve, ax=right, moving=True)
        fig.subplots_adjust(left=0.07, right=0.99, top=0.86, bottom=0.13, wspace=0.22)  # fixed: tight_layout doubles the redraw time
        return curve

    def update(fig, **values):
        curve = lifecycle.lifecycle_curve(**values)
        left, right = fig.axes
        plots.update_lifecycle_economics(left, curve)
        plots.update_cumulative_profit(right, curve)
        return curve

    def summary(curve):
        total = curve["cumulative_profit"].iloc[-1]
        worst = curve["cumulative_profit"].min()
        return words("summary", total=total, worst=worst, months=len(curve))

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.2), columns=3,
                    title=words("title"))
