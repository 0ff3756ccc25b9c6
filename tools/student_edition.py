"""The student edition of the course: every notebook and case without its worked answers.

Lecturers who hand the notebooks out as graded work give students this edition instead of the
course folder. It has the course's layout (``notebooks/...``, ``casestudies/xiaomi/...``,
``casestudies/tencent/...``), so the links between notebooks still work, and in every notebook

* each cell tagged ``solution`` (the folded worked answer) is removed, code and output;
* a cell that shows an answer anyway loses its saved output: one whose output says "✔ Correct"
  or one that calls ``.solution()`` (00_start_here demonstrates it on its warm-up exercise);
* everything else is kept, outputs and saved widgets included. The exercise cells hold ``...``
  and their saved output says "Not answered yet", so nothing in them gives an answer away.

The notebooks read their data through :mod:`helpers.data`, which finds ``datasets/`` next to the
installed ``helpers`` package, not next to the notebook; the edition therefore runs top to bottom
from any folder in the course's environment (``make`` or ``pip install`` of the course), and
nothing else is copied. The exercise modules still hold the answers (``ex.q1.solution()`` shows
them): the edition takes the worked answers out of sight, it does not lock them away.

Usage::

    python tools/student_edition.py                  # writes build/student/
    python tools/student_edition.py --out handout    # anywhere else (the folder is replaced)
"""
from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course  # noqa: E402

OUT = course.ROOT / "build" / "student"
#: A saved output holding one of these shows an answer.
REVEALING = ("✔ Correct", "Solution:")

README = """# Customer Relationship Management: student edition

The course's notebooks and case studies without their worked answers, made by
`tools/student_edition.py` (`make student`). Open them in the course's environment (see the
course's README): the notebooks import its `helpers` package, which brings the data sets.
Start with `notebooks/00_start_here.ipynb`.
"""


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return "\n".join(str(v) for v in output.get("data", {}).values())


def reveals_answer(cell) -> bool:
    """True for a code cell whose saved output shows an answer (see :data:`REVEALING`)."""
    if cell.cell_type != "code":
        return False
    return ".solution()" in cell.source or any(
        marker in _output_text(o) for o in cell.get("outputs", []) for marker in REVEALING)


def is_solution(cell) -> bool:
    return "solution" in cell.get("metadata", {}).get("tags", [])


def student_notebook(nb):
    """A copy of ``nb`` without its solution cells and without outputs that show an answer."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not is_solution(c)]
    for cell in nb.cells:
        if reveals_answer(cell):
            cell.outputs = []
            cell.execution_count = None
    return nb


def build(out: Path = OUT, notebooks: list[Path] | None = None) -> list[Path]:
    """Write the student edition of ``notebooks`` (the whole course by default) into ``out``,
    replacing what was there; return the notebooks written."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    written = []
    for path in notebooks or course.course_notebooks():
        target = out / Path(path).resolve().relative_to(course.ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(student_notebook(course.read(path)), target)
        written.append(target)
    (out / "README.md").write_text(README, encoding="utf-8")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (replaced); default build/student")
    args = parser.parse_args(argv)
    written = build(args.out)
    print(f"student edition: {len(written)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
