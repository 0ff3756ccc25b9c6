"""The synthetic acquisition campaign, response analysis, gains and lift."""
import numpy as np
import pandas as pd
import pytest

from helpers import campaigns


def test_response_model_is_the_documented_logistic():
    p = pd.DataFrame({"age": [25, 30, 20], "student": [False, True, True], "city_tier": [1, 3, 2],
                      "miui_user": [False, True, False], "forum_visits": [0, 4, 1],
                      "weibo_follower": [False, False, True]})
    c = campaigns.RESPONSE_COEFFICIENTS
    z = np.array([c["intercept"],
                  c["intercept"] + c["miui_user"] + c["student"] + c["forum"] * np.log(5) + 5 * c["age_per_year"] + c["tier_3"],
                  c["intercept"] + c["student"] + c["weibo_follower"] + c["forum"] * np.log(2) - 5 * c["age_per_year"] + c["tier_2"]])
    assert campaigns.response_probability(p).to_numpy() == pytest.approx(1 / (1 + np.exp(-z)), rel=1e-12)
    assert campaigns.response_probability(p, {"intercept": 0.0}).iloc[0] == pytest.approx(0.5)


def test_simulated_responses_follow_the_model():
    camp = campaigns.simulate_campaign(20000, seed=7)
    assert camp.equals(campaigns.simulate_campaign(20000, seed=7))
    assert not camp["responded"].equals(campaigns.simulate_campaign(20000, seed=8)["responded"])
    expected = camp["response_probability"].sum()
    sd = np.sqrt((camp["response_probability"] * (1 - camp["response_probability"])).sum())
    assert abs(camp["responded"].sum() - expected) < 4 * sd
    rates = campaigns.response_rates(camp, "miui_user")
    assert rates.loc[True, "response_rate"] > 3 * rates.loc[False, "response_rate"]


def brute_gains(scores, outcome, bins):
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    n = len(scores)
    rows = []
    for g in range(1, bins + 1):
        members = [order[k] for k in range(n) if k * bins // n + 1 == g]
        rows.append((len(members), sum(outcome[i] for i in members)))
    return rows


def test_gains_table_against_brute_force():
    rng = np.random.default_rng(1)
    s = rng.random(103).round(1)                  # many ties
    o = (rng.random(103) < s).astype(int)
    g = campaigns.gains_table(s, o, bins=7)
    brute = brute_gains(list(s), list(o), 7)
    assert list(zip(g["prospects"], g["responders"])) == brute
    assert g["cum_gain"].iloc[-1] == pytest.approx(1.0) and g["cum_lift"].iloc[-1] == pytest.approx(1.0)
    assert (g["prospects"] * g["lift"]).sum() / len(s) == pytest.approx(1.0)


def test_perfect_and_random_rankings():
    o = np.array([1] * 20 + [0] * 180)
    perfect = campaigns.gains_table(o.astype(float), o)
    assert perfect.loc[1, "cum_gain"] == 1.0 and perfect.loc[1, "lift"] == pytest.approx(10.0)
    assert campaigns.top_share_lift(o.astype(float), o) == pytest.approx(10.0)
    rng = np.random.default_rng(2)
    y = rng.random(50000) < 0.1
    assert campaigns.top_share_lift(rng.random(50000), y) == pytest.approx(1.0, abs=0.1)


def test_inputs_are_not_changed():
    camp = campaigns.simulate_campaign(300, seed=1)
    before = camp.copy()
    campaigns.response_rates(camp, ["student", "city_tier"])
    campaigns.response_probability(camp)
    pd.testing.assert_frame_equal(camp, before)


CAMP = campaigns.simulate_campaign(200, seed=1)


@pytest.mark.parametrize("call,error,match", [
    (lambda: campaigns.simulate_campaign(0), ValueError, "n"),
    (lambda: campaigns.simulate_campaign(10.5), TypeError, "n"),
    (lambda: campaigns.simulate_campaign(10, seed=-1), ValueError, "seed"),
    (lambda: campaigns.response_probability(CAMP.drop(columns="age")), ValueError, "age"),
    (lambda: campaigns.response_probability(CAMP.iloc[:0]), ValueError, "empty"),
    (lambda: campaigns.response_probability(CAMP.values), TypeError, "prospects"),
    (lambda: campaigns.response_probability(CAMP.assign(city_tier=4)), ValueError, "city_tier"),
    (lambda: campaigns.response_probability(CAMP.assign(forum_visits=-1)), ValueError, "forum_visits"),
    (lambda: campaigns.response_probability(CAMP, {"beta": 1.0}), ValueError, "beta"),
    (lambda: campaigns.gains_table([0.1, 0.2], [1]), ValueError, "same length"),
    (lambda: campaigns.gains_table([], []), ValueError, "empty"),
    (lambda: campaigns.gains_table([0.1, np.nan], [1, 0]), ValueError, "NaN"),
    (lambda: campaigns.gains_table([0.1, 0.2], [2, 0]), ValueError, "outcome"),
    (lambda: campaigns.gains_table([0.1, 0.2], [0, 0]), ValueError, "no positive"),
    (lambda: campaigns.gains_table([0.1, 0.2], [1, 0], bins=3), ValueError, "bins"),
    (lambda: campaigns.gains_table(["a", "b"], [1, 0]), TypeError, "scores"),
    (lambda: campaigns.top_share_lift([0.1, 0.2], [1, 0], share=0), ValueError, "share"),
    (lambda: campaigns.top_share_lift([0.1, 0.2], [1, 0], share="10%"), TypeError, "share"),
    (lambda: campaigns.response_rates(CAMP, "colour"), ValueError, "colour"),
    (lambda: campaigns.response_rates(CAMP, []), ValueError, "by"),
    (lambda: campaigns.response_rates(CAMP, "student", outcome="age"), ValueError, "outcome"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()
