"""Cluster bootstrap of transition probabilities: estimates, coverage, determinism, bad input."""
import numpy as np
import pandas as pd
import pytest

from helpers import bootstrap, markov
from helpers.lifecycle import STAGES


def chain_panel(P, n, periods, seed):
    """Customers moving by a known chain P (labelled by STAGES), all starting in exploration."""
    rng = np.random.default_rng(seed)
    cum = np.cumsum(P.to_numpy(), axis=1)
    state = np.zeros(n, dtype=int)
    rows = []
    for t in range(periods):
        rows.append(pd.DataFrame({"customer_id": np.arange(n), "period": t,
                                  "stage": np.array(STAGES)[state]}))
        state = (rng.random(n)[:, None] > cum[state]).sum(axis=1).clip(0, len(STAGES) - 1)
    return pd.concat(rows, ignore_index=True)


def test_counts_by_customer_sum_to_markov_counts():
    panel = chain_panel(markov.EXAMPLE_P, 300, 12, seed=1)
    by_customer = bootstrap.transition_counts_by_customer(panel)
    total = by_customer.sum().unstack().loc[list(STAGES), list(STAGES)]
    expected = markov.transition_counts(panel, states=list(STAGES))
    assert (total.to_numpy() == expected.to_numpy()).all()
    assert len(by_customer) == 300


def test_row_order_does_not_matter():
    panel = chain_panel(markov.EXAMPLE_P, 50, 6, seed=2)
    shuffled = panel.sample(frac=1, random_state=0)
    a = bootstrap.transition_counts_by_customer(panel)
    b = bootstrap.transition_counts_by_customer(shuffled)
    pd.testing.assert_frame_equal(a, b)


def test_estimates_equal_transition_matrix_and_intervals_cover_the_truth():
    P = markov.EXAMPLE_P
    panel = chain_panel(P, 3000, 15, seed=3)
    out = bootstrap.bootstrap_transitions(panel, n_boot=400, seed=0)
    est = out.set_index(["from_stage", "to_stage"])["estimate"].unstack().loc[list(STAGES[:4]), list(STAGES)]
    ref = markov.transition_matrix(panel, states=list(STAGES)).loc[list(STAGES[:4])]
    np.testing.assert_allclose(est.to_numpy(), ref.to_numpy(), atol=1e-12)
    live = out[out["from_stage"] != "churned"]
    assert (live["lower"] <= live["estimate"]).all() and (live["estimate"] <= live["upper"]).all()
    truth = live.apply(lambda r: P.loc[r["from_stage"], r["to_stage"]], axis=1)
    covered = ((live["lower"] <= truth) & (truth <= live["upper"])).mean()
    assert covered >= 0.85        # 20 entries at 95%: almost all should cover the true value
    width = (live["upper"] - live["lower"]).max()
    assert 0 < width < 0.05


def test_interval_matches_binomial_standard_error():
    # one move per customer: the cluster bootstrap reduces to the binomial, se = sqrt(p(1-p)/n)
    rng = np.random.default_rng(4)
    n, p = 4000, 0.3
    to = np.where(rng.random(n) < p, "churned", "decline")
    panel = pd.DataFrame({"customer_id": np.repeat(np.arange(n), 2), "period": np.tile([0, 1], n),
                          "stage": np.column_stack([np.full(n, "decline"), to]).ravel()})
    out = bootstrap.bootstrap_transitions(panel, n_boot=2000, seed=5).set_index(["from_stage", "to_stage"])
    row = out.loc[("decline", "churned")]
    phat = row["estimate"]
    se = np.sqrt(phat * (1 - phat) / n)
    assert row["upper"] - row["lower"] == pytest.approx(2 * 1.96 * se, rel=0.1)


def test_seed_makes_results_repeatable_and_different_seeds_differ():
    panel = chain_panel(markov.EXAMPLE_P, 200, 8, seed=6)
    a = bootstrap.bootstrap_transitions(panel, n_boot=100, seed=1)
    b = bootstrap.bootstrap_transitions(panel, n_boot=100, seed=1)
    c = bootstrap.bootstrap_transitions(panel, n_boot=100, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["lower"].fillna(0), c["lower"].fillna(0))


