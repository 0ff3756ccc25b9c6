"""Explorer redraw latency in the kernel: control change -> new PNG, for every explorer in
helpers.views (median and p95 over 30 moves). Target: median well under 100 ms."""
import inspect

import ipywidgets as widgets

from helpers import views
from timing import percentiles_ms


def explorers():
    for name, fn in sorted(vars(views).items()):
        if name.endswith("_explorer") and inspect.isfunction(fn):
            yield name, fn


def wiggle(explorer):
    """A function that moves the explorer's first numeric control back and forth (the low
    handle of a range slider) between a quarter and three quarters of its range."""
    for control in explorer.controls.values():
        if isinstance(control, widgets.IntRangeSlider):
            low, high = control.min, control.max
            return alternate(control, [(low + (high - low) // 4, high), (low + (high - low) // 2, high)])
        if isinstance(control, (widgets.IntSlider, widgets.FloatSlider, widgets.IntText, widgets.FloatText)):
            low, high = getattr(control, "min", control.value - 1), getattr(control, "max", control.value + 1)
            values = [low + (high - low) * k / 4 for k in (1, 3)]
            if isinstance(control, (widgets.IntSlider, widgets.IntText)):
                values = [int(round(v)) for v in values]
            return alternate(control, values)
    return explorer.redraw


def alternate(control, values):
    state = {"i": 0}

    def move():
        state["i"] += 1
        control.value = values[state["i"] % 2]
    return move


def main():
    found = list(explorers())
    if not found:
        print("no explorers yet")
    for name, fn in found:
        median, p95 = percentiles_ms(wiggle(fn()))
        print(f"{name:32s} redraw median {median:6.1f} ms   p95 {p95:6.1f} ms")
