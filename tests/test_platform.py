"""The multi-sided platform model: closed forms without cross-side effects, hand-checked money,
the funnel as a product of rates, monotonicity, and every bad input."""
import copy

import numpy as np
import pandas as pd
import pytest

from helpers.platform import (DEFAULT_PARAMS, SIDES, conversion_funnel, no_cross, platform_params,
                              simulate_platform, steady_state, validate_params)


def isolated(**changes):
    """Parameters with every cross-side effect switched off."""
    return platform_params(cross=no_cross(), **changes)


# --- closed forms ------------------------------------------------------------------------------

@pytest.mark.parametrize("ad_load", [0.0, 0.3])
def test_without_cross_side_effects_each_side_follows_its_geometric_path(ad_load):
    p = isolated(ad_load=ad_load, attraction={"readers": 0.02, "contributors": 0.01, "advertisers": 0.03})
    out = simulate_platform(p, periods=60)
    t = np.arange(60)
    for side in SIDES:
        a, d, k, n0 = p["attraction"][side], p["churn"][side], p["market"][side], p["start"][side]
        if side == "readers":
            d += p["annoyance"] * ad_load
        q = (1 - a) * (1 - d)
        star = a * k / (a + d - a * d)
        assert star == pytest.approx(steady_state(a, d, k))
        np.testing.assert_allclose(out[side].to_numpy(), star + (n0 - star) * q ** t, rtol=1e-12)


def test_steady_state_is_a_fixed_point_and_the_path_converges_to_it():
    p = isolated(start={"readers": 0, "contributors": 2_000, "advertisers": 100})
    out = simulate_platform(p, periods=2_000)
    for side in SIDES:
        star = steady_state(p["attraction"][side], p["churn"][side] + (p["annoyance"] * p["ad_load"]
                            if side == "readers" else 0), p["market"][side])
        assert out[side].iloc[-1] == pytest.approx(star, rel=1e-9, abs=1e-9)
    p_fixed = isolated(start={"readers": steady_state(0.01, 0.04 + 0.3 * 0.2, 1_000_000),
                              "contributors": 0, "advertisers": 0})
    assert np.allclose(simulate_platform(p_fixed, 5)["readers"], p_fixed["start"]["readers"])


def test_no_attraction_and_no_churn_keeps_everyone_where_they_are():
    p = isolated(attraction={s: 0.0 for s in SIDES}, churn={s: 0.0 for s in SIDES}, annoyance=0.0)
    out = simulate_platform(p, periods=10)
    for side in SIDES:
        assert (out[side] == p["start"][side]).all()


def test_one_step_by_hand_with_cross_side_effects():
    p = platform_params(start={"readers": 100_000, "contributors": 500, "advertisers": 30})
    out = simulate_platform(p, periods=2)
    # readers: churn 0.04 + 0.3 * 0.2 = 0.10; join 0.01 + 0.15 * 500/2000 = 0.0475
    stay = 0.9 * 100_000
    assert out["readers"].iloc[1] == pytest.approx(stay + 0.0475 * (1_000_000 - stay))
    # contributors: churn 0.03; join 0.15 * 0.1 = 0.015
    stay = 0.97 * 500
    assert out["contributors"].iloc[1] == pytest.approx(stay + 0.015 * (2_000 - stay))
    # advertisers: churn 0.06; join 0.25 * 0.1 + 0.05 * 0.25 = 0.0375
    stay = 0.94 * 30
    assert out["advertisers"].iloc[1] == pytest.approx(stay + 0.0375 * (300 - stay))


def test_money_by_hand():
    p = platform_params(start={"readers": 100_000, "contributors": 500, "advertisers": 30},
                        subsidy_side="contributors", subsidy=40)
    row = simulate_platform(p, periods=1).iloc[0]
    assert row["ad_revenue"] == pytest.approx(6.0 * 0.2 * 100_000 * 30 / 300)   # 12,000
    assert row["operating_cost"] == pytest.approx(80_000 + 0.05 * 100_000 + 50 * 500 + 300 * 30)
    assert row["subsidy_cost"] == pytest.approx(40 * 500)
    assert row["profit"] == pytest.approx(12_000 - 119_000 - 20_000)
    assert row["readers_share"] == pytest.approx(0.1)


def test_cumulative_profit_is_the_running_sum():
    out = simulate_platform(None, periods=24)
    np.testing.assert_allclose(out["cumulative_profit"], out["profit"].cumsum())
    np.testing.assert_allclose(out["cost"], out["operating_cost"] + out["subsidy_cost"])
    assert list(out.index) == list(range(24)) and out.index.name == "period"


