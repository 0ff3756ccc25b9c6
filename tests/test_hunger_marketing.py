"""The flash-sale (hunger marketing) model: hand-solvable cases, accounting, closed forms, errors."""
import math

import numpy as np
import pandas as pd
import pytest

from helpers.hunger_marketing import (COLUMNS, break_even_frustration, campaign_summary,
                                      frustration_region, hunger_marketing, steady_state_unmet)

SCENARIO = dict(weeks=40, supply=100.0, base_arrivals=90.0, buzz_gain=0.06, buzz_decay=0.3,
                frustration=0.25, initial_waiting=400.0, market=math.inf)


def test_columns_and_weeks():
    run = hunger_marketing(**SCENARIO)
    assert list(run.columns) == list(COLUMNS)
    assert run["week"].tolist() == list(range(1, 41))


def test_hand_worked_queue_without_arrivals_or_buzz():
    run = hunger_marketing(weeks=4, supply=30, base_arrivals=0, buzz_gain=0, initial_waiting=100,
                           frustration=0.5, market=math.inf)
    # week 1: 100 try, 30 buy, 70 miss, 35 give up, 35 wait; week 2: 35 try, 30 buy, 5 miss ...
    assert run["sales"].tolist() == [30, 30, 2.5, 0]
    assert run["lost"].tolist() == [35, 2.5, 0, 0]
    assert run["waiting"].tolist() == [35, 2.5, 0, 0]
    assert run["cum_lost"].iloc[-1] == 37.5 and run["cum_buyers"].iloc[-1] == 62.5


def test_hand_worked_buzz_pulse():
    # one week of 50 unmet, no frustration, buzz 0.2 per unit, half fades each week
    run = hunger_marketing(weeks=3, supply=[50, math.inf, math.inf], base_arrivals=0, buzz_gain=0.2,
                           buzz_decay=0.5, frustration=0.0, initial_waiting=100,
                           market=math.inf)
    assert run["unmet"].tolist() == [50, 0, 0]
    assert run["buzz"].tolist() == [10, 5, 2.5]           # 0.2 * 50, then halves
    assert run["buzz_arrivals"].tolist() == [0, 10, 5]    # last week's buzz brings this week's prospects
    assert run["sales"].tolist() == [50, 60, 5]


def test_unlimited_supply_means_no_unmet_demand_and_no_buzz_from_scarcity():
    run = hunger_marketing(**{**SCENARIO, "supply": math.inf})
    assert (run["unmet"] == 0).all() and (run["buzz"] == 0).all() and (run["lost"] == 0).all()
    assert run["sales"].iloc[0] == 400 + 90 and (run["sales"].iloc[1:] == 90).all()
    assert not campaign_summary(run)["frustration_wins"]


def test_zero_frustration_means_nobody_leaves():
    run = hunger_marketing(**{**SCENARIO, "frustration": 0.0})
    assert (run["lost"] == 0).all() and (run["cum_lost"] == 0).all()
    assert (run["waiting"] == run["unmet"]).all()


@pytest.mark.parametrize("market", [math.inf, 2500.0])
@pytest.mark.parametrize("frustration", [0.0, 0.1, 0.6, 1.0])
def test_conservation_every_week(market, frustration):
    run = hunger_marketing(**{**SCENARIO, "market": market, "frustration": frustration})
    np.testing.assert_allclose(run["cum_buyers"] + run["waiting"] + run["cum_lost"], run["total_prospects"])
    np.testing.assert_allclose(run["sales"] + run["unmet"], run["demand"])
    np.testing.assert_allclose(run["base_arrivals"] + run["buzz_arrivals"], run["new_prospects"])
    if math.isfinite(market):
        np.testing.assert_allclose(run["total_prospects"] + run["untouched"], market)
        assert (run["untouched"] >= -1e-9).all()


def test_finite_market_is_used_up_and_the_queue_drains():
    run = hunger_marketing(weeks=300, supply=100, base_arrivals=150, buzz_gain=0.2, buzz_decay=0.3,
                           frustration=0.1, market=3000, initial_waiting=500)
    assert run["untouched"].iloc[-1] < 1 and run["waiting"].iloc[-1] < 1e-6
    assert run["cum_buyers"].iloc[-1] + run["cum_lost"].iloc[-1] == pytest.approx(3000, abs=1)


def _scenario(**changes):
    return hunger_marketing(**{**SCENARIO, **changes})


@pytest.mark.parametrize("column", ["unmet", "waiting", "buzz", "demand", "cum_buyers"])
def test_more_frustration_never_raises_the_queue(column):
    # no market limit: a higher f shrinks the waiting list, so next week's demand, unmet demand
    # and buzz can only be lower (by induction on the weeks)
    runs = [_scenario(frustration=f)[column] for f in (0.0, 0.2, 0.5, 0.9)]
    for low_f, high_f in zip(runs, runs[1:]):
        assert (high_f <= low_f + 1e-9).all()


