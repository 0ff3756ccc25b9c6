"""The transition-matrix editor: lower the chance of moving into decline, or from decline into
churn, and see expected lifetime, stage mix and Markov CLV change (reading 000's managerial aim).

>>> ex = transition_matrix_explorer()
>>> before = ex.result["lifetime"]["exploration"]
>>> ex.controls["into_decline"].value = 0.5
>>> bool(ex.result["lifetime"]["exploration"] > before)
True
"""
from __future__ import annotations

import ipywidgets as widgets

from helpers import markov, plotting
from helpers.plots.markov import (plot_lifetime_by_stage, plot_stage_mix, update_lifetime_by_stage,
                                  update_stage_mix)
from helpers.views.base import Explorer, Wording, choices


def transition_matrix_explorer(P=None, rewards=None, discount=0.01, *, start="exploration",
                               periods=36, currency="RMB"):
    """Explorer: cut the moves into decline and from decline into churn; compare before and after.

    Parameters
    ----------
    P : DataFrame, optional
        Monthly transition matrix labelled by stage (default :data:`helpers.markov.EXAMPLE_P`).
    rewards : dict or Series, optional
        Margin per month in each stage (default :data:`helpers.markov.EXAMPLE_REWARDS`).
    discount : float
        Discount rate per month.
    start : str
        Stage of a new customer.
    periods : int
        Months shown in the stage mix.
    currency : str
        Currency of ``rewards``, for the summary line.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is the dict of :func:`helpers.markov.intervention_effect`.
    """
    words = Wording("transition_matrix_explorer")
    title = words("title")
    if P is None:
        title += words("example")
    P = markov.EXAMPLE_P if P is None else P
    rewards = markov.EXAMPLE_REWARDS if rewards is None else rewards
    # fail early, with the model's own messages, on a bad matrix or rewards
    markov.intervention_effect(P, rewards, discount, start=start, periods=periods)
    controls = {
        "into_decline": widgets.FloatSlider(value=0.0, min=0.0, max=0.9, step=0.05, readout_format=".0%",
                                            description=words("into_decline"), continuous_update=False),
        "decline_to_churn": widgets.FloatSlider(value=0.0, min=0.0, max=0.9, step=0.05,
                                                readout_format=".0%", description=words("decline_to_churn"),
                                                continuous_update=False),
        "rescued_to": widgets.Dropdown(options=choices((words(f"rescued.{s}"), s)
                                                       for s in ("decline", "formation", "stability")),
                                       value="decline", description=words("rescued_to")),
    }

    def model(into_decline, decline_to_churn, rescued_to):
        return markov.intervention_effect(P, rewards, discount, into_decline=into_decline,
                                          decline_to_churn=decline_to_churn, rescued_to=rescued_to,
                                          start=start, periods=periods)

    def lean(left, right):
        # fewer gridlines and ticks: a redraw has to stay fast when a slider moves
        left.grid(False)
        right.grid(False)
        left.set_xticks(range(0, periods + 1, 12))
        left.set_yticks([0, 0.25, 0.5, 0.75, 1.0])

    def draw(fig, **values):
        result = model(**values)
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.0, 0.9]})
        plot_stage_mix(result["mix"], left, baseline=result["mix_before"], moving=True)
        plot_lifetime_by_stage(result["visits"], right, baseline=result["lifetime_before"],
                               legend=False, title=plotting.label("expected_lifetime_short"), moving=True)
        lean(left, right)
        fig.subplots_adjust(left=0.07, right=0.97, bottom=0.14, top=0.9, wspace=0.85)
        return result

    def update(fig, **values):
        result = model(**values)
        left, right = fig.axes
        update_stage_mix(left, result["mix"])
        update_lifetime_by_stage(right, result["visits"], baseline=result["lifetime_before"])
        lean(left, right)
        return result

    def summary(result):
        s = result["summary"]
        return words("summary", start=words.stage(start),
                     lifetime_before=s.at["lifetime", "before"], lifetime_after=s.at["lifetime", "after"],
                     clv_before=s.at["clv", "before"], clv_after=s.at["clv", "after"],
                     currency=words.known("explorers.currencies", currency),
                     stable_before=s.at["share_stability", "before"],
                     stable_after=s.at["share_stability", "after"])

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.6), columns=3,
                    title=title)
