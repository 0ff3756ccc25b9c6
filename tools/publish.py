"""The static editions of the course: an HTML site and reveal.js slide decks, both fully offline.

Every script and style sheet comes from ``tools/vendor/`` (reveal.js, require.js, jQuery,
MathJax 2 and the Jupyter widgets HTML manager), copied next to the pages, so the editions open
from a USB stick in a classroom without internet. Saved widget states (stored in the notebooks)
are shown as they were when the notebook last ran.

Usage::

    python tools/publish.py html   [--out build/html]     # the course as a website, with an index
    python tools/publish.py slides [--out build/slides]   # one deck per notebook, with an index
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
from tools import course, lecturer_guide  # noqa: E402

VENDOR = Path(__file__).resolve().parent / "vendor"
DECK = Path(__file__).resolve().parent / "deck"
STATIC = "_static"
SLIDE = {"width": 1280, "height": 720}  # 16:9; reveal.js scales it to the screen
SNAPSHOT = ('<div class="crm-snapshot" style="color:#7a4b00;background:#fff4dc;border-left:4px solid #e0a100;'
            'padding:4px 10px;margin:4px 0"><b>Snapshot:</b> the figure does not follow the sliders here. '
            "Run the notebook in JupyterLab, RISE or Voilà (<code>make dashboards</code>) for the live explorer.</div>")
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


def _section_timing(timing: str, number: int) -> list[str]:
    """The sentences of a notebook's timing notes that speak of section ``number``."""
    found = []
    for piece in re.split(r"(?<=[.;])\s+|,\s+(?=\d+\s+minutes)", timing):
        for a, b in re.findall(r"sections?\s+(\d+)(?:\s*(?:[–-]|and|to)\s*(\d+))?", piece):
            if int(a) <= number <= int(b or a):
                found.append(piece.strip())
                break
    return found


def speaker_notes(path: Path, nb) -> dict[int, str]:
    """Speaker notes (markdown) by cell index, from ``teaching/notes/<notebook>.md``: the timing on
    the title slide, the common misconceptions with the learning objectives, each numbered section's
    part of the timing on its slide, the model answers with the discussion questions."""
    notes = lecturer_guide.read_notes(path)
    timing = notes.get("Timing", "")
    found = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        if first.startswith("# ") and timing:
            found[i] = "**Timing.** " + timing
        elif first.startswith(course.OBJECTIVES_HEADING) and notes.get("Common misconceptions"):
            found[i] = "**Misconceptions to expect.**\n\n" + notes["Common misconceptions"]
        elif first.startswith("## Questions for discussion") and notes.get("Model answers"):
            found[i] = "**Model answers.**\n\n" + notes["Model answers"]
        elif (m := re.match(r"^## (\d+)\.", first)) and timing:
            parts = _section_timing(timing, int(m.group(1)))
            if parts:
                found[i] = "**Timing, this section.** " + " ".join(parts)
        elif first.startswith("## Exercises") and timing:
            parts = [p.strip() for p in re.split(r"(?<=[.;])\s+", timing) if "Exercise" in p]
            if parts:
                found[i] = "**Exercises in class.** " + " ".join(parts)
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
            note = nbformat.v4.new_markdown_cell(SNAPSHOT)
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


def _index(out: Path, title: str, pages: list[tuple[Path, str]], intro: str) -> Path:
    rows = []
    for path, href in pages:
        nb = course.read(path)
        learn = "".join(f"<li>{html.escape(o)}</li>" for o in course.objectives(nb))
        rows.append(f'<tr><td><a href="{href}">{html.escape(course.title(nb))}</a></td>'
                    f"<td><ul>{learn}</ul></td><td>{html.escape(course.estimated_time(nb))}</td></tr>")
    page = out / "index.html"
    page.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}}
td{{vertical-align:top;padding:6px;border-bottom:1px solid #ddd}} ul{{margin:0}}</style></head>
<body><h1>{html.escape(title)}</h1><p>{intro}</p>
<table><tr><th>Notebook</th><th>What you will learn</th><th>Time</th></tr>
{''.join(rows)}</table></body></html>
""", encoding="utf-8")
    return page


def build(kind: str, out: Path, notebooks: list[Path] | None = None) -> list[Path]:
    """Build the ``"html"`` or ``"slides"`` edition into ``out``; return the pages written."""
    notebooks = notebooks or course.course_notebooks()
    out.mkdir(parents=True, exist_ok=True)
    _copy_static(out)
    suffix = ".html" if kind == "html" else ".slides.html"
    written, pages = [], []
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
        target.write_text(_local_links(_without_mermaid(body), suffix), encoding="utf-8")
        written.append(target)
        pages.append((path, target.relative_to(out).as_posix()))
    if kind == "html":
        intro = ("The course with every figure and table in place. To run the code and move the "
                 "widgets, install it (<code>make lab</code>) and open the notebooks in JupyterLab.")
        written.append(_index(out, "Customer Relationship Management: the course", pages, intro))
    else:
        intro = ("One slide deck per notebook, 16:9. The right arrow (or space) walks every slide; "
                 "press S for speaker notes, F for full screen. Explorers here are snapshots: "
                 "present them live from RISE or Voilà.")
        written.append(_index(out, "Customer Relationship Management: slides", pages, intro))
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["html", "slides"])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these notebooks (default: all)")
    args = parser.parse_args(argv)
    out = args.out or course.ROOT / "build" / args.kind
    pages = build(args.kind, out, [p.resolve() for p in args.notebooks] or None)
    print(f"wrote {len(pages)} pages to {out}; open {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
