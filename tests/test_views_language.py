"""Explorers speak the course's language: one built after ``helpers.set_language("zh")`` shows only
Chinese (control labels, drop-down options, tooltips, title, summary line), one built in English
shows exactly the English it always showed, and the model receives the same values in both."""
import ast
import inspect
import re
import tomllib
from pathlib import Path

import ipywidgets as widgets
import pytest

import helpers
from helpers import views
from helpers.language import TEXTS

NAMES = sorted(name for name, fn in vars(views).items() if name.endswith("_explorer") and inspect.isfunction(fn))
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Names and abbreviations the Chinese texts keep (words of one or two letters are never flagged).
NAMES_KEPT = ("BG/NBD", "P(alive)", "CDNOW", "Redmi", "IDIC", "SWOT", "RFM", "CLV", "ABC", "QQ", "360", "Mi")


def english_words(text: str) -> list:
    """English words of three letters or more in ``text``, outside HTML tags and the names kept."""
    text = re.sub(r"<[^>]*>", " ", text)
    for name in NAMES_KEPT:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{3,}", text)


def shown(explorer) -> dict:
    """Every text an explorer shows: title, summary, and per control its label, option labels,
    tooltip and placeholder."""
    controls = {}
    for name, control in explorer.controls.items():
        controls[name] = {"description": control.description, "tooltip": control.tooltip,
                          "options": list(control._options_labels) if isinstance(control, widgets.Dropdown) else None,
                          "values": list(control._options_values) if isinstance(control, widgets.Dropdown) else None,
                          "placeholder": getattr(control, "placeholder", None)}
    return {"title": explorer.title, "summary": explorer.summary.value, "controls": controls}


def texts_to_check(seen: dict) -> list:
    """(where, text) for the title, summary, labels, option labels and tooltips."""
    found = [("title", seen["title"]), ("summary", seen["summary"])]
    for name, c in seen["controls"].items():
        found.append((f"{name}.description", c["description"]))
        found += [(f"{name}.option", label) for label in c["options"] or []]
        if c["tooltip"]:
            found.append((f"{name}.tooltip", c["tooltip"]))
    return found


def built_in(language: str, build):
    helpers.set_language(language)
    try:
        return build()
    finally:
        helpers.set_language("en")


@pytest.fixture(scope="module")
def chinese():
    """Every explorer, built in Chinese (the language is English again afterwards)."""
    return {name: built_in("zh", getattr(views, name)) for name in NAMES}


@pytest.fixture(scope="module")
def english(chinese):
    """Every explorer built in English again, after the Chinese ones."""
    return {name: getattr(views, name)() for name in NAMES}


def assert_chinese(where: str, text: str) -> None:
    assert CJK.search(text), f"{where} has no Chinese: {text!r}"
    assert not english_words(text), f"{where} keeps English {english_words(text)}: {text!r}"


@pytest.mark.parametrize("name", NAMES)
def test_an_explorer_built_in_chinese_shows_chinese(chinese, name):
    seen = shown(chinese[name])
    assert seen["title"] and seen["summary"]
    for where, text in texts_to_check(seen):
        assert_chinese(f"{name} {where}", text)
    for control, c in seen["controls"].items():
        if c["placeholder"]:  # an example word to search for may be English: the SWOT table is
            assert CJK.search(c["placeholder"]), f"{name} {control}.placeholder has no Chinese"


@pytest.mark.parametrize("name", NAMES)
def test_the_model_receives_the_same_values_in_both_languages(chinese, english, name):
    zh, en = shown(chinese[name]), shown(english[name])
    assert {c: v["values"] for c, v in zh["controls"].items()} == {c: v["values"] for c, v in en["controls"].items()}
    assert chinese[name].values() == english[name].values()


def masked(summary: str) -> str:
    return re.sub(r"\d", "#", summary)


