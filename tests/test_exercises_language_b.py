"""The exercises of notebooks 07-09 and of the case studies speak English and Chinese.

Their prompts, hints, solutions and units live in helpers/texts/exercises/<module>.toml; with the
language set to Chinese every text and every piece of feedback is Chinese, the checks accept and
reject the same answers, and the Chinese names of options and labels count as the English ones.
"""
import ast
import importlib
import inspect
import re

import pytest

from helpers.exercises import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion, questions
from helpers.exercises.core import _key
from helpers.glossary import avoided
from helpers.language import CATALOGUE, language, set_language, texts

NAMES = ["strategies_by_stage", "customer_networks", "multisided_platforms", "xiaomi_company_and_idic",
         "xiaomi_lifecycle_in_practice", "xiaomi_hunger_marketing", "qq_vs_360"]
MODULES = {name: importlib.import_module(f"helpers.exercises.{name}") for name in NAMES}
ALL = [(module, name, q) for module in NAMES for name, q in questions(MODULES[module]).items()]
IDS = [f"{module}.{name}" for module, name, _ in ALL]
CJK = re.compile(r"[\u3400-\u9fff]")

#: The questions whose options or labels name something the course translates (stages, loyalty,
#: IDIC steps, SWOT quadrants, platform strategies, sides, directions, network shapes, ...).
#: Every other question of these modules offers only letters, numbers or a function.
TRANSLATED = {"strategies_by_stage.q7", "strategies_by_stage.q8", "customer_networks.q3", "customer_networks.q4",
              "multisided_platforms.q1", "multisided_platforms.q2", "multisided_platforms.q6",
              "xiaomi_company_and_idic.q1", "xiaomi_company_and_idic.q2", "xiaomi_lifecycle_in_practice.q1",
              "xiaomi_hunger_marketing.q4", "qq_vs_360.q2", "qq_vs_360.q4"}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_language("en")


def _fields(q):
    return ["prompt", "hints", "solution"] + (["unit"] if f"{q.key}.unit" in CATALOGUE else [])


def _names(q) -> list:
    """The options or labels a student chooses from, or [] for a number, a function or free items."""
    if isinstance(q, MatchQuestion):
        return list(q.labels)
    return list(getattr(q, "options", None) or [])


def _chinese(q, name):
    """A Chinese alias of ``name`` (an option, label or item) that the question accepts, or None."""
    found = [alias for alias, meant in q._alias_table().items() if meant == name and CJK.search(alias)]
    return found[0] if found else None


def _in_chinese(q, answer):
    """``answer`` with every option, label and (where it has one) item written in Chinese."""
    if isinstance(answer, dict):
        return {(_chinese(q, k) or k): _chinese(q, v) for k, v in answer.items()}
    if isinstance(answer, (set, frozenset, list)):
        return {_chinese(q, v) for v in answer}
    return _chinese(q, answer)


@pytest.mark.parametrize("module,name,q", ALL, ids=IDS)
def test_the_catalogue_holds_every_text_in_both_languages(module, name, q):
    assert q.key == f"{module}.{name}"
    for field in _fields(q):
        english, chinese = texts(f"{q.key}.{field}")
        if field == "hints":
            assert english and len(english) == len(chinese), f"{q.key}: hints in one language only"
            pairs = list(zip(english, chinese))
        else:
            pairs = [(english, chinese)]
        for en, zh in pairs:
            assert en.strip() and zh.strip(), f"{q.key}.{field} is empty"
            assert CJK.search(zh), f"{q.key}.{field} has no Chinese: {zh!r}"
            assert "RMB" not in zh, f"{q.key}.{field}: money is written in 元 in Chinese"
            bad = [term for term in avoided() if term in zh]
            assert not bad, f"{q.key}.{field} uses {bad}, which the glossary lists under avoid"


