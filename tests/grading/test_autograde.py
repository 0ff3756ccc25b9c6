"""nbgrader itself on the course's assignments, in a temporary course folder.

For every assignment: the source with its solutions autogrades to full marks; the release version
as handed out autogrades to zero and holds no solution and no hidden test; a submission with the
typical mistakes of assignments/typical_mistakes.toml gets exactly the points given there (and in
teaching/grading.md); the Chinese source's solutions get full marks in the English gradebook. For
the first assignment also: a submission that raises and one that loops forever are graded, with
the cell timeout of nbgrader_config.py (set low here), not crashed on; and the grades export as CSV.
"""
import csv
import re
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from tests.grading.conftest import FIRST, Nbgrader
from tools import assignments

NOTEBOOKS = {p.parent.name: p for p in assignments.sources()}
MISTAKES = tomllib.loads((assignments.COURSE / "typical_mistakes.toml").read_text(encoding="utf-8"))
TIMEOUT = 10      # seconds per cell for the looping submission (the course's default is 60)
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def auto_points(nb) -> dict[str, float]:
    """Points of each autograded test cell, by grade id."""
    return {meta(c)["grade_id"]: meta(c)["points"] for c in nb.cells
            if meta(c).get("grade") and c.cell_type == "code"}


def written_cells(nb) -> dict[str, float]:
    return {meta(c)["grade_id"]: meta(c)["points"] for c in nb.cells
            if meta(c).get("grade") and c.cell_type == "markdown"}


def with_answers(nb, answers: dict[str, str]):
    """A copy of ``nb`` whose answer cells (by grade id) hold other code."""
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)
    for cell in nb.cells:
        if meta(cell).get("grade_id") in answers:
            cell.source = answers[meta(cell)["grade_id"]].strip("\n")
    return nb


def secret_lines(nb) -> list[str]:
    """Lines between the solution and hidden-test markers of a source notebook (long enough not to
    occur by chance elsewhere)."""
    lines, inside = [], False
    for cell in nb.cells:
        for line in cell.source.splitlines():
            if line.strip() in SOLUTION_MARKERS:
                inside = line.strip().startswith("### BEGIN")
                continue
            if inside and len(line.strip()) >= 20:
                lines.append(line.strip())
    return lines


@dataclass
class Graded:
    assignment: str
    notebook: str
    grader: Nbgrader
    source: object
    release: object
    seconds: float
    students: list = field(default_factory=list)

    def grades(self, student):
        with Gradebook(self.grader.db_url) as gb:
            nb = gb.find_submission_notebook(self.notebook, self.assignment, student)
            return {g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in nb.grades}

    def code_score(self, student):
        return sum(auto or 0.0 for name, (auto, _, _) in self.grades(student).items()
                   if name in auto_points(self.source))


@pytest.fixture(scope="module", params=sorted(NOTEBOOKS))
def graded(request, tmp_path_factory):
    """Generate the release version of one assignment, hand in several notebooks, autograde them all."""
    name = request.param
    path = NOTEBOOKS[name]
    grader = Nbgrader(tmp_path_factory.mktemp(name), timeout=TIMEOUT)
    grader("generate_assignment", name, "--force")
    source = nbformat.read(path, as_version=4)
    release_path = grader.release / name / path.name
    release = nbformat.read(release_path, as_version=4)
    grader.submit("solution", name, path, path.read_text(encoding="utf-8"))
    grader.submit("blank", name, path, release_path.read_text(encoding="utf-8"))
    mistakes = {cell: entry["code"] for cell, entry in MISTAKES[name].items()}
    grader.submit("mistakes", name, path, nbformat.writes(with_answers(source, mistakes)))
    zh_source = assignments.chinese_path(path)
    grader.submit("solution-zh", name, path, zh_source.read_text(encoding="utf-8"))
    students = ["solution", "blank", "mistakes", "solution-zh"]
    if name == FIRST:
        grader.submit("raises", name, path, nbformat.writes(with_answers(source, {
            "q2_answer": 'share_stability_12 = markov.propagate(P, "exploration", 12).loc[12, "stabilty"]'})))
        grader.submit("loops", name, path, nbformat.writes(with_answers(source, {
            "q3_answer": "total, t = 0.0, 0\nwhile t >= 0:   # meant to stop once the terms are small; never does\n"
                         "    t += 1\nclv_new = total"})))
        students += ["raises", "loops"]
    start = time.perf_counter()
    grader("autograde", name, "--create", "--force")
    seconds = time.perf_counter() - start
    return Graded(name, path.stem, grader, source, release, seconds, students)


def test_every_submission_is_graded(graded):
    with Gradebook(graded.grader.db_url) as gb:
        found = {s.student.id for s in gb.assignment_submissions(graded.assignment)}
    assert found == set(graded.students)
    print(f"\n{graded.assignment}: nbgrader autograde took {graded.seconds:.1f} s for {len(graded.students)} "
          f"submissions ({graded.seconds / len(graded.students):.1f} s each, one nbgrader start included)")


def test_the_solutions_get_full_marks(graded):
    grades = graded.grades("solution")
    for name, points in auto_points(graded.source).items():
        assert grades[name][0] == points, f"{name}: {grades[name][0]} of {points}"
    for name in written_cells(graded.source):
        assert grades[name][2], f"{name} is a written answer: it waits for the lecturer"


def test_the_chinese_solutions_get_full_marks_in_the_english_gradebook(graded):
    assert graded.code_score("solution-zh") == sum(auto_points(graded.source).values())


def test_the_release_version_gets_zero(graded):
    grades = graded.grades("blank")
    assert {name: auto for name, (auto, _, _) in grades.items()} == {name: 0.0 for name in grades}


