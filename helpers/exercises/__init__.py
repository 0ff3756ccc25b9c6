"""Exercises, one module per notebook, each holding questions ``q1``, ``q2``, ...

>>> from helpers.exercises import start_here as ex
>>> bool(ex.q1.check(...))
False
"""
from helpers.exercises.core import (ChoiceQuestion, FunctionQuestion, MatchQuestion, NumberQuestion,
                                    Question, Result, SetQuestion)

__all__ = ["Question", "NumberQuestion", "ChoiceQuestion", "MatchQuestion", "SetQuestion",
           "FunctionQuestion", "Result", "questions"]


def questions(module) -> dict:
    """The questions of an exercise module, by name (``{"q1": ..., "q2": ...}``), in order."""
    found = {name: obj for name, obj in vars(module).items() if isinstance(obj, Question)}
    return dict(sorted(found.items(), key=lambda kv: int(kv[0][1:]) if kv[0][1:].isdigit() else 0))
