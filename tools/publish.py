"""The static editions of the course: an HTML site and reveal.js slide decks, both fully offline.

Every script and style sheet comes from ``tools/vendor/`` (reveal.js, require.js, jQuery,
MathJax 2 and the Jupyter widgets HTML manager), copied next to the pages, so the editions open
from a USB stick in a classroom without internet. Saved widget states (stored in the notebooks)
are shown as they were when the notebook last ran.

Usage::

    python tools/publish.py html   [--out build/html]     # the course as a website, with an index
    python tools/publish.py slides [--out build/slides]   # one deck per notebook, with an index

Both build the English edition and the Chinese one (zh/, tools/chinese_edition.py) into
``<out>/zh/``, with a Chinese index; texts come from the catalogue (helpers/texts/publish.toml).
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from nbconvert.preprocessors import TagRemovePreprocessor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import language as lang  # noqa: E402
from tools import chinese_edition, course, lecturer_guide  # noqa: E402

VENDOR = Path(__file__).resolve().parent / "vendor"
DECK = Path(__file__).resolve().parent / "deck"
STATIC = "_static"
SLIDE = {"width": 1280, "height": 720}  # 16:9; reveal.js scales it to the screen
SNAPSHOT = ('<div class="crm-snapshot" style="color:#7a4b00;background:#fff4dc;border-left:4px solid #e0a100;'
            'padding:4px 10px;margin:4px 0">{}</div>')
#: The Chinese edition: zh/ (tools/chinese_edition.py), built into <out>/zh/
ZH = course.ROOT / "zh"
#: Chinese speaker notes, by hand: zh/teaching/notes/<name>.md (the English notes' name), with the
#: headings below; a deck without them gets the English notes
ZH_NOTES = ZH / "teaching" / "notes"
ZH_SECTIONS = {"Timing": "时间安排", "Model answers": "讨论题参考答案", "Common misconceptions": "常见误解"}
#: The headings speaker notes attach to, by language: title, objectives, discussion, exercises
HEADINGS = {"en": (course.OBJECTIVES_HEADING, "## Questions for discussion", "## Exercises"),
            "zh": ("## 学习目标", "## 讨论题", "## 练习")}
# reveal.js options beyond what nbconvert's template sets: → walks every slide, vertical ones too
REVEAL_OPTIONS = 'navigationMode: "linear", center: false, margin: 0.02, minScale: 0.2, hash: true,'


def _urls(prefix: str) -> dict:
    """nbconvert's asset URLs, pointed at the local copies (``prefix`` leads back to the root)."""
    s = f"{prefix}{STATIC}"
    return {
        "require_js_url": f"{s}/require.js",
        "jquery_url": f"{s}/jquery.min.js",
        # TeX-AMS_CHTML-full only: the Safe extension is not vendored (asking for it was a 404)
        "mathjax_url": f"{s}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full",
        "widget_renderer_url": f"{s}/html-manager/embed-amd.js",
        # no mermaid: the course has no diagrams and _without_mermaid drops the template's import
        "mermaid_js_url": "",
        "mermaid_layout_elk_js_url": "",
    }


def _copy_static(out: Path) -> None:
    target = out / STATIC
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(VENDOR, target)


MERMAID = re.compile(r"<script type=\"module\">\s*import mermaid from [^<]*</script>")


def _without_mermaid(text: str) -> str:
    """nbconvert's templates import mermaid as a module script; a browser refuses module scripts
    from file:// pages (a console error), and the course has no diagrams: the import is dropped."""
    return MERMAID.sub("", text)


def _local_links(text: str, suffix: str) -> str:
    """Links between notebooks (``x.ipynb``) point to the matching pages (``x.html``)."""
    return re.sub(r'href="(?!https?:)([^"#]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}{suffix}{m.group(2) or ""}"', text)


def _note_cell(text: str):
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["slideshow"] = {"slide_type": "notes"}
    return cell


#: How timing notes name a section or a range of them, by language: "section 3", "sections 1–2";
#: "第 3 节", "第 1–2 节", "第 6、7 节"
SECTION_REFERENCE = {"en": re.compile(r"sections?\s+(\d+)(?:\s*(?:[–-]|and|to)\s*(\d+))?"),
                     "zh": re.compile(r"第\s*(\d+)(?:\s*(?:[–-]|、|和|至|到)\s*(?:第\s*)?(\d+))?\s*节")}
