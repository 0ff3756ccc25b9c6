"""The lecturer guide: one page with, per notebook, timing, discussion prompts with model answers,
common misconceptions and the answers to every exercise.

What only a lecturer needs is written by hand in ``teaching/notes/<notebook>.md`` with three
sections: ``## Timing``, ``## Model answers`` (a numbered list, one answer per discussion
question, in order) and ``## Common misconceptions``. The rest comes from the notebooks and
their exercise modules, so the guide cannot drift from the course.

Usage::

    python tools/lecturer_guide.py          # write teaching/lecturer_guide.md and lecturer_guide.zh-CN.md
    python tools/lecturer_guide.py --check  # exit 1 if either is stale

The Chinese guide, ``teaching/lecturer_guide.zh-CN.md``, comes the same way from the Chinese
notebooks in ``zh/``, the Chinese exercise texts and the Chinese notes ``zh/teaching/notes/<same
name>.md``, whose first line is ``<!-- english: FINGERPRINT -->`` (:func:`english_fingerprint` of
the English notes file translated) and whose sections are ``## 时间安排``, ``## 讨论题参考答案``
and ``## 常见误解``. A notebook without Chinese notes yet gets :data:`MISSING_ZH_NOTES`; a stale
fingerprint makes ``--check`` fail (:func:`stale_zh_notes`).
"""
from __future__ import annotations

import argparse
import hashlib
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
# "Estimated time"; the last column starts with the minutes left after them ("the whole session" when
# none are). tests/test_teaching_times.py checks that the two make 90 and that the notes plan the same times.
SCHEDULE = [
    (["notebooks/01_why_crm.ipynb"], ["notebooks/00_start_here.ipynb"],
     "the whole session; assign 00 before the first class, so that everyone has the course running"),
    (["notebooks/02_lifecycle_stage_models.ipynb"], ["casestudies/xiaomi/01_company_and_idic.ipynb"],
     "the last 30 minutes: discuss the Xiaomi company case the students read beforehand (its 30-minute plan)"),
    (["notebooks/03_classifying_stages.ipynb"], [],
     "the remaining 30 minutes: all four exercises in class and discussion questions 3-5"),
    (["notebooks/04_stage_transitions_markov.ipynb"], [], "the whole session"),
    (["casestudies/xiaomi/02_lifecycle_in_practice.ipynb"], [], "20 minutes left for section 4 and Exercise 3"),
    (["notebooks/05_customer_value_abc_rfm.ipynb"], [],
     "the remaining 30 minutes: section 6, the rest of section 7, exercises and discussion (the notes' 90-minute plan)"),
    (["notebooks/06_probabilistic_clv.ipynb"], [], "the whole session"),
    (["notebooks/07_strategies_by_stage.ipynb"], [], "the whole session"),
    (["notebooks/08_customer_networks.ipynb"], ["casestudies/tencent/01_qq_vs_360.ipynb"],
     "the last 30 minutes: the Tencent case's vote and debate (its 30-minute plan), the rest of the case assigned"),
    (["notebooks/09_multisided_platforms.ipynb"], ["casestudies/xiaomi/03_hunger_marketing_and_community.ipynb"],
     "15 minutes left: open the hunger-marketing case, assigned for the exam week"),
]


ZH_NOTES = course.ROOT / "zh" / "teaching" / "notes"
ZH_GUIDE = course.ROOT / "teaching" / "lecturer_guide.zh-CN.md"
ZH_SECTIONS = ("时间安排", "讨论题参考答案", "常见误解")  # Timing, Model answers, Common misconceptions
ZH_MISSING = "*（尚未撰写：请补充到 zh/teaching/notes/ 中本讲的文件里）*"
MISSING_ZH_NOTES = "（本讲的中文教学笔记尚未完成，见英文版）"
ZH_DISCUSSION_HEADING = "## 讨论题"
# The last column of SCHEDULE, in Chinese (same order)
SCHEDULE_ZH = [
    "整节课；第一次课之前布置 00，让每位学生都把课程运行起来",
    "最后 30 分钟：讨论学生课前阅读的小米公司案例（按该案例的 30 分钟方案）",
    "剩下的 30 分钟：课上完成全部四道练习，并讨论第 3–5 题",
    "整节课",
    "留 20 分钟讲第 4 节和练习 3",
    "剩下的 30 分钟：第 6 节、第 7 节的其余部分、练习与讨论（见教学笔记的 90 分钟方案）",
    "整节课",
    "整节课",
    "最后 30 分钟：腾讯案例的投票与辩论（按该案例的 30 分钟方案），案例其余部分课后完成",
    "留 15 分钟：引出饥饿营销案例，作为考试周的阅读任务",
]
FINGERPRINT_LINE = re.compile(r"^<!-- english: ([0-9a-f]{12}) -->$")


def notes_path(path: Path, folder: Path = NOTES) -> Path:
    return folder / f"{path.stem}.md" if path.parent.name == "notebooks" else folder / f"{path.parent.name}_{path.stem}.md"


