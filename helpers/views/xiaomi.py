"""The SWOT table explorer of the Xiaomi case (case Xiaomi 01): filter a styled SWOT table.

Unlike the figure explorers, this one shows a table, so it is a small ``VBox`` of its own with
the same testable surface: ``controls``, ``values()``, ``redraw()`` and ``result`` (the rows shown).

>>> view = swot_explorer()
>>> view.controls["quadrant"].value = "threat"
>>> view.result["quadrant"].unique().tolist()
['threat']
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers import xiaomi
from helpers.plots.xiaomi import style_swot

ALL = "all"


class TableExplorer(widgets.VBox):
    """Controls on top and an HTML table below that follows them.

    Parameters
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        Keyword name of each control for ``select``.
    select : callable
        ``select(**values) -> DataFrame``: the rows to show (a model call, no logic here).
    render : callable
        ``render(frame) -> str``: the HTML of the table.
    summary : callable
        ``summary(frame) -> str``: a short HTML line above the table.
    """

    def __init__(self, controls, select, render, summary, title=""):
        self.controls = dict(controls)
        self._select, self._render, self._summary = select, render, summary
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.result = None
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        super().__init__(header + [widgets.HBox(list(self.controls.values())), self.summary, self.table])
        for control in self.controls.values():
            control.observe(lambda change: self.redraw(), names="value")
        self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus the current table as HTML for viewers that cannot run widgets."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/html"] = self.table.value
            bundle["text/plain"] = f"{type(self).__name__}: {', '.join(self.controls)}"
        return bundle

    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self) -> None:
        """Select the rows for the current values and show them."""
        self.result = self._select(**self.values())
        self.summary.value = self._summary(self.result)
        self.table.value = self._render(self.result)


def swot_explorer(table: pd.DataFrame | None = None) -> TableExplorer:
    """Filter Xiaomi's SWOT table by quadrant, source and a word in the point or evidence.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        A SWOT table (default :func:`helpers.xiaomi.swot`), for example one extended with
        :func:`helpers.xiaomi.add_swot_row`.

    Returns
    -------
    TableExplorer
    """
    table = xiaomi.swot() if table is None else table
    xiaomi.filter_swot(table)  # validates the columns
    sources = sorted(table["reading"].astype(str).unique())
    controls = {
        "quadrant": widgets.Dropdown(options=[ALL, *xiaomi.QUADRANTS], value=ALL, description="Quadrant"),
        "reading": widgets.Dropdown(options=[ALL, *sources], value=ALL, description="Source"),
        "contains": widgets.Text(value="", description="Contains", placeholder="e.g. service",
                                 continuous_update=False),
    }

    def select(quadrant, reading, contains):
        return xiaomi.filter_swot(table, quadrant=None if quadrant == ALL else quadrant,
                                  reading=None if reading == ALL else reading,
                                  contains=contains if contains.strip() else None)

    def render(frame):
        if frame.empty:
            return "<p><i>No row matches these filters.</i></p>"
        return style_swot(frame).to_html()

    def summary(frame):
        counts = frame["quadrant"].value_counts()
        parts = [f"{q} {int(counts.get(q, 0))}" for q in xiaomi.QUADRANTS]
        return f"{len(frame)} of {len(table)} points shown ({', '.join(parts)})."

    return TableExplorer(controls, select, render, summary, title="SWOT of Xiaomi 小米 SWOT分析")
