"""Self-checking exercises: one small class per kind of check, tiered hints and a solution.

A notebook's exercises live in one module of :mod:`helpers.exercises` as questions ``q1``,
``q2``, ... Students call::

    ex.q1.check(my_answer)   # right / not yet, with a reason
    ex.q1.hint()             # the next hint (ex.q1.hint(2) for a given one)
    ex.q1.solution()         # the worked answer

An exercise left as ``...`` or ``None`` reports "not answered yet" and never raises, so a
notebook with open exercises still runs top to bottom. So does a dict template whose values are
all still ``...`` (``{"a": ..., "b": ...}``): an exercise that wants a dict shows its keys that way.

The checks meet students where they are: a number may come as the one-element Series, array or
DataFrame that ``df.loc[...]`` or ``.query(...)`` returns; a share given in percent is told that a
fraction is wanted; an option or label that does not exist is named (with the closest one); the
Chinese names of the lifecycle stages (:data:`helpers.lifecycle.STAGE_NAMES_ZH`) count as the
English ones, and a question can take more Chinese names through ``aliases``; money is written as
money. A student's function gets its own copy of each test case, so changing its argument cannot
change the next case.

>>> q = NumberQuestion("Margin multiple at r=0.8, d=0.1?", answer=2.6667, tolerance=0.01,
...                    hints=["r / (1 + d - r)"], solution="0.8 / 0.3 = 2.67",
...                    wrong_answers=[8.0])
>>> bool(q.check(2.67)), bool(q.check(8.0)), bool(q.check(...))
(True, False, False)
>>> ChoiceQuestion("Where does revenue first exceed cost?", answer="formation",
...                options=["exploration", "formation", "stability"]).check("形成期")
✔ Correct: 'formation' is right.
"""
from __future__ import annotations

import copy
import difflib
import html
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

import numpy as np

from helpers.language import language, text


@dataclass(frozen=True)
class Result:
    """The outcome of a check: truthy when correct; shows itself as a short coloured message."""

    status: str  # "correct", "incorrect" or "unattempted"
    message: str

    _COLOUR = {"correct": "#1b7f3b", "incorrect": "#b3261e", "unattempted": "#555555"}

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{text('feedback.' + self.status)}{text('feedback.separator')}{self.message}"

    def _repr_html_(self) -> str:
        colour, title = self._COLOUR[self.status], text("feedback." + self.status)
        return (f'<div style="border-left:4px solid {colour};padding:4px 10px;color:{colour}">'
                f"<b>{title}</b>{text('feedback.separator')}{html.escape(self.message)}</div>")


@dataclass(frozen=True)
class Text:
    """Markdown text (a hint or a solution) that renders in a notebook and prints as plain text."""

    title: str
    body: str

    def __repr__(self) -> str:
        return f"{self.title}: {self.body}"

    def _repr_markdown_(self) -> str:
        return f"**{self.title}:** {self.body}"


def _unanswered(answer) -> bool:
    """``...`` or ``None``; also a dict template whose every value is still ``...`` or ``None``."""
    if isinstance(answer, Mapping) and answer:
        return all(v is None or v is Ellipsis for v in answer.values())
    return answer is None or answer is Ellipsis


def _key(value) -> str:
    """How names are compared: without regard to case or to spaces around and between words."""
    return " ".join(str(value).split()).casefold()


def _catalogue() -> dict:
    from helpers.language import CATALOGUE

    return CATALOGUE


def _stage_names_zh() -> dict:
    from helpers.lifecycle import STAGE_NAMES_ZH  # imported late: core stays importable on its own

    return dict(STAGE_NAMES_ZH)


def _listing(names, limit: int = 8) -> str:
    shown = ", ".join(repr(n) for n in list(names)[:limit])
    return shown if len(names) <= limit else text("feedback.listing_more", shown=shown, n=len(names))


def _as_number(answer):
    """``(value, None)`` for a single real number, also one held in a one-element Series,
    DataFrame or array; ``(None, reason)`` for anything else."""
    if isinstance(answer, np.ndarray) or hasattr(answer, "to_numpy"):
        kind = "array" if isinstance(answer, np.ndarray) else type(answer).__name__
        values = np.asarray(answer.to_numpy() if hasattr(answer, "to_numpy") else answer).reshape(-1)
        if values.size == 0:
            return None, text("feedback.empty_selection", kind=kind)
        if values.size > 1:
            return None, text("feedback.many_values", kind=kind, size=values.size)
        answer = values[0]
    if isinstance(answer, str):
        try:
            float(answer.replace(",", ""))
        except ValueError:
            return None, text("feedback.not_a_number", kind="str")
        return None, text("feedback.number_as_text", text=answer)
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None, text("feedback.not_a_number", kind=type(answer).__name__)
    value = float(answer)
    if not math.isfinite(value):
        return None, text("feedback.not_finite")
    return value, None


