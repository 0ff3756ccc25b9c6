"""The retention economics explorer (notebook 01): retention, margin, acquisition cost and
discount rate -> a cohort's profit over time and the customer's lifetime value."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from helpers import value
from helpers.plots import retention as plots
from helpers.views.base import Explorer, Wording

_GRID = np.linspace(0.30, 0.95, 66)


def retention_explorer(retention=0.8, margin=100.0, acquisition_cost=150.0, discount=0.12, *,
                       periods=15, cohort_size=1000):
    """Sliders for retention, margin, acquisition cost and discount; a cohort's profit curves and CLV.

    Parameters
    ----------
    retention, margin, acquisition_cost, discount : float
        Starting values of the sliders (rates per year; money in RMB).
    periods : int
        Years followed after acquisition.
    cohort_size : int
        Customers acquired.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is a dict with ``cohort`` (the :func:`helpers.value.cohort_profit` frame),
        ``clv`` (:func:`helpers.value.simple_clv`, unlimited horizon) and ``npv_per_customer``
        (discounted profit per acquired customer over ``periods``).

    Examples
    --------
    >>> ex = retention_explorer()
    >>> round(ex.result["clv"], 1)
    250.0
    >>> ex.controls["retention"].value = 0.85
    >>> round(ex.result["clv"], 1)
    314.8
    """
    words = Wording("retention_explorer")
    controls = {
        "retention": widgets.FloatSlider(value=retention, min=0.30, max=0.95, step=0.01, readout_format=".0%",
                                         description=words("retention")),
        "margin": widgets.FloatSlider(value=margin, min=10, max=300, step=10, readout_format=".0f",
                                      description=words("margin")),
        "acquisition_cost": widgets.FloatSlider(value=acquisition_cost, min=0, max=600, step=10,
                                                readout_format=".0f", description=words("acquisition_cost")),
        "discount": widgets.FloatSlider(value=discount, min=0.0, max=0.30, step=0.01, readout_format=".0%",
                                        description=words("discount")),
    }

    def model(retention, margin, acquisition_cost, discount):
        cohort = value.cohort_profit(acquisition_cost, margin, retention, discount, periods=periods,
                                     cohort_size=cohort_size)
        result = {"cohort": cohort, "clv": value.simple_clv(margin, retention, discount),
                  "npv_per_customer": cohort["cumulative_discounted_profit"].iloc[-1] / cohort_size}
        return result, value.simple_clv(margin, _GRID, discount)       # and the CLV curve

    def draw(fig, retention, **values):
        result, curve = model(retention, **values)
        left, right = fig.subplots(1, 2)
        plots.plot_cohort_profit(result["cohort"], ax=left, moving=True)
        plots.plot_clv_curve(_GRID, curve, current=(retention, result["clv"]), ax=right, moving=True)
        fig.subplots_adjust(left=0.11, right=0.98, top=0.9, bottom=0.14, wspace=0.28)  # fixed: faster than tight_layout
        return result

    def update(fig, retention, **values):
        result, curve = model(retention, **values)
        left, right = fig.axes
        plots.update_cohort_profit(left, result["cohort"])
        plots.update_clv_curve(right, _GRID, curve, current=(retention, result["clv"]))
        return result

    def summary(result):
        return words("summary", clv=result["clv"], periods=periods, npv=result["npv_per_customer"])

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.6),
                    title=words("title", cohort_size=cohort_size))
