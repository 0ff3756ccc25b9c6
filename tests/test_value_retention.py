"""Retention economics: the margin multiple and simple CLV against published values and closed forms."""
import numpy as np
import pytest

from helpers.value import margin_multiple, simple_clv

# Gupta & Lehmann, "Managing Customers as Investments" (2005), margin multiples r / (1 + i - r),
# printed to two decimals: rows retention 60-90 %, columns discount 10-16 %.
PUBLISHED = {
    0.6: [1.20, 1.15, 1.11, 1.07],
    0.7: [1.75, 1.67, 1.59, 1.52],
    0.8: [2.67, 2.50, 2.35, 2.22],
    0.9: [4.50, 4.09, 3.75, 3.46],
}
DISCOUNTS = [0.10, 0.12, 0.14, 0.16]


@pytest.mark.parametrize("retention", PUBLISHED)
def test_margin_multiple_reproduces_the_published_table(retention):
    got = margin_multiple(retention, np.array(DISCOUNTS))
    np.testing.assert_allclose(got, PUBLISHED[retention], atol=0.005)


def test_infinite_clv_is_the_limit_of_the_finite_sum():
    direct = sum(100 * 0.85 ** t / 1.1 ** t for t in range(1, 2001))
    assert simple_clv(100, 0.85, 0.1, periods=2000) == pytest.approx(direct)
    assert simple_clv(100, 0.85, 0.1) == pytest.approx(direct, rel=1e-9)
    assert simple_clv(100, 0.85, 0.1) == pytest.approx(100 * margin_multiple(0.85, 0.1))


def test_clv_grows_with_retention_and_falls_with_discount():
    r = np.linspace(0.1, 0.95, 20)
    assert np.all(np.diff(simple_clv(50, r, 0.1)) > 0)
    assert np.all(np.diff(simple_clv(50, 0.8, np.linspace(0, 0.5, 20))) < 0)


def test_no_retention_means_no_future_value():
    assert simple_clv(100, 0.0, 0.1) == 0.0


@pytest.mark.parametrize("kwargs,message", [
    ({"retention": 1.0}, "retention must lie in"),
    ({"retention": -0.1}, "retention must lie in"),
    ({"discount": 1.5}, "discount must lie in"),
    ({"retention": float("nan")}, "retention must not be NaN"),
    ({"periods": 0}, "periods must be a whole number"),
    ({"periods": 2.5}, "periods must be a whole number"),
])
def test_bad_rates_are_named(kwargs, message):
    args = {"margin": 100, "retention": 0.8, "discount": 0.1, **kwargs}
    with pytest.raises(ValueError, match=message):
        simple_clv(**args)


def test_wrong_types_are_named():
    with pytest.raises(TypeError, match="retention must be a number"):
        margin_multiple("80%", 0.1)
    with pytest.raises(TypeError, match="margin must be a number"):
        simple_clv("100", 0.8, 0.1)


def test_inputs_are_not_changed():
    r = np.array([0.6, 0.7])
    margin_multiple(r, 0.1)
    np.testing.assert_array_equal(r, [0.6, 0.7])
