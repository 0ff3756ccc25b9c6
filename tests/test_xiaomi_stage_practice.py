"""Reading 000's Xiaomi practice per lifecycle stage, as a table."""
from helpers import xiaomi
from helpers.lifecycle import ACTIVE_STAGES, STAGE_NAMES_ZH


def test_every_stage_has_one_aim_and_some_practice_in_order():
    t = xiaomi.STAGE_PRACTICE
    assert list(dict.fromkeys(t["stage"])) == list(ACTIVE_STAGES)
    counts = t.groupby(["stage", "kind"]).size()
    for stage in ACTIVE_STAGES:
        assert counts[(stage, "aim")] == 1 and counts[(stage, "practice")] >= 3
    assert (t["stage_zh"] == t["stage"].map(STAGE_NAMES_ZH)).all()
    assert set(t["reading"]) <= {"000", "000, 001"}
    assert t[["point", "signal"]].apply(lambda s: s.str.len().gt(10)).all().all()


def test_the_readings_facts_are_where_reading_000_puts_them():
    t = xiaomi.STAGE_PRACTICE
    text = t.groupby("stage")["point"].apply(" ".join)
    assert "19,697,554" in text["stability"] and "209,158,339" in text["stability"]
    assert "Redmi (2013)" in text["decline"] and "Redmi Note (2014)" in text["decline"]
    assert "RFM" in text["formation"] and "operator" in text["formation"]
    assert "MIUI" in text["exploration"] and "students" in text["exploration"]