@pytest.mark.parametrize("module", NAMES)
def test_the_catalogue_holds_nothing_else_for_these_modules(module):
    wanted = {f"{q.key}.{field}" for _, _, q in (a for a in ALL if a[0] == module) for field in _fields(q)}
    held = {key for key in CATALOGUE if key.startswith(module + ".")}
    assert held == wanted, f"stray texts: {sorted(held - wanted)}"
    numbers = [q for _, _, q in ALL if isinstance(q, NumberQuestion)]
    assert any(f"{q.key}.unit" in CATALOGUE for q in numbers)


@pytest.mark.parametrize("module,name,q", ALL, ids=IDS)
def test_in_chinese_the_question_speaks_chinese(module, name, q):
    set_language("zh")
    assert CJK.search(q.prompt)
    assert q.prompt == texts(f"{q.key}.prompt")[1]
    shown = q._hints_shown
    try:
        first = q.hint()
    finally:
        q._hints_shown = shown
    assert CJK.search(first.title) and CJK.search(first.body)
    assert all(CJK.search(q.hint(n + 1).body) for n in range(len(q.hints)))
    solution = q.solution()
    assert CJK.search(solution.title) and CJK.search(solution.body)
    for wrong in q.wrong_answers:
        result = q.check(wrong)
        assert not result and CJK.search(result.message), f"{q.key}: {wrong!r} gives {result.message!r}"
    assert CJK.search(q.check(q.answer).message)
    if isinstance(q, NumberQuestion) and f"{q.key}.unit" in CATALOGUE:
        assert q.unit == texts(f"{q.key}.unit")[1]
        assert q.unit in q.check(q.answer).message


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("module,name,q", ALL, ids=IDS)
def test_the_same_answers_are_right_and_wrong_in_both_languages(module, name, q, lang):
    set_language(lang)
    assert q.check(q.answer), f"{q.key} ({lang}) rejects its own answer"
    for wrong in q.wrong_answers:
        result = q.check(wrong)
        assert not result and result.status == "incorrect", f"{q.key} ({lang}) accepts {wrong!r}"


@pytest.mark.parametrize("module,name,q", ALL, ids=IDS)
def test_switching_back_to_english_restores_english(module, name, q):
    before = [q.prompt, q.hints, q.solution_text, getattr(q, "unit", None)]
    feedback = [repr(q.check(w)) for w in [q.answer, *q.wrong_answers]]
    set_language("zh")
    assert q.prompt != before[0] and q.solution_text != before[2]
    set_language("en")
    assert language() == "en"
    assert [q.prompt, q.hints, q.solution_text, getattr(q, "unit", None)] == before
    assert [repr(q.check(w)) for w in [q.answer, *q.wrong_answers]] == feedback
    english = texts(f"{q.key}.prompt")[0]
    assert q.prompt == english


@pytest.mark.parametrize("module,name,q", ALL, ids=IDS)
def test_options_and_labels_are_accepted_in_chinese(module, name, q):
    names = _names(q)
    if q.key not in TRANSLATED:
        assert all(re.fullmatch(r"[A-Za-z]", str(n)) for n in names), (
            f"{q.key} offers {names}: give them Chinese aliases and list the question in TRANSLATED")
        return
    assert isinstance(q, (ChoiceQuestion, MatchQuestion, SetQuestion))
    untranslated = [n for n in names if _chinese(q, n) is None]
    assert not untranslated, f"{q.key}: no Chinese name for {untranslated}"
    prompt_zh = texts(f"{q.key}.prompt")[1]
    for n in names:  # the Chinese prompt tells the student the Chinese names it accepts
        chinese = [alias for alias, meant in q._alias_table().items() if meant == n and CJK.search(alias)]
        assert any(alias in _key(prompt_zh) for alias in chinese), f"{q.key}: the prompt does not name {n!r} in Chinese"
    answer_zh = _in_chinese(q, q.answer)
    for lang in ("en", "zh"):
        set_language(lang)
        assert q.check(answer_zh), f"{q.key} ({lang}) rejects {answer_zh!r}: {q.check(answer_zh)}"
        for wrong in q.wrong_answers:
            if (isinstance(wrong, dict) and all(v in names for v in wrong.values())) or \
                    (isinstance(wrong, (set, list)) and all(v in names for v in wrong)) or \
                    (isinstance(wrong, str) and wrong in names):
                assert not q.check(_in_chinese(q, wrong)), f"{q.key} ({lang}) accepts {wrong!r} in Chinese"


