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

Two sizes of text: the "reading" style for a notebook read on a screen, and the "projection"
style for a figure on a projector at 1280×720 (a slide, a Voilà dashboard; every explorer draws
in it). Texts that a plot writes among its data (numbers in cells, names in bars, compact
legends, notes) take :func:`font_size` of their role, so that no text falls below
:data:`MIN_TEXT` points in either style.
"""
from __future__ import annotations

import contextlib
import functools
import os
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
#: The font of Latin text in figures (matplotlib's own); CJK text falls back to :func:`cjk_font_name`.
LATIN_FONT = "DejaVu Sans"
BUNDLED_CJK_FONT = Path(__file__).with_name("fonts") / "wqy-microhei.ttc"
#: CJK fonts preferred when installed on the machine, best first.
SYSTEM_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                    "Hiragino Sans GB", "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")

#: Every text of the course, figure labels included: key -> (English, Chinese). The catalogue
#: lives in :mod:`helpers.language` (files in ``helpers/texts/``); this is the same dict.
LABELS = _language.CATALOGUE
_language.add_texts({s: (s.capitalize(), STAGE_NAMES_ZH[s]) for s in STAGES}, origin="helpers.lifecycle")



#: Text sizes in points of the two styles. "reading": a notebook on a screen (matplotlib's own
#: sizes). "projection": a figure seen from the back of a lecture hall at 1280×720, where a figure
#: is shown at its own size (100 pixels an inch): a tenth larger, labels and titles a little more, so
#: that no text is under 13.75 pixels (9.9 points) and tick labels are 15 pixels.
TEXT_SIZES = {
    "reading": {"font.size": 10.0, "axes.titlesize": 12.0, "axes.labelsize": 10.0,
                "xtick.labelsize": 10.0, "ytick.labelsize": 10.0, "legend.fontsize": 10.0},
    "projection": {"font.size": 11.0, "axes.titlesize": 13.0, "axes.labelsize": 12.0,
                   "xtick.labelsize": 11.0, "ytick.labelsize": 11.0, "legend.fontsize": 11.0},
}
#: Texts a plot writes among its data, as a share of the style's font size: numbers in heatmap
#: cells and on bars, names inside bars ("annotation"); a legend kept compact so that it hides
#: little data ("legend"); a note beside the data, such as a stage's name above its band or a
#: source ("note").
TEXT_ROLES = {"annotation": 0.9, "legend": 0.9, "note": 0.9}
#: The smallest text a plot writes, in points (11.8 pixels at the theme's 100 dpi).
MIN_TEXT = 8.5

#: The style :func:`use_theme` applies when not told: "projection" when the environment says
#: ``CRM_COURSE_PROJECTION=1`` (a lecturer running the notebooks for a projector), else "reading".
_style = "projection" if os.environ.get("CRM_COURSE_PROJECTION", "").strip().lower() in ("1", "yes", "true") \
    else "reading"


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


def use_theme(projection: bool | None = None) -> None:
    """Apply the course's figure style (size, grid, spines, fonts with Chinese fallback).

    Titles are bold in English and regular in Chinese: the CJK font has no bold face, and a bold
    title would mix bold Latin letters with regular Chinese ones. :func:`use_language` applies
    the style again, so the titles follow the language.

    Parameters
    ----------
    projection : bool, optional
        True for the projection style's larger texts (:data:`TEXT_SIZES`), False for the reading
        style; by default the style in force (reading, unless ``CRM_COURSE_PROJECTION=1``).

    Safe to call more than once.

    >>> use_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.spines.top"], mpl.rcParams["axes.titleweight"]
    (False, 'bold')
    >>> use_theme(projection=True); mpl.rcParams["font.size"], font_size("annotation")
    (11.0, 9.9)
    >>> use_theme(projection=False); mpl.rcParams["font.size"], font_size("annotation")
    (10.0, 9.0)
    """
    global _style
    if projection is not None:
        if not isinstance(projection, bool):
            raise TypeError(f"projection must be True or False, got {projection!r}")
        _style = "projection" if projection else "reading"
    mpl.rcParams.update({
        "figure.figsize": (7.5, 4.2),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        # an explicit list (not "sans-serif") is what turns on matplotlib's glyph-by-glyph fallback
        "font.family": [LATIN_FONT, cjk_font_name()],
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.titleweight": "bold" if _language.language() == "en" else "normal",
        **TEXT_SIZES[_style],
        "legend.frameon": False,
        "axes.prop_cycle": mpl.cycler(color=["#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                             "#56B4E9", "#D55E00", "#F0E442", "#999999"]),
    })


def style() -> str:
    """The style :func:`use_theme` applied last: ``"reading"`` or ``"projection"``."""
    return _style


@contextlib.contextmanager
def projection():
    """Within it, figures are drawn in the projection style's text sizes (the explorers draw in
    it), whatever style the notebook uses.

    >>> use_theme(projection=False)
    >>> with projection():
    ...     mpl.rcParams["axes.titlesize"], font_size("legend")
    (13.0, 9.9)
    >>> mpl.rcParams["axes.titlesize"]
    12.0
    """
    with mpl.rc_context(TEXT_SIZES["projection"]):
        yield


def font_size(role: str) -> float:
    """The size in points of a text a plot writes among its data, in the style in force: a share
    (:data:`TEXT_ROLES`) of the font size, never below :data:`MIN_TEXT`.

    Parameters
    ----------
    role : {"annotation", "legend", "note"}
        A number or name in a cell or bar; a compact legend; a note beside the data.

    >>> use_theme(projection=False); font_size("note")
    9.0
    >>> font_size("title")
    Traceback (most recent call last):
    ...
    ValueError: role must be one of ['annotation', 'legend', 'note'], got 'title'
    """
    if role not in TEXT_ROLES:
        raise ValueError(f"role must be one of {sorted(TEXT_ROLES)}, got {role!r}")
    return max(MIN_TEXT, round(TEXT_ROLES[role] * mpl.rcParams["font.size"], 1))


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
