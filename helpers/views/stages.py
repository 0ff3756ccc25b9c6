"""The threshold explorer (notebook 03): move the classifier's thresholds and watch the stage mix,
the confusion matrix against the true stages, and a few customers' timelines change."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from helpers import lifecycle, plotting
from helpers.plots import stages as plots
from helpers.views.base import Explorer, Wording

#: Customers shown in the timelines by default (a mix of short and long synthetic histories).
DEFAULT_CUSTOMERS = ("X00010", "X00500", "X02000", "X05000")

#: The panel columns :func:`helpers.lifecycle.classify_stages` reads.
_RULE_COLUMNS = ("customer_id", "period", "tenure", "cum_purchases", "recency", "baseline_rate",
                 "baseline_periods", "trend")


def threshold_explorer(panel: pd.DataFrame | None = None, truth: pd.DataFrame | None = None,
                       customers=DEFAULT_CUSTOMERS) -> Explorer:
    """Thresholds of :func:`helpers.lifecycle.classify_stages` → stage mix, confusion matrix
    against the true stages, and the timelines of a few customers.

    Parameters
    ----------
    panel : pandas.DataFrame, optional
        A stage panel (:func:`helpers.lifecycle.stage_panel`); default: the synthetic Xiaomi-style
        orders, monthly, to December 2015.
    truth : pandas.DataFrame, optional
        True stages (customer_id, period, stage) covering every row of ``panel``; default: the
        synthetic data's hidden stages.
    customers : sequence
        Customer ids whose timelines are drawn (true stage as a thin strip above).

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is a dict with ``stages`` (classified panel), ``confusion``, ``recall``
        (per true stage), ``accuracy`` and ``mix`` (stage shares by month).
    """
    if (panel is None) != (truth is None):
        raise ValueError("give both panel and truth, or neither (to use the synthetic Xiaomi data)")
    if panel is None:
        from helpers import data
        x = data.load_xiaomi()
        panel = lifecycle.stage_panel(x["orders"], end="2015-12-31")
        truth = x["true_stages"]
    keys = ["customer_id", "period"]
    # only the columns the rules read: classify_stages copies its input, and fewer columns copy faster
    panel = panel[[c for c in _RULE_COLUMNS if c in panel.columns]]
    aligned = panel[keys].merge(truth[keys + ["stage"]], on=keys, how="left")["stage"]
    if aligned.isna().any():
        raise ValueError("truth has no stage for some rows of panel")
    aligned = pd.Series(pd.Categorical(aligned, categories=list(lifecycle.STAGES)))
    # the months do not move with the thresholds: sort them once, so the stage mix only counts
    month_codes, months = pd.factorize(panel["period"], sort=True)
    month_of_row = pd.Categorical.from_codes(month_codes, categories=months)
    months = pd.Index(months, name="period")
    customers = list(customers)
    shown = np.flatnonzero(panel["customer_id"].isin(customers).to_numpy())   # rows to draw
    truth_shown = truth[truth["customer_id"].isin(customers)]
    d = lifecycle.STAGE_THRESHOLDS
    words = Wording("threshold_explorer")
    controls = {
        "decline_ratio": widgets.FloatSlider(value=d["decline_ratio"], min=0.1, max=0.9, step=0.05,
                                             description=words("decline_ratio"), continuous_update=False),
        "decline_silence": widgets.IntSlider(value=d["decline_silence"], min=1, max=8,
                                             description=words("decline_silence"), continuous_update=False),
        "churn_silence": widgets.IntSlider(value=d["churn_silence"], min=3, max=18,
                                           description=words("churn_silence"), continuous_update=False),
        "stable_rate": widgets.FloatSlider(value=d["stable_rate"], min=0.1, max=1.5, step=0.05,
                                           description=words("stable_rate"), continuous_update=False),
        "trial_purchases": widgets.IntSlider(value=d["trial_purchases"], min=1, max=4,
                                             description=words("trial_purchases"), continuous_update=False),
    }
    _keep_above(controls["churn_silence"], controls["decline_silence"])

    def model(thresholds):
        stages = lifecycle.classify_stages(panel, **thresholds)
        confusion = lifecycle.stage_confusion(aligned, stages["stage"])
        scores = lifecycle.stage_scores(confusion)
        mix = lifecycle.stage_mix(pd.DataFrame({"period": month_of_row, "stage": stages["stage"]}, copy=False))
        mix.index = months
        return {"stages": stages, "confusion": confusion, "recall": scores["recall"],
                "accuracy": scores.attrs["accuracy"], "mix": mix}

    def draw(fig, **thresholds):
        result = model(thresholds)
        axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.1, 1, 1.2]})
        plots.plot_stage_mix(result["mix"], ax=axes[0], moving=True)
        axes[0].get_legend().remove()
        plots.plot_confusion(result["confusion"], ax=axes[1], title=plotting.label("confusion_short"),
                             annotate="diagonal", moving=True)
        plots.plot_timelines(result["stages"].take(shown), customers, ax=axes[2], truth=truth_shown,
                             title=plotting.label("timelines_short"), moving=True)
        fig.subplots_adjust(left=0.07, right=0.85, bottom=0.27, top=0.9, wspace=0.62)
        return result

    def update(fig, **thresholds):
        result = model(thresholds)
        mix_ax, confusion_ax, timelines_ax = fig.axes
        plots.update_stage_mix(mix_ax, result["mix"])
        plots.update_confusion(confusion_ax, result["confusion"], annotate="diagonal")
        plots.update_timelines(timelines_ax, result["stages"].take(shown), customers, truth=truth_shown)
        return result

    def summary(result):
        recalls = words.join(words("recall", stage=words.stage(s), recall=r) for s, r in result["recall"].items())
        return words("summary", accuracy=result["accuracy"], recalls=recalls)

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.6), columns=3,
                    title=words("title"))


def _keep_above(upper: widgets.IntSlider, lower: widgets.IntSlider) -> None:
    """``upper`` can only show values above ``lower``'s (churn needs a longer silence than
    decline): its minimum follows ``lower``, so the slider never shows a value the model would
    not use."""
    def follow(change=None):
        upper.min = max(lower.value + 1, 1)
    follow()
    lower.observe(follow, names="value")

