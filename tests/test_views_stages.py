"""The threshold explorer, the stage figures and the scoring helpers behind them."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import lifecycle, plotting, views  # noqa: E402
from helpers.plots import stages as stage_plots  # noqa: E402


@pytest.fixture(scope="module")
def explorer():
    return views.threshold_explorer()


@pytest.fixture(scope="module")
def xiaomi_panel():
    from helpers import data
    return lifecycle.stage_panel(data.load_xiaomi()["orders"], end="2015-12-31")


def test_explorer_starts_with_the_defaults(explorer):
    r = explorer.result
    default = lifecycle.classify_stages(r["stages"].drop(columns="stage"))
    assert (r["stages"]["stage"] == default["stage"]).all()
    assert r["confusion"].to_numpy().sum() == len(r["stages"])
    assert 0.4 < r["accuracy"] < 0.8
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert "Accuracy" in explorer.summary.value


def test_longer_churn_silence_lowers_churn_recall_and_redraws(explorer):
    before_recall = explorer.result["recall"]["churned"]
    before_image = bytes(explorer.image.value)
    explorer.controls["churn_silence"].value = 14
    try:
        assert explorer.result["recall"]["churned"] < before_recall
        assert bytes(explorer.image.value) != before_image
    finally:
        explorer.controls["churn_silence"].value = lifecycle.STAGE_THRESHOLDS["churn_silence"]


def test_more_trial_purchases_means_more_exploration(explorer):
    before = (explorer.result["stages"]["stage"] == "exploration").sum()
    explorer.controls["trial_purchases"].value = 3
    try:
        assert (explorer.result["stages"]["stage"] == "exploration").sum() > before
    finally:
        explorer.controls["trial_purchases"].value = lifecycle.STAGE_THRESHOLDS["trial_purchases"]


def test_churn_below_decline_silence_is_kept_valid(explorer, xiaomi_panel):
    explorer.controls["decline_silence"].value = 8
    explorer.controls["churn_silence"].value = 3          # would be invalid: the slider stops above
    try:
        churn = explorer.controls["churn_silence"]
        assert churn.value == 9 and churn.min == 9      # the control shows the value the model uses
        used = lifecycle.classify_stages(xiaomi_panel, **explorer.values())
        assert (used["stage"].to_numpy() == explorer.result["stages"]["stage"].to_numpy()).all()
        assert explorer.result["accuracy"] > 0
    finally:
        explorer.controls["decline_silence"].value = lifecycle.STAGE_THRESHOLDS["decline_silence"]
        explorer.controls["churn_silence"].value = lifecycle.STAGE_THRESHOLDS["churn_silence"]


def test_explorer_on_own_data_and_bad_arguments():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 2.0, 3.0],
                       "date": pd.to_datetime(["2013-01-05", "2013-02-05", "2013-01-10"])})
    panel = lifecycle.stage_panel(tx, end="2013-12-31")
    truth = lifecycle.classify_stages(panel)[["customer_id", "period", "stage"]]
    e = views.threshold_explorer(panel, truth, customers=["a", "b"])
    assert e.result["accuracy"] == 1.0
    with pytest.raises(ValueError, match="both"):
        views.threshold_explorer(panel)
    with pytest.raises(ValueError, match="no stage"):
        views.threshold_explorer(panel, truth.iloc[:3], customers=["a"])


def test_stage_confusion_counts_and_alignment():
    truth = pd.DataFrame({"customer_id": ["a", "a", "b"], "period": pd.to_datetime(["2014-01-01", "2014-02-01", "2014-01-01"]),
                          "stage": ["exploration", "formation", "decline"]})
    pred = truth.iloc[::-1].assign(stage=["churned", "formation", "exploration"])   # shuffled rows
    conf = lifecycle.stage_confusion(truth, pred)
    assert conf.loc["decline", "churned"] == 1 and conf.loc["formation", "formation"] == 1
    assert conf.loc["exploration", "exploration"] == 1 and conf.to_numpy().sum() == 3
    assert list(conf.index) == list(conf.columns) == list(lifecycle.STAGES)


@pytest.mark.parametrize("actual, predicted, err, match", [
    (["exploration"], ["exploration", "decline"], ValueError, "lengths"),
    (["exploration"], ["growth"], ValueError, "unknown stage"),
    ([], [], ValueError, "empty"),
    (pd.DataFrame({"stage": ["decline"]}), ["decline"], TypeError, "both"),
    (pd.DataFrame({"customer_id": ["a"], "stage": ["decline"]}),
     pd.DataFrame({"customer_id": ["a"], "period": [1], "stage": ["decline"]}), ValueError, "period"),
])
def test_stage_confusion_bad_input(actual, predicted, err, match):
    with pytest.raises(err, match=match):
        lifecycle.stage_confusion(actual, predicted)


def test_stage_mix_counts_and_errors():
    s = pd.DataFrame({"period": pd.to_datetime(["2014-02-01", "2014-01-01", "2014-01-01"]),
                      "stage": ["churned", "stability", "decline"]})
    counts = lifecycle.stage_mix(s, share=False)
    assert counts.loc["2014-01-01", "stability"] == 1 and counts.loc["2014-02-01", "churned"] == 1
    assert np.allclose(lifecycle.stage_mix(s).sum(axis=1), 1)
    with pytest.raises(TypeError):
        lifecycle.stage_mix([1])
    with pytest.raises(ValueError, match="period"):
        lifecycle.stage_mix(s.drop(columns="period"))
    with pytest.raises(ValueError, match="empty"):
        lifecycle.stage_mix(s.iloc[:0])


def test_plots_label_axes_and_switch_language():
    s = pd.DataFrame({"customer_id": ["a", "a", "b"],
                      "period": pd.to_datetime(["2014-01-01", "2014-02-01", "2014-01-01"]),
                      "stage": ["exploration", "formation", "decline"]})
    fig, axes = plt.subplots(1, 3)
    try:
        stage_plots.plot_stage_mix(lifecycle.stage_mix(s), ax=axes[0])
        stage_plots.plot_confusion(lifecycle.stage_confusion(s, s), ax=axes[1])
        stage_plots.plot_timelines(s, ["a", "b"], ax=axes[2], truth=s)
        for ax in axes:
            assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plotting.use_language("zh")
        ax = stage_plots.plot_confusion(lifecycle.stage_confusion(s, s))
        assert ax.get_ylabel() == "真实阶段"
    finally:
        plotting.use_language("en")
        plt.close("all")
    with pytest.raises(ValueError, match="customers not in stages"):
        stage_plots.plot_timelines(s, ["zz"])
    with pytest.raises(ValueError, match="5 x 5"):
        stage_plots.plot_confusion(pd.DataFrame([[1]]))
    with pytest.raises(ValueError, match="columns"):
        stage_plots.plot_stage_mix(pd.DataFrame({"x": [1]}))


def test_threshold_explorer_stage_mix_matches_the_model():
    """The explorer counts months from a precomputed factorisation; the mix must be stage_mix's."""
    import matplotlib
    from helpers.views.stages import threshold_explorer
    explorer = threshold_explorer()
    explorer.controls["decline_ratio"].value = 0.3
    stages = explorer.result["stages"]
    expected = lifecycle.stage_mix(stages)
    drawn = explorer.figure.axes[0].collections[0]
    assert isinstance(drawn, matplotlib.collections.PolyCollection)
    top = max(p.vertices[:, 1].max() for p in drawn.get_paths())
    assert abs(top - 1.0) < 1e-9
    n, cum = len(expected), expected.cumsum(axis=1)
    bottoms = [np.asarray(p.vertices[:n, 1]) for p in drawn.get_paths()]   # polygons go along the bottom first
    np.testing.assert_allclose(bottoms[1], cum.iloc[:, 0].to_numpy())
    np.testing.assert_allclose(bottoms[-1], cum.iloc[:, -2].to_numpy())
