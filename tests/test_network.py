"""Customer networks: reading 004's stickiness model, cascades and the forced choice."""
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helpers.network import SHAPES, cascade, example_graph, forced_choice, stickiness


# --- stickiness: closed forms of reading 004 ----------------------------------------------------

@pytest.mark.parametrize("a,b,lam", [(3.0, 5.0, 0.2), (0.4, 0.9, 1.5), (2.0, 0.0, 0.7), (1.0, 1.0, 0.0)])
def test_two_customers_closed_form(a, b, lam):
    s = stickiness([a, b], [[0, lam], [lam, 0]])
    np.testing.assert_allclose(s, [a + lam * b, b + lam * a], rtol=1e-12)


def test_two_customers_as_a_graph():
    g = nx.Graph()
    g.add_edge("A", "B", weight=0.3)
    s = stickiness({"A": 2.0, "B": 4.0}, g)
    assert s["A"] == pytest.approx(2.0 + 0.3 * 4.0) and s["B"] == pytest.approx(4.0 + 0.3 * 2.0)


def test_matrix_form_equals_the_explicit_sum():
    rng = np.random.default_rng(7)
    m = 12
    a = rng.uniform(0, 1, m)
    lam = rng.uniform(0, 0.5, (m, m)) * (rng.random((m, m)) < 0.5)
    np.fill_diagonal(lam, 0.0)
    explicit = np.array([a[i] + sum(lam[i, j] * a[j] for j in range(m) if j != i) for i in range(m)])
    np.testing.assert_allclose(stickiness(a, lam), explicit, rtol=1e-12)
    np.testing.assert_allclose(stickiness(a, lam), (np.eye(m) + lam) @ a, rtol=1e-12)


def test_reading_form_with_one_lambda_per_customer():
    # reading 004: s_i = a_i + sum over j != i of λ_j a_j (λ depends on the other customer only)
    a = np.array([1.0, 2.0, 3.0, 4.0])
    lam_j = np.array([0.1, 0.2, 0.3, 0.4])
    weights = np.tile(lam_j, (4, 1))
    np.fill_diagonal(weights, 0.0)
    expected = [a[i] + sum(lam_j[j] * a[j] for j in range(4) if j != i) for i in range(4)]
    np.testing.assert_allclose(stickiness(a, weights), expected)


def test_dataframe_series_and_graph_agree():
    g = example_graph("community", 50, seed=3)
    nx.set_edge_attributes(g, 0.15, "weight")
    base = pd.Series(np.linspace(0.1, 1.0, 50), index=list(g.nodes))
    frame = nx.to_pandas_adjacency(g, nodelist=list(g.nodes))
    from_graph = stickiness(base, g)
    from_frame = stickiness(base, frame)
    pd.testing.assert_series_equal(from_graph, from_frame, check_names=False, check_index_type=False)
    shuffled = base.sample(frac=1, random_state=0)
    pd.testing.assert_series_equal(stickiness(shuffled, g), from_graph)


def test_ties_only_ever_add_stickiness_and_caller_data_is_untouched():
    a = np.array([0.5, 0.2, 0.9])
    w = np.array([[0, 0.1, 0.0], [0.3, 0, 0.2], [0.0, 0.0, 0]])
    a0, w0 = a.copy(), w.copy()
    s = stickiness(a, w)
    assert np.all(s >= a) and s[2] == a[2]
    np.testing.assert_array_equal(a, a0)
    np.testing.assert_array_equal(w, w0)


@pytest.mark.parametrize("base,weights,message", [
    ([1.0, 2.0], [[0, -0.1], [0.1, 0]], "weights must be >= 0"),
    ([1.0, -2.0], [[0, 0.1], [0.1, 0]], "base must be >= 0"),
    ([1.0, 2.0, 3.0], [[0, 0.1], [0.1, 0]], "sizes must match"),
    ([1.0, 2.0], [[0, 0.1, 0.2], [0.1, 0, 0.3]], "square"),
    ([1.0, 2.0], [[0.5, 0.1], [0.1, 0]], "zero diagonal"),
    ([], np.zeros((0, 0)), "empty"),
    ([1.0, np.nan], [[0, 0.1], [0.1, 0]], "NaN"),
])
def test_stickiness_bad_input(base, weights, message):
    with pytest.raises(ValueError, match=message):
        stickiness(base, weights)


