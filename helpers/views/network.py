"""Explorers for customer networks: the stickiness cascade (notebook 08) and the QQ-vs-360 forced
choice (the Tencent case).

Both use small graphs (150 and 300 customers) whose layouts are computed once, so that a redraw
stays well under 100 ms.

>>> ex = stickiness_explorer()
>>> ex.controls["lam"].value = 0.4
>>> int(ex.result["left"].sum()) <= len(ex.result)
True
"""
from __future__ import annotations

import functools

import ipywidgets as widgets
import numpy as np

from helpers import network
from helpers.plots import network as plots
from helpers.synth import tencent
from helpers.views.base import Explorer, Wording, choices

N_CUSTOMERS = 150
THRESHOLD = 1.0
WHO = ("most connected", "random")


@functools.lru_cache(maxsize=None)
def _example(shape: str):
    """A seeded example network, its layout and its customers' base stickiness (computed once)."""
    graph = network.example_graph(shape, N_CUSTOMERS, seed=8)
    base = np.random.default_rng(8).uniform(0.6, 1.2, N_CUSTOMERS)
    return graph, plots.layout(graph, seed=8), base


def _first_leavers(graph, k: int, who: str) -> list:
    nodes = list(graph.nodes)
    if who == "random":
        order = np.random.default_rng(1).permutation(len(nodes))
    else:
        order = np.argsort([-graph.degree(n) for n in nodes], kind="stable")
    return [nodes[i] for i in order[:k]]


def stickiness_explorer(lam: float = 0.15, shape: str = "scale-free", leavers: int = 5,
                        who: str = "most connected") -> Explorer:
    """Tie strength λ, network shape and the first leavers → who follows them out.

    150 synthetic customers, base stickiness uniform on [0.6, 1.2]; a customer stays while
    stickiness ``s_i = a_i + λ Σ_{friends who stay} a_j`` is at least 1.0
    (:func:`helpers.network.cascade`).

    Parameters
    ----------
    lam : float
        Starting tie strength λ (0 to 0.5).
    shape : str
        One of :data:`helpers.network.SHAPES`.
    leavers : int
        How many customers leave first (0 to 40).
    who : {"most connected", "random"}
        Which customers leave first.

    Returns
    -------
    Explorer
        ``.result`` is the cascade table of the current settings.
    """
    if shape not in network.SHAPES:
        raise ValueError(f"shape must be one of {network.SHAPES}, got {shape!r}")
    if who not in WHO:
        raise ValueError(f"who must be one of {WHO}, got {who!r}")
    words = Wording("stickiness_explorer")
    controls = {
        "lam": widgets.FloatSlider(value=lam, min=0.0, max=0.5, step=0.01, description=words("lam"),
                                   continuous_update=False),
        "shape": widgets.Dropdown(options=choices((words(f"shapes.{s}"), s) for s in network.SHAPES),
                                  value=shape, description=words("shape")),
        "leavers": widgets.IntSlider(value=leavers, min=0, max=40, description=words("leavers"),
                                     continuous_update=False),
        "who": widgets.Dropdown(options=choices((words(f"whom.{w}"), w) for w in WHO), value=who,
                                description=words("who")),
    }

    def draw(fig, lam, shape, leavers, who):
        graph, pos, base = _example(shape)
        result = network.cascade(graph, base, _first_leavers(graph, leavers, who), THRESHOLD, lam=lam)
        plots.plot_cascade(result, graph, pos, ax=fig.add_subplot())
        return result

    def summary(result):
        first = int((result["round"] == 0).sum())
        follow = int((result["round"] > 0).sum())
        waves = int(result["round"].max())
        return words("summary", first=first, follow=follow, waves=waves if follow else 0,
                     stay=int((~result["left"]).sum()), customers=len(result))

    return Explorer(controls, draw, summary=summary, figsize=(7.6, 4.6), title=words("title"))


@functools.lru_cache(maxsize=None)
def _tencent_example():
    graph, users = tencent.generate(n_users=300, seed=tencent.SEED)
    return graph, users, plots.layout(graph, seed=3)


def forced_choice_explorer(lam: float = 0.15, lam_360: float = 0.0, seed: int = 0) -> Explorer:
    """QQ or 360: tie strength for each product → who keeps which.

    300 SYNTHETIC users built like ``datasets/tencent`` (same generator, fewer users); each
    must keep one product (:func:`helpers.network.forced_choice`).

    Parameters
    ----------
    lam : float
        Tie strength λ for QQ (0 to 0.5).
    lam_360 : float
        Tie strength for 360 (0 to 0.5).
    seed : int
        Seed of the switching order (0 to 9).

    Returns
    -------
    Explorer
        ``.result`` is the :class:`helpers.network.ForcedChoice` of the current settings.
    """
    words = Wording("forced_choice_explorer")
    controls = {
        "lam": widgets.FloatSlider(value=lam, min=0.0, max=0.5, step=0.01, description=words("lam"),
                                   continuous_update=False),
        "lam_360": widgets.FloatSlider(value=lam_360, min=0.0, max=0.5, step=0.01, description=words("lam_360"),
                                       continuous_update=False),
        "seed": widgets.IntSlider(value=seed, min=0, max=9, description=words("seed"),
                                  continuous_update=False),
    }

    def draw(fig, lam, lam_360, seed):
        graph, users, pos = _tencent_example()
        result = network.forced_choice(graph, users["base_qq"], users["base_360"], lam=lam,
                                       lam_360=lam_360, seed=seed)
        plots.plot_forced_choice(result, graph, pos, ax=fig.add_subplot())
        return result

    def summary(result):
        switched = int((result.table["choice"] != result.table["first_choice"]).sum())
        return words("summary", qq=result.share["QQ"], other=result.share["360"], switched=switched,
                     rounds=result.rounds)

    return Explorer(controls, draw, summary=summary, figsize=(7.6, 4.9), columns=3, title=words("title"))
