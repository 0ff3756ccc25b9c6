"""The budget allocator (notebook 07): a fixed budget and each stage's response curve -> the best
split across lifecycle stages and what the next yuan would earn in each."""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers import budget as model
from helpers import plotting
from helpers.plots import strategy as plots
from helpers.views.base import Explorer, Wording


def budget_allocator_explorer(total=1000.0, curves: pd.DataFrame | None = None):
    """Sliders for the budget, each stage's attainable margin and how fast returns saturate.

    Parameters
    ----------
    total : float
        Starting budget, thousand RMB (0 to 3,000).
    curves : pandas.DataFrame, optional
        Exponential response curves per stage (``scale``, ``saturation``, thousand RMB);
        default :data:`helpers.budget.STAGE_CURVES`.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is the :func:`helpers.budget.allocate_budget` frame (spend, share, return
        and marginal return per stage; ``attrs`` with the total return and shadow price).

    Examples
    --------
    >>> ex = budget_allocator_explorer()
    >>> ex.result["spend"].round(0).tolist()
    [282.0, 465.0, 190.0, 62.0]
    >>> ex.controls["total"].value = 2000
    >>> round(ex.result.attrs["shadow_price"], 3)
    0.459
    """
    base = (model.STAGE_CURVES if curves is None else curves).copy()
    model.allocate_budget(0.0, base)                     # validates the curves once
    words = Wording("budget_allocator_explorer")
    controls = {"total": widgets.FloatSlider(value=total, min=0, max=3000, step=50, readout_format=",.0f",
                                             description=words("total")),
                "saturation": widgets.FloatSlider(value=1.0, min=0.25, max=3.0, step=0.05, readout_format=".2f",
                                                  description=words("saturation"))}
    for stage, row in base.iterrows():
        controls[f"scale_{stage}"] = widgets.FloatSlider(
            value=float(row["scale"]), min=0, max=3000, step=50, readout_format=",.0f",
            description=words("scale", stage=words.stage(stage)))

    def scenario(total, saturation, **scales):
        """(the curves the sliders set, their best split, the right end of the spend axis)"""
        curves_now = pd.DataFrame({"scale": [max(scales[f"scale_{s}"], 1e-9) for s in base.index],
                                   "saturation": base["saturation"].to_numpy() * saturation}, index=base.index)
        return curves_now, model.allocate_budget(total, curves_now), max(600.0, 1.2 * total)

    def draw(fig, **values):
        curves_now, result, max_spend = scenario(**values)
        left, right = fig.subplots(1, 2)
        plots.plot_response_curves(curves_now, result, max_spend=max_spend, ax=left,
                                   title=plotting.label("budget_allocator_explorer.response_title"), moving=True)
        plots.plot_allocation(result, ax=right, title=plotting.label("budget_allocator_explorer.allocation_title"),
                              moving=True)
        fig.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.14, wspace=0.28)
        return result

    def update(fig, **values):
        curves_now, result, max_spend = scenario(**values)
        left, right = fig.axes
        plots.update_response_curves(left, curves_now, result, max_spend=max_spend)
        plots.update_allocation(right, result)
        return result

    def summary(result):
        a = result.attrs
        return words("summary", total_return=a["total_return"], budget=a["budget"], shadow_price=a["shadow_price"])

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.2),
                    title=words("title"))
