"""Markov chains of customer stages: closed forms, simulation limits and bad input."""
import numpy as np
import pandas as pd
import pytest

from helpers import markov
from helpers.lifecycle import STAGES
from helpers.markov import (expected_time_to_absorption, fundamental_matrix, intervene, markov_clv,
                            propagate, renewal_chain, simulate_cohort, stationary_distribution,
                            transition_counts, transition_matrix)
from helpers.value import simple_clv


def retention_chain(r):
    """Alive (stays with probability r) and lost (absorbing)."""
    return pd.DataFrame([[r, 1 - r], [0.0, 1.0]], index=["alive", "lost"], columns=["alive", "lost"])


#: A documented five-stage chain used throughout (monthly; not estimated from data).
STAGE_P = pd.DataFrame([
    [0.70, 0.15, 0.00, 0.10, 0.05],
    [0.00, 0.80, 0.12, 0.06, 0.02],
    [0.00, 0.00, 0.93, 0.06, 0.01],
    [0.00, 0.05, 0.05, 0.75, 0.15],
    [0.00, 0.00, 0.00, 0.00, 1.00],
], index=list(STAGES), columns=list(STAGES))


# --- closed forms -------------------------------------------------------------------------------

@pytest.mark.parametrize("r,d", [(0.8, 0.12), (0.6, 0.1), (0.9, 0.01), (0.0, 0.05), (0.5, 0.0)])
def test_retention_chain_clv_is_current_margin_plus_simple_clv(r, d):
    # markov_clv counts this period's margin at t = 0 (Pfeifer & Carraway); simple_clv starts at t = 1
    m = 100.0
    V = markov_clv(retention_chain(r), {"alive": m, "lost": 0.0}, d)
    assert V["alive"] == pytest.approx(m + simple_clv(m, r, d), rel=1e-12)
    assert V["alive"] == pytest.approx(m * (1 + d) / (1 + d - r), rel=1e-12)
    assert V["lost"] == 0.0


@pytest.mark.parametrize("horizon", [1, 2, 5, 40])
def test_finite_horizon_clv_matches_the_finite_simple_clv(horizon):
    V = markov_clv(retention_chain(0.85).to_numpy(), [50.0, 0.0], 0.1, horizon=horizon)
    assert V[0] == pytest.approx(50.0 + simple_clv(50.0, 0.85, 0.1, periods=horizon), rel=1e-12)


def test_horizon_zero_is_just_the_current_reward_and_long_horizons_reach_the_limit():
    R = {s: v for s, v in zip(STAGES, [10.0, 40.0, 80.0, 15.0, 0.0])}
    assert markov_clv(STAGE_P, R, 0.01, horizon=0).tolist() == [10.0, 40.0, 80.0, 15.0, 0.0]
    np.testing.assert_allclose(markov_clv(STAGE_P, R, 0.01, horizon=3000), markov_clv(STAGE_P, R, 0.01),
                               rtol=1e-9)


@pytest.mark.parametrize("r", [0.0, 0.5, 0.8, 0.95])
def test_geometric_lifetime_is_one_over_one_minus_r(r):
    t = expected_time_to_absorption(retention_chain(r), absorbing=["lost"])
    assert list(t.index) == ["alive"]
    assert t["alive"] == pytest.approx(1 / (1 - r))