@pytest.mark.parametrize("name", NAMES)
def test_switching_back_to_english_restores_the_english_texts(english, name):
    seen, expected = shown(english[name]), ENGLISH[name]
    assert seen["title"] == expected["title"]
    assert masked(seen["summary"]) == expected["summary"]
    labels = {c: (v["description"], v["options"]) if v["options"] else v["description"]
              for c, v in seen["controls"].items()}
    assert labels == expected["controls"]
    assert {c: v["tooltip"] for c, v in seen["controls"].items() if v["tooltip"]} == expected.get("tooltips", {})
    assert ({c: v["placeholder"] for c, v in seen["controls"].items() if v["placeholder"]}
            == expected.get("placeholders", {}))


def test_texts_that_only_some_settings_show_are_chinese_too():
    hunger = built_in("zh", views.hunger_marketing_explorer)
    hunger.controls["frustration"].value = 0.0          # buzz wins
    assert_chinese("hunger buzz", hunger.summary.value)
    hunger.controls["supply"].value = 1000.0            # no scarcity at all
    assert_chinese("hunger neither", hunger.summary.value)
    swot = built_in("zh", views.swot_explorer)
    swot.controls["contains"].value = "no such word anywhere"
    assert_chinese("swot no match", re.sub("no such word anywhere", "", swot.table.value))
    assert_chinese("swot summary", swot.summary.value)
    from helpers import data, markov
    from helpers.value import rfm_table
    rfm = rfm_table(data.load_cdnow())
    both = built_in("zh", lambda: views.rfm_explorer({"CDNOW (real)": rfm, "Xiaomi-style (synthetic)": rfm}))
    assert list(both.controls["data"]._options_labels) == ["CDNOW（真实数据）", "小米式（模拟数据）"]
    assert both.controls["data"].value == "CDNOW (real)"
    assert_chinese("rfm data", both.controls["data"].description)
    chain = built_in("zh", lambda: views.transition_matrix_explorer(markov.EXAMPLE_P, markov.EXAMPLE_REWARDS))
    assert chain.title == "转移矩阵编辑器"
    in_english = views.swot_explorer()
    in_english.controls["contains"].value = "no such word anywhere"
    assert "No row matches these filters." in in_english.table.value


@pytest.mark.parametrize("name,control,value", [("retention_explorer", "retention", 0.9),
                                                ("rfm_explorer", "r_cuts", (2, 3))])
def test_an_explorer_keeps_the_language_it_was_built_in(name, control, value):
    explorer = built_in("zh", getattr(views, name))      # the language is English again now
    explorer.controls[control].value = value
    assert_chinese("summary after a move", explorer.summary.value)
    assert_chinese("label", explorer.controls[control].description)


def label_width(text: str) -> int:
    """A generous estimate of a label's width in pixels at the widgets' 13 px font: 13 for a
    Chinese character or full-width sign, 4 for a space, 9 for anything else."""
    return sum(13 if re.match(r"[\u3000-\u9fff\uff00-\uffef]", ch) else 4 if ch == " " else 9 for ch in text)


@pytest.mark.parametrize("name", NAMES)
def test_chinese_labels_fit_their_width(chinese, name):
    """The explorer sizes its labels in em of the controls' font (helpers.views.base.control_grid);
    at the widgets' 13 px, each Chinese label fits by this estimate of its own."""
    for control_name, control in chinese[name].controls.items():
        width = control.style.description_width
        assert width.endswith("em"), f"{name}: {control_name} has no label width of its own: {width!r}"
        assert label_width(control.description) <= 13 * float(width.removesuffix("em")), \
            f"{name}: {control.description!r} is wider than {width}"


def chinese_texts() -> list:
    """(key, Chinese text) of every entry of the explorers' file."""
    def walk(table, prefix=""):
        for name, value in table.items():
            if isinstance(value, dict):
                yield from walk(value, f"{prefix}{name}.")
            elif value and isinstance(value[0], list):
                yield from ((f"{prefix}{name}", pair[1]) for pair in value)
            else:
                yield f"{prefix}{name}", value[1]
    with (TEXTS / "explorers.toml").open("rb") as f:
        return list(walk(tomllib.load(f)))


