"""The retention and lifecycle explorers react to their controls, without a browser."""
import pytest

from helpers import lifecycle, value, views


@pytest.fixture(scope="module")
def retention():
    return views.retention_explorer()


@pytest.fixture(scope="module")
def life():
    return views.lifecycle_explorer()


def test_retention_explorer_starts_from_the_model(retention):
    assert retention.result["clv"] == pytest.approx(value.simple_clv(100, 0.8, 0.12))
    assert len(retention.result["cohort"]) == 16
    assert "CLV" in retention.summary.value and bytes(retention.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("name,new,key,direction", [
    ("retention", 0.9, "clv", +1),
    ("margin", 50.0, "clv", -1),
    ("discount", 0.2, "clv", -1),
    ("acquisition_cost", 400.0, "npv_per_customer", -1),
])
def test_moving_a_retention_slider_moves_the_result(retention, name, new, key, direction):
    old_value, old_result, old_image = retention.controls[name].value, retention.result[key], retention.image.value
    try:
        retention.controls[name].value = new
        assert (retention.result[key] - old_result) * direction > 0
        assert bytes(retention.image.value) != bytes(old_image)
    finally:
        retention.controls[name].value = old_value


def test_acquisition_cost_leaves_clv_alone(retention):
    clv = retention.result["clv"]
    retention.controls["acquisition_cost"].value = 300.0
    assert retention.result["clv"] == pytest.approx(clv)
    assert retention.result["cohort"].loc[0, "profit"] == pytest.approx(-300 * 1000)
    retention.controls["acquisition_cost"].value = 150.0


def test_lifecycle_explorer_starts_from_the_model(life):
    expected = lifecycle.lifecycle_curve()
    assert life.result.equals(expected)
    assert "Cumulative profit" in life.summary.value


def test_longer_stability_earns_more(life):
    before, image = life.result["cumulative_profit"].iloc[-1], life.image.value
    life.controls["stability"].value = 24
    assert life.result["cumulative_profit"].iloc[-1] > before
    assert (life.result["stage"] == "stability").sum() == 24
    assert bytes(life.image.value) != bytes(image)
    life.controls["stability"].value = 12


def test_decline_after_exploration_loses_money_and_skips_the_rest(life):
    life.controls["decline_starts"].value = "exploration"
    assert list(dict.fromkeys(life.result["stage"])) == ["exploration", "decline"]
    assert life.result["cumulative_profit"].iloc[-1] < 0
    life.controls["decline_starts"].value = "stability"


def test_peak_level_raises_revenue(life):
    before = life.result["revenue"].max()
    life.controls["peak_level"].value = 150.0
    assert life.result["revenue"].max() == pytest.approx(1.5 * before)
    life.controls["peak_level"].value = 100.0
