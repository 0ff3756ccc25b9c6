"""The graded assignments' sources, their Chinese edition and the lecturer's page, without nbgrader.

nbgrader itself runs in tests/grading (make grading-test). Here: the Chinese sources are generated
from the English ones and current translations (a stale translation fails, naming the notebook and
cell), the code and grading metadata are the English ones, the points add up where they are stated,
the hidden tests compute their expectations instead of copying numbers, and the students'
environment does not get nbgrader.
"""
import re
import shutil
import tomllib
from pathlib import Path

import nbformat
import pytest

from helpers.glossary import avoided
from tools import assignments, chinese_edition

ROOT = assignments.ROOT
NOTEBOOKS = assignments.sources()
IDS = [p.parent.name for p in NOTEBOOKS]
GRADING_DOCS = [ROOT / "teaching" / "grading.md", ROOT / "teaching" / "grading.zh-CN.md"]


def meta(cell):
    return cell.metadata.get("nbgrader", {})


def read(path):
    return nbformat.read(path, as_version=4)


def test_there_are_assignments_in_nbgraders_layout():
    assert len(NOTEBOOKS) >= 4
    for path in NOTEBOOKS:
        assert path.parent.parent == assignments.SOURCE
        nb = read(path)
        nbformat.validate(nb)
        graded = [c for c in nb.cells if meta(c).get("grade")]
        assert any(c.cell_type == "code" for c in graded) and any(c.cell_type == "markdown" for c in graded)
        ids = [meta(c)["grade_id"] for c in nb.cells if meta(c)]
        assert len(ids) == len(set(ids))
        for cell in nb.cells:
            m = meta(cell)
            if m:
                assert m["schema_version"] == 3 and m["grade_id"] == cell.id
            if m.get("grade"):
                assert m["points"] > 0
            if m.get("solution"):
                assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
            if m.get("grade") and cell.cell_type == "code":
                assert m["locked"] and not m["solution"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_points_are_as_the_notebook_says(path):
    """The intro's total and split, and each question's heading, agree with the cells' points."""
    nb = read(path)
    graded = [c for c in nb.cells if meta(c).get("grade")]
    auto = sum(meta(c)["points"] for c in graded if c.cell_type == "code")
    manual = sum(meta(c)["points"] for c in graded if c.cell_type == "markdown")
    intro = nb.cells[0].source
    stated = re.search(r"\*\*Points:\*\* (\d+) in all: (\d+) checked automatically .*?, (\d+) marked", intro)
    assert stated and tuple(map(int, stated.groups())) == (auto + manual, auto, manual)
    for cell in nb.cells:
        heading = re.match(r"## Question (\d+) \((\d+) points", cell.source)
        if heading:
            q = f"q{heading.group(1)}_"
            assert sum(meta(c)["points"] for c in graded if meta(c)["grade_id"].startswith(q)) == int(heading.group(2))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_hidden_tests_compute_their_expectations(path):
    """A hidden test recomputes what it expects (from the helpers or a closed form): no number with
    many digits copied from a run, and every hidden test has a visible test of its question."""
    nb = read(path)
    for cell in nb.cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            hidden = cell.source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
            copied = re.findall(r"\d+\.\d{4,}", hidden)
            assert copied == [], f"{cell.id}: {copied}"
            assert "assert" in hidden
    questions = {meta(c)["grade_id"].split("_")[0] for c in nb.cells if "### BEGIN HIDDEN TESTS" in c.source}
    visible = {meta(c)["grade_id"].split("_")[0] for c in nb.cells
               if meta(c).get("grade") and c.cell_type == "code" and "HIDDEN" not in c.source}
    assert questions <= visible


def test_the_translations_are_complete_and_current():
    assert assignments.problems() == []


def test_the_chinese_sources_are_what_the_tool_generates_now():
    assert assignments.stale_files() == [], "run python tools/assignments.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_chinese_code_and_grading_cells_are_the_english_ones(path):
    """So a Chinese submission is graded by the same tests, in the same gradebook if need be."""
    english, chinese = read(path), read(assignments.chinese_path(path))
    zh_cells = [c for c in chinese.cells if c.id != chinese_edition.LANGUAGE_CELL_ID]
    assert [c.id for c in zh_cells] == [c.id for c in english.cells]
    for en, zh in zip(english.cells, zh_cells):
        assert zh.metadata == en.metadata
        if en.cell_type == "code":
            assert zh.source == en.source
    language = [c for c in chinese.cells if c.id == chinese_edition.LANGUAGE_CELL_ID]
    assert len(language) == 1 and language[0].source == chinese_edition.LANGUAGE_SOURCE
    first_code = next(c for c in chinese.cells if c.cell_type == "code")
    assert first_code.id == chinese_edition.LANGUAGE_CELL_ID


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_chinese_text_is_chinese_and_uses_the_readings_terms(path):
    entries = chinese_edition.load(assignments.translation_file(path))
    for key, entry in entries.items():
        assert not [bad for bad in avoided() if bad in entry["zh"]], key
        han = len(re.findall(r"[\u4e00-\u9fff]", entry["zh"]))
        assert han > 20, f"{key} reads as untranslated"


def _copy(tmp_path):
    source, translations = tmp_path / "source", tmp_path / "translations"
    shutil.copytree(assignments.SOURCE, source)
    shutil.copytree(assignments.TRANSLATIONS, translations)
    return source, translations


def test_an_edited_english_sentence_makes_its_translation_stale(tmp_path):
    source, translations = _copy(tmp_path)
    path = sorted(source.glob("*/*.ipynb"))[0]
    nb = read(path)
    cell = next(c for c in nb.cells if c.id == "q1_prompt")
    cell.source = cell.source.replace("## Question 1", "## Question 1 (revised)")
    nbformat.write(nb, path)
    found = assignments.problems(source, translations)
    assert len(found) == 1 and path.name in found[0] and "q1_prompt" in found[0] and "changed" in found[0]
    # and the generated Chinese folder must follow a changed code cell at once
    code = next(c for c in nb.cells if c.id == "setup")
    code.source += "\n# changed"
    nbformat.write(nb, path)
    zh_course = tmp_path / "zh"
    assignments.update(source, translations, zh_course)
    assert assignments.stale_files(source, translations, zh_course) == []
    nb = read(path)
    next(c for c in nb.cells if c.id == "setup").source += "\n# changed again"
    nbformat.write(nb, path)
    assert assignments.stale_files(source, translations, zh_course) == [assignments.chinese_path(path, source, zh_course)]


def test_missing_unknown_and_orphan_translations_are_reported(tmp_path):
    source, translations = _copy(tmp_path)
    table = sorted(translations.rglob("*.toml"))[0]
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace('["intro"]', '["no_such_cell"]'), encoding="utf-8")
    (translations / "gone").mkdir()
    (translations / "gone" / "old.toml").write_text("", encoding="utf-8")
    found = " | ".join(assignments.problems(source, translations))
    assert "cell intro has no translation" in found
    assert "no_such_cell" in found
    assert "gone/old.toml: no English assignment notebook" in found


