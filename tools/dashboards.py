"""One Voilà dashboard per explorer: ``dashboards/<explorer>.ipynb``, generated from helpers.views,
and its Chinese twin ``dashboards/zh/<explorer>.ipynb`` (first cell ``helpers.set_language("zh")``,
title and summary from the catalogue, helpers/texts/dashboards.toml).

Usage::

    python tools/dashboards.py            # (re)write dashboards/ from the explorers in helpers.views
    python tools/dashboards.py --check    # exit 1 if dashboards/ is stale

Then ``make dashboards`` serves them all with Voilà (code hidden, widgets live), or open one:
``voila dashboards/retention_explorer.ipynb``; ``make dashboards-zh`` serves the Chinese ones.
"""
from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "dashboards"
ZH_FOLDER = FOLDER / "zh"


def explorers() -> dict[str, str]:
    """Every explorer in helpers.views: name -> first line of its docstring."""
    from helpers import views

    found = {}
    for name, fn in vars(views).items():
        if name.endswith("_explorer") and inspect.isfunction(fn):
            found[name] = (inspect.getdoc(fn) or name).splitlines()[0]
    return dict(sorted(found.items()))


def dashboard(name: str, summary: str):
    words = {"rfm": "RFM", "qq": "QQ", "p": "P", "alive": "(alive)"}
    title = " ".join(words.get(w, w) for w in name.removesuffix("_explorer").split("_"))
    title = (title[0].upper() + title[1:]).replace("P (alive)", "P(alive)") + " explorer"
    return new_notebook(cells=[  # fixed cell ids keep the files byte-identical between runs
        new_markdown_cell(f"# {title}\n\n{summary}", id="title"),
        new_code_cell(f"from helpers import plotting, views\n\nplotting.use_theme()\nviews.{name}()", id="explorer"),
    ], metadata={"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}})


def chinese_dashboard(name: str):
    """The dashboard in Chinese: a first cell switches the course's language, then the explorer."""
    from helpers import language as lang

    before = lang.language()
    lang.set_language("zh")
    try:
        title, summary = lang.text(f"dashboards.title.{name}"), lang.text(f"dashboards.summary.{name}")
    finally:
        lang.set_language(before)
    return new_notebook(cells=[
        new_code_cell('import helpers\n\nhelpers.set_language("zh")', id="language"),
        new_markdown_cell(f"# {title}\n\n{summary}", id="title"),
        new_code_cell(f"from helpers import plotting, views\n\nplotting.use_theme()\nviews.{name}()", id="explorer"),
    ], metadata={"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}})


def expected() -> dict[Path, str]:
    found = {}
    for name, summary in explorers().items():
        found[FOLDER / f"{name}.ipynb"] = nbformat.writes(dashboard(name, summary))
        found[ZH_FOLDER / f"{name}.ipynb"] = nbformat.writes(chinese_dashboard(name))
    return found


def _on_disk() -> list[Path]:
    return [*FOLDER.glob("*.ipynb"), *ZH_FOLDER.glob("*.ipynb")]


def stale() -> list[Path]:
    want = expected()
    have = {p: p.read_text(encoding="utf-8") for p in _on_disk()}
    return sorted({p for p in want if have.get(p) != want[p]} | (set(have) - set(want)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        for p in stale():
            print(f"stale dashboard: {p.relative_to(ROOT)}")
        return 1 if stale() else 0
    ZH_FOLDER.mkdir(parents=True, exist_ok=True)
    want = expected()
    for p in _on_disk():
        if p not in want:
            p.unlink()
    for p, text in want.items():
        p.write_text(text, encoding="utf-8")
    print(f"{len(want)} dashboards in {FOLDER.relative_to(ROOT)}/ (Chinese in {ZH_FOLDER.relative_to(ROOT)}/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
