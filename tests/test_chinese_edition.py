"""The Chinese edition (zh/, tools/chinese_edition.py): complete, current, same code, the readings' terms.

The first tests run on every translation in zh/translations/; the rest run the tool on a tiny
translation of the first two notebooks written to a temporary folder.
"""
import copy
import re
from pathlib import Path

import nbformat
import pytest

from helpers.glossary import avoided
from tools import chinese_edition as ce
from tools import course

TRANSLATED = ce.translated()
IDS = [str(p.relative_to(course.ROOT)) for p in TRANSLATED]
#: Cells that teach the forms to avoid, so their Chinese text names them: (notebook, cell id).
TEACHES_AVOIDED_FORMS = {
    ("notebooks/00_start_here.ipynb", "62afc005"),  # the glossary: what its column "Avoid" means
}


@pytest.fixture(params=TRANSLATED, ids=IDS, scope="module")
def translation(request):
    path = request.param
    return path, course.read(path), ce.load(ce.translation_file(path))


def avoided_forms(text):
    return sorted(bad for bad in avoided() if bad in text)


# --- the real translations ---------------------------------------------------------------------

def test_every_english_text_cell_is_translated(translation):
    path, nb, entries = translation
    assert ce.missing(nb, entries) == [], (
        f"{path.relative_to(course.ROOT)}: markdown cells without a translation in "
        f"{ce.translation_file(path).relative_to(course.ROOT)}: {ce.missing(nb, entries)}")


def test_no_translation_is_of_an_older_english_text(translation):
    path, nb, entries = translation
    old = ce.stale(nb, entries)
    assert old == [], (
        f"{path.relative_to(course.ROOT)}: the English of these cells changed after they were translated "
        f"(cell id, English now): {old}. Bring the Chinese in line, then set its english = to the new "
        f"fingerprint (tools.chinese_edition.fingerprint of the cell's source)")


def test_the_chinese_notebooks_are_what_the_tool_generates_now():
    stale = [str(p.relative_to(course.ROOT)) for p in ce.stale_files()]
    assert stale == [], f"run `make nav`: stale Chinese notebooks {stale}"


def test_code_cells_are_the_english_ones_with_the_language_cell(translation):
    path, nb, _ = translation
    zh = course.read(ce.chinese_path(path))
    english = [(c.id, c.source) for c in nb.cells if c.cell_type == "code"]
    chinese = [(c.id, c.source) for c in zh.cells if c.cell_type == "code"]
    assert chinese == [(ce.LANGUAGE_CELL_ID, ce.LANGUAGE_SOURCE)] + english


def test_chinese_text_uses_no_form_the_glossary_avoids(translation):
    path, _, entries = translation
    name = path.relative_to(course.ROOT).as_posix()
    found = {i: avoided_forms(e["zh"]) for i, e in entries.items() if (name, i) not in TEACHES_AVOIDED_FORMS}
    zh = course.read(ce.chinese_path(path))
    found |= {f"{c.id} (generated)": avoided_forms(c.source) for c in zh.cells
              if c.cell_type == "markdown" and (name, c.id) not in TEACHES_AVOIDED_FORMS}
    found = {i: forms for i, forms in found.items() if forms}
    assert found == {}, (f"{name}: forms the glossary avoids, by cell (use the readings' term, "
                         f"helpers.glossary.avoided()): {found}")