#: The start of a Chinese timing plan: "90 分钟的课：", "按 90 分钟一次课安排：", "若为 60 分钟的课："
ZH_PLAN = re.compile(r"^(?:按|若为|若是|如为)?\s*(\d+)\s*分钟(?:的课|一次课安排)[^：]{0,40}：\s*")


def _zh_split(text: str, stops: str, before_section: bool = False) -> list[str]:
    """``text`` cut after each character of ``stops`` outside brackets (the brackets hold the details
    of one step), and with ``before_section`` also at a ， that starts the next section (，第 3 节)."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in stops or (before_section and ch == "，" and re.match(r"\s*第\s*\d", text[i + 1:]))):
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _zh_clauses(timing: str) -> list[str]:
    """A Chinese timing note cut into its steps, each with the class length it plans for.

    Sentences are cut into steps at ；outside brackets. A sentence that opens a plan ("90 分钟的课：",
    "若为 60 分钟的课：") is also cut at a ， before the next section, and each of its steps gets
    "90 分钟的课：" in front; the exercise answers (练习答案……) stay whole.

    >>> _zh_clauses("90 分钟的课：第 1 节 10 分钟（甲；乙）；练习 1。练习 2 可留作作业。练习答案：1 甲；2 乙。"
    ...             "若为 60 分钟的课：第 1 节 5 分钟，第 2 节 5 分钟。")  # doctest: +NORMALIZE_WHITESPACE
    ['90 分钟的课：第 1 节 10 分钟（甲；乙）', '90 分钟的课：练习 1', '练习 2 可留作作业', '练习答案：1 甲；2 乙',
     '60 分钟的课：第 1 节 5 分钟', '60 分钟的课：第 2 节 5 分钟']
    """
    text = re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])", "", timing)
    text = re.sub(r"\s*\n\s*", " ", text)
    clauses = []
    for sentence in _zh_split(text, "。"):
        if m := ZH_PLAN.match(sentence):
            plan = f"{m.group(1)} 分钟的课："
            clauses += [plan + step for step in _zh_split(sentence[m.end():], "；", before_section=True)]
        elif sentence.startswith("练习答案"):
            clauses.append(sentence)
        else:
            clauses += _zh_split(sentence, "；")
    return clauses


def _section_timing(timing: str, number: int, language: str = "en") -> list[str]:
    """The sentences of a notebook's timing notes that speak of section ``number`` (in Chinese:
    the clauses, each with its class length, :func:`_zh_clauses`).

    >>> _section_timing("15 minutes for sections 1-2; 8 minutes for section 3.", 3)
    ['8 minutes for section 3.']
    >>> _section_timing("90 分钟的课：第 1–2 节 15 分钟；第 3 节 8 分钟（先猜）。", 2, "zh")
    ['90 分钟的课：第 1–2 节 15 分钟']
    """
    pieces = (_zh_clauses(timing) if language == "zh"
              else re.split(r"(?<=[.;])\s+|,\s+(?=\d+\s+minutes)", timing))
    found = []
    for piece in pieces:
        for a, b in SECTION_REFERENCE[language].findall(piece):
            if int(a) <= number <= int(b or a):
                found.append(piece.strip())
                break
    return found


def _exercise_timing(timing: str, language: str = "en") -> list[str]:
    """The sentences (Chinese: clauses, :func:`_zh_clauses`) of the timing notes about exercises."""
    if language == "zh":
        return [p for p in _zh_clauses(timing) if "练习" in p]
    return [p.strip() for p in re.split(r"(?<=[.;。；])\s*", timing) if "Exercise" in p]


def _joined(parts: list[str], language: str) -> str:
    """Timing sentences as one note: run on in English, one line each in Chinese."""
    return "\n\n" + "\n".join(f"- {p}。" for p in parts) if language == "zh" else " ".join(parts)


def edition_language(path: Path) -> str:
    """``"zh"`` for a notebook of the Chinese edition (under zh/), else ``"en"``."""
    return "zh" if path.resolve().is_relative_to(ZH) else "en"


def english_source(path: Path) -> Path:
    """The English notebook a Chinese one is generated from (the path itself for an English one)."""
    return course.ROOT / path.resolve().relative_to(ZH) if edition_language(path) == "zh" else path


def read_notes(path: Path) -> dict[str, str]:
    """The teaching notes for the deck of ``path``: for a Chinese notebook, zh/teaching/notes/<name>.md
    (first line ``<!-- english: ... -->``, headings ``## 时间安排``, ``## 讨论题参考答案``,
    ``## 常见误解``) under the English section names, or the English notes if it has none."""
    english = english_source(path)
    zh_file = ZH_NOTES / lecturer_guide.notes_path(english).name
    if edition_language(path) == "zh" and zh_file.exists():
        parts = re.split(r"^## ", zh_file.read_text(encoding="utf-8"), flags=re.M)
        found = {}
        for part in parts[1:]:
            heading, _, body = part.partition("\n")
            for en, zh in ZH_SECTIONS.items():
                if heading.strip() == zh:
                    found[en] = body.strip()
        return found
    return lecturer_guide.read_notes(english)


def speaker_notes(path: Path, nb) -> dict[int, str]:
    """Speaker notes (markdown) by cell index, from ``teaching/notes/<notebook>.md``: the timing on
    the title slide, the common misconceptions with the learning objectives, each numbered section's
    part of the timing on its slide, the model answers with the discussion questions."""
    notes = read_notes(path)
    timing = notes.get("Timing", "")
    language = edition_language(path)
    objectives, discussion, exercises = HEADINGS[language]

    def label(key: str) -> str:  # in the deck's language, whatever the course's language is now
        return lang.texts(f"publish.{key}")[lang.LANGUAGES.index(language)]

    found = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        if first.startswith("# ") and timing:
            found[i] = label("timing") + timing
        elif first.startswith(objectives) and notes.get("Common misconceptions"):
            found[i] = label("misconceptions") + "\n\n" + notes["Common misconceptions"]
        elif first.startswith(discussion) and notes.get("Model answers"):
            found[i] = label("model_answers") + "\n\n" + notes["Model answers"]
        elif (m := re.match(r"^## (\d+)\.", first)) and timing:
            parts = _section_timing(timing, int(m.group(1)), language)
            if parts:
                found[i] = label("timing_section") + _joined(parts, language)
        elif first.startswith(exercises) and timing:
            parts = _exercise_timing(timing, language)
            if parts:
                found[i] = label("exercises_in_class") + _joined(parts, language)
    return found


def prepare(path: Path, kind: str):
    """The notebook as an edition shows it: every saved explorer says it is a snapshot; the slides
    also get speaker notes from the teaching notes."""
    nb = nbformat.read(path, as_version=4)
    notes = speaker_notes(path, nb) if kind == "slides" else {}
    cells = []
    for i, cell in enumerate(nb.cells):
        cells.append(cell)
        if i in notes:
            cells.append(_note_cell(notes[i]))
        if cell.cell_type == "code" and "nbval-ignore-output" in cell.metadata.get("tags", []):
            note = nbformat.v4.new_markdown_cell(SNAPSHOT.format(lang.text("publish.snapshot")))
            note.metadata["slideshow"] = {"slide_type": "-"}
            cells.append(note)
    nb.cells = cells
    return nb


def _deck_page(body: str) -> str:
    """reveal.js set for the lecture hall: linear navigation, the course's CSS, slides fitted."""
    for anchor in ("Reveal.initialize({", "Reveal.addEventListener('slidechanged', update);", "</head>"):
        if anchor not in body:  # nbconvert's reveal template changed: fail loudly, not silently
            raise RuntimeError(f"nbconvert's slides template has no {anchor!r}: update tools/publish.py")
    body = body.replace("Reveal.initialize({", "window.Reveal = Reveal;\n        Reveal.initialize({\n            " + REVEAL_OPTIONS, 1)
    fit = ("Reveal.on('ready', function (e) { crmFit(Reveal, e.currentSlide); });\n"
           "        Reveal.on('slidechanged', function (e) { crmFit(Reveal, e.currentSlide); });\n"
           "        window.addEventListener('load', function () { crmFitSlide(Reveal, Reveal.getCurrentSlide()); });\n"
           "        Reveal.addEventListener('slidechanged', update);")
    body = body.replace("Reveal.addEventListener('slidechanged', update);", fit, 1)
    # nbconvert's own scroll helper only looks at vertical sub-slides; crmFitSlide replaces it
    body = body.replace("Reveal.addEventListener('slidechanged', setScrollingSlide);", "", 1)
    style = f"<style>\n{(DECK / 'deck.css').read_text(encoding='utf-8')}</style>\n"
    script = f"<script>\n{(DECK / 'deck.js').read_text(encoding='utf-8')}</script>\n"
    return body.replace("</head>", style + script + "</head>", 1)


def _index(out: Path, title: str, pages: list[tuple[Path, str]], intro: str, other: str) -> Path:
    """The edition's index page in the current language; ``other`` links the other language's index."""
    rows = []
    zh = lang.language() == "zh"
    for path, href in pages:
        nb = course.read(path)
        if zh:
            english = course.read(english_source(path))
            learn_items = chinese_edition.chinese_objectives(english, nb)
            time = chinese_edition.minutes(course.estimated_time(english))
        else:
            learn_items, time = course.objectives(nb), course.estimated_time(nb)
        learn = "".join(f"<li>{html.escape(o)}</li>" for o in learn_items)
        rows.append(f'<tr><td><a href="{href}">{html.escape(course.title(nb))}</a></td>'
                    f"<td><ul>{learn}</ul></td><td>{html.escape(time)}</td></tr>")
    page = out / "index.html"
    page.write_text(f"""<!DOCTYPE html>
<html lang="{'zh-CN' if zh else 'en'}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}}
td{{vertical-align:top;padding:6px;border-bottom:1px solid #ddd}} ul{{margin:0}}</style></head>
<body><p class="crm-language"><a href="{other}">{lang.text("publish.other_language")}</a></p>
<h1>{html.escape(title)}</h1><p>{intro}</p>
<table><tr><th>{lang.text("publish.col_notebook")}</th><th>{lang.text("publish.col_learn")}</th><th>{lang.text("publish.col_time")}</th></tr>
{''.join(rows)}</table></body></html>
""", encoding="utf-8")
    return page


def chinese_notebooks() -> list[Path]:
    """The Chinese edition's notebooks, in the English reading order (those that exist in zh/)."""
    return [z for p in course.course_notebooks() if (z := chinese_edition.chinese_path(p)).exists()]


def build(kind: str, out: Path, notebooks: list[Path] | None = None) -> list[Path]:
    """Build the ``"html"`` or ``"slides"`` edition into ``out``; return the pages written. By
    default both languages: the English notebooks with ``out/index.html``, the Chinese edition
    (zh/) in ``out/zh/`` with ``out/zh/index.html``; each index links the other."""
    notebooks = notebooks or course.course_notebooks() + chinese_notebooks()
    out.mkdir(parents=True, exist_ok=True)
    _copy_static(out)
    written = []
    before = lang.language()
    try:
        for language in lang.LANGUAGES:
            mine = [p for p in notebooks if edition_language(p) == language]
            if mine:
                lang.set_language(language)
                written += _build_edition(kind, out, mine)
    finally:
        lang.set_language(before)
    return written


def _build_edition(kind: str, out: Path, notebooks: list[Path]) -> list[Path]:
    """One language's pages (the current language) and its index."""
    suffix = ".html" if kind == "html" else ".slides.html"
    written, pages = [], []
    zh = lang.language() == "zh"
    home = out / "zh" if zh else out
    for path in notebooks:
        rel = path.relative_to(course.ROOT)
        target = out / rel.with_suffix(suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        prefix = "../" * (len(rel.parts) - 1)
        if kind == "html":
            exporter = HTMLExporter(template_name="lab", **_urls(prefix))
        else:
            exporter = SlidesExporter(reveal_url_prefix=f"{prefix}{STATIC}/reveal.js", reveal_scroll=True, reveal_theme="white",
                                      reveal_width=str(SLIDE["width"]), reveal_height=str(SLIDE["height"]),
                                      reveal_transition="none", **_urls(prefix))
            # long code (tagged by `make nav`, tools/course.py) shows its output only on a slide
            exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags={course.HIDE_INPUT_TAG}), enabled=True)
        body, _ = exporter.from_notebook_node(prepare(path, kind),
                                              resources={"metadata": {"name": course.title(course.read(path))}})
        if kind == "slides":
            body = _deck_page(body)
        if zh:
            body = body.replace('<html lang="en">', '<html lang="zh-CN">', 1)
            body = re.sub(r"<html(?![^>]*\blang=)", '<html lang="zh-CN"', body, count=1)
        target.write_text(_local_links(_without_mermaid(body), suffix), encoding="utf-8")
        written.append(target)
        pages.append((path, target.relative_to(home).as_posix()))
    other = "../index.html" if zh else "zh/index.html"
    key = "html" if kind == "html" else "slides"
    written.append(_index(home, lang.text(f"publish.{key}_title"), pages, lang.text(f"publish.{key}_intro"), other))
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["html", "slides"])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these notebooks (default: all)")
    args = parser.parse_intermixed_args(argv)
    out = args.out or course.ROOT / "build" / args.kind
    pages = build(args.kind, out, [p.resolve() for p in args.notebooks] or None)
    indexes = " and ".join(str(p) for p in pages if p.name == "index.html")
    print(f"wrote {len(pages)} pages to {out}; open {indexes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