def test_compare_transitions_finds_a_real_difference_and_not_a_fake_one():
    slow = markov.EXAMPLE_P.copy()
    fast = markov.intervene(slow, decline_to_churn=0.6)          # far fewer decline -> churned
    a = chain_panel(slow, 2000, 12, seed=7)
    b = chain_panel(fast, 2000, 12, seed=8)
    b["customer_id"] += 10_000
    panel = pd.concat([a, b], ignore_index=True)
    groups = pd.Series(panel["customer_id"].unique() >= 10_000, index=panel["customer_id"].unique())
    out = bootstrap.compare_transitions(panel, groups, n_boot=300, seed=0).set_index(["from_stage", "to_stage"])
    dc = out.loc[("decline", "churned")]
    assert dc["difference"] == pytest.approx(dc["True"] - dc["False"])
    assert dc["clear"] and dc["upper"] < 0
    assert dc["difference"] == pytest.approx(-0.6 * slow.loc["decline", "churned"], abs=0.03)
    # a move both chains share has an interval around 0
    assert not out.loc[("stability", "stability"), "clear"]


def test_ratio_draws_and_percentile_interval():
    d = bootstrap.ratio_draws(np.array([[1, 2], [0, 1]]), np.array([[1, 2], [1, 2]]), n_boot=50, seed=0)
    assert d.shape == (50, 2) and np.nanmax(d) <= 1 and np.nanmin(d) >= 0
    lo, hi = bootstrap.percentile_interval(np.arange(1, 1001.0), 0.95)
    assert lo[0] == pytest.approx(25.975) and hi[0] == pytest.approx(975.025)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"n_boot": 5}, ValueError, "n_boot"),
    ({"n_boot": 10.0}, TypeError, "n_boot"),
    ({"level": 1.5}, ValueError, "level"),
    ({"level": "95%"}, TypeError, "level"),
    ({"seed": 1.5}, TypeError, "seed"),
])
def test_bad_bootstrap_settings(kwargs, error, match):
    panel = chain_panel(markov.EXAMPLE_P, 20, 4, seed=9)
    with pytest.raises(error, match=match):
        bootstrap.bootstrap_transitions(panel, **kwargs)


def test_bad_input():
    panel = chain_panel(markov.EXAMPLE_P, 20, 4, seed=9)
    with pytest.raises(TypeError, match="panel"):
        bootstrap.transition_counts_by_customer([["exploration"]])
    with pytest.raises(ValueError, match="missing column"):
        bootstrap.transition_counts_by_customer(panel.drop(columns="stage"))
    with pytest.raises(ValueError, match="empty"):
        bootstrap.transition_counts_by_customer(panel.iloc[:0])
    bad = panel.copy()
    bad.loc[0, "stage"] = "loyal"
    with pytest.raises(ValueError, match="unknown state 'loyal'"):
        bootstrap.transition_counts_by_customer(bad)
    nan = panel.copy()
    nan.loc[0, "customer_id"] = np.nan
    with pytest.raises(ValueError, match="customer_id"):
        bootstrap.transition_counts_by_customer(nan)
    with pytest.raises(ValueError, match="more than one row"):
        bootstrap.transition_counts_by_customer(pd.concat([panel, panel.iloc[:1]]))
    with pytest.raises(ValueError, match="exactly two"):
        bootstrap.compare_transitions(panel, pd.Series("x", index=panel["customer_id"].unique()), n_boot=10)
    with pytest.raises(ValueError, match="no group"):
        bootstrap.compare_transitions(panel, pd.Series({0: True, 1: False}), n_boot=10)
    with pytest.raises(TypeError, match="groups"):
        bootstrap.compare_transitions(panel, {0: True}, n_boot=10)
    with pytest.raises(ValueError, match="same shape"):
        bootstrap.ratio_draws([1, 2], [[1, 2, 3]], n_boot=10)
    with pytest.raises(ValueError, match="exceed"):
        bootstrap.ratio_draws([3], [1], n_boot=10)
    with pytest.raises(ValueError, match="negative"):
        bootstrap.ratio_draws([-1], [1], n_boot=10)


def test_caller_data_unchanged():
    panel = chain_panel(markov.EXAMPLE_P, 30, 5, seed=10)
    before = panel.copy()
    bootstrap.bootstrap_transitions(panel, n_boot=20)
    pd.testing.assert_frame_equal(panel, before)
