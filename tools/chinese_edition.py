"""The Chinese edition (中文版): every translated notebook under ``zh/``, generated from the English one.

The English notebooks are the one source. A translation is a TOML file per notebook under
``zh/translations/`` (``notebooks/00_start_here.ipynb`` -> ``zh/translations/notebooks/00_start_here.toml``)
with one table per markdown cell, keyed by the English cell's id::

    ["4f7fc80c"]
    english = "0c2f3a9b1d4e"   # fingerprint of the English text translated (fingerprint())
    zh = '''
    # 从这里开始……
    '''

From the English notebook and its translation this script writes ``zh/<same path>``:

* markdown cells: the Chinese text (same cell ids); links written as in the English cell are
  pointed from ``zh/`` (see :func:`rewrite_links`);
* navigation cells: previous · 目录 · next between the Chinese notebooks; the course map of
  ``notebooks/00_start_here.ipynb``: the whole course, in Chinese where a translation exists;
* code cells: the English ones, unchanged, plus one cell after the first navigation bar that
  switches the course to Chinese (:data:`LANGUAGE_CELL`);
* notebook and cell metadata: the English ones (slides included), with ``crm_edition``.

Outputs come from running the Chinese notebook (``--execute``); regenerating keeps the outputs of
code cells up to the first code cell whose source changed.

Usage::

    python tools/chinese_edition.py            # regenerate zh/ (make nav does it too)
    python tools/chinese_edition.py --check    # exit 1 if zh/ or a translation is stale or missing
    python tools/chinese_edition.py --fingerprints notebooks/01_why_crm.ipynb  # id, fingerprint, first words
    python tools/chinese_edition.py --execute zh/notebooks/00_start_here.ipynb  # regenerate, then run
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import os
import re
import sys
import tomllib
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course  # noqa: E402

ROOT = course.ROOT
ZH = ROOT / "zh"
TRANSLATIONS = ZH / "translations"
#: English files with a Chinese counterpart; a link goes to the Chinese one once it exists.
LOCALISED = {ROOT / "README.md": ROOT / "README.zh-CN.md",
             ROOT / "teaching" / "lecturer_guide.md": ROOT / "teaching" / "lecturer_guide.zh-CN.md",
             **{card: card.with_name("README.zh-CN.md") for card in sorted((ROOT / "datasets").glob("*/README.md"))}}
LANGUAGE_CELL_ID = "zh-language"
LANGUAGE_SOURCE = 'import helpers\nhelpers.set_language("zh")'
LANGUAGE_METADATA = {"tags": ["language"], "slideshow": {"slide_type": "skip"}}
#: Notebook metadata that running a notebook writes: not part of its sources.
RUN_METADATA = ("widgets", "language_info")
# a link target in markdown ](target) or HTML href="target" / src="target", without its #anchor
LINK = re.compile(r'(\]\(\s*<?|href="|src=")([^)>"\s#]+)')
OBJECTIVE = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(.*)")


def fingerprint(source: str) -> str:
    """The fingerprint of an English cell's text: sha256 of its UTF-8 source, 12 hex digits."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]


def is_generated(cell) -> bool:
    """Navigation bars and the course map: filled in by this script, never translated."""
    return cell.cell_type == "markdown" and cell.source.startswith((course.NAV_MARKER, course.MAP_MARKER))


def translatable(nb) -> dict:
    """The markdown cells a translation covers, by id."""
    return {c.id: c for c in nb.cells if c.cell_type == "markdown" and not is_generated(c)}


def first_words(text: str, n: int = 8) -> str:
    return " ".join(text.split()[:n])


# --- paths -------------------------------------------------------------------------------------

def translation_file(english: Path, translations: Path = TRANSLATIONS) -> Path:
    return translations / english.relative_to(ROOT).with_suffix(".toml")


def chinese_path(english: Path, out: Path = ZH) -> Path:
    """Where the Chinese edition of an English notebook is (``out`` = ``zh/``) or is written."""
    return out / english.relative_to(ROOT)


def translated(translations: Path = TRANSLATIONS) -> list[Path]:
    """The English notebooks that have a translation, in the order of the course."""
    return [p for p in course.course_notebooks() if translation_file(p, translations).exists()]


