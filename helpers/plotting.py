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

import difflib
import functools
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from helpers.lifecycle import STAGE_NAMES_ZH, STAGES

#: One colour per stage, used by every figure in the course (Okabe-Ito, colour-blind safe).
STAGE_COLORS = {
    "exploration": "#56B4E9",
    "formation": "#009E73",
    "stability": "#0072B2",
    "decline": "#E69F00",
    "churned": "#999999",
}

LANGUAGES = ("en", "zh")
BUNDLED_CJK_FONT = Path(__file__).with_name("fonts") / "wqy-microhei.ttc"
#: CJK fonts preferred when installed on the machine, best first.
SYSTEM_CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                    "Hiragino Sans GB", "SimHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")

#: Figure labels: key -> (English, Chinese). Add more with :func:`add_labels`. One registry for
#: the whole package: a key means the same text in every figure, whichever modules are imported.
LABELS: dict[str, tuple[str, str]] = {
    **{s: (s.capitalize(), STAGE_NAMES_ZH[s]) for s in STAGES},
    "stage": ("Stage", "阶段"),
    "lifecycle": ("Customer lifecycle", "客户生命周期"),
    "time": ("Time", "时间"),
    "month": ("Month", "月份"),
    "period": ("Period", "期"),
    "date": ("Date", "日期"),
    "customer": ("Customer", "客户"),
    "customers": ("Customers", "客户数"),
    "share_of_customers": ("Share of customers", "客户占比"),
    "revenue": ("Revenue", "收入"),
    "cost": ("Cost", "成本"),
    "investment": ("Investment", "投入"),
    "profit": ("Profit", "利润"),
    "cumulative_profit": ("Cumulative profit", "累计利润"),
    "relationship_level": ("Relationship level", "关系水平"),
    "retention_rate": ("Retention rate", "保留率"),
    "discount_rate": ("Discount rate", "折现率"),
    "clv": ("Customer lifetime value", "客户终身价值"),
    "frequency": ("Frequency", "频率"),
    "recency": ("Recency", "最近购买"),
    "monetary": ("Monetary value", "消费金额"),
    "probability": ("Probability", "概率"),
    "p_alive": ("P(alive)", "存活概率"),
    "stickiness": ("Stickiness", "黏性"),
    "amount_rmb": ("Amount (RMB)", "金额（元）"),
    "amount_usd": ("Amount (USD)", "金额（美元）"),
}

_state = {"language": "en"}


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

    Safe to call more than once.

    >>> use_theme()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.spines.top"]
    False
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
        "axes.titleweight": "bold",
        "axes.titlesize": 12,
        "axes.labelsize": 10,
        "legend.frameon": False,
        "axes.prop_cycle": mpl.cycler(color=["#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                             "#56B4E9", "#D55E00", "#F0E442", "#999999"]),
    })


def use_language(language: str) -> None:
    """Switch figure labels made with :func:`label` to English (``"en"``) or Chinese (``"zh"``).

    >>> use_language("zh"); label("decline")
    '退化期'
    >>> use_language("en"); label("decline")
    'Decline'
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    _state["language"] = language
    use_theme()


def language() -> str:
    """The current figure language, ``"en"`` or ``"zh"``."""
    return _state["language"]


def label(key: str) -> str:
    """The figure label for ``key`` in the current language.

    >>> label("clv")
    'Customer lifetime value'
    """
    if key not in LABELS:
        close = difflib.get_close_matches(str(key), LABELS, n=3)
        hint = f"; did you mean {close}?" if close else "; add it with add_labels()"
        raise KeyError(f"no figure label {key!r}{hint}")
    english, chinese = LABELS[key]
    return chinese if _state["language"] == "zh" else english


def stage_label(stage: str) -> str:
    """A stage's name in the current language, e.g. ``'Formation'`` or ``'形成期'``."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; stages are {list(STAGES)}")
    return label(stage)


def add_labels(labels: dict[str, tuple[str, str]]) -> None:
    """Register more figure labels: ``{key: (English, Chinese)}``.

    The registry is shared by every module, so a key already registered with other text is an
    error (otherwise whichever module is imported last would silently relabel the other's
    figures); pick a more specific key. Registering the same text again is harmless, so a module
    may be imported or reloaded twice. Nothing is registered if any pair is refused.

    >>> add_labels({"flash_sale": ("Flash sale", "抢购")})
    >>> add_labels({"flash_sale": ("Flash sale", "抢购")})
    >>> add_labels({"flash_sale": ("Flash sale week", "抢购周")})
    Traceback (most recent call last):
    ...
    ValueError: figure label 'flash_sale' is already ('Flash sale', '抢购'); give ('Flash sale week', '抢购周') its own key
    """
    for key, pair in labels.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise ValueError(f"label {key!r} must be a pair of strings (English, Chinese), got {pair!r}")
        if LABELS.get(key, pair) != pair:
            raise ValueError(f"figure label {key!r} is already {LABELS[key]!r}; give {pair!r} its own key")
    LABELS.update(labels)
