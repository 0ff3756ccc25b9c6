"""One switch for the course's language, and one catalogue of every text a student sees.

The course speaks English or Chinese. :func:`set_language` (or ``CRM_COURSE_LANG=zh`` in the
environment when helpers is imported) switches everything at once: figure labels, explorer
controls and summaries, exercise texts and feedback, the glossary's columns and the setup check.
Python errors for bad arguments stay in English.

Every text lives once, under a unique key, with its English and its Chinese. The texts are kept
in TOML files under ``helpers/texts/`` so that a lecturer can correct a translation without
reading code. An entry is a pair ``key = ["English", "中文"]``, or a table with ``en`` and ``zh``;
a list of pairs gives a list of texts (hints, for example). Tables give dotted keys::

    week = ["Week", "周"]

    [why_crm.q1]
    prompt = ["Which raises CLV more?", "哪一项更能提高客户终生价值？"]
    hints = [["First hint", "第一条提示"], ["Second hint", "第二条提示"]]

A key defined twice (in one file or in two) is an error, and so is registering a key again with
other texts (:func:`add_texts`).

>>> set_language("zh"); text("customers")
'客户数'
>>> set_language("en"); text("customers")
'Customers'
"""
from __future__ import annotations

import difflib
import os
import tomllib
import warnings
from pathlib import Path

LANGUAGES = ("en", "zh")
#: The folder of the catalogue's TOML files.
TEXTS = Path(__file__).with_name("texts")
#: Every text: key -> (English, Chinese), or (list of English, list of Chinese).
CATALOGUE: dict[str, tuple] = {}
#: Where each key was defined (a file, or the module that registered it), for error messages.
_ORIGIN: dict[str, str] = {}
_state = {"language": "en"}
#: Functions called with the new language after every switch (the figure theme follows it).
_listeners: list = []


def set_language(language: str) -> None:
    """Switch every text the course shows to English (``"en"``) or Chinese (``"zh"``).

    >>> set_language("zh"); language()
    'zh'
    >>> set_language("en")
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    _state["language"] = language
    for listener in _listeners:
        listener(language)


def on_switch(listener) -> None:
    """Call ``listener(language)`` after every switch of language (once per listener)."""
    if listener not in _listeners:
        _listeners.append(listener)


def language() -> str:
    """The current language, ``"en"`` or ``"zh"``."""
    return _state["language"]


def text(key: str, **values):
    """The text under ``key`` in the current language, with ``{name}`` fields filled from ``values``.

    >>> text("p_alive")
    'P(alive)'
    >>> add_texts({"demo_share": ("{share:.0%} of customers", "{share:.0%}的客户")})
    >>> text("demo_share", share=0.25)
    '25% of customers'
    """
    if key not in CATALOGUE:
        close = difflib.get_close_matches(str(key), CATALOGUE, n=3)
        hint = f"; did you mean {close}?" if close else "; add it to a file in helpers/texts/"
        raise KeyError(f"no text {key!r}{hint}")
    chosen = CATALOGUE[key][LANGUAGES.index(_state["language"])]
    if values:
        if isinstance(chosen, list):
            return [t.format(**values) for t in chosen]
        return chosen.format(**values)
    return chosen


def texts(key: str) -> tuple:
    """Both texts of ``key``: ``(English, Chinese)``."""
    text(key)  # the same error for an unknown key
    return CATALOGUE[key]


def add_texts(entries: dict, origin: str = "code") -> None:
    """Register texts: ``{key: (English, Chinese)}``. The same texts again are fine; other texts
    under a key already taken are an error that names both places.

    >>> add_texts({"demo_stage": ("Stability", "稳定期")}, origin="a demo")
    >>> add_texts({"demo_stage": ("Stable", "稳定期")})
    Traceback (most recent call last):
    ...
    ValueError: text 'demo_stage' is already defined (a demo) as ('Stability', '稳定期'); code gives ('Stable', '稳定期'): choose another key
    """
    checked = {key: _pair(key, value, origin) for key, value in entries.items()}
    for key, pair in checked.items():
        if key in CATALOGUE and CATALOGUE[key] != pair:
            raise ValueError(f"text {key!r} is already defined ({_ORIGIN[key]}) as {CATALOGUE[key]}; "
                             f"{origin} gives {pair}: choose another key")
    for key, pair in checked.items():
        CATALOGUE[key] = pair
        _ORIGIN.setdefault(key, origin)


def _pair(key, value, origin) -> tuple:
    """An entry as ``(English, Chinese)``: strings, or lists of strings of the same length."""
    if isinstance(value, dict) and set(value) == {"en", "zh"}:
        value = (value["en"], value["zh"])
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (list, tuple)) for v in value):
        pairs = [_pair(key, v, origin) for v in value]           # a list of pairs: hints
        return [p[0] for p in pairs], [p[1] for p in pairs]
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, str) for v in value)):
        return tuple(value)
    raise ValueError(f"text {key!r} in {origin} must be a pair of strings [English, Chinese] (or a table with "
                     f"en and zh, or a list of pairs), got {value!r}")


def _entries(table: dict, prefix: str = ""):
    """The entries of a parsed TOML table, with dotted keys."""
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and set(value) != {"en", "zh"}:
            yield from _entries(value, key + ".")
        else:
            yield key, value


def load(folder: Path = TEXTS) -> int:
    """Read every ``*.toml`` file under ``folder`` into the catalogue; return the number of entries.

    A key found in two files is an error naming both.
    """
    count = 0
    for path in sorted(folder.rglob("*.toml")):
        origin = path.relative_to(folder.parent.parent).as_posix() if folder == TEXTS else str(path)
        with path.open("rb") as f:
            try:
                table = tomllib.load(f)
            except tomllib.TOMLDecodeError as err:
                raise ValueError(f"{origin} is not valid TOML: {err}") from None
        entries = dict(_entries(table))
        for key in entries:
            if key in _ORIGIN and _ORIGIN[key] != origin:
                raise ValueError(f"text {key!r} is defined twice: in {_ORIGIN[key]} and in {origin}")
        add_texts(entries, origin)
        count += len(entries)
    return count


load()
_env = os.environ.get("CRM_COURSE_LANG", "").strip().lower()
_env = {"zh-cn": "zh", "zh_cn": "zh", "cn": "zh", "chinese": "zh", "english": "en"}.get(_env, _env)
if _env in LANGUAGES:
    set_language(_env)
elif _env:
    warnings.warn(f"CRM_COURSE_LANG={os.environ['CRM_COURSE_LANG']!r} is not a language of the course "
                  f"({', '.join(LANGUAGES)}); using English", stacklevel=2)
