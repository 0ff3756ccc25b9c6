"""Win-backs from decline: counts by hand, launch windows, the counterfactual, bad input."""
import numpy as np
import pandas as pd
import pytest

from helpers import winback

MONTHS = pd.date_range("2013-01-01", periods=12, freq="MS")


def stages_from(rows):
    """rows: customer -> list of 12 stage labels (one per month of MONTHS)."""
    return pd.DataFrame([(c, m, s) for c, seq in rows.items() for m, s in zip(MONTHS, seq)],
                        columns=["customer_id", "period", "stage"])


def test_winback_by_month_counts_by_hand():
    s = stages_from({
        "a": ["decline", "formation"] + ["formation"] * 10,          # won back in Feb
        "b": ["decline", "decline", "stability"] + ["stability"] * 9,  # won back in Mar
        "c": ["decline", "churned"] + ["churned"] * 10,                 # lost in Feb
    })
    out = winback.winback_by_month(s)
    assert out.index[0] == pd.Timestamp("2013-02-01") and len(out) == 11
    assert out.loc["2013-02-01"].tolist() == [3.0, 1.0, pytest.approx(1 / 3)]
    assert out.loc["2013-03-01"].tolist() == [1.0, 1.0, 1.0]
    assert np.isnan(out.loc["2013-04-01", "rate"]) and out.loc["2013-04-01", "at_risk"] == 0


def test_launch_windows_start_with_the_first_full_month():
    w = winback.launch_windows({"Redmi": "2013-07-31", "Mi 4": "2014-07-01"}, months=3, before=12)
    assert w.loc["Redmi", "window_start"] == pd.Timestamp("2013-08-01")
    assert w.loc["Redmi", "window_end"] == pd.Timestamp("2013-10-01")
    assert w.loc["Redmi", "baseline_end"] == pd.Timestamp("2013-06-01")
    assert w.loc["Mi 4", "window_start"] == pd.Timestamp("2014-07-01")
    assert w.loc["Mi 4", "baseline_start"] == pd.Timestamp("2013-07-01")


def test_launch_winback_expected_and_extra_by_hand():
    # 4 customers in decline all year; in the window (Jul-Aug) two of them come back in July
    rows = {c: ["decline"] * 12 for c in "abcd"}
    rows["a"] = ["decline"] * 2 + ["formation"] + ["decline"] * 9          # won back in Mar (baseline)
    rows["b"] = ["decline"] * 6 + ["formation"] + ["formation"] * 5       # won back in Jul (window)
    rows["c"] = ["decline"] * 6 + ["stability"] + ["decline"] * 5         # won back in Jul (window)
    out = winback.launch_winback(stages_from(rows), {"X": "2013-07-01"}, months=2, before=4,
                                 n_boot=200, seed=0).loc["X"]
    # baseline Mar-Jun: at risk a(Mar), b, c, d (4 months each) -> a: Mar only (then formation, Apr
    # decline again from May: at risk May, Jun) = 3; b, c, d = 4 each -> 15 at-risk months, 1 win-back
    assert out["baseline_at_risk"] == 15 and out["baseline_rate"] == pytest.approx(1 / 15)
    # window Jul-Aug: a 2, b 1 (won in Jul), c 1 (won Jul; Aug from stability, not at risk), d 2 = 6
    assert out["at_risk"] == 6 and out["won_back"] == 2
    assert out["expected"] == pytest.approx(6 / 15)
    assert out["extra"] == pytest.approx(2 - 6 / 15)
    assert out["extra_lower"] <= out["extra"] <= out["extra_upper"]


def test_no_effect_gives_an_interval_around_zero():
    rng = np.random.default_rng(0)
    n = 3000
    seq = np.where(rng.random((n, 12)) < 0.2, "formation", "decline")
    seq[:, 0] = "decline"
    s = pd.DataFrame({"customer_id": np.repeat(np.arange(n), 12), "period": np.tile(MONTHS, n),
                      "stage": seq.ravel()})
    out = winback.launch_winback(s, {"X": "2013-09-15"}, months=3, before=6, n_boot=300, seed=1).loc["X"]
    assert out["extra_lower"] < 0 < out["extra_upper"]
    assert out["rate"] == pytest.approx(0.2, abs=0.02)


def test_bad_input():
    s = stages_from({"a": ["decline"] * 12})
    with pytest.raises(TypeError, match="stages"):
        winback.winback_by_month(s.to_dict())
    with pytest.raises(ValueError, match="missing column"):
        winback.winback_by_month(s.drop(columns="stage"))
    with pytest.raises(ValueError, match="empty"):
        winback.winback_by_month(s.iloc[:0])
    with pytest.raises(TypeError, match="dates"):
        winback.winback_by_month(s.assign(period=range(12)))
    with pytest.raises(ValueError, match="more than one row"):
        winback.winback_by_month(pd.concat([s, s.iloc[:1]]))
    with pytest.raises(ValueError, match="from_stage"):
        winback.winback_by_month(s, from_stage="formation")
    with pytest.raises(ValueError, match="single month"):
        winback.winback_by_month(s.iloc[:1])
    with pytest.raises(TypeError, match="launches"):
        winback.launch_windows(["2013-07-31"])
    with pytest.raises(ValueError, match="dates"):
        winback.launch_windows({"X": "not a date"})
    with pytest.raises(ValueError, match="months"):
        winback.launch_windows({"X": "2013-07-31"}, months=0)
    with pytest.raises(ValueError, match="no at-risk"):
        winback.launch_winback(s, {"X": "2016-01-01"}, n_boot=10)
    with pytest.raises(ValueError, match="n_boot"):
        winback.launch_winback(s, {"X": "2013-07-01"}, before=3, n_boot=1)


def test_caller_data_unchanged():
    s = stages_from({"a": ["decline", "formation"] * 6})
    before = s.copy()
    winback.winback_by_month(s)
    winback.launch_winback(s, {"X": "2013-07-01"}, months=2, before=3, n_boot=10)
    pd.testing.assert_frame_equal(s, before)
