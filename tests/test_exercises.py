"""Exercise checkers accept their solutions and reject typical wrong answers."""
import importlib
import pkgutil
import re

import numpy as np
import pandas as pd
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

def test_a_dict_template_left_unfilled_is_not_answered_yet():
    q = MatchQuestion("?", answer={"a": "x", "b": "y"})
    for template in ({"a": ..., "b": ...}, {"a": None, "b": ...}):
        assert q.check(template).status == "unattempted"
    half = q.check({"a": "x", "b": ...})
    assert half.status == "incorrect" and "1 item(s) not matched yet" in repr(half)
    assert q.check({}).status == "incorrect"


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


def test_hints_after_the_last_point_to_the_solution():
    q = NumberQuestion("?", answer=1, hints=["first", "second"])
    first, second, after = q.hint(), q.hint(), q.hint()
    assert ".solution()" not in repr(first) + repr(second)
    assert ".solution()" in repr(after) and "second" in repr(after) and "No more hints" in repr(after)
    assert "first" in repr(q.hint(1)) and ".solution()" not in repr(q.hint(2))


# --- checkers that understand students ---------------------------------------------------------

def test_a_number_in_a_one_element_series_array_or_frame_is_that_number():
    q = NumberQuestion("?", answer=0.4835, tolerance=0.005)
    frame = pd.DataFrame({"stage": ["formation", "stability"], "recall": [0.37, 0.4835]})
    for given in (pd.Series([0.4835]), np.array([0.4835]), np.array([[0.4835]]), np.float64(0.4835),
                  frame.loc[frame["stage"] == "stability", "recall"],     # a Series of one row
                  frame.query("stage == 'stability'")[["recall"]],       # a DataFrame of one cell
                  pd.Series([48], dtype="int64") / 100 + 0.0035):
        assert q.check(given), f"{given!r} not judged as the number it holds: {q.check(given)}"
    assert "too low" in repr(q.check(frame.loc[frame["stage"] == "formation", "recall"]))
    several = q.check(frame["recall"])
    assert not several and "Series of 2 values" in repr(several) and "single number" in repr(several)
    assert "array of 3 values" in repr(q.check(np.array([0.1, 0.2, 0.3])))
    assert "empty" in repr(q.check(frame.loc[frame["stage"] == "decline", "recall"]))
    assert not q.check(pd.Series([True])) and not q.check(pd.Series(["0.4835"]))
    assert "without quotes" in repr(q.check("0.4835")) and "without quotes" not in repr(q.check("abc"))


def test_a_share_given_in_percent_is_told_a_fraction_is_wanted():
    q = NumberQuestion("?", answer=0.4835, tolerance=0.005, share=True)
    percent = repr(q.check(48.35))
    assert "not a share" in percent and "fraction between 0 and 1" in percent and "too high" not in percent
    assert "48.35%, write 0.4835" in percent
    assert "not a share" in repr(q.check(150.0)) and "not a share" in repr(q.check(-0.2))
    assert "too high" in repr(q.check(0.6)) and "too low" in repr(q.check(0.3)) and q.check(0.48)
    plain = NumberQuestion("?", answer=0.4835, tolerance=0.005)
    assert "too high" in repr(plain.check(48.35))          # without share=True nothing is assumed
    difference = NumberQuestion("?", answer=-0.043, tolerance=0.002, share=True)
    assert difference.check(-0.043) and "-4.3%, write -0.043" in repr(difference.check(-4.3))
    with pytest.raises(ValueError, match="share"):
        NumberQuestion("?", answer=48.35, share=True)


SHARE_WORDS = re.compile(r"\b(share|fraction|probability|recall|frustration|ad load)\b", re.I)


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_share_questions_know_they_are_shares(module, name, question):
    if not isinstance(question, NumberQuestion) or not SHARE_WORDS.search(question.prompt) \
            or not -1 <= question.answer <= 1 or question.answer in (0, 1):
        return
    assert question.share, f"{module}.{name} asks for a share: set share=True"
    assert "not a share" in repr(question.check(question.answer * 100))


def test_an_unknown_label_or_option_is_named_not_counted():
    q = MatchQuestion("?", answer={"proud": "emotional", "bought": "behavioural", "will buy": "attitudinal"})
    result = repr(q.check({"proud": "emotional", "bought": "behaviour", "will buy": "attitudinal"}))
    assert "'behaviour' is not one of the labels: 'emotional', 'behavioural', 'attitudinal'" in result
    assert "Did you mean 'behavioural'?" in result and "of 3 matched" not in result
    two = repr(q.check({"proud": "feeling", "bought": "purchases", "will buy": "attitudinal"}))
    assert "'feeling', 'purchases' are not one of the labels" in two
    item = repr(q.check({"prod": "emotional", "bought": "behavioural", "will buy": "attitudinal"}))
    assert "'prod' is not one of the items to match" in item and "Did you mean 'proud'?" in item
    assert "1 of 3" in repr(q.check({"proud": "emotional", "bought": "emotional", "will buy": "emotional"}))
    assert "1 item(s) not matched yet" in repr(q.check({"proud": "emotional", "bought": ..., "will buy": "attitudinal"}))
    assert q.check(pd.Series({"proud": "Emotional", " bought": "behavioural", "will buy": "attitudinal "}))
    with pytest.raises(ValueError, match="not among the labels"):
        MatchQuestion("?", answer={"a": "x"}, labels=["y"])
    s = SetQuestion("?", answer={"d"}, options=["a", "b", "c", "d"])
    assert "'e' is not one of the options: 'a', 'b', 'c', 'd'" in repr(s.check({"d", "e"}))
    assert s.check(["D"]) and "1 extra" in repr(s.check(["a", "d"]))
    c = ChoiceQuestion("?", answer="stability", options=["formation", "stability"])
    assert "Did you mean 'stability'?" in repr(c.check("stabilty"))


