"""The exercises in both languages.

A question with a ``key`` takes its prompt, hints, solution and unit from the catalogue
(helpers/texts/exercises/<module>.toml). Every such question has all of them in English and in
Chinese, speaks Chinese when the switch says so (its feedback too), judges every answer the same
way in both languages, and takes the Chinese names of the options and labels it names in English.
"""
import ast
import copy
import importlib
import inspect
import pkgutil
import re

import pytest

import helpers.exercises as exercises
from helpers.exercises import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion, questions
from helpers.glossary import avoided
from helpers.language import CATALOGUE, language, set_language, texts

CJK = re.compile(r"[\u3400-\u9fff]")
MODULES = {m.name: importlib.import_module(f"helpers.exercises.{m.name}")
           for m in pkgutil.iter_modules(exercises.__path__) if m.name != "core"}
#: Modules whose texts are in the catalogue: those with a question that has a key.
CONVERTED = {name: m for name, m in MODULES.items() if any(q.key for q in questions(m).values())}
KEYED = [(module, name, q) for module, m in CONVERTED.items() for name, q in questions(m).items()]
IDS = [f"{module}.{name}" for module, name, _ in KEYED]
#: A lowercase English word: an option, label or item that has one is English to translate
#: ('only A', 'fan club'); letters ('a', 'iv'), ids and names the course keeps (Redmi, RFM) are not.
ENGLISH_WORD = re.compile(r"\b(?![ivx]+\b)[a-z]{3,}\b")


def _shown(question) -> str:
    return question.solution().body


def test_the_modules_of_notebooks_00_to_06_are_converted():
    for module in ["start_here", "why_crm", "lifecycle_stage_models", "classifying_stages",
                   "stage_transitions_markov", "customer_value_abc_rfm", "probabilistic_clv"]:
        assert module in CONVERTED, f"helpers/exercises/{module}.py has no question with a key"


@pytest.mark.parametrize("module", sorted(CONVERTED))
def test_a_converted_module_keeps_no_display_text_in_code(module):
    """Every question of the module has its key (named after the module and the question), and no
    prompt, hints, solution or unit is written in the code any more."""
    tree = ast.parse(inspect.getsource(CONVERTED[module]))
    calls = {node.targets[0].id: node.value for node in tree.body
             if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
             and getattr(node.value.func, "id", "").endswith("Question")}
    assert set(calls) == set(questions(CONVERTED[module]))
    for name, call in calls.items():
        keywords = {kw.arg: kw.value for kw in call.keywords}
        assert not call.args, f"{module}.{name} passes its prompt in the code"
        assert not {"prompt", "hints", "solution", "unit"} & set(keywords), \
            f"{module}.{name} writes texts in the code: {sorted({'prompt', 'hints', 'solution', 'unit'} & set(keywords))}"
        assert ast.literal_eval(keywords["key"]) == f"{module}.{name}"


@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_the_catalogue_has_every_text_in_both_languages(module, name, question):
    key = question.key
    for field in ("prompt", "solution"):
        english, chinese = texts(f"{key}.{field}")
        assert english.strip() and CJK.search(chinese), f"{key}.{field}"
    english, chinese = texts(f"{key}.hints")
    assert len(english) == len(chinese) >= 1, f"{key}.hints: {len(english)} English, {len(chinese)} Chinese"
    assert all(e.strip() for e in english) and all(CJK.search(c) for c in chinese), f"{key}.hints"
    if f"{key}.unit" in CATALOGUE:
        english, chinese = texts(f"{key}.unit")
        assert isinstance(question, NumberQuestion) and english.strip() and CJK.search(chinese)
    unknown = [k for k in CATALOGUE if k.startswith(key + ".")
               and k[len(key) + 1:] not in ("prompt", "hints", "solution", "unit")]
    assert not unknown, f"texts no question reads: {unknown}"


@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_in_chinese_the_question_and_its_feedback_are_chinese(module, name, question, chinese):
    q = copy.copy(question)                 # hint() counts the hints shown: not on the module's question
    assert CJK.search(q.prompt), q.prompt
    assert CJK.search(repr(q.hint())) and CJK.search(q.hint().body)
    assert all(CJK.search(q.hint(n).body) for n in range(1, len(q.hints) + 1))
    assert CJK.search(repr(q.solution())) and CJK.search(_shown(q))
    for wrong in q.wrong_answers:
        result = q.check(wrong)
        assert CJK.search(result.message), f"{q.key} answers {wrong!r} with {result.message!r}"
        assert "还不对" in repr(result)
    assert CJK.search(q.check(q.answer).message)
    assert "尚未作答" in repr(q.check(...))
    if isinstance(q, NumberQuestion) and q.unit:
        assert CJK.search(q.unit) and q.unit in q.check(q.answer).message


@pytest.mark.parametrize("language_", ["en", "zh"])
@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_answers_are_judged_the_same_in_both_languages(module, name, question, language_):
    set_language(language_)
    try:
        assert question.check(question.answer), f"{question.key} rejects its answer in {language_}"
        for wrong in question.wrong_answers:
            result = question.check(wrong)
            assert not result and result.status == "incorrect", f"{question.key} accepts {wrong!r} in {language_}"
    finally:
        set_language("en")