def format_number(value: float, money: bool = False) -> str:
    """A number as feedback shows it: four significant digits, never in scientific notation.

    Money is shown to the cent below 1,000 (whole amounts without cents) and in whole units
    from 1,000 up.

    >>> format_number(0.48351), format_number(91743.12), format_number(2357.0)
    ('0.4835', '91,743', '2,357')
    >>> [format_number(x, money=True) for x in (32920.6, 8.8051, 350.0)]
    ['32,921', '8.81', '350']
    """
    if money:
        return f"{value:,.0f}" if abs(value) >= 1000 or value == round(value) else f"{value:,.2f}"
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return f"{value:,.4g}"


class Question:
    """Base class: a prompt, the answer, hints (easiest first), a solution and typical wrong answers.

    Subclasses implement :meth:`_judge`, returning ``(correct, message)``. ``wrong_answers``
    are the mistakes students typically make; the tests check that each is rejected.

    ``aliases`` gives options, labels or items other names that count as them, usually Chinese:
    a mapping from the name to one alias or a list of them, e.g. ``{"differentiate": "区分"}``
    (:data:`helpers.xiaomi.IDIC_STEPS` is such a mapping). The Chinese stage names (形成期 for
    formation, ...) are aliases of every question unless ``stage_aliases=False`` (for a question
    that asks for the translation itself).
    """

    def __init__(self, prompt=None, answer=None, *, hints=(), solution="", wrong_answers=(), aliases=None,
                 stage_aliases=True, key=None):
        self.key = key
        self._prompt, self._hints, self._solution = prompt, list(hints), solution
        if key is None and prompt is None:
            raise ValueError("a question needs its texts: a key in helpers/texts/exercises or a prompt")
        if key is not None:
            self.prompt  # the texts exist in both languages, or an error names the missing key
        self.answer = answer
        self.wrong_answers = list(wrong_answers)
        self.aliases = dict(aliases or {})
        self.stage_aliases = stage_aliases
        self._hints_shown = 0

    def _text(self, field: str, given):
        """A text of this question in the current language: from the catalogue under
        ``<key>.<field>`` when the question has a key, else the English given to the constructor."""
        if self.key is None:
            return given
        return text(f"{self.key}.{field}")

    @property
    def prompt(self) -> str:
        """What the exercise asks, in the current language."""
        return self._text("prompt", self._prompt)

    @property
    def hints(self) -> list:
        """The hints, gentlest first, in the current language."""
        return list(self._text("hints", self._hints)) if (self.key or self._hints) else []

    @property
    def solution_text(self) -> str:
        """The worked answer in words, in the current language."""
        return self._text("solution", self._solution)

    def check(self, answer) -> Result:
        """Judge ``answer``; returns a :class:`Result` (truthy when correct). Never raises."""
        if _unanswered(answer):
            return Result("unattempted", text("feedback.replace_dots"))
        try:
            correct, message = self._judge(answer)
        except Exception as err:  # a student's answer of the wrong kind must not crash the notebook
            return Result("incorrect", text("feedback.could_not_check", kind=type(err).__name__, error=err))
        return Result("correct" if correct else "incorrect", message)

    def _judge(self, answer) -> tuple[bool, str]:
        raise NotImplementedError

    def _alias_table(self) -> dict:
        """Every alias (as compared, see :func:`_key`) and the name it stands for."""
        table = {}
        for names in ((_stage_names_zh() if self.stage_aliases else {}), self.aliases):
            for name, alias in names.items():
                for a in ([alias] if isinstance(alias, str) else alias):
                    table[_key(a)] = name
        return table

    def _shown(self, name):
        """How feedback names an option: its Chinese name in Chinese (when it has one)."""
        if language() != "zh":
            return name
        for names in (self.aliases, (_stage_names_zh() if self.stage_aliases else {})):
            alias = names.get(name)
            if alias:
                return alias if isinstance(alias, str) else alias[0]
        return name

    def _canonical(self, value, names):
        """The one of ``names`` that ``value`` means (case, spaces and aliases forgiven), or None."""
        by_key = {_key(n): n for n in names}
        if _key(value) in by_key:
            return by_key[_key(value)]
        meant = self._alias_table().get(_key(value))
        return by_key.get(_key(meant)) if meant is not None else None

    def _not_one_of(self, unknown, names, kind: str) -> str:
        """Names what is unknown, what is allowed and, for a near miss, what was probably meant."""
        said = ", ".join(repr(u) for u in unknown)
        verb = text("feedback.is_") if len(unknown) == 1 else text("feedback.are")
        message = text("feedback.not_one_of", said=said, verb=verb, kind=text("feedback." + kind.replace(" ", "_")),
                       listing=_listing([self._shown(n) for n in names]))
        keys = {_key(n): n for n in names}
        close = difflib.get_close_matches(_key(unknown[0]), list(keys), n=1, cutoff=0.75)
        return message + (text("feedback.did_you_mean", close=self._shown(keys[close[0]])) if close else "")

    def hint(self, n: int | None = None) -> Text:
        """The next hint, or hint number ``n`` (1 = gentlest). After the last: the way to the solution."""
        hints = self.hints
        if not hints:
            return Text(text("feedback.hint"), text("feedback.no_hint"))
        if n is None:
            if self._hints_shown >= len(hints):
                return Text(text("feedback.no_more_hints"),
                            text("feedback.seen_all_hints", n=len(hints), last=hints[-1]))
            self._hints_shown += 1
            n = self._hints_shown
        if not 1 <= n <= len(hints):
            raise ValueError(f"hint number must be 1 to {len(hints)}, got {n}")
        return Text(text("feedback.hint_n_of", n=n, total=len(hints)), hints[n - 1])

    def solution(self) -> Text:
        """The worked answer."""
        return Text(text("feedback.solution"), self.solution_text or repr(self.answer))


