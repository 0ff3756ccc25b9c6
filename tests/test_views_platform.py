"""The platform explorer, driven without a browser: set a control, check the model result and
the picture change in the expected direction."""
import numpy as np
import pytest

from helpers import views
from helpers.platform import platform_params, simulate_platform


@pytest.fixture(scope="module")
def explorer():
    return views.platform_explorer()


def move(explorer, name, value):
    before_result, before_image = explorer.result, bytes(explorer.image.value)
    explorer.controls[name].value = value
    return before_result, before_image


def test_first_draw_matches_the_default_model(explorer):
    expected = simulate_platform(platform_params(), 36)
    np.testing.assert_allclose(explorer.result.to_numpy(), expected.to_numpy())
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert "Profit over 36 months" in explorer.summary.value and "illustrative" in explorer.summary.value


def test_more_ad_load_loses_readers_and_redraws(explorer):
    before, image = move(explorer, "ad_load", 0.6)
    try:
        assert explorer.result["readers"].iloc[-1] < before["readers"].iloc[-1]
        assert explorer.result["ad_revenue"].iloc[1] > before["ad_revenue"].iloc[1]
        assert bytes(explorer.image.value) != image
    finally:
        explorer.controls["ad_load"].value = 0.2


def test_stronger_pull_from_readers_brings_more_clients(explorer):
    before, image = move(explorer, "advertisers_from_readers", 0.45)
    try:
        assert explorer.result["advertisers"].iloc[-1] > before["advertisers"].iloc[-1]
        assert bytes(explorer.image.value) != image
    finally:
        explorer.controls["advertisers_from_readers"].value = 0.25


@pytest.mark.parametrize("control", ["readers_from_contributors", "contributors_from_readers"])
def test_no_cross_side_pull_shrinks_the_platform(explorer, control):
    default = explorer.controls[control].value
    before, _ = move(explorer, control, 0.0)
    try:
        assert explorer.result["readers"].iloc[-1] < before["readers"].iloc[-1]
    finally:
        explorer.controls[control].value = default


def test_subsidising_contributors_grows_them_and_costs_money(explorer):
    move(explorer, "subsidy", 40.0)
    unchanged = explorer.result
    assert (unchanged["subsidy_cost"] == 0).all(), "no side chosen: the amount is not paid"
    before, image = move(explorer, "subsidy_side", "contributors")
    try:
        assert explorer.result["contributors"].iloc[-1] > before["contributors"].iloc[-1]
        np.testing.assert_allclose(explorer.result["subsidy_cost"], 40 * explorer.result["contributors"])
        assert bytes(explorer.image.value) != image
    finally:
        explorer.controls["subsidy_side"].value = None
        explorer.controls["subsidy"].value = 0.0


# --- the plots behind it -----------------------------------------------------------------------

def test_plots_label_their_axes_and_follow_the_language():
    import matplotlib.pyplot as plt

    from helpers import plotting
    from helpers.platform import conversion_funnel
    from helpers.plots.platform import plot_funnel, plot_money, plot_sides

    result = simulate_platform(platform_params(subsidy_side="contributors", subsidy=20), 12)
    fig, axes = plt.subplots(1, 4)
    plot_sides(result, ax=axes[0])
    plot_sides(result, ax=axes[1], share=False)
    plot_money(result, ax=axes[2])
    plot_funnel(conversion_funnel(10_000), ax=axes[3])
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == [
        "Readers", "Big-name contributors", "Business clients"]
    assert "Subsidy" in [t.get_text() for t in axes[2].get_legend().get_texts()]
    plotting.use_language("zh")
    try:
        assert plot_sides(result).get_title() == "平台各边用户"
        assert [t.get_text() for t in plot_funnel(conversion_funnel(100)).get_yticklabels()] == [
            "流量", "访客", "活跃用户", "付费客户"]
    finally:
        plotting.use_language("en")
        plt.close("all")


@pytest.mark.parametrize("call,error,match", [
    (lambda p: p.plot_sides([1, 2]), TypeError, "result must be a DataFrame"),
    (lambda p: p.plot_money(simulate_platform(None, 3).drop(columns="profit")), ValueError, r"missing column\(s\) \['profit'\]"),
    (lambda p: p.plot_sides(simulate_platform(None, 3).iloc[0:0]), ValueError, "result is empty"),
    (lambda p: p.plot_funnel(simulate_platform(None, 3)), ValueError, "conversion_funnel"),
])
def test_plots_reject_the_wrong_input(call, error, match):
    import matplotlib.pyplot as plt

    from helpers.plots import platform as plots
    with pytest.raises(error, match=match):
        call(plots)
    plt.close("all")


def test_a_subsidy_area_moves_as_a_new_drawing_draws_it():
    """tests/test_views_moving.py moves one control at a time from the start, where nobody is
    subsidised; here the area is on while the other controls move."""
    import io

    import PIL.Image

    def pixels(ex):
        return np.asarray(PIL.Image.open(io.BytesIO(bytes(ex.image.value))))

    ex = views.platform_explorer()
    ex.controls["subsidy_side"].value = "readers"
    ex.controls["subsidy"].value = 30.0
    for name, value in [("subsidy", 80.0), ("ad_load", 0.9), ("contributors_from_readers", 0.05),
                        ("subsidy_side", "advertisers")]:
        ex.controls[name].value = value
        assert len(ex.figure.axes[1].collections) == 1
        updated = pixels(ex)
        ex.redraw(afresh=True)
        assert (pixels(ex) == updated).all(), f"{name} = {value}: the update differs from a new drawing"
