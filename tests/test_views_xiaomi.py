"""The Xiaomi case widgets, without a browser: set a control, check the result and the picture."""
import base64

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import hunger_marketing as hm
from helpers import plotting, views, xiaomi
from helpers.plots import xiaomi as px


def test_hunger_marketing_explorer_is_an_explorer_and_matches_the_model():
    explorer = views.hunger_marketing_explorer()
    assert isinstance(explorer, views.Explorer)
    expected = hm.hunger_marketing()
    pd.testing.assert_frame_equal(explorer.result, expected)
    assert bytes(explorer.image.value).startswith(b"\x89PNG")


def test_more_frustration_loses_more_prospects_and_redraws():
    explorer = views.hunger_marketing_explorer(buzz_gain=0.0)
    explorer.controls["frustration"].value = 0.0
    before_image, before = bytes(explorer.image.value), explorer.result
    assert before["cum_lost"].iloc[-1] == 0
    explorer.controls["frustration"].value = 0.5
    assert explorer.result["cum_lost"].iloc[-1] > 0
    assert bytes(explorer.image.value) != before_image
    assert "frustration outweighs buzz" in explorer.summary.value


def test_enough_supply_ends_the_scarcity():
    explorer = views.hunger_marketing_explorer()
    sold_out = int((explorer.result["unmet"] > 0).sum())
    explorer.controls["supply"].value = 1000.0
    assert int((explorer.result["unmet"] > 0).sum()) < sold_out
    assert "Sold out in 1 of 52 weeks" in explorer.summary.value


def test_stronger_buzz_brings_more_prospects():
    explorer = views.hunger_marketing_explorer()
    weak = explorer.result["buzz_arrivals"].sum()
    explorer.controls["buzz_gain"].value = 0.3
    assert explorer.result["buzz_arrivals"].sum() > weak


def test_hunger_marketing_explorer_validates_its_start():
    with pytest.raises(ValueError, match="frustration must be <= 1"):
        views.hunger_marketing_explorer(frustration=2.0)


def test_swot_explorer_filters_and_redraws():
    view = views.swot_explorer()
    assert isinstance(view, widgets.VBox)
    assert len(view.result) == len(xiaomi.swot()) and "background-color" in view.table.value
    html = view.table.value
    view.controls["quadrant"].value = "weakness"
    assert set(view.result["quadrant"]) == {"weakness"} and view.table.value != html
    assert view.summary.value.startswith("4 of 16 points shown")
    view.controls["contains"].value = "service"
    assert view.result["point"].tolist() == ["After-sales hard to reach", "Few service stations"]
    view.controls["quadrant"].value = "threat"
    assert view.result.empty and "No row matches" in view.table.value


def test_swot_explorer_shows_rows_students_add():
    table = xiaomi.add_swot_row(xiaomi.swot(), "strength", "Large community", "19,697,554 members", "000")
    view = views.swot_explorer(table)
    assert "000" in view.controls["reading"].options
    view.controls["reading"].value = "000"
    assert view.result["point"].tolist() == ["Large community"]


def test_swot_explorer_has_a_static_fallback_and_rejects_bad_tables():
    bundle = views.swot_explorer()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "<table" in bundle["text/html"]
    with pytest.raises(ValueError, match="missing column"):
        views.swot_explorer(pd.DataFrame({"point": ["x"]}))


def test_explorer_still_picture():
    bundle = views.hunger_marketing_explorer()._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


# --- plots ---------------------------------------------------------------------------------------

def test_plots_are_titled_and_labelled():
    figures = [px.plot_timeline(xiaomi.timeline()), px.plot_hunger_marketing(hm.hunger_marketing()),
               px.plot_prospects(hm.hunger_marketing()),
               px.plot_frustration_region(hm.frustration_region([0.1, 0.5], [0.0, 0.2]))]
    for ax in figures:
        assert ax.get_title() and ax.get_xlabel() and (ax.get_ylabel() or ax.get_yticklabels())
        assert ax.get_legend() is not None
    plt.close("all")


def test_timeline_draws_one_row_per_event():
    ax = px.plot_timeline(xiaomi.timeline())
    assert len(ax.get_yticks()) == len(xiaomi.timeline())
    plt.close("all")


def test_plots_reject_wrong_input():
    with pytest.raises(ValueError, match="missing columns"):
        px.plot_hunger_marketing(pd.DataFrame({"week": [1]}))
    with pytest.raises(TypeError, match="must be a DataFrame"):
        px.plot_timeline([])
    with pytest.raises(ValueError, match="empty"):
        px.plot_prospects(hm.hunger_marketing().iloc[0:0])
    with pytest.raises(ValueError, match="missing columns"):
        px.style_swot(xiaomi.swot().drop(columns="reading"))


def test_styled_tables_are_deterministic():
    assert px.style_swot(xiaomi.swot()).to_html() == px.style_swot(xiaomi.swot()).to_html()
    assert px.style_idic(xiaomi.idic_table()).to_html() == px.style_idic(xiaomi.idic_table()).to_html()


def test_figures_switch_to_chinese():
    plotting.use_language("zh")
    try:
        ax = px.plot_timeline(xiaomi.timeline())
        assert ax.get_title().startswith("小米") and "红米" in [t.get_text() for t in ax.get_yticklabels()]
        ax = px.plot_hunger_marketing(hm.hunger_marketing())
        assert ax.get_title().startswith("饥饿营销") and ax.get_xlabel() == "抢购周次"
    finally:
        plotting.use_language("en")
        plt.close("all")


def test_hunger_marketing_figures_say_synthetic_and_label_the_waiting_count():
    ax = px.plot_hunger_marketing(hm.hunger_marketing())
    assert "synthetic" in ax.get_title()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Waiting at the week's end" in labels and "per week" not in ax.get_ylabel()
    assert "synthetic" in px.plot_prospects(hm.hunger_marketing()).get_title()
    plt.close("all")


def test_frustration_region_states_decay_and_explains_the_grey_cell():
    ax = px.plot_frustration_region(hm.frustration_region([0.0, 0.5], [0.0, 0.2], buzz_decay=0.25))
    assert "synthetic" in ax.get_title() and "decay 0.25" in ax.get_title()
    assert any(t.get_text().startswith("Neither") for t in ax.get_legend().get_texts())
    ax = px.plot_frustration_region(hm.frustration_region([0.1, 0.5], [0.1, 0.2]))
    assert not any(t.get_text().startswith("Neither") for t in ax.get_legend().get_texts())
    plt.close("all")
