"""The P(alive) explorer: move the BG/NBD parameters and watch who the model thinks is still a customer.

>>> ex = p_alive_explorer()
>>> round(float(ex.result["p_alive"].loc[2].iloc[-1]), 2)  # 2 repeat purchases, the last just now
0.81
>>> ex.controls["b"].value = 10.0  # higher b: customers less likely to drop out after a purchase
>>> round(float(ex.result["p_alive"].loc[2].iloc[-1]), 2)
0.93
"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from helpers import btyd, plotting
from helpers.plots import btyd as plots
from helpers.views.base import Explorer, Wording

#: Fader, Hardie & Lee (2005), CDNOW sample, 39-week calibration.
PUBLISHED = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}


def p_alive_explorer(r: float = PUBLISHED["r"], alpha: float = PUBLISHED["alpha"],
                     a: float = PUBLISHED["a"], b: float = PUBLISHED["b"], T: float = 39.0,
                     max_frequency: int = 15, horizon: float = 78.0) -> Explorer:
    """Sliders for r, α, a and b; a P(alive) heatmap over (frequency, recency) and E[X(t)].

    Parameters
    ----------
    r, alpha, a, b : float
        Starting BG/NBD parameters (default: the published CDNOW fit).
    T : float
        Age of the customers in the heatmap, in weeks.
    max_frequency : int
        Highest frequency shown.
    horizon : float
        Weeks shown in the expected-purchases curve.

    Returns
    -------
    helpers.views.Explorer
        ``result`` is a dict with ``p_alive`` (DataFrame, frequency × recency) and
        ``expected`` (expected repeat purchases of a new customer after ``horizon`` weeks).
    """
    btyd.BetaGeo({"r": r, "alpha": alpha, "a": a, "b": b})  # checks the starting values
    t = np.linspace(0, float(horizon), 79)
    reference = np.asarray(btyd.BetaGeo(PUBLISHED).expected_purchases_population(t))
    words = Wording("p_alive_explorer")
    def slider(name, value, low, high, step):
        return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=words(name),
                                   readout_format=".3f", continuous_update=False,
                                   tooltip=words(f"{name}_tip"))

    controls = {
        "r": slider("r", r, 0.05, 3.0, 0.01),
        "alpha": slider("alpha", alpha, 0.5, 20.0, 0.1),
        "a": slider("a", a, 0.1, 5.0, 0.01),
        "b": slider("b", b, 0.1, 10.0, 0.01),
    }

    def model(r, alpha, a, b):
        bg = btyd.BetaGeo({"r": r, "alpha": alpha, "a": a, "b": b})
        matrix = btyd.p_alive_matrix(bg, T=T, max_frequency=max_frequency, points=40)
        return matrix, np.asarray(bg.expected_purchases_population(t))

    def draw(fig, **params):
        matrix, curve = model(**params)
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.25, 1], "wspace": 0.35})
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.9)  # fixed: no layout pass
        plots.plot_p_alive_matrix(matrix, ax=left, moving=True)
        plots.plot_population_curve(t, reference, ax=right, color="#999999", linestyle="--",
                                    label=plotting.label("published_fit"))
        # the parameters move the heatmap and this curve; the published one stays
        plots.plot_population_curve(t, curve, ax=right, label=plotting.label("these_sliders"), moving=True)
        right.legend(loc="upper left")
        return {"p_alive": matrix, "expected": float(curve[-1])}

    def update(fig, **params):
        matrix, curve = model(**params)
        left, right = fig.axes[:2]                  # (the colour bar's axes come after)
        plots.update_p_alive_matrix(left, matrix)
        plots.update_population_curve(right, t, curve)
        return {"p_alive": matrix, "expected": float(curve[-1])}

    def summary(result):
        gone = float(np.nanmean(result["p_alive"].to_numpy() < 0.5))
        return words("summary", weeks=horizon, expected=result["expected"], gone=gone)

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.9), columns=4,
                    title=words("title"))
