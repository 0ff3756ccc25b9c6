"""Explorers that redraw only their moving artists must show exactly what a new drawing shows."""
import inspect
import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest

from helpers import views


def explorer_names():
    """Every explorer in helpers.views (the fixture skips those without update)."""
    for name, fn in sorted(vars(views).items()):
        if name.endswith("_explorer") and inspect.isfunction(fn):
            yield name


def pixels(explorer):
    return np.asarray(PIL.Image.open(io.BytesIO(bytes(explorer.image.value))))


def positions(control):
    """A few values for a control: ends and middle of a slider, every option of a dropdown."""
    if isinstance(control, widgets.Dropdown):
        return [value for _, value in control.options] if isinstance(control.options[0], tuple) \
            else list(control.options)
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        low, high = control.min, control.max
        middle = low + (high - low) * 0.4
        values = [high, low, middle]
        return [int(round(v)) for v in values] if isinstance(control, widgets.IntSlider) else values
    if isinstance(control, widgets.IntRangeSlider):
        low, high = control.min, control.max
        middle = (low + high) // 2
        return [(low, high), (middle, middle), (low, low + 1), (middle, high)]
    return []


@pytest.fixture(scope="module", params=list(explorer_names()))
def explorer(request):
    ex = getattr(views, request.param)()
    if getattr(ex, "_update", None) is None:
        pytest.skip(f"{request.param} draws afresh on every move")
    return ex


def assert_same_as_a_new_drawing(explorer, moved):
    updated, summary = pixels(explorer), explorer.summary.value
    explorer.redraw(afresh=True)
    assert explorer.summary.value == summary, f"after {moved}: the summary differs from a new drawing"
    different = np.argwhere((pixels(explorer) != updated).any(axis=-1))
    assert not len(different), (f"after {moved}: {len(different)} pixels differ from a new drawing, "
                                f"the first at (row, column) {tuple(different[0])}")


def test_an_update_shows_what_a_new_drawing_shows(explorer):
    """Every control to its ends and middle, one after another (earlier moves stay in force)."""
    for name, control in explorer.controls.items():
        for value in positions(control):
            control.value = value
            assert_same_as_a_new_drawing(explorer, f"{name} = {value!r}")


def test_a_walk_of_updates_in_a_row_shows_what_a_new_drawing_shows(explorer):
    """Several controls move between two comparisons, so updates build on updates."""
    rng = np.random.default_rng(7)
    movable = {name: positions(c) for name, c in explorer.controls.items() if positions(c)}
    for step in range(6):
        moved = []
        for name in rng.choice(list(movable), size=min(3, len(movable)), replace=False):
            value = movable[name][rng.integers(len(movable[name]))]
            explorer.controls[name].value = value
            moved.append(f"{name} = {value!r}")
        assert_same_as_a_new_drawing(explorer, ", ".join(moved))


def test_an_explorer_with_update_marks_what_moves(explorer):
    assert explorer._moving, "an explorer with update must have its plots mark what moves (moving=True)"


def plot_modules():
    import importlib
    import pkgutil

    import helpers.plots
    return [importlib.import_module(f"helpers.plots.{m.name}") for m in pkgutil.iter_modules(helpers.plots.__path__)
            if not m.name.startswith("_")]


@pytest.mark.parametrize("module", plot_modules(), ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_updated_plot_marks_its_moving_artists_only_when_asked(module):
    """Beside each update_<plot> is a plot_<plot>(..., moving=False): it marks the artists the
    update changes itself, and only when asked (an interactive canvas leaves animated artists out)."""
    updates = [name for name in vars(module) if name.startswith("update_") and inspect.isfunction(vars(module)[name])]
    for name in updates:
        plot = getattr(module, "plot_" + name.removeprefix("update_"))
        moving = inspect.signature(plot).parameters.get("moving")
        assert moving is not None and moving.default is False, f"{plot.__name__} needs moving=False"


def test_views_leave_the_marking_to_the_plots():
    from pathlib import Path
    for path in Path(views.__file__).parent.glob("*.py"):
        if path.name == "base.py":          # the explorer, which reads the marks
            continue
        assert "set_animated" not in path.read_text(encoding="utf-8"), f"{path.name} marks artists itself"
