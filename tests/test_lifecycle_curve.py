"""The lifecycle curve follows the stage traits of reading 000; the stage-model table is complete."""
import itertools

import numpy as np
import pandas as pd
import pytest

from helpers.lifecycle import (ACTIVE_STAGES, DEFAULT_INVESTMENT, STAGE_MODELS, STAGE_NAMES_ZH, STAGES,
                               lifecycle_curve, stage_models_table)

LENGTHS = [dict(exploration=e, formation=f, stability=s, decline=d)
           for e, f, s, d in itertools.product([1, 3], [1, 2, 6], [1, 12], [1, 6])]


def by_stage(curve):
    return {stage: part for stage, part in curve.groupby("stage", sort=False)}


@pytest.mark.parametrize("lengths", LENGTHS)
@pytest.mark.parametrize("peak", [40.0, 100.0, 250.0])   # the range the docstring promises
def test_stage_traits_hold_on_the_full_path(lengths, peak):
    curve = lifecycle_curve(**lengths, peak_level=peak)
    parts = by_stage(curve)
    assert list(parts) == list(ACTIVE_STAGES)
    assert {s: len(p) for s, p in parts.items()} == lengths
    # exploration: the firm pays, earns little
    assert (parts["exploration"]["profit"] < 0).all()
    # formation: revenue overtakes cost
    assert parts["formation"]["revenue"].iloc[-1] > parts["formation"]["investment"].iloc[-1]
    assert parts["formation"]["investment"].max() < parts["exploration"]["investment"].min()
    # stability: highest level, highest profit, lowest cost
    stable = parts["stability"]
    assert stable["level"].min() == pytest.approx(curve["level"].max()) == pytest.approx(peak)
    assert stable["profit"].min() >= curve["profit"].max() - 1e-9
    others = curve[curve["stage"] != "stability"]
    assert stable["investment"].max() < others["investment"].min()
    # decline: volume falls every period, to nothing
    assert (np.diff(parts["decline"]["revenue"]) < 0).all()
    assert parts["decline"]["level"].iloc[0] < peak and parts["decline"]["level"].iloc[-1] == 0


def test_formation_revenue_crosses_cost_inside_formation_with_default_lengths():
    formation = by_stage(lifecycle_curve())["formation"]
    above = formation["revenue"] > formation["investment"]
    assert not above.iloc[0] and above.iloc[-1]
    assert above.is_monotonic_increasing


@pytest.mark.parametrize("start,expected", [
    ("exploration", ["exploration", "decline"]),
    ("formation", ["exploration", "formation", "decline"]),
    ("stability", ["exploration", "formation", "stability", "decline"]),
])
def test_decline_can_start_in_any_stage_and_skips_what_follows(start, expected):
    curve = lifecycle_curve(exploration=3, formation=4, stability=5, decline=6, decline_starts=start)
    assert list(dict.fromkeys(curve["stage"])) == expected
    decline = curve[curve["stage"] == "decline"]
    before = curve[curve["stage"] == start]
    assert decline["level"].iloc[0] < before["level"].iloc[-1]   # falls from where it was
    assert (np.diff(decline["level"]) < 0).all() and len(decline) == 6


def test_early_decline_loses_money_and_full_path_earns_most():
    totals = {s: lifecycle_curve(decline_starts=s)["cumulative_profit"].iloc[-1]
              for s in ("exploration", "formation", "stability")}
    assert totals["exploration"] < 0 < totals["stability"]
    assert totals["exploration"] < totals["formation"] < totals["stability"]


def test_columns_and_closed_form_sums():
    curve = lifecycle_curve(exploration=2, formation=2, stability=2, decline=2)
    assert list(curve.columns) == ["stage", "level", "revenue", "investment", "profit", "cumulative_profit"]
    assert list(curve.index) == list(range(1, 9)) and curve.index.name == "period"
    np.testing.assert_allclose(curve["profit"], curve["revenue"] - curve["investment"])
    np.testing.assert_allclose(curve["cumulative_profit"], np.cumsum(curve["profit"]))
    # exploration: linear to 15% of the peak; formation S-curve through its midpoint
    np.testing.assert_allclose(curve["level"].iloc[:2], [7.5, 15.0])
    assert curve["level"].iloc[2] == pytest.approx(15 + 85 * 0.5)
    # hand-computed total: revenues 7.5+15+57.5+100+100+100+50+0, costs 2*(40+30+10+15)
    assert curve["cumulative_profit"].iloc[-1] == pytest.approx(430 - 190)


