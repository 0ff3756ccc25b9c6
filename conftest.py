"""Test set-up shared by the unit, notebook and course tests.

* Every process started from here (Jupyter kernels included) cannot reach the network:
  ``tests/offline/sitecustomize.py`` is put first on PYTHONPATH.
* Figures opened through pyplot are closed after each test and doctest.
* nbval runs cells with ``store_history=False``, which makes IPython ignore a trailing ``;``
  (its display hook looks the cell up in the history) and print ``[<matplotlib.lines...>]``
  where the saved notebook shows nothing. ``tests/ipython_startup.py``, which every IPython
  kernel started from here runs (``PYTHONSTARTUP``), gives such cells a final ``pass`` instead.
"""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "tests"
OFFLINE = TESTS / "offline"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")]))
os.environ["PYTHONSTARTUP"] = str(TESTS / "ipython_startup.py")

# tests/offline/sitecustomize.py patches sockets when imported, and the start-up file is for
# kernels: keep both out of test collection
collect_ignore = ["tests/offline", "tests/ipython_startup.py"]

# The graded assignments: nbgrader is for lecturers and stays out of the students' .venv. Their
# tests (tests/grading) run where it is installed, through `make grading-test`, which `make test`
# runs after this suite; here they are collected only if nbgrader can be imported. The assignment
# sources (assignments/, zh/assignments/) hold nbgrader cells, not course notebooks: nbval leaves them.
collect_ignore += ["zh/assignments"]
if importlib.util.find_spec("nbgrader") is None:
    collect_ignore += ["tests/grading"]


@pytest.fixture
def chinese():
    """The course in Chinese for one test, English again afterwards."""
    from helpers import set_language
    set_language("zh")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _close_pyplot_figures():
    """Figures a test or doctest opens through pyplot are closed after it, so they do not pile up
    (matplotlib warns beyond twenty open figures)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
