"""The P(alive) explorer, driven without a browser by setting control values."""
import numpy as np
import pytest

from helpers import btyd, views


@pytest.fixture
def explorer():
    return views.p_alive_explorer()


def corner(result):
    """P(alive) of a customer with 5 repeat purchases whose last was at week ~20 of 39."""
    matrix = result["p_alive"]
    return float(matrix.loc[5].iloc[20])


def test_starts_at_the_published_fit_and_matches_the_model(explorer):
    assert {k: c.value for k, c in explorer.controls.items()} == views.btyd.PUBLISHED
    bg = btyd.BetaGeo(views.btyd.PUBLISHED)
    recency = explorer.result["p_alive"].columns[20]
    assert corner(explorer.result) == pytest.approx(bg.p_alive(5, recency, 39.0))
    assert explorer.result["expected"] == pytest.approx(bg.expected_purchases_population(78.0))
    assert "Expected repeat purchases" in explorer.summary.value


def test_higher_b_means_fewer_drop_outs(explorer):
    before, image = corner(explorer.result), bytes(explorer.image.value)
    explorer.controls["b"].value = 8.0
    assert corner(explorer.result) > before
    assert bytes(explorer.image.value) != image


def test_higher_a_means_more_drop_outs_and_fewer_purchases(explorer):
    before = explorer.result
    explorer.controls["a"].value = 3.0
    assert corner(explorer.result) < corner(before)
    assert explorer.result["expected"] < before["expected"]


def test_higher_alpha_means_slower_buyers(explorer):
    before = explorer.result["expected"]
    explorer.controls["alpha"].value = 15.0
    assert explorer.result["expected"] < before


def test_higher_r_means_more_purchases(explorer):
    before = explorer.result["expected"]
    explorer.controls["r"].value = 1.0
    assert explorer.result["expected"] > before


def test_no_repeat_purchase_is_always_alive(explorer):
    for value in (0.2, 4.0):
        explorer.controls["a"].value = value
        assert explorer.result["p_alive"].loc[0].iloc[0] == 1.0
        assert np.isnan(explorer.result["p_alive"].loc[0].iloc[1:]).all()


def test_bad_starting_values_are_refused():
    with pytest.raises(ValueError, match="positive"):
        views.p_alive_explorer(r=-1.0)
