"""The lecturer guide: one page with, per notebook, timing, discussion prompts with model answers,
common misconceptions and the answers to every exercise.

What only a lecturer needs is written by hand in ``teaching/notes/<notebook>.md`` with three
sections: ``## Timing``, ``## Model answers`` (a numbered list, one answer per discussion
question, in order) and ``## Common misconceptions``. The rest comes from the notebooks and
their exercise modules, so the guide cannot drift from the course.

Usage::

    python tools/lecturer_guide.py          # write teaching/lecturer_guide.md
    python tools/lecturer_guide.py --check  # exit 1 if it is stale
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course  # noqa: E402

NOTES = course.ROOT / "teaching" / "notes"
GUIDE = course.ROOT / "teaching" / "lecturer_guide.md"
SECTIONS = ("Timing", "Model answers", "Common misconceptions")
MISSING = "*(not written yet: add it to the notebook's file in teaching/notes/)*"
PRESENTING = NOTES / "_presenting.md"  # how to present (static decks, RISE, lecture halls): by hand
SESSION_MINUTES = 90
# The course in about ten 90-minute sessions: per session the notebooks shown live in class and
# those assigned (before or after it). The guide takes every time from the notebooks' own
# "Estimated time", and tests/test_delivery.py checks that each session's live part fits 90 minutes.
SCHEDULE = [
    (["notebooks/01_why_crm.ipynb"], ["notebooks/00_start_here.ipynb"],
     "assign 00 before the first class, so that everyone has the course running"),
    (["notebooks/02_lifecycle_stage_models.ipynb"], ["casestudies/xiaomi/01_company_and_idic.ipynb"],
     "the last 30 minutes: discuss the Xiaomi company case the students read beforehand"),
    (["notebooks/03_classifying_stages.ipynb"], [],
     "the remaining 30 minutes: all four exercises in class and discussion questions 3-5"),
    (["notebooks/04_stage_transitions_markov.ipynb"], [], "15 minutes left for discussion"),
    (["casestudies/xiaomi/02_lifecycle_in_practice.ipynb"], [], "20 minutes left for section 4 and Exercise 3"),
    (["notebooks/05_customer_value_abc_rfm.ipynb"], [], "the remaining 30 minutes: exercises and discussion"),
    (["notebooks/06_probabilistic_clv.ipynb"], [], "15 minutes left for discussion"),
    (["notebooks/07_strategies_by_stage.ipynb"], [], "the whole session"),
    (["notebooks/08_customer_networks.ipynb"], ["casestudies/tencent/01_qq_vs_360.ipynb"],
     "the last 30 minutes: the Tencent case's vote and debate, the rest of the case assigned"),
    (["notebooks/09_multisided_platforms.ipynb"], ["casestudies/xiaomi/03_hunger_marketing_and_community.ipynb"],
     "15 minutes left: open the hunger-marketing case, assigned for the exam week"),
]


def notes_path(path: Path) -> Path:
    return NOTES / f"{path.stem}.md" if path.parent.name == "notebooks" else NOTES / f"{path.parent.name}_{path.stem}.md"


def discussion_questions(nb) -> list[str]:
    """The numbered items under "## Questions for discussion"."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "## Questions for discussion" in cell.source:
            body = cell.source.split("## Questions for discussion", 1)[1]
            items, current = [], None
            for line in body.splitlines():
                match = re.match(r"^\s*\d+\.\s+(.*)", line)
                if match:
                    current = match.group(1).strip()
                    items.append(current)
                elif current is not None and line.strip() and not line.startswith("#"):
                    items[-1] += " " + line.strip()
            return items
    return []


def read_notes(path: Path) -> dict[str, str]:
    """The hand-written sections of a notebook's teaching notes ({} if there are none yet)."""
    if not notes_path(path).exists():
        return {}
    text = notes_path(path).read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)
    found = {}
    for part in parts[1:]:
        heading, _, body = part.partition("\n")
        found[heading.strip()] = body.strip()
    return found


def model_answers(section: str) -> list[str]:
    return [m.strip() for m in re.split(r"^\d+\.\s+", section, flags=re.M) if m.strip()]


def exercise_module(nb):
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    match = re.search(r"from helpers\.exercises import (\w+) as ex\b", source)
    return importlib.import_module(f"helpers.exercises.{match.group(1)}") if match else None


