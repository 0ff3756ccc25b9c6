"""The synthetic QQ-vs-360 graph: regenerates byte for byte, loads as documented, stays small."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.synth import tencent

FOLDER = Path(data.DATASETS) / "tencent"


def test_command_regenerates_the_committed_files_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, "-m", "helpers.synth", "tencent", "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for name in (tencent.USERS_FILE, tencent.EDGES_FILE):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_files_are_small_and_the_card_says_synthetic():
    total = sum((FOLDER / name).stat().st_size for name in (tencent.USERS_FILE, tencent.EDGES_FILE))
    assert total < 3_000_000
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in card
    for fact in ("3 November 2010", "300 million", "75%", "612.5 million"):
        assert fact in card


@pytest.fixture(scope="module")
def loaded():
    return data.load_tencent()


def test_load_tencent_matches_the_generator(loaded):
    graph, users = loaded
    users_gen, ties_gen = tencent.tables()
    assert list(users.index) == list(users_gen["user_id"]) == list(graph.nodes)
    np.testing.assert_array_equal(users["base_qq"].to_numpy(), users_gen["base_qq"].to_numpy())
    np.testing.assert_array_equal(users["base_360"].to_numpy(), users_gen["base_360"].to_numpy())
    assert graph.number_of_edges() == len(ties_gen)


def test_the_numbers_the_card_states(loaded):
    graph, users = loaded
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert len(users) == 30_000 and f"{graph.number_of_edges():,} rows" in card
    assert users["community"].nunique() == 685 and "685 circles" in card
    assert users[["base_qq", "base_360"]].stack().between(0, 1).all()
    assert round(float((users["base_qq"] >= users["base_360"]).mean()), 2) == 0.28
    weights = {w for _, _, w in graph.edges(data="weight")}
    assert weights == {0.5, 1.0}
    assert round(2 * graph.number_of_edges() / len(users), 1) == 9.2


def test_generator_is_seeded_and_checks_its_input():
    one, two = tencent.tables(300, seed=5), tencent.tables(300, seed=5)
    pd.testing.assert_frame_equal(one[0], two[0])
    pd.testing.assert_frame_equal(one[1], two[1])
    assert not tencent.tables(300, seed=6)[0].equals(one[0])
    with pytest.raises(ValueError, match="n_users"):
        tencent.tables(1)


def test_exercise_answer_matches_the_model(loaded):
    from helpers import network
    from helpers.exercises import qq_vs_360 as ex

    graph, users = loaded
    shares = {lam: network.forced_choice(graph, users["base_qq"], users["base_360"], lam=lam).share["QQ"]
              for lam in ex.LAMBDA_GRID}
    assert min(lam for lam, share in shares.items() if share > 0.5) == ex.q3.answer
