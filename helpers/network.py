"""Customer networks: stickiness that customers lend each other, cascades, and forced choices.

Reading 004 models a product's customers as a network. Alone, customer *i* sticks to the product
with base stickiness ``a_i`` (客户"粘度" in reading 004; 黏性 today). Once customers are tied to
one another through the product, each also gains a share of every tied customer's stickiness.
Reading 004 writes ``s_i = a_i + Σ_{j≠i} λ_j a_j``; the course generalises it to one ``λ_ij`` per
tie:

``s_i = a_i + Σ_j λ_ij a_j``, or in matrix form ``s = (I + Λ) a``,

where ``Λ`` holds the tie strengths ``λ_ij >= 0`` (zero on the diagonal). Three functions build
on it:

* :func:`stickiness` computes ``s`` from ``a`` and the ties (a matrix, a DataFrame or a graph);
* :func:`cascade` lets some customers leave: the ties to them stop counting, friends whose
  stickiness falls below a threshold follow, and so on until nobody else goes;
* :func:`forced_choice` makes every user keep one of two products (the 3Q war: reading 004 gives 3 November; the year 2010 is from press reports: QQ or
  360) and lets friends' choices feed back until no user wants to switch.

Graphs are :mod:`networkx` graphs; a tie's strength is its ``weight`` edge attribute (1 when
absent), times a scale ``lam``. Computation runs on :mod:`scipy.sparse` matrices, so graphs with
tens of thousands of users take well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from numbers import Real

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from helpers._checks import check_number, check_numbers

PRODUCTS = ("QQ", "360")


# --- checks --------------------------------------------------------------------------------------

_NUMBERS = "numbers (an array, Series or dict)"
_NO_CUSTOMER = ": expected at least one customer"
#: check_number settings of a tie strength λ
_LAM = {"low": 0, "must": "be a finite number >= 0 (λ, the strength of a tie)"}


def _check_graph(graph) -> list:
    if not isinstance(graph, nx.Graph):
        raise TypeError(f"graph must be a networkx Graph or DiGraph, got {type(graph).__name__}")
    if graph.number_of_nodes() == 0:
        raise ValueError("graph is empty: expected at least one customer (node)")
    if nx.number_of_selfloops(graph):
        loop = next(iter(nx.selfloop_edges(graph)))
        raise ValueError(f"graph has a self-loop at node {loop[0]!r}: a customer cannot be tied to themselves")
    return list(graph.nodes)


def _graph_matrix(graph, lam: float = 1.0) -> sp.csr_matrix:
    """Tie strengths λ_ij = lam * weight_ij as a CSR matrix in graph node order."""
    nodes = _check_graph(graph)
    if graph.number_of_edges() == 0:
        return sp.csr_matrix((len(nodes), len(nodes)))
    # walk the adjacency once: row i lists i's neighbours (successors in a DiGraph), so an
    # undirected tie appears in both rows, as Λ needs
    index = {node: k for k, node in enumerate(nodes)}
    adj = graph.adj
    degree = np.fromiter((len(adj[node]) for node in nodes), dtype=np.int64, count=len(nodes))
    cols = np.fromiter((index[v] for node in nodes for v in adj[node]), dtype=np.int64, count=int(degree.sum()))
    weights = [d.get("weight", 1.0) for node in nodes for d in adj[node].values()]
    try:
        vals = np.asarray(weights, dtype=float)
    except (TypeError, ValueError):
        vals = np.array([w if isinstance(w, Real) else np.nan for w in weights], dtype=float)
    bad = ~np.isfinite(vals) | (vals < 0)
    if bad.any():
        k = int(np.argmax(bad))
        u = nodes[int(np.searchsorted(np.cumsum(degree), k, side="right"))]
        raise ValueError(f"graph edge ({u!r}, {nodes[cols[k]]!r}) has weight {weights[k]!r}; expected "
                         "a finite number >= 0 (λ, the strength of the tie)")
    indptr = np.r_[0, np.cumsum(degree)]
    n = len(nodes)
    return sp.csr_matrix((vals * lam, cols, indptr), shape=(n, n))


def _node_values(values, nodes: list, name: str, *, allow_negative: bool = False) -> np.ndarray:
    """A per-node number from a dict, Series or array (in node order), checked."""
    if isinstance(values, dict):
        values = pd.Series(values, dtype=float)
    if isinstance(values, pd.Series):
        unknown = values.index.difference(pd.Index(nodes)) if len(values) else []
        if len(unknown):
            raise ValueError(f"{name} names unknown node(s) {sorted(map(str, unknown))[:5]}; "
                             "every key must be a node of the graph")
        missing = pd.Index(nodes).difference(values.index)
        if len(missing):
            raise ValueError(f"{name} has no value for {len(missing)} node(s), e.g. {missing[0]!r}; "
                             f"expected one value per node ({len(nodes)})")
        values = values.reindex(nodes).to_numpy()
    arr = check_numbers(values, name, what=_NUMBERS, empty=_NO_CUSTOMER)
    if arr.ndim != 1 or len(arr) != len(nodes):
        raise ValueError(f"{name} has {arr.size} value(s) in shape {arr.shape}; expected one per node "
                         f"({len(nodes)}), in graph node order, or a dict/Series keyed by node")
    if not allow_negative and (arr < 0).any():
        raise ValueError(f"{name} must be >= 0 (stickiness), got a minimum of {arr.min():g}")
    return arr


# --- the model of reading 004 --------------------------------------------------------------------

def stickiness(base, weights):
    """Stickiness with customer ties: ``s = (I + Λ) a = a + Λ a`` (the course's generalisation of
    reading 004's formula).

    Parameters
    ----------
    base : array-like, pandas.Series or dict
        Base stickiness ``a_i >= 0`` of each customer, with no ties. With a graph, a dict or
        Series keyed by node, or an array in graph node order.
    weights : 2-D array-like, pandas.DataFrame, scipy sparse matrix or networkx graph
        Tie strengths ``Λ``: entry ``[i, j] = λ_ij >= 0`` is the share of customer *j*'s
        stickiness that customer *i* gains through the tie; zero diagonal. A DataFrame must have
        the same labels on rows and columns (and the base Series' labels). A graph gives
        ``λ_ij`` as the ``weight`` attribute of edge (i, j) (1 when absent); undirected ties act
        both ways.

    Returns
    -------
    numpy.ndarray or pandas.Series
        ``s``: a Series (named ``stickiness``) when ``base`` is a Series or dict or ``weights`` is
        a DataFrame or graph, else an array.

    Raises
    ------
    TypeError
        If ``base`` or ``weights`` is not numbers / not a supported kind.
    ValueError
        If a tie strength or base stickiness is negative or NaN, sizes or labels do not match,
        the diagonal is not zero, or the graph is empty or names unknown nodes.

    Examples
    --------
    Two customers A and B, with a = 3, b = 5 and λ = 0.2: A gets 3 + 0.2·5, B gets 5 + 0.2·3.

    >>> stickiness([3.0, 5.0], [[0, 0.2], [0.2, 0]])
    array([4. , 5.6])
    """
    if isinstance(weights, nx.Graph):
        nodes = _check_graph(weights)
        a = _node_values(base, nodes, "base")
        return pd.Series(a + _graph_matrix(weights) @ a, index=pd.Index(nodes, name="customer"),
                         name="stickiness")

    labels = None
    if isinstance(weights, pd.DataFrame):
        if not weights.index.equals(weights.columns):
            raise ValueError("weights DataFrame must have the same customers, in the same order, on its "
                             f"rows and columns; got rows {list(weights.index)[:5]} and columns "
                             f"{list(weights.columns)[:5]}")
        labels = weights.index
        matrix = check_numbers(weights.to_numpy(), "weights", what=_NUMBERS, empty=_NO_CUSTOMER)
    elif sp.issparse(weights):
        matrix = sp.csr_matrix(weights, dtype=float)
        if matrix.shape[0] == 0:
            raise ValueError("weights is empty: expected at least one customer")
        if not np.isfinite(matrix.data).all():
            raise ValueError("weights must not contain NaN or infinite values")
    else:
        matrix = check_numbers(weights, "weights", what=_NUMBERS, empty=_NO_CUSTOMER)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"weights must be a square matrix (customers x customers), got shape {matrix.shape}")
    data = matrix.data if sp.issparse(matrix) else matrix
    if (data < 0).any():
        raise ValueError(f"weights must be >= 0 (λ, the strength of a tie), got a minimum of {data.min():g}")
    if np.any(matrix.diagonal() != 0):
        raise ValueError("weights must have a zero diagonal: a customer is not tied to themselves")

    series_out = labels is not None or isinstance(base, (pd.Series, dict))
    if isinstance(base, (pd.Series, dict)):
        base = pd.Series(base, dtype=float) if isinstance(base, dict) else base
        if labels is not None:
            unknown = base.index.difference(labels)
            if len(unknown):
                raise ValueError(f"base names customer(s) {list(unknown)[:5]} not in the weights' labels")
            if len(base) != len(labels):
                raise ValueError(f"base has {len(base)} customers, weights {len(labels)}: sizes must match")
            base = base.reindex(labels)
        labels = base.index
    a = check_numbers(base, "base", what=_NUMBERS, empty=_NO_CUSTOMER)
    if a.ndim != 1:
        raise ValueError(f"base must be one number per customer (1-D), got shape {a.shape}")
    if len(a) != matrix.shape[0]:
        raise ValueError(f"base has {len(a)} customers but weights is {matrix.shape[0]} x {matrix.shape[1]}: "
                         "sizes must match")
    if (a < 0).any():
        raise ValueError(f"base must be >= 0 (stickiness), got a minimum of {a.min():g}")
    s = np.asarray(a + matrix @ a, dtype=float).ravel()
    return pd.Series(s, index=labels, name="stickiness") if series_out else s


def cascade(graph, base, first_leavers, threshold, *, lam: float = 1.0, max_rounds: int | None = None):
    """Customers leave, friends' stickiness falls, and those below ``threshold`` follow.

    Stickiness counts only ties to customers who are still there:
    ``s_i = a_i + Σ_{j stays} λ_ij a_j`` with ``λ_ij = lam * weight_ij``. The ``first_leavers``
    go in round 0. In each later round every remaining customer whose stickiness is below
    ``threshold`` (the pull of the best alternative) leaves too, all at once. It stops when a
    round adds nobody. Customers already below the threshold with everyone present leave in
    round 1 whatever the first leavers do. Because stickiness only falls as others leave, a
    larger set of first leavers never gives a smaller cascade.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        Customers (nodes) and their ties (edges, optional ``weight``).
    base : array-like, pandas.Series or dict
        Base stickiness ``a_i >= 0`` per node.
    first_leavers : iterable of nodes
        Customers who leave first (may be empty).
    threshold : float or per-node values
        A customer stays while their stickiness is at least this.
    lam : float, default 1
        Scale λ applied to every edge weight.
    max_rounds : int, optional
        Stop after this many rounds (default: until nobody else leaves).

    Returns
    -------
    pandas.DataFrame
        Indexed by node: ``base``, ``stickiness_before`` (everyone present), ``stickiness_after``
        (ties to leavers removed), ``left`` (bool), ``round`` (0 for first leavers, k for the
        k-th wave, -1 for those who stay). ``df["left"].sum()`` is the cascade size.

    Examples
    --------
    A hub h with two friends x and y, who stay only through the hub: when h leaves, both follow.

    >>> import networkx as nx
    >>> g = nx.star_graph(["h", "x", "y"])
    >>> out = cascade(g, {"h": 1, "x": 1, "y": 1}, ["h"], threshold=1.5)
    >>> out["round"].to_dict()
    {'h': 0, 'x': 1, 'y': 1}
    """
    lam = check_number(lam, "lam", **_LAM)
    nodes = _check_graph(graph)
    a = _node_values(base, nodes, "base")
    if isinstance(threshold, (Real, np.number)):
        theta = np.full(len(nodes), check_number(threshold, "threshold", must="be a finite number"))
    else:
        theta = _node_values(threshold, nodes, "threshold", allow_negative=True)
    if isinstance(first_leavers, (str, bytes)) or not hasattr(first_leavers, "__iter__"):
        raise TypeError("first_leavers must be a list or set of nodes, got "
                        f"{type(first_leavers).__name__}")
    leavers = list(first_leavers)
    index = {node: k for k, node in enumerate(nodes)}
    unknown = [node for node in leavers if node not in index]
    if unknown:
        raise ValueError(f"first_leavers names unknown node(s) {unknown[:5]}; expected nodes of the graph")
    if max_rounds is not None:
        max_rounds = check_number(max_rounds, "max_rounds", integer=True, low=0, hint=" (or None)")

    W = _graph_matrix(graph, lam)
    before = a + W @ a
    rounds = np.full(len(nodes), -1)
    rounds[[index[node] for node in leavers]] = 0
    present = rounds < 0
    k = 0
    while max_rounds is None or k < max_rounds:
        s = a + W @ (a * present)
        going = present & (s < theta)
        if not going.any():
            break
        k += 1
        rounds[going] = k
        present &= ~going
    after = a + W @ (a * present)
    return pd.DataFrame({"base": a, "stickiness_before": before, "stickiness_after": after,
                         "left": ~present, "round": rounds}, index=pd.Index(nodes, name="customer"))


@dataclass(frozen=True)
class ForcedChoice:
    """The outcome of :func:`forced_choice`.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by user: ``base_qq``, ``base_360``, ``stickiness_qq``, ``stickiness_360`` (at the
        equilibrium), ``choice`` (``"QQ"`` or ``"360"``) and ``first_choice`` (the choice made
        right after the ban, when every friend still had both).
    rounds : int
        Rounds of switching until nobody wanted to switch.
    qq_share : list of float
        Share of users on QQ after the first choice and after every round.
    """

    table: pd.DataFrame
    rounds: int
    qq_share: list

    @property
    def share(self) -> pd.Series:
        """Share of users who kept each product, ``QQ`` then ``360``."""
        counts = self.table["choice"].value_counts(normalize=True)
        return counts.reindex(list(PRODUCTS), fill_value=0.0).rename("share")


def forced_choice(graph, base_qq, base_360, *, lam: float = 1.0, lam_360: float = 0.0, seed: int = 0,
                  switch_prob: float = 0.5, max_rounds: int = 1000) -> ForcedChoice:
    """Every user must keep one product; friends' choices feed back until nobody wants to switch.

    Before the ban every user runs both QQ and 360, so each gains from all friends on both. The
    moment they must choose, user *i* compares

    ``S_QQ_i  = a_i + Σ_{j on QQ}  λ_ij a_j`` with ``λ_ij = lam * weight_ij``, and
    ``S_360_i = b_i + Σ_{j on 360} μ_ij b_j`` with ``μ_ij = lam_360 * weight_ij``,

    and keeps the product with the higher total (QQ on a tie). First choices count every friend
    on both sides. Then, round by round, the users whose choice no longer matches their higher
    total each switch with probability ``switch_prob`` (not all at once, as people do not all act
    on the same day; this also keeps the process from see-sawing). It stops at an equilibrium:
    no user wants to switch. The random draws come from ``numpy.random.default_rng(seed)``, so
    a seed gives the same outcome every time.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        Users and their ties (``weight`` attribute optional, default 1).
    base_qq, base_360 : array-like, pandas.Series or dict
        Base stickiness ``a_i``, ``b_i >= 0`` of each user to QQ and to 360.
    lam : float, default 1
        Strength of a tie for QQ (a messenger: friends are why people stay).
    lam_360 : float, default 0
        Strength of a tie for 360 (security software: friends add little).
    seed : int, default 0
        Seed of the random switching order.
    switch_prob : float in (0, 1], default 0.5
        Chance that a user who wants to switch does so in a given round.
    max_rounds : int, default 1000
        Give up (RuntimeError) if no equilibrium is reached by then.

    Returns
    -------
    ForcedChoice

    Examples
    --------
    Two friends who like 360 a little more than QQ on their own keep QQ once their tie counts.

    >>> import networkx as nx
    >>> g = nx.Graph([("u1", "u2")])
    >>> alone = forced_choice(g, [0.4, 0.4], [0.5, 0.5], lam=0.0)
    >>> tied = forced_choice(g, [0.4, 0.4], [0.5, 0.5], lam=0.5)
    >>> alone.table["choice"].tolist(), tied.table["choice"].tolist()
    (['360', '360'], ['QQ', 'QQ'])
    """
    lam = check_number(lam, "lam", **_LAM)
    lam_360 = check_number(lam_360, "lam_360", **_LAM)
    nodes = _check_graph(graph)
    a = _node_values(base_qq, nodes, "base_qq")
    b = _node_values(base_360, nodes, "base_360")
    seed = check_number(seed, "seed", integer=True, must={"type": "be an int"})
    switch_prob = check_number(switch_prob, "switch_prob", low=0, low_open=True, high=1,
                               must="be a number in (0, 1]")
    max_rounds = check_number(max_rounds, "max_rounds", integer=True, low=1)

    W = _graph_matrix(graph)  # weights only; λ and μ scale them below
    Wa, Wb = W @ a, W @ b

    def totals(on_qq):
        s_qq = a + lam * (Wa if on_qq is None else W @ (a * on_qq))
        s_360 = b + lam_360 * (Wb if on_qq is None else W @ (b * ~on_qq))
        return s_qq, s_360

    s_qq, s_360 = totals(None)
    on_qq = s_qq >= s_360
    first = on_qq.copy()
    shares = [float(on_qq.mean())]
    rng = np.random.default_rng(seed)
    rounds = 0
    while True:
        s_qq, s_360 = totals(on_qq)
        wants_qq = s_qq >= s_360
        unhappy = wants_qq != on_qq
        if not unhappy.any():
            break
        if rounds >= max_rounds:
            raise RuntimeError(f"no equilibrium after max_rounds={max_rounds} rounds; "
                               "raise max_rounds or lower switch_prob")
        move = unhappy & (rng.random(len(nodes)) < switch_prob)
        on_qq = np.where(move, wants_qq, on_qq)
        rounds += 1
        shares.append(float(on_qq.mean()))
    choice = np.where(on_qq, PRODUCTS[0], PRODUCTS[1])
    table = pd.DataFrame({"base_qq": a, "base_360": b, "stickiness_qq": s_qq, "stickiness_360": s_360,
                          "choice": choice, "first_choice": np.where(first, PRODUCTS[0], PRODUCTS[1])},
                         index=pd.Index(nodes, name="user"))
    return ForcedChoice(table=table, rounds=rounds, qq_share=shares)


# --- example graphs ------------------------------------------------------------------------------

SHAPES = ("random", "small-world", "scale-free", "community")


def example_graph(shape: str, n: int = 200, *, seed: int = 0, mean_degree: int = 6) -> nx.Graph:
    """A seeded example network of ``n`` customers with about ``mean_degree`` ties each.

    Parameters
    ----------
    shape : {"random", "small-world", "scale-free", "community"}
        ``random``: Erdős–Rényi (ties at random); ``small-world``: Watts–Strogatz (neighbours of
        neighbours, a few shortcuts, rewiring 0.1); ``scale-free``: Barabási–Albert (a few hubs
        with many ties); ``community``: five equal circles, dense inside, about one tie per
        customer across circles (node attribute ``community``, 0 to 4). Nodes are 0 .. n-1;
        edges carry no weight (λ sets it).
    n : int
        Number of customers (10 or more).
    seed : int
        Seed of the networkx generator.
    mean_degree : int
        Target average number of ties (2 or more, even for small-world).

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> g = example_graph("scale-free", 100, seed=1)
    >>> g.number_of_nodes(), round(2 * g.number_of_edges() / 100)
    (100, 6)
    """
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}, got {shape!r}")
    n = check_number(n, "n", integer=True, low=10)
    mean_degree = check_number(mean_degree, "mean_degree", integer=True, low=2, high=n // 5, high_open=True)
    if shape == "random":
        graph = nx.gnm_random_graph(n, n * mean_degree // 2, seed=seed)
    elif shape == "small-world":
        graph = nx.connected_watts_strogatz_graph(n, 2 * (mean_degree // 2), 0.1, seed=seed)
    elif shape == "scale-free":
        graph = nx.barabasi_albert_graph(n, max(1, mean_degree // 2), seed=seed)
    else:
        sizes = [n // 5 + (1 if k < n % 5 else 0) for k in range(5)]
        p_in = (mean_degree - 1) / (min(sizes) - 1)
        p_out = 1 / (n - min(sizes))
        graph = nx.stochastic_block_model(sizes, [[p_in if i == j else p_out for j in range(5)] for i in range(5)],
                                          seed=seed)
        graph = nx.Graph(graph)
        graph.graph.clear()
        for node in graph.nodes:
            graph.nodes[node]["community"] = graph.nodes[node].pop("block")
    return graph
