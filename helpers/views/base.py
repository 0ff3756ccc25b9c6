"""The one piece every explorer shares: controls on top, a figure (or a table) below, redrawn on
every change.

A view only wires controls to a model and a plot. It hands :class:`Explorer` a dict of controls
and a ``draw(fig, **values)`` function that runs the model, draws on ``fig`` with ``plot_*``
functions and returns the model's result. That is all most explorers need.

An explorer of several panels may also hand over ``update(fig, **values)``, an optimisation: it
runs the model and calls the ``update_*`` function beside each ``plot_*`` function, which changes
in place only the artists that the plot marked as moving when ``draw`` called it with
``moving=True`` (``artist.set_animated(True)``). The explorer then redraws just those over a saved
picture of the rest, as matplotlib's own animations do (blitting), which keeps a slider move well
under a tenth of a second. When new data need more than the moving artists to change (a legend
entry, a title), the ``update_*`` function raises :class:`DrawAgain` and the explorer calls
``draw`` on an empty figure instead.

The figure is shown as a PNG in an ``ipywidgets.Image``: it redraws without a round trip
through the kernel's display machinery, it can be tested without a browser (set a
control's ``.value``, read ``.result`` or ``.image.value``), and a saved notebook keeps the last
picture in its widget state, so the static HTML edition shows it. An explorer whose result is a
table hands ``table(result) -> HTML`` instead of a figure; its ``draw(**values)`` then only runs
the model, and the table is shown in an ``ipywidgets.HTML`` (``.table``).

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
>>> shown = Explorer({"n": widgets.IntSlider(value=3, min=1, max=10)}, lambda n: list(range(n)),
...                  table=lambda rows: f"<p>{len(rows)} rows</p>")
>>> shown.controls["n"].value = 4
>>> shown.result, shown.table.value
([0, 1, 2, 3], '<p>4 rows</p>')
"""
from __future__ import annotations

import base64
import contextlib
import gc
import struct
import zlib
from typing import Callable

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.ticker as mticker
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import plotting
from helpers.language import CATALOGUE, LANGUAGES, language, set_language, texts
from helpers.plots._axes import DrawAgain


