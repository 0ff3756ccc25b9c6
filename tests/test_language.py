"""The language switch and the catalogue behind it (helpers.language, helpers/texts/*.toml)."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import language

CJK = re.compile(r"[\u3400-\u9fff]")
#: Texts that may be the same in both languages: names, symbols and numbers only.
NAME_ONLY = re.compile(r"^[\s\dA-Za-z()/.,:;%+\-−×=<>≤≥λΛ_{}!'\"|·→…?#&*$^~\[\]@；：，、]*$")
#: Texts whose Chinese leaves out a field the English needs for its grammar.
FIELDS_LEFT_OUT = {"feedback.not_one_of": {"verb"}}


def all_entries():
    import helpers.exercises  # noqa: F401  (register everything that registers texts in code)
    import helpers.plots  # noqa: F401
    import helpers.views  # noqa: F401
    return dict(language.CATALOGUE)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    helpers.set_language("en")


def test_every_text_has_both_languages():
    for key, (english, chinese) in all_entries().items():
        for en, zh in (zip(english, chinese) if isinstance(english, list) else [(english, chinese)]):
            assert bool(en.strip()) == bool(zh.strip()), f"{key}: one language is empty"
            if not NAME_ONLY.match(en):
                assert CJK.search(zh) or NAME_ONLY.match(zh), f"{key}: the Chinese text has no Chinese: {zh!r}"


def test_fields_are_the_same_in_both_languages():
    field = re.compile(r"\{(\w+)")
    for key, (english, chinese) in all_entries().items():
        for en, zh in (zip(english, chinese) if isinstance(english, list) else [(english, chinese)]):
            left_out = FIELDS_LEFT_OUT.get(key, set())
            assert set(field.findall(en)) - left_out == set(field.findall(zh)), \
                f"{key}: fields differ: {en!r} / {zh!r}"


def test_one_switch_for_everything():
    from helpers import plotting
    helpers.set_language("zh")
    assert language.language() == plotting.language() == "zh"
    assert plotting.label("stability") == "稳定期"
    plotting.use_language("en")
    assert language.language() == "en" and plotting.label("stability") == "Stability"


def test_a_key_defined_twice_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('demo_twice = ["One", "一"]\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('demo_twice = ["One", "一"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="defined twice"):
        language.load(tmp_path)
    language.CATALOGUE.pop("demo_twice", None)


def test_a_text_without_its_chinese_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('demo_half = ["Only English"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="pair of strings"):
        language.load(tmp_path)
    (tmp_path / "a.toml").write_text('demo_table = {en = "English"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="pair of strings"):
        language.load(tmp_path)


def test_registering_other_texts_under_a_taken_key_is_an_error():
    with pytest.raises(ValueError, match="already defined"):
        language.add_texts({"stability": ("Steady", "稳定期")})


def test_unknown_keys_and_languages_are_named():
    with pytest.raises(KeyError, match="did you mean"):
        language.text("stabilty")
    with pytest.raises(ValueError, match="language must be one of"):
        helpers.set_language("fr")


@pytest.mark.parametrize("value,expected", [("zh", "zh"), ("zh-CN", "zh"), ("en", "en"), ("", "en")])
def test_the_environment_variable_sets_the_language_at_import(value, expected):
    env = {**os.environ, "CRM_COURSE_LANG": value}
    out = subprocess.run([sys.executable, "-c", "import helpers; print(helpers.current_language())"],
                         capture_output=True, text=True, env=env, cwd=Path(__file__).parents[1], check=True)
    assert out.stdout.strip() == expected


def test_an_unknown_language_in_the_environment_warns_and_keeps_english():
    env = {**os.environ, "CRM_COURSE_LANG": "fr"}
    out = subprocess.run([sys.executable, "-c", "import helpers; print(helpers.current_language())"],
                         capture_output=True, text=True, env=env, cwd=Path(__file__).parents[1], check=True)
    assert out.stdout.strip() == "en" and "not a language of the course" in out.stderr
