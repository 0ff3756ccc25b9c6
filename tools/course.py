"""The course's table of contents, navigation bars and notebook execution.

The order of the course is the order of the files on disk: ``notebooks/`` first, then the
case studies (Xiaomi, then Tencent), each sorted by name. From it this script writes

* a navigation bar (previous · contents · next) into the cell marked ``<!-- navigation -->`` at
  the top and at the bottom of every notebook, and
* the course map (title, what you will learn, time) into the cell marked ``<!-- course map -->``
  in ``notebooks/00_start_here.ipynb``, and
* slide metadata on every cell (:func:`slide_type`, :func:`slide_tags`) and RISE's settings on
  every notebook (:data:`RISE`), so each notebook presents as a deck, and
* ``rise.css`` (from ``tools/deck/rise.css``) beside the notebooks of both editions, which fits
  every slide of a RISE show into its 1280×720 (``tools/walk_rise.py`` measures it).

Usage::

    python tools/course.py              # rewrite navigation, the course map and slide metadata
    python tools/course.py --check      # exit 1 if any of them is stale
    python tools/course.py --execute notebooks/01_why_crm.ipynb   # run in place, fresh kernel

Tests call :func:`stale_files` so a stale bar fails the build.
"""
from __future__ import annotations

import argparse
import base64
import math
import os
import re
import struct
import sys
import unicodedata
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("notebooks", "casestudies/xiaomi", "casestudies/tencent")
START = ROOT / "notebooks" / "00_start_here.ipynb"
NAV_MARKER = "<!-- navigation -->"
MAP_MARKER = "<!-- course map -->"
OBJECTIVES_HEADING = "## What you will learn"


def course_notebooks() -> list[Path]:
    """Every notebook of the course, in reading order."""
    found = []
    for section in SECTIONS:
        found += sorted(p for p in (ROOT / section).glob("*.ipynb") if not p.name.startswith("."))
    return found


def read(path: Path):
    return nbformat.read(path, as_version=4)


def title(nb) -> str:
    """The text of the notebook's H1 heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError("notebook has no H1 title")


def objectives(nb) -> list[str]:
    """The bullet points under the "What you will learn" heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and OBJECTIVES_HEADING in cell.source:
            after = cell.source.split(OBJECTIVES_HEADING, 1)[1]
            items = []
            for line in after.splitlines()[1:]:
                if line.startswith("## "):
                    break
                match = re.match(r"^\s*(?:[-*]|\d+\.)\s+(.*)", line)
                if match:
                    items.append(match.group(1).strip())
            return items
    return []


def estimated_time(nb) -> str:
    """The notebook's stated time, e.g. "60 minutes" from "**Estimated time:** 60 minutes"."""
    for cell in nb.cells:
        match = re.search(r"Estimated time:\**\s*([^\n.]+)", cell.source) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return ""


def _link(src: Path, dst: Path) -> str:
    return Path(os.path.relpath(dst, src.parent)).as_posix()


def navigation(path: Path, order: list[Path], titles: dict[Path, str]) -> str:
    """The navigation bar for one notebook."""
    i = order.index(path)
    parts = []
    if i > 0:
        parts.append(f"[◀ {titles[order[i - 1]]}]({_link(path, order[i - 1])})")
    if path != START:
        parts.append(f"[Contents]({_link(path, START)})")
    if i + 1 < len(order):
        parts.append(f"[{titles[order[i + 1]]} ▶]({_link(path, order[i + 1])})")
    return f"{NAV_MARKER}\n" + " · ".join(parts)


def course_map(order: list[Path], books: dict) -> str:
    """The course map for the start notebook: one row per notebook."""
    rows = [MAP_MARKER, "| # | Notebook | What you will learn | Time |", "|---|---|---|---|"]
    for n, path in enumerate(order):
        nb = books[path]
        learn = "; ".join(objectives(nb)).replace("|", "\\|")
        rows.append(f"| {n} | [{title(nb)}]({_link(START, path)}) | {learn} | {estimated_time(nb)} |")
    return "\n".join(rows)


SETUP_MARK = "plotting.use_theme()"
HIDE_INPUT_TAG = "slide-hide-input"
LONG_CODE_LINES = 12
LONG_TEXT_CHARS = 1200  # after this much text, the code that follows opens a slide of its own
# RISE's settings, the same in every notebook (jupyterlab-rise reads the notebook's "rise" metadata):
# a fixed 16:9 slide that reveal.js scales to the screen, so text grows with the projector; the show
# starts at the first slide whichever cell is selected; a tall slide scrolls rather than being cut
# off; the "white" theme has its font bundled (the default "simple" theme fetches Google fonts);
# every slide is a horizontal slide (see slide_type), so → reaches each of them; and RISE does not
# select a code cell on each new slide ("auto_select": "none"): once the notebook has focus, the
# selected cell pulls the show to its own slide, so → jumped over slides.
RISE = {"autolaunch": False, "start_slideshow_at": "beginning", "auto_select": "none", "width": 1280, "height": 720,
        "margin": 0.02, "minScale": 0.2, "center": False, "scroll": True, "theme": "white",
        "transition": "none", "slideNumber": True, "enable_chalkboard": False}


