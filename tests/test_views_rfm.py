"""The RFM explorer, without a browser: moving a cut point reruns the model and redraws."""
import ipywidgets as widgets
import pandas as pd
import pytest

from helpers import data, views
from helpers.value import rfm_table


@pytest.fixture(scope="module")
def cdnow_rfm():
    return rfm_table(data.load_cdnow())


def test_defaults_follow_the_documented_cut_points(cdnow_rfm):
    ex = views.rfm_explorer(cdnow_rfm)
    assert ex.controls["r_cuts"].value == (2, 4) and ex.controls["f_cuts"].value == (2, 4)
    assert ex.result["customers"].sum() == len(cdnow_rfm)
    assert ex.result["share_of_revenue"].sum() == pytest.approx(1.0)
    assert "of revenue" in ex.summary.value
    assert bytes(ex.image.value).startswith(b"\x89PNG")


def test_lowering_the_recent_cut_point_grows_the_champions(cdnow_rfm):
    ex = views.rfm_explorer(cdnow_rfm)
    before, image = ex.result.copy(), bytes(ex.image.value)
    ex.controls["r_cuts"].value = (2, 3)
    assert ex.result.loc["champions", "customers"] > before.loc["champions", "customers"]
    assert ex.result.loc["champions", "share_of_revenue"] > before.loc["champions", "share_of_revenue"]
    assert ex.result.loc["loyal", "customers"] == 0  # mid R is empty when low = 2 and high = 3
    assert bytes(ex.image.value) != image


def test_raising_the_frequent_cut_point_shrinks_the_champions(cdnow_rfm):
    ex = views.rfm_explorer(cdnow_rfm)
    before = ex.result.loc["champions", "customers"]
    ex.controls["f_cuts"].value = (2, 5)
    assert ex.result.loc["champions", "customers"] < before


def test_handles_on_one_value_still_draw(cdnow_rfm):
    ex = views.rfm_explorer(cdnow_rfm)
    ex.controls["r_cuts"].value = (5, 5)
    assert ex.result["customers"].sum() == len(cdnow_rfm)
    ex.controls["f_cuts"].value = (1, 1)
    assert ex.result["customers"].sum() == len(cdnow_rfm)


@pytest.mark.parametrize("start,moved,shown", [
    ((2, 4), (4, 4), (3, 4)),     # the low handle dragged onto the high one goes back a step
    ((2, 4), (2, 2), (2, 3)),     # the high handle dragged onto the low one goes back a step
    ((2, 4), (5, 5), (4, 5)),     # at the top end only the low handle can give way
    ((2, 4), (1, 1), (1, 2)),     # at the bottom end only the high handle can
])
def test_handles_never_show_a_value_the_model_does_not_use(cdnow_rfm, start, moved, shown):
    ex = views.rfm_explorer(cdnow_rfm)
    cuts = ex.controls["r_cuts"]
    cuts.value = start
    cuts.value = moved
    assert cuts.value == shown
    from helpers.value import rfm_segments, segment_summary
    expected = segment_summary(rfm_segments(cdnow_rfm, r_cuts=shown, f_cuts=ex.controls["f_cuts"].value))
    pd.testing.assert_frame_equal(ex.result, expected)


def test_a_dropdown_switches_data_sets(cdnow_rfm):
    later = rfm_table(data.load_cdnow().query("date >= '1998-01-01'"))
    ex = views.rfm_explorer({"all": cdnow_rfm, "1998": later})
    assert isinstance(ex.controls["data"], widgets.Dropdown)
    ex.controls["data"].value = "1998"
    assert ex.result["customers"].sum() == len(later) < len(cdnow_rfm)


def test_default_is_the_cdnow_sample():
    ex = views.rfm_explorer()
    assert ex.result["customers"].sum() == 2357


@pytest.mark.parametrize("tables,error", [
    ({}, TypeError), ([1, 2], TypeError), (pd.DataFrame({"R": [1], "F": [1]}), ValueError),
])
def test_bad_tables_are_named(tables, error):
    with pytest.raises(error, match="tables"):
        views.rfm_explorer(tables)


def test_tables_must_share_bins(cdnow_rfm):
    with pytest.raises(ValueError, match="bins"):
        views.rfm_explorer({"five": cdnow_rfm, "three": rfm_table(data.load_cdnow(), bins=3)})