class Explorer(widgets.VBox):
    """Controls, an optional summary line and a figure (or a table) that follows them.

    Parameters
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        Keyword name of each control for ``draw``.
    draw : callable
        ``draw(fig, **values) -> result``: runs the model and draws on the empty figure ``fig``
        (with ``table``: ``draw(**values) -> result``, no figure).
    update : callable, optional
        ``update(fig, **values) -> result``: runs the model and changes, in place, the artists
        that ``draw`` had its plots mark as moving (``plot_*(..., moving=True)``); the data and
        limits of an Axes may change with them. It lets :class:`DrawAgain` from an ``update_*``
        plot function through (or raises it itself) when anything else has to change. Without
        ``update`` every redraw calls ``draw``, which is the normal case; ``update`` is an
        optimisation for figures of several panels. ``redraw(afresh=True)`` draws afresh
        whatever is given, which is how the tests check that an update leaves the same picture
        as a new drawing.
    summary : callable, optional
        ``summary(result) -> str`` (HTML) shown between the controls and the figure.
    table : callable, optional
        ``table(result) -> str``: show the result as HTML (in ``.table``) instead of a figure.
    figsize : tuple
        Figure size in inches (rendered at 100 dpi).
    columns : int
        Controls per row.
    title : str
        Shown in bold above the controls (kept as ``.title``).
    """

    def __init__(self, controls: dict, draw: Callable, *, update: Callable | None = None,
                 summary: Callable | None = None, table: Callable | None = None, figsize=(8.0, 4.0),
                 columns: int = 2, title: str = ""):
        if table is not None and update is not None:
            raise ValueError("a table explorer has no figure to update: give update or table, not both")
        self.controls = dict(controls)
        self._draw, self._update, self._summary, self._table = draw, update, summary, table
        self._moving = None                 # artists redrawn on an update, once drawn afresh
        self._frame = self._background = self._language = None
        self.figure = self.image = self.table = None
        if table is None:
            plotting.use_theme()
            self.figure = Figure(figsize=figsize, dpi=100)
            FigureCanvasAgg(self.figure)
            self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto"))
        else:
            self.table = widgets.HTML()
        self.summary = widgets.HTML()
        self.result = None
        self.title = title
        items = list(self.controls.values())
        rows = [widgets.HBox(items[i:i + columns]) for i in range(0, len(items), columns)]
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        super().__init__(header + rows + [self.summary, self.image if table is None else self.table])
        for control in items:
            control.observe(self._on_change, names="value")
        self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus a still picture of the current figure (or the table as HTML) for
        places that cannot run widgets (GitHub's notebook viewer, nbviewer): they fall back to it."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            if self.figure is not None:
                bundle["image/png"] = base64.b64encode(bytes(self.image.value)).decode("ascii")
            else:
                bundle["text/html"] = self.table.value
            bundle["text/plain"] = f"{type(self).__name__}: {', '.join(self.controls)}"
        return bundle

    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, change) -> None:
        self.redraw()

    def redraw(self, afresh: bool = False) -> None:
        """Run the model with the current values and show the new figure (or table); with
        ``update`` given and ``afresh`` false, change only the moving artists."""
        values = self.values()
        # No garbage collection in the middle of a redraw: a redraw makes and drops thousands of
        # objects, and a full collection (which walks every object in the kernel) would double its
        # time now and then. The objects it left wait for the next collection, once the new
        # picture is out.
        collecting = gc.isenabled()
        gc.disable()
        try:
            if self.figure is None:
                self.result = self._draw(**values)
                self.table.value = self._table(self.result)
            else:
                self.result, picture = self._drawn(values, afresh)
                self.image.value = picture          # the picture first: it is what people wait for
            if self._summary is not None:
                self.summary.value = self._summary(self.result)
        finally:
            if collecting:
                gc.enable()

    def _drawn(self, values: dict, afresh: bool):
        """(the model's result, PNG of the figure drawn for it): updated in place if it can be."""
        with mpl.rc_context(_FAST):
            # labels come in the figure language: a switch of language needs a new drawing
            afresh = afresh or self._language != plotting.language()
            if self._update is not None and self._moving is not None and not afresh:
                try:
                    result = self._update(self.figure, **values)
                except DrawAgain:
                    pass
                else:
                    return result, self._picture()
            result = self._draw_afresh(values)
            return result, self._picture()

    def _draw_afresh(self, values: dict):
        # Figure.clear() first clears every Axes (rebuilding its ticks, spines and title) only to
        # throw it away; removing the Axes first makes clearing about 25 ms cheaper per redraw.
        for ax in list(self.figure.axes):
            self.figure.delaxes(ax)
        self.figure.clear()
        result = self._draw(self.figure, **values)
        self._language = plotting.language()
        lean_ticks(self.figure)
        self._moving = [artist for ax in self.figure.axes
                        for artist in sorted(ax.get_children(), key=lambda a: a.get_zorder())
                        if artist.get_animated()]
        self._frame = None
        return result

    def _picture(self) -> bytes:
        """PNG of the figure: everything but the moving artists comes from the saved picture
        when no Axes changed its limits since it was saved."""
        canvas = self.figure.canvas
        frame = [tuple(ax.viewLim.bounds) for ax in self.figure.axes]
        if frame != self._frame:
            shown = [artist.get_visible() for artist in self._moving]
            for artist in self._moving:     # (matplotlib draws animated images all the same)
                artist.set_visible(False)
            canvas.draw()
            for artist, visible in zip(self._moving, shown):
                artist.set_visible(visible)
            self._background, self._frame = canvas.copy_from_bbox(self.figure.bbox), frame
        else:
            canvas.restore_region(self._background)
        for artist in self._moving:
            self.figure.draw_artist(artist)
        return encode_png(canvas)


