"""ABC classes, the Lorenz curve, the Gini coefficient and RFM against closed forms and hand counts."""
import itertools

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.language import text
from helpers.tables import display_columns
from helpers.value import (EIGHT_CLASSES, SEGMENTS, abc_classes, eight_class_summary, gini, lorenz_curve,
                           rfm_eight_classes, rfm_segments, rfm_table, segment_summary)


def brute_force_gini(y):
    """QuantEcon's gini_coefficient, written out: sum_i sum_j |y_i - y_j| / (2 n sum y)."""
    y = np.asarray(y, dtype=float)
    return np.abs(y[:, None] - y[None, :]).sum() / (2 * y.size * y.sum())


# --- Gini -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 7, 1000])
def test_gini_of_equal_values_is_zero(n):
    assert gini(np.full(n, 3.7)) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("n", [2, 3, 10, 5000])
def test_gini_when_one_customer_has_everything_is_n_minus_1_over_n(n):
    y = np.zeros(n)
    y[n // 2] = 42.0
    assert gini(y) == pytest.approx((n - 1) / n, rel=1e-12)


def test_gini_hand_computed_case():
    # |differences| over ordered pairs of (1, 2, 3, 4): 2 * (1+2+3+1+2+1) = 20; 2 * n * sum = 80
    assert gini([4, 1, 3, 2]) == pytest.approx(0.25, abs=1e-15)
    # (10, 0): one of two holds everything -> 1/2
    assert gini([10, 0]) == pytest.approx(0.5)


def test_gini_agrees_with_the_pairwise_definition_and_the_lorenz_area():
    rng = np.random.default_rng(5)
    for _ in range(5):
        y = rng.lognormal(3, 1.2, size=rng.integers(2, 400))
        lorenz = lorenz_curve(y)
        area = np.trapezoid(lorenz["share_of_value"], lorenz["share_of_customers"])
        assert gini(y) == pytest.approx(brute_force_gini(y), rel=1e-10)
        assert gini(y) == pytest.approx(1 - 2 * area, rel=1e-10)


def test_gini_of_an_exponential_population_is_one_half():
    # closed form: the Gini of an exponential distribution is 1/2
    y = np.random.default_rng(0).exponential(100, size=400_000)
    assert gini(y) == pytest.approx(0.5, abs=0.005)


def test_gini_ignores_scale_and_order():
    y = np.array([3.0, 0.0, 8.0, 1.0, 1.0])
    assert gini(y * 1000) == pytest.approx(gini(y))
    assert gini(y[::-1]) == pytest.approx(gini(y))


# --- Lorenz ---------------------------------------------------------------------------------------

def test_lorenz_endpoints_shape_and_monotone_convex():
    y = np.random.default_rng(1).gamma(0.7, 50, size=300)
    lorenz = lorenz_curve(pd.Series(y))
    assert len(lorenz) == 301
    assert tuple(lorenz.iloc[0]) == (0.0, 0.0)
    assert tuple(lorenz.iloc[-1]) == pytest.approx((1.0, 1.0))
    v = lorenz["share_of_value"].to_numpy()
    assert np.all(np.diff(v) >= 0) and np.all(np.diff(v, 2) >= -1e-15)  # rises, convex
    assert np.all(v <= lorenz["share_of_customers"].to_numpy() + 1e-12)  # never above equality


def test_lorenz_small_case_by_hand():
    lorenz = lorenz_curve([6, 1, 3])
    np.testing.assert_allclose(lorenz["share_of_customers"], [0, 1 / 3, 2 / 3, 1])
    np.testing.assert_allclose(lorenz["share_of_value"], [0, 0.1, 0.4, 1.0])


def test_lorenz_of_equal_values_is_the_diagonal():
    lorenz = lorenz_curve([2, 2, 2, 2])
    np.testing.assert_allclose(lorenz["share_of_value"], lorenz["share_of_customers"])


# --- ABC ------------------------------------------------------------------------------------------

def test_abc_hand_solvable_case():
    # sorted: 50 (0.50), 30 (0.80), 10 (0.90), 5 (0.95), 5 (1.00)
    values = pd.Series([5, 50, 10, 30, 5], index=["e", "a", "c", "b", "d"])
    abc = abc_classes(values)
    assert abc.index.tolist() == ["a", "b", "c", "e", "d"]  # equal values keep input order
    assert abc["abc_class"].astype(str).tolist() == ["A", "A", "B", "B", "C"]
    assert abc["rank"].tolist() == [1, 2, 3, 4, 5]
    np.testing.assert_allclose(abc["cumulative_share"], [0.5, 0.8, 0.9, 0.95, 1.0])


def test_abc_class_a_is_the_smallest_top_group_reaching_the_cut():
    y = np.random.default_rng(2).pareto(1.5, size=2000) + 0.01
    for cuts in [(0.8, 0.95), (0.5, 0.9), (0.3, 0.6, 0.9)]:
        abc = abc_classes(y, cuts=cuts)
        letters = "ABCD"[:len(cuts) + 1]
        assert list(abc["abc_class"].cat.categories) == list(letters)
        for k, cut in enumerate(cuts):
            inside = abc["abc_class"].astype(str).isin(list(letters[:k + 1])).to_numpy()
            share = abc["share"].to_numpy()
            assert share[inside].sum() >= cut - 1e-12  # reaches the cut...
            assert share[inside][:-1].sum() < cut  # ...and one customer fewer would not
        assert abc["abc_class"].is_monotonic_increasing


def test_abc_one_customer_and_cut_at_one():
    abc = abc_classes([7.0])
    assert abc["abc_class"].tolist() == ["A"]
    assert abc_classes([3, 1], cuts=(0.5, 1.0))["abc_class"].astype(str).tolist() == ["A", "B"]


def test_abc_gini_lorenz_do_not_change_the_input():
    values = pd.Series([3.0, 1.0, 2.0], index=["x", "y", "z"])
    before = values.copy()
    abc_classes(values), gini(values), lorenz_curve(values)
    pd.testing.assert_series_equal(values, before)


@pytest.mark.parametrize("func", [abc_classes, lorenz_curve, gini])
@pytest.mark.parametrize("values,error,message", [
    ([], ValueError, "empty"),
    ([1.0, -2.0, 3.0], ValueError, "negative"),
    ([1.0, np.nan], ValueError, "NaN"),
    ([1.0, np.inf], ValueError, "finite"),
    ([0.0, 0.0], ValueError, "all zero"),
    ("abc", TypeError, "values must be"),
    (["a", "b"], TypeError, "must hold numbers"),
    ([True, False], TypeError, "must hold numbers"),
    ([[1.0, 2.0], [3.0, 4.0]], ValueError, "one-dimensional"),
    (pd.DataFrame({"a": [1.0]}), TypeError, "DataFrame"),
])
def test_bad_values_are_named(func, values, error, message):
    with pytest.raises(error, match=message):
        func(values)


@pytest.mark.parametrize("cuts,error", [
    ((0.95, 0.8), ValueError), ((0.0, 0.9), ValueError), ((0.8, 1.2), ValueError),
    ((), ValueError), ("0.8", TypeError), (0.8, TypeError), (("a", "b"), TypeError),
])
def test_bad_cuts_are_named(cuts, error):
    with pytest.raises(error, match="cuts"):
        abc_classes([1, 2, 3], cuts=cuts)


# --- RFM table ------------------------------------------------------------------------------------

def small_tx():
    """Five customers, built so every score can be worked out by hand (now = 2024-03-31)."""
    rows = [
        ("a", "2024-03-30", 20.0), ("a", "2024-03-01", 30.0), ("a", "2024-02-01", 50.0),  # R 1 day
        ("b", "2024-03-21", 10.0), ("b", "2024-03-21", 15.0),  # two purchases on one day
        ("c", "2024-01-01", 200.0), ("c", "2024-01-15", 100.0),  # big spender, quiet since
        ("d", "2024-02-10", 25.0),
        ("e", "2024-02-10", 5.0),  # same recency and frequency as d, spends less
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


def test_rfm_small_frame_by_hand():
    rfm = rfm_table(small_tx(), now="2024-03-31")
    assert rfm.index.tolist() == ["a", "b", "c", "d", "e"]
    assert rfm["recency"].tolist() == [1, 10, 76, 50, 50]
    assert rfm["frequency"].tolist() == [3, 1, 2, 1, 1]  # b's two same-day purchases count once
    assert rfm["monetary"].tolist() == [100.0, 25.0, 300.0, 25.0, 5.0]
    # five customers, five bins: each score is used once
    # R: a (1 day) best, then b (10), then d and e (50; d buys as often but spends more), c (76)
    assert rfm["R"].tolist() == [5, 4, 1, 3, 2]
    # F: a (3), c (2), then b, d, e with one day each, ranked by monetary: d (25) vs b (25) tie
    # -> broken by recency (b is more recent), e (5) last
    assert rfm["F"].tolist() == [5, 3, 4, 2, 1]
    # M: c 300, a 100, b and d 25 (b buys as often, but is more recent), e 5
    assert rfm["M"].tolist() == [4, 3, 5, 2, 1]
    assert rfm["rfm_score"].tolist() == ["554", "433", "145", "322", "211"]
    assert rfm.loc["c", "first_purchase"] == pd.Timestamp("2024-01-01")
    assert rfm.loc["c", "last_purchase"] == pd.Timestamp("2024-01-15")
    assert rfm.attrs == {"now": pd.Timestamp("2024-03-31"), "bins": 5}


def test_rfm_default_now_is_the_last_purchase():
    rfm = rfm_table(small_tx())
    assert rfm.attrs["now"] == pd.Timestamp("2024-03-30")
    assert rfm["recency"].min() == 0 and rfm.loc["a", "recency"] == 0


def test_rfm_scores_do_not_depend_on_row_order():
    tx = small_tx()
    shuffled = tx.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(rfm_table(tx, now="2024-03-31"), rfm_table(shuffled, now="2024-03-31"))


def test_rfm_scores_are_equal_sized_quantiles_and_follow_the_measures():
    tx = data.load_cdnow()
    for bins in (2, 3, 5, 10):
        rfm = rfm_table(tx, bins=bins)
        n = len(rfm)
        for col, measure, better in (("R", "recency", -1), ("F", "frequency", 1), ("M", "monetary", 1)):
            sizes = rfm[col].value_counts().sort_index()
            assert sizes.index.tolist() == list(range(1, bins + 1))
            assert sizes.max() - sizes.min() <= 1 and sizes.sum() == n
            # a higher score never means a worse measure
            by_score = rfm.groupby(col)[measure]
            worst_of_higher = (better * by_score.min() if better > 0 else -by_score.max()).to_numpy()
            best_of_lower = (better * by_score.max() if better > 0 else -by_score.min()).to_numpy()
            assert np.all(worst_of_higher[1:] >= best_of_lower[:-1])


def test_rfm_on_cdnow_matches_direct_pandas_counts():
    tx = data.load_cdnow()
    rfm = rfm_table(tx)
    assert len(rfm) == 2357 and rfm.attrs["now"] == pd.Timestamp("1998-06-30")
    days = tx.groupby("customer_id")["date"].nunique()
    pd.testing.assert_series_equal(rfm["frequency"], days, check_names=False, check_dtype=False)
    np.testing.assert_allclose(rfm["monetary"], tx.groupby("customer_id")["amount"].sum())
    # purchase days minus one = BTYD repeat transactions: in the calibration period (to
    # 1997-09-30) Fader, Hardie & Lee count 2,457 repeat transactions by 946 repeat buyers
    calibration = rfm_table(tx[tx["date"] <= "1997-09-30"], now="1997-09-30")
    assert len(calibration) == 2357
    assert int((calibration["frequency"] - 1).sum()) == 2457
    assert int((calibration["frequency"] > 1).sum()) == 946
    assert rfm["monetary"].sum() == pytest.approx(tx["amount"].sum())


def test_rfm_does_not_change_the_transactions():
    tx = small_tx()
    before = tx.copy()
    rfm_table(tx, now="2024-04-30")
    pd.testing.assert_frame_equal(tx, before)


@pytest.mark.parametrize("kwargs,error,message", [
    ({"now": "2024-03-01"}, ValueError, "before the last purchase"),
    ({"now": "not a date"}, ValueError, "now must be a date"),
    ({"bins": 1}, ValueError, "bins must be 2 or more"),
    ({"bins": 2.5}, TypeError, "bins must be a whole number"),
    ({"bins": True}, TypeError, "bins must be a whole number"),
])
def test_rfm_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        rfm_table(small_tx(), **kwargs)


@pytest.mark.parametrize("change,message", [
    (lambda tx: tx.iloc[0:0], "empty"),
    (lambda tx: tx.drop(columns="amount"), "missing column"),
    (lambda tx: tx.assign(amount=-tx["amount"]), "negative"),
    (lambda tx: tx.assign(customer_id=[None] + list(tx["customer_id"][1:])), "missing id"),
    (lambda tx: tx.assign(date=["soon"] + list(tx["date"][1:])), "not dates"),
])
def test_rfm_bad_transactions_are_named(change, message):
    with pytest.raises(ValueError, match=message):
        rfm_table(change(small_tx()))


def test_rfm_needs_a_dataframe():
    with pytest.raises(TypeError, match="DataFrame"):
        rfm_table([("a", "2024-01-01", 1.0)])


# --- segments -------------------------------------------------------------------------------------

def test_segments_follow_the_documented_grid():
    grid = pd.DataFrame(list(itertools.product(range(1, 6), range(1, 6))), columns=["R", "F"])
    seg = rfm_segments(grid)
    band = {1: "low", 2: "low", 3: "mid", 4: "high", 5: "high"}
    for r, f, name in zip(seg["R"], seg["F"], seg["segment"]):
        assert SEGMENTS[name][1:3] == (band[r], band[f]), (r, f, name)
    assert set(seg["segment"]) == set(SEGMENTS)  # every segment is reachable


def test_segment_cut_points_move_customers():
    grid = pd.DataFrame({"R": [3, 3], "F": [5, 3]})
    assert rfm_segments(grid)["segment"].tolist() == ["loyal", "need_attention"]
    assert rfm_segments(grid, r_cuts=(2, 3))["segment"].tolist() == ["champions", "potential_loyalists"]
    assert rfm_segments(grid, r_cuts=(3, 4), f_cuts=(1, 5))["segment"].tolist() == ["at_risk", "hibernating"]


def test_segment_defaults_for_other_bins():
    rfm = rfm_table(data.load_cdnow(), bins=3)
    seg = rfm_segments(rfm)
    assert seg.attrs["r_cuts"] == (1, 3) and seg.attrs["f_cuts"] == (1, 3)


def test_segment_summary_adds_up_and_does_not_change_the_input():
    rfm = rfm_table(data.load_cdnow())
    before = rfm.copy()
    seg = rfm_segments(rfm)
    pd.testing.assert_frame_equal(rfm, before)
    summary = segment_summary(seg)
    assert summary.index.tolist() == list(SEGMENTS)
    assert summary["customers"].sum() == len(rfm)
    assert summary["share_of_customers"].sum() == pytest.approx(1.0)
    assert summary["share_of_revenue"].sum() == pytest.approx(1.0)
    assert summary["revenue"].sum() == pytest.approx(rfm["monetary"].sum())
    # champions bring a larger share of revenue than of customers; lost customers the reverse
    assert summary.loc["champions", "share_of_revenue"] > summary.loc["champions", "share_of_customers"]
    assert summary.loc["lost", "share_of_revenue"] < summary.loc["lost", "share_of_customers"]


@pytest.mark.parametrize("rfm,kwargs,error,message", [
    ([1, 2], {}, TypeError, "rfm must be a DataFrame"),
    (pd.DataFrame({"R": [1]}), {}, ValueError, "missing score"),
    (pd.DataFrame({"R": [], "F": []}, dtype=int), {}, ValueError, "empty"),
    (pd.DataFrame({"R": [1.5], "F": [2]}), {}, ValueError, "whole-number"),
    (pd.DataFrame({"R": [0], "F": [2]}), {}, ValueError, "whole-number"),
    (pd.DataFrame({"R": [1, None], "F": [2, 3]}), {}, ValueError, "missing scores"),
    (pd.DataFrame({"R": [1], "F": [2]}), {"r_cuts": (4, 2)}, ValueError, "r_cuts must satisfy"),
    (pd.DataFrame({"R": [1], "F": [2]}), {"f_cuts": (0, 6)}, ValueError, "f_cuts must satisfy"),
    (pd.DataFrame({"R": [1], "F": [2]}), {"f_cuts": 3}, TypeError, "f_cuts must be a pair"),
    (pd.DataFrame({"R": [1], "F": [2]}), {"r_cuts": (1.5, 3)}, TypeError, "whole-number"),
])
def test_segments_bad_input_is_named(rfm, kwargs, error, message):
    with pytest.raises(error, match=message):
        rfm_segments(rfm, **kwargs)


def test_segment_summary_bad_input_is_named():
    with pytest.raises(TypeError, match="segmented"):
        segment_summary("x")
    with pytest.raises(ValueError, match="segment"):
        segment_summary(pd.DataFrame({"monetary": [1.0]}))
    with pytest.raises(ValueError, match="outside"):
        segment_summary(pd.DataFrame({"segment": ["vip"], "monetary": [1.0], "recency": [1], "frequency": [1]}))


def test_segment_summary_accepts_plain_segment_names():
    plain = pd.DataFrame({"segment": ["lost", "champions", "champions"], "monetary": [1.0, 2.0, 7.0],
                          "recency": [90, 1, 3], "frequency": [1, 4, 6]})
    summary = segment_summary(plain)
    assert summary.loc["champions", "customers"] == 2 and summary.loc["champions", "revenue"] == 9.0
    assert summary.loc["champions", "mean_recency"] == 2.0 and summary.loc["loyal", "customers"] == 0
    assert summary.loc["lost", "share_of_revenue"] == pytest.approx(0.1)


# --- the eight classes of Chinese CRM courses -----------------------------------------------------

#: The mapping as Chinese courses teach it, written out independently of helpers.value:
#: Chinese name -> (R, F, M), where R "high" means a recent last purchase (few days).
TEXTBOOK = {
    "重要价值客户": ("high", "high", "high"),
    "重要保持客户": ("low", "high", "high"),
    "重要发展客户": ("high", "low", "high"),
    "重要挽留客户": ("low", "low", "high"),
    "一般价值客户": ("high", "high", "low"),
    "一般保持客户": ("low", "high", "low"),
    "一般发展客户": ("high", "low", "low"),
    "一般挽留客户": ("low", "low", "low"),
}


def factorial_frame():
    """All eight combinations once (recent 10 / 90 days, 5 / 1 purchases, 500 / 100 spent), so the
    means are exactly 50 days, 3 purchases and 300; plus customer "tie", who sits exactly on all
    three means (and medians) and so keeps them where they are."""
    rows = {f"{r}{f}{m}": (10 if r == "H" else 90, 5 if f == "H" else 1, 500.0 if m == "H" else 100.0)
            for r, f, m in itertools.product("HL", repeat=3)}
    rows["tie"] = (50, 3, 300.0)
    return pd.DataFrame.from_dict(rows, orient="index", columns=["recency", "frequency", "monetary"])


@pytest.mark.parametrize("split", ["mean", "median"])
def test_eight_classes_follow_the_textbook_mapping(chinese, split):
    frame = factorial_frame()
    classes = rfm_eight_classes(frame, split=split)
    assert classes.attrs["thresholds"] == {"recency": 50.0, "frequency": 3.0, "monetary": 300.0}
    level = {"H": "high", "L": "low"}
    for customer, name in classes["eight_class"].items():
        if customer == "tie":
            continue
        chinese_name = text(f"tables.values.eight_class.{name}")
        assert TEXTBOOK[chinese_name] == tuple(level[c] for c in customer), (customer, name, chinese_name)
    assert set(classes["eight_class"].drop("tie")) == set(EIGHT_CLASSES)  # every class is reached


def test_a_value_on_the_threshold_counts_as_low():
    classes = rfm_eight_classes(factorial_frame())
    tie = classes.loc["tie"]
    assert (tie["R_high"], tie["F_high"], tie["M_high"]) == (False, False, False)
    assert tie["eight_class"] == "general to win back"
    # one step better than the threshold on each measure is high
    nudged = factorial_frame()
    nudged.loc["tie"] = (49, 4, 301.0)
    moved = rfm_eight_classes(nudged).loc["tie"]
    thresholds = rfm_eight_classes(nudged).attrs["thresholds"]
    assert nudged.loc["tie", "recency"] < thresholds["recency"] and moved["R_high"]
    assert moved["eight_class"] == "important value"


def test_all_customers_equal_are_all_low():
    same = pd.DataFrame({"recency": [7, 7, 7], "frequency": [2, 2, 2], "monetary": [50.0] * 3})
    assert set(rfm_eight_classes(same)["eight_class"]) == {"general to win back"}


def test_recency_is_high_when_the_days_are_few():
    frame = pd.DataFrame({"recency": [0, 400], "frequency": [3, 3], "monetary": [100.0, 100.0]}, index=["new", "old"])
    classes = rfm_eight_classes(frame)
    assert classes.loc["new", "R_high"] and not classes.loc["old", "R_high"]
    # same F and M (both on their mean, so low): only R tells them apart, develop against win back
    assert classes["eight_class"].tolist() == ["general to develop", "general to win back"]


def test_mean_and_median_differ_on_skewed_spend():
    frame = pd.DataFrame({"recency": [10, 20, 30, 40], "frequency": [1, 1, 1, 1],
                          "monetary": [10.0, 20.0, 30.0, 1000.0]}, index=list("abcd"))
    by_mean, by_median = rfm_eight_classes(frame), rfm_eight_classes(frame, split="median")
    assert by_mean.attrs["thresholds"]["monetary"] == 265.0 and by_median.attrs["thresholds"]["monetary"] == 25.0
    assert by_mean["M_high"].tolist() == [False, False, False, True]
    assert by_median["M_high"].tolist() == [False, False, True, True]
    assert by_mean.attrs["split"] == "mean" and by_median.attrs["split"] == "median"
    # recency 10, 20 are below both the mean and the median (25): recent
    assert by_mean["R_high"].tolist() == by_median["R_high"].tolist() == [True, True, False, False]
    assert by_median.loc["c", "eight_class"] == "important to win back"
    assert by_mean.loc["c", "eight_class"] == "general to win back"


def test_eight_classes_on_cdnow_agree_with_the_raw_thresholds():
    rfm = rfm_table(data.load_cdnow())
    before = rfm.copy()
    classes = rfm_eight_classes(rfm)
    pd.testing.assert_frame_equal(rfm, before)
    assert classes["R_high"].equals(rfm["recency"] < rfm["recency"].mean())
    assert classes["F_high"].equals(rfm["frequency"] > rfm["frequency"].mean())
    assert classes["M_high"].equals(rfm["monetary"] > rfm["monetary"].mean())
    assert classes.attrs["bins"] == rfm.attrs["bins"] and classes.attrs["now"] == rfm.attrs["now"]
    median = rfm_eight_classes(rfm, split="median")
    assert median["M_high"].equals(rfm["monetary"] > rfm["monetary"].median())
    # spend is skewed: the mean lies above the median, so fewer customers are M high by the mean
    assert classes["M_high"].sum() < median["M_high"].sum()


def test_eight_classes_do_not_change_the_callers_frame():
    frame = factorial_frame()
    frame.attrs["note"] = "mine"
    before, attrs = frame.copy(), dict(frame.attrs)
    out = rfm_eight_classes(frame, split="median")
    pd.testing.assert_frame_equal(frame, before)
    assert frame.attrs == attrs and "eight_class" not in frame.columns
    assert out.attrs["note"] == "mine" and out is not frame


@pytest.mark.parametrize("rfm,kwargs,error,message", [
    ([1, 2], {}, TypeError, "rfm must be a DataFrame"),
    (pd.DataFrame({"recency": [1], "frequency": [1]}), {}, ValueError, r"missing column\(s\) \['monetary'\]"),
    (pd.DataFrame({"recency": [], "frequency": [], "monetary": []}), {}, ValueError, "rfm is empty"),
    (pd.DataFrame({"recency": [1, None], "frequency": [1, 2], "monetary": [1.0, 2.0]}), {}, ValueError, "missing values"),
    (pd.DataFrame({"recency": [1], "frequency": ["often"], "monetary": [1.0]}), {}, TypeError, "'frequency' must hold numbers"),
    (pd.DataFrame({"recency": [1], "frequency": [1], "monetary": [np.inf]}), {}, ValueError, "'monetary' must hold finite"),
    (pd.DataFrame({"recency": [-1], "frequency": [1], "monetary": [1.0]}), {}, ValueError, "'recency' must be zero or more"),
    (factorial_frame(), {"split": "average"}, ValueError, "split must be one of"),
    (factorial_frame(), {"split": None}, ValueError, "split must be one of"),
    (factorial_frame(), {"split": 0.5}, ValueError, "split must be one of"),
])
def test_eight_classes_bad_input_is_named(rfm, kwargs, error, message):
    with pytest.raises(error, match=message):
        rfm_eight_classes(rfm, **kwargs)


def test_eight_class_summary_adds_up():
    frame = factorial_frame()
    summary = eight_class_summary(rfm_eight_classes(frame))
    assert summary.index.tolist() == list(EIGHT_CLASSES) and summary.index.name == "eight_class"
    assert summary["customers"].tolist() == [1, 1, 1, 1, 1, 1, 1, 2]   # the tie joins general to win back
    assert summary["share_of_customers"].sum() == pytest.approx(1.0)
    assert summary["revenue"].sum() == pytest.approx(frame["monetary"].sum())
    assert summary.loc["important value", "share_of_revenue"] == pytest.approx(500 / 2700)
    assert summary.loc["general to win back", "mean_monetary"] == pytest.approx(200.0)
    assert summary.loc["general to win back", "mean_recency"] == pytest.approx(70.0)
    assert summary.loc["important to keep", "mean_frequency"] == pytest.approx(5.0)


def test_eight_class_summary_keeps_empty_classes_and_refuses_unknown_names():
    plain = pd.DataFrame({"eight_class": ["important value", "general to keep"], "monetary": [3.0, 1.0],
                          "recency": [1, 90], "frequency": [4, 4]})
    summary = eight_class_summary(plain)
    assert summary.loc["important to develop", "customers"] == 0
    assert summary.loc["important value", "share_of_revenue"] == pytest.approx(0.75)
    with pytest.raises(ValueError, match="outside"):
        eight_class_summary(plain.assign(eight_class=["vip", "general to keep"]))
    with pytest.raises(ValueError, match="classed is missing"):
        eight_class_summary(plain.drop(columns="eight_class"))
    with pytest.raises(TypeError, match="classed"):
        eight_class_summary("x")


def test_eight_class_names_in_chinese(chinese):
    summary = eight_class_summary(rfm_eight_classes(factorial_frame()))
    shown = display_columns(summary)
    assert shown.index.tolist() == ["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户",
                                    "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"]
    assert shown.index.name == "客户类别"
    assert list(shown.columns[:4]) == ["客户数", "客户占比", "收入", "收入占比"]
    assert summary.index[0] == "important value"  # the data keep their keys


def test_eight_class_names_in_english():
    summary = eight_class_summary(rfm_eight_classes(factorial_frame()))
    assert display_columns(summary).index.tolist() == list(EIGHT_CLASSES)
    assert [text(f"tables.values.eight_class.{name}") for name in EIGHT_CLASSES] == list(EIGHT_CLASSES)


def test_segment_names_in_tables_are_those_of_the_figures():
    from helpers.language import texts
    for name, spec in SEGMENTS.items():
        assert texts(f"tables.values.segment.{name}")[1] == texts(f"value_plots.segment_name.{name}")[1] == spec[0]


def test_segments_and_eight_classes_have_distinct_chinese_names():
    """The nine segments and the eight classes are different groups, so no Chinese name may serve
    two of them (e.g. champions called 重要价值客户, the top class of the eight)."""
    from helpers.language import texts
    names = ([spec[0] for spec in SEGMENTS.values()]
             + [texts(f"value_plots.segment_name.{name}")[1] for name in SEGMENTS]
             + [texts(f"tables.values.segment.{name}")[1] for name in SEGMENTS])
    segments = set(names)
    assert len(segments) == len(SEGMENTS), f"segments with one Chinese name or different names: {names}"
    classes = [texts(f"tables.values.eight_class.{name}")[1] for name in EIGHT_CLASSES]
    assert len(set(classes)) == len(EIGHT_CLASSES), classes
    assert segments.isdisjoint(classes), sorted(segments & set(classes))
    assert texts("tables.values.segment.champions")[1] == "冠军客户"
