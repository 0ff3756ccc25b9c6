"""Purchase histories: the customer summary and the cohort's repeat purchases week by week share one
bookkeeping of first purchases, and agree with each other and with counts by hand."""
import numpy as np
import pandas as pd
import pytest

from helpers import btyd, data, purchase_histories as ph

CAL, OBS = "1997-09-30", "1998-06-30"


def tiny():
    # a: first purchase 1 Jan (twice that day), repeats on 3 Jan (week 1) and 20 Jan (week 3);
    # b: first purchase 8 Jan, repeat on 22 Jan (week 4); c: first purchase in the holdout;
    # a's purchase on 5 Feb is after the observation period
    return pd.DataFrame({"customer_id": ["a", "a", "a", "b", "a", "b", "c", "a"],
                         "date": ["2024-01-01", "2024-01-01", "2024-01-03", "2024-01-08", "2024-01-20",
                                  "2024-01-22", "2024-01-15", "2024-02-05"],
                         "amount": [10.0, 5.0, 5.0, 7.0, 20.0, 8.0, 3.0, 9.0]})


def test_the_models_module_offers_the_same_summary():
    assert btyd.summarize is ph.summarize
    assert btyd.UNIT_DAYS is ph.UNIT_DAYS and btyd.UNIT_NAMES is ph.UNIT_NAMES


def test_weekly_repeat_purchases_by_hand():
    table = ph.cumulative_repeat_purchases(tiny(), "2024-01-10", "2024-01-28")
    assert list(table.index) == [1, 2, 3, 4] and table.index.name == "week"
    assert table["actual"].tolist() == [1, 1, 2, 3]   # first purchases do not count; c is not in the cohort
    assert list(table.columns) == ["actual"]
    assert table.attrs["calibration_weeks"] == pytest.approx(10 / 7)


def test_the_expected_curve_adds_up_each_customer_at_their_own_age():
    # a started on day 0, b on day 7: at the end of week k they are k and k - 1 weeks old
    table = ph.cumulative_repeat_purchases(tiny(), "2024-01-10", "2024-01-28", expected=lambda t: t ** 2)
    k = np.arange(1, 5)
    np.testing.assert_allclose(table["expected"], k ** 2 + (k - 1) ** 2)


def test_the_two_tables_count_the_same_repeat_purchases():
    # FHL (2005): 2,457 repeat purchases in calibration and 1,882 in the holdout
    tx = data.load_cdnow()
    summary = ph.summarize(tx, CAL, OBS)
    table = ph.cumulative_repeat_purchases(tx, CAL, OBS)
    assert table["actual"].iloc[-1] == summary["frequency"].sum() + summary["frequency_holdout"].sum() == 4339
    # the first purchases start on 1 January 1997, so week 39 ends with the calibration on 30 September
    assert table["actual"].iloc[38] == summary["frequency"].sum() == 2457
    assert table.attrs["calibration_weeks"] == pytest.approx(39.0)


def test_tracking_is_the_weekly_table_with_the_models_curve():
    tx = data.load_cdnow()
    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    track = btyd.tracking(tx, bg, CAL, OBS)
    table = ph.cumulative_repeat_purchases(tx, CAL, OBS, expected=bg.expected_purchases_population)
    pd.testing.assert_frame_equal(track, table)
    # the cohort of 2,357 customers expects E[X(t)] each; after 78 weeks about the actual total
    assert track["expected"].iloc[-1] == pytest.approx(4339, rel=0.1)


@pytest.mark.parametrize("kwargs,error,message", [
    ({"calibration_end": None}, ValueError, "needs both calibration_end and observation_end"),
    ({"observation_end": None}, ValueError, "needs both calibration_end and observation_end"),
    ({"observation_end": "2024-01-05"}, ValueError, "must be after calibration_end"),
    ({"calibration_end": "2023-12-01"}, ValueError, "before the first purchase"),
    ({"calibration_end": 20240110}, TypeError, "calibration_end must be a date"),
    ({"expected": 3.0}, TypeError, "expected must be a function"),
])
def test_weekly_table_rejects_bad_arguments(kwargs, error, message):
    args = {"calibration_end": "2024-01-10", "observation_end": "2024-01-28", **kwargs}
    with pytest.raises(error, match=message):
        ph.cumulative_repeat_purchases(tiny(), **args)


def test_weekly_table_rejects_bad_transactions():
    with pytest.raises(ValueError, match="missing column"):
        ph.cumulative_repeat_purchases(tiny().drop(columns="date"), "2024-01-10", "2024-01-28")
    with pytest.raises(TypeError, match="DataFrame"):
        ph.cumulative_repeat_purchases(tiny().to_numpy(), "2024-01-10", "2024-01-28")


def test_tracking_checks_its_model_and_dates():
    tx = tiny()
    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    with pytest.raises(TypeError, match="bg must be a fitted BetaGeo model, got GammaGamma"):
        btyd.tracking(tx, btyd.GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44}), "2024-01-10", "2024-01-28")
    with pytest.raises(ValueError, match="call .fit"):
        btyd.tracking(tx, btyd.BetaGeo(), "2024-01-10", "2024-01-28")
    with pytest.raises(ValueError, match="tracking needs both"):
        btyd.tracking(tx, bg, "2024-01-10", None)


def test_the_caller_frame_is_not_changed():
    tx = tiny()
    before = tx.copy()
    ph.cumulative_repeat_purchases(tx, "2024-01-10", "2024-01-28", expected=lambda t: t)
    pd.testing.assert_frame_equal(tx, before)
