"""Cohort profit: closed forms of retention economics, and bad input named."""
import numpy as np
import pytest

from helpers.value import cohort_profit, simple_clv

BASE = dict(acquisition_cost=150.0, margin=100.0, retention=0.8, discount=0.12, periods=10, cohort_size=1000)


def test_customers_decay_geometrically_from_the_cohort_size():
    cp = cohort_profit(**BASE)
    assert list(cp.index) == list(range(11)) and cp.index.name == "period"
    np.testing.assert_allclose(cp["customers"], 1000 * 0.8 ** np.arange(11))


def test_period_zero_is_the_acquisition_spend():
    cp = cohort_profit(**BASE)
    assert cp.loc[0, "profit"] == pytest.approx(-150_000)
    assert cp.loc[0, "discounted_profit"] == pytest.approx(-150_000)


@pytest.mark.parametrize("retention,discount", [(0.6, 0.1), (0.8, 0.12), (0.9, 0.16), (0.0, 0.05)])
def test_infinite_horizon_npv_per_customer_is_clv_minus_acquisition_cost(retention, discount):
    cp = cohort_profit(150, 100, retention, discount, periods=3000, cohort_size=1000)
    npv_per_customer = cp["cumulative_discounted_profit"].iloc[-1] / 1000
    assert npv_per_customer == pytest.approx(simple_clv(100, retention, discount) - 150, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("periods", [1, 5, 20])
def test_finite_horizon_matches_simple_clv_and_a_direct_sum(periods):
    cp = cohort_profit(**{**BASE, "periods": periods})
    direct = -150 + sum(100 * 0.8 ** t / 1.12 ** t for t in range(1, periods + 1))
    assert cp["cumulative_discounted_profit"].iloc[-1] / 1000 == pytest.approx(direct)
    assert direct == pytest.approx(simple_clv(100, 0.8, 0.12, periods=periods) - 150)


def test_undiscounted_cumulative_is_the_plain_sum():
    cp = cohort_profit(**{**BASE, "discount": 0.0})
    np.testing.assert_allclose(cp["cumulative_profit"], cp["cumulative_discounted_profit"])
    assert cp["cumulative_profit"].iloc[-1] == pytest.approx(
        -150_000 + 100_000 * sum(0.8 ** t for t in range(1, 11)))


def test_higher_retention_pays_back_sooner():
    def payback(r):
        cp = cohort_profit(**{**BASE, "retention": r, "periods": 40})
        positive = cp.index[cp["cumulative_discounted_profit"] > 0]
        return positive[0] if len(positive) else np.inf
    assert payback(0.9) < payback(0.7)


def test_profit_scales_with_cohort_size():
    small = cohort_profit(**{**BASE, "cohort_size": 10})
    large = cohort_profit(**{**BASE, "cohort_size": 1000})
    np.testing.assert_allclose(large["profit"], 100 * small["profit"])


@pytest.mark.parametrize("kwargs,error,message", [
    ({"retention": 1.0}, ValueError, "retention must lie in"),
    ({"retention": -0.2}, ValueError, "retention must lie in"),
    ({"discount": -1.5}, ValueError, "discount must lie in"),
    ({"discount": float("nan")}, ValueError, "discount must not be NaN"),
    ({"acquisition_cost": -1}, ValueError, "acquisition_cost must be zero or more"),
    ({"acquisition_cost": float("inf")}, ValueError, "acquisition_cost must be a finite number"),
    ({"cohort_size": 0}, ValueError, "cohort_size must be above zero"),
    ({"periods": 0}, ValueError, "periods must be a whole number"),
    ({"periods": 2.5}, ValueError, "periods must be a whole number"),
    ({"periods": True}, ValueError, "periods must be a whole number"),
    ({"margin": "100"}, TypeError, "margin must be a single number"),
    ({"acquisition_cost": None}, TypeError, "acquisition_cost must be a single number"),
    ({"retention": [0.8, 0.9]}, TypeError, "retention must be a single number"),
    ({"margin": float("nan")}, ValueError, "margin must be a finite number"),
])
def test_bad_input_is_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        cohort_profit(**{**BASE, **kwargs})


def test_numpy_scalars_are_accepted():
    cp = cohort_profit(np.float64(150), np.int64(100), np.float32(0.8), 0.12, periods=np.int64(3))
    assert len(cp) == 4
