"""The student edition (tools/student_edition.py, `make student`): no worked answers, and it runs."""
import ast

import nbformat
import pytest

from tools import course, student_edition

NOTEBOOKS = course.course_notebooks()


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    written = student_edition.build(out)
    return out, written


def relative(path, root):
    return path.relative_to(root).as_posix()


def test_same_layout_as_the_course(edition):
    out, written = edition
    assert [relative(p, out) for p in written] == [relative(p, course.ROOT) for p in NOTEBOOKS]
    assert all(p.is_file() for p in written) and (out / "README.md").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[relative(p, course.ROOT) for p in NOTEBOOKS])
def test_no_worked_answer_is_left(edition, path):
    out, _ = edition
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(out / path.relative_to(course.ROOT), as_version=4)
    solutions = [c for c in original.cells if "solution" in c.metadata.get("tags", [])]
    assert solutions and len(student.cells) == len(original.cells) - len(solutions)
    assert not [c for c in student.cells if "solution" in c.metadata.get("tags", [])]
    texts = [student_edition._output_text(o) for c in student.cells if c.cell_type == "code" for o in c.outputs]
    assert not [t for t in texts if "Correct" in t or "Solution:" in t]
    # every exercise is still asked, and its saved output says it is not answered yet
    asked = [c for c in student.cells if c.cell_type == "code" and ".check(" in c.source]
    assert len(asked) == len(solutions)
    for cell in asked:
        assert "Not answered yet" in " ".join(student_edition._output_text(o) for o in cell.outputs)
    # the rest is kept: markdown and every other code cell, outputs included
    kept = [c for c in original.cells if c not in solutions]
    assert [c.source for c in student.cells] == [c.source for c in kept]


def test_an_output_that_shows_an_answer_is_cleared():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("ex.q3.solution()", outputs=[nbformat.v4.new_output(
            "execute_result", {"text/plain": "Solution: 2,357"}, execution_count=1)]),
        nbformat.v4.new_code_cell("ex.q1.check(x)", outputs=[nbformat.v4.new_output(
            "execute_result", {"text/plain": "✔ Correct: 'formation' is right."}, execution_count=2)]),
        nbformat.v4.new_code_cell("ex.q1.hint()", outputs=[nbformat.v4.new_output(
            "execute_result", {"text/plain": "Hint 1 of 2: look it up"}, execution_count=3)]),
        nbformat.v4.new_code_cell("ex.q1.check(...)", metadata={"tags": ["solution"]})])
    student = student_edition.student_notebook(nb)
    assert [c.source for c in student.cells] == ["ex.q3.solution()", "ex.q1.check(x)", "ex.q1.hint()"]
    assert [len(c.outputs) for c in student.cells] == [0, 0, 1]
    assert len(nb.cells) == 4 and nb.cells[0].outputs, "the course notebook itself is left alone"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["notebooks/00_start_here.ipynb", "notebooks/08_customer_networks.ipynb"])
def test_runs_top_to_bottom_from_its_own_folder(edition, name):
    """Without the solution cells nothing later may miss a name they defined; the data come
    through helpers, not through paths relative to the notebook."""
    from nbclient import NotebookClient

    out, _ = edition
    path = out / name
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    checks = [student_edition._output_text(o) for c in nb.cells if c.cell_type == "code"
              and ".check(" in c.source for o in c.outputs]
    assert checks and all("Not answered yet" in t for t in checks)


def _top_level_names(tree):
    """Names a cell binds at the top level (assignments, loops, imports, defs), not inside functions."""
    bound = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
            continue
        bound |= {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return bound


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[relative(p, course.ROOT) for p in NOTEBOOKS])
def test_nothing_after_a_solution_cell_needs_what_it_defined(path):
    """The student edition drops the solution cells: a later cell may not use a name whose last
    binding was in a solution cell (there it would be unbound, or the student's unfinished
    ``...``). The names a cell binds itself are its own."""
    nb = nbformat.read(path, as_version=4)
    from_solution = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        bound = _top_level_names(tree)
        if "solution" in cell.metadata.get("tags", []):
            from_solution.update(dict.fromkeys(bound, cell.source.splitlines()[0]))
            continue
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        missing = sorted((used - bound) & set(from_solution))
        assert missing == [], (f"{path.name}: cell {cell.source.splitlines()[0]!r} uses {missing}, bound last "
                               f"in a solution cell ({from_solution[missing[0]]!r}) that the student edition removes")
        for name in bound:
            from_solution.pop(name, None)