class NumberQuestion(Question):
    """A number, right within an absolute ``tolerance`` (or ``rel_tolerance`` of the answer).

    ``unit`` follows the number in the feedback. ``money=True`` shows it as money (``unit`` names
    the currency): "32,921 RMB", not "3.292e+04 RMB". ``share=True`` says the answer is a share, a
    rate or a probability written as a fraction (a difference of two may be negative): an answer
    beyond 1 is then told that a fraction is wanted, which is how a share given in percent shows.
    """

    def __init__(self, prompt=None, answer=None, *, tolerance=None, rel_tolerance=None, unit="", money=False,
                 share=False, **kw):
        super().__init__(prompt, answer, **kw)
        if tolerance is None and rel_tolerance is None:
            rel_tolerance = 0.01
        if share and not -1 <= answer <= 1:
            raise ValueError(f"a share lies between 0 and 1 (a difference of shares between -1 and 1); "
                             f"the answer is {answer}")
        self.tolerance = tolerance or 0.0
        self.rel_tolerance = rel_tolerance or 0.0
        self._unit = unit
        self.money = money
        self.share = share

    @property
    def unit(self) -> str:
        """The unit shown after the number, in the current language."""
        if self.key is not None and f"{self.key}.unit" in _catalogue():
            return text(f"{self.key}.unit")
        return self._unit

    def _judge(self, answer):
        value, problem = _as_number(answer)
        if problem:
            return False, problem
        unit = self.unit
        shown = format_number(value, self.money) + (f" {unit}" if unit else "")
        ok = math.isclose(value, float(self.answer), abs_tol=self.tolerance, rel_tol=self.rel_tolerance)
        if ok:
            return True, text("feedback.number_right", shown=shown)
        if self.share and abs(value) > 1:
            advice = (text("feedback.percent_advice", percent=format_number(value),
                           fraction=format_number(value / 100)) if abs(value) <= 100 else "")
            return False, text("feedback.not_a_share", shown=shown, advice=advice)
        if self.share and value < 0 <= self.answer:
            return False, text("feedback.negative_share", shown=shown)
        return False, text("feedback.too_high" if value > self.answer else "feedback.too_low", shown=shown)


class ChoiceQuestion(Question):
    """One option out of ``options``, matched without regard to case or spaces; aliases count too."""

    def __init__(self, prompt=None, answer=None, *, options, **kw):
        super().__init__(prompt, answer, **kw)
        self.options = list(options)
        if answer not in self.options:
            raise ValueError(f"answer {answer!r} is not one of the options {self.options}")

    def _judge(self, answer):
        chosen = self._canonical(answer, self.options)
        if chosen is None:
            return False, self._not_one_of([answer], self.options, "options")
        if chosen == self.answer:
            return True, text("feedback.choice_right", chosen=self._shown(chosen))
        return False, text("feedback.choice_not_best", chosen=self._shown(chosen))