def test_the_release_version_holds_no_solution_and_no_hidden_test(graded):
    text = nbformat.writes(graded.release)
    assert not [m for m in SOLUTION_MARKERS if m in text]
    secrets = secret_lines(graded.source)
    assert secrets, "the source has solutions and hidden tests"
    assert [line for line in secrets if line in text] == []
    # every question is still asked: the same cells, answers replaced by the stub
    assert [c.id for c in graded.release.cells] == [c.id for c in graded.source.cells]
    stubs = [c for c in graded.release.cells if meta(c).get("solution")]
    assert stubs and all("raise NotImplementedError()" in c.source or c.source == "YOUR ANSWER HERE" for c in stubs)


def test_typical_mistakes_earn_the_partial_marks_of_the_rubric(graded):
    grades = graded.grades("mistakes")
    points = auto_points(graded.source)
    expected = dict(points)
    for cell, entry in MISTAKES[graded.assignment].items():
        question = cell.split("_")[0]
        for test_cell in [n for n in points if n.startswith(question + "_")]:
            expected[test_cell] = entry["earns"].get(test_cell, 0)
    assert {name: grades[name][0] for name in points} == expected
    assert sum(expected.values()) < sum(points.values())


@pytest.mark.first_assignment
def test_a_submission_that_raises_is_graded(graded):
    grades, points = graded.grades("raises"), auto_points(graded.source)
    assert {n: grades[n][0] for n in points} == {n: 0.0 if n.startswith("q2_") else p for n, p in points.items()}
    autograded = graded.grader.state / "autograded" / "raises" / graded.assignment / f"{graded.notebook}.ipynb"
    errors = [o.ename for c in nbformat.read(autograded, as_version=4).cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert "KeyError" in errors


@pytest.mark.first_assignment
def test_a_submission_that_loops_forever_is_interrupted_and_graded(graded):
    grades, points = graded.grades("loops"), auto_points(graded.source)
    # the loop costs question 3; question 4, after it, is graded as usual
    assert {n: grades[n][0] for n in points} == {n: 0.0 if n.startswith("q3_") else p for n, p in points.items()}
    autograded = graded.grader.state / "autograded" / "loops" / graded.assignment / f"{graded.notebook}.ipynb"
    errors = [o.ename for c in nbformat.read(autograded, as_version=4).cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert "KeyboardInterrupt" in errors or "CellTimeoutError" in errors


@pytest.mark.first_assignment
def test_grades_export_as_csv_for_the_lms(graded, tmp_path):
    out = tmp_path / "grades.csv"
    graded.grader("export", "--to", str(out))
    rows = {r["student_id"]: r for r in csv.DictReader(out.open(encoding="utf-8")) if r["assignment"] == FIRST}
    total = sum(auto_points(graded.source).values())
    assert float(rows["solution"]["raw_score"]) == total
    assert float(rows["blank"]["raw_score"]) == 0.0
    assert float(rows["solution"]["max_score"]) == total + sum(written_cells(graded.source).values())


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_the_chinese_release_is_chinese_and_holds_no_solution(name, tmp_path):
    grader = Nbgrader(tmp_path)
    grader("generate_assignment", name, "--force", course="zh")
    path = NOTEBOOKS[name]
    release = nbformat.read(grader.release / "zh" / name / path.name, as_version=4)
    text = nbformat.writes(release)
    zh_source = nbformat.read(assignments.chinese_path(path), as_version=4)
    assert not [m for m in SOLUTION_MARKERS if m in text]
    assert [line for line in secret_lines(zh_source) if line in text] == []
    stubs = [c for c in release.cells if meta(c).get("solution")]
    assert all("请在这里" in c.source for c in stubs)
    prose = " ".join(c.source for c in release.cells if c.cell_type == "markdown")
    assert len(re.findall(r"[\u4e00-\u9fff]", prose)) > 0.5 * len(re.sub(r"\s", "", prose))
    assert release.cells[[c.id for c in release.cells].index("zh-language")].source == assignments.chinese_edition.LANGUAGE_SOURCE


@pytest.mark.slow
def test_the_formgrader_finds_the_course(tmp_path):
    """`make formgrader`: JupyterLab with nbgrader's server extensions, from the grading packages'
    Jupyter paths, lists the course's assignments with their points."""
    import json
    import os
    import socket
    import subprocess
    import sys
    import urllib.request

    Nbgrader(tmp_path)("generate_assignment", FIRST, "--force")   # puts it into the gradebook
    grading = Path(nbgrader_module().__file__).resolve().parents[1]
    env = dict(os.environ, JUPYTER_CONFIG_PATH=str(grading / "etc" / "jupyter"),
               JUPYTER_PATH=str(grading / "share" / "jupyter"), CRM_GRADING_DIR=str(tmp_path / "grading"),
               CRM_RELEASE_DIR=str(tmp_path / "release"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "jupyter", "server", "--no-browser", f"--port={port}",
                               "--ServerApp.ip=127.0.0.1", "--ServerApp.token=check", "--allow-root"],
                              cwd=assignments.COURSE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/formgrader/api/assignments?token=check"
        for _ in range(120):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    listed = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Formgrader did not answer")
    finally:
        server.terminate()
        server.wait(timeout=30)
    # every assignment of source/; the one in the gradebook with its points
    assert {a["name"] for a in listed} == set(NOTEBOOKS)
    first = next(a for a in listed if a["name"] == FIRST)
    source = nbformat.read(NOTEBOOKS[FIRST], as_version=4)
    assert (first["max_code_score"], first["max_written_score"]) == (sum(auto_points(source).values()),
                                                                     sum(written_cells(source).values()))


def nbgrader_module():
    import nbgrader
    return nbgrader