def minutes(text: str) -> int:
    """``"75 minutes"`` -> 75 (0 if the notebook states no time)."""
    match = re.search(r"(\d+)", text)
    return int(match.group(1)) if match else 0


def schedule() -> list[str]:
    """The course-level schedule: live and assigned notebooks per session, times from the notebooks."""
    out = ["## Schedule: the course in ten 90-minute sessions", "",
           "Times are each notebook's **Estimated time**; *live* is what to show in class (RISE or the "
           "static deck), *assign* what students work through on their own, before or after. "
           "Generated from `SCHEDULE` in `tools/lecturer_guide.py`.", "",
           "| Session | Live in class | Live minutes | Assign | The rest of the 90 minutes |", "|---|---|---|---|---|"]
    for n, (live, assigned, rest) in enumerate(SCHEDULE, 1):
        books = [course.read(course.ROOT / p) for p in live]
        total = sum(minutes(course.estimated_time(nb)) for nb in books)
        show = "; ".join(f"{course.title(nb)} ({course.estimated_time(nb)})" for nb in books)
        give = "; ".join(f"{course.title(course.read(course.ROOT / p))} ({course.estimated_time(course.read(course.ROOT / p))})"
                         for p in assigned) or "—"
        out.append(f"| {n} | {show} | {total} | {give} | {rest} |")
    return out + [""]


def explorers_table() -> list[str]:
    """Per notebook its explorers: a snapshot in the static deck, live in RISE and in Voilà."""
    out = ["### Explorers: live in RISE or Voilà, a snapshot in the static deck", "",
           "| Notebook | Explorer cell | Voilà dashboard |", "|---|---|---|"]
    for path in course.course_notebooks():
        nb = course.read(path)
        for cell in nb.cells:
            if cell.cell_type == "code" and "nbval-ignore-output" in cell.metadata.get("tags", []):
                call = cell.source.strip().splitlines()[-1]
                name = re.search(r"views\.(\w+_explorer)", call)
                board = f"`dashboards/{name.group(1)}.ipynb`" if name else "—"
                out.append(f"| {course.title(nb)} | `{call}` | {board} |")
    return out + [""]


def guide() -> str:
    from helpers.exercises import questions

    out = ["# Lecturer guide", "",
           "Generated by `python tools/lecturer_guide.py` from the notebooks, their exercises and "
           "the hand-written notes in `teaching/notes/`. Times are for a class that runs every cell "
           "and discusses the explorers; halve them for a reading-only session.", ""]
    if PRESENTING.exists():
        out += [PRESENTING.read_text(encoding="utf-8").strip(), ""]
    out += explorers_table() + schedule()
    for n, path in enumerate(course.course_notebooks()):
        nb = course.read(path)
        notes = read_notes(path)
        if n == 0:
            out += ["# The notebooks", ""]
        rel = path.relative_to(course.ROOT).as_posix()
        out += [f"## {n}. {course.title(nb)}", "",
                f"`{rel}` · estimated time: {course.estimated_time(nb)}", "",
                "**Learning objectives:** " + "; ".join(course.objectives(nb)) + ".", "",
                "### Timing", "", notes.get("Timing", MISSING), "",
                "### Discussion prompts and model answers", ""]
        answers = model_answers(notes.get("Model answers", ""))
        for i, question in enumerate(discussion_questions(nb), 1):
            answer = answers[i - 1] if i <= len(answers) else MISSING
            out += [f"{i}. **{question}**", "", f"   {answer}", ""]
        out += ["### Common misconceptions", "", notes.get("Common misconceptions", MISSING), "",
                "### Exercise answers", ""]
        module = exercise_module(nb)
        for name, q in questions(module).items() if module else []:
            out += [f"- **{name}** — {q.prompt}", f"  *Answer:* {q.solution_text}"]
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = guide()
    if args.check:
        current = GUIDE.read_text(encoding="utf-8") if GUIDE.exists() else ""
        if current != text:
            print(f"stale: {GUIDE.relative_to(course.ROOT)} (run python tools/lecturer_guide.py)")
            return 1
        return 0
    GUIDE.parent.mkdir(exist_ok=True)
    GUIDE.write_text(text, encoding="utf-8")
    print(f"wrote {GUIDE.relative_to(course.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
