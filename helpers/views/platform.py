"""The platform explorer (notebook 09): cross-side strengths, ad load and a subsidy -> how the
three sides grow, and what the platform earns.

>>> ex = platform_explorer()
>>> ex.controls["ad_load"].value = 0.0
>>> float(ex.result["ad_revenue"].sum())
0.0
"""
from __future__ import annotations

import ipywidgets as widgets

from helpers.platform import SIDES, platform_params, simulate_platform
from helpers.plots.platform import plot_money, plot_sides, update_money, update_sides
from helpers.views.base import Explorer, Wording, choices


def _slider(description, value, low, high, step, fmt=".2f"):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               readout_format=fmt, continuous_update=False)


def platform_explorer(periods: int = 36) -> Explorer:
    """Move the cross-side strengths, the ad load and a subsidy; watch sides, revenue and profit.

    Every other parameter keeps its illustrative default (:func:`helpers.platform.platform_params`).

    Parameters
    ----------
    periods : int
        Months to simulate.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is the :func:`~helpers.platform.simulate_platform` frame of the current settings.
    """
    defaults = platform_params()
    cross = defaults["cross"]
    words = Wording("platform_explorer")
    controls = {
        "readers_from_contributors": _slider(words("readers_from_contributors"), cross["readers"]["contributors"],
                                             0, 0.5, 0.01),
        "contributors_from_readers": _slider(words("contributors_from_readers"), cross["contributors"]["readers"],
                                             0, 0.5, 0.01),
        "advertisers_from_readers": _slider(words("advertisers_from_readers"), cross["advertisers"]["readers"],
                                            0, 0.5, 0.01),
        "ad_load": _slider(words("ad_load"), defaults["ad_load"], 0, 1, 0.05),
        "subsidy_side": widgets.Dropdown(options=choices([(words("nobody"), None)]
                                                         + [(words(f"sides.{s}"), s) for s in SIDES]),
                                         value=None, description=words("subsidy_side")),
        "subsidy": _slider(words("subsidy"), 0.0, 0, 100, 5, fmt=".0f"),
    }

    def model(readers_from_contributors, contributors_from_readers, advertisers_from_readers,
              ad_load, subsidy_side, subsidy):
        params = platform_params(
            cross={"readers": {"contributors": readers_from_contributors},
                   "contributors": {"readers": contributors_from_readers},
                   "advertisers": {"readers": advertisers_from_readers}},
            ad_load=ad_load, subsidy_side=subsidy_side, subsidy=subsidy if subsidy_side else 0.0)
        return simulate_platform(params, periods)

    def draw(fig, **values):
        result = model(**values)
        left, right = fig.subplots(1, 2)
        plot_sides(result, ax=left, moving=True)
        plot_money(result, ax=right, moving=True)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.9, wspace=0.25)
        return result

    def update(fig, **values):
        result = model(**values)
        left, right = fig.axes
        update_money(right, result)
        update_sides(left, result)
        return result

    def summary(result):
        last = result.iloc[-1]
        sizes = words.join(words("size", side=words(f"sides.{s}"), size=last[s]) for s in SIDES)
        return words("summary", month=result.index[-1], sizes=sizes, months=len(result),
                     profit=result["cumulative_profit"].iloc[-1] / 1e3)

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.2), columns=3,
                    title=words("title"))