def test_a_chinese_name_is_accepted_where_the_course_has_one():
    ex = MODULES
    assert ex["strategies_by_stage"].q8.check({k: {"emotional": "情感忠诚", "behavioural": "行为忠诚",
                                                   "attitudinal": "意识忠诚"}[v]
                                               for k, v in ex["strategies_by_stage"].q8.answer.items()})
    assert ex["strategies_by_stage"].q7.check({"形成期", "稳定期"})
    assert ex["xiaomi_company_and_idic"].q1.check("区分") and not ex["xiaomi_company_and_idic"].q1.check("识别")
    assert ex["xiaomi_company_and_idic"].q2.check({"Cost-price pricing": "优势", "Few service stations": "劣势",
                                                   "A weaker Apple": "机会", "Operators' 1,000-yuan phones": "威胁"})
    assert ex["multisided_platforms"].q6.check({"A": "平台战略", "B": "企业媒体化", "C": "企业媒体化",
                                                "D": "平台战略"})
    assert ex["multisided_platforms"].q1.check({"读者": "不变", "大V博主": "不变", "商业客户": "上升",
                                                "最后一个月的广告收入": "上升"})
    assert ex["xiaomi_lifecycle_in_practice"].q1.check(
        {"Building MIUI before the phone": "考察期", "Operator contract phones": "形成期",
         "Offline fan meetups (同城会)": "稳定期", "Launching Redmi and Redmi Note": "退化期"})
    assert ex["customer_networks"].q3.check("四者差不多") and not ex["customer_networks"].q3.check("无标度网络")
    assert ex["customer_networks"].q4.check("不会") and not ex["customer_networks"].q4.check("有时会")
    assert ex["xiaomi_hunger_marketing"].q4.check("口碑衰减减半")
    assert ex["qq_vs_360"].q2.check("好友少的用户") and not ex["qq_vs_360"].q2.check("好友多的用户")
    assert ex["qq_vs_360"].q4.check("关系强度") and not ex["qq_vs_360"].q4.check("基础粘度")


# --- no English display text left in the modules -------------------------------------------------

#: Arguments that hold answers, options and typical mistakes, not texts a student reads.
_DATA = {"answer", "options", "labels", "aliases", "wrong_answers", "cases"}


def _prose(tree) -> list:
    """String constants of four or more words outside docstrings, answers, options and aliases."""
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.keyword) and node.arg in _DATA:
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.startswith("_") for t in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))  # private tables of options or aliases
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
            and len(n.value.split()) >= 4]


@pytest.mark.parametrize("module", NAMES)
def test_questions_take_their_texts_from_the_catalogue_only(module):
    tree = ast.parse(inspect.getsource(MODULES[module]))
    calls = {node.targets[0].id: node.value for node in tree.body
             if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
             and isinstance(node.targets[0], ast.Name) and re.fullmatch(r"q\d+", node.targets[0].id)}
    assert set(calls) == set(questions(MODULES[module]))
    for name, call in calls.items():
        assert not call.args, f"{module}.{name} passes its prompt in Python"
        given = {kw.arg: kw.value for kw in call.keywords}
        assert not {"prompt", "hints", "solution", "unit"} & set(given), f"{module}.{name} passes texts in Python"
        assert ast.literal_eval(given["key"]) == f"{module}.{name}"
    assert _prose(tree) == [], f"{module}: English text left in the code"
