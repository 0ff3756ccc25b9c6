"""Plots for customer networks: a network coloured by who stays and who goes, stickiness by graph
shape, and the QQ-vs-360 forced choice.

Networks are drawn with one ``LineCollection`` for the ties and one scatter for the customers,
which keeps a redraw of a few hundred nodes fast. Positions come from :func:`layout` (seeded),
computed once per graph.

>>> import networkx as nx
>>> from helpers import network
>>> g = nx.star_graph(4)
>>> out = network.cascade(g, [1.0] * 5, [0], threshold=1.5)
>>> ax = plot_cascade(out, g, layout(g))
>>> ax.get_title()
'Cascade: 5 of 5 customers leave'
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.ticker import MaxNLocator

from helpers import plotting
from helpers.network import SHAPES
from helpers.plots._axes import axes

#: Colours: who leaves, who follows, who stays; which product a user keeps (Okabe-Ito).
STATUS_COLORS = {"first_leavers": "#D55E00", "followers": "#E69F00", "stay": "#0072B2"}
PRODUCT_COLORS = {"QQ": "#0072B2", "360": "#009E73"}
#: Catalogue keys of the network shapes of :data:`helpers.network.SHAPES` and of the columns of a
#: stickiness table, for the tick labels and legend of :func:`plot_stickiness_by_shape`.
SHAPE_KEYS = {shape: f"network_plots.shape.{shape}" for shape in SHAPES}
COLUMN_KEYS = {"base": "network_plots.column.base", "with_ties": "network_plots.column.with_ties",
               "mean s": "network_plots.column.mean_s", "10th percentile s": "network_plots.column.p10_s",
               "max s": "network_plots.column.max_s"}


def _known(name, keys):
    """A shape's or a column's name in the current language; other names as they are."""
    return plotting.label(keys[name]) if name in keys else name


def layout(graph: nx.Graph, seed: int = 0) -> dict:
    """Seeded node positions for drawing (spring layout; compute once, reuse on every redraw)."""
    if not isinstance(graph, nx.Graph):
        raise TypeError(f"graph must be a networkx Graph, got {type(graph).__name__}")
    return nx.spring_layout(graph, seed=seed, iterations=60)


def _draw(graph, pos, colors, ax, sizes=18):
    nodes = list(graph.nodes)
    missing = [n for n in nodes if n not in pos]
    if missing:
        raise ValueError(f"pos has no position for node(s) {missing[:5]}; compute it with layout(graph)")
    xy = np.array([pos[n] for n in nodes])
    index = {n: k for k, n in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in graph.edges], dtype=int).reshape(-1, 2)
    segments = np.stack([xy[ends[:, 0]], xy[ends[:, 1]]], axis=1)
    ax.add_collection(LineCollection(segments, colors="#d4d4d4", linewidths=0.5, antialiaseds=False, zorder=1))
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colors, edgecolors="none", zorder=2)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_aspect("equal", adjustable="datalim")
    for spine in ax.spines.values():
        spine.set_visible(False)


def _legend(ax, colors: dict):
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=plotting.label(k))
               for k, c in colors.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(handles), fontsize=plotting.font_size("legend"))


def plot_cascade(result: pd.DataFrame, graph: nx.Graph, pos: dict, ax=None):
    """The network after a :func:`helpers.network.cascade`: first leavers, followers, stayers."""
    ax = axes(ax)
    rounds = result["round"].reindex(list(graph.nodes)).to_numpy()
    status = np.where(rounds == 0, "first_leavers", np.where(rounds > 0, "followers", "stay"))
    _draw(graph, pos, [STATUS_COLORS[s] for s in status], ax, sizes=np.where(rounds >= 0, 45, 16))
    _legend(ax, STATUS_COLORS)
    ax.set_title(plotting.label("network_plots.cascade_title", left=int(result["left"].sum()), customers=len(result)))
    return ax


def plot_forced_choice(result, graph: nx.Graph, pos: dict, ax=None):
    """The network after :func:`helpers.network.forced_choice`, each user coloured by what they keep.

    The course has only synthetic users for this model, and the title says so.
    """
    ax = axes(ax)
    choice = result.table["choice"].reindex(list(graph.nodes))
    _draw(graph, pos, [PRODUCT_COLORS[c] for c in choice], ax)
    handles = {"keeps_qq": PRODUCT_COLORS["QQ"], "keeps_360": PRODUCT_COLORS["360"]}
    _legend(ax, handles)
    ax.set_title(plotting.label("network_plots.forced_choice_title", users=len(result.table),
                                qq=result.share["QQ"], other=result.share["360"]))
    return ax


def plot_stickiness_by_shape(table: pd.DataFrame, ax=None):
    """Mean stickiness per graph shape: ``table`` has a row per shape and columns ``base`` and
    ``with_ties`` (and optionally more, one bar each)."""
    ax = axes(ax)
    shown = table.rename(index=lambda s: _known(s, SHAPE_KEYS), columns=lambda c: _known(c, COLUMN_KEYS))
    shown.plot.bar(ax=ax, rot=0, color=["#999999", "#0072B2", "#E69F00", "#009E73"][:table.shape[1]])
    ax.set_xlabel(plotting.label("graph_shape"))
    ax.set_ylabel(plotting.label("network_plots.mean_stickiness"))
    ax.set_title(plotting.label("network_plots.stickiness_title"))
    return ax


def plot_share_vs_lambda(table: pd.DataFrame, ax=None):
    """Share of users keeping QQ and 360 against λ: ``table`` indexed by λ with columns ``QQ``, ``360``."""
    ax = axes(ax)
    for product in ("QQ", "360"):
        ax.plot(table.index, table[product], marker="o", color=PRODUCT_COLORS[product],
                label=plotting.label("keeps_qq" if product == "QQ" else "keeps_360"))
    ax.set_xlabel(plotting.label("lambda"))
    ax.set_ylabel(plotting.label("network_plots.share_of_users_01"))
    ax.set_ylim(0, 1)
    ax.set_title(plotting.label("network_plots.share_vs_lambda_title"))
    ax.legend()
    return ax


def plot_share_by_round(result, ax=None):
    """Share of users on QQ after the first choice (round 0) and after each round of switching.

    Rounds are whole numbers, so the x-axis has integer ticks only.
    """
    ax = axes(ax)
    ax.plot(range(len(result.qq_share)), result.qq_share, marker="o", color=PRODUCT_COLORS["QQ"])
    ax.set_xlabel(plotting.label("round"))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(plotting.label("network_plots.share_on_qq"))
    ax.set_ylim(0, 1)
    ax.set_title(plotting.label("network_plots.share_by_round_title", users=len(result.table)))
    return ax