def is_setup(cell) -> bool:
    """The set-up cell: imports (and data loading) ending in ``plotting.use_theme()``."""
    if cell.cell_type != "code" or SETUP_MARK not in cell.source:
        return False
    first = next((l for l in cell.source.splitlines() if l.strip() and not l.startswith("#")), "")
    return first.startswith(("import ", "from "))


def slide_type(cell, previous=None, above: float = 0.0) -> str:
    """Where a cell goes in the slide deck (RISE and `make slides`): one idea a slide.

    Headings, exercises and other text open a slide (never a vertical sub-slide: in RISE the
    → key skips those), code stays with the text before it, every explorer gets a slide of its
    own, and so does a code cell that follows another shown code cell (``previous``, the last
    cell on the slides: one output a slide), a long text (more than LONG_TEXT_CHARS characters),
    or what is already on the slide (``above``, in slide pixels) when the two together would not
    fit a 1280×720 slide (:func:`cell_height`, with its figure at FIGURE_ROOM);
    navigation bars, the set-up cell (imports, data loading) and worked solutions are skipped:
    they stay in the notebook but not on the slides.

    >>> import nbformat
    >>> slide_type(nbformat.v4.new_code_cell("x = 1"), above=SLIDE_ROOM)
    'slide'
    """
    tags = cell.get("metadata", {}).get("tags", [])
    if cell.cell_type == "markdown":
        if cell.source.startswith(NAV_MARKER):
            return "skip"
        return "slide"
    if "solution" in tags or is_setup(cell):
        return "skip"
    if "nbval-ignore-output" in tags:
        return "slide"
    if previous is not None and previous.cell_type == "code" and slide_type(previous) != "skip":
        return "slide"
    if previous is not None and previous.cell_type == "markdown" and len(previous.source) > LONG_TEXT_CHARS:
        return "slide"
    if above + cell_height(cell) > SLIDE_ROOM:
        return "slide"
    return "-"


# How tall a cell stands on a slide, estimated from its source and saved outputs in the slide
# pixels of tools/deck/rise.css (text 20 px on 26 px lines, about 100 characters a line, code 15 px
# on 20 px lines), so that slide_type can give a code cell a slide of its own when the text above
# it would leave its figure too little room. rise.css shrinks a figure to the room a slide has
# left; FIGURE_ROOM is what a figure keeps at least before the cell moves to a slide of its own.
SLIDE_ROOM = 696
FIGURE_ROOM = 360
TEXT_LINE, TEXT_CHARS, CODE_LINE, OUTPUT_LINE, OUTPUT_CHARS = 26, 100, 20, 18, 130
HEADING = {1: 58, 2: 50, 3: 42, 4: 36}  # a heading's line and margins


def _columns(text: str) -> int:
    """Characters as they take room: a Chinese character is two columns wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def markdown_height(source: str) -> float:
    """Estimated height of a markdown cell on a slide.

    >>> markdown_height("## A heading") < markdown_height("## A heading\\n\\n" + "word " * 60)
    True
    """
    height = 10.0
    for block in re.split(r"\n\s*\n", source.strip()):
        lines = block.splitlines()
        while lines and lines[0].startswith("#"):
            level = min(len(lines[0]) - len(lines[0].lstrip("#")), 4)
            height += HEADING[level] * max(1, math.ceil(_columns(lines[0]) * HEADING[level] / 40 / TEXT_CHARS))
            lines = lines[1:]
        if not lines:
            continue
        if lines[0].lstrip().startswith("|"):  # a table: its rows (not the |---| line), each as tall as its longest cell
            rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in lines if not re.match(r"^\s*\|[\s:|-]+\|?\s*$", l)]
            height += sum(_row_height(row, 16) for row in rows) + 16
            continue
        if lines[0].strip().startswith("$$"):
            height += 28 * len(lines) + 20
            continue
        items = []  # a paragraph, or the items of a list, each wrapping on its own
        for line in lines:
            if items and not re.match(r"^\s*([-*]|\d+\.)\s", line):
                items[-1] += " " + line
            else:
                items.append(line)
        for item in items:
            shown = re.sub(r"[*_`]", "", re.sub(r"\]\([^)]*\)", "]", item)).strip()
            height += TEXT_LINE * max(1, math.ceil(_columns(shown) / TEXT_CHARS)) + (6 if len(items) > 1 else 0)
        height += 18
    return height


def _row_height(cells: list[str], font: int) -> float:
    """A table row's height: as many lines as its longest cell wraps into, in a slide 1180 px wide
    shared evenly by the columns."""
    width = 1180 / max(len(cells), 1) - 12
    lines = max((math.ceil(_columns(re.sub(r"[*_`]", "", c)) * font * 0.55 / max(width, 40)) for c in cells), default=1)
    return (font * 1.4 + 4) * max(lines, 1)


def _png_height(data: str) -> float:
    """The height a saved PNG figure needs on a slide: as drawn (no wider than the slide, no
    taller than rise.css's 520 px), or FIGURE_ROOM if that is less: rise.css shrinks it to that."""
    raw = base64.b64decode(data[:64])
    width, height = struct.unpack(">II", raw[16:24])
    return min(height * min(1.0, 1180 / max(width, 1)), 520, FIGURE_ROOM)


def code_height(cell) -> float:
    """Estimated height of a code cell on a slide: its code (none when a long cell shows only its
    output) and its saved outputs, a figure at the room it needs at least (FIGURE_ROOM)."""
    lines = cell.source.splitlines()
    height = 0.0 if len(lines) > LONG_CODE_LINES else CODE_LINE * len(lines) + 24
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output.get("output_type") == "stream":
            text = output.get("text", "")
            height += OUTPUT_LINE * sum(max(1, math.ceil(len(l) / OUTPUT_CHARS)) for l in text.splitlines()) + 8
        elif "application/vnd.jupyter.widget-view+json" in data:
            height += SLIDE_ROOM
        elif "image/png" in data:
            height += _png_height(data["image/png"]) + 10
        elif "text/html" in data:
            html = "".join(data["text/html"])
            rows = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)]
                    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)]
            height += min(sum(_row_height(r, 16) for r in rows) + 24, 520) if rows else 40 + 26 * html.count("<br")
        elif "text/markdown" in data:
            height += markdown_height("".join(data["text/markdown"]))
        elif "text/plain" in data:
            height += OUTPUT_LINE * len("".join(data["text/plain"]).splitlines()) + 8
    return height


