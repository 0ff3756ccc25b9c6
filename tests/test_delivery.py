"""Classroom delivery without a browser: slides metadata, dashboards, lecturer guide, offline editions."""
import base64
import re
import struct

import nbformat
import pytest

from tools import course, dashboards, lecturer_guide, publish

NOTEBOOKS = course.course_notebooks()
ZH_NOTEBOOKS = publish.chinese_notebooks()


def test_dashboards_are_current():
    stale = [p.name for p in dashboards.stale()]
    assert stale == [], f"run `make nav`: stale dashboards {stale}"


def test_every_explorer_has_a_dashboard_and_a_slide_of_its_own():
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if "nbval-ignore-output" in cell.metadata.get("tags", []):
                assert cell.metadata["slideshow"]["slide_type"] == "slide", f"{path.name}: explorer not on its own slide"


def test_slide_rules():
    md = nbformat.v4.new_markdown_cell
    code = nbformat.v4.new_code_cell
    assert course.slide_type(md("<!-- navigation -->\n[x](y)")) == "skip"
    assert course.slide_type(md("## Retention economics")) == "slide"
    assert course.slide_type(md("**Exercise 2.** ...")) == "slide"
    assert course.slide_type(md("A paragraph.")) == "slide"  # no vertical sub-slides: → must reach it in RISE
    assert course.slide_type(code("x = 1")) == "-"
    assert course.slide_type(code("y = 2"), previous=code("x = 1")) == "slide"
    assert course.slide_type(code("y = 2"), previous=md("text " * 300)) == "slide"
    assert course.slide_type(code("y = 2"), previous=md("A short paragraph.")) == "-"
    assert course.slide_type(code("y = 2"), previous=code("x = 1", metadata={"tags": ["solution"]})) == "-"
    assert course.slide_type(code("import pandas as pd\nfrom helpers import plotting\n\nplotting.use_theme()")) == "skip"
    assert course.slide_tags(code("\n".join(["x = 1"] * 20))) == ["slide-hide-input"]
    assert course.slide_tags(code("x = 1", metadata={"tags": ["slide-hide-input"]})) == []
    assert course.slide_type(code("ex.q1.check(1)", metadata={"tags": ["solution"]})) == "skip"
    assert course.slide_type(code("views.x()", metadata={"tags": ["nbval-ignore-output"]})) == "slide"


def test_a_code_cell_gets_a_slide_of_its_own_when_the_text_above_leaves_its_figure_too_little_room():
    md = nbformat.v4.new_markdown_cell
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 800, 400) + b"\x08\x06\x00\x00\x00").decode()
    figure = nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})
    code = nbformat.v4.new_code_cell("\n".join(f"x{i} = {i}" for i in range(10)), outputs=[figure])
    text = md("## A section\n\n" + "A sentence of some length about customers. " * 25)  # short of LONG_TEXT_CHARS
    above = course.cell_height(text)
    assert len(text.source) < course.LONG_TEXT_CHARS and above + course.FIGURE_ROOM > course.SLIDE_ROOM - 240
    assert course.slide_type(code, previous=text, above=above) == "slide"
    assert course.code_height(code) >= course.FIGURE_ROOM  # the figure keeps its room, at most FIGURE_ROOM
    without = nbformat.v4.new_code_cell(code.source)
    assert course.slide_type(without, previous=text, above=above) == "-"
    # more text, more height; Chinese characters take two columns
    assert course.markdown_height("word " * 200) > course.markdown_height("word " * 20)
    assert course.markdown_height("字" * 100) > course.markdown_height("w" * 100)


def test_every_notebook_presents_the_same_way_in_rise():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.get("rise") == course.RISE, f"run `make nav`: {path.name} has stale RISE settings"
        for cell in nb.cells:
            assert cell.metadata.get("slideshow", {}).get("slide_type") != "subslide", \
                f"{path.name}: a sub-slide, which → skips in RISE"
            if cell.cell_type == "markdown":
                assert not any(re.match(r"^#{2,3} ", line) for line in cell.source.splitlines()[1:]), \
                    f"{path.name}: a heading in the middle of a cell, so its section starts mid-slide"


