"""The synthetic loyalty survey, joined to behaviour, and how well attitude predicts repurchase."""
import numpy as np
import pandas as pd
import pytest

from helpers import loyalty


def stages(n_per_stage=400):
    rows = []
    for s in ("exploration", "formation", "stability", "decline", "churned"):
        rows += [(f"{s[:3]}{i:04d}", s) for i in range(n_per_stage)]
    out = pd.DataFrame(rows, columns=["customer_id", "stage"])
    out["period"] = pd.Timestamp("2014-12-01")
    return out


def test_survey_follows_the_documented_model():
    ts = stages()
    before = ts.copy()
    s = loyalty.simulate_loyalty_survey(ts, n=1600, survey_month="2014-12-15")
    pd.testing.assert_frame_equal(ts, before)
    assert s.equals(loyalty.simulate_loyalty_survey(ts, n=1600, survey_month="2014-12-15"))
    assert "churned" not in set(s["stage"]) and len(s) == 1600 and s.index.is_unique
    assert s[["emotional", "attitudinal"]].isin(range(1, 8)).all().all()
    means = s.groupby("stage")["attitudinal"].mean()
    # hidden loyalty: stability > formation > exploration > decline (STAGE_LOYALTY)
    assert means["stability"] > means["formation"] > means["exploration"] > means["decline"]
    assert 0.3 < s["emotional"].corr(s["attitudinal"]) < 0.9


def test_members_feel_more_attached():
    ts = stages()
    cust = pd.DataFrame({"customer_id": ts["customer_id"], "forum_member": np.arange(len(ts)) % 2 == 0})
    s = loyalty.simulate_loyalty_survey(ts, cust, n=1600)
    gap = s.groupby("forum_member")[["emotional", "attitudinal"]].mean().diff().iloc[-1]
    assert gap["emotional"] > gap["attitudinal"] > 0


def test_join_behaviour_counts_windows():
    s = pd.DataFrame({"emotional": [5, 3, 4]}, index=pd.Index(["a", "b", "z"], name="customer_id"))
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"],
                       "date": pd.to_datetime(["2013-12-31", "2014-06-01", "2015-12-31", "2014-12-31", "2016-01-01"]),
                       "amount": [1.0] * 5})
    j = loyalty.join_behaviour(s, tx, "2014-12-31")
    assert j["purchases_before"].tolist() == [1.0, 1.0, 0.0]     # 2013-12-31 is outside, 2014-12-31 inside
    assert j["purchases_after"].tolist() == [1.0, 0.0, 0.0]
    assert j["repurchased"].tolist() == [1.0, 0.0, 0.0]


def test_prediction_scores_a_known_signal():
    rng = np.random.default_rng(0)
    n = 2000
    att = rng.integers(1, 8, n)
    y = (rng.random(n) < 1 / (1 + np.exp(-(att - 4)))).astype(float)
    t = pd.DataFrame({"emotional": rng.integers(1, 8, n), "attitudinal": att,
                      "purchases_before": rng.poisson(2, n), "repurchased": y})
    r = loyalty.loyalty_prediction(t)
    assert r.loc["emotional", "roc_auc"] == pytest.approx(0.5, abs=0.04)
    assert r.loc["attitudinal", "roc_auc"] > 0.75
    assert r.loc["all three", "roc_auc"] == pytest.approx(r.loc["attitudinal", "roc_auc"], abs=0.03)


TS = stages(20)
TAB = pd.DataFrame({"emotional": [1, 2, 3, 4], "attitudinal": [1, 2, 3, 4], "purchases_before": [0, 1, 2, 3],
                    "repurchased": [0, 1, 0, 1]})


@pytest.mark.parametrize("call,error,match", [
    (lambda: loyalty.simulate_loyalty_survey(TS.values), TypeError, "true_stages"),
    (lambda: loyalty.simulate_loyalty_survey(TS.drop(columns="stage")), ValueError, "stage"),
    (lambda: loyalty.simulate_loyalty_survey(TS, n=0), ValueError, "n"),
    (lambda: loyalty.simulate_loyalty_survey(TS, n=1000), ValueError, "more than"),
    (lambda: loyalty.simulate_loyalty_survey(TS, n=1.5), TypeError, "n"),
    (lambda: loyalty.simulate_loyalty_survey(TS, survey_month="2019-01-01", n=5), ValueError, "survey_month"),
    (lambda: loyalty.simulate_loyalty_survey(TS, survey_month="someday", n=5), ValueError, "survey_month"),
    (lambda: loyalty.simulate_loyalty_survey(TS, pd.DataFrame({"customer_id": []}), n=5), ValueError, "forum_member"),
    (lambda: loyalty.join_behaviour(TAB.iloc[:0], pd.DataFrame(), "2014-12-31"), ValueError, "empty"),
    (lambda: loyalty.join_behaviour(TAB, "orders", "2014-12-31"), TypeError, "transactions"),
    (lambda: loyalty.join_behaviour(TAB, pd.DataFrame({"customer_id": [0], "date": ["2014-01-01"], "amount": [1.0]}),
                                    "2014-12-31"), ValueError, "repurchase would be unknown"),
    (lambda: loyalty.join_behaviour(TAB, pd.DataFrame({"customer_id": [0], "date": ["2016-01-01"], "amount": [1.0]}),
                                    "2014-12-31", months=0), ValueError, "months"),
    (lambda: loyalty.loyalty_prediction(TAB.drop(columns="emotional")), ValueError, "emotional"),
    (lambda: loyalty.loyalty_prediction(TAB.assign(repurchased=1)), ValueError, "both values"),
    (lambda: loyalty.loyalty_prediction(TAB, folds=1), ValueError, "folds"),
    (lambda: loyalty.loyalty_prediction(TAB, predictors=[]), TypeError, "predictors"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()