# --- ad load ---------------------------------------------------------------------------------

def test_zero_ad_load_means_no_ad_revenue_and_no_annoyance():
    calm = simulate_platform(platform_params(ad_load=0.0, annoyance=0.0), 36)
    for annoyance in (0.1, 0.5, 5.0):
        out = simulate_platform(platform_params(ad_load=0.0, annoyance=annoyance), 36)
        assert (out["ad_revenue"] == 0).all()
        pd.testing.assert_frame_equal(out, calm)


def test_more_ad_load_never_adds_readers():
    loads = np.linspace(0, 1, 11)
    finals = [simulate_platform(platform_params(ad_load=x), 36)[list(SIDES)].to_numpy() for x in loads]
    for fewer_ads, more_ads in zip(finals, finals[1:]):
        assert np.all(more_ads <= fewer_ads + 1e-9)
    assert finals[-1][-1, 0] < finals[0][-1, 0]


def test_ad_revenue_is_linear_in_ad_load_when_readers_do_not_mind():
    r1 = simulate_platform(platform_params(ad_load=0.1, annoyance=0.0), 12)["ad_revenue"]
    r3 = simulate_platform(platform_params(ad_load=0.3, annoyance=0.0), 12)["ad_revenue"]
    np.testing.assert_allclose(r3, 3 * r1)


def test_annoyed_readers_make_heavy_ad_load_a_trade_off():
    totals = [simulate_platform(platform_params(ad_load=x), 36)["cumulative_profit"].iloc[-1]
              for x in np.linspace(0, 1, 21)]
    best = int(np.argmax(totals))
    assert 0 < best < 20, "with annoyed readers neither no ads nor all ads should maximise profit"


# --- subsidies and monotonicity ---------------------------------------------------------------

@pytest.mark.parametrize("side", SIDES)
def test_subsidising_a_side_raises_that_side(side):
    plain = simulate_platform(platform_params(), 36)
    paid = simulate_platform(platform_params(subsidy_side=side, subsidy=20), 36)
    assert np.all(paid[side].to_numpy() >= plain[side].to_numpy() - 1e-9)
    assert paid[side].iloc[-1] > plain[side].iloc[-1]
    # the platform is cooperative: no other side ends up smaller
    assert np.all(paid[list(SIDES)].to_numpy() >= plain[list(SIDES)].to_numpy() - 1e-9)
    np.testing.assert_allclose(paid["subsidy_cost"], 20 * paid[side])
    assert paid["subsidy_cost"].sum() > 0 and (plain["subsidy_cost"] == 0).all()


def test_with_no_cross_side_effects_a_subsidy_helps_only_its_own_side():
    plain = simulate_platform(isolated(), 36)
    paid = simulate_platform(isolated(subsidy_side="contributors", subsidy=50), 36)
    assert paid["contributors"].iloc[-1] > plain["contributors"].iloc[-1]
    pd.testing.assert_series_equal(paid["readers"], plain["readers"])
    pd.testing.assert_series_equal(paid["advertisers"], plain["advertisers"])


def random_params(rng):
    return platform_params(
        start={s: float(rng.uniform(0, 0.3)) * DEFAULT_PARAMS["market"][s] for s in SIDES},
        attraction={s: float(rng.uniform(0, 0.05)) for s in SIDES},
        churn={s: float(rng.uniform(0, 0.2)) for s in SIDES},
        cross={i: {j: float(rng.uniform(0, 0.6)) for j in SIDES if j != i} for i in SIDES},
        ad_load=float(rng.uniform(0, 1)), annoyance=float(rng.uniform(0, 0.5)))


@pytest.mark.parametrize("seed", range(5))
def test_stronger_cross_side_effects_never_shrink_any_side(seed):
    rng = np.random.default_rng(seed)
    p = random_params(rng)
    stronger = copy.deepcopy(p)
    i, j = SIDES[seed % 3], SIDES[(seed + 1) % 3]
    stronger["cross"][i][j] += 0.2
    low = simulate_platform(p, 48)[list(SIDES)].to_numpy()
    high = simulate_platform(stronger, 48)[list(SIDES)].to_numpy()
    assert np.all(high >= low - 1e-9)
    assert high[-1, SIDES.index(i)] > low[-1, SIDES.index(i)]


