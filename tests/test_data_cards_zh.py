"""Every data set has a Chinese data card (README.zh-CN.md) kept in step with its English card.

The Chinese card starts with ``<!-- english: FINGERPRINT -->``: the first 12 hex digits of the
sha256 of the English card's UTF-8 text. When the English card changes, the fingerprint no longer
matches and the Chinese card must be revised (and its fingerprint updated).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from helpers.glossary import TERMS

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
NAMES = sorted(p.name for p in DATASETS.iterdir() if (p / "README.md").is_file())
HEADER = re.compile(r"<!-- english: ([0-9a-f]{12}) -->")
HAN = re.compile(r"[\u4e00-\u9fff]")


def english_fingerprint(name: str) -> str:
    text = (DATASETS / name / "README.md").read_text(encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def chinese_card(name: str) -> str:
    return (DATASETS / name / "README.zh-CN.md").read_text(encoding="utf-8")


def test_the_data_sets_are_found():
    assert {"cdnow", "departments", "tencent", "xiaomi"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_data_set_has_a_chinese_card(name):
    assert (DATASETS / name / "README.zh-CN.md").is_file(), f"datasets/{name}/README.zh-CN.md is missing"


@pytest.mark.parametrize("name", NAMES)
def test_chinese_card_matches_the_english_card(name):
    first = chinese_card(name).splitlines()[0]
    found = HEADER.fullmatch(first.strip())
    assert found, f"datasets/{name}/README.zh-CN.md must start with <!-- english: FINGERPRINT -->"
    expected = english_fingerprint(name)
    assert found.group(1) == expected, (
        f"datasets/{name}/README.zh-CN.md is stale: it was written for English card {found.group(1)}, "
        f"but datasets/{name}/README.md is now {expected}; revise the Chinese card and its fingerprint")


@pytest.mark.parametrize("name", NAMES)
def test_the_cards_link_each_other(name):
    english = (DATASETS / name / "README.md").read_text(encoding="utf-8")
    assert "中文版：[README.zh-CN.md](README.zh-CN.md)" in english.splitlines()[:3]
    assert "English: [README.md](README.md)" in chinese_card(name).splitlines()[:3]


@pytest.mark.parametrize("name", NAMES)
def test_chinese_card_is_in_chinese(name):
    text = chinese_card(name)
    assert len(HAN.findall(text)) > 100, f"datasets/{name}/README.zh-CN.md has little or no Chinese"


@pytest.mark.parametrize("name", NAMES)
def test_chinese_card_avoids_what_the_glossary_avoids(name):
    text = chinese_card(name)
    found = [(t.key, form) for t in TERMS for form in t.avoid if form in text]
    assert not found, f"datasets/{name}/README.zh-CN.md uses forms the glossary lists under avoid: {found}"