@pytest.mark.parametrize("column", ["unmet", "waiting", "buzz", "cum_lost"])
def test_more_supply_never_raises_unmet_demand_or_losses(column):
    runs = [_scenario(supply=s)[column] for s in (50, 100, 150, 400)]
    for small, big in zip(runs, runs[1:]):
        assert (big <= small + 1e-9).all()


@pytest.mark.parametrize("column", ["new_prospects", "demand", "unmet", "cum_lost", "cum_buyers"])
def test_more_buzz_gain_never_lowers_demand(column):
    runs = [_scenario(buzz_gain=g)[column] for g in (0.0, 0.05, 0.1, 0.3)]
    for weak, strong in zip(runs, runs[1:]):
        assert (strong >= weak - 1e-9).all()


def test_break_even_closed_form():
    assert break_even_frustration(0.1, 0.25) == pytest.approx(0.4)
    assert break_even_frustration(0.0, 0.5) == 0.0
    assert break_even_frustration(0.3, 0.2) == pytest.approx(1.5)


def test_net_buzz_accounting_identity_without_market_limit():
    # each week's unmet demand U_s brings g(1 - (1-d)^(T-s))/d prospects inside the horizon and loses f U_s
    g, d, f, weeks = 0.08, 0.4, 0.3, 30
    run = hunger_marketing(weeks=weeks, supply=100, base_arrivals=110, buzz_gain=g, buzz_decay=d,
                           frustration=f, initial_waiting=300, market=math.inf)
    s = run["week"].to_numpy()
    u = run["unmet"].to_numpy()
    expected = float(np.sum(u * (g * (1 - (1 - d) ** (weeks - s)) / d - f)))
    assert campaign_summary(run)["net_buzz"] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("g,d", [(0.05, 0.5), (0.1, 0.25), (0.2, 0.8)])
def test_frustration_above_break_even_always_wins(g, d):
    f_star = break_even_frustration(g, d)
    for market in (math.inf, 3000.0):
        for weeks in (5, 52):
            run = hunger_marketing(weeks=weeks, supply=60, base_arrivals=80, buzz_gain=g, buzz_decay=d,
                                   frustration=min(f_star + 0.02, 1.0), market=market, initial_waiting=200)
            assert campaign_summary(run)["frustration_wins"]


def test_simulated_boundary_approaches_closed_form_when_the_queue_empties():
    # supply above base arrivals: the sold-out phase ends, so over a long horizon all buzz counts
    d = 0.5
    grid = frustration_region(np.round(np.arange(0.0, 1.0001, 0.01), 2), [0.1, 0.2, 0.3], weeks=400,
                              supply=100, base_arrivals=60, buzz_decay=d, initial_waiting=150,
                              market=math.inf)
    for g, rows in grid.groupby("buzz_gain"):
        lowest_winning = rows.loc[rows["frustration_wins"], "frustration"].min()
        assert g / d <= lowest_winning <= g / d + 0.011


def test_finite_horizon_boundary_lies_at_or_below_the_line():
    grid = frustration_region(weeks=26, supply=100, base_arrivals=120, buzz_decay=0.3, market=4000,
                              initial_waiting=500)
    above = grid["frustration"] > grid["break_even"]
    assert grid.loc[above, "frustration_wins"].all()
    assert grid["frustration_wins"].sum() > above.sum()   # it also wins a little below the line


def test_steady_state_matches_long_simulation():
    a, s, f, g, d = 120.0, 100.0, 0.5, 0.05, 0.25
    u_star = steady_state_unmet(a, s, f, g, d)
    assert u_star == pytest.approx(20 / 0.3)
    run = hunger_marketing(weeks=400, supply=s, base_arrivals=a, buzz_gain=g, buzz_decay=d, frustration=f,
                           market=math.inf, initial_waiting=0)
    assert run["unmet"].iloc[-1] == pytest.approx(u_star, rel=1e-6)
    assert run["waiting"].iloc[-1] == pytest.approx((1 - f) * u_star, rel=1e-6)
    assert run["lost"].iloc[-1] == pytest.approx(a + g * u_star / d - s, rel=1e-6)  # in = out


def test_steady_state_regimes():
    assert steady_state_unmet(80, 100, 0.5) == 0.0
    assert steady_state_unmet(120, 100, 0.1, 0.1, 0.5) == math.inf
    assert math.isnan(steady_state_unmet(80, 100, 0.1, 0.1, 0.5))


