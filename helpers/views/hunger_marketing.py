"""The hunger-marketing explorer: weekly flash sales with buzz and frustration (case Xiaomi 03).

>>> explorer = hunger_marketing_explorer()
>>> explorer.controls["supply"].value = 1000.0
>>> int(explorer.result["unmet"].gt(0).sum()) <= 2
True
"""
from __future__ import annotations

import ipywidgets as widgets

from helpers import plotting
from helpers.hunger_marketing import campaign_summary, hunger_marketing
from helpers.plots.xiaomi import plot_hunger_marketing, plot_prospects, update_hunger_marketing, update_prospects
from helpers.views.base import Explorer, Wording


def _slider(description, value, low, high, step, fmt=".2f"):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               readout_format=fmt, continuous_update=False)


def hunger_marketing_explorer(weeks: int = 52, supply: float = 100.0, base_arrivals: float = 80.0,
                              buzz_gain: float = 0.1, buzz_decay: float = 0.3, frustration: float = 0.2,
                              market: float = 5000.0, initial_waiting: float = 1000.0) -> Explorer:
    """Move supply, buzz and frustration and watch a year of flash sales (people in thousands).

    Left: weekly demand, supply, sales and the waiting list. Right: every prospect so far, as
    buyer, still waiting or lost. The summary line says whether frustration outweighed buzz.

    Parameters
    ----------
    weeks, supply, base_arrivals, buzz_gain, buzz_decay, frustration, market, initial_waiting
        Starting values, as in :func:`helpers.hunger_marketing.hunger_marketing`; ``weeks``,
        ``market`` and ``initial_waiting`` stay fixed.

    Returns
    -------
    helpers.views.Explorer
    """
    hunger_marketing(weeks=weeks, supply=supply, base_arrivals=base_arrivals, buzz_gain=buzz_gain,
                     buzz_decay=buzz_decay, frustration=frustration, market=market,
                     initial_waiting=initial_waiting)  # validates the starting values
    words = Wording("hunger_marketing_explorer")
    controls = {
        "supply": _slider(words("supply"), supply, 10.0, 1000.0, 10.0, ".0f"),
        "base_arrivals": _slider(words("base_arrivals"), base_arrivals, 0.0, 400.0, 10.0, ".0f"),
        "frustration": _slider(words("frustration"), frustration, 0.0, 1.0, 0.05),
        "buzz_gain": _slider(words("buzz_gain"), buzz_gain, 0.0, 0.5, 0.01),
        "buzz_decay": _slider(words("buzz_decay"), buzz_decay, 0.05, 1.0, 0.05),
    }

    def model(values):
        return hunger_marketing(weeks=weeks, market=market, initial_waiting=initial_waiting, **values)

    def draw(fig, **values):
        result = model(values)
        left, right = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.99, bottom=0.13, top=0.91, wspace=0.22)  # tight_layout costs a draw
        # short titles that fit the two panels; the explorer's header says the data are synthetic
        plot_hunger_marketing(result, ax=left, title=plotting.label("title_queue_short"), moving=True)
        plot_prospects(result, ax=right, title=plotting.label("title_prospects_short"), moving=True)
        return result

    def update(fig, **values):
        result = model(values)
        left, right = fig.axes
        update_hunger_marketing(left, result)
        update_prospects(right, result)
        return result

    def summary(result):
        s = campaign_summary(result)
        verdict = (f"<b style='color:#b3261e'>{words('frustration_wins')}</b>" if s["frustration_wins"]
                   else f"<b style='color:#1b5e9e'>{words('buzz_wins')}</b>" if s["net_buzz"] > 0
                   else f"<b>{words('neither')}</b>")
        return words("summary", sold_out=s["weeks_sold_out"], weeks=s["weeks"], buyers=s["buyers"], lost=s["lost"],
                     buzz=s["buzz_arrivals"], verdict=verdict)

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.2), columns=3,
                    title=words("title"))
