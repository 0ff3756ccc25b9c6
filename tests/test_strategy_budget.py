"""Budget allocation under diminishing returns: closed forms, optimality, bad input."""
import numpy as np
import pandas as pd
import pytest
from scipy import optimize

from helpers import budget


def sqrt_curves(a, b):
    return pd.DataFrame({"scale": [a, b], "exponent": [0.5, 0.5]}, index=["x", "y"])


@pytest.mark.parametrize("a,b,total", [(1.0, 2.0, 100.0), (3.0, 1.0, 40.0), (5.0, 5.0, 7.0)])
def test_two_square_roots_split_by_hand(a, b, total):
    # maximise a sqrt(x) + b sqrt(B - x): a / (2 sqrt x) = b / (2 sqrt(B - x)) => x = B a^2 / (a^2 + b^2)
    alloc = budget.allocate_budget(total, sqrt_curves(a, b), kind="power")
    x = total * a ** 2 / (a ** 2 + b ** 2)
    assert alloc["spend"].tolist() == pytest.approx([x, total - x], rel=1e-9)
    # the best total is sqrt(B (a^2 + b^2)) and the shadow price its derivative in B
    assert alloc.attrs["total_return"] == pytest.approx(np.sqrt(total * (a ** 2 + b ** 2)), rel=1e-9)
    assert alloc.attrs["shadow_price"] == pytest.approx(np.sqrt(a ** 2 + b ** 2) / (2 * np.sqrt(total)), rel=1e-9)
    assert alloc["marginal_return"].tolist() == pytest.approx([alloc.attrs["shadow_price"]] * 2, rel=1e-9)


def test_exponential_closed_form_by_hand():
    # two curves with saturation 100: m0 = 3 and 1; with B = 300 both are funded and
    # x1 - x2 = 100 ln 3, x1 + x2 = 300
    c = pd.DataFrame({"scale": [300.0, 100.0], "saturation": [100.0, 100.0]}, index=["f", "d"])
    a = budget.allocate_budget(300.0, c)
    x1 = (300 + 100 * np.log(3)) / 2
    assert a["spend"].tolist() == pytest.approx([x1, 300 - x1], rel=1e-12)
    # with B = 100 < 100 ln 3 only the first is funded, and the second's first yuan earns less
    small = budget.allocate_budget(100.0, c)
    assert small["spend"].tolist() == pytest.approx([100.0, 0.0])
    assert small.loc["d", "marginal_return"] <= small.attrs["shadow_price"]


CASES = [
    ("exponential", pd.DataFrame({"scale": [500.0, 900.0, 300.0, 200.0], "saturation": [200.0, 600.0, 100.0, 400.0]},
                                 index=["exploration", "formation", "stability", "decline"]), 700.0),
    ("exponential", pd.DataFrame({"scale": [50.0, 900.0], "saturation": [200.0, 300.0]}, index=["a", "b"]), 250.0),
    ("power", pd.DataFrame({"scale": [2.0, 5.0, 1.0], "exponent": [0.3, 0.6, 0.5]}, index=["a", "b", "c"]), 1000.0),
]


@pytest.mark.parametrize("kind,curves,total", CASES)
def test_optimum_beats_nearby_allocations(kind, curves, total):
    a = budget.allocate_budget(total, curves, kind=kind)
    best = a.attrs["total_return"]
    assert a["spend"].sum() == pytest.approx(total, rel=1e-10) and (a["spend"] >= 0).all()
    assert budget.response(a["spend"], curves, kind=kind).sum() == pytest.approx(best)
    rng = np.random.default_rng(0)
    n = len(curves)
    for _ in range(200):
        move = rng.normal(0, 0.05 * total, n)
        move -= move.mean()                     # stays on budget
        other = np.clip(a["spend"].to_numpy() + move, 0, None)
        other *= total / other.sum()
        assert budget.response(other, curves, kind=kind).sum() <= best + 1e-9
    for i in range(n):                           # one yuan moved between any two stages
        for j in range(n):
            if i != j and a["spend"].iloc[i] >= 1:
                other = a["spend"].to_numpy().copy()
                other[i] -= 1
                other[j] += 1
                assert budget.response(other, curves, kind=kind).sum() <= best + 1e-9


