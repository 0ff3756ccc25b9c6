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


def test_redraw_keeps_automatic_ticks_few_and_chosen_ticks_as_they_are():
    import ipywidgets as widgets
    from helpers.views.base import Explorer

    def draw(fig, n):
        left, right = fig.subplots(1, 2)
        left.plot(range(n))
        right.plot(range(n))
        right.set_xticks([0, 1, 2, 3, 4, 5, 6, 7])          # chosen on purpose: must stay
        return n

    ex = Explorer({"n": widgets.IntSlider(value=97, min=2, max=200)}, draw, figsize=(11.2, 6.3))
    left, right = ex.figure.axes
    import matplotlib.ticker as mticker
    for axis, most in ((left.xaxis, 6), (left.yaxis, 5)):
        locator = axis.get_major_locator()
        assert type(locator) is mticker.MaxNLocator            # no longer matplotlib's AutoLocator
        assert len(locator.tick_values(0, 97)) <= most + 1
    assert isinstance(right.xaxis.get_major_locator(), mticker.FixedLocator)
    assert list(right.get_xticks()) == [0, 1, 2, 3, 4, 5, 6, 7]
    assert bytes(ex.image.value).startswith(b"\x89PNG")


def test_an_explorer_leaves_the_garbage_collector_as_it_found_it():
    import gc

    explorer, _ = make()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    explorer.controls["level"].value = 5
    assert gc.isenabled() and gc.get_freeze_count() == 0       # nothing is exempted for the session
    gc.disable()
    try:
        explorer.controls["level"].value = 6
        assert not gc.isenabled()                              # and a caller's choice stays
    finally:
        gc.enable()


def test_the_garbage_collector_is_back_on_after_a_failed_drawing():
    import gc

    def draw(fig, n):
        if n > 3:
            raise ValueError("no")
        return n

    explorer = Explorer({"n": widgets.IntSlider(value=2, min=0, max=10)}, draw)
    with pytest.raises(ValueError):
        explorer.controls["n"].value = 5
    assert gc.isenabled()


def make_moving():
    """A bar whose height follows a slider; its axis stays 0-10 unless ``grow`` is on."""
    from helpers.views.base import DrawAgain
    calls = {"draw": 0, "update": 0}

    def draw(fig, height, grow, label):
        calls["draw"] += 1
        ax = fig.add_subplot()
        bar, = ax.bar([0], [height])
        bar.set_animated(True)
        ax.set_ylim(0, max(10, height) if grow else 10)
        ax.set_title(label)
        return height

    def update(fig, height, grow, label):
        ax, = fig.axes
        if ax.get_title() != label:
            raise DrawAgain("a new title")
        calls["update"] += 1
        ax.patches[0].set_height(height)
        ax.set_ylim(0, max(10, height) if grow else 10)
        return height

    controls = {"height": widgets.IntSlider(value=2, min=0, max=20),
                "grow": widgets.Checkbox(value=False),
                "label": widgets.Dropdown(options=["a", "b"], value="a")}
    return Explorer(controls, draw, update=update), calls


def count_full_draws(explorer):
    drawn = []
    original = explorer.figure.canvas.draw
    explorer.figure.canvas.draw = lambda: (drawn.append(1), original())[1]
    return drawn


def test_an_update_redraws_only_what_moves_while_the_limits_stay():
    explorer, calls = make_moving()
    drawn = count_full_draws(explorer)
    before = bytes(explorer.image.value)
    explorer.controls["height"].value = 7
    assert calls == {"draw": 1, "update": 1} and not drawn and explorer.result == 7
    assert bytes(explorer.image.value) != before
    explorer.redraw(afresh=True)
    assert calls["draw"] == 2 and len(drawn) == 1


def test_an_update_that_moves_the_limits_draws_the_whole_figure():
    explorer, calls = make_moving()
    explorer.controls["grow"].value = True
    drawn = count_full_draws(explorer)
    explorer.controls["height"].value = 15            # the axis grows to 15: the frame changes
    assert calls["update"] == 2 and len(drawn) == 1
    assert explorer.figure.axes[0].get_ylim() == (0, 15)


def test_an_update_can_ask_for_a_new_drawing():
    explorer, calls = make_moving()
    explorer.controls["label"].value = "b"
    assert calls == {"draw": 2, "update": 0} and explorer.figure.axes[0].get_title() == "b"


def test_the_png_holds_exactly_the_pixels_drawn():
    import io

    import numpy as np
    import PIL.Image
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from helpers.views.base import encode_png

    fig = Figure(figsize=(3.1, 2.3), dpi=100)          # odd sizes: no row padding assumed
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.imshow(np.random.default_rng(0).random((20, 30)), cmap="viridis")
    ax.set_title("考察期")
    canvas.draw()
    decoded = np.asarray(PIL.Image.open(io.BytesIO(encode_png(canvas))).convert("RGB"))
    assert decoded.shape[1] == 310
    assert np.array_equal(decoded, np.asarray(canvas.buffer_rgba())[..., :3])


def test_a_switch_of_language_draws_afresh_at_the_next_move():
    from helpers import plotting
    explorer, calls = make_moving()
    try:
        plotting.use_language("zh")
        explorer.controls["height"].value = 3
        assert calls == {"draw": 2, "update": 0}
        explorer.controls["height"].value = 4           # same language again: an update
        assert calls == {"draw": 2, "update": 1}
    finally:
        plotting.use_language("en")