def test_lecturer_guide_is_current_and_linked_from_the_start():
    assert lecturer_guide.main(["--check"]) == 0, "run `python tools/lecturer_guide.py`"
    start = "\n".join(c.source for c in course.read(course.START).cells if c.cell_type == "markdown")
    assert "teaching/lecturer_guide.md" in start


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_has_teaching_notes_with_an_answer_per_question(path):
    notes = lecturer_guide.read_notes(path)
    assert set(lecturer_guide.SECTIONS) <= set(notes), f"{lecturer_guide.notes_path(path).name} needs {lecturer_guide.SECTIONS}"
    questions = lecturer_guide.discussion_questions(course.read(path))
    answers = lecturer_guide.model_answers(notes["Model answers"])
    assert len(questions) >= 3 and len(answers) == len(questions), \
        f"{path.name}: {len(questions)} discussion questions but {len(answers)} model answers"


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    return {kind: (out / kind, publish.build(kind, out / kind)) for kind in ("html", "slides")}


@pytest.mark.parametrize("kind", ["html", "slides"])
def test_editions_load_nothing_from_the_internet(editions, kind):
    _, pages = editions[kind]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        external = re.findall(r"""(?:src|href)\s*=\s*["'](https?://[^"']+)""", text)
        external += re.findall(r"""@import\s+url\(\s*["']?(https?://[^)"']+)""", text)
        external += re.findall(r"""import\s+\w+\s+from\s+["'](https?://[^"']+)""", text)
        assert external == [], f"{page.name} loads {external[:3]}"


@pytest.mark.parametrize("kind", ["html", "slides"])
def test_editions_have_every_page_and_their_local_assets(editions, kind):
    out, pages = editions[kind]
    assert (out / "index.html") in pages and (out / "zh" / "index.html") in pages
    assert len(ZH_NOTEBOOKS) == len(NOTEBOOKS) and len(pages) == len(NOTEBOOKS) + len(ZH_NOTEBOOKS) + 2
    for page in pages:
        for ref in re.findall(r"""(?:src|href)\s*=\s*["']([^"':#?]+\.(?:js|css|html))""", page.read_text(encoding="utf-8")):
            assert (page.parent / ref).exists(), f"{page.name} refers to missing {ref}"


def test_every_vendored_reveal_js_file_is_loaded_by_the_slides(editions):
    """tools/vendor keeps only what the decks use: the pages' links and the scripts they require(),
    then the style sheets' own @import and url() references, followed from file to file."""
    out, pages = editions["slides"]
    reveal = out / publish.STATIC / "reveal.js"
    local = r"""["']([^"'?#:]*%s/[^"'?#:]+)["'?#]""" % publish.STATIC  # a quoted path into the static folder
    todo = [(page.parent / ref).resolve() for page in pages for ref in re.findall(local, page.read_text(encoding="utf-8"))]
    loaded = set()
    while todo:
        path = todo.pop()
        if path in loaded or not path.is_file():
            continue
        loaded.add(path)
        if path.suffix == ".css":
            refs = re.findall(r"""url\(\s*["']?([^"')?#:]+)["')?#]""", path.read_text(encoding="utf-8"))
            todo += [(path.parent / ref).resolve() for ref in refs]
    vendored = {p.resolve() for p in reveal.rglob("*") if p.is_file() and p.name != "LICENSE"}
    assert sorted(p.relative_to(reveal.resolve()).as_posix() for p in vendored - loaded) == []


