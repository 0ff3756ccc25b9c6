"""The shared explorer: a control change reruns the model and redraws the figure."""
import base64

import ipywidgets as widgets
import pytest

from helpers.views import Explorer


def make():
    calls = []

    def draw(fig, level, label):
        calls.append((level, label))
        ax = fig.add_subplot()
        ax.bar([label], [level])
        ax.set_ylim(0, 10)
        return level * 10

    explorer = Explorer({"level": widgets.IntSlider(value=2, min=0, max=10),
                         "label": widgets.Dropdown(options=["考察期", "稳定期"], value="考察期")},
                        draw, summary=lambda r: f"<b>{r}</b>")
    return explorer, calls


def test_first_draw_happens_at_once():
    explorer, calls = make()
    assert calls == [(2, "考察期")] and explorer.result == 20
    assert bytes(explorer.image.value).startswith(b"\x89PNG") and explorer.summary.value == "<b>20</b>"


@pytest.mark.parametrize("name,value", [("level", 7), ("label", "稳定期")])
def test_moving_a_control_redraws(name, value):
    explorer, calls = make()
    before = explorer.image.value
    explorer.controls[name].value = value
    assert len(calls) == 2 and explorer.values()[name] == value
    assert bytes(explorer.image.value) != bytes(before)


def test_it_is_a_widget_container():
    explorer, _ = make()
    assert isinstance(explorer, widgets.VBox) and explorer.image in explorer.children


def test_saved_output_carries_a_still_picture_for_static_viewers():
    explorer, _ = make()
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