def cell_height(cell) -> float:
    """Estimated height of a cell on a slide (slide pixels; see SLIDE_ROOM)."""
    return markdown_height(cell.source) if cell.cell_type == "markdown" else code_height(cell)


def slide_tags(cell) -> list[str]:
    """The cell's tags with ``slide-hide-input`` on long code cells: the static decks show their
    output only (the code stays in the notebook and the HTML edition)."""
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t != HIDE_INPUT_TAG]
    if cell.cell_type == "code" and len(cell.source.splitlines()) > LONG_CODE_LINES \
            and "nbval-ignore-output" not in tags:
        tags.append(HIDE_INPUT_TAG)
    return tags


def _nav_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(NAV_MARKER)]


def expected(order: list[Path] | None = None) -> dict[Path, object]:
    """Every notebook with its navigation (and, for the start notebook, course map) made current."""
    order = order or course_notebooks()
    books = {p: read(p) for p in order}
    titles = {p: title(nb) for p, nb in books.items()}
    for path, nb in books.items():
        bar = navigation(path, order, titles)
        for cell in _nav_cells(nb):
            cell.source = bar
        shown, above = None, 0.0  # the last cell on the slides, and the height of its slide so far
        for cell in nb.cells:
            if cell.cell_type == "markdown" and cell.source.startswith(MAP_MARKER):
                cell.source = course_map(order, books)
            kind = slide_type(cell, shown, above)
            cell.metadata.setdefault("slideshow", {})["slide_type"] = kind
            if kind != "skip":
                above = (0.0 if kind == "slide" else above) + cell_height(cell)
                shown = cell
            tags = slide_tags(cell)
            if tags != cell.metadata.get("tags", []):
                if tags:
                    cell.metadata["tags"] = tags
                else:
                    del cell.metadata["tags"]
        nb.metadata["rise"] = dict(RISE)
    return books


RISE_CSS = ROOT / "tools" / "deck" / "rise.css"


def rise_css_files() -> dict[Path, str]:
    """rise.css beside the notebooks of each section, the Chinese edition's (zh/) too: RISE loads it
    from the notebook's folder."""
    text = RISE_CSS.read_text(encoding="utf-8")
    return {ROOT / edition / section / "rise.css": text for edition in ("", "zh") for section in SECTIONS}


def stale_files() -> list[Path]:
    """Notebooks whose navigation or course map does not match the files on disk, and stale rise.css."""
    stale = [p for p, nb in expected().items() if nbformat.writes(nb) != nbformat.writes(read(p))]
    return stale + [p for p, text in rise_css_files().items()
                    if not p.exists() or p.read_text(encoding="utf-8") != text]


def update() -> list[Path]:
    """Rewrite stale navigation bars and the course map; return the files changed."""
    changed = []
    for path, nb in expected().items():
        if nbformat.writes(nb) != nbformat.writes(read(path)):
            nbformat.write(nb, path)
            changed.append(path)
    for path, text in rise_css_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def execute(path: Path, timeout: int = 600) -> None:
    """Run a notebook top to bottom in a fresh python3 kernel and save it with its outputs."""
    from nbclient import NotebookClient

    nb = read(path)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(nb, path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if anything is stale")
    parser.add_argument("--execute", nargs="*", metavar="NOTEBOOK",
                        help="run these notebooks (all if none given) in place")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for p in stale:
            print(f"stale navigation or course map: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    for p in update():
        print(f"updated {p.relative_to(ROOT)}")
    if args.execute is not None:
        targets = [Path(p).resolve() for p in args.execute] or course_notebooks()
        for p in targets:
            print(f"executing {p.relative_to(ROOT)}", flush=True)
            execute(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