def test_region_grid_shape_and_defaults():
    grid = frustration_region()
    assert len(grid) == 21 * 21
    assert set(grid.columns) == {"frustration", "buzz_gain", "buzz_arrivals", "lost", "net_buzz",
                                 "break_even", "frustration_wins", "buzz_decay"}
    assert (grid["buzz_decay"] == 0.3).all()
    no_buzz = grid[(grid["buzz_gain"] == 0) & (grid["frustration"] > 0)]
    assert no_buzz["frustration_wins"].all()


def test_summary_counts_weeks_sold_out():
    run = hunger_marketing(weeks=4, supply=30, base_arrivals=0, buzz_gain=0, initial_waiting=100,
                           frustration=0.5, market=math.inf)
    summary = campaign_summary(run)
    assert summary["weeks_sold_out"] == 2 and summary["lost"] == 37.5 and summary["buyers"] == 62.5
    assert summary["lost_share"] == pytest.approx(0.375)


def test_supply_list_is_not_changed():
    supply = [10.0, 20.0, 30.0]
    arr = np.array(supply)
    hunger_marketing(weeks=3, supply=arr, initial_waiting=50)
    hunger_marketing(weeks=3, supply=supply)
    assert supply == [10.0, 20.0, 30.0] and arr.tolist() == supply


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(weeks=0), ValueError, "weeks must be 1 or more"),
    (dict(weeks=2.5), TypeError, "weeks must be a whole number"),
    (dict(weeks=True), TypeError, "weeks"),
    (dict(supply=-1), ValueError, "supply must be >= 0"),
    (dict(supply="100"), TypeError, "supply must be a number"),
    (dict(weeks=3, supply=[1, 2]), ValueError, "supply must be one number or 3 numbers"),
    (dict(weeks=2, supply=[1, float("nan")]), ValueError, "supply must be >= 0"),
    (dict(base_arrivals=-5), ValueError, "base_arrivals must be >= 0"),
    (dict(base_arrivals=None), TypeError, "base_arrivals must be a number"),
    (dict(buzz_gain=float("nan")), ValueError, "buzz_gain must not be NaN"),
    (dict(buzz_decay=0), ValueError, "buzz_decay must be > 0"),
    (dict(buzz_decay=1.5), ValueError, "buzz_decay must be <= 1"),
    (dict(frustration=1.2), ValueError, "frustration must be <= 1"),
    (dict(frustration=-0.1), ValueError, "frustration must be >= 0"),
    (dict(market=0), ValueError, "market must be > 0"),
    (dict(initial_waiting=math.inf), ValueError, "initial_waiting must be finite"),
    (dict(market=100, initial_waiting=200), ValueError, "initial_waiting .* cannot exceed market"),
])
def test_bad_input_is_named(kwargs, error, match):
    with pytest.raises(error, match=match):
        hunger_marketing(**kwargs)


def test_other_functions_reject_bad_input():
    with pytest.raises(TypeError, match="result must be a DataFrame"):
        campaign_summary([1, 2])
    with pytest.raises(ValueError, match="missing column"):
        campaign_summary(pd.DataFrame({"week": [1]}))
    with pytest.raises(ValueError, match="empty"):
        campaign_summary(hunger_marketing(weeks=2).iloc[0:0])
    with pytest.raises(ValueError, match="buzz_decay must be > 0"):
        break_even_frustration(0.1, 0.0)
    with pytest.raises(ValueError, match="frustration must be <= 1"):
        steady_state_unmet(100, 80, 2.0)
    with pytest.raises(ValueError, match="frustration must hold at least one value"):
        frustration_region([], [0.1])
    with pytest.raises(TypeError, match="buzz_gain must be a list"):
        frustration_region([0.1], "high")
    with pytest.raises(ValueError, match="frustration must be <= 1"):
        frustration_region([0.5, 1.5], [0.1])


# --- price ---------------------------------------------------------------------------------------

from helpers.hunger_marketing import PRICE_COLUMNS, price_comparison, priced_campaign, willing_share  # noqa: E402


def test_willing_share_is_linear_and_hits_both_ends():
    assert willing_share(0, 250) == 1.0
    assert willing_share(250, 250) == 0.0
    assert willing_share(100, 250) == pytest.approx(0.6)


