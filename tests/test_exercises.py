"""Exercise checkers accept their solutions and reject typical wrong answers."""
import importlib
import pkgutil

import pytest

import helpers.exercises as exercises
from helpers.exercises import (ChoiceQuestion, FunctionQuestion, MatchQuestion, NumberQuestion,
                               SetQuestion, questions)

MODULES = [importlib.import_module(f"helpers.exercises.{m.name}")
           for m in pkgutil.iter_modules(exercises.__path__) if m.name != "core"]
ALL = [(m.__name__.rsplit(".", 1)[1], name, q) for m in MODULES for name, q in questions(m).items()]
IDS = [f"{m}.{n}" for m, n, _ in ALL]


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_solution_passes(module, name, question):
    result = question.check(question.answer)
    assert result, f"{module}.{name} rejects its own answer: {result}"


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_typical_wrong_answers_fail(module, name, question):
    assert question.wrong_answers, f"{module}.{name} lists no typical wrong answers to test against"
    for wrong in question.wrong_answers:
        result = question.check(wrong)
        assert not result and result.status == "incorrect", f"{module}.{name} accepts {wrong!r}"


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_unattempted_is_gentle_and_help_exists(module, name, question):
    for blank in (..., None):
        result = question.check(blank)
        assert result.status == "unattempted" and "Not answered" in repr(result)
    assert question.hints, f"{module}.{name} has no hint"
    assert question.solution_text, f"{module}.{name} has no written solution"
    assert question.prompt


def test_every_notebook_module_has_three_or_more_questions():
    for module in MODULES:
        assert len(questions(module)) >= 3, module.__name__


# --- the checker classes themselves -------------------------------------------------------------

def test_number_question_tolerances():
    q = NumberQuestion("?", answer=100.0, tolerance=0.5, hints=["h"], solution="s")
    assert q.check(100.4) and not q.check(100.6)
    assert "too high" in repr(q.check(101)) and "too low" in repr(q.check(99))
    rel = NumberQuestion("?", answer=200.0, rel_tolerance=0.01)
    assert rel.check(201.9) and not rel.check(202.1)
    assert not q.check("100") and not q.check(True) and not q.check(float("nan"))


def test_choice_question_is_forgiving_about_case_but_not_content():
    q = ChoiceQuestion("?", answer="stability", options=["formation", "stability"])
    assert q.check(" Stability ") and not q.check("formation")
    assert "not one of the options" in repr(q.check("maturity"))
    with pytest.raises(ValueError, match="not one of the options"):
        ChoiceQuestion("?", answer="x", options=["a"])


def test_match_question_counts_right_items():
    q = MatchQuestion("?", answer={"a": "x", "b": "y"})
    assert q.check({"a": "X", "b": "y"})
    assert "1 of 2" in repr(q.check({"a": "x", "b": "x"}))
    assert "not matched" in repr(q.check({"a": "x"}))
    assert not q.check(["a", "b"])


def test_set_question_ignores_order():
    q = SetQuestion("?", answer=["c1", "c2"])
    assert q.check(("c2", "c1")) and not q.check(["c1"]) and not q.check("c1c2")


def test_function_question_runs_the_students_function():
    q = FunctionQuestion("?", answer=lambda r, d: r / (1 + d - r), cases=[(0.8, 0.1), (0.5, 0.12)])
    assert q.check(lambda r, d: r / (1 + d - r))
    wrong = q.check(lambda r, d: 1 / (1 - r))
    assert not wrong and "for (0.8, 0.1)" in repr(wrong)
    assert not q.check(5)


def test_a_crashing_answer_is_reported_not_raised():
    q = FunctionQuestion("?", answer=lambda x: x, cases=[1])
    result = q.check(lambda x: 1 / 0)
    assert not result and "ZeroDivisionError" in repr(result)


def test_hints_come_in_order_and_stop_at_the_last():
    q = NumberQuestion("?", answer=1, hints=["first", "second"])
    assert "first" in repr(q.hint()) and "second" in repr(q.hint()) and "second" in repr(q.hint())
    assert "first" in repr(q.hint(1))
    with pytest.raises(ValueError, match="1 to 2"):
        q.hint(3)


def test_results_render_in_notebooks():
    q = NumberQuestion("?", answer=1)
    assert "Correct" in q.check(1)._repr_html_() and "Not yet" in q.check(2)._repr_html_()
    assert q.solution()._repr_markdown_().startswith("**Solution:**")