def test_chinese_stage_names_and_aliases_count_as_the_english_names():
    from helpers.exercises import lifecycle_stage_models, start_here, xiaomi_company_and_idic
    from helpers.lifecycle import STAGE_NAMES_ZH
    assert start_here.q1.check("形成期") and not start_here.q1.check("考察期")
    q2 = lifecycle_stage_models.q2
    assert q2.check({item: STAGE_NAMES_ZH[stage] for item, stage in q2.answer.items()})
    assert xiaomi_company_and_idic.q1.check("区分") and not xiaomi_company_and_idic.q1.check("识别")
    assert xiaomi_company_and_idic.q2.check({k: {"strength": "优势", "weakness": "劣势", "opportunity": "机会",
                                                 "threat": "威胁"}[v] for k, v in xiaomi_company_and_idic.q2.answer.items()})
    own = ChoiceQuestion("?", answer="platform", options=["platform", "media"],
                         aliases={"platform": "平台战略", "media": ["企业媒体化", "media company"]})
    assert own.check("平台战略") and not own.check("企业媒体化") and not own.check("Media Company")
    both = ChoiceQuestion("?", answer="formation", options=["formation", "decline"],
                          aliases={"formation": "growth"})    # a question's aliases add to the stage names
    assert both.check("growth") and both.check("形成期")
    # the glossary exercise asks for the translation: a Chinese name is not its own English key
    assert not start_here.q2.check({k: k for k in start_here.q2.answer})
    assert "formation" in start_here.q2.labels and not start_here.q2.check({"考察期": "formation"})


STAGE_ZH = {"exploration": "考察期", "formation": "形成期", "stability": "稳定期", "decline": "退化期",
            "churned": "流失"}


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_every_stage_answer_may_be_given_in_chinese(module, name, question):
    if not question.stage_aliases:
        return
    if isinstance(question, ChoiceQuestion) and question.answer in STAGE_ZH:
        assert question.check(STAGE_ZH[question.answer])
    if isinstance(question, MatchQuestion) and set(question.answer.values()) & set(STAGE_ZH):
        assert question.check({k: STAGE_ZH.get(v, v) for k, v in question.answer.items()})


MONEY = re.compile(r"\b(RMB|USD|yuan|money units)\b")


@pytest.mark.parametrize("module,name,question", ALL, ids=IDS)
def test_numbers_are_never_shown_in_scientific_notation_and_money_as_money(module, name, question):
    if not isinstance(question, NumberQuestion):
        return
    for value in (question.answer, question.answer * 3 + 12345.678):
        shown = question.check(value).message
        assert not re.search(r"\de[+-]\d", shown), f"{module}.{name} shows {shown!r}"
    if MONEY.search(question.unit):
        assert question.money, f"{module}.{name} asks for money ({question.unit}): set money=True"


def test_money_is_shown_as_money():
    from helpers.exercises import why_crm
    assert repr(why_crm.q3.check(32920.6)) == "✔ Correct: 32,921 RMB is right."
    assert "8.81 USD is too high" in repr(NumberQuestion("?", answer=5, unit="USD", money=True).check(8.8051))
    assert "350 RMB" in repr(NumberQuestion("?", answer=350, unit="RMB", money=True).check(350.0))
    assert "91,743 readers" in repr(NumberQuestion("?", answer=91743.12, unit="readers").check(91743.12))


def test_a_students_function_cannot_change_the_next_case():
    def first_after_sorting(values):      # sorts its argument in place: a classic side effect
        values.sort()
        return values[0]

    cases = [([3, 1, 2],), ([5, 4],)]
    q = FunctionQuestion("?", answer=lambda values: min(values), cases=cases)
    assert q.check(first_after_sorting) and q.check(first_after_sorting)
    assert cases == [([3, 1, 2],), ([5, 4],)] and q.cases == cases

    first = FunctionQuestion("?", answer=lambda values: values[0], cases=cases)
    assert not first.check(first_after_sorting)             # 1 is not the first value, 3
    assert first.check(lambda values: values[0])            # and the cases are still as given

    frame = pd.DataFrame({"x": [1.0, 2.0]})
    def zero_then_sum(df):
        total = df["x"].sum()
        df["x"] = 0.0
        return total
    q_frame = FunctionQuestion("?", answer=lambda df: df["x"].sum(), cases=[(frame,)])
    assert q_frame.check(zero_then_sum) and q_frame.check(zero_then_sum) and frame["x"].tolist() == [1.0, 2.0]