def test_hand_worked_one_week_price():
    # 100 waiting, half willing at 50 of 100; 30 phones: 30 buy, 20 miss, the 30th keenest pays 70
    run = priced_campaign(50, top_value=100, unit_cost=20, reseller_share=0.5, weeks=1, supply=30,
                          base_arrivals=0, initial_waiting=100, market=math.inf, frustration=0.5)
    row = run.iloc[0]
    assert list(run.columns) == list(COLUMNS) + list(PRICE_COLUMNS)
    assert (row["demand"], row["sales"], row["unmet"], row["lost"]) == (50, 30, 20, 10)
    assert row["revenue"] == 1500 and row["margin"] == 900
    assert row["clearing_price"] == pytest.approx(70) and row["reseller_premium"] == pytest.approx(20)
    assert row["reseller_profit"] == pytest.approx(0.5 * 30 * 20)


def test_price_zero_reproduces_the_model_without_price():
    plain = hunger_marketing(**SCENARIO)
    priced = priced_campaign(0, top_value=300, **SCENARIO)
    pd.testing.assert_frame_equal(priced[list(COLUMNS)], plain)
    assert (priced["revenue"] == 0).all()


def test_price_at_top_value_sells_nothing():
    run = priced_campaign(250, top_value=250, weeks=5, market=5000.0)
    assert (run["sales"] == 0).all() and (run["reseller_premium"] == 0).all()
    assert (run["cum_revenue"] == 0).all()


def test_no_scarcity_means_no_premium_and_no_frustration():
    run = priced_campaign(120, top_value=250, reseller_share=1.0, supply=math.inf)
    assert (run["reseller_premium"] == 0).all() and (run["reseller_profit"] == 0).all()
    assert run["cum_lost"].iloc[-1] == 0


def test_premium_closed_form_every_week():
    run = priced_campaign(140, top_value=250, **SCENARIO)
    expected = (250 - 140) * run["unmet"] / run["demand"]
    np.testing.assert_allclose(run["reseller_premium"], expected)
    assert (run["clearing_price"] <= 250 + 1e-9).all()


def test_revenue_maximising_price_without_scarcity_is_half_the_top_value():
    # one sale, no buzz, unlimited supply: revenue p * N * (1 - p / top) peaks at top / 2,
    # margin (p - c) * N * (1 - p / top) at (top + c) / 2
    prices = np.arange(0, 251, 5)
    table = price_comparison(prices, top_value=250, unit_cost=50, supplies=[math.inf], weeks=1,
                             base_arrivals=0, buzz_gain=0, initial_waiting=1000, market=math.inf)
    assert table.loc[table["revenue"].idxmax(), "price"] == 125
    assert table.loc[table["margin"].idxmax(), "price"] == 150


def test_scarcity_raises_the_revenue_maximising_price():
    # 1,000 prospects, 200 phones: while scarcity binds, revenue is p * 200, so raise p until
    # exactly 200 are willing: p = top * (1 - 200 / 1000) = 200
    prices = np.arange(0, 251, 5)
    table = price_comparison(prices, top_value=250, supplies=[200.0], weeks=1, base_arrivals=0,
                             buzz_gain=0, initial_waiting=1000, market=math.inf)
    assert table.loc[table["revenue"].idxmax(), "price"] == 200
    at_best = table.set_index("price").loc[200]
    assert at_best["mean_premium"] == pytest.approx(0) and at_best["lost"] == pytest.approx(0)


def test_cheaper_scarce_phones_mean_a_larger_premium_and_more_frustration():
    table = price_comparison([100, 150, 200], top_value=250, supplies=[100.0])
    assert table["mean_premium"].is_monotonic_decreasing
    assert table["lost"].is_monotonic_decreasing
    assert table["buyers"].is_monotonic_decreasing


def test_price_comparison_rows_and_supplies():
    table = price_comparison([100, 150], top_value=250, supplies=[100.0, math.inf], weeks=10)
    assert len(table) == 4
    assert table["supply"].tolist() == [100.0, math.inf, 100.0, math.inf]
    assert (table.loc[table["supply"] == math.inf, "lost"] == 0).all()


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(price=300, top_value=250), ValueError, "price"),
    (dict(price=-1, top_value=250), ValueError, "price"),
    (dict(price="100", top_value=250), TypeError, "price"),
    (dict(price=100, top_value=0), ValueError, "top_value"),
    (dict(price=100, top_value=250, unit_cost=-5), ValueError, "unit_cost"),
    (dict(price=100, top_value=250, reseller_share=1.5), ValueError, "reseller_share"),
    (dict(price=100, top_value=250, frustration=2), ValueError, "frustration"),
])
def test_priced_campaign_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        priced_campaign(kwargs.pop("price"), **kwargs)


def test_price_comparison_rejects_bad_grids():
    with pytest.raises(ValueError, match="prices"):
        price_comparison([], top_value=250)
    with pytest.raises(TypeError, match="prices"):
        price_comparison("cheap", top_value=250)
    with pytest.raises(TypeError, match="supplies"):
        price_comparison([100], top_value=250, supplies=None)
