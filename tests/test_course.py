"""Course consistency: every notebook follows the conventions in CONTRIBUTING.md ("A notebook, top to bottom")."""
import ast
import importlib
import re
from pathlib import Path

import nbformat
import pytest

from helpers.exercises import questions
from tools import course

NOTEBOOKS = course.course_notebooks()
IDS = [str(p.relative_to(course.ROOT)) for p in NOTEBOOKS]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def markdown(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


@pytest.fixture(params=NOTEBOOKS, ids=IDS, scope="module")
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_the_course_has_its_start_notebook():
    assert NOTEBOOKS and NOTEBOOKS[0] == course.START


def test_navigation_and_course_map_are_current():
    stale = [str(p.relative_to(course.ROOT)) for p in course.stale_files()]
    assert stale == [], f"run `make nav`: stale navigation in {stale}"


def test_exactly_one_h1(notebook):
    path, nb = notebook
    h1 = [line for c in nb.cells if c.cell_type == "markdown"
          for line in c.source.splitlines() if re.match(r"^# \S", line)]
    assert len(h1) == 1, f"{path.name}: expected one H1 title, found {h1}"


def test_what_you_will_learn_has_three_to_five_objectives(notebook):
    path, nb = notebook
    assert 3 <= len(course.objectives(nb)) <= 5, f"{path.name}: 'What you will learn' needs 3-5 bullet points"


def test_states_time_readings_and_discussion(notebook):
    path, nb = notebook
    text = markdown(nb)
    assert course.estimated_time(nb), f"{path.name}: no 'Estimated time:'"
    assert re.search(r"[Rr]eadings?\b.*\b00[0-4]\b", text), f"{path.name}: does not name its readings"
    assert "## Questions for discussion" in text, f"{path.name}: no 'Questions for discussion' section"


def test_navigation_bars_at_top_and_bottom(notebook):
    path, nb = notebook
    first, last = nb.cells[0], nb.cells[-1]
    for cell in (first, last):
        assert cell.cell_type == "markdown" and cell.source.startswith(course.NAV_MARKER), \
            f"{path.name}: first and last cells must be navigation bars"
    if len(NOTEBOOKS) > 1:
        assert "](" in first.source, f"{path.name}: navigation bar has no links"


def test_saved_from_a_clean_run_in_order(notebook):
    path, nb = notebook
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), \
        f"{path.name}: execution counts {counts}; run `make execute NB={path.relative_to(course.ROOT)}`"


def test_no_error_outputs(notebook):
    path, nb = notebook
    errors = [c.source.splitlines()[0] for c in code_cells(nb)
              if any(o.output_type == "error" for o in c.outputs)]
    stderr_tracebacks = [c.source.splitlines()[0] for c in code_cells(nb) for o in c.outputs
                         if o.output_type == "stream" and o.name == "stderr" and "Traceback" in o.text]
    assert errors == [] and stderr_tracebacks == [], f"{path.name}: cells with errors: {errors + stderr_tracebacks}"


def test_python3_kernel(notebook):
    path, nb = notebook
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{path.name}: kernel must be python3"


def test_only_live_widget_cells_skip_output_comparison(notebook):
    path, nb = notebook
    for cell in code_cells(nb):
        shows_widget = any(WIDGET_MIME in o.get("data", {}) for o in cell.outputs)
        skipped = "nbval-ignore-output" in tags(cell)
        assert shows_widget == skipped, (
            f"{path.name}: cell {cell.source.splitlines()[0]!r} "
            + ("shows a widget but is not tagged nbval-ignore-output" if shows_widget
               else "is tagged nbval-ignore-output but shows no widget"))
        assert not {"nbval-skip", "raises-exception", "nbval-raises-exception"} & set(tags(cell)), \
            f"{path.name}: cells must run and be compared"


def test_imports_helpers_as_a_package(notebook):
    path, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    assert "sys.path" not in source, f"{path.name}: no sys.path edits; helpers is installed"
    assert not re.search(r"^\s*from \S+ import \*", source, re.M), f"{path.name}: no `import *`"
    assert not re.search(r"https?://", source), f"{path.name}: code must not reach the network"


def test_data_paths_exist(notebook):
    path, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    for literal in re.findall(r"[\"']([^\"'\n]*datasets/[^\"'\n]+)[\"']", source):
        assert (path.parent / literal).exists() or (course.ROOT / literal).exists(), \
            f"{path.name}: reads {literal!r}, which does not exist"


def exercise_module(nb):
    source = "\n".join(c.source for c in code_cells(nb))
    match = re.search(r"from helpers\.exercises import (\w+) as ex\b", source)
    return importlib.import_module(f"helpers.exercises.{match.group(1)}") if match else None