def test_chinese_texts_use_the_readings_terms():
    from helpers.glossary import TERMS, avoided
    avoid = avoided()
    preferred = {t.chinese for t in TERMS} | {s for t in TERMS for s in t.synonyms}
    for key, text in chinese_texts():
        for bad in avoid:
            assert bad not in text, f"{key}: {bad} is to be avoided; write {avoid[bad]}"
        for term in TERMS:
            for variant in term.variants:
                masked = text
                for p in preferred:                 # 客户忠诚 inside 客户忠诚度 is the term itself
                    if variant in p and p != variant:
                        masked = masked.replace(p, "□")
                assert variant not in masked, f"{key}: write {term.chinese} rather than {variant}"


VIEWS = Path(views.__file__).parent
#: Strings in the views that contain spaces but are values or settings, not texts shown.
NOT_SHOWN = {"upper left", "most connected", "CDNOW (real)", views.base.GRID_COLUMNS}
SHOWN_ARGUMENTS = {"description", "title", "tooltip", "description_tooltip", "placeholder", "label"}


def literal_strings(tree):
    """String constants outside docstrings and raise statements, with their line."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            skip.add(id(node.body[0].value))
        if isinstance(node, ast.Raise):
            skip.update(id(sub) for sub in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) not in skip and isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("path", sorted(VIEWS.glob("*.py")), ids=lambda p: p.name)
def test_no_text_shown_is_left_in_the_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for lineno, value in literal_strings(tree):
        if value.startswith("<") or value in NOT_SHOWN:
            continue
        assert not CJK.search(value), f"{path.name}:{lineno}: Chinese text in the code: {value!r}"
        assert not re.search(r"[A-Za-z]{2,}[ :,;][ ]?[A-Za-z]{2,}", value), \
            f"{path.name}:{lineno}: a text in the code: {value!r} (move it to helpers/texts/explorers.toml)"
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in SHOWN_ARGUMENTS:
            literal = isinstance(node.value, (ast.Constant, ast.JoinedStr)) and not (
                isinstance(node.value, ast.Constant) and node.value.value in ("", None))
            assert not literal, f"{path.name}:{node.lineno}: {node.arg}= is written in the code"


def test_every_table_of_the_explorers_file_belongs_to_an_explorer():
    with (TEXTS / "explorers.toml").open("rb") as f:
        tables = set(tomllib.load(f))
    assert tables <= set(NAMES) | {"explorers"}, tables - set(NAMES)
    assert set(NAMES) <= tables


#: What every explorer showed in English before the texts moved to the catalogue (digits of the
#: summary masked: the numbers are the models' business).
ENGLISH = {
    "budget_allocator_explorer": {
        "title": "Budget allocator: equal marginal returns across stages (illustrative curves)",
        "summary": "Extra margin <b>#,###k RMB</b> from #,###k RMB; the next yuan of budget would earn "
                   "<b>#.## RMB</b> (the same in every funded stage).",
        "controls": {"total": "Budget (k RMB)", "saturation": "Saturation ×",
                     "scale_exploration": "Max margin: exploration (k RMB)",
                     "scale_formation": "Max margin: formation (k RMB)",
                     "scale_stability": "Max margin: stability (k RMB)",
                     "scale_decline": "Max margin: decline (k RMB)"}},
    "forced_choice_explorer": {
        "title": "The forced choice of 3 November 2010 on a synthetic network",
        "summary": "<b>##% keep QQ</b>, ##% keep ###; ## users changed their first choice over ## round(s).",
        "controls": {"lam": "λ QQ", "lam_360": "λ 360", "seed": "seed"}},
    "hunger_marketing_explorer": {
        "title": "Hunger marketing 饥饿营销: weekly flash sales (synthetic scenario, thousands of people)",
        "summary": "Sold out in ## of ## weeks; buyers #,###k, lost #,###k, brought by buzz #,###k: "
                   "<b style='color:#b####e'>frustration outweighs buzz</b>.",
        "controls": {"supply": "Supply / week", "base_arrivals": "New prospects / week",
                     "frustration": "Frustration f", "buzz_gain": "Buzz gain g", "buzz_decay": "Buzz decay"}},
    "lifecycle_explorer": {
        "title": "The customer lifecycle curve",
        "summary": "Cumulative profit at the end: <b>#,###</b> money units; deepest point <b>-##</b>; "
                   "relationship length ## months.",
        "controls": {"exploration": "Exploration 考察期 (months)", "formation": "Formation 形成期 (months)",
                     "stability": "Stability 稳定期 (months)", "decline": "Decline 退化期 (months)",
                     "peak_level": "Peak level",
                     "decline_starts": ("Decline starts",
                                        ["after exploration", "after formation", "after stability"])}},
    "p_alive_explorer": {
        "title": "P(alive) explorer: BG/NBD parameters",
        "summary": "Expected repeat purchases of a new customer in ## weeks: <b>#.##</b> · share of possible "
                   "histories with P(alive) below #.#: <b>##%</b>",
        "controls": {"r": "r", "alpha": "α", "a": "a", "b": "b"},
        "tooltips": {"r": "shape of purchase rates across customers", "alpha": "scale: higher α, slower buyers",
                     "a": "drop-out: higher a, more likely to leave",
                     "b": "drop-out: higher b, less likely to leave"}},
    "platform_explorer": {
        "title": "Platform explorer (synthetic, illustrative parameters)",
        "summary": "Month ##: readers ###,###, contributors #,###, advertisers ###. Profit over ## months: "
                   "<b>RMB -#,### thousand</b> (illustrative numbers).",
        "controls": {"readers_from_contributors": "readers ← contributors",
                     "contributors_from_readers": "contributors ← readers",
                     "advertisers_from_readers": "clients ← readers", "ad_load": "ad load (share of pages)",
                     "subsidy_side": ("subsidised side", ["nobody", "readers", "contributors", "advertisers"]),
                     "subsidy": "subsidy (RMB/member/month)"}},
    "retention_explorer": {
        "title": "Retention economics: a cohort of 1,000 new customers",
        "summary": "CLV (no horizon) <b>### RMB</b> per customer; net of acquisition over ## years: "
                   "<b>## RMB</b> per customer acquired.",
        "controls": {"retention": "Retention / year", "margin": "Margin / year (RMB)",
                     "acquisition_cost": "Acquisition cost (RMB)", "discount": "Discount rate"}},
    "rfm_explorer": {
        "title": "RFM explorer: score cut points → segment sizes and revenue share",
        "summary": "Champions: ##% of customers, ##% of revenue · At risk: #% of customers, #% of revenue",
        "controls": {"r_cuts": "R low ≤ · high ≥", "f_cuts": "F low ≤ · high ≥"}},
    "stickiness_explorer": {
        "title": "Stickiness through the network: who follows the first leavers out?",
        "summary": "# leave first, <b>## follow</b> in # wave(s); ### of ### stay.",
        "controls": {"lam": "λ", "shape": ("network", ["random", "small-world", "scale-free", "community"]),
                     "leavers": "first leavers", "who": ("who leaves", ["most connected", "random"])}},
    "swot_explorer": {
        "title": "SWOT of Xiaomi 小米 SWOT分析",
        "summary": "## of ## points shown (strength #, weakness #, opportunity #, threat #).",
        "controls": {"quadrant": ("Quadrant", ["all", "strength", "weakness", "opportunity", "threat"]),
                     "reading": ("Source", ["all", "001"]), "contains": "Contains"},
        "placeholders": {"contains": "e.g. service"}},
    "threshold_explorer": {
        "title": "Stage classifier thresholds (synthetic Xiaomi-style data)",
        "summary": "Accuracy <b>##.#%</b> · recall by true stage: exploration ##%, formation ##%, stability ##%, "
                   "decline ##%, churned ##%",
        "controls": {"decline_ratio": "decline ratio", "decline_silence": "decline silence",
                     "churn_silence": "churn silence", "stable_rate": "stable rate",
                     "trial_purchases": "trial orders"}},
    "transition_matrix_explorer": {
        "title": "Transition-matrix editor 转移矩阵编辑器 (illustrative example chain)",
        "summary": "A new customer (exploration): expected lifetime <b>##.# → ##.# months</b>; Markov CLV "
                   "<b>### → ### RMB</b>; steady-state share in stability <b>##% → ##%</b>",
        "controls": {"into_decline": "Fewer moves into decline", "decline_to_churn": "Fewer moves decline → churn",
                     "rescued_to": ("Rescued customers",
                                    ["stay in decline", "won back to formation", "won back to stability"])}},
}
