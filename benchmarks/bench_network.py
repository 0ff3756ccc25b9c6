"""Customer networks: forced_choice on a 50,000-user synthetic graph (target: about 2 s or less),
and a cascade on the same graph."""
import numpy as np

from helpers import network
from helpers.synth import tencent
from timing import timed


def main():
    graph, users = tencent.generate(n_users=50_000)
    a, b = users["base_qq"].to_numpy(), users["base_360"].to_numpy()
    print(f"graph: {graph.number_of_nodes():,} users, {graph.number_of_edges():,} ties")
    for lam in (0.1, 0.3):
        result = network.forced_choice(graph, a, b, lam=lam)
        seconds = timed(lambda: network.forced_choice(graph, a, b, lam=lam), repeat=3)
        print(f"forced_choice lam={lam}: {seconds:5.2f} s  ({result.rounds} rounds, "
              f"QQ share {result.share['QQ']:.3f})")
    leavers = list(users.index[np.argsort(-np.array([d for _, d in graph.degree()]))[:500]])
    seconds = timed(lambda: network.cascade(graph, a, leavers, threshold=0.8, lam=0.1), repeat=3)
    print(f"cascade, 500 first leavers: {seconds:5.2f} s")