def _aliases(question) -> dict:
    """Each name of the question's options, labels and items with its Chinese aliases."""
    found = {}
    for alias, name in question._alias_table().items():
        if CJK.search(alias):
            found.setdefault(name, []).append(alias)
    return found


def _names(question) -> list:
    if isinstance(question, ChoiceQuestion):
        return list(question.options)
    if isinstance(question, MatchQuestion):
        return list(question.answer) + list(question.labels)
    if isinstance(question, SetQuestion):
        return list(question.options if question.options is not None else question.answer)
    return []


@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_every_english_option_label_and_item_has_a_chinese_name(module, name, question):
    aliases = {k.casefold(): v for k, v in _aliases(question).items()}
    untranslated = [n for n in _names(question)
                    if isinstance(n, str) and ENGLISH_WORD.search(n) and not aliases.get(n.casefold())]
    assert not untranslated, f"{question.key}: no Chinese name (aliases=...) for {untranslated}"


def _in_chinese(question, answer):
    """An answer with every option, label and item that has a Chinese name written in Chinese."""
    zh = {k.casefold(): v[0] for k, v in _aliases(question).items()}
    say = lambda v: zh.get(v.casefold(), v) if isinstance(v, str) else v
    if isinstance(answer, dict):
        return {say(k): say(v) for k, v in answer.items()}
    if isinstance(answer, (set, list, tuple)):
        return type(answer)(say(v) for v in answer)
    return say(answer)


@pytest.mark.parametrize("language_", ["en", "zh"])
@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_chinese_names_of_options_and_labels_are_accepted(module, name, question, language_):
    if not _aliases(question) or not _names(question):
        return
    set_language(language_)
    try:
        if isinstance(question, ChoiceQuestion):
            for option, names in _aliases(question).items():
                if option not in question.options:
                    continue                       # a stage name that is not an option here
                for alias in names:
                    assert question.check(alias).message == question.check(option).message, (question.key, alias)
                    assert bool(question.check(alias)) == (option == question.answer)
        answer = _in_chinese(question, question.answer)
        assert question.check(answer), f"{question.key} rejects {answer!r}"
        for wrong in question.wrong_answers:
            if isinstance(wrong, (str, dict, set, list, tuple)):
                said = _in_chinese(question, wrong)
                assert question.check(said).status == "incorrect", f"{question.key} accepts {said!r}"
    finally:
        set_language("en")


def test_specific_chinese_answers():
    from helpers.exercises import (customer_value_abc_rfm, probabilistic_clv, stage_transitions_markov,
                                   start_here, why_crm)
    assert start_here.q1.check("负") and not start_here.q1.check("正")
    assert why_crm.q1.check("保有率") and not why_crm.q1.check("折现率")
    assert why_crm.q2.check("只资助A") and not why_crm.q2.check("都资助")
    assert why_crm.q5.check({"小米之家门店的咨询": "识别", "ABC、RFM 和 CLV 分析": "区分",
                             "用户提出改进建议的论坛": "互动", "红米 Note": "定制"})
    assert stage_transitions_markov.q1.check("正好 5 个月") and stage_transitions_markov.q1.check("正好5")
    assert stage_transitions_markov.q4.check("挽留团队") and not stage_transitions_markov.q4.check("粉丝俱乐部")
    assert customer_value_abc_rfm.q1.check({"A类客户数": "不变", "A类客户占比": "下降", "基尼系数": "上升"})
    assert customer_value_abc_rfm.q4.check({"w": "RFM小，BTYD小", "x": "RFM大、BTYD小",
                                            "y": "RFM小, BTYD大", "z": "RFM大，BTYD小"})
    assert probabilistic_clv.q3.check({"i": "更低", "ii": "更低", "iii": "更低", "iv": "更高", "v": "更高"})
    assert not probabilistic_clv.q3.check({"i": "更低", "ii": "更低", "iii": "更高", "iv": "更高", "v": "更高"})


@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_switching_back_to_english_restores_english(module, name, question):
    set_language("zh")
    question.prompt, question.check(question.answer)
    set_language("en")
    key = question.key
    assert question.prompt == texts(f"{key}.prompt")[0]
    assert question.hints == texts(f"{key}.hints")[0]
    assert question.solution_text == texts(f"{key}.solution")[0]
    assert question.solution().title == "Solution" and question.hint(1).title.startswith("Hint 1 of")
    if f"{key}.unit" in CATALOGUE:
        assert question.unit == texts(f"{key}.unit")[0]
    assert repr(question.check(question.answer)).startswith("✔ Correct")
    assert all(repr(question.check(w)).startswith("✘ Not yet") for w in question.wrong_answers)


#: Questions about the words themselves may name the forms to avoid.
ABOUT_WORDS = {"start_here.q2"}


@pytest.mark.parametrize("module,name,question", KEYED, ids=IDS)
def test_the_chinese_uses_the_readings_terms(module, name, question):
    if question.key in ABOUT_WORDS:
        return
    bad = avoided()
    for field in ("prompt", "hints", "solution", "unit"):
        if f"{question.key}.{field}" not in CATALOGUE:
            continue
        chinese = texts(f"{question.key}.{field}")[1]
        for part in ([chinese] if isinstance(chinese, str) else chinese):
            used = [form for form in bad if form in part]
            assert not used, f"{question.key}.{field} uses {used}; the readings write {[bad[u] for u in used]}"


def test_the_language_is_english_after_these_tests():
    assert language() == "en"