def test_at_least_three_exercises_each_with_a_passing_solution_cell(notebook):
    path, nb = notebook
    module = exercise_module(nb)
    assert module is not None, f"{path.name}: import its exercises as `from helpers.exercises import NAME as ex`"
    names = list(questions(module))
    assert len(names) >= 3, f"{path.name}: needs at least three exercises, has {names}"
    cells = code_cells(nb)
    for name in names:
        asked = [c for c in cells if f"ex.{name}.check(" in c.source and "solution" not in tags(c)]
        solved = [c for c in cells if f"ex.{name}.check(" in c.source and "solution" in tags(c)]
        assert asked, f"{path.name}: exercise {name} is never asked (no ex.{name}.check(...) cell)"
        assert solved, f"{path.name}: exercise {name} has no cell tagged 'solution'"
        outputs = " ".join(o.get("data", {}).get("text/plain", "") for c in solved for o in c.outputs)
        assert "Correct" in outputs, f"{path.name}: the solution cell of {name} does not pass its check"


def test_solution_cells_are_folded(notebook):
    path, nb = notebook
    unfolded = [cell.source.splitlines()[0] for cell in code_cells(nb) if "solution" in tags(cell)
                and not all(cell.metadata.get("jupyter", {}).get(part) is True
                            for part in ("source_hidden", "outputs_hidden"))]
    assert unfolded == [], (f"{path.name}: solution cells start folded, code and output (metadata "
                            f"jupyter.source_hidden and jupyter.outputs_hidden); not folded: {unfolded}")


def test_every_exercise_module_belongs_to_a_notebook():
    used = {exercise_module(nbformat.read(p, as_version=4)).__name__ for p in NOTEBOOKS}
    folder = Path(importlib.import_module("helpers.exercises").__file__).parent
    modules = {f"helpers.exercises.{p.stem}" for p in folder.glob("*.py") if p.stem not in ("__init__", "core")}
    assert modules <= used, f"exercise modules no notebook uses: {sorted(modules - used)}"


# Figure texts come from the catalogue (helpers/texts/*.toml): a cell writes
# ax.set_title(plotting.label("nb05.pareto_title")), never ax.set_title("Pareto chart ..."), so that the
# code is the same in both languages and plotting.use_language("zh") reaches every figure.
FIGURE_TEXT_METHODS = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "title", "xlabel", "ylabel",
                       "text", "annotate", "figtext", "legend", "set_xticklabels", "set_yticklabels",
                       "bar_label", "set_label_text"}
FIGURE_TEXT_KEYWORDS = {"title", "xlabel", "ylabel", "label", "labels"}
CATALOGUE_MODULES = {"plotting", "language", "helpers"}


def called_name(call):
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def is_catalogue_call(node):
    """plotting.label(...), plotting.stage_label(...) or language.text(...): a text from the catalogue."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in {"label", "stage_label"}
    return (isinstance(func, ast.Attribute) and func.attr in {"label", "stage_label", "text"}
            and isinstance(func.value, ast.Name) and func.value.id in CATALOGUE_MODULES)


def english_literals(node):
    """String literals with Latin letters, and f-strings, in ``node``, outside catalogue calls (whose
    keys, f-strings included, are fine)."""
    if is_catalogue_call(node):
        return []
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)
                                           and re.search("[A-Za-z]", node.value)):
        return [node]
    return [found for child in ast.iter_child_nodes(node) for found in english_literals(child)]


def figure_text_literals(source):
    """(line, text) of every English literal that a figure call in ``source`` is given as a text."""
    code = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    found = []
    for call in ast.walk(ast.parse(code)):
        if not isinstance(call, ast.Call) or is_catalogue_call(call):
            continue
        texts = [kw.value for kw in call.keywords if kw.arg in FIGURE_TEXT_KEYWORDS]
        if called_name(call) in FIGURE_TEXT_METHODS and isinstance(call.func, ast.Attribute):
            texts += list(call.args) + [kw.value for kw in call.keywords if kw.arg in {"s", "text"}]
        found += [(node.lineno, ast.get_source_segment(code, node)) for value in texts
                  for node in english_literals(value)]
    return found


def test_figure_text_literals_are_found():
    source = ("ax.set_title('Two recencies')\nax.plot(x, y, label=f'Class {c}')\n"
              "ax.set(xlabel=plotting.label('month'), ylabel='Readers')\nax.text(0, 1, '612.5 million', ha='center')\n"
              "ax.legend(title=plotting.label(f'nb08.first.{who}'))\nax.set_xlabel('')\n"
              "ax.plot(x, y, label=plotting.label('nb02.decline_after', stage=plotting.stage_label(s).lower()))")
    assert [line for line, _ in figure_text_literals(source)] == [1, 2, 3, 4]


def test_figure_texts_come_from_the_catalogue(notebook):
    path, nb = notebook
    found = [(cell.source.splitlines()[0], line, text) for cell in code_cells(nb)
             for line, text in figure_text_literals(cell.source)]
    assert found == [], (f"{path.name}: figure texts written as English literals (first line of the cell, line, "
                         f"text); put them in helpers/texts/notebooks.toml and call plotting.label(key): {found}")