def test_stickiness_bad_graph_input():
    with pytest.raises(ValueError, match="graph is empty"):
        stickiness([], nx.Graph())
    g = nx.Graph([("a", "b")])
    with pytest.raises(ValueError, match="unknown node"):
        stickiness({"a": 1, "b": 1, "zz": 1}, g)
    with pytest.raises(ValueError, match="no value for 1 node"):
        stickiness({"a": 1}, g)
    g["a"]["b"]["weight"] = -0.5
    with pytest.raises(ValueError, match="weight -0.5"):
        stickiness({"a": 1, "b": 1}, g)
    with pytest.raises(ValueError, match="self-loop"):
        stickiness({"a": 1}, nx.Graph([("a", "a")]))
    with pytest.raises(TypeError, match="base must be numbers"):
        stickiness("abc", [[0]])
    with pytest.raises(ValueError, match="same customers"):
        stickiness([1, 2], pd.DataFrame([[0, 1], [1, 0]], index=["a", "b"], columns=["b", "a"]))


# --- cascade ------------------------------------------------------------------------------------

def test_cascade_on_a_star_follows_the_hub():
    g = nx.star_graph(5)
    out = cascade(g, np.ones(6), [0], threshold=1.5)
    assert out["left"].all() and out.loc[0, "round"] == 0 and (out["round"].iloc[1:] == 1).all()
    assert (out["stickiness_after"] == 1.0).all()
    # a leaf leaving takes nobody with it
    out = cascade(g, np.ones(6), [3], threshold=1.5)
    assert out["left"].sum() == 1


def test_cascade_waves_along_a_chain():
    g = nx.DiGraph([(1, 0), (2, 1), (3, 2)])  # each customer leans on the one before
    out = cascade(g, [1.0, 1.0, 1.0, 1.0], [0], threshold=1.5)
    assert out["round"].sort_index().tolist() == [0, 1, 2, 3]
    out = cascade(g, [1.0, 1.0, 1.0, 1.0], [0], threshold=1.5, max_rounds=1)
    assert out["round"].sort_index().tolist() == [0, 1, -1, -1]


@pytest.mark.parametrize("shape", SHAPES)
def test_cascade_size_never_shrinks_as_first_leavers_grow(shape):
    g = example_graph(shape, 150, seed=11)
    rng = np.random.default_rng(5)
    base = rng.uniform(0.0, 1.0, 150)
    order = list(rng.permutation(150))
    sizes = [int(cascade(g, base, order[:k], threshold=1.0, lam=0.3)["left"].sum()) for k in range(0, 60, 3)]
    assert sizes == sorted(sizes)
    assert sizes[-1] > sizes[0]
    # and a larger set of leavers contains the smaller cascade
    small = cascade(g, base, order[:10], threshold=1.0, lam=0.3)["left"]
    large = cascade(g, base, order[:30], threshold=1.0, lam=0.3)["left"]
    assert not (small & ~large).any()


def test_stronger_ties_mean_smaller_cascades():
    g = example_graph("small-world", 150, seed=2)
    base = np.random.default_rng(1).uniform(0.0, 1.0, 150)
    sizes = [cascade(g, base, [0, 1, 2, 3, 4], threshold=1.0, lam=lam)["left"].sum() for lam in (0.1, 0.2, 0.4)]
    assert sizes[0] >= sizes[1] >= sizes[2] and sizes[0] > sizes[2]


def test_cascade_bad_input():
    g = nx.path_graph(3)
    with pytest.raises(ValueError, match="lam must be a finite number >= 0"):
        cascade(g, [1, 1, 1], [0], threshold=1, lam=-0.1)
    with pytest.raises(ValueError, match="unknown node"):
        cascade(g, [1, 1, 1], [7], threshold=1)
    with pytest.raises(ValueError, match="one per node"):
        cascade(g, [1, 1], [0], threshold=1)
    with pytest.raises(ValueError, match="graph is empty"):
        cascade(nx.Graph(), [], [], threshold=1)
    with pytest.raises(TypeError, match="first_leavers must be a list"):
        cascade(g, [1, 1, 1], 0, threshold=1)
    with pytest.raises(TypeError, match="graph must be a networkx"):
        cascade(np.eye(3), [1, 1, 1], [0], threshold=1)


