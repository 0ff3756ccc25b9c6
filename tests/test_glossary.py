"""The glossary: its table, the readings' terms and the forms to avoid."""
import re

from helpers.glossary import COLUMNS, NOT_IN_READINGS, TERMS, avoided, glossary

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
