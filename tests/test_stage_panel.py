"""stage_panel and classify_stages: hand-worked examples, a slow reference implementation, rules
and bad input."""
import numpy as np
import pandas as pd
import pytest

from helpers.lifecycle import STAGE_THRESHOLDS, STAGES, classify_stages, stage_panel


def tx(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(
        date=lambda d: pd.to_datetime(d["date"]))


def test_hand_worked_panel():
    t = tx([("a", "2013-01-05", 100), ("a", "2013-01-25", 50), ("a", "2013-04-02", 10),
            ("b", "2013-03-31", 7)])
    p = stage_panel(t, end="2013-05-15", short=2, long=2)
    a = p[p["customer_id"] == "a"]
    assert list(a["period"].dt.strftime("%Y-%m")) == ["2013-01", "2013-02", "2013-03", "2013-04", "2013-05"]
    assert list(a["purchases"]) == [2, 0, 0, 1, 0]
    assert list(a["spend"]) == [150, 0, 0, 10, 0]
    assert list(a["tenure"]) == [0, 1, 2, 3, 4]
    assert list(a["cum_purchases"]) == [2, 2, 2, 3, 3]
    assert list(a["recency"]) == [0, 1, 2, 0, 1]
    assert list(a["recent_rate"]) == [2, 1, 0, 0.5, 0.5]
    assert list(a["baseline_periods"]) == [0, 0, 1, 2, 2]
    np.testing.assert_allclose(a["baseline_rate"], [np.nan, np.nan, 2, 1, 0])
    np.testing.assert_allclose(a["trend"], [np.nan, np.nan, 0, 0.5, np.nan])
    b = p[p["customer_id"] == "b"]
    assert list(b["purchases"]) == [1, 0, 0] and list(b["tenure"]) == [0, 1, 2]


def _slow_panel(t, end, short, long):
    rows = []
    end_m = pd.Timestamp(end).to_period("M")
    for cid, g in t.groupby("customer_id"):
        months = g["date"].dt.to_period("M")
        per = pd.period_range(months.min(), end_m, freq="M")
        counts = months.value_counts().reindex(per, fill_value=0).to_numpy()
        for i, m in enumerate(per):
            recent = counts[max(0, i - short + 1): i + 1]
            base = counts[max(0, i - short - long + 1): max(0, i - short + 1)]
            last = max(j for j in range(i + 1) if counts[j] > 0)
            rows.append((cid, m.to_timestamp(), i, counts[i], counts[: i + 1].sum(), i - last,
                         recent.mean(), base.mean() if len(base) else np.nan, len(base)))
    return pd.DataFrame(rows, columns=["customer_id", "period", "tenure", "purchases", "cum_purchases",
                                       "recency", "recent_rate", "baseline_rate", "baseline_periods"])


def test_matches_slow_reference():
    rng = np.random.default_rng(3)
    n = 400
    t = pd.DataFrame({"customer_id": rng.integers(0, 25, n),
                      "date": pd.Timestamp("2012-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
                      "amount": rng.gamma(2, 100, n)})
    fast = stage_panel(t, end="2014-03-31", short=3, long=5)
    slow = _slow_panel(t, "2014-03-31", 3, 5)
    cols = list(slow.columns)
    pd.testing.assert_frame_equal(fast[cols].reset_index(drop=True), slow, check_dtype=False)
    spend = t.assign(period=t["date"].dt.to_period("M").dt.to_timestamp()).groupby(
        ["customer_id", "period"])["amount"].sum()
    got = fast.set_index(["customer_id", "period"])["spend"]
    np.testing.assert_allclose(got.reindex(spend.index), spend)
    assert got.sum() == pytest.approx(t["amount"].sum())


def test_weeks_and_quarters():
    t = tx([("a", "2013-01-07", 1), ("a", "2013-01-13", 1), ("a", "2013-01-14", 1)])   # Mon, Sun, Mon
    w = stage_panel(t, freq="W")
    assert list(w["period"].dt.strftime("%Y-%m-%d")) == ["2013-01-07", "2013-01-14"]
    assert list(w["purchases"]) == [2, 1]
    q = stage_panel(tx([("a", "2013-02-01", 1), ("a", "2013-08-30", 1)]), freq="Q")
    assert list(q["period"].dt.strftime("%Y-%m")) == ["2013-01", "2013-04", "2013-07"]


def test_end_cuts_later_transactions_and_input_unchanged():
    t = tx([("a", "2013-01-05", 1), ("a", "2013-06-05", 1)])
    before = t.copy()
    p = stage_panel(t, end="2013-03-31")
    assert len(p) == 3 and p["purchases"].sum() == 1
    pd.testing.assert_frame_equal(t, before)


def _one(**row):
    base = dict(customer_id="a", period=pd.Timestamp("2014-01-01"), tenure=12, cum_purchases=10,
                recency=0, baseline_rate=1.0, baseline_periods=9, trend=1.0)
    thresholds = {k: row.pop(k) for k in list(row) if k in STAGE_THRESHOLDS}
    base.update(row)
    return classify_stages(pd.DataFrame([base]), **thresholds)["stage"].iloc[0]


def test_each_rule():
    assert _one() == "stability"
    assert _one(recency=9) == "churned"
    assert _one(cum_purchases=1, tenure=2, recency=1) == "exploration"
    assert _one(cum_purchases=1, tenure=5, recency=4) == "decline"        # explorer gone quiet
    assert _one(trend=0.5) == "decline"                                    # falling from stability
    assert _one(tenure=3, baseline_rate=2.0, baseline_periods=1, trend=0.2) == "formation"  # baseline too short
    assert _one(trend=2.5) == "formation"                                  # still growing
    assert _one(tenure=5) == "formation"                                   # too early to be stable
    assert _one(baseline_rate=0.2) == "formation"                          # too little volume
    assert _one(trend=0.5, decline_ratio=0.4) == "stability"               # thresholds are honoured
    assert _one(recency=6, churn_silence=6, decline_silence=3) == "churned"


def test_classify_keeps_panel_and_orders_stages():
    t = tx([("a", "2013-01-05", 1), ("a", "2013-02-05", 1), ("b", "2013-01-09", 1)])
    p = stage_panel(t, end="2013-12-31")
    before = p.copy()
    out = classify_stages(p)
    pd.testing.assert_frame_equal(p, before)
    assert list(out["stage"].cat.categories) == list(STAGES)
    assert out.drop(columns="stage").equals(p)
    assert out["stage"].iloc[-1] == "churned"


def test_defaults_documented_in_docstring():
    for name, value in STAGE_THRESHOLDS.items():
        assert f"{name} : " in classify_stages.__doc__ and f"default {value}" in classify_stages.__doc__


@pytest.mark.parametrize("bad, match", [
    ("not a frame", "DataFrame"),
    (pd.DataFrame(columns=["customer_id", "date", "amount"]), "empty"),
    (pd.DataFrame({"customer_id": [1], "date": ["2013-01-01"]}), "amount"),
    (pd.DataFrame({"customer_id": [None], "date": ["2013-01-01"], "amount": [1.0]}), "customer_id"),
    (pd.DataFrame({"customer_id": [1], "date": ["yesterday"], "amount": [1.0]}), "date"),
    (pd.DataFrame({"customer_id": [1], "date": ["2013-01-01"], "amount": [-5.0]}), "negative"),
])
def test_stage_panel_bad_transactions(bad, match):
    with pytest.raises((ValueError, TypeError), match=match):
        stage_panel(bad)


@pytest.mark.parametrize("kwargs, err, match", [
    (dict(freq="D"), ValueError, "freq"),
    (dict(short=0), ValueError, "short"),
    (dict(long=1.5), TypeError, "long"),
    (dict(end="2012-01-01"), ValueError, "before the first"),
    (dict(end="not a date"), ValueError, "end"),
])
def test_stage_panel_bad_options(kwargs, err, match):
    with pytest.raises(err, match=match):
        stage_panel(tx([("a", "2013-01-05", 1)]), **kwargs)


@pytest.mark.parametrize("kwargs, err, match", [
    (dict(decline_ration=0.5), ValueError, "unknown threshold"),
    (dict(decline_ratio=1.2), ValueError, "decline_ratio"),
    (dict(decline_ratio=0), ValueError, "decline_ratio"),
    (dict(growth_ratio=0.9), ValueError, "growth_ratio"),
    (dict(stable_rate=float("nan")), ValueError, "stable_rate"),
    (dict(stable_rate="high"), TypeError, "stable_rate"),
    (dict(churn_silence=3, decline_silence=4), ValueError, "churn_silence"),
    (dict(trial_purchases=0), ValueError, "trial_purchases"),
    (dict(stable_tenure=2.5), TypeError, "stable_tenure"),
])
def test_classify_bad_thresholds(kwargs, err, match):
    p = stage_panel(tx([("a", "2013-01-05", 1)]))
    with pytest.raises(err, match=match):
        classify_stages(p, **kwargs)


def test_classify_bad_panel():
    with pytest.raises(TypeError, match="panel"):
        classify_stages([1, 2])
    p = stage_panel(tx([("a", "2013-01-05", 1)]))
    with pytest.raises(ValueError, match="recency"):
        classify_stages(p.drop(columns="recency"))
    with pytest.raises(ValueError, match="empty"):
        classify_stages(p.iloc[:0])


def test_stage_scores_closed_form_and_errors():
    from helpers.lifecycle import stage_confusion, stage_scores
    conf = stage_confusion(["exploration", "exploration", "formation", "decline"],
                           ["exploration", "formation", "formation", "formation"])
    scores = stage_scores(conf)
    assert scores.loc["exploration", "recall"] == 0.5 and scores.loc["formation", "recall"] == 1.0
    assert scores.loc["formation", "precision"] == pytest.approx(1 / 3)
    assert np.isnan(scores.loc["stability", "precision"]) and scores["support"].sum() == 4
    assert scores.attrs["accuracy"] == 0.5
    with pytest.raises(TypeError):
        stage_scores(np.eye(5))
    with pytest.raises(ValueError, match="square"):
        stage_scores(conf.iloc[:3])
    with pytest.raises(ValueError, match="non-negative"):
        stage_scores(conf * 0)
