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
from helpers.views.base import Explorer, Wording, choices

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
    words = Wording("swot_explorer")
    controls = {
        "quadrant": widgets.Dropdown(options=choices([(words("all"), ALL)]
                                                     + [(words(f"quadrants.{q}"), q) for q in xiaomi.QUADRANTS]),
                                     value=ALL, description=words("quadrant")),
        "reading": widgets.Dropdown(options=choices([(words("all"), ALL)]
                                                    + [(words("source", reading=s), s) for s in sources]),
                                    value=ALL, description=words("reading")),
        "contains": widgets.Text(value="", description=words("contains"), placeholder=words("placeholder"),
                                 continuous_update=False),
    }

    def select(quadrant, reading, contains):
        return xiaomi.filter_swot(table, quadrant=None if quadrant == ALL else quadrant,
                                  reading=None if reading == ALL else reading,
                                  contains=contains if contains.strip() else None)

    def render(frame):
        if frame.empty:
            return f"<p><i>{words('no_match')}</i></p>"
        return style_swot(frame).to_html()

    def summary(frame):
        counts = frame["quadrant"].value_counts()
        listed = words.join(words("count", quadrant=words(f"quadrants.{q}"), count=int(counts.get(q, 0)))
                            for q in xiaomi.QUADRANTS)
        return words("summary", shown=len(frame), total=len(table), counts=listed)

    return Explorer(controls, select, table=render, summary=summary, columns=len(controls),
                    title=words("title"))
