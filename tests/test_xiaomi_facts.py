"""The Xiaomi case facts: numbers as the readings give them, consistent dates, SWOT editing."""
import pandas as pd
import pytest

from helpers import xiaomi


def test_readings_are_dated():
    r = xiaomi.READINGS.set_index("reading")
    assert r.loc["001", "written_earliest"] == pd.Timestamp("2012-12-11")
    assert r.loc["000", "written_earliest"] == pd.Timestamp("2014-06-12")


def test_timeline_windows_are_ordered_and_cite_a_reading():
    t = xiaomi.timeline()
    assert (t["earliest"] <= t["latest"]).all()
    assert t["earliest"].is_monotonic_increasing
    assert set(t["reading"]) <= {"000", "001"}
    assert t["event"].is_unique and t[["event_zh", "note", "precision"]].notna().all().all()
    assert t["earliest"].min() == pd.Timestamp("2010-04-01")


def test_timeline_has_the_facts_of_the_readings():
    t = xiaomi.timeline().set_index("event")
    assert t.loc["Xiaomi starts", ["earliest", "latest"]].tolist() == [pd.Timestamp("2010-04-01"),
                                                                       pd.Timestamp("2010-04-30")]
    assert t.loc["MiTalk launched", "latest"] == pd.Timestamp("2010-12-31")
    # 3 million users within six months of a launch at the end of 2010
    assert t.loc["MiTalk passes 3 million users", "latest"] == pd.Timestamp("2011-06-30")
    assert t.loc["Redmi", "earliest"].year == 2013 and t.loc["Redmi", "latest"].year == 2013
    assert t.loc["Redmi Note", "earliest"].year == 2014
    assert t.loc["Forum snapshot: 19.7 million members", "earliest"] == pd.Timestamp("2014-06-12")


def test_no_event_is_dated_after_the_reading_that_reports_it_was_written():
    t = xiaomi.timeline()
    written = xiaomi.READINGS.set_index("reading")["written_latest"]
    assert (t["latest"] <= t["reading"].map(written)).all()


def test_undated_phones_are_bounded_by_reading_001():
    t = xiaomi.timeline().set_index("event")
    for phone in ("Mi 1 phone", "Mi 1S and Mi 1S Youth", "Mi 2 phone"):
        assert t.loc[phone, "latest"] == pd.Timestamp("2012-12-11") and t.loc[phone, "reading"] == "001"


def test_forum_numbers_as_published():
    f = xiaomi.forum_snapshot()
    assert f["members"] == 19_697_554 and f["posts"] == 209_158_339 and f["as_of"] == "2014-06-12"
    assert xiaomi.posts_per_member() == pytest.approx(10.6185, abs=1e-4)


def test_average_posts_per_day_is_six_figures_since_the_company_started():
    # 1,533 days from 2010-04-01 to 2014-06-12
    assert xiaomi.average_posts_per_day("2010-04-01") == pytest.approx(209_158_339 / 1533)
    assert 100_000 <= xiaomi.average_posts_per_day("2010-04-01") < 1_000_000


def test_idic_table_follows_reading_001():
    idic = xiaomi.idic_table()
    assert list(idic["step"].unique()) == list(xiaomi.IDIC_STEPS)
    for step in ("identify", "differentiate", "interact", "customize"):
        kinds = set(idic.loc[idic["step"] == step, "kind"])
        assert kinds == {"practice", "improvement"}, step
    assert (idic["step_zh"] == idic["step"].map(xiaomi.IDIC_STEPS)).all()
    rfm = idic[idic["point"].str.contains("RFM")]
    assert rfm["step"].tolist() == ["differentiate"]
    hunger = idic[idic["point"].str.contains("Hunger marketing")]
    assert hunger[["step", "kind", "reading"]].values.tolist() == [["customize", "practice", "001"]]


