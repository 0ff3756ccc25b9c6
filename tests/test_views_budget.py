"""The budget allocator and the strategy figures, tested without a browser."""
import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers import budget, campaigns, churn, views  # noqa: E402
from helpers.plots import strategy as plots  # noqa: E402


def test_explorer_is_re_exported_and_draws_the_optimum_at_once():
    ex = views.budget_allocator_explorer()
    assert isinstance(ex, views.Explorer)
    assert bytes(ex.image.value).startswith(b"\x89PNG")
    expected = budget.allocate_budget(1000.0, budget.STAGE_CURVES)
    pd.testing.assert_frame_equal(ex.result, expected)
    assert "RMB" in ex.summary.value


def test_a_bigger_budget_lowers_the_return_of_the_next_yuan():
    ex = views.budget_allocator_explorer()
    image, before = bytes(ex.image.value), ex.result
    ex.controls["total"].value = 2000
    after = ex.result
    assert bytes(ex.image.value) != image
    assert after.attrs["shadow_price"] < before.attrs["shadow_price"]
    assert after.attrs["total_return"] > before.attrs["total_return"]
    assert (after["spend"] >= before["spend"] - 1e-9).all()
    assert after["spend"].sum() == pytest.approx(2000.0)


def test_a_richer_stage_draws_budget_away_from_the_others():
    ex = views.budget_allocator_explorer()
    before = ex.result["spend"]
    ex.controls["scale_decline"].value = 1500
    after = ex.result["spend"]
    assert after["decline"] > before["decline"]
    assert (after.drop("decline") < before.drop("decline")).all()
    # funded stages still earn the same from their next yuan
    funded = ex.result[ex.result["spend"] > 0]["marginal_return"]
    np.testing.assert_allclose(funded, funded.iloc[0], rtol=1e-9)


def test_slower_saturation_earns_less_from_the_same_budget():
    ex = views.budget_allocator_explorer(total=400.0)
    before = ex.result
    ex.controls["saturation"].value = 3.0      # every curve rises three times more slowly
    after = ex.result
    assert after.attrs["total_return"] < before.attrs["total_return"]
    assert after.attrs["shadow_price"] < before.attrs["shadow_price"]
    assert after.attrs["budget"] == 400.0


def test_explorer_takes_given_curves_and_does_not_change_them():
    curves = pd.DataFrame({"scale": [100.0, 300.0], "saturation": [100.0, 100.0]}, index=["A", "B"])
    kept = curves.copy()
    ex = views.budget_allocator_explorer(300.0, curves)
    pd.testing.assert_frame_equal(curves, kept)
    assert ex.result["spend"].round(1).tolist() == [95.1, 204.9]


def test_explorer_refuses_bad_curves():
    with pytest.raises(ValueError, match="saturation"):
        views.budget_allocator_explorer(curves=pd.DataFrame({"scale": [1.0]}, index=["A"]))


def test_strategy_figures_are_titled_and_labelled():
    c = campaigns.simulate_campaign(2000, seed=3)
    g = campaigns.gains_table(c["response_probability"], c["responded"])
    y = c["responded"].to_numpy()
    p = c["response_probability"].to_numpy()
    fig, axes = plt.subplots(2, 3)
    plots.plot_gains(g, axes[0, 0])
    plots.plot_roc({"truth": churn.roc_points(y, p)}, axes[0, 1])
    plots.plot_calibration({"truth": churn.calibration_table(y, p)}, axes[0, 2])
    ranked = churn.rank_winback(pd.DataFrame({"p_alive": [0.9, 0.2, 0.5], "clv": [100.0, 5000.0, 800.0]}),
                                save_rate=0.2, cost=30.0)
    plots.plot_winback(ranked, axes[1, 0])
    a = budget.allocate_budget(500.0, budget.STAGE_CURVES)
    plots.plot_response_curves(budget.STAGE_CURVES, a, ax=axes[1, 1])
    plots.plot_allocation(a, axes[1, 2])
    for ax in axes.ravel():
        assert ax.get_title() and ax.get_ylabel()
    for ax in axes.ravel()[:-1]:                     # the allocation bars are labelled by stage
        assert ax.get_xlabel()
    assert [t.get_text() for t in axes[1, 2].get_xticklabels()] == ["Exploration", "Formation", "Stability", "Decline"]
    plt.close("all")
    with pytest.raises(ValueError, match="gains"):
        plots.plot_gains(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="curves"):
        plots.plot_roc({})