def orphan_files(translations: Path = TRANSLATIONS) -> list[Path]:
    """Translation files whose English notebook no longer exists."""
    known = {translation_file(p, translations) for p in course.course_notebooks()}
    return sorted(p for p in translations.rglob("*.toml") if p not in known) if translations.exists() else []


def localised_files() -> dict[Path, Path]:
    """The Chinese counterparts of English pages (README, lecturer guide) that exist so far."""
    return {en: zh for en, zh in LOCALISED.items() if zh.exists()}


# --- translations ------------------------------------------------------------------------------

def load(path: Path) -> dict[str, dict]:
    """A translation file: ``{cell id: {"english": fingerprint, "zh": text}}``."""
    with path.open("rb") as f:
        try:
            table = tomllib.load(f)
        except tomllib.TOMLDecodeError as err:
            raise ValueError(f"{path} is not valid TOML: {err}") from None
    for key, entry in table.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("english"), str)
                and isinstance(entry.get("zh"), str)):
            raise ValueError(f"{path}: cell {key!r} needs english = \"<fingerprint>\" and zh = '''...'''")
    return table


def missing(nb, entries: dict) -> list[str]:
    """Ids of English markdown cells without a translation."""
    return [i for i in translatable(nb) if i not in entries]


def stale(nb, entries: dict) -> list[tuple[str, str]]:
    """(cell id, first words of the English cell) of every translation made from another English text."""
    return [(i, first_words(c.source)) for i, c in translatable(nb).items()
            if i in entries and entries[i]["english"] != fingerprint(c.source)]


def unknown(nb, entries: dict) -> list[str]:
    """Ids in the translation that are no markdown cell of the English notebook. (A translation of
    a generated cell, the course map, is allowed and unused: the Chinese map is generated too.)"""
    cells = {c.id for c in nb.cells if c.cell_type == "markdown"}
    return [i for i in entries if i not in cells]


# --- generating ----------------------------------------------------------------------------------

def rewrite_links(text: str, english: Path, done: set[Path], localised: dict[Path, Path]) -> str:
    """Point the relative links of a text written for ``english`` from its Chinese edition.

    A link to a translated notebook (one of ``done``) goes to its Chinese edition, to README or
    the lecturer guide to their Chinese version once it exists (``localised``), to anything else
    (an untranslated notebook, a data card, teaching/sources.md) to the same file as before, one
    folder further up.
    """
    source, target_dir = english.parent, chinese_path(english).parent

    def repoint(match):
        link = match.group(2)
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", link) or link.startswith("/"):
            return match.group(0)
        dest = Path(os.path.normpath(source / link))
        if dest in done:
            dest = chinese_path(dest)
        dest = localised.get(dest, dest)
        return match.group(1) + Path(os.path.relpath(dest, target_dir)).as_posix()

    return LINK.sub(repoint, text)


def language_cell():
    cell = nbformat.v4.new_code_cell(LANGUAGE_SOURCE, id=LANGUAGE_CELL_ID)
    cell.metadata = copy.deepcopy(LANGUAGE_METADATA)
    return cell


def generate(english: Path, nb, entries: dict, done: set[Path], localised: dict[Path, Path]):
    """The Chinese notebook's sources (navigation and course map still markers, no outputs)."""
    zh = copy.deepcopy(nb)
    for cell in zh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        elif cell.source.startswith(course.NAV_MARKER):
            cell.source = course.NAV_MARKER
        elif cell.source.startswith(course.MAP_MARKER):
            cell.source = course.MAP_MARKER
        elif cell.cell_type == "markdown":
            text = entries[cell.id]["zh"].strip("\n") if cell.id in entries else cell.source
            cell.source = rewrite_links(text, english, done, localised)
    first_nav = next((k for k, c in enumerate(zh.cells) if c.source == course.NAV_MARKER), -1)
    zh.cells.insert(first_nav + 1, language_cell())
    zh.metadata.pop("widgets", None)  # the English run's widget state; running the Chinese one writes its own
    zh.metadata["crm_edition"] = {"language": "zh-CN", "english": english.relative_to(ROOT).as_posix()}
    return zh


