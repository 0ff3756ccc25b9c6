"""BTYD models: the customer summary, BG/NBD and Gamma-Gamma against Fader, Hardie & Lee (2005)."""
import numpy as np
import pandas as pd
import pytest

from helpers import btyd, data

CAL, OBS = "1997-09-30", "1998-06-30"


@pytest.fixture(scope="module")
def cdnow():
    return data.load_cdnow()


@pytest.fixture(scope="module")
def summary(cdnow):
    return btyd.summarize(cdnow, calibration_end=CAL, observation_end=OBS)


def tiny():
    return pd.DataFrame({"customer_id": ["a", "a", "a", "b", "c", "a"],
                         "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-15", "2024-01-08",
                                                 "2024-02-05", "2024-02-12"]),
                         "amount": [10.0, 5.0, 20.0, 7.0, 3.0, 9.0]})


# --- summarize -------------------------------------------------------------------------------

def test_cdnow_sample_counts_match_the_paper(summary):
    # Fader, Hardie & Lee (2005): 2,357 customers, 2,457 repeat transactions, 946 repeat buyers
    assert len(summary) == 2357
    assert summary["frequency"].sum() == 2457
    assert (summary["frequency"] > 0).sum() == 946


def test_cdnow_calibration_is_39_weeks_and_holdout_39_weeks(summary):
    # first purchases run from 1 January to 31 March 1997; the calibration ends on 30 September
    assert summary["T"].max() == pytest.approx(272 / 7)
    assert 183 / 7 <= summary["T"].min() < 30  # first purchases end in late March 1997
    assert summary["duration_holdout"].iloc[0] == pytest.approx(273 / 7)
    assert (summary["recency"] <= summary["T"]).all()
    assert ((summary["frequency"] == 0) == (summary["recency"] == 0)).all()


def test_same_day_purchases_are_merged_and_the_first_is_excluded_from_monetary_value():
    s = btyd.summarize(tiny(), calibration_end="2024-01-29", observation_end="2024-02-26")
    assert list(s.index) == ["a", "b"]  # c first buys in the holdout
    a = s.loc["a"]
    assert a["frequency"] == 1 and a["recency"] == 2.0 and a["T"] == 4.0
    assert a["monetary_value"] == 20.0  # the merged first day (10 + 5) is excluded
    assert a["frequency_holdout"] == 1 and a["monetary_value_holdout"] == 9.0
    assert a["duration_holdout"] == 4.0
    assert s.loc["b", "monetary_value"] == 0.0 and s.loc["b", "frequency_holdout"] == 0


def test_days_unit_and_default_calibration_end():
    s = btyd.summarize(tiny(), freq="D")
    assert s.attrs["calibration_end"] == pd.Timestamp("2024-02-12")
    assert s.loc["a", "T"] == 42.0 and s.loc["a", "recency"] == 42.0
    assert s.loc["a", "frequency"] == 2 and s.loc["a", "monetary_value"] == pytest.approx(14.5)
    assert s.loc["c", "T"] == 7.0 and s.loc["c", "frequency"] == 0
    assert "frequency_holdout" not in s


def test_summarize_does_not_change_the_callers_frame():
    tx = tiny()
    before = tx.copy()
    btyd.summarize(tx, calibration_end="2024-01-29", observation_end="2024-02-26")
    pd.testing.assert_frame_equal(tx, before)


def test_summary_agrees_with_a_plain_pandas_computation(cdnow):
    s = btyd.summarize(cdnow, calibration_end=CAL)
    daily = (cdnow[cdnow["date"] <= CAL].groupby(["customer_id", "date"])["amount"].sum().reset_index())
    g = daily.groupby("customer_id")
    first, last = g["date"].min(), g["date"].max()
    expected_freq = g.size() - 1
    pd.testing.assert_series_equal(s["frequency"], expected_freq.rename("frequency"), check_dtype=False)
    np.testing.assert_allclose(s["recency"], (last - first).dt.days / 7)
    np.testing.assert_allclose(s["T"], (pd.Timestamp(CAL) - first).dt.days / 7)
    repeat_mean = daily[daily["date"] > daily["customer_id"].map(first)].groupby("customer_id")["amount"].mean()
    np.testing.assert_allclose(s["monetary_value"], repeat_mean.reindex(s.index).fillna(0.0))


@pytest.mark.parametrize("kwargs,error,message", [
    ({"calibration_end": "2024-02-01", "observation_end": "2024-01-20"}, ValueError, "must be after calibration_end"),
    ({"calibration_end": "2024-02-01", "observation_end": "2024-02-01"}, ValueError, "must be after calibration_end"),
    ({"calibration_end": "2023-12-31"}, ValueError, "calibration_end .* is before the first purchase"),
    ({"observation_end": "2024-03-01"}, ValueError, "observation_end needs calibration_end"),
    ({"calibration_end": "not a date"}, ValueError, "calibration_end must be a date"),
    ({"calibration_end": 19970930}, TypeError, "calibration_end must be a date"),
    ({"freq": "M"}, ValueError, "freq must be one of"),
    ({"freq": 7}, ValueError, "freq must be one of"),
])
def test_summarize_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        btyd.summarize(tiny(), **kwargs)


@pytest.mark.parametrize("change,message", [
    (lambda t: t.drop(columns="date"), "missing column"),
    (lambda t: t.rename(columns={"amount": "Amount"}), "missing column"),
    (lambda t: t.assign(customer_id=[None, "a", "a", "b", "c", "a"]), "customer_id"),
    (lambda t: t.assign(amount=[-1.0, 5, 20, 7, 3, 9]), "negative"),
    (lambda t: t.assign(amount=[np.nan, 5, 20, 7, 3, 9]), "amount"),
    (lambda t: t.iloc[:0], "empty"),
])
def test_summarize_rejects_bad_transactions(change, message):
    with pytest.raises(ValueError, match=message):
        btyd.summarize(change(tiny()))


def test_summarize_rejects_a_non_frame():
    with pytest.raises(TypeError, match="DataFrame"):
        btyd.summarize([("a", "2024-01-01", 1.0)])
