"""Notebook headers, teaching notes and the course schedule agree on times.

Each notebook states its **Estimated time**; its teaching notes (teaching/notes/, and the Chinese
twins in zh/teaching/notes/) give class plans whose parts are in bold minutes
(tools/lecturer_guide.timing_plans); the lecturer guide's schedule (lecturer_guide.SCHEDULE) fills
ten 90-minute sessions with notebooks shown live and names what the rest of each session is for.
"""
import pytest

from tools import course, lecturer_guide

NOTEBOOKS = course.course_notebooks()
IDS = [lecturer_guide.notes_path(p).stem for p in NOTEBOOKS]


def timing(path, lang):
    folder = lecturer_guide.NOTES if lang == "en" else lecturer_guide.ZH_NOTES
    heading = "Timing" if lang == "en" else "时间安排"
    return lecturer_guide.read_notes(path, folder).get(heading, "")


def estimate(path):
    return lecturer_guide.minutes(course.estimated_time(course.read(path)))


def test_plans_are_read_from_bold_minutes():
    text = ("For a 60-minute class: **15 minutes** on models (a 2-minute pause), **45 minutes** on the rest.\n\n"
            "Exercise answers: 1 is 5 minutes.\n\nFor a 90-minute class: **60 minutes** for the plan above, "
            "then **20 minutes** on exercises.")
    assert lecturer_guide.timing_plans(text) == [(60, [15, 45]), (90, [60, 20])]
    assert lecturer_guide.timing_plans("**10 minutes** before any plan.") == [(0, [10])]
    with pytest.raises(ValueError, match="lang"):
        lecturer_guide.timing_plans(text, "fr")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_class_plan_adds_up_to_its_length(path, lang):
    plans = lecturer_guide.timing_plans(timing(path, lang), lang)
    assert plans, f"{IDS[NOTEBOOKS.index(path)]} ({lang}): no class plan in the Timing section"
    wrong = [(length, parts, sum(parts)) for length, parts in plans if sum(parts) != length]
    assert wrong == [], f"{IDS[NOTEBOOKS.index(path)]} ({lang}): plans whose bold minutes do not add up " \
                        "(length, parts, sum); bold minutes outside a plan show as length 0"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notes_plan_the_notebooks_estimated_time(path):
    """The plan a lecturer reads first is the one the notebook's header promises."""
    lengths = [length for length, _ in lecturer_guide.timing_plans(timing(path, "en"))]
    assert estimate(path) in lengths, \
        f"{path.name} says {course.estimated_time(course.read(path))}; its notes plan {lengths} minutes"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_chinese_notes_plan_the_same_minutes(path):
    if not lecturer_guide.notes_path(path, lecturer_guide.ZH_NOTES).exists():
        pytest.skip("no Chinese notes")
    assert lecturer_guide.timing_plans(timing(path, "zh"), "zh") == lecturer_guide.timing_plans(timing(path, "en"))


def test_each_session_fills_ninety_minutes_with_the_notebooks_times():
    """Live notebooks at their estimated times plus the minutes the last column names make 90, in both guides."""
    for n, ((live, _, rest), rest_zh) in enumerate(zip(lecturer_guide.SCHEDULE, lecturer_guide.SCHEDULE_ZH), 1):
        shown = sum(estimate(course.ROOT / p) for p in live)
        assert shown + lecturer_guide.rest_minutes(rest) == lecturer_guide.SESSION_MINUTES, \
            f"session {n}: {shown} live minutes and '{rest}'"
        assert lecturer_guide.rest_minutes(rest_zh) == lecturer_guide.rest_minutes(rest), f"session {n}: '{rest_zh}'"
    assert len(lecturer_guide.SCHEDULE_ZH) == len(lecturer_guide.SCHEDULE)


def test_a_session_given_to_one_notebook_has_its_ninety_minute_plan():
    """When the rest of a session goes to the live notebook itself (nothing else is assigned for it),
    its notes say how to spend the whole 90 minutes."""
    for n, (live, assigned, rest) in enumerate(lecturer_guide.SCHEDULE, 1):
        if len(live) == 1 and not assigned and lecturer_guide.rest_minutes(rest):
            lengths = [length for length, _ in lecturer_guide.timing_plans(timing(course.ROOT / live[0], "en"))]
            assert lecturer_guide.SESSION_MINUTES in lengths, f"session {n}: {live[0]} has no 90-minute plan"