@pytest.mark.parametrize("seed", range(5))
def test_more_churn_never_adds_members_and_sides_stay_within_their_market(seed):
    rng = np.random.default_rng(100 + seed)
    p = random_params(rng)
    side = SIDES[seed % 3]
    worse = copy.deepcopy(p)
    worse["churn"][side] = min(1.0, worse["churn"][side] + 0.1)
    base = simulate_platform(p, 48)
    churned = simulate_platform(worse, 48)
    assert np.all(churned[list(SIDES)].to_numpy() <= base[list(SIDES)].to_numpy() + 1e-9)
    for s in SIDES:
        assert base[s].between(0, p["market"][s] * (1 + 1e-12)).all()
        assert base[f"{s}_share"].between(0, 1 + 1e-12).all()


def test_chicken_and_egg_an_empty_platform_stays_empty_without_stand_alone_appeal():
    p = platform_params(attraction={s: 0.0 for s in SIDES}, start={s: 0 for s in SIDES})
    out = simulate_platform(p, 24)
    assert (out[list(SIDES)] == 0).all().all()
    seeded = simulate_platform(platform_params(attraction={s: 0.0 for s in SIDES}), 24)
    assert seeded["readers"].iloc[-1] > 0 and seeded["advertisers"].iloc[-1] > 0


# --- the funnel --------------------------------------------------------------------------------

def test_funnel_counts_are_traffic_times_the_product_of_rates():
    rates = {"visitors": 0.4, "engaged": 0.25, "paying": 0.1}
    f = conversion_funnel(50_000, rates)
    assert list(f.index) == ["traffic", "visitors", "engaged", "paying"]
    assert f["count"].tolist() == pytest.approx([50_000, 20_000, 5_000, 500])
    assert f.loc["paying", "rate_from_top"] == pytest.approx(0.4 * 0.25 * 0.1)
    assert f["lost"].tolist() == pytest.approx([0, 30_000, 15_000, 4_500])
    assert f["lost"].sum() + f["count"].iloc[-1] == pytest.approx(50_000)
    assert np.isnan(f.loc["traffic", "rate_from_previous"])


def test_funnel_default_stages_and_zero_rate():
    f = conversion_funnel(1_000)
    assert list(f.index) == ["traffic", "visitors", "engaged", "paying"]
    g = conversion_funnel(1_000, {"visitors": 0.5, "paying": 0.0})
    assert g["count"].tolist() == [1_000, 500, 0]


def test_funnel_does_not_change_the_callers_rates():
    rates = {"visitors": 0.3, "paying": 0.1}
    before = dict(rates)
    conversion_funnel(10, rates)
    assert rates == before


@pytest.mark.parametrize("traffic,rates,error,match", [
    (0, None, ValueError, "traffic must be > 0"),
    (-5, None, ValueError, "traffic"),
    ("100", None, TypeError, "traffic must be a number"),
    (float("nan"), None, ValueError, "traffic must be a finite"),
    (100, {"visitors": 1.2}, ValueError, r"rates\['visitors'\] must lie in \[0, 1\]"),
    (100, {"visitors": -0.1}, ValueError, r"rates\['visitors'\]"),
    (100, {}, ValueError, "at least one stage"),
    (100, [0.3, 0.1], TypeError, "rates must be a dict"),
    (100, {"traffic": 0.3}, ValueError, "top of the funnel"),
    (100, {3: 0.3}, TypeError, "stage names"),
])
def test_funnel_rejects_bad_input(traffic, rates, error, match):
    with pytest.raises(error, match=match):
        conversion_funnel(traffic, rates)


# --- parameters: validation and no mutation ------------------------------------------------------

def test_the_callers_params_are_never_changed():
    p = platform_params(subsidy_side="readers", subsidy=1.0)
    before = copy.deepcopy(p)
    simulate_platform(p, 12)
    validate_params(p)
    assert p == before
    platform_params(churn={"readers": 0.2})
    assert DEFAULT_PARAMS["churn"]["readers"] == 0.04


def test_platform_params_merges_per_side_and_per_pair():
    p = platform_params(churn={"readers": 0.2}, cross={"advertisers": {"readers": 0.5}})
    assert p["churn"] == {"readers": 0.2, "contributors": 0.03, "advertisers": 0.06}
    assert p["cross"]["advertisers"] == {"readers": 0.5, "contributors": 0.05}
    assert p["cross"]["readers"] == {"contributors": 0.15, "advertisers": 0.0}