class MatchQuestion(Question):
    """A dict matching each item to a label, e.g. behaviour -> stage; says how many are right.

    ``labels`` are the labels a student may use (by default those of the answer). Items and
    labels are matched without regard to case or spaces; aliases count as the label they name.
    An item or a label that does not exist is named, not counted as a wrong match.
    """

    def __init__(self, prompt=None, answer=None, *, labels=None, **kw):
        super().__init__(prompt, answer, **kw)
        self.labels = list(dict.fromkeys(answer.values() if labels is None else labels))
        stray = [v for v in answer.values() if v not in self.labels]
        if stray:
            raise ValueError(f"answer uses label(s) {stray} that are not among the labels {self.labels}")

    def _judge(self, answer):
        if hasattr(answer, "to_dict") and not isinstance(answer, Mapping):  # a Series item -> label
            answer = answer.to_dict()
        if not isinstance(answer, Mapping):
            return False, text("feedback.expected_dict")
        answer = {k: v for k, v in answer.items() if not _unanswered(v)}  # `...` = not matched yet
        items = list(self.answer)
        unknown_items = [k for k in answer if self._canonical(k, items) is None]
        if unknown_items:
            return False, self._not_one_of(unknown_items, items, "items to match")
        unknown_labels = list(dict.fromkeys(v for v in answer.values()
                                            if self._canonical(v, self.labels) is None))
        if unknown_labels:
            return False, self._not_one_of(unknown_labels, self.labels, "labels")
        given = {self._canonical(k, items): self._canonical(v, self.labels) for k, v in answer.items()}
        missing = [k for k in items if k not in given]
        if missing:
            return False, text("feedback.not_matched_yet", n=len(missing), first=self._shown(missing[0]))
        right = sum(given[k] == v for k, v in self.answer.items())
        if right == len(self.answer):
            return True, text("feedback.all_matched", n=right)
        return False, text("feedback.some_matched", right=right, total=len(self.answer))


class SetQuestion(Question):
    """A collection whose order does not matter (e.g. the ids of the top customers).

    With ``options`` (e.g. the letters of the statements to choose from), an item that is not
    one of them is named. Items are matched without regard to case or spaces; aliases count.
    """

    def __init__(self, prompt=None, answer=None, *, options=None, **kw):
        super().__init__(prompt, answer, **kw)
        self.options = None if options is None else list(options)
        if self.options is not None and not set(answer) <= set(self.options):
            raise ValueError(f"answer {answer!r} is not a subset of the options {self.options}")

    def _judge(self, answer):
        if isinstance(answer, (str, bytes, Mapping)) or not hasattr(answer, "__iter__"):
            return False, text("feedback.expected_collection")
        expected = set(self.answer)
        names = self.options if self.options is not None else list(expected)
        given, unknown = set(), []
        for item in answer:
            meant = self._canonical(item, names)
            if meant is None and self.options is not None:
                unknown.append(item)
            given.add(item if meant is None else meant)
        if unknown:
            return False, self._not_one_of(unknown, self.options, "options")
        if given == expected:
            return True, (text("feedback.the_one_item") if len(expected) == 1
                          else text("feedback.all_items", n=len(expected)))
        return False, text("feedback.items_found", found=len(given & expected), total=len(expected),
                           extra=len(given - expected))


class FunctionQuestion(Question):
    """A function the student writes, compared with ``answer`` (the reference) on ``cases``.

    ``cases`` is a list of argument tuples; results must agree within ``tolerance``. Each call
    gets its own deep copy of the case, so a function that changes its argument (sorts a list,
    edits a frame) changes neither the reference's input nor the next check.
    """

    def __init__(self, prompt=None, answer: Callable = None, *, cases, tolerance=1e-6, **kw):
        super().__init__(prompt, answer, **kw)
        self.cases = [c if isinstance(c, tuple) else (c,) for c in cases]
        self.tolerance = tolerance

    def _judge(self, answer):
        if not callable(answer):
            return False, text("feedback.expected_function")
        for args in self.cases:
            expected, got = self.answer(*copy.deepcopy(args)), answer(*copy.deepcopy(args))
            if not np.allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float),
                               atol=self.tolerance, rtol=self.tolerance):
                shown = ", ".join(repr(a) for a in args)
                return False, text("feedback.function_differs", shown=shown, got=got, expected=expected)
        return True, text("feedback.function_agrees", n=len(self.cases))