def test_three_state_absorption_times_by_hand():
    # t0 = 1 + .5 t0 + .3 t1 and t1 = 1 + .1 t0 + .6 t1 give t0 = 70/17, t1 = 60/17
    P = np.array([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(expected_time_to_absorption(P, absorbing=[2]), [70 / 17, 60 / 17])
    Q = P[:2, :2]
    np.testing.assert_allclose(fundamental_matrix(P), np.linalg.inv(np.eye(2) - Q))


def test_absorption_time_agrees_with_simulated_lifetimes():
    paths = simulate_cohort(STAGE_P, "exploration", 400, n=20_000, seed=7, paths=True)
    lifetimes = (paths != "churned").sum(axis=1)
    assert (paths[400] == "churned").mean() > 0.999
    expected = expected_time_to_absorption(STAGE_P)["exploration"]
    se = lifetimes.std() / np.sqrt(len(lifetimes))
    assert abs(lifetimes.mean() - expected) < 4 * se


@pytest.mark.parametrize("a,b", [(0.1, 0.5), (0.3, 0.3), (0.02, 0.9)])
def test_two_state_stationary_distribution(a, b):
    P = [[1 - a, a], [b, 1 - b]]
    np.testing.assert_allclose(stationary_distribution(P), [b / (a + b), a / (a + b)], rtol=1e-12)


def test_stationary_distribution_of_an_absorbing_chain_is_all_churned():
    pi = stationary_distribution(STAGE_P)
    assert pi["churned"] == pytest.approx(1.0) and pi.drop("churned").abs().max() < 1e-12


def test_renewal_steady_state_is_proportional_to_expected_visits():
    # in a base that replaces every lost customer, the long-run share of a stage is proportional to
    # the time a newcomer spends there (fundamental matrix row), the churned slot counting once
    pi = stationary_distribution(renewal_chain(STAGE_P))
    visits = fundamental_matrix(STAGE_P).loc["exploration"]
    visits["churned"] = 1.0
    np.testing.assert_allclose(pi, visits / visits.sum(), rtol=1e-10)
    assert STAGE_P.loc["churned", "churned"] == 1.0   # not changed


def test_more_than_one_closed_class_is_refused():
    with pytest.raises(ValueError, match="not unique"):
        stationary_distribution(np.eye(2))


# --- Pfeifer & Carraway's recency (migration) model --------------------------------------------

def recency_chain(p):
    """States 1..k+1 = periods since the last purchase; buy with p[i] -> 1, else -> i + 1; the
    last state (a former customer) is absorbing, as in Pfeifer & Carraway's migration example."""
    k = len(p) + 1
    P = np.zeros((k, k))
    for i, pi in enumerate(p):
        P[i, 0] += pi
        P[i, i + 1] += 1 - pi
    P[-1, -1] = 1.0
    return P


def test_recency_model_clv_matches_first_step_analysis():
    # Pfeifer & Carraway's migration example has this structure: the state is the recency (periods
    # since the last purchase), a customer of recency k buys with probability p_k and returns to
    # recency 1, the last state is a former customer; the reward of recency 1 is the net
    # contribution of the purchase minus the marketing cost, NC - M, of recency 2..k it is -M, of
    # the former customer 0. The parameter values here are illustrative. The first-step recursion
    #   V_k = R_k + (p_k V_1 + (1 - p_k) V_{k+1}) / (1 + d),  V_{last} = 0
    # is solved by hand as V_k = a_k + b_k V_1, without any matrix inverse.
    p, contribution, mailing, d = [0.30, 0.20, 0.15, 0.05], 40.0, 4.0, 0.20
    P = recency_chain(p)
    R = np.array([contribution - mailing] + [-mailing] * (len(p) - 1) + [0.0])
    beta = 1 / (1 + d)
    a, b = 0.0, 0.0
    coeffs = []
    for k in reversed(range(len(p))):
        a = R[k] + beta * (1 - p[k]) * a
        b = beta * p[k] + beta * (1 - p[k]) * b
        coeffs.append((a, b))
    coeffs.reverse()
    V1 = coeffs[0][0] / (1 - coeffs[0][1])
    expected = [ak + bk * V1 for ak, bk in coeffs] + [0.0]
    np.testing.assert_allclose(markov_clv(P, R, d), expected, rtol=1e-12)


def test_markov_clv_agrees_with_a_long_discounted_simulation():
    R = pd.Series([10.0, 40.0, 80.0, 15.0, 0.0], index=list(STAGES))
    d = 0.02
    paths = simulate_cohort(STAGE_P, "exploration", 300, n=20_000, seed=3, paths=True)
    rewards = paths.apply(lambda col: col.map(R)).to_numpy()
    pv = (rewards / (1 + d) ** np.arange(301)).sum(axis=1)
    se = pv.std() / np.sqrt(len(pv))
    assert abs(pv.mean() - markov_clv(STAGE_P, R, d)["exploration"]) < 4 * se


# --- cohorts ------------------------------------------------------------------------------------

def test_simulated_shares_converge_to_p_to_the_t():
    n = 200_000
    counts = simulate_cohort(STAGE_P, "exploration", 12, n=n, seed=11)
    exact = propagate(STAGE_P, "exploration", 12)
    np.testing.assert_allclose(exact.loc[12], np.linalg.matrix_power(STAGE_P.to_numpy(), 12)[0])
    assert (counts.sum(axis=1) == n).all()
    # 5 standard errors of a share at most 0.5: 5 * 0.5 / sqrt(n) = 0.0056
    assert (counts / n - exact).abs().to_numpy().max() < 5 * 0.5 / np.sqrt(n)


def test_simulation_is_seed_deterministic():
    a = simulate_cohort(STAGE_P, "exploration", 24, n=500, seed=42)
    b = simulate_cohort(STAGE_P, "exploration", 24, n=500, seed=42)
    c = simulate_cohort(STAGE_P, "exploration", 24, n=500, seed=43)
    assert a.equals(b) and not a.equals(c)
    paths = simulate_cohort(STAGE_P, "exploration", 24, n=500, seed=42, paths=True)
    recount = paths.apply(lambda col: col.value_counts()).T.reindex(columns=list(STAGES)).fillna(0)
    np.testing.assert_array_equal(recount.to_numpy(), a.to_numpy())


def test_simulation_from_a_starting_mix():
    counts = simulate_cohort(STAGE_P, {"exploration": 0.5, "stability": 0.5}, 0, n=100_000, seed=1)
    assert counts.loc[0, "exploration"] / 1e5 == pytest.approx(0.5, abs=0.01)
    assert counts.loc[0, ["formation", "decline", "churned"]].sum() == 0


# --- estimation ---------------------------------------------------------------------------------

def panel_from_paths(paths):
    long = paths.stack().rename("stage").reset_index()
    long.columns = ["customer_id", "period", "stage"]
    return long


def test_estimate_recovers_the_true_matrix_from_simulated_paths():
    paths = simulate_cohort(STAGE_P, "exploration", 60, n=5000, seed=5, paths=True)
    panel = panel_from_paths(paths)
    est = transition_matrix(panel)
    assert list(est.index) == list(STAGES) == list(est.columns)
    np.testing.assert_allclose(est.sum(axis=1), 1.0)
    assert (est - STAGE_P).abs().to_numpy().max() < 0.02
    # the same moves written as sequences give the same estimate, whatever the row order
    seqs = paths.to_numpy().tolist()
    pd.testing.assert_frame_equal(transition_matrix(seqs), est)
    shuffled = panel.sample(frac=1.0, random_state=0)
    pd.testing.assert_frame_equal(transition_matrix(shuffled), est)


def test_counts_and_absorbing_row():
    seqs = [["exploration", "formation", "churned", "formation"], ["exploration", "decline", "churned"]]
    counts = transition_counts(seqs)
    assert counts.loc["exploration"].tolist() == [0, 1, 1, 0]
    assert counts.loc["churned", "formation"] == 1          # seen in the data...
    P = transition_matrix(seqs)
    assert P.loc["churned"].tolist() == [0.0, 0.0, 0.0, 1.0]  # ...but churned stays absorbing
    assert list(P.index) == ["exploration", "formation", "decline", "churned"]


def test_estimation_does_not_change_the_panel():
    panel = pd.DataFrame({"customer_id": [2, 1, 1, 2, 2], "period": [1, 2, 1, 0, 2],
                          "stage": ["formation", "churned", "exploration", "exploration", "churned"]})
    before = panel.copy()
    P = transition_matrix(panel)
    pd.testing.assert_frame_equal(panel, before)
    assert P.loc["exploration", "churned"] == 0.5 and P.loc["formation", "churned"] == 1.0


def test_custom_states():
    P = transition_matrix([["a", "a", "b"]], states=["a", "b"], absorbing=["b"])
    assert P.to_numpy().tolist() == [[0.5, 0.5], [0.0, 1.0]]


# --- interventions ------------------------------------------------------------------------------

def test_cutting_moves_into_decline_and_churn_lengthens_life_and_raises_value():
    R = dict(zip(STAGES, [10.0, 40.0, 80.0, 15.0, 0.0]))
    before = STAGE_P.copy()
    new = intervene(STAGE_P, into_decline=0.5, decline_to_churn=0.4, rescued_to="stability")
    pd.testing.assert_frame_equal(STAGE_P, before)
    np.testing.assert_allclose(new.sum(axis=1), 1.0)
    assert new.loc["stability", "decline"] == pytest.approx(0.03)
    assert new.loc["stability", "stability"] == pytest.approx(0.96)
    assert new.loc["decline", "churned"] == pytest.approx(0.09)
    assert new.loc["decline", "stability"] == pytest.approx(0.11)
    assert (expected_time_to_absorption(new) > expected_time_to_absorption(STAGE_P)).all()
    assert (markov_clv(new, R, 0.01).drop("churned") > markov_clv(STAGE_P, R, 0.01).drop("churned")).all()
    pd.testing.assert_frame_equal(intervene(STAGE_P), STAGE_P)


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("P,match", [
    ([[0.5, 0.5, 0.0], [0.0, 1.0, 0.0]], "square"),
    ([0.5, 0.5], "square"),
    ([[0.5, 0.4], [0.0, 1.0]], "sum to 1"),
    ([[1.2, -0.2], [0.0, 1.0]], "negative"),
    ([[np.nan, 1.0], [0.0, 1.0]], "NaN"),
    (pd.DataFrame([[0.5, 0.5], [0, 1]], index=["a", "b"], columns=["a", "c"]), "unknown state labels"),
    (pd.DataFrame(), "empty"),
])
@pytest.mark.parametrize("fn", [stationary_distribution, expected_time_to_absorption,
                                lambda P: simulate_cohort(P, 0, 2, 10, seed=0),
                                lambda P: markov_clv(P, [1.0, 0.0], 0.1)])
def test_bad_matrices_are_refused(fn, P, match):
    with pytest.raises(ValueError, match=match):
        fn(P)


def test_non_matrix_types_are_refused():
    with pytest.raises(TypeError, match="DataFrame labelled by state or a NumPy array"):
        stationary_distribution("P")
    with pytest.raises(TypeError, match="numbers"):
        stationary_distribution(pd.DataFrame([["x", "y"], ["x", "y"]], index=["a", "b"], columns=["a", "b"]))


def test_absorbing_state_that_is_not_absorbing():
    with pytest.raises(ValueError, match="'decline' is not absorbing"):
        expected_time_to_absorption(STAGE_P, absorbing=["decline"])
    with pytest.raises(ValueError, match="unknown state 'lost'"):
        expected_time_to_absorption(STAGE_P, absorbing=["lost"])
    with pytest.raises(ValueError, match="no absorbing state"):
        expected_time_to_absorption([[0.5, 0.5], [0.5, 0.5]])
    with pytest.raises(ValueError, match="not an absorbing chain"):
        expected_time_to_absorption([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.0, 0.5, 0.5]], absorbing=[0])


@pytest.mark.parametrize("discount", [-0.1, 1.0, 1.5])
def test_discount_out_of_range(discount):
    with pytest.raises(ValueError, match="discount must lie in"):
        markov_clv(retention_chain(0.8), [1.0, 0.0], discount)


def test_bad_rewards_and_discount_types():
    P = retention_chain(0.8)
    with pytest.raises(ValueError, match="unknown state labels"):
        markov_clv(P, {"alive": 1.0, "lost": 0.0, "gone": 0.0}, 0.1)
    with pytest.raises(ValueError, match="no reward given"):
        markov_clv(P, {"alive": 1.0}, 0.1)
    with pytest.raises(ValueError, match="one value per state"):
        markov_clv(P, [1.0, 0.0, 0.0], 0.1)
    with pytest.raises(TypeError, match="discount must be a number"):
        markov_clv(P, [1.0, 0.0], "10%")
    with pytest.raises(ValueError, match="infinite"):
        markov_clv(P, [1.0, 5.0], 0.0)
    with pytest.raises(ValueError, match="horizon"):
        markov_clv(P, [1.0, 0.0], 0.1, horizon=-1)


def test_bad_simulation_arguments():
    with pytest.raises(ValueError, match="unknown state 'vip'"):
        simulate_cohort(STAGE_P, "vip", 5, 10, seed=0)
    with pytest.raises(ValueError, match="unknown state labels"):
        simulate_cohort(STAGE_P, {"vip": 1.0}, 5, 10, seed=0)
    with pytest.raises(ValueError, match="summing to 1"):
        simulate_cohort(STAGE_P, {"exploration": 0.5}, 5, 10, seed=0)
    with pytest.raises(ValueError, match="n must be"):
        simulate_cohort(STAGE_P, "exploration", 5, 0, seed=0)
    with pytest.raises(ValueError, match="periods must be"):
        simulate_cohort(STAGE_P, "exploration", 2.5, 10, seed=0)
    with pytest.raises(ValueError, match="seed"):
        simulate_cohort(STAGE_P, "exploration", 5, 10, seed=-1)


def test_bad_panels_and_sequences():
    good = pd.DataFrame({"customer_id": [1, 1], "period": [0, 1], "stage": ["exploration", "churned"]})
    with pytest.raises(ValueError, match=r"missing column\(s\) \['stage'\]"):
        transition_matrix(good.rename(columns={"stage": "phase"}))
    with pytest.raises(ValueError, match="empty"):
        transition_matrix(good.iloc[0:0])
    with pytest.raises(ValueError, match="'customer_id' has missing values"):
        transition_matrix(good.assign(customer_id=[1, np.nan]))
    with pytest.raises(ValueError, match="more than one row"):
        transition_matrix(good.assign(period=[0, 0]))
    with pytest.raises(ValueError, match=r"unknown stage labels \['maturity'\]"):
        transition_matrix([["exploration", "maturity"]])
    with pytest.raises(ValueError, match="unknown state labels"):
        transition_matrix([["a", "c"]], states=["a", "b"])
    with pytest.raises(ValueError, match="no move out of state"):
        transition_matrix([["exploration", "formation"]])
    with pytest.raises(TypeError, match="stage panel"):
        transition_matrix("exploration")
    with pytest.raises(TypeError, match="sequence 0"):
        transition_matrix(["exploration"])
    with pytest.raises(ValueError, match="missing stage"):
        transition_matrix([["exploration", None]])


def test_bad_interventions():
    with pytest.raises(ValueError, match="into_decline must be a share"):
        intervene(STAGE_P, into_decline=1.5)
    with pytest.raises(ValueError, match="rescued_to"):
        intervene(STAGE_P, rescued_to="churned")
    with pytest.raises(TypeError, match="DataFrame"):
        intervene(STAGE_P.to_numpy())


def test_module_lists_its_public_functions():
    assert all(callable(getattr(markov, name)) or name.isupper() for name in markov.__all__)
    np.testing.assert_allclose(markov.EXAMPLE_P.sum(axis=1), 1.0)


def test_no_function_changes_its_inputs():
    P, R = STAGE_P.copy(), pd.Series([10.0, 40.0, 80.0, 15.0, 0.0], index=list(STAGES))
    arr, start = STAGE_P.to_numpy().copy(), {"exploration": 0.4, "formation": 0.6}
    R_before, arr_before, start_before = R.copy(), arr.copy(), dict(start)
    stationary_distribution(P), renewal_chain(P), fundamental_matrix(P), expected_time_to_absorption(arr)
    propagate(P, start, 5), simulate_cohort(P, start, 5, 10, seed=0), markov_clv(P, R, 0.01)
    simulate_cohort(arr, np.array([0.4, 0.6, 0.0, 0.0, 0.0]), 5, 10, seed=0)
    markov_clv(arr, R.to_numpy(), 0.01, horizon=3), intervene(P, 0.5, 0.5)
    markov.intervention_effect(P, R, 0.01, into_decline=0.3)
    pd.testing.assert_frame_equal(P, STAGE_P)
    pd.testing.assert_series_equal(R, R_before)
    np.testing.assert_array_equal(arr, arr_before)
    assert start == start_before


def test_rewards_of_the_wrong_type():
    with pytest.raises(TypeError, match="rewards must be one number per state"):
        markov_clv(retention_chain(0.8), "100", 0.1)
    with pytest.raises(ValueError, match="finite"):
        markov_clv(retention_chain(0.8), [np.nan, 0.0], 0.1)