def minutes(time: str) -> str:
    """An English estimated time in Chinese: "60 minutes" -> "60 分钟"."""
    time = re.sub(r"\s*\bminutes?\b", " 分钟", time)
    return re.sub(r"\s*\bhours?\b", " 小时", time).strip()


def chinese_objectives(english_nb, zh_nb) -> list[str]:
    """The bullet points under the translated "What you will learn" heading (English ones if none)."""
    zh_cells = {c.id: c for c in zh_nb.cells}
    for cell in english_nb.cells:
        if cell.cell_type == "markdown" and course.OBJECTIVES_HEADING in cell.source and cell.id in zh_cells:
            before = cell.source.split(course.OBJECTIVES_HEADING, 1)[0]
            k = sum(line.startswith("## ") for line in before.splitlines())
            lines = zh_cells[cell.id].source.splitlines()
            headings = [n for n, line in enumerate(lines) if line.startswith("## ")]
            if len(headings) > k:
                items = []
                for line in lines[headings[k] + 1:]:
                    if line.startswith("## "):
                        break
                    if match := OBJECTIVE.match(line):
                        items.append(match.group(1).strip())
                if items:
                    return items
    return course.objectives(english_nb)


def course_map(english: dict, chinese: dict[Path, object]) -> str:
    """The Chinese course map: every notebook of the course, the Chinese edition where there is one."""
    start = chinese_path(course.START)
    rows = [course.MAP_MARKER, "| # | 笔记本 | 学习目标 | 时间 |", "|---|---|---|---|"]
    for n, path in enumerate(english):
        nb = english[path]
        if path in chinese:
            link = f"[{course.title(chinese[path])}]({course._link(start, chinese_path(path))})"
            learn = "；".join(chinese_objectives(nb, chinese[path]))
        else:
            link = f"[{course.title(nb)}]({course._link(start, path)})（尚未翻译，英文版）"
            learn = "; ".join(course.objectives(nb))
        learn = learn.replace("|", "\\|")
        rows.append(f"| {n} | {link} | {learn} | {minutes(course.estimated_time(nb))} |")
    return "\n".join(rows)


def navigation(path: Path, order: list[Path], titles: dict[Path, str]) -> str:
    """The Chinese navigation bar of the Chinese edition of ``path`` (English paths in ``order``)."""
    here, start = chinese_path(path), chinese_path(course.START)
    i = order.index(path)
    parts = []
    if i > 0:
        parts.append(f"[◀ {titles[order[i - 1]]}]({course._link(here, chinese_path(order[i - 1]))})")
    if path != course.START:
        contents = start if course.START in order else course.START
        parts.append(f"[目录]({course._link(here, contents)})")
    if i + 1 < len(order):
        parts.append(f"[{titles[order[i + 1]]} ▶]({course._link(here, chinese_path(order[i + 1]))})")
    return f"{course.NAV_MARKER}\n" + " · ".join(parts)


def expected(translations: Path = TRANSLATIONS) -> dict[Path, object]:
    """Every Chinese notebook as it should be (sources only), by English path."""
    english = {p: course.read(p) for p in course.course_notebooks()}
    order = translated(translations)
    localised = localised_files()
    chinese = {p: generate(p, english[p], load(translation_file(p, translations)), set(order), localised)
               for p in order}
    titles = {p: course.title(nb) for p, nb in chinese.items()}
    for path, nb in chinese.items():
        for cell in nb.cells:
            if cell.source == course.NAV_MARKER:
                cell.source = navigation(path, order, titles)
            elif cell.source == course.MAP_MARKER:
                cell.source = course_map(english, chinese)
    return chinese


# --- writing and running -------------------------------------------------------------------------

def sources(nb) -> str:
    """A notebook without what running it writes (outputs, counts, widget state): what is compared."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    for key in RUN_METADATA:
        nb.metadata.pop(key, None)
    return nbformat.writes(nb)


def keep_outputs(new, old) -> None:
    """Give ``new`` the outputs of ``old``'s code cells up to the first code cell that changed."""
    old_code = [c for c in old.cells if c.cell_type == "code"]
    new_code = [c for c in new.cells if c.cell_type == "code"]
    kept = 0
    for n, o in zip(new_code, old_code):
        if (n.id, n.source) != (o.id, o.source):
            break
        n.outputs, n.execution_count = o.outputs, o.execution_count
        kept += 1
    for key in RUN_METADATA:
        if kept and key in old.metadata:
            new.metadata[key] = old.metadata[key]


