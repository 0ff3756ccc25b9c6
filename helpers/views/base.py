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

Every explorer is made for the lecture hall as well as the notebook (:data:`SCREEN`): its figure
is drawn in the projection style of :func:`helpers.plotting.projection` at the size it is shown
(``figsize`` in hundreds of pixels, at most :data:`FIGURE_WIDTH` wide, so that a 1280×720 screen
shows it at its own size) and rendered with :data:`PIXEL_RATIO` times as many pixels each way, so
that it stays sharp where the screen enlarges it (a RISE slide at 1920×1080). Its controls stand
in a grid (:func:`control_grid`) whose labels are as wide as the longest needs, in either language.

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
import functools
import gc
import math
import struct
import zlib
from typing import Callable

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.ticker as mticker
import numpy as np
from matplotlib import font_manager, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import plotting
from helpers.language import CATALOGUE, LANGUAGES, language, set_language, texts
from helpers.plots._axes import DrawAgain


#: The screen an explorer is made to fit, controls and figure together, in CSS pixels: a projector
#: at 1280×720 (a RISE slide of that size, or a Voilà dashboard full screen).
SCREEN = (1280, 720)
#: The widest figure, in CSS pixels: what a RISE slide's output area (1280 less the prompt, 1128) and a
#: Voilà page (1280 less its margins) leave, so that the figure is never shrunk there.
FIGURE_WIDTH = 1120
#: Device pixels per CSS pixel of an explorer's PNG. At 1280×720 a figure is shown at its own size
#: (one would do); RISE at 1920×1080 enlarges the 1280×720 slide 1.47 times, and the picture stays
#: sharp there. Twice would suit a high-density laptop screen too, but quadruples the pixels that
#: every slider move draws, compresses and sends: the redraw would pass 100 ms on a 2-core machine.
PIXEL_RATIO = 1.5
#: The tallest a table explorer's table is shown before it scrolls, in CSS pixels.
TABLE_HEIGHT = 440
#: The narrowest slider track and text box, in em of the controls' font.
TRACK_EM = 9.0
TEXT_EM = 12.0


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
        The size the figure is shown at, in hundreds of CSS pixels (inches at 100 dpi), at most
        :data:`FIGURE_WIDTH` / 100 wide; it is rendered with :data:`PIXEL_RATIO` times the pixels.
        Choose the height so that the title, the controls, the summary and the figure fit
        :data:`SCREEN` (``tests/browser/test_browser_explorers.py`` checks every explorer).
    columns : int
        Controls per row at most; fewer where the labels need the room.
    title : str
        Shown in bold above the controls (kept as ``.title``).
    """

    def __init__(self, controls: dict, draw: Callable, *, update: Callable | None = None,
                 summary: Callable | None = None, table: Callable | None = None, figsize=(11.2, 4.4),
                 columns: int = 2, title: str = ""):
        if table is not None and update is not None:
            raise ValueError("a table explorer has no figure to update: give update or table, not both")
        width, height = figsize
        if not 0 < width <= FIGURE_WIDTH / 100 or not 0 < height <= SCREEN[1] / 100:
            raise ValueError(f"figsize must be at most ({FIGURE_WIDTH / 100}, {SCREEN[1] / 100}) "
                             f"hundreds of pixels, got {figsize!r}")
        self.controls = dict(controls)
        self._draw, self._update, self._summary, self._table = draw, update, summary, table
        self._moving = None                 # artists redrawn on an update, once drawn afresh
        self._frame = self._background = self._language = None
        self.figure = self.image = self.table = None
        if table is None:
            plotting.use_theme()
            self.figure = Figure(figsize=figsize, dpi=100 * PIXEL_RATIO)
            FigureCanvasAgg(self.figure)
            # shown at its own size (never wider than the page), PIXEL_RATIO of the PNG's pixels a CSS pixel
            self.image = widgets.Image(format="png", layout=widgets.Layout(
                width=f"{round(100 * width)}px", max_width="100%", height="auto"))
        else:   # a long table scrolls in a box of its own, so that the explorer fits the screen
            self.table = widgets.HTML(layout=widgets.Layout(max_height=f"{TABLE_HEIGHT}px", overflow="auto"))
        self.summary = widgets.HTML()
        self.result = None
        self.title = title
        self.panel = control_grid(list(self.controls.values()), columns)
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        super().__init__(header + [self.panel, self.summary, self.image if table is None else self.table])
        items = list(self.controls.values())
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
        with mpl.rc_context(_FAST), plotting.projection():
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


@functools.lru_cache(maxsize=None)
def _latin_font():
    font = ft2font.FT2Font(font_manager.findfont(font_manager.FontProperties(family=plotting.LATIN_FONT)))
    font.set_size(100, 72)                      # 100 pixels to the em
    return font


@functools.lru_cache(maxsize=4096)
def _advance(char: str) -> float:
    """The width of ``char`` in em in the figures' Latin font, DejaVu Sans (wider than the
    sans-serif fonts browsers use), and a full em for a character it lacks (Chinese characters
    and full-width signs)."""
    font = _latin_font()
    if font.get_char_index(ord(char)) == 0:
        return 1.0
    return font.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING).linearHoriAdvance / 65536 / 100


def text_width(text: str) -> float:
    """How wide ``text`` is, in em of its font, on the generous side.

    >>> text_width("Peak level") < text_width("关系水平峰值") == 6.0
    True
    """
    return sum(_advance(char) for char in str(text))


def control_width(control) -> tuple[float, float, int]:
    """(label, field) widths in em and fixed pixels (margins, a readout, an arrow) of
    ``control``: room for its whole label, and a slider track of :data:`TRACK_EM` with its
    readout, a drop-down's longest choice or a text box of :data:`TEXT_EM`.

    >>> import ipywidgets as widgets
    >>> control_width(widgets.Dropdown(options=["关系水平峰值"], description="峰值"))
    (2.5, 6.0, 32)
    """
    label = math.ceil(2 * (text_width(control.description) + 0.5)) / 2 if control.description else 0.0
    if isinstance(control, widgets.Dropdown):
        # the longest choice, the arrow's 20 pixels and the label's 8-pixel margin
        return label, max((text_width(name) for name in control._options_labels), default=4.0), 32
    if isinstance(control, (widgets.Text, widgets.FloatText, widgets.IntText)):
        return label, TEXT_EM, 16
    # a slider: the label's margin (8), the track's (12), the readout (72) and its margin (4)
    return label, TRACK_EM, 96


#: The grid's columns (CSS): as many as fit, each at least ``cell`` wide and a ``columns``-th of the
#: row less the gaps, stretched to fill the row.
GRID_COLUMNS = "repeat(auto-fill, minmax(min(100%, max({cell}, calc((100% - {gaps}) / {columns}))), 1fr))"


def control_grid(controls: list, columns: int = 2) -> widgets.GridBox:
    """``controls`` in a grid of at most ``columns`` columns, each as wide as the widest control
    needs (:func:`control_width`), and fewer columns where the page is narrower: no label is cut
    off, in English or Chinese, and every slider keeps a track a hand can use on a projector.
    Labels get one width, so that the tracks line up. Widths are in em of the controls' font
    (``--jp-widgets-font-size``), so they follow it where slides and dashboards enlarge it.

    >>> import ipywidgets as widgets
    >>> grid = control_grid([widgets.IntSlider(description="Exploration 考察期 (months)"),
    ...                      widgets.IntSlider(description="Peak level")], columns=3)
    >>> grid.children[1].style.description_width
    '14.5em'
    >>> grid.layout.grid_template_columns.replace("var(--jp-widgets-font-size, 13px)", "em")
    'repeat(auto-fill, minmax(min(100%, max(calc(23.5 * em + 96px), calc((100% - 2 * em) / 3))), 1fr))'
    """
    if not isinstance(columns, int) or isinstance(columns, bool) or columns < 1:
        raise ValueError(f"columns must be a positive whole number, got {columns!r}")
    widths = [control_width(c) for c in controls] or [(0.0, 0.0, 0)]
    label = max(w[0] for w in widths)
    field, fixed = max((w[1:] for w in widths), key=lambda w: 16 * w[0] + w[1])   # at 16 pixels an em
    for control in controls:
        if control.description:
            control.style.description_width = f"{label:g}em"
        control.layout.width = "auto"           # fill the grid's cell
    # an em of the controls' font (the grid's own font may be another size)
    em = "var(--jp-widgets-font-size, 13px)"
    cell = f"calc({label + field:g} * {em} + {fixed}px)"
    return widgets.GridBox(controls, layout=widgets.Layout(
        grid_template_columns=GRID_COLUMNS.format(cell=cell, gaps=f"{columns - 1} * {em}", columns=columns),
        grid_gap=f"0 {em}", width="100%"))


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

    Rows go to zlib unfiltered at its fastest level: about three times quicker than Pillow's
    encoder (which tries a filter per row) for a file of much the same size, and a slider move
    waits for it. The rows are the canvas's own RGBA bytes, each behind its filter byte: one
    plain copy, where dropping the (opaque) alpha channel first would cost a slower strided copy
    than zlib saves on the smaller input.

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
    rows = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    rows[:, 0] = 0                                                  # filter byte 0: none
    rows[:, 1:] = rgba.reshape(height, 4 * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