def bad(**changes):
    p = copy.deepcopy(DEFAULT_PARAMS)
    p.update(changes)
    return p


@pytest.mark.parametrize("params,error,match", [
    ("defaults", TypeError, "params must be a dict"),
    (bad(ad_lod=0.1), ValueError, "unknown key 'ad_lod'; did you mean 'ad_load'"),
    ({k: v for k, v in DEFAULT_PARAMS.items() if k != "churn"}, ValueError, r"missing \['churn'\]"),
    (bad(ad_load=1.5), ValueError, r"ad_load must lie in \[0, 1\]"),
    (bad(ad_load=-0.1), ValueError, "ad_load must be >= 0"),
    (bad(churn={"readers": -0.1, "contributors": 0.0, "advertisers": 0.0}), ValueError, r"churn\['readers'\]"),
    (bad(churn={"readers": 1.1, "contributors": 0.0, "advertisers": 0.0}), ValueError, r"\[0, 1\]"),
    (bad(attraction={"readers": 2, "contributors": 0, "advertisers": 0}), ValueError, "attraction"),
    (bad(churn={"readers": 0.1, "contributors": 0.0}), ValueError, r"churn is missing side\(s\) \['advertisers'\]"),
    (bad(churn={"readers": 0.1, "writers": 0.0, "advertisers": 0.0}), ValueError, "churn has an unknown key 'writers'"),
    (bad(churn=0.1), TypeError, "churn must be a dict"),
    (bad(market={"readers": 0, "contributors": 1, "advertisers": 1}), ValueError, r"market\['readers'\] must be > 0"),
    (bad(start={"readers": 2_000_000, "contributors": 1, "advertisers": 1}), ValueError, "exceeds market"),
    (bad(start={"readers": -1, "contributors": 1, "advertisers": 1}), ValueError, r"start\['readers'\]"),
    (bad(cross={"readers": {"readers": 0.1}}), ValueError, "no cross-side effect on itself"),
    (bad(cross={"readers": {"contributors": -0.1}}), ValueError, r"cross\['readers'\]\['contributors'\] must be >= 0"),
    (bad(cross={"reader": {"contributors": 0.1}}), ValueError, "did you mean 'readers'"),
    (bad(cross={"readers": {"sponsors": 0.1}}), ValueError, "unknown key 'sponsors'"),
    (bad(cross=[[0.1]]), TypeError, "cross must be a dict"),
    (bad(cross={"readers": 0.1}), TypeError, r"cross\['readers'\] must be a dict"),
    (bad(subsidy_side="sponsors"), ValueError, "subsidy_side must be one of"),
    (bad(subsidy=10.0), ValueError, "subsidy_side is None"),
    (bad(subsidy=-1.0, subsidy_side="readers"), ValueError, "subsidy must be >= 0"),
    (bad(fixed_cost=-1.0), ValueError, "fixed_cost must be >= 0"),
    (bad(ad_price=float("nan")), ValueError, "ad_price must be a finite"),
    (bad(annoyance="high"), TypeError, "annoyance must be a number"),
    (bad(ad_load=True), TypeError, "ad_load must be a number"),
    (bad(serving_cost={"readers": -0.1, "contributors": 1, "advertisers": 1}), ValueError, "serving_cost"),
    (bad(subsidy_response={"readers": -0.1, "contributors": 1, "advertisers": 1}), ValueError, "subsidy_response"),
])
def test_bad_params_are_rejected_with_a_clear_message(params, error, match):
    with pytest.raises(error, match=match):
        simulate_platform(params, 12)


@pytest.mark.parametrize("periods", [0, -3, 2.5, "12", True, None])
def test_bad_periods_are_rejected(periods):
    with pytest.raises(ValueError, match="periods must be a whole number"):
        simulate_platform(None, periods)


def test_platform_params_rejects_unknown_keys_and_bad_values():
    with pytest.raises(ValueError, match="unknown key 'subsidie'; did you mean"):
        platform_params(subsidie=3)
    with pytest.raises(ValueError, match=r"churn\['readers'\]"):
        platform_params(churn={"readers": -0.5})


@pytest.mark.parametrize("args,match", [((0, 0, 100), "both 0"), ((0.1, 0.1, 0), "market must be > 0"),
                                        ((1.5, 0.1, 10), "attraction must lie"), ((0.1, -1, 10), "churn")])
def test_steady_state_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        steady_state(*args)
