"""The graded assignments in both languages, from one source, and their release with nbgrader.

The English sources are the one source: ``assignments/source/<assignment>/<notebook>.ipynb`` in
nbgrader's layout (cells with ``nbgrader`` metadata; solutions between ``### BEGIN SOLUTION`` and
``### END SOLUTION``, hidden tests between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``).
A translation is one TOML file per notebook, ``assignments/translations/<assignment>/<notebook>.toml``,
in the format of the course's Chinese edition (tools/chinese_edition.py): one table per markdown
cell, keyed by the English cell's id, with the fingerprint of the English text it translates::

    ["q1_prompt"]
    english = "0c2f3a9b1d4e"
    zh = '''
    ## 第 1 题（3 分）：……
    '''

From both this script writes the Chinese course folder ``zh/assignments/``: its sources
``zh/assignments/source/<assignment>/<notebook>.ipynb`` (markdown cells in Chinese, the model answers
of the written questions included; code cells, cell ids and nbgrader metadata the English ones; one
cell before the first code cell that switches the course to Chinese, so that figures and the messages of the visible
tests are Chinese) and a copy of ``assignments/nbgrader_config.py``. Because the code and the
grade ids are the same, a Chinese submission can be autograded in the English gradebook too.

Usage::

    python tools/assignments.py                 # regenerate zh/assignments/ (make assignments does it)
    python tools/assignments.py --check         # exit 1 if a translation or zh/assignments/ is stale
    python tools/assignments.py --fingerprints assignments/source/a1_lifecycle_markov/lifecycle_markov.ipynb
    python tools/assignments.py --release       # regenerate, then nbgrader generate_assignment for every
                                                # assignment of both folders (needs nbgrader: make assignments)
"""
from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import chinese_edition  # noqa: E402
from tools.chinese_edition import fingerprint, first_words, load, missing, stale, translatable, unknown  # noqa: E402,F401

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "assignments"                    # the English nbgrader course folder
SOURCE = COURSE / "source"
TRANSLATIONS = COURSE / "translations"
CONFIG = COURSE / "nbgrader_config.py"
ZH_COURSE = ROOT / "zh" / "assignments"          # the Chinese one, generated
RELEASE = ROOT / "build" / "assignments" / "release"


def sources(source: Path = SOURCE) -> list[Path]:
    """Every English assignment notebook, in the order of the assignments."""
    return sorted(source.glob("*/*.ipynb"))


def assignments(source: Path = SOURCE) -> list[str]:
    """The assignment names (folders of ``source/``)."""
    return sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def translation_file(english: Path, source: Path = SOURCE, translations: Path = TRANSLATIONS) -> Path:
    return translations / english.relative_to(source).with_suffix(".toml")


def chinese_path(english: Path, source: Path = SOURCE, zh_course: Path = ZH_COURSE) -> Path:
    return zh_course / "source" / english.relative_to(source)


def points(nb) -> dict[str, float]:
    """Points by grade id of the cells that are graded (tests and written answers)."""
    return {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"] for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade")}


def generate(english: Path, nb, entries: dict, source: Path = SOURCE):
    """The Chinese source of an English assignment notebook (no outputs)."""
    zh = copy.deepcopy(nb)
    for cell in zh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        elif cell.id in entries:
            cell.source = entries[cell.id]["zh"].strip("\n")
    first_code = next((k for k, c in enumerate(zh.cells) if c.cell_type == "code"), len(zh.cells))
    zh.cells.insert(first_code, chinese_edition.language_cell())
    name = (SOURCE / english.relative_to(source)).relative_to(ROOT).as_posix()
    zh.metadata["crm_edition"] = {"language": "zh-CN", "english": name}
    return zh


def expected(source: Path = SOURCE, translations: Path = TRANSLATIONS, zh_course: Path = ZH_COURSE) -> dict:
    """Every file of the Chinese course folder as it should be: path -> notebook or text."""
    out = {zh_course / CONFIG.name: CONFIG.read_text(encoding="utf-8")}
    for english in sources(source):
        table = translation_file(english, source, translations)
        entries = load(table) if table.exists() else {}
        out[chinese_path(english, source, zh_course)] = generate(english, nbformat.read(english, as_version=4), entries, source)
    return out


