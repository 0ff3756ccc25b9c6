"""Self-checking exercises: one small class per kind of check, tiered hints and a solution.

A notebook's exercises live in one module of :mod:`helpers.exercises` as questions ``q1``,
``q2``, ... Students call::

    ex.q1.check(my_answer)   # right / not yet, with a reason
    ex.q1.hint()             # the next hint (ex.q1.hint(2) for a given one)
    ex.q1.solution()         # the worked answer

An exercise left as ``...`` or ``None`` reports "not answered yet" and never raises, so a
notebook with open exercises still runs top to bottom.

>>> q = NumberQuestion("Margin multiple at r=0.8, d=0.1?", answer=2.6667, tolerance=0.01,
...                    hints=["r / (1 + d - r)"], solution="0.8 / 0.3 = 2.67",
...                    wrong_answers=[8.0])
>>> bool(q.check(2.67)), bool(q.check(8.0)), bool(q.check(...))
(True, False, False)
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Result:
    """The outcome of a check: truthy when correct; shows itself as a short coloured message."""

    status: str  # "correct", "incorrect" or "unattempted"
    message: str

    _STYLE = {"correct": ("#1b7f3b", "✔ Correct"), "incorrect": ("#b3261e", "✘ Not yet"),
              "unattempted": ("#555555", "… Not answered yet")}

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{self._STYLE[self.status][1]}: {self.message}"

    def _repr_html_(self) -> str:
        colour, title = self._STYLE[self.status]
        return (f'<div style="border-left:4px solid {colour};padding:4px 10px;color:{colour}">'
                f"<b>{title}</b>: {html.escape(self.message)}</div>")


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
    return answer is None or answer is Ellipsis


class Question:
    """Base class: a prompt, the answer, hints (easiest first), a solution and typical wrong answers.

    Subclasses implement :meth:`_judge`, returning ``(correct, message)``. ``wrong_answers``
    are the mistakes students typically make; the tests check that each is rejected.
    """

    def __init__(self, prompt, answer, *, hints=(), solution="", wrong_answers=()):
        self.prompt = prompt
        self.answer = answer
        self.hints = list(hints)
        self.solution_text = solution
        self.wrong_answers = list(wrong_answers)
        self._hints_shown = 0

    def check(self, answer) -> Result:
        """Judge ``answer``; returns a :class:`Result` (truthy when correct). Never raises."""
        if _unanswered(answer):
            return Result("unattempted", "replace the ... with your answer and run the cell again. "
                          "Stuck? Call .hint().")
        try:
            correct, message = self._judge(answer)
        except Exception as err:  # a student's answer of the wrong kind must not crash the notebook
            return Result("incorrect", f"could not check that answer ({type(err).__name__}: {err}).")
        return Result("correct" if correct else "incorrect", message)

    def _judge(self, answer) -> tuple[bool, str]:
        raise NotImplementedError

    def hint(self, n: int | None = None) -> Text:
        """The next hint, or hint number ``n`` (1 = gentlest)."""
        if not self.hints:
            return Text("Hint", "no hint for this one; try .solution().")
        if n is None:
            self._hints_shown = min(self._hints_shown + 1, len(self.hints))
            n = self._hints_shown
        if not 1 <= n <= len(self.hints):
            raise ValueError(f"hint number must be 1 to {len(self.hints)}, got {n}")
        return Text(f"Hint {n} of {len(self.hints)}", self.hints[n - 1])

    def solution(self) -> Text:
        """The worked answer."""
        return Text("Solution", self.solution_text or repr(self.answer))


class NumberQuestion(Question):
    """A number, right within an absolute ``tolerance`` (or ``rel_tolerance`` of the answer)."""

    def __init__(self, prompt, answer, *, tolerance=None, rel_tolerance=None, unit="", **kw):
        super().__init__(prompt, answer, **kw)
        if tolerance is None and rel_tolerance is None:
            rel_tolerance = 0.01
        self.tolerance = tolerance or 0.0
        self.rel_tolerance = rel_tolerance or 0.0
        self.unit = unit

    def _judge(self, answer):
        if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, (int, float, np.number)):
            return False, f"expected a single number, got {type(answer).__name__}."
        value = float(answer)
        if not math.isfinite(value):
            return False, "expected a finite number."
        ok = math.isclose(value, float(self.answer), abs_tol=self.tolerance, rel_tol=self.rel_tolerance)
        unit = f" {self.unit}" if self.unit else ""
        if ok:
            return True, f"{value:,.4g}{unit} is right."
        direction = "too high" if value > self.answer else "too low"
        return False, f"{value:,.4g}{unit} is {direction}."


class ChoiceQuestion(Question):
    """One option out of ``options`` (matched without regard to case or surrounding spaces)."""

    def __init__(self, prompt, answer, *, options, **kw):
        super().__init__(prompt, answer, **kw)
        self.options = list(options)
        if answer not in self.options:
            raise ValueError(f"answer {answer!r} is not one of the options {self.options}")

    def _judge(self, answer):
        chosen = str(answer).strip().lower()
        names = {str(o).lower(): o for o in self.options}
        if chosen not in names:
            return False, f"{answer!r} is not one of the options: {self.options}."
        if names[chosen] == self.answer:
            return True, f"{names[chosen]!r} is right."
        return False, f"{names[chosen]!r} is not the best choice."


class MatchQuestion(Question):
    """A dict matching each item to a category, e.g. behaviour -> stage; says how many are right."""

    def _judge(self, answer):
        if not isinstance(answer, dict):
            return False, "expected a dict such as {'item': 'category', ...}."
        missing = [k for k in self.answer if k not in answer]
        if missing:
            return False, f"{len(missing)} item(s) not matched yet, e.g. {missing[0]!r}."
        right = sum(str(answer[k]).strip().lower() == str(v).lower() for k, v in self.answer.items())
        if right == len(self.answer):
            return True, f"all {right} matched correctly."
        return False, f"{right} of {len(self.answer)} matched correctly."


class SetQuestion(Question):
    """A collection whose order does not matter (e.g. the ids of the top customers)."""

    def _judge(self, answer):
        if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
            return False, "expected a list or set of items."
        given, expected = set(answer), set(self.answer)
        if given == expected:
            return True, ("that is the one right item." if len(expected) == 1
                          else f"all {len(expected)} items are right.")
        return False, (f"{len(given & expected)} of {len(expected)} expected items found, "
                       f"{len(given - expected)} extra.")


class FunctionQuestion(Question):
    """A function the student writes, compared with ``answer`` (the reference) on ``cases``.

    ``cases`` is a list of argument tuples; results must agree within ``tolerance``.
    """

    def __init__(self, prompt, answer: Callable, *, cases, tolerance=1e-6, **kw):
        super().__init__(prompt, answer, **kw)
        self.cases = [c if isinstance(c, tuple) else (c,) for c in cases]
        self.tolerance = tolerance

    def _judge(self, answer):
        if not callable(answer):
            return False, "expected a function (the name you defined, without brackets)."
        for args in self.cases:
            expected, got = self.answer(*args), answer(*args)
            if not np.allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float),
                               atol=self.tolerance, rtol=self.tolerance):
                shown = ", ".join(repr(a) for a in args)
                return False, f"for ({shown}) it returns {got!r}; expected {expected!r}."
        return True, f"agrees with the reference on all {len(self.cases)} test cases."
