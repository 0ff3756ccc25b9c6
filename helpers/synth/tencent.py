"""SYNTHETIC social graph for the QQ-vs-360 case (the 3Q war, reading 004).

Invented users, not Tencent's or Qihoo 360's data: the readings give only headline numbers (360:
over 300 million users, over 75% of Chinese internet users; QQ: 612.5 million active accounts).
Every user here runs both products, as the users caught by the ban of 3 November (2010 according to press reports;
reading 004 gives only the day) did. The
assumptions, each stated in ``datasets/tencent/README.md``:

* users live in circles (classmates, colleagues, family: a community each), of 10 to 200 people;
* each user has about 8 ties inside their circle (weight 1, close) and about 2 outside it
  (weight 0.5, looser), drawn at random, no duplicates, no self-ties;
* base stickiness to QQ, ``a_i`` (what QQ is worth to a user with no friends on it), is
  Beta(2, 3) distributed (mean 0.4); base stickiness to 360, ``b_i``, is Beta(3, 2) (mean 0.6):
  on its own merits, most users would rather keep their security software;
* circles differ in taste: each circle shifts its members' 360 stickiness up and QQ stickiness
  down by the same amount, drawn from Normal(0, 0.08), then values are clipped to [0, 1];
* values are rounded to 4 decimals so the files hold exactly what the model uses.

>>> graph, users = generate(n_users=200, seed=1)
>>> graph.number_of_nodes(), list(users.columns)
(200, ['community', 'base_qq', 'base_360'])
"""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from helpers._checks import check_number

SEED = 20101103  # the night of the ban, 3 November 2010
N_USERS = 30_000
USERS_FILE = "synthetic_qq360_users.csv"
EDGES_FILE = "synthetic_qq360_ties.csv.gz"
TIES_INSIDE, TIES_OUTSIDE = 8, 2
WEIGHT_INSIDE, WEIGHT_OUTSIDE = 1.0, 0.5


def _circles(n_users: int, rng) -> np.ndarray:
    """Community of each user: circle sizes from a log-normal, 10 to 200 people."""
    sizes = []
    while sum(sizes) < n_users:
        sizes.append(int(np.clip(round(rng.lognormal(mean=3.5, sigma=0.7)), 10, 200)))
    sizes[-1] -= sum(sizes) - n_users
    if sizes[-1] < 2 and len(sizes) > 1:
        sizes[-2] += sizes.pop()
    return np.repeat(np.arange(len(sizes)), sizes)


def tables(n_users: int = N_USERS, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The synthetic users and ties as two tables.

    Parameters
    ----------
    n_users : int
        Number of users (2 or more).
    seed : int
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    users : pandas.DataFrame
        ``user_id`` (``u00000`` ...), ``community``, ``base_qq``, ``base_360``.
    ties : pandas.DataFrame
        ``source``, ``target`` (user ids, source < target), ``weight`` (1 inside a circle, 0.5 across).
    """
    n_users = check_number(n_users, "n_users", integer=True, low=2)
    rng = np.random.default_rng(seed)
    community = _circles(int(n_users), rng)
    n = len(community)

    # ties inside circles: each circle of size m gets about m * TIES_INSIDE / 2 random pairs
    starts = np.r_[0, np.flatnonzero(np.diff(community)) + 1]
    sizes = np.diff(np.r_[starts, n])
    counts = rng.poisson(sizes * TIES_INSIDE / 2)
    circle = np.repeat(np.arange(len(sizes)), counts)
    u = starts[circle] + (rng.random(len(circle)) * sizes[circle]).astype(int)
    v = starts[circle] + (rng.random(len(circle)) * sizes[circle]).astype(int)
    inside = np.c_[u, v, np.full(len(u), WEIGHT_INSIDE)]
    # ties across circles: n * TIES_OUTSIDE / 2 random pairs anywhere
    m = int(n * TIES_OUTSIDE / 2)
    across = np.c_[rng.integers(0, n, m), rng.integers(0, n, m), np.full(m, WEIGHT_OUTSIDE)]
    ties = np.r_[inside, across]
    lo, hi = np.minimum(ties[:, 0], ties[:, 1]).astype(int), np.maximum(ties[:, 0], ties[:, 1]).astype(int)
    keep = lo != hi
    ties = pd.DataFrame({"s": lo[keep], "t": hi[keep], "weight": ties[keep, 2]})
    ties = ties.sort_values("weight", ascending=False, kind="stable").drop_duplicates(["s", "t"])
    ties = ties.sort_values(["s", "t"]).reset_index(drop=True)

    taste = rng.normal(0.0, 0.08, community.max() + 1)[community]
    base_qq = np.clip(rng.beta(2, 3, n) - taste, 0, 1).round(4)
    base_360 = np.clip(rng.beta(3, 2, n) + taste, 0, 1).round(4)
    ids = np.array([f"u{k:05d}" for k in range(n)])
    users = pd.DataFrame({"user_id": ids, "community": community, "base_qq": base_qq, "base_360": base_360})
    ties = pd.DataFrame({"source": ids[ties["s"]], "target": ids[ties["t"]], "weight": ties["weight"]})
    return users, ties


def to_graph(users: pd.DataFrame, ties: pd.DataFrame) -> tuple[nx.Graph, pd.DataFrame]:
    """Build ``(graph, users)`` from the two tables: users indexed by ``user_id``; the graph has
    a node per user (in file order) and an edge per tie with its ``weight``."""
    users = users.set_index("user_id")
    graph = nx.Graph()
    graph.add_nodes_from(users.index)
    graph.add_weighted_edges_from(ties[["source", "target", "weight"]].itertuples(index=False, name=None))
    return graph, users


def generate(n_users: int = N_USERS, seed: int = SEED) -> tuple[nx.Graph, pd.DataFrame]:
    """The synthetic social graph and users, in memory (what :func:`helpers.data.load_tencent`
    reads back from the files). Small graphs (a few hundred users) suit the explorers."""
    return to_graph(*tables(n_users, seed))


def write(out_dir) -> list[Path]:
    """Write the users (CSV) and ties (gzip CSV, mtime 0) to ``out_dir``; identical on every run."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    users, ties = tables()
    users_path, ties_path = out / USERS_FILE, out / EDGES_FILE
    users.to_csv(users_path, index=False, float_format="%.4f", lineterminator="\n")
    text = ties.to_csv(index=False, float_format="%.1f", lineterminator="\n").encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as zipped:
        zipped.write(text)
    ties_path.write_bytes(buffer.getvalue())
    return [users_path, ties_path]