@pytest.mark.parametrize("kind,curves,total", CASES)
def test_agrees_with_a_general_optimiser(kind, curves, total):
    a = budget.allocate_budget(total, curves, kind=kind)
    n = len(curves)
    res = optimize.minimize(lambda x: -budget.response(np.clip(x, 0, None), curves, kind=kind).sum(),
                            np.full(n, total / n), method="SLSQP", bounds=[(0, total)] * n,
                            constraints=[{"type": "eq", "fun": lambda x: x.sum() - total}],
                            options={"ftol": 1e-12, "maxiter": 500})
    assert -res.fun == pytest.approx(a.attrs["total_return"], rel=1e-6)
    funded = a["spend"] > 1e-9
    assert a.loc[funded, "marginal_return"].to_numpy() == pytest.approx(a.attrs["shadow_price"], rel=1e-8)
    assert (a.loc[~funded, "marginal_return"] <= a.attrs["shadow_price"] + 1e-12).all()


def test_more_budget_never_earns_less_and_the_shadow_price_falls():
    c = CASES[0][1]
    curve = budget.budget_curve(np.linspace(0, 3000, 31), c)
    assert (np.diff(curve["total_return"]) > 0).all()
    assert (np.diff(curve["shadow_price"]) <= 1e-12).all()
    assert curve.loc[0, "total_return"] == 0 and list(curve.columns[3:]) == list(c.index)


def test_zero_budget_and_inputs_untouched():
    c = CASES[0][1]
    before = c.copy()
    a = budget.allocate_budget(0, c)
    assert (a["spend"] == 0).all() and a.attrs["total_return"] == 0
    pd.testing.assert_frame_equal(c, before)


def test_marginal_return_of_power_curve_at_zero_is_infinite():
    c = sqrt_curves(1.0, 1.0)
    assert np.isinf(budget.marginal_return(0.0, c, kind="power")).all()
    assert budget.marginal_return(4.0, c, kind="power").tolist() == pytest.approx([0.25, 0.25])


GOOD = pd.DataFrame({"scale": [1.0, 2.0], "saturation": [1.0, 1.0]}, index=["a", "b"])


@pytest.mark.parametrize("call,error,match", [
    (lambda: budget.allocate_budget(-1, GOOD), ValueError, "budget"),
    (lambda: budget.allocate_budget(np.inf, GOOD), ValueError, "budget"),
    (lambda: budget.allocate_budget("100", GOOD), TypeError, "budget"),
    (lambda: budget.allocate_budget(True, GOOD), TypeError, "budget"),
    (lambda: budget.allocate_budget(10, GOOD.to_dict()), TypeError, "curves"),
    (lambda: budget.allocate_budget(10, GOOD, kind="log"), ValueError, "kind"),
    (lambda: budget.allocate_budget(10, GOOD, kind="power"), ValueError, "exponent"),
    (lambda: budget.allocate_budget(10, GOOD.rename(columns={"scale": "scal"})), ValueError, "scale"),
    (lambda: budget.allocate_budget(10, GOOD.iloc[:0]), ValueError, "empty"),
    (lambda: budget.allocate_budget(10, GOOD.assign(scale=[1.0, -2.0])), ValueError, "scale"),
    (lambda: budget.allocate_budget(10, GOOD.assign(saturation=[np.nan, 1.0])), ValueError, "saturation"),
    (lambda: budget.allocate_budget(10, GOOD.assign(scale=["x", "y"])), TypeError, "scale"),
    (lambda: budget.allocate_budget(10, pd.DataFrame({"scale": [1.0], "exponent": [1.2]}), kind="power"),
     ValueError, "below 1"),
    (lambda: budget.allocate_budget(10, GOOD.set_axis(["a", "a"])), ValueError, "unique"),
    (lambda: budget.response([1.0, 2.0, 3.0], GOOD), ValueError, "spend"),
    (lambda: budget.response([1.0, -2.0], GOOD), ValueError, "spend"),
    (lambda: budget.response(pd.Series([1.0, 2.0], index=["a", "z"]), GOOD), ValueError, "spend"),
    (lambda: budget.marginal_return(["a", "b"], GOOD), TypeError, "spend"),
    (lambda: budget.budget_curve([], GOOD), ValueError, "budgets"),
    (lambda: budget.budget_curve([[1, 2]], GOOD), ValueError, "budgets"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()