@pytest.mark.parametrize("kind", ["html", "slides"])
def test_chinese_edition_has_a_chinese_index_linked_both_ways(editions, kind):
    out, _ = editions[kind]
    english, chinese = (out / "index.html").read_text(encoding="utf-8"), (out / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in chinese and 'href="../index.html"' in chinese and 'href="zh/index.html"' in english
    assert "学习目标" in chinese and "分钟" in chinese and "minutes" not in chinese
    for path in ZH_NOTEBOOKS:
        assert course.title(course.read(path)) in chinese
        page = out / path.relative_to(course.ROOT).with_suffix(".html" if kind == "html" else ".slides.html")
        assert '<html lang="zh-CN">' in page.read_text(encoding="utf-8")[:200], f"{page.name}: not marked as Chinese"


def test_chinese_speaker_notes_and_snapshot_notes_are_in_chinese(editions):
    out, _ = editions["slides"]
    for path in ZH_NOTEBOOKS:
        text = (out / path.relative_to(course.ROOT).with_suffix(".slides.html")).read_text(encoding="utf-8")
        assert "Snapshot:" not in text and "Timing." not in text and "Misconceptions to expect" not in text
        assert '<aside class="notes">' in text and "时间安排" in text, f"{path.name}: no Chinese speaker notes"


def test_chinese_speaker_notes_come_from_zh_teaching_notes(tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "01_why_crm.md").write_text("<!-- english: teaching/notes/01_why_crm.md -->\n\n## 时间安排\n\n共 75 分钟。\n\n"
                                         "## 讨论题参考答案\n\n1. 甲\n\n## 常见误解\n\n- 乙\n", encoding="utf-8")
    monkeypatch.setattr(publish, "ZH_NOTES", notes)
    found = publish.read_notes(course.ROOT / "zh" / "notebooks" / "01_why_crm.ipynb")
    assert found == {"Timing": "共 75 分钟。", "Model answers": "1. 甲", "Common misconceptions": "- 乙"}


def test_chinese_decks_time_each_section_in_chinese(tmp_path, monkeypatch):
    """A Chinese deck takes each numbered section's timing from the Chinese notes ("第 3 节"), step by
    step and with the class length it belongs to; exercises in class likewise."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "06_probabilistic_clv.md").write_text(
        "<!-- english: x -->\n\n## 时间安排\n\n90 分钟的课：第 1–2 节 15 分钟（甲；乙）；模型 8 分钟（第 3 节）；"
        "练习 3 共 5 分钟。\n若为 60 分钟的课：第 1–2 节 10 分钟，第 3 节 5 分钟。\n\n## 讨论题参考答案\n\n1. 甲\n\n"
        "## 常见误解\n\n- 乙\n", encoding="utf-8")
    monkeypatch.setattr(publish, "ZH_NOTES", notes)
    path = course.ROOT / "zh" / "notebooks" / "06_probabilistic_clv.ipynb"
    nb = course.read(path)
    found = publish.speaker_notes(path, nb)
    by_heading = {nb.cells[i].source.splitlines()[0][:5]: text for i, text in found.items()}
    assert by_heading["## 3."] == "**本节时间安排。** \n\n- 90 分钟的课：模型 8 分钟（第 3 节）。\n- 60 分钟的课：第 3 节 5 分钟。"
    assert by_heading["## 2."] == "**本节时间安排。** \n\n- 90 分钟的课：第 1–2 节 15 分钟（甲；乙）。\n- 60 分钟的课：第 1–2 节 10 分钟。"
    assert "## 4." not in by_heading
    assert by_heading["## 练习"] == "**课堂练习。** \n\n- 90 分钟的课：练习 3 共 5 分钟。"


def test_chinese_speaker_notes_have_no_english_timing():
    """Every Chinese deck's speaker notes come from the Chinese notes: no English timing words, and
    the sections of the decks whose notes time them get their part in Chinese."""
    timed = 0
    for path in ZH_NOTEBOOKS:
        found = publish.speaker_notes(path, course.read(path))
        text = "\n".join(found.values())
        assert not re.search(r"\b(?:[Ss]ections?|minutes|Exercises?|Timing)\b", text), f"{path.name}: English in the notes"
        timed += sum(note.startswith("**本节时间安排。**") for note in found.values())
    assert timed >= 30, f"only {timed} Chinese per-section timing notes"


def test_html_edition_keeps_figures_and_widget_states(editions):
    out, _ = editions["html"]
    for path in NOTEBOOKS + ZH_NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        html = (out / path.relative_to(course.ROOT).with_suffix(".html")).read_text(encoding="utf-8")
        figures = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        assert html.count("data:image/png;base64") >= figures, f"{path.name}: figures missing"
        if "widgets" in nb.metadata:
            assert "application/vnd.jupyter.widget-state+json" in html, f"{path.name}: widget state missing"


def test_schedule_covers_every_notebook_once_and_fits_ninety_minutes():
    named = [p for live, assigned, _ in lecturer_guide.SCHEDULE for p in live + assigned]
    assert sorted(named) == sorted(p.relative_to(course.ROOT).as_posix() for p in NOTEBOOKS)
    for n, (live, _, _) in enumerate(lecturer_guide.SCHEDULE, 1):
        total = sum(lecturer_guide.minutes(course.estimated_time(course.read(course.ROOT / p))) for p in live)
        assert 0 < total <= lecturer_guide.SESSION_MINUTES, f"session {n}: {total} live minutes"


def test_slides_carry_speaker_notes_and_say_explorers_are_snapshots(editions):
    for kind in ("html", "slides"):
        out, pages = editions[kind]
        for path in NOTEBOOKS + ZH_NOTEBOOKS:
            suffix = ".slides.html" if kind == "slides" else ".html"
            text = (out / path.relative_to(course.ROOT).with_suffix(suffix)).read_text(encoding="utf-8")
            explorers = sum("nbval-ignore-output" in c.metadata.get("tags", [])
                            for c in nbformat.read(path, as_version=4).cells)
            assert text.count('class="crm-snapshot"') == explorers, f"{kind} {path.name}: a snapshot note per explorer"
            if kind == "slides":
                assert '<aside class="notes">' in text, f"{path.name}: no speaker notes"
                assert 'navigationMode: "linear"' in text
                assert "Safe" not in re.findall(r"MathJax\.js\?config=[^\"']*", text)[0]


# --- the Chinese lecturer guide (teaching/lecturer_guide.zh-CN.md, zh/teaching/notes/) -------------

ZH_NOTES = lecturer_guide.zh_notes_files()
NOTEBOOK_OF_NOTES = {lecturer_guide.notes_path(p).name: p for p in NOTEBOOKS}


def test_chinese_lecturer_guide_is_current():
    current = lecturer_guide.ZH_GUIDE.read_text(encoding="utf-8") if lecturer_guide.ZH_GUIDE.exists() else ""
    assert current == lecturer_guide.zh_guide(), "run `make nav`: teaching/lecturer_guide.zh-CN.md is stale"


@pytest.mark.parametrize("path", ZH_NOTES, ids=lambda p: p.name)
def test_chinese_notes_translate_the_current_english_notes(path):
    english = lecturer_guide.NOTES / path.name
    assert english.exists(), f"zh/teaching/notes/{path.name} has no English file teaching/notes/{path.name}"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert lecturer_guide.FINGERPRINT_LINE.match(first), \
        f"zh/teaching/notes/{path.name}: the first line must be <!-- english: FINGERPRINT -->"
    assert path.name not in lecturer_guide.stale_zh_notes(), (
        f"stale: zh/teaching/notes/{path.name} translates an older teaching/notes/{path.name}; translate the "
        f"changes, then set its first line to <!-- english: {lecturer_guide.english_fingerprint(english)} -->")


@pytest.mark.parametrize("path", [p for p in ZH_NOTES if p.name != "_presenting.md"], ids=lambda p: p.name)
def test_chinese_notes_have_the_sections_and_one_answer_per_question(path):
    assert path.name in NOTEBOOK_OF_NOTES, f"zh/teaching/notes/{path.name}: no notebook has notes of that name"
    notebook = NOTEBOOK_OF_NOTES[path.name]
    notes = lecturer_guide.read_notes(notebook, lecturer_guide.ZH_NOTES)
    missing = [h for h in lecturer_guide.ZH_SECTIONS if h not in notes]
    assert missing == [], f"zh/teaching/notes/{path.name}: missing the headings {['## ' + h for h in missing]}"
    answers = lecturer_guide.model_answers(notes["讨论题参考答案"])
    zh_nb = course.read(course.ROOT / "zh" / notebook.relative_to(course.ROOT))
    questions = lecturer_guide.discussion_questions(zh_nb, lecturer_guide.ZH_DISCUSSION_HEADING)
    assert len(answers) == len(questions), \
        f"zh/teaching/notes/{path.name}: {len(answers)} model answers for {len(questions)} discussion questions"


@pytest.mark.parametrize("path", ZH_NOTES, ids=lambda p: p.name)
def test_chinese_notes_use_the_readings_terms(path):
    from helpers.glossary import avoided

    text = path.read_text(encoding="utf-8")
    found = {bad: good for bad, good in avoided().items() if bad in text}
    assert found == {}, f"zh/teaching/notes/{path.name}: avoided terms (use the readings' term instead): {found}"


def test_chinese_guide_from_a_small_notes_folder(tmp_path):
    notebook = course.ROOT / "notebooks" / "03_classifying_stages.ipynb"
    zh_nb = course.read(course.ROOT / "zh" / "notebooks" / "03_classifying_stages.ipynb")
    questions = lecturer_guide.discussion_questions(zh_nb, lecturer_guide.ZH_DISCUSSION_HEADING)
    assert questions and len(questions) == len(lecturer_guide.discussion_questions(course.read(notebook)))
    english = lecturer_guide.NOTES / "03_classifying_stages.md"
    answers = "\n".join(f"{i}. 参考答案{i}号。" for i in range(1, len(questions) + 1))
    (tmp_path / "03_classifying_stages.md").write_text(
        f"<!-- english: {lecturer_guide.english_fingerprint(english)} -->\n# 教学笔记：03\n\n"
        f"## 时间安排\n\n测试用的时间安排。\n\n## 讨论题参考答案\n\n{answers}\n\n## 常见误解\n\n测试用的常见误解。\n",
        encoding="utf-8")
    assert lecturer_guide.stale_zh_notes(tmp_path) == []
    text = lecturer_guide.zh_guide(tmp_path)
    section = text.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    assert section.startswith("把客户划入生命周期阶段")
    assert "测试用的时间安排。" in section and "测试用的常见误解。" in section
    assert f"**{questions[0]}**\n\n   参考答案1号。" in section
    assert f"参考答案{len(questions)}号。" in section
    assert "预计用时：60 分钟" in section and "**学习目标：**" in section
    assert "*答案：*" in section and lecturer_guide.MISSING_ZH_NOTES not in section
    # the notebooks without Chinese notes say so instead of failing
    assert text.count(lecturer_guide.MISSING_ZH_NOTES) >= len(NOTEBOOKS) - 1
    # English exercise answers stay English outside the guide: the language is restored
    from helpers import language
    assert language.language() == "en"
    # a stale fingerprint is named
    (tmp_path / "01_why_crm.md").write_text("<!-- english: 000000000000 -->\n# 教学笔记\n", encoding="utf-8")
    assert lecturer_guide.stale_zh_notes(tmp_path) == ["01_why_crm.md"]


def test_the_english_guide_does_not_read_the_chinese_notes():
    assert "本讲的中文教学笔记" not in lecturer_guide.guide()


@pytest.mark.parametrize("notes", [p for p in sorted(publish.ZH_NOTES.glob("*.md")) if p.name != "_presenting.md"],
                         ids=lambda p: p.name)
def test_chinese_teaching_notes_match_their_deck(notes):
    """zh/teaching/notes/<name>.md as its Chinese deck reads it: the three Chinese headings and a
    model answer per discussion question of the Chinese notebook (the fingerprint line is checked
    by test_chinese_notes_translate_the_current_english_notes)."""
    decks = [p for p in ZH_NOTEBOOKS if publish.ZH_NOTES / lecturer_guide.notes_path(publish.english_source(p)).name == notes]
    assert len(decks) == 1, f"{notes.name} belongs to no Chinese notebook"
    found = publish.read_notes(decks[0])
    assert set(found) == set(publish.ZH_SECTIONS), f"{notes.name} needs ## {', ## '.join(publish.ZH_SECTIONS.values())}"
    text = "\n".join(c.source for c in course.read(decks[0]).cells if c.cell_type == "markdown")
    questions = re.findall(r"^\d+\.\s", text.split("## 讨论题", 1)[1].split("\n## ", 1)[0], flags=re.M)
    assert len(lecturer_guide.model_answers(found["Model answers"])) == len(questions) >= 3
