"""The grading tests run nbgrader itself, so they need the grading environment: `make grading-test`
(part of `make test`) installs requirements-grading.txt into .grading-packages/ and runs them with
it on PYTHONPATH and PATH. The students' .venv has no nbgrader; run on their own from it, these
tests are not collected (see the root conftest.py)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import assignments

COURSES = {"en": assignments.COURSE, "zh": assignments.ZH_COURSE}
#: The assignment whose notebooks also raise, loop and export (test_autograde.py)
FIRST = "a1_lifecycle_markov"


class Nbgrader:
    """nbgrader's command line in a temporary course folder: the course's own nbgrader_config.py
    and sources, with every file nbgrader writes (release, submissions, gradebook) under ``tmp``."""

    def __init__(self, tmp: Path, timeout: int | None = None):
        self.tmp = Path(tmp)
        self.release = self.tmp / "release"
        self.state = self.tmp / "grading"
        self.env = dict(os.environ, CRM_RELEASE_DIR=str(self.release), CRM_GRADING_DIR=str(self.state))
        if timeout:
            self.env["CRM_CELL_TIMEOUT"] = str(timeout)
        assert shutil.which("alembic", path=self.env.get("PATH")), \
            "nbgrader runs the alembic command: put .grading-packages/bin on PATH (make grading-test does)"

    def __call__(self, *args, course="en"):
        done = subprocess.run([sys.executable, "-m", "nbgrader", *args, "--log-level=WARN"], cwd=COURSES[course],
                              env=self.env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done

    @property
    def db_url(self):
        return f"sqlite:///{self.state / 'gradebook.db'}"

    def submit(self, student: str, assignment: str, nb_path: Path, text: str):
        folder = self.state / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        (folder / nb_path.name).write_text(text, encoding="utf-8")


def pytest_configure(config):
    config.addinivalue_line("markers", "first_assignment: run for the first assignment only (one is enough)")


def pytest_collection_modifyitems(config, items):
    """Tests marked first_assignment (a notebook that raises, one that loops, the CSV export) run
    with the first assignment only: deselected for the others rather than skipped."""
    keep, drop = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("first_assignment") and params.get("graded") != FIRST:
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
