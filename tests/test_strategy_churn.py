"""Churn data set with a time-based split, two models, honest scores, win-back ranking."""
import numpy as np
import pandas as pd
import pytest

from helpers import churn


def small_log():
    """Three customers: a buys steadily, b stops after June 2014, c buys once in 2012 and never again."""
    rows = [("a", f"2014-{m:02d}-10", 99.0) for m in range(1, 13)]
    rows += [("b", f"2014-{m:02d}-05", 799.0) for m in (1, 3, 5, 6)]
    rows += [("c", "2012-01-01", 49.0), ("a", "2015-01-15", 99.0)]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(date=lambda d: pd.to_datetime(d["date"]))


def test_dataset_by_hand():
    tx = small_log()
    before = tx.copy()
    d = churn.churn_dataset(tx, "2014-06-30", horizon=6, customers=pd.DataFrame(
        {"customer_id": ["a", "b", "c"], "forum_member": [True, False, False]}))
    pd.testing.assert_frame_equal(tx, before)
    assert d.index.tolist() == ["a", "b"]                     # c has been silent for years: churned
    assert d["churn"].tolist() == [0.0, 1.0]
    assert d.loc["b", "frequency"] == 4 and d.loc["b", "monetary"] == 4 * 799.0
    assert d.loc["b", "recency_days"] == 25 and d.loc["a", "recency_days"] == 20
    assert d.loc["a", "spend_12m"] == 6 * 99.0 and d.loc["a", "forum_member"] == 1.0
    assert d.loc["a", "tenure"] == 5 and d.attrs == {"cutoff": "2014-06-30", "horizon": 6}
    assert set(churn.STAGE_FEATURES) <= set(d.columns)
    assert d[list(churn.STAGE_FEATURES)].sum(axis=1).le(1).all()
    assert not d[list(churn.FEATURES)].isna().any().any()


def synthetic_churners(n=3000, seed=0):
    """Churn depends on x1 only, through a logistic link: a model must find it."""
    rng = np.random.default_rng(seed)
    x1, x2 = rng.normal(size=n), rng.normal(size=n)
    p = 1 / (1 + np.exp(-(2.0 * x1 - 0.5)))
    return pd.DataFrame({"x1": x1, "x2": x2, "churn": (rng.random(n) < p).astype(float)}), p


def test_models_recover_a_known_signal_and_report_honestly():
    train, _ = synthetic_churners(seed=1)
    test, p_true = synthetic_churners(seed=2)
    models = churn.fit_churn_models(train, ["x1", "x2"])
    coef = models["logistic regression"][-1].coef_[0] / models["logistic regression"][0].scale_
    assert coef[0] == pytest.approx(2.0, abs=0.25) and abs(coef[1]) < 0.2
    pred = churn.predict_churn(models, test, ["x1", "x2"])
    report = churn.churn_report(test["churn"], pred)
    best = churn.churn_report(test["churn"], pd.DataFrame({"truth": p_true})).loc["truth", "roc_auc"]
    assert report.loc["logistic regression", "roc_auc"] == pytest.approx(best, abs=0.01)
    assert 0.7 < report.loc["decision tree", "roc_auc"] <= best + 0.01
    cal = churn.calibration_table(test["churn"], pred["logistic regression"])
    assert (cal["mean_predicted"] - cal["observed"]).abs().max() < 0.08
    assert cal["customers"].sum() == len(test)


def test_auc_and_lift_by_hand():
    y = [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]
    s = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]
    r = churn.churn_report(y, pd.DataFrame({"m": s})).loc["m"]
    # positives at ranks 1, 3, 10: pairs won = 7 + 6 + 0 = 13 of 21
    assert r["roc_auc"] == pytest.approx(13 / 21)
    assert r["top_decile_lift"] == pytest.approx(1 / 0.3)
    assert r["brier"] == pytest.approx(np.mean((np.array(s) - np.array(y)) ** 2))
    roc = churn.roc_points(y, s)
    assert np.trapezoid(roc["tpr"], roc["fpr"]) == pytest.approx(13 / 21)


def test_winback_formula_and_ranking():
    assert churn.winback_value(0.5, 1000.0, 0.2, 40.0) == pytest.approx(60.0)
    v = churn.winback_value(pd.Series([0.1, 0.9], index=["x", "y"]), pd.Series([100.0, 100.0], index=["x", "y"]), 0.5, 10.0)
    assert v.tolist() == pytest.approx([-5.0, 35.0]) and v.index.tolist() == ["x", "y"]
    c = pd.DataFrame({"p_alive": [0.9, 0.3, 0.5, 0.6], "clv": [200.0, 4000.0, 900.0, 50.0]}, index=list("abcd"))
    before = c.copy()
    ranked = churn.rank_winback(c, save_rate=0.25, cost=40.0)
    pd.testing.assert_frame_equal(c, before)
    assert ranked.index.tolist() == ["b", "c", "a", "d"]          # 260, 72.5, 5, -32.5: value first, not P(alive)
    assert ranked["call"].tolist() == [True, True, True, False]
    assert ranked["cumulative_value"].iloc[-1] == pytest.approx(260 + 72.5 + 5)
    tight = churn.rank_winback(c, save_rate=0.25, cost=40.0, budget=80.0)
    assert tight["call"].tolist() == [True, True, False, False]


TX = small_log()
GOOD = synthetic_churners(200)[0]