def _text(thing) -> str:
    return thing if isinstance(thing, str) else nbformat.writes(thing)


def stale_files(source: Path = SOURCE, translations: Path = TRANSLATIONS, zh_course: Path = ZH_COURSE) -> list[Path]:
    """Files of the Chinese course folder that differ from what would be generated now, and leftovers."""
    wanted = expected(source, translations, zh_course)
    found = [p for p, thing in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != _text(thing)]
    on_disk = sorted((zh_course / "source").glob("*/*.ipynb")) if zh_course.exists() else []
    return found + [p for p in on_disk if p not in wanted]


def update(source: Path = SOURCE, translations: Path = TRANSLATIONS, zh_course: Path = ZH_COURSE) -> list[Path]:
    """Write the Chinese course folder; remove Chinese notebooks whose English one is gone."""
    wanted = expected(source, translations, zh_course)
    changed = []
    for path in stale_files(source, translations, zh_course):
        if path in wanted:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_text(wanted[path]), encoding="utf-8")
        else:
            path.unlink()
        changed.append(path)
    return changed


def problems(source: Path = SOURCE, translations: Path = TRANSLATIONS) -> list[str]:
    """What a translator has to do: missing, stale and unknown cells, translations of no notebook."""
    found = []
    known = {translation_file(p, source, translations) for p in sources(source)}
    if translations.exists():
        found += [f"{_shown(t)}: no English assignment notebook for this translation"
                  for t in sorted(translations.rglob("*.toml")) if t not in known]
    for english in sources(source):
        name, table = _shown(english), translation_file(english, source, translations)
        if not table.exists():
            found.append(f"{name}: no translation ({_shown(table)})")
            continue
        nb, entries = nbformat.read(english, as_version=4), load(table)
        found += chinese_edition.cell_problems(name, nb, entries)
    return found


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def release(courses=(COURSE, ZH_COURSE), python: str = sys.executable) -> list[Path]:
    """Run ``nbgrader generate_assignment`` for every assignment of each course folder; return the
    release notebooks written (where nbgrader_config.py puts them: build/assignments/release/)."""
    written = []
    for course in courses:
        for name in assignments(course / "source"):
            subprocess.run([python, "-m", "nbgrader", "generate_assignment", name, "--force", "--log-level=WARN"],
                           cwd=course, check=True, env=os.environ.copy())
    base = Path(os.environ.get("CRM_RELEASE_DIR") or RELEASE)
    if COURSE in courses:
        written += sorted(base.glob("*/*.ipynb"))
    if ZH_COURSE in courses:
        written += sorted((base / "zh").glob("*/*.ipynb"))
    else:
        shutil.rmtree(base / "zh", ignore_errors=True)   # an older Chinese release would be out of date
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a translation or zh/assignments/ is stale")
    parser.add_argument("--fingerprints", nargs="+", metavar="NOTEBOOK",
                        help="list each English notebook's cells to translate: id, fingerprint, first words")
    parser.add_argument("--release", action="store_true",
                        help="regenerate, then write the release versions with nbgrader generate_assignment")
    args = parser.parse_args(argv)
    if args.fingerprints:
        for name in args.fingerprints:
            for i, cell in translatable(nbformat.read(name, as_version=4)).items():
                print(f"{i}  {fingerprint(cell.source)}  {first_words(cell.source)}")
        return 0
    if args.check:
        todo = problems() + [f"stale Chinese assignment file (run python tools/assignments.py): {_shown(p)}"
                             for p in stale_files()]
        for line in todo:
            print(line)
        return 1 if todo else 0
    for p in update():
        print(f"{'updated' if p.exists() else 'removed'} {_shown(p)}")
    if args.release:
        todo = problems()
        # a Chinese version whose text no longer matches the English numbers must not go out
        for line in todo:
            print(f"not releasing the Chinese assignments: {line}", file=sys.stderr)
        for p in release((COURSE,) if todo else (COURSE, ZH_COURSE)):
            print(f"released {_shown(p)}")
        return 1 if todo else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