def test_the_typical_mistakes_name_answer_cells_and_test_cells():
    mistakes = tomllib.loads((assignments.COURSE / "typical_mistakes.toml").read_text(encoding="utf-8"))
    assert set(mistakes) == set(IDS)
    for path in NOTEBOOKS:
        nb = read(path)
        answers = {c.id for c in nb.cells if meta(c).get("solution") and c.cell_type == "code"}
        tests = {c.id: meta(c)["points"] for c in nb.cells if meta(c).get("grade") and c.cell_type == "code"}
        for cell, entry in mistakes[path.parent.name].items():
            assert cell in answers
            q = cell.split("_")[0] + "_"
            assert all(t.startswith(q) and 0 <= p <= tests[t] for t, p in entry["earns"].items())
            assert len(entry["mistake"]) == 2


@pytest.mark.parametrize("doc", GRADING_DOCS, ids=lambda p: p.name)
def test_the_lecturers_page_gives_the_points_and_the_partial_marks(doc):
    """teaching/grading.md (and its Chinese twin): per assignment its points, and per typical
    mistake the question and what it earns, "1 / 3", as nbgrader gives it (tests/grading)."""
    text = doc.read_text(encoding="utf-8")
    mistakes = tomllib.loads((assignments.COURSE / "typical_mistakes.toml").read_text(encoding="utf-8"))
    for path in NOTEBOOKS:
        name, nb = path.parent.name, read(path)
        headings = [line for line in text.splitlines() if line.startswith("#") and f"`{name}`" in line]
        assert len(headings) == 1, f"{doc.name} needs one section (a heading) about `{name}`"
        section = re.split(r"\n#+ ", text.split(headings[0] + "\n", 1)[1], maxsplit=1)[0]
        graded = [c for c in nb.cells if meta(c).get("grade")]
        auto = sum(meta(c)["points"] for c in graded if c.cell_type == "code")
        manual = sum(meta(c)["points"] for c in graded if c.cell_type == "markdown")
        row = next(line for line in text.splitlines() if line.startswith("|") and f"`{name}`" in line)
        assert [int(n) for n in re.findall(r"\| (\d+) ", row + " ")][:3] == [auto, manual, auto + manual], row
        for cell, entry in mistakes[name].items():
            q = cell.split("_")[0]
            points = sum(meta(c)["points"] for c in graded if meta(c)["grade_id"].startswith(q + "_"))
            earned = sum(entry["earns"].values())
            number = q[1:]
            rows = [line for line in section.splitlines() if re.match(rf"\| (Q|第 ){number}\b", line)]
            assert rows and f"{earned} / {points}" in rows[0], f"{name} {q}: {earned} / {points} in {rows[:1]}"
        for cell in graded:
            if cell.cell_type == "markdown":
                q = meta(cell)["grade_id"].split("_")[0][1:]
                assert re.search(rf"\| (Q|第 ){q}\b.*\| {meta(cell)['points']} \|", section), f"{name}: rubric of question {q}"