@pytest.mark.parametrize("call,error,match", [
    (lambda: churn.churn_dataset(TX.values, "2014-06-30"), TypeError, "transactions"),
    (lambda: churn.churn_dataset(TX, "not a date"), ValueError, "cutoff"),
    (lambda: churn.churn_dataset(TX, "2010-01-01"), ValueError, "before the first"),
    (lambda: churn.churn_dataset(TX, "2014-12-31", horizon=6), ValueError, "horizon"),
    (lambda: churn.churn_dataset(TX, "2014-06-30", horizon=0), ValueError, "horizon"),
    (lambda: churn.churn_dataset(TX, "2014-06-30", horizon=2.5), TypeError, "horizon"),
    (lambda: churn.churn_dataset(TX.drop(columns="amount"), "2014-06-30"), ValueError, "amount"),
    (lambda: churn.churn_dataset(TX.assign(amount=-1.0), "2014-06-30"), ValueError, "amount"),
    (lambda: churn.churn_dataset(TX, "2014-06-30", customers=pd.DataFrame({"id": [1]})), ValueError, "customer_id"),
    (lambda: churn.churn_dataset(TX, "2014-06-30", customers=pd.DataFrame({"customer_id": ["a"], "tenure": [1]})),
     ValueError, "clash"),
    (lambda: churn.fit_churn_models(GOOD, ["x1", "x9"]), ValueError, "x9"),
    (lambda: churn.fit_churn_models(GOOD, "x1"), TypeError, "features"),
    (lambda: churn.fit_churn_models(GOOD, []), ValueError, "features"),
    (lambda: churn.fit_churn_models(GOOD.iloc[:0], ["x1"]), ValueError, "empty"),
    (lambda: churn.fit_churn_models(GOOD.assign(x1=np.nan), ["x1"]), ValueError, "NaN"),
    (lambda: churn.fit_churn_models(GOOD.assign(churn=0.0), ["x1"]), ValueError, "one class"),
    (lambda: churn.fit_churn_models(GOOD, ["x1"], max_depth=0), ValueError, "max_depth"),
    (lambda: churn.predict_churn({}, GOOD, ["x1"]), TypeError, "models"),
    (lambda: churn.churn_report([1, 0], [0.3, 0.2]), TypeError, "predictions"),
    (lambda: churn.churn_report([1, 0, 1], pd.DataFrame({"m": [0.3, 0.2]})), ValueError, "same length"),
    (lambda: churn.churn_report([1, 1], pd.DataFrame({"m": [0.3, 0.2]})), ValueError, "no negative"),
    (lambda: churn.calibration_table([1, 0], [1.3, 0.2]), ValueError, "between 0 and 1"),
    (lambda: churn.calibration_table([1, 0], [0.3, 0.2], bins=5), ValueError, "bins"),
    (lambda: churn.winback_value(1.2, 100.0, 0.2, 1.0), ValueError, "p_alive"),
    (lambda: churn.winback_value(0.5, -100.0, 0.2, 1.0), ValueError, "clv"),
    (lambda: churn.winback_value(0.5, 100.0, "20%", 1.0), TypeError, "save_rate"),
    (lambda: churn.winback_value([0.5, 0.4], [100.0, 1.0, 2.0], 0.2, 1.0), ValueError, "sizes"),
    (lambda: churn.winback_value(0.5, 100.0, 0.2, np.nan), ValueError, "cost"),
    (lambda: churn.rank_winback(pd.DataFrame({"p_alive": [0.5]}), save_rate=0.2, cost=1.0), ValueError, "clv"),
    (lambda: churn.rank_winback(pd.DataFrame({"p_alive": [], "clv": []}), save_rate=0.2, cost=1.0), ValueError, "empty"),
    (lambda: churn.rank_winback(pd.DataFrame({"p_alive": [0.5], "clv": [1.0]}), save_rate=0.2, cost=1.0, budget=-5),
     ValueError, "budget"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_value_if_alive_times_p_alive_is_the_btyd_clv():
    from helpers import btyd
    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})   # Fader, Hardie & Lee (2005)
    gg = btyd.GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44})
    s = pd.DataFrame({"frequency": [0, 2, 7], "recency": [0.0, 30.0, 35.0], "T": [38.0, 60.0, 38.0],
                      "monetary_value": [0.0, 20.0, 45.0]})
    spend = gg.expected_spend(s["frequency"], s["monetary_value"])
    v = churn.value_if_alive(bg, s, spend, horizon=24, discount_rate=0.01)
    p = bg.p_alive(s["frequency"], s["recency"], s["T"])
    expected = btyd.clv(bg, gg, s, horizon=24, discount_rate=0.01)
    assert (np.asarray(p) * v.to_numpy()) == pytest.approx(expected.to_numpy(), rel=1e-10)
    assert (v >= expected).all()
    with pytest.raises(TypeError, match="bg"):
        churn.value_if_alive("bg", s, 10.0)
    with pytest.raises(ValueError, match="spend_per_purchase"):
        churn.value_if_alive(bg, s, [1.0, 2.0])
    with pytest.raises(ValueError, match="spend_per_purchase"):
        churn.value_if_alive(bg, s, 0.0)
    with pytest.raises(ValueError, match="recency"):
        churn.value_if_alive(bg, s.drop(columns="recency"), 10.0)
