"""The one piece every explorer shares: controls on top, a figure below, redrawn on every change.

A view only wires controls to a model and a plot. It hands :class:`Explorer` a dict of controls
and a ``draw(fig, **values)`` function that runs the model, draws on ``fig`` and returns the
model's result. The figure is shown as a PNG in an ``ipywidgets.Image``: it redraws without a
round trip through the kernel's display machinery, it can be tested without a browser (set a
control's ``.value``, read ``.result`` or ``.image.value``), and a saved notebook keeps the last
picture in its widget state, so the static HTML edition shows it.

>>> import ipywidgets as widgets
>>> def draw(fig, n):
...     fig.add_subplot().plot(range(n))
...     return n * 2
>>> ex = Explorer({"n": widgets.IntSlider(value=3, min=1, max=10)}, draw)
>>> ex.result
6
>>> ex.controls["n"].value = 5
>>> ex.result
10
"""
from __future__ import annotations

import base64
import gc
import io
from typing import Callable

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.ticker as mticker
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import plotting


class Explorer(widgets.VBox):
    """Controls, an optional summary line and a figure that follows them.

    Parameters
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        Keyword name of each control for ``draw``.
    draw : callable
        ``draw(fig, **values) -> result``: runs the model and draws on the empty figure ``fig``.
    summary : callable, optional
        ``summary(result) -> str`` (HTML) shown between the controls and the figure.
    figsize : tuple
        Figure size in inches (rendered at 100 dpi).
    columns : int
        Controls per row.
    """

    def __init__(self, controls: dict, draw: Callable, *, summary: Callable | None = None,
                 figsize=(8.0, 4.0), columns: int = 2, title: str = ""):
        self.controls = dict(controls)
        self._draw, self._summary = draw, summary
        plotting.use_theme()
        self.figure = Figure(figsize=figsize, dpi=100)
        FigureCanvasAgg(self.figure)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        self.summary = widgets.HTML()
        self.result = None
        items = list(self.controls.values())
        rows = [widgets.HBox(items[i:i + columns]) for i in range(0, len(items), columns)]
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        super().__init__(header + rows + [self.summary, self.image])
        for control in items:
            control.observe(self._on_change, names="value")
        self.redraw()
        # Everything alive now (data, modules, this explorer) is long-lived: move it out of the
        # garbage collector's sight, so that a full collection during a later redraw only walks
        # the new objects (without this, one redraw in ten or so takes 300 ms instead of 70).
        # Collect first, so that no garbage is frozen with them.
        gc.collect()
        gc.freeze()

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus a still picture of the current figure for places that cannot run
        widgets (GitHub's notebook viewer, nbviewer): they fall back to the PNG."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["image/png"] = base64.b64encode(bytes(self.image.value)).decode("ascii")
            bundle["text/plain"] = f"{type(self).__name__}: {', '.join(self.controls)}"
        return bundle

    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, change) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Run the model with the current values and show the new figure."""
        # Figure.clear() first clears every Axes (rebuilding its ticks, spines and title) only to
        # throw it away; removing the Axes first makes clearing about 25 ms cheaper per redraw.
        for ax in list(self.figure.axes):
            self.figure.delaxes(ax)
        self.figure.clear()
        with mpl.rc_context(_FAST):
            self.result = self._draw(self.figure, **self.values())
            lean_ticks(self.figure)
            picture = png_bytes(self.figure)
        if self._summary is not None:
            self.summary.value = self._summary(self.result)
        self.image.value = picture


#: Settings in force while an explorer draws. A fixed title height: by default matplotlib measures
#: every Axes' tick labels on each draw to lift the title above any on top, and no explorer puts
#: tick labels on top, so the title lands where it would anyway.
_FAST = {"axes.titley": 1.0}


def lean_ticks(figure: Figure, most_x: int = 6, most_y: int = 5) -> None:
    """At most about ``most_x`` (``most_y``) ticks on every numeric axis that matplotlib would
    tick by itself.

    Every tick is a handful of artists built anew on each redraw (about 1 ms apiece), so a
    slider-driven figure keeps them few. Axes whose ticks were set on purpose (dates, categories,
    fixed positions, log scales) keep them.
    """
    for ax in figure.axes:
        for axis, most in ((ax.xaxis, most_x), (ax.yaxis, most_y)):
            if type(axis.get_major_locator()) is mticker.AutoLocator:
                axis.set_major_locator(mticker.MaxNLocator(most, steps=[1, 2, 2.5, 5, 10]))


def png_bytes(figure: Figure) -> bytes:
    """Draw ``figure`` and encode it as PNG, favouring speed over file size (about 2x faster
    than ``savefig``, which matters when a slider moves)."""
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    buffer = io.BytesIO()
    # an explorer's figure is opaque, so RGB keeps every pixel and leaves a quarter less to encode
    picture = PIL.Image.fromarray(np.asarray(canvas.buffer_rgba())).convert("RGB")
    picture.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()
