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


def test_the_figure_is_shown_at_its_own_size_and_drawn_with_more_pixels():
    import io

    import PIL.Image

    from helpers.views.base import PIXEL_RATIO
    explorer, _ = make()
    assert PIXEL_RATIO >= 1.5                          # sharp on a 1280×720 slide enlarged to 1920×1080
    width, height = PIL.Image.open(io.BytesIO(bytes(explorer.image.value))).size
    assert (width, height) == (round(1120 * PIXEL_RATIO), round(440 * PIXEL_RATIO))
    assert (explorer.image.layout.width, explorer.image.layout.max_width) == ("1120px", "100%")


@pytest.mark.parametrize("figsize", [(11.3, 4.0), (8.0, 7.3), (0, 4.0)])
def test_a_figure_that_cannot_be_shown_whole_on_a_slide_is_refused(figsize):
    with pytest.raises(ValueError, match="figsize must be at most"):
        Explorer({"n": widgets.IntSlider()}, lambda fig, n: n, figsize=figsize)


def test_labels_get_one_width_that_holds_the_longest_in_either_language():
    from helpers.views.base import control_grid, text_width
    long = widgets.FloatSlider(description="Max margin: exploration (k RMB)")
    short = widgets.FloatSlider(description="r")
    chinese = widgets.Dropdown(options=["稳定期之后"], description="退化开始于")
    grid = control_grid([long, short, chinese], columns=3)
    widths = {c.style.description_width for c in (long, short, chinese)}
    assert len(widths) == 1
    width = float(widths.pop().removesuffix("em"))
    assert width >= text_width(long.description) > text_width(chinese.description) == 5.0
    assert all(c.layout.width == "auto" for c in grid.children)
    # at most three columns, each wide enough for a label, a track and a readout
    columns = grid.layout.grid_template_columns
    assert "/ 3" in columns and f"calc({width + 9:g} * var(--jp-widgets-font-size, 13px) + 96px)" in columns


def test_latin_letters_are_narrower_than_chinese_characters():
    from helpers.views.base import text_width
    assert text_width("考察期") == 3.0
    assert 0.25 < text_width("i") < text_width("a") < text_width("M") < 1.0


def test_columns_must_be_a_positive_whole_number():
    from helpers.views.base import control_grid
    for bad in (0, 2.5, True):
        with pytest.raises(ValueError, match="columns must be a positive whole number"):
            control_grid([widgets.IntSlider()], bad)


def test_a_long_table_scrolls_in_a_box_of_its_own():
    shown = Explorer({"n": widgets.IntSlider(value=3, min=1, max=10)}, lambda n: list(range(n)),
                     table=lambda rows: "<p>row</p>" * len(rows))
    assert (shown.table.layout.max_height, shown.table.layout.overflow) == ("440px", "auto")


@pytest.fixture(scope="module")
def every_explorer():
    import inspect

    import helpers
    from helpers import views
    names = sorted(n for n, f in vars(views).items() if n.endswith("_explorer") and inspect.isfunction(f))
    built = {}
    for language in ("en", "zh"):
        helpers.set_language(language)
        try:
            built.update({(name, language): getattr(views, name)() for name in names})
        finally:
            helpers.set_language("en")
    return built


def test_every_explorer_draws_for_the_lecture_hall(every_explorer):
    """Figures at most as wide as a slide leaves them, in the projection style: no text under
    0.9 of its font size (13.75 pixels at 1280×720), whatever style the notebook uses."""
    import matplotlib.text

    from helpers import plotting
    from helpers.views.base import FIGURE_WIDTH, PIXEL_RATIO
    smallest = 0.9 * plotting.TEXT_SIZES["projection"]["font.size"]
    figures = {key: ex.figure for key, ex in every_explorer.items() if ex.figure is not None}
    assert len(figures) >= 22
    for (name, language), figure in figures.items():
        assert figure.get_size_inches()[0] * 100 <= FIGURE_WIDTH and figure.dpi == 100 * PIXEL_RATIO
        texts = [t for t in figure.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip()]
        small = [(t.get_text(), t.get_fontsize()) for t in texts if t.get_fontsize() < smallest - 1e-9]
        assert small == [], f"{name} ({language}): texts under {smallest:.1f} pt: {small[:5]}"
    assert plotting.style() == "reading"                # drawing left the notebook's style alone