def discussion_questions(nb, heading: str = "## Questions for discussion") -> list[str]:
    """The numbered items under "## Questions for discussion" (``heading``)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and re.search(rf"^{re.escape(heading)}\s*$", cell.source, flags=re.M):
            body = re.split(rf"^{re.escape(heading)}\s*$", cell.source, maxsplit=1, flags=re.M)[1]
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


def read_notes(path: Path, folder: Path = NOTES) -> dict[str, str]:
    """The hand-written sections of a notebook's teaching notes ({} if there are none yet)."""
    if not notes_path(path, folder).exists():
        return {}
    text = notes_path(path, folder).read_text(encoding="utf-8")
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


# A class plan in the notes' "## Timing": it opens with "For a 90-minute class" ("90 分钟的课" in the
# Chinese notes) and names the minutes of each of its parts in bold, "**10 minutes** on ...",
# "**10 分钟**讲……"; a plan that builds on a shorter one counts that one as a bold part of its own
# ("**60 minutes** for the 60-minute plan above"). Minutes inside a part (a 2-minute pause) stay plain.
PLAN_START = {"en": re.compile(r"\b[Ff]or an? (\d+)-minute class"), "zh": re.compile(r"(\d+) 分钟的课")}
PLAN_PART = {"en": re.compile(r"\*\*(\d+)\s+minutes?\*\*"), "zh": re.compile(r"\*\*(\d+)\s*分钟\*\*")}


def timing_plans(timing: str, lang: str = "en") -> list[tuple[int, list[int]]]:
    """The class plans of a notes file's Timing section: (length in minutes, minutes of each bold
    part), in order. A plan runs from its opening words to the next plan or the end of its paragraph;
    bold minutes outside every plan are returned as a plan of length 0, so that a check sees them.

    >>> timing_plans("For a 20-minute class: **5 minutes** on the map, **15 minutes** on exercises.")
    [(20, [5, 15])]
    >>> timing_plans("30 分钟的课：**10 分钟**讲模型，**20 分钟**讨论。", "zh")
    [(30, [10, 20])]
    """
    if lang not in PLAN_START:
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    plans = []
    for paragraph in re.split(r"\n\s*\n", timing):
        starts = list(PLAN_START[lang].finditer(paragraph))
        head = paragraph[:starts[0].start()] if starts else paragraph
        loose = [int(m.group(1)) for m in PLAN_PART[lang].finditer(head)]
        if loose:
            plans.append((0, loose))
        for i, start in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(paragraph)
            parts = [int(m.group(1)) for m in PLAN_PART[lang].finditer(paragraph[start.end():end])]
            plans.append((int(start.group(1)), parts))
    return plans


def rest_minutes(rest: str) -> int:
    """The minutes a schedule row's last column names: "15 minutes left ..." -> 15, "留 15 分钟" -> 15,
    "the whole session" -> 0.

    >>> rest_minutes("the last 30 minutes: the Tencent case"), rest_minutes("整节课")
    (30, 0)
    """
    match = re.search(r"(\d+) (?:minutes|分钟)", rest)
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


# ---- the Chinese guide (teaching/lecturer_guide.zh-CN.md) ----

def english_fingerprint(english_notes: Path) -> str:
    """The fingerprint a Chinese notes file names on its first line: sha256 of the English file, 12 digits."""
    return hashlib.sha256(english_notes.read_text(encoding="utf-8").encode("utf-8")).hexdigest()[:12]


def zh_notes_files(folder: Path = ZH_NOTES) -> list[Path]:
    return sorted(folder.glob("*.md")) if folder.exists() else []


def stale_zh_notes(folder: Path = ZH_NOTES, english: Path = NOTES) -> list[str]:
    """The Chinese notes files whose first line is missing or names another version of the English file."""
    stale = []
    for path in zh_notes_files(folder):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        match = FINGERPRINT_LINE.match(first[0]) if first else None
        source = english / path.name
        if not match or not source.exists() or match.group(1) != english_fingerprint(source):
            stale.append(path.name)
    return stale


def zh_estimated_time(nb) -> str:
    """The Chinese notebook's stated time, e.g. "60 分钟" from "**预计用时：** 60 分钟。"."""
    for cell in nb.cells:
        match = re.search(r"预计用时[:：]\**\s*([^\n。.]+)", cell.source) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return course.estimated_time(nb)


def _zh_book(path: Path):
    """The Chinese notebook of an English one (the English notebook if there is no translation yet)."""
    from tools import chinese_edition

    zh_path = chinese_edition.chinese_path(path)
    return course.read(zh_path) if zh_path.exists() else course.read(path)


def _zh_objectives(path: Path, nb) -> list[str]:
    from tools import chinese_edition

    return chinese_edition.chinese_objectives(course.read(path), nb)


