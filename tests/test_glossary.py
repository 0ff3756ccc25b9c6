"""The glossary: its table, the readings' terms and the forms to avoid."""
import re

import pytest

from helpers import set_language
from helpers.glossary import COLUMNS, NOT_IN_READINGS, NOT_IN_READINGS_ZH, TERMS, avoided, glossary
from helpers.language import texts

STAGES = {"exploration": "考察期", "formation": "形成期", "stability": "稳定期", "decline": "退化期"}


def test_table_is_indexed_by_key_with_the_original_columns_first():
    g = glossary()
    assert g.index.name == "key" and g.index.is_unique
    assert list(g.columns[:3]) == ["English", "中文", "Definition"]
    assert list(g.columns) == COLUMNS
    assert len(g) == len(TERMS)


def test_the_four_stages_keep_the_readings_names():
    g = glossary()
    assert {k: g.loc[k, "中文"] for k in STAGES} == STAGES


def test_every_entry_names_its_reading():
    for t in TERMS:
        assert re.search(r"\b00[0-4]\b", t.reading) or t.reading.startswith(NOT_IN_READINGS), \
            f"{t.key}: reading {t.reading!r} names no reading 000-004 and is not marked as outside them"
        for term, reading in t.synonyms.items():
            assert re.search(r"\b00[0-4]\b", reading), f"{t.key}: synonym {term} names no reading"


def test_no_avoided_form_is_a_term_the_glossary_uses():
    used = {t.chinese for t in TERMS} | {s for t in TERMS for s in t.synonyms} | {v for t in TERMS for v in t.variants}
    clash = sorted(set(avoided()) & used)
    assert clash == [], f"avoided forms also used as terms: {clash}"


def test_variants_and_synonyms_differ_from_the_preferred_term():
    for t in TERMS:
        assert t.chinese not in t.variants and t.chinese not in t.synonyms and t.chinese not in t.avoid, t.key


def test_the_readings_terms_are_preferred_and_known_slips_avoided():
    g = glossary()
    assert g.loc["value_migration", "中文"] == "客户价值转移"
    assert avoided()["客户价值迁移"] == "客户价值转移"
    assert g.loc["switching_cost", "中文"] == "转移成本" and "转换成本" in g.loc["switching_cost", "Variants"]
    assert g.loc["stickiness", "中文"] == "客户粘度" and "客户黏性" in g.loc["stickiness", "Variants"]
    assert g.loc["multisided_platform", "中文"] == "多边市场"


def test_variant_columns_are_text():
    g = glossary()
    assert g.loc["formation", "Also in the readings"] == "成长期 (000); 发展期 (002)"
    assert g.loc["crm", "Variants"] == "" and g.loc["crm", "Avoid"] == ""


# --- the glossary in the course's language --------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_COLUMNS = ["术语", "英文", "定义", "出处", "阅读材料中的其他说法", "常见变体", "避免使用"]
#: Latin words a Chinese cell may keep: names and abbreviations
NAMES = {"CLV", "RFM", "TFM", "IDIC", "ABC", "BTYD", "SWOT", "Peppers", "Rogers", "Gupta", "Lehmann",
         "Iacobucci", "Zerrillo"}


def test_english_columns_are_the_original_ones_whatever_the_language(chinese):
    g = glossary(language="en")
    assert list(g.columns) == COLUMNS and g.loc["formation", "中文"] == "形成期"
    assert g.loc["formation", "Definition"].startswith("Trust grows")
    set_language("en")
    assert glossary().equals(g)


def test_chinese_headings_put_the_readings_term_first(chinese):
    g = glossary()
    assert list(g.columns) == ZH_COLUMNS
    assert [texts(f"glossary.columns.{k}")[1] for k in ("chinese", "english", "definition")] == ZH_COLUMNS[:3]
    assert g.index.name == "key" and list(g.index) == [t.key for t in TERMS]
    assert {k: g.loc[k, "术语"] for k in STAGES} == STAGES
    assert g.loc["formation", "英文"] == "formation stage"


def test_chinese_columns_hold_chinese_definitions_and_readings(chinese):
    g = glossary()
    assert g.loc["formation", "定义"].startswith("关系的快速发展阶段")
    assert g.loc["formation", "阅读材料中的其他说法"] == "成长期（000）；发展期（002）"
    assert g.loc["formation", "出处"] == "000、002"
    assert g.loc["retention_rate", "常见变体"] == "客户保留率；留存率"
    assert g.loc["value_migration", "避免使用"] == "客户价值迁移"
    assert g.loc["clv", "出处"].startswith("003；")
    assert g.loc["discount_rate", "出处"].startswith(NOT_IN_READINGS_ZH)


def test_every_term_has_a_chinese_definition():
    for t in TERMS:
        assert CJK.search(t.definition_zh), f"{t.key}: no Chinese definition"
        assert t.definition_zh.endswith("。"), f"{t.key}: the Chinese definition should end with 。"


def test_chinese_definitions_use_the_readings_terms():
    avoid = avoided()
    preferred = {t.chinese for t in TERMS} | {s for t in TERMS for s in t.synonyms}
    for t in TERMS:
        for bad in avoid:
            assert bad not in t.definition_zh, f"{t.key}: {bad} is to be avoided; write {avoid[bad]}"
        for other in TERMS:
            for variant in other.variants:
                # a variant inside a preferred term (客户忠诚 in 客户忠诚度) is that term, not the variant
                masked = t.definition_zh
                for p in preferred:
                    if variant in p and p != variant:
                        masked = masked.replace(p, "□")
                assert variant not in masked, f"{t.key}: write {other.chinese} rather than the variant {variant}"


def test_readings_are_given_in_chinese_where_they_say_more_than_numbers():
    for t in TERMS:
        numbers = re.findall(r"(?<!\d)00[0-4](?!\d)", t.reading)
        if re.fullmatch(r"00[0-4](, 00[0-4])*", t.reading):
            assert t.reading_zh == "", f"{t.key}: reading numbers only need no Chinese"
            continue
        assert CJK.search(t.reading_zh), f"{t.key}: reading {t.reading!r} needs reading_zh"
        assert re.findall(r"(?<!\d)00[0-4](?!\d)", t.reading_zh) == numbers, f"{t.key}: other readings in Chinese"
        assert t.reading.startswith(NOT_IN_READINGS) == t.reading_zh.startswith(NOT_IN_READINGS_ZH), t.key


def test_no_english_left_in_the_chinese_table_but_names(chinese):
    g = glossary().drop(columns="英文")
    for key, row in g.iterrows():
        for column, cell in row.items():
            words = set(re.findall(r"[A-Za-z]{2,}", cell)) - NAMES
            assert not words, f"{key}, {column}: English words {sorted(words)} in {cell!r}"