def test_swot_is_tidy():
    s = xiaomi.swot()
    assert tuple(s.columns) == xiaomi.SWOT_COLUMNS
    assert set(s["quadrant"]) == set(xiaomi.QUADRANTS)
    assert s.notna().all().all() and not s.duplicated(["quadrant", "point"]).any()
    assert "Only 7 cities" in " ".join(s["evidence"])


def test_add_swot_row_returns_a_new_table_and_leaves_the_old_one_alone():
    s = xiaomi.swot()
    before = s.copy()
    t = xiaomi.add_swot_row(s, "机会", "Rural market", "Cheap 3G phones reach smaller towns", "own research")
    pd.testing.assert_frame_equal(s, before)
    assert len(t) == len(s) + 1
    assert t.iloc[-1].tolist() == ["opportunity", "机会", "Rural market", "Cheap 3G phones reach smaller towns",
                                   "own research"]
    assert xiaomi.filter_swot(t, quadrant="opportunity", reading="own research")["point"].tolist() == ["Rural market"]


@pytest.mark.parametrize("args,error,match", [
    (("strengths", "p", "e", "000"), ValueError, "quadrant must be one of"),
    (("strength", "", "e", "000"), ValueError, "point must not be empty"),
    (("strength", "p", "  ", "000"), ValueError, "evidence must not be empty"),
    (("strength", "p", "e", 0), TypeError, "reading must be a string"),
    ((None, "p", "e", "000"), TypeError, "quadrant must be a string"),
    (("weakness", "few service stations", "again", "001"), ValueError, "already in the weakness quadrant"),
])
def test_add_swot_row_validates(args, error, match):
    with pytest.raises(error, match=match):
        xiaomi.add_swot_row(xiaomi.swot(), *args)


def test_add_swot_row_checks_the_table():
    with pytest.raises(TypeError, match="table must be a DataFrame"):
        xiaomi.add_swot_row([], "strength", "p", "e", "000")
    with pytest.raises(ValueError, match="missing column.*evidence"):
        xiaomi.add_swot_row(xiaomi.swot().drop(columns="evidence"), "strength", "p", "e", "000")


def test_filter_swot():
    s = xiaomi.swot()
    assert len(xiaomi.filter_swot(s)) == len(s)
    assert (xiaomi.filter_swot(s, quadrant="劣势")["quadrant"] == "weakness").all()
    assert xiaomi.filter_swot(s, contains="APPLE")["quadrant"].tolist() == ["weakness", "opportunity"]
    assert xiaomi.filter_swot(s, reading="000").empty
    with pytest.raises(ValueError, match="quadrant must be one of"):
        xiaomi.filter_swot(s, quadrant="risk")
    with pytest.raises(ValueError, match="missing column"):
        xiaomi.filter_swot(s[["point"]])


def test_disagreements_name_both_sides():
    d = xiaomi.disagreements()
    assert d.notna().all().all() and d["topic"].is_unique
    stores = d.set_index("topic").loc["Xiaomi Home outlets"]
    assert "上百家" in stores["claim_a"] and "7 cities" in stores["claim_b"]   # reading 000: a hundred or more
    hunger = d.set_index("topic").loc["Is hunger marketing sustainable?"]
    assert hunger["source_a"] == "001, repeated in 000" and hunger["source_b"].startswith("000")


@pytest.mark.parametrize("kwargs,error,match", [
    (dict(posts=10, members=0), ValueError, "members must be > 0"),
    (dict(posts=-1, members=5), ValueError, "posts must be >= 0"),
    (dict(posts=1.5, members=5), TypeError, "posts must be a whole number"),
])
def test_posts_per_member_validates(kwargs, error, match):
    with pytest.raises(error, match=match):
        xiaomi.posts_per_member(**kwargs)


def test_average_posts_per_day_validates():
    with pytest.raises(ValueError, match="must be before"):
        xiaomi.average_posts_per_day("2014-07-01")
    with pytest.raises(ValueError, match="must be dates"):
        xiaomi.average_posts_per_day("not a date")
    with pytest.raises(TypeError, match="posts must be a whole number"):
        xiaomi.average_posts_per_day("2012-01-01", posts="many")
