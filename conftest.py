"""Test set-up shared by the unit, notebook and course tests.

* Every process started from here (Jupyter kernels included) cannot reach the network:
  ``tests/offline/sitecustomize.py`` is put first on PYTHONPATH.
* Figures opened through pyplot are closed after each test and doctest.
* nbval runs cells with ``store_history=False``, which makes IPython ignore a trailing ``;``
  (its display hook looks the cell up in the history) and print ``[<matplotlib.lines...>]``
  where the saved notebook shows nothing. Running cells with history on fixes that.
"""
import os
import sys
from pathlib import Path

import pytest

OFFLINE = Path(__file__).parent / "tests" / "offline"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")]))

try:
    from nbval.kernel import RunningKernel
except ImportError:  # nbval not installed: only the notebook tests need it
    RunningKernel = None

if RunningKernel is not None:
    def _execute_with_history(self, cell_input, allow_stdin=None):
        return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)

    RunningKernel.execute_cell_input = _execute_with_history

# tests/offline/sitecustomize.py patches sockets when imported: keep it out of test collection
collect_ignore = ["tests/offline"]


@pytest.fixture(autouse=True)
def _close_pyplot_figures():
    """Figures a test or doctest opens through pyplot are closed after it, so they do not pile up
    (matplotlib warns beyond twenty open figures)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
