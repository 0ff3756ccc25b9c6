"""Tables shown to students, with their column headings in the course's language.

Code refers to a table's columns by their English names (``swot["quadrant"]``), in either
language. Only the *display* of a table changes with :func:`helpers.set_language`:
:func:`display_columns` gives the copy to show, with Chinese headings and, where the cells are
course vocabulary (quadrants, IDIC steps, stages, kinds of point or event), Chinese cells. In
English it gives the table back unchanged, so English output is exactly what the table shows.

The styled tables of the Xiaomi case (:func:`helpers.plots.xiaomi.style_swot`,
:func:`helpers.plots.xiaomi.style_idic`) are shown through it; the headings are in
``helpers/texts/tables.toml``.

>>> from helpers import set_language, xiaomi
>>> swot = xiaomi.swot()
>>> display_columns(swot) is swot
True
>>> set_language("zh")
>>> list(display_columns(swot).columns)
['象限', '要点', '依据', '出处']
>>> display_columns(swot).iloc[0, 0]
'优势'
>>> set_language("en")
"""
from __future__ import annotations

import pandas as pd

from helpers.language import CATALOGUE, language, text
from helpers.lifecycle import STAGE_NAMES_ZH
from helpers.xiaomi import IDIC_STEPS, QUADRANTS

#: Columns whose cells are course vocabulary, with the Chinese of each value; the texts of the
#: catalogue (``tables.values.<column>.<value>``) join these when first used.
_VOCABULARY = {"quadrant": QUADRANTS, "step": IDIC_STEPS, "stage": STAGE_NAMES_ZH}
#: A column ``X_zh`` holds the Chinese of column ``X``.
_ZH = "_zh"


def _values(column: str) -> dict:
    """The Chinese of the vocabulary in ``column``: {English value: Chinese}."""
    prefix = f"tables.values.{column}."
    found = {key[len(prefix):]: pair[1] for key, pair in CATALOGUE.items() if key.startswith(prefix)}
    return {**_VOCABULARY.get(column, {}), **found}


def heading(column) -> str:
    """The heading of ``column`` in the course's language (the name itself when it has none).

    >>> heading("evidence")
    'evidence'
    """
    key = f"tables.columns.{column}"
    return text(key) if key in CATALOGUE else column


def _axis(index: pd.Index) -> pd.Index:
    """An index with its name translated and, if it names a vocabulary column, its values too."""
    if isinstance(index, pd.MultiIndex):
        return index.set_names([heading(n) if n is not None else None for n in index.names])
    values = _values(index.name) if index.name is not None else {}
    if values:
        index = index.map(lambda v: values.get(v, v))
    return index.rename(heading(index.name) if index.name is not None else None)


def display_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The table to show: in Chinese a copy with Chinese headings and vocabulary; in English ``frame``.

    In Chinese, a column ``X`` whose cells are course vocabulary (``quadrant``, ``step``,
    ``stage``, ``kind``, ``precision``) shows them in Chinese; a column ``X_zh`` beside ``X``
    takes its place (``quadrant_zh`` shows as 象限), and alone it is shown under ``X``'s heading.
    Index names (and the values of an index named after a vocabulary column, as in a pivot
    table) are translated alike. Other cells (the points, notes and evidence) stay as they are.

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        For display only: use ``frame`` itself in code.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a DataFrame, got {type(frame).__name__}")
    if language() == "en":
        return frame
    shown = frame.copy()
    columns = [c for c in shown.columns if isinstance(c, str)]
    for column in columns:
        base = column[: -len(_ZH)] if column.endswith(_ZH) else None
        if base is not None and base in shown.columns:
            shown[base] = shown.pop(column)           # the Chinese takes the place of the English
        elif column in shown.columns and (values := _values(column)):
            shown[column] = shown[column].map(lambda v, values=values: values.get(v, v))
    if isinstance(shown.columns, pd.MultiIndex) or shown.columns.name is not None:
        shown.columns = _axis(shown.columns)
    else:
        shown.columns = [heading(c[: -len(_ZH)] if isinstance(c, str) and c.endswith(_ZH) else c)
                         if isinstance(c, str) else c for c in shown.columns]
    shown.index = _axis(shown.index)
    return shown