class Wording:
    """The texts of one explorer, in the language in force when the explorer is built.

    Every text an explorer shows lives in ``helpers/texts/explorers.toml`` under the explorer's
    name (``retention_explorer.title``); texts several explorers share live under ``explorers``.
    An explorer reads them once, when it is built, so its controls and summary line keep one
    language; figures follow :func:`helpers.set_language` when they are drawn.

    >>> from helpers import set_language
    >>> set_language("zh"); words = Wording("retention_explorer"); set_language("en")
    >>> words("discount"), words.stage("stability")
    ('折现率', '稳定期')
    >>> Wording("retention_explorer")("discount")
    'Discount rate'
    """

    def __init__(self, explorer: str):
        self.explorer = explorer
        self.language = language()
        self._index = LANGUAGES.index(self.language)

    def __call__(self, name: str, **fields):
        """The text ``explorer.name`` (``fields`` fill its ``{name}`` slots)."""
        return self.text(f"{self.explorer}.{name}", **fields)

    def text(self, key: str, **fields):
        """The text under the full ``key``, in the explorer's language."""
        chosen = texts(key)[self._index]
        if fields:
            return [t.format(**fields) for t in chosen] if isinstance(chosen, list) else chosen.format(**fields)
        return chosen

    def stage(self, stage: str) -> str:
        """A stage's name as written inside a sentence or a label (``'exploration'``, ``'考察期'``);
        a name that is not one of the course's stages stays as it is."""
        key = f"explorers.stage.{stage}"
        return self.text(key) if key in CATALOGUE else stage

    def join(self, parts) -> str:
        """Parts of a list in a sentence, with the language's separator (``', '`` or ``'，'``)."""
        return self.text("explorers.list_separator").join(parts)

    def known(self, key: str, name: str) -> str:
        """``name`` in the explorer's language if the list of pairs under ``key`` has it (a name a
        notebook passes, such as a table's), else ``name`` itself."""
        english, chinese = texts(key)
        return dict(zip(english, (english, chinese)[self._index])).get(name, name)

    @contextlib.contextmanager
    def spoken(self):
        """Within it, texts read elsewhere (a name from a plot module) come in the explorer's language.

        >>> from helpers.plotting import label
        >>> set_language("zh"); words = Wording("rfm_explorer"); set_language("en")
        >>> with words.spoken():
        ...     label("stability")
        '稳定期'
        >>> language()
        'en'
        """
        before = language()
        set_language(self.language)
        try:
            yield
        finally:
            set_language(before)

    def width(self, english: str, chinese: str) -> str:
        """The control description width for the explorer's language (Chinese labels are wider
        per character, and fewer characters)."""
        return (english, chinese)[self._index]


def choices(labels_and_values) -> list:
    """Dropdown options from ``(label, value)`` pairs: the bare values when every label is its
    value (the English options of most explorers, unchanged), else the pairs, so the model
    always receives the same values whatever language the labels are in.

    >>> choices([("random", "random"), ("scale-free", "scale-free")])
    ['random', 'scale-free']
    >>> choices([("随机网络", "random"), ("无标度网络", "scale-free")])
    [('随机网络', 'random'), ('无标度网络', 'scale-free')]
    """
    pairs = [tuple(pair) for pair in labels_and_values]
    if all(label == value for label, value in pairs):
        return [value for _, value in pairs]
    return pairs


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


def encode_png(canvas: FigureCanvasAgg) -> bytes:
    """The picture drawn on ``canvas`` as PNG, favouring speed over file size.

    An explorer's figure is opaque, so RGB keeps every pixel. Rows go to zlib unfiltered at its
    fastest level: about three times quicker than Pillow's encoder (which tries a filter per row)
    for a file of much the same size, and a slider move waits for it.

    >>> import io
    >>> import PIL.Image
    >>> fig = Figure(figsize=(1, 1), dpi=10)
    >>> canvas = FigureCanvasAgg(fig)
    >>> canvas.draw()
    >>> PIL.Image.open(io.BytesIO(encode_png(canvas))).size
    (10, 10)
    """
    rgba = np.asarray(canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    rows = np.zeros((height, 1 + 3 * width), dtype=np.uint8)      # filter byte 0: none
    rows[:, 1:] = rgba[..., :3].reshape(height, 3 * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + chunk(b"IEND", b""))