#: Folders of ``zh/`` that another tool generates: the Chinese graded assignments (tools/assignments.py).
OTHER_TOOLS = ("assignments",)


def generated_files(out: Path = ZH) -> list[Path]:
    """The Chinese notebooks on disk (everything under ``out`` but the translations and what
    another tool writes, :data:`OTHER_TOOLS`)."""
    return sorted(p for p in out.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
                  and TRANSLATIONS.name not in p.relative_to(out).parts
                  and p.relative_to(out).parts[0] not in OTHER_TOOLS) if out.exists() else []


def stale_files(translations: Path = TRANSLATIONS, out: Path = ZH) -> list[Path]:
    """Chinese notebooks whose sources differ from what would be generated now, and leftovers."""
    books = expected(translations)
    found = [chinese_path(p, out) for p, nb in books.items() if not chinese_path(p, out).exists()
             or sources(nb) != sources(course.read(chinese_path(p, out)))]
    wanted = {chinese_path(p, out) for p in books}
    return found + [p for p in generated_files(out) if p not in wanted]


def update(translations: Path = TRANSLATIONS, out: Path = ZH) -> list[Path]:
    """Write every Chinese notebook whose sources changed (keeping what outputs still hold) and
    remove Chinese notebooks whose translation is gone; return the files changed."""
    books = expected(translations)
    changed = []
    for path, nb in books.items():
        target = chinese_path(path, out)
        if target.exists():
            old = course.read(target)
            if sources(old) == sources(nb):
                continue
            keep_outputs(nb, old)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        changed.append(target)
    wanted = {chinese_path(p, out) for p in books}
    for leftover in [p for p in generated_files(out) if p not in wanted]:
        leftover.unlink()
        changed.append(leftover)
    return changed


def problems(translations: Path = TRANSLATIONS) -> list[str]:
    """Everything a translator has to do: missing, stale and unknown cells, orphan files."""
    found = [f"{_shown(p)}: no English notebook for this translation" for p in orphan_files(translations)]
    for path in translated(translations):
        nb, entries = course.read(path), load(translation_file(path, translations))
        found += cell_problems(path.relative_to(ROOT), nb, entries)
    return found


def cell_problems(name, nb, entries: dict) -> list[str]:
    """The cells of one notebook whose translation is missing, stale or has no English cell.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hi", id="a")])
    >>> cell_problems("x.ipynb", nb, {})
    ['x.ipynb: cell a has no translation']
    """
    return ([f"{name}: cell {i} has no translation" for i in missing(nb, entries)]
            + [f"{name}: cell {i} changed since it was translated (English now: {words}...)"
               for i, words in stale(nb, entries)]
            + [f"{name}: translation of cell {i}, which is no markdown cell of the English notebook (removed?)"
               for i in unknown(nb, entries)])


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if zh/ or a translation is stale")
    parser.add_argument("--fingerprints", nargs="+", metavar="NOTEBOOK",
                        help="list each English notebook's cells to translate: id, fingerprint, first words")
    parser.add_argument("--execute", nargs="*", metavar="NOTEBOOK",
                        help="run these Chinese notebooks (all if none given) in place after generating")
    args = parser.parse_args(argv)
    if args.fingerprints:
        for name in args.fingerprints:
            for i, cell in translatable(course.read(Path(name))).items():
                print(f"{i}  {fingerprint(cell.source)}  {first_words(cell.source)}")
        return 0
    if args.check:
        stale_zh = stale_files()
        for p in stale_zh:
            print(f"stale Chinese notebook (run make nav): {_shown(p)}")
        todo = problems()
        for line in todo:
            print(line)
        return 1 if stale_zh or todo else 0
    for p in update():
        print(f"{'updated' if p.exists() else 'removed'} {_shown(p)}")
    if args.execute is not None:
        targets = [Path(p).resolve() for p in args.execute] or [chinese_path(p) for p in translated()]
        for p in targets:
            print(f"executing {_shown(p)}", flush=True)
            course.execute(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