def test_the_students_environment_does_not_get_nbgrader():
    student = (ROOT / "requirements.txt").read_text(encoding="utf-8") + (ROOT / "requirements.in").read_text(encoding="utf-8")
    assert "nbgrader" not in student.lower()
    grading = [line for line in (ROOT / "requirements-grading.txt").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    assert "nbgrader==0.9.6" in grading and all("==" in line for line in grading)
    pinned = {line.split("==")[0].lower() for line in student.splitlines() if "==" in line}
    assert not pinned & {line.split("==")[0].lower() for line in grading}, "a grading pin repeats a course pin"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "GRADING" not in lab and "grading" not in lab


def test_the_chinese_lecturers_page_follows_the_english_one():
    """teaching/grading.zh-CN.md starts with <!-- english: FP -->, the fingerprint of the English page
    it translates (as the Chinese data cards and teaching notes do): a changed English page fails here
    until the Chinese page follows."""
    english, chinese = GRADING_DOCS
    header = re.match(r"<!-- english: ([0-9a-f]{12}) -->", chinese.read_text(encoding="utf-8"))
    assert header, f"{chinese.name} must start with <!-- english: FINGERPRINT -->"
    assert header.group(1) == chinese_edition.fingerprint(english.read_text(encoding="utf-8")), \
        f"{english.name} changed since {chinese.name} was translated: revise it, then update its fingerprint"
    text = chinese.read_text(encoding="utf-8")
    assert not [bad for bad in avoided() if bad in text]


def test_a_stale_translation_stops_the_chinese_release(monkeypatch, tmp_path, capsys):
    """make assignments releases the English assignments but not Chinese ones whose text no longer
    matches the English (and removes an older Chinese release), and says why."""
    calls = []
    monkeypatch.setattr(assignments, "problems", lambda: ["a1: cell q1_prompt changed since it was translated"])
    monkeypatch.setattr(assignments, "update", lambda: [])
    monkeypatch.setattr(assignments.subprocess, "run", lambda args, cwd, **kw: calls.append(Path(cwd)))
    monkeypatch.setenv("CRM_RELEASE_DIR", str(tmp_path))
    (tmp_path / "zh" / "a1_lifecycle_markov").mkdir(parents=True)
    assert assignments.main(["--release"]) == 1
    assert set(calls) == {assignments.COURSE} and len(calls) == len(NOTEBOOKS)
    assert not (tmp_path / "zh").exists()
    assert "not releasing the Chinese assignments" in capsys.readouterr().err
