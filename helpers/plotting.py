"""The course's look: one theme, fixed stage colours, and figure labels in English or Chinese.

Chinese text renders on any machine: a CJK font already installed is preferred, and otherwise
the WenQuanYi Micro Hei font shipped in ``helpers/fonts`` (Apache-2.0) is used. Latin text keeps
DejaVu Sans; matplotlib falls back glyph by glyph, so mixed labels such as
"Exploration 考察期" render in one string.

>>> from helpers import plotting
>>> plotting.use_theme()
>>> plotting.use_language("zh")
>>> plotting.label("stability")
'稳定期'
>>> plotting.use_language("en")
"""
from __future__ import annotations

import functools
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from helpers import language as _language
from helpers.lifecycle import STAGE_NAMES_ZH, STAGES

#: One colour per stage, used by every figure in the course (Okabe-Ito, colour-blind safe).
STAGE_COLORS = {
    "exploration": "#56B4E9",
    "formation": "#009E73",
    "stability": "#0072B2",
    "decline": "#E69F00",
    "churned": "#999999",
}

LANGUAGES = _language.LANGUAGES
BUNDLED_CJK_FONT = Path(__file__).with_name("fonts") / "wqy-microhei.ttc"
#: CJK fonts preferred when installed on the machine, best first.
SYSTEM_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                    "Hiragino Sans GB", "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")

#: Every text of the course, figure labels included: key -> (English, Chinese). The catalogue
#: lives in :mod:`helpers.language` (files in ``helpers/texts/``); this is the same dict.
LABELS = _language.CATALOGUE
_language.add_texts({s: (s.capitalize(), STAGE_NAMES_ZH[s]) for s in STAGES}, origin="helpers.lifecycle")



@functools.lru_cache(maxsize=None)
def cjk_font_name() -> str:
    """The CJK font figures use: an installed one if any, else the bundled WenQuanYi Micro Hei.

    >>> cjk_font_name() in SYSTEM_CJK_FONTS
    True
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in SYSTEM_CJK_FONTS:
        if name in installed:
            return name
    font_manager.fontManager.addfont(str(BUNDLED_CJK_FONT))
    return "WenQuanYi Micro Hei"


def use_theme() -> None:
    """Apply the course's figure style (size, grid, spines, fonts with Chinese fallback).

    Titles are bold in English and regular in Chinese: the CJK font has no bold face, and a bold
    title would mix bold Latin letters with regular Chinese ones. :func:`use_language` applies
    the style again, so the titles follow the language.

    Safe to call more than once.

    >>> use_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.spines.top"], mpl.rcParams["axes.titleweight"]
    (False, 'bold')
    """
    mpl.rcParams.update({
        "figure.figsize": (7.5, 4.2),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        # an explicit list (not "sans-serif") is what turns on matplotlib's glyph-by-glyph fallback
        "font.family": ["DejaVu Sans", cjk_font_name()],
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.titleweight": "bold" if _language.language() == "en" else "normal",
        "axes.titlesize": 12,
        "axes.labelsize": 10,
        "legend.frameon": False,
        "axes.prop_cycle": mpl.cycler(color=["#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                             "#56B4E9", "#D55E00", "#F0E442", "#999999"]),
    })


def _title_weight(language_: str) -> None:
    """Titles are bold in English, regular in Chinese (the CJK font has no bold face)."""
    mpl.rcParams["axes.titleweight"] = "bold" if language_ == "en" else "normal"


_language.on_switch(_title_weight)


def use_language(language_: str) -> None:
    """Switch the course's language: the same switch as :func:`helpers.set_language`, for
    figures, explorers, exercises and the glossary alike.

    >>> use_language("zh"); label("decline"), mpl.rcParams["axes.titleweight"]
    ('退化期', 'normal')
    >>> use_language("en"); label("decline")
    'Decline'
    """
    _language.set_language(language_)
    use_theme()


def language() -> str:
    """The current language, ``"en"`` or ``"zh"`` (:func:`helpers.language.language`)."""
    return _language.language()


def label(key: str, **values) -> str:
    """The text for ``key`` in the current language (:func:`helpers.language.text`).

    >>> label("clv")
    'Customer lifetime value'
    """
    return _language.text(key, **values)


def stage_label(stage: str) -> str:
    """A stage's name in the current language, e.g. ``'Formation'`` or ``'形成期'``."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; stages are {list(STAGES)}")
    return label(stage)


def add_labels(labels: dict[str, tuple[str, str]]) -> None:
    """Register more texts: ``{key: (English, Chinese)}`` (:func:`helpers.language.add_texts`).
    Other texts under a key already taken are an error.

    >>> add_labels({"flash_sale_demo": ("Flash sale", "抢购")})
    """
    import inspect
    caller = inspect.stack()[1].frame.f_globals.get("__name__", "code")
    _language.add_texts(labels, origin=caller)