def test_revenue_scales_and_investment_can_be_changed():
    base = lifecycle_curve()
    doubled = lifecycle_curve(revenue_per_level=2.0)
    np.testing.assert_allclose(doubled["revenue"], 2 * base["revenue"])
    cheap = lifecycle_curve(investment={"exploration": 0})
    assert (cheap.loc[cheap["stage"] == "exploration", "investment"] == 0).all()
    assert DEFAULT_INVESTMENT["exploration"] == 40.0   # the default is not changed by the call


@pytest.mark.parametrize("kwargs,error,message", [
    ({"exploration": -1}, ValueError, "exploration must be a whole number of periods, 1 or more"),
    ({"formation": 0}, ValueError, "formation must be a whole number"),
    ({"decline": 2.5}, TypeError, "decline must be a whole number"),
    ({"stability": True}, TypeError, "stability must be a whole number"),
    ({"peak_level": 0}, ValueError, "peak_level must be a finite number above zero"),
    ({"peak_level": float("nan")}, ValueError, "peak_level must be a finite number"),
    ({"peak_level": "100"}, TypeError, "peak_level must be a number"),
    ({"revenue_per_level": -1.0}, ValueError, "revenue_per_level must be a finite number zero or more"),
    ({"decline_starts": "decline"}, ValueError, "decline_starts must be one of"),
    ({"decline_starts": "Stability"}, ValueError, "decline_starts must be one of"),
    ({"investment": [1, 2]}, TypeError, "investment must be a dict"),
    ({"investment": {"growth": 5}}, ValueError, "unknown stage"),
    ({"investment": {"decline": -5}}, ValueError, r"investment\['decline'\] must be"),
])
def test_bad_input_is_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        lifecycle_curve(**kwargs)


def test_caller_investment_dict_is_not_changed():
    spend = {"stability": 5.0}
    lifecycle_curve(investment=spend)
    assert spend == {"stability": 5.0}


def test_stage_constants_are_unchanged():
    assert STAGES == ("exploration", "formation", "stability", "decline", "churned")
    assert STAGE_NAMES_ZH["formation"] == "形成期"


def test_stage_models_table_matches_reading_000():
    table = stage_models_table()
    counts = table.groupby("model", sort=False).size()
    assert counts.to_dict() == {"Ford": 5, "Wackman & Salmon": 4, "Iacobucci & Zerrillo": 3,
                                "Dwyer, Schurr & Oh": 5, "Four-stage model": 4}
    four = table[table["model"] == "Four-stage model"]
    assert list(four["stage_zh"]) == [STAGE_NAMES_ZH[s] for s in ACTIVE_STAGES]
    assert set(table["four_stage"]) <= set(ACTIVE_STAGES)
    assert table["stage_zh"].str.len().gt(0).all()
    assert "dyad" in " ".join(table.loc[table["model"] == "Iacobucci & Zerrillo", "stage"])
    assert table.loc[table["model"] == "Ford", "four_stage"].ne("decline").all()  # Ford counts no end stage


def test_stage_spans_tile_the_common_timeline_in_order():
    for model, spec in STAGE_MODELS.items():
        starts = [s[2] for s in spec["stages"]]
        ends = [s[3] for s in spec["stages"]]
        assert starts[0] == 0 and all(e > s for s, e in zip(starts, ends)), model
        assert starts[1:] == ends[:-1], f"{model}: stages must follow one another without gaps"
        assert ends[-1] <= 5


def test_table_is_a_fresh_frame_each_call():
    a = stage_models_table()
    a.loc[0, "stage"] = "changed"
    assert stage_models_table().loc[0, "stage"] == "pre-relationship"
    assert isinstance(a, pd.DataFrame)