def test_the_chinese_notebooks_ran_cleanly(translation):
    path, _, _ = translation
    zh = course.read(ce.chinese_path(path))
    code = [c for c in zh.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    errors = [c.id for c in code if any(o.output_type == "error" for o in c.outputs)]
    where = ce.chinese_path(path).relative_to(course.ROOT)
    assert counts == list(range(1, len(code) + 1)) and errors == [], \
        f"{where}: execution counts {counts}, errors in {errors}; run `make execute NB={where}`"


def test_no_translation_is_left_over():
    assert ce.orphan_files() == [], "translations of notebooks that no longer exist"
    unknown = {str(p.relative_to(course.ROOT)): ce.unknown(course.read(p), ce.load(ce.translation_file(p)))
               for p in TRANSLATED}
    assert {k: v for k, v in unknown.items() if v} == {}, \
        "translations of cells the English notebooks no longer have as text cells (cell ids)"


def test_english_code_never_fixes_the_language():
    """The Chinese edition runs the English code after switching to Chinese: a cell that switches
    to a language named in the code (``plotting.use_language("en")``) would turn the rest of the
    Chinese notebook English. Save ``plotting.language()`` and switch back to it instead."""
    fixed = re.compile(r"""(?:use|set)_language\(\s*["']""")
    found = [(p.name, c.id) for p in course.course_notebooks() for c in course.read(p).cells
             if c.cell_type == "code" and fixed.search(c.source)]
    assert found == [], f"cells that switch to a fixed language: {found}"


# --- the tool, on a tiny translation in a temporary folder ---------------------------------------

def tiny_translation(path: Path, folder: Path, skip=()) -> Path:
    """A translation of every text cell: the title and objectives in Chinese, the rest marked."""
    lines = ["# 中文版 (test)"]
    for i, cell in ce.translatable(course.read(path)).items():
        if i in skip:
            continue
        if cell.source.startswith("# "):
            zh = f"# 中文标题{path.stem[:2]}"
        elif course.OBJECTIVES_HEADING in cell.source:
            zh = "## 学习目标\n\n- 目标一\n- 目标二\n- 目标三"
        else:
            zh = "【中文】" + cell.source
        assert "'''" not in zh
        lines.append(f'\n["{i}"]\nenglish = "{ce.fingerprint(cell.source)}"\nzh = \'\'\'\n{zh}\n\'\'\'')
    target = ce.translation_file(path, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


START, WHY = course.course_notebooks()[:2]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """Tiny translations of notebooks 00 and 01 and the Chinese notebooks made from them."""
    root = tmp_path_factory.mktemp("zh")
    translations, out = root / "translations", root / "zh"
    for path in (START, WHY):
        tiny_translation(path, translations)
    written = ce.update(translations, out)
    return translations, out, written


def test_the_tool_writes_one_chinese_notebook_per_translation(edition):
    translations, out, written = edition
    assert written == [out / "notebooks" / "00_start_here.ipynb", out / "notebooks" / "01_why_crm.ipynb"]
    assert ce.stale_files(translations, out) == [] and ce.problems(translations) == []
    assert ce.update(translations, out) == [], "a second run changes nothing"


def test_generated_cells_keep_ids_and_take_the_chinese_text(edition):
    translations, out, _ = edition
    english, zh = course.read(START), course.read(out / "notebooks" / "00_start_here.ipynb")
    assert [c.id for c in zh.cells] == [english.cells[0].id, ce.LANGUAGE_CELL_ID] + [c.id for c in english.cells[1:]]
    language = zh.cells[1]
    assert language.source == 'import helpers\nhelpers.set_language("zh")'
    assert language.metadata == {"tags": ["language"], "slideshow": {"slide_type": "skip"}}
    assert course.title(zh) == "中文标题00"
    entries = ce.load(ce.translation_file(START, translations))
    for en, cell in zip(english.cells[1:], zh.cells[2:]):
        assert cell.metadata == en.metadata
        if cell.cell_type == "code":
            assert cell.source == en.source
        elif not ce.is_generated(en) and "](" not in en.source:
            assert cell.source == entries[en.id]["zh"].strip("\n")
    assert zh.metadata["crm_edition"] == {"language": "zh-CN", "english": "notebooks/00_start_here.ipynb"}
    assert zh.metadata["kernelspec"] == english.metadata["kernelspec"]


def test_chinese_navigation_and_course_map(edition):
    _, out, _ = edition
    start, why = course.read(out / "notebooks" / "00_start_here.ipynb"), course.read(out / "notebooks" / "01_why_crm.ipynb")
    assert start.cells[0].source == "<!-- navigation -->\n[中文标题01 ▶](01_why_crm.ipynb)"
    assert why.cells[0].source == why.cells[-1].source == \
        "<!-- navigation -->\n[◀ 中文标题00](00_start_here.ipynb) · [目录](00_start_here.ipynb)"
    course_map = next(c.source for c in start.cells if c.source.startswith(course.MAP_MARKER))
    rows = course_map.splitlines()
    assert rows[1] == "| # | 笔记本 | 学习目标 | 时间 |"
    assert rows[3].startswith("| 0 | [中文标题00](00_start_here.ipynb) | 目标一；目标二；目标三 | ")
    assert rows[3].endswith(" 分钟 |")
    assert "(../../notebooks/02_lifecycle_stage_models.ipynb)（尚未翻译，英文版）" in rows[5]
    assert len(rows) == 3 + len(course.course_notebooks())


def test_links_point_from_zh(edition):
    _, out, _ = edition
    why = course.read(out / "notebooks" / "01_why_crm.ipynb")
    links = {m for c in why.cells if c.cell_type == "markdown" for m in re.findall(r"\]\(([^)]+)\)", c.source)}
    assert "../../teaching/sources.md" in links and "../teaching/sources.md" not in links
    text = "[a](01_why_crm.ipynb#top) [b](../teaching/lecturer_guide.md) [c](../casestudies/xiaomi/01_company_and_idic.ipynb) " \
           "[d](https://example.org/x.md) [e](#here) ![f](../datasets/xiaomi/README.md) <a href=\"../README.md\">g</a>"
    guide, readme = course.ROOT / "teaching" / "lecturer_guide.md", course.ROOT / "README.md"
    without = ce.rewrite_links(text, START, {START, WHY}, {})
    assert without == ("[a](01_why_crm.ipynb#top) [b](../../teaching/lecturer_guide.md) "
                       "[c](../../casestudies/xiaomi/01_company_and_idic.ipynb) [d](https://example.org/x.md) [e](#here) "
                       "![f](../../datasets/xiaomi/README.md) <a href=\"../../README.md\">g</a>")
    localised = {guide: guide.with_name("lecturer_guide.zh-CN.md"), readme: readme.with_name("README.zh-CN.md")}
    with_them = ce.rewrite_links(text, START, {START}, localised)
    assert "[a](../../notebooks/01_why_crm.ipynb#top)" in with_them
    assert "[b](../../teaching/lecturer_guide.zh-CN.md)" in with_them and 'href="../../README.zh-CN.md"' in with_them


def test_an_edited_english_sentence_makes_its_translation_stale(edition, tmp_path):
    translations, _, _ = edition
    entries = ce.load(ce.translation_file(START, translations))
    copy_path = tmp_path / "00_start_here.ipynb"
    nb = course.read(START)
    cell = next(c for c in nb.cells if c.source.startswith("## How to use this course"))
    assert ce.stale(nb, entries) == []
    cell.source = cell.source.replace("Open the notebooks in order.", "Open the notebooks in any order.", 1)
    nbformat.write(nb, copy_path)
    [(cell_id, words)] = ce.stale(course.read(copy_path), entries)
    assert cell_id == cell.id and words.startswith("## How to use this course")


def test_missing_unknown_and_orphan_translations_are_reported(tmp_path):
    tiny_translation(START, tmp_path, skip={"aa470aef"})
    with ce.translation_file(START, tmp_path).open("a", encoding="utf-8") as f:
        f.write('\n["0000dead"]\nenglish = "000000000000"\nzh = \'\'\'不存在的单元格\'\'\'\n')
    gone = tmp_path / "notebooks" / "99_gone.toml"
    gone.write_text('["x"]\nenglish = "0"\nzh = "x"\n', encoding="utf-8")
    found = ce.problems(tmp_path)
    assert any("99_gone.toml" in line for line in found)
    assert any("cell aa470aef has no translation" in line for line in found)
    assert any("cell 0000dead" in line for line in found)
    assert ce.orphan_files(tmp_path) == [gone]


def test_a_bad_translation_file_is_named(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('["abc"]\nzh = "no fingerprint"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml: cell 'abc' needs english"):
        ce.load(bad)


def test_outputs_are_kept_up_to_the_first_changed_code_cell(edition):
    _, out, _ = edition
    old = course.read(out / "notebooks" / "00_start_here.ipynb")
    code = [c for c in old.cells if c.cell_type == "code"]
    for n, cell in enumerate(code, start=1):
        cell.execution_count = n
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"out {n}\n")]
    old.metadata["widgets"] = {"state": "saved"}
    new = copy.deepcopy(old)
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    new.metadata.pop("widgets")
    changed = [c for c in new.cells if c.cell_type == "code"][3]
    changed.source += "\n# changed"
    ce.keep_outputs(new, old)
    counts = [c.execution_count for c in new.cells if c.cell_type == "code"]
    assert counts == [1, 2, 3] + [None] * (len(code) - 3)
    assert new.metadata["widgets"] == {"state": "saved"}


def test_a_stale_or_leftover_chinese_notebook_is_found_and_updated(edition, tmp_path):
    translations, out, _ = edition
    target = tmp_path / "zh"
    ce.update(translations, target)
    page = target / "notebooks" / "01_why_crm.ipynb"
    nb = course.read(page)
    nb.cells[3].source = "改过的文字"
    nbformat.write(nb, page)
    leftover = target / "casestudies" / "xiaomi" / "01_company_and_idic.ipynb"
    leftover.parent.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), leftover)
    assert ce.stale_files(translations, target) == [page, leftover]
    assert ce.update(translations, target) == [page, leftover]
    assert not leftover.exists() and ce.stale_files(translations, target) == []