def zh_schedule() -> list[str]:
    out = ["## 课程安排：十次 90 分钟的课", "",
           "时间取自各笔记本的**预计用时**；*课上演示*指在课堂上展示的内容（RISE 或静态幻灯片），"
           "*布置*指学生在课前或课后自行学习的内容。由 `tools/lecturer_guide.py` 中的 `SCHEDULE` 生成。", "",
           "| 次序 | 课上演示 | 演示分钟数 | 布置 | 90 分钟中的其余时间 |", "|---|---|---|---|---|"]
    for n, ((live, assigned, _), rest) in enumerate(zip(SCHEDULE, SCHEDULE_ZH), 1):
        books = [_zh_book(course.ROOT / p) for p in live]
        total = sum(minutes(zh_estimated_time(nb)) for nb in books)
        show = "; ".join(f"{course.title(nb)}（{zh_estimated_time(nb)}）" for nb in books)
        give = "; ".join(f"{course.title(_zh_book(course.ROOT / p))}（{zh_estimated_time(_zh_book(course.ROOT / p))}）"
                         for p in assigned) or "—"
        out.append(f"| {n} | {show} | {total} | {give} | {rest} |")
    return out + [""]


def zh_explorers_table() -> list[str]:
    out = ["### 交互探索器：在 RISE 或 Voilà 中实时操作，静态幻灯片中为快照", "",
           "| 笔记本 | 探索器单元格 | Voilà 仪表板 |", "|---|---|---|"]
    for path in course.course_notebooks():
        nb = course.read(path)
        zh_title = course.title(_zh_book(path))
        for cell in nb.cells:
            if cell.cell_type == "code" and "nbval-ignore-output" in cell.metadata.get("tags", []):
                call = cell.source.strip().splitlines()[-1]
                name = re.search(r"views\.(\w+_explorer)", call)
                board = f"`dashboards/{name.group(1)}.ipynb`" if name else "—"
                out.append(f"| {zh_title} | `{call}` | {board} |")
    return out + [""]


def zh_guide(folder: Path = ZH_NOTES) -> str:
    """The Chinese lecturer guide: the notes in ``folder``, the Chinese notebooks and exercise texts."""
    from helpers import language
    from helpers.exercises import questions

    out = ["# 教师指南", "",
           "由 `python tools/lecturer_guide.py` 根据中文版笔记本（`zh/`）、练习以及 `zh/teaching/notes/` "
           "中手写的中文教学笔记生成。所列时间适用于运行每个单元格并讨论交互探索器的课堂；"
           "若只是阅读，时间减半。英文版见 [lecturer_guide.md](lecturer_guide.md)。", ""]
    presenting = folder / PRESENTING.name
    if presenting.exists():
        out += [_body(presenting), ""]
    elif PRESENTING.exists():
        out += ["## 课堂演示", "", MISSING_ZH_NOTES, ""]
    out += zh_explorers_table() + zh_schedule()
    previous = language.language()
    language.set_language("zh")
    try:
        for n, path in enumerate(course.course_notebooks()):
            nb = _zh_book(path)
            has_notes = notes_path(path, folder).exists()
            notes = read_notes(path, folder)
            if n == 0:
                out += ["# 各讲笔记本", ""]
            rel = path.relative_to(course.ROOT).as_posix()
            out += [f"## {n}. {course.title(nb)}", "",
                    f"`zh/{rel}` · 预计用时：{zh_estimated_time(nb)}", "",
                    "**学习目标：**" + "；".join(_zh_objectives(path, nb)) + "。", ""]
            if not has_notes:
                out += [MISSING_ZH_NOTES, ""]
            else:
                out += ["### 时间安排", "", notes.get("时间安排", ZH_MISSING), "",
                        "### 讨论题与参考答案", ""]
                answers = model_answers(notes.get("讨论题参考答案", ""))
                for i, question in enumerate(discussion_questions(nb, ZH_DISCUSSION_HEADING), 1):
                    answer = answers[i - 1] if i <= len(answers) else ZH_MISSING
                    out += [f"{i}. **{question}**", "", f"   {answer}", ""]
                out += ["### 常见误解", "", notes.get("常见误解", ZH_MISSING), ""]
            out += ["### 练习答案", ""]
            module = exercise_module(course.read(path))
            for name, q in questions(module).items() if module else []:
                out += [f"- **{name}** — {q.prompt}", f"  *答案：*{q.solution_text}"]
            out.append("")
    finally:
        language.set_language(previous)
    return "\n".join(out)


def _body(path: Path) -> str:
    """A Chinese notes file without its fingerprint line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and FINGERPRINT_LINE.match(lines[0]):
        lines = lines[1:]
    return "\n".join(lines).strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    guides = {GUIDE: guide(), ZH_GUIDE: zh_guide()}
    if args.check:
        status = 0
        for name in stale_zh_notes():
            print(f"stale: zh/teaching/notes/{name} (its first line does not match teaching/notes/{name}; "
                  "translate the changes, then update the fingerprint)")
            status = 1
        for path, text in guides.items():
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                print(f"stale: {path.relative_to(course.ROOT)} (run python tools/lecturer_guide.py)")
                status = 1
        return status
    for path, text in guides.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(course.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
