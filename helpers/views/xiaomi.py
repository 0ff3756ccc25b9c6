"""The SWOT table explorer of the Xiaomi case (case Xiaomi 01): filter a styled SWOT table.

An :class:`~helpers.views.base.Explorer` that shows a table instead of a figure: ``controls``,
``values()``, ``redraw()``, ``result`` (the rows shown) and ``.table`` (their HTML).

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
from helpers.views.base import Explorer

ALL = "all"


def swot_explorer(table: pd.DataFrame | None = None) -> Explorer:
    """Filter Xiaomi's SWOT table by quadrant, source and a word in the point or evidence.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        A SWOT table (default :func:`helpers.xiaomi.swot`), for example one extended with
        :func:`helpers.xiaomi.add_swot_row`.

    Returns
    -------
    helpers.views.Explorer
        ``.result`` is the rows shown, ``.table`` their styled HTML.
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

    return Explorer(controls, select, table=render, summary=summary, columns=len(controls),
                    title="SWOT of Xiaomi 小米 SWOT分析")
