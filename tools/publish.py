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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course  # noqa: E402

VENDOR = Path(__file__).resolve().parent / "vendor"
STATIC = "_static"


def _urls(prefix: str) -> dict:
    """nbconvert's asset URLs, pointed at the local copies (``prefix`` leads back to the root)."""
    s = f"{prefix}{STATIC}"
    return {
        "require_js_url": f"{s}/require.js",
        "jquery_url": f"{s}/jquery.min.js",
        "mathjax_url": f"{s}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
        "widget_renderer_url": f"{s}/html-manager/embed-amd.js",
        "mermaid_js_url": f"{s}/mermaid-offline.mjs",
        "mermaid_layout_elk_js_url": f"{s}/mermaid-offline.mjs",
    }


def _copy_static(out: Path) -> None:
    target = out / STATIC
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(VENDOR, target)
    # the templates import mermaid as a module; the course has no diagrams, so an empty stand-in
    (target / "mermaid-offline.mjs").write_text("export default { initialize() {}, run() {} };\n")


def _local_links(text: str, suffix: str) -> str:
    """Links between notebooks (``x.ipynb``) point to the matching pages (``x.html``)."""
    return re.sub(r'href="(?!https?:)([^"#]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}{suffix}{m.group(2) or ""}"', text)


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
                                      **_urls(prefix))
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4),
                                              resources={"metadata": {"name": course.title(course.read(path))}})
        target.write_text(_local_links(body, suffix), encoding="utf-8")
        written.append(target)
        pages.append((path, target.relative_to(out).as_posix()))
    if kind == "html":
        intro = ("The course with every figure and table in place. To run the code and move the "
                 "widgets, install it (<code>make lab</code>) and open the notebooks in JupyterLab.")
        written.append(_index(out, "Customer Relationship Management: the course", pages, intro))
    else:
        intro = "One slide deck per notebook. Arrow keys move between slides; press S for speaker notes."
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
