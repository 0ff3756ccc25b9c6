"""The RFM explorer: move the score cut points and watch segment sizes and revenue shares change."""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.plots.value import plot_rfm_segments, segment_label, update_rfm_segments
from helpers.value import rfm_segments, segment_summary
from helpers.views.base import Explorer, Wording, choices


def rfm_explorer(tables=None) -> Explorer:
    """Score cut points (which R and F scores count as low, mid and high) -> RFM segment sizes and
    revenue shares.

    Parameters
    ----------
    tables : pandas.DataFrame or dict of str to pandas.DataFrame, optional
        One RFM table from :func:`helpers.value.rfm_table`, or several by name (a drop-down picks
        one, e.g. ``{"CDNOW (real)": ..., "Xiaomi-style (synthetic)": ...}``). Default: the CDNOW
        sample, scored on five levels.

    Returns
    -------
    helpers.views.Explorer
        Controls ``data`` (if several tables), ``r_cuts`` and ``f_cuts`` (range sliders: the
        left handle is the highest *low* score, the right handle the lowest *high* score).
        ``.result`` is the segment summary of :func:`helpers.value.segment_summary`.

    Examples
    --------
    >>> ex = rfm_explorer()
    >>> ex.controls["r_cuts"].value
    (2, 4)
    >>> before = ex.result.loc["champions", "customers"]
    >>> ex.controls["r_cuts"].value = (2, 3)          # R = 3 now counts as recent
    >>> bool(ex.result.loc["champions", "customers"] > before)
    True
    """
    if tables is None:
        from helpers import data
        from helpers.value import rfm_table
        tables = {"CDNOW (real)": rfm_table(data.load_cdnow())}
    elif isinstance(tables, pd.DataFrame):
        tables = {"data": tables}
    if not isinstance(tables, dict) or not tables:
        raise TypeError("tables must be an RFM table (DataFrame) or a non-empty dict of them by name")
    for name, table in tables.items():
        if not isinstance(table, pd.DataFrame) or "bins" not in table.attrs:
            raise ValueError(f"tables[{name!r}] must be the DataFrame returned by helpers.value.rfm_table()")
    bins = {table.attrs["bins"] for table in tables.values()}
    if len(bins) != 1:
        raise ValueError(f"all tables must be scored on the same number of bins, got {sorted(bins)}")
    bins = bins.pop()
    default = rfm_segments(next(iter(tables.values()))).attrs

    words = Wording("rfm_explorer")
    controls = {}
    if len(tables) > 1:
        controls["data"] = widgets.Dropdown(options=choices((words.known("rfm_explorer.tables", name), name)
                                                            for name in tables), description=words("data"))
    controls["r_cuts"] = widgets.IntRangeSlider(value=default["r_cuts"], min=1, max=bins,
                                                description=words("r_cuts"))
    controls["f_cuts"] = widgets.IntRangeSlider(value=default["f_cuts"], min=1, max=bins,
                                                description=words("f_cuts"))

    for name in ("r_cuts", "f_cuts"):
        _keep_apart(controls[name])

    def model(r_cuts, f_cuts, data=None):
        table = tables[data] if data is not None else next(iter(tables.values()))
        return segment_summary(rfm_segments(table, r_cuts=r_cuts, f_cuts=f_cuts))

    def draw(fig, **values):
        summary = model(**values)
        ax = fig.add_subplot()
        plot_rfm_segments(summary, ax=ax, moving=True)
        fig.subplots_adjust(left=0.16, right=0.97, top=0.9, bottom=0.13)
        return summary

    def update(fig, **values):
        summary = model(**values)
        update_rfm_segments(fig.axes[0], summary)
        return summary

    def summary(segments):
        return _summary(segments, words)

    return Explorer(controls, draw, update=update, summary=summary, figsize=(11.2, 4.9), columns=3,
                    title=words("title"))


def _keep_apart(cuts: widgets.IntRangeSlider) -> None:
    """A range slider's two handles may meet; rfm_segments needs low < high. When they meet, the
    handle just moved goes back one step (at either end of the scale, the one that can), so the
    slider always shows the cut points in use."""
    def apart(change):
        low, high = change["new"]
        if low < high:
            return
        if low < cuts.max:
            moved_low = change["old"][0] != low
            cuts.value = (low - 1, high) if moved_low and low > cuts.min else (low, low + 1)
        else:
            cuts.value = (low - 1, low)
    cuts.observe(apart, names="value")


def _summary(summary: pd.DataFrame, words: Wording) -> str:
    def segment(name):
        row = summary.loc[name]
        with words.spoken():                    # the segment's name in the explorer's language
            named = segment_label(name)
        return words("segment", segment=html.escape(named), customers=row["share_of_customers"],
                     revenue=row["share_of_revenue"])
    return words("summary", champions=segment("champions"), at_risk=segment("at_risk"))