# --- forced choice --------------------------------------------------------------------------------

def _setup(n=400, seed=4):
    g = example_graph("community", n, seed=seed)
    rng = np.random.default_rng(seed)
    return g, rng.beta(2, 3, n), rng.beta(3, 2, n)


def _nobody_wants_to_switch(g, result, lam, lam_360):
    t = result.table
    on_qq = (t["choice"] == "QQ").to_numpy()
    w = nx.to_scipy_sparse_array(g, nodelist=list(g.nodes), format="csr")
    a, b = t["base_qq"].to_numpy(), t["base_360"].to_numpy()
    s_qq = a + lam * (w @ (a * on_qq))
    s_360 = b + lam_360 * (w @ (b * ~on_qq))
    np.testing.assert_allclose(t["stickiness_qq"], s_qq)
    np.testing.assert_allclose(t["stickiness_360"], s_360)
    return np.array_equal(on_qq, s_qq >= s_360)


@pytest.mark.parametrize("lam,lam_360", [(0.0, 0.0), (0.1, 0.0), (0.2, 0.05), (0.5, 0.3)])
def test_forced_choice_reaches_an_equilibrium(lam, lam_360):
    g, a, b = _setup()
    result = forced_choice(g, a, b, lam=lam, lam_360=lam_360, seed=1)
    assert _nobody_wants_to_switch(g, result, lam, lam_360)
    assert len(result.qq_share) == result.rounds + 1
    assert result.share.sum() == pytest.approx(1.0)


def test_forced_choice_without_ties_is_a_plain_comparison():
    g, a, b = _setup()
    result = forced_choice(g, a, b, lam=0.0)
    assert result.rounds == 0
    assert (result.table["choice"] == np.where(a >= b, "QQ", "360")).all()


def test_forced_choice_is_seed_deterministic():
    g, a, b = _setup()
    one = forced_choice(g, a, b, lam=0.15, seed=3)
    two = forced_choice(g, a, b, lam=0.15, seed=3)
    pd.testing.assert_frame_equal(one.table, two.table)
    assert one.qq_share == two.qq_share and one.rounds == two.rounds


def test_qq_share_rises_with_lambda():
    g, a, b = _setup()
    shares = [forced_choice(g, a, b, lam=lam).share["QQ"] for lam in (0.0, 0.05, 0.1, 0.2, 0.4)]
    assert shares == sorted(shares) and shares[-1] > shares[0] + 0.3


def test_forced_choice_keeps_caller_data():
    g, a, b = _setup(60)
    a0 = a.copy()
    forced_choice(g, a, b, lam=0.2)
    np.testing.assert_array_equal(a, a0)


def test_forced_choice_bad_input():
    g, a, b = _setup(60)
    with pytest.raises(ValueError, match="lam must be"):
        forced_choice(g, a, b, lam=-1)
    with pytest.raises(ValueError, match="lam_360 must be"):
        forced_choice(g, a, b, lam_360=float("nan"))
    with pytest.raises(ValueError, match="one per node"):
        forced_choice(g, a[:-1], b)
    with pytest.raises(ValueError, match="unknown node"):
        forced_choice(g, {**dict(enumerate(a)), "ghost": 0.3}, b)
    with pytest.raises(ValueError, match="graph is empty"):
        forced_choice(nx.Graph(), [], [])
    with pytest.raises(ValueError, match="switch_prob"):
        forced_choice(g, a, b, switch_prob=0)
    with pytest.raises(TypeError, match="seed must be an int"):
        forced_choice(g, a, b, seed="x")


def test_example_graph_shapes_and_errors():
    for shape in SHAPES:
        g = example_graph(shape, 120, seed=0)
        assert g.number_of_nodes() == 120 and 5 <= 2 * g.number_of_edges() / 120 <= 7
        assert nx.utils.graphs_equal(g, example_graph(shape, 120, seed=0))
    degrees = dict(example_graph("scale-free", 200).degree())
    assert max(degrees.values()) > 3 * max(dict(example_graph("small-world", 200).degree()).values()) / 2
    with pytest.raises(ValueError, match="shape must be one of"):
        example_graph("ring")
    with pytest.raises(ValueError, match="n must be"):
        example_graph("random", 5)
