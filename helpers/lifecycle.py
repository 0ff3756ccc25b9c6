"""The customer lifecycle: its stages and models of how a relationship moves through them.

The course uses the four-stage model of Chinese CRM textbooks (reading 000): exploration
考察期, formation 形成期, stability 稳定期 and decline 退化期, followed by the end of the
relationship (churned 流失).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: The lifecycle stages in order; ``churned`` is the absorbing end state.
STAGES = ("exploration", "formation", "stability", "decline", "churned")
#: The four stages a living relationship can be in.
ACTIVE_STAGES = STAGES[:4]
#: Chinese name of each stage, as the readings write it.
STAGE_NAMES_ZH = {
    "exploration": "考察期",
    "formation": "形成期",
    "stability": "稳定期",
    "decline": "退化期",
    "churned": "流失",
}

# --- Stage models of the literature and the lifecycle curve (notebook 02) ----------------------

#: The stage models reading 000 reviews, each stage with a Chinese name and its span on a common
#: timeline: 0-2 exploration (including the firm's first survey of prospects), 2-3 formation,
#: 3-4 stability, 4-5 decline and the end. ``four_stage`` is the stage of the four-stage model
#: the span mostly covers. Dwyer, Schurr & Oh's phase names come from their 1987 paper
#: ("Developing buyer-seller relationships", Journal of Marketing 51(2)); reading 000 names the
#: model but not its phases.
STAGE_MODELS = {
    "Ford": {
        "stages": (("pre-relationship", "预备阶段", 0.0, 1.0, "exploration"),
                   ("early", "早期阶段", 1.0, 2.0, "exploration"),
                   ("development", "发展阶段", 2.0, 3.0, "formation"),
                   ("long-term", "长期阶段", 3.0, 3.5, "stability"),
                   ("final (institutionalised)", "终极关系阶段", 3.5, 4.0, "stability")),
        "note": "five stages; the end of the relationship is not counted as a stage",
    },
    "Wackman & Salmon": {
        "stages": (("pre-relationship", "预备阶段", 0.0, 2.0, "exploration"),
                   ("development", "发展阶段", 2.0, 3.0, "formation"),
                   ("maintenance", "维持阶段", 3.0, 4.0, "stability"),
                   ("termination", "终止阶段", 4.0, 5.0, "decline")),
        "note": "four stages, from advertising agencies and their clients",
    },
    "Iacobucci & Zerrillo": {
        "stages": (("development (open network)", "关系发展（网络）", 0.0, 3.0, "formation"),
                   ("maintenance (dyad)", "关系维持（二元关系）", 3.0, 4.0, "stability"),
                   ("dissolution (back to the network)", "关系解体（回到网络）", 4.0, 5.0, "decline")),
        "note": "three stages: weak ties in an open network, a strong dyad, dissolution back into the network",
    },
    "Dwyer, Schurr & Oh": {
        "stages": (("awareness", "知晓", 0.0, 1.0, "exploration"),
                   ("exploration", "探索", 1.0, 2.0, "exploration"),
                   ("expansion", "扩展", 2.0, 3.0, "formation"),
                   ("commitment", "承诺", 3.0, 4.0, "stability"),
                   ("dissolution", "解体", 4.0, 5.0, "decline")),
        "note": "relationship development as a staged process rather than separate transactions",
    },
    "Four-stage model": {
        "stages": (("exploration", "考察期", 0.0, 2.0, "exploration"),
                   ("formation", "形成期", 2.0, 3.0, "formation"),
                   ("stability", "稳定期", 3.0, 4.0, "stability"),
                   ("decline", "退化期", 4.0, 5.0, "decline")),
        "note": "the model of Chinese textbooks and of this course; decline can begin in any stage",
    },
}


def stage_models_table():
    """The stage models of :data:`STAGE_MODELS` as one long table, a row per stage.

    Returns
    -------
    pandas.DataFrame
        Columns ``model``, ``order`` (1, 2, ... within a model), ``stage``, ``stage_zh``,
        ``start`` and ``end`` (span on the common timeline, 0 to 5) and ``four_stage``.

    Examples
    --------
    >>> t = stage_models_table()
    >>> t.groupby("model", sort=False).size().to_dict()
    {'Ford': 5, 'Wackman & Salmon': 4, 'Iacobucci & Zerrillo': 3, 'Dwyer, Schurr & Oh': 5, 'Four-stage model': 4}
    """
    rows = [{"model": model, "order": i, "stage": en, "stage_zh": zh, "start": start, "end": end,
             "four_stage": four}
            for model, spec in STAGE_MODELS.items()
            for i, (en, zh, start, end, four) in enumerate(spec["stages"], start=1)]
    return pd.DataFrame(rows)


#: Relationship level reached at the end of exploration, as a share of the peak level.
EXPLORATION_LEVEL_SHARE = 0.15
#: The firm's investment per period in each stage (money per period, the revenue unit of
#: ``revenue_per_level``): research and acquisition in exploration, smaller development
#: investment in formation, low upkeep in stability, call-backs while letting go in decline.
DEFAULT_INVESTMENT = {"exploration": 40.0, "formation": 30.0, "stability": 10.0, "decline": 15.0}


def _whole(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number of periods, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be a whole number of periods, {minimum} or more, got {value!r}")
    return int(value)


def _amount(value, name, *, positive):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not np.isfinite(value) or value < 0 or (positive and value == 0):
        need = "above zero" if positive else "zero or more"
        raise ValueError(f"{name} must be a finite number {need}, got {value!r}")
    return float(value)


def lifecycle_curve(exploration=3, formation=6, stability=12, decline=6, *, peak_level=100.0,
                    decline_starts="stability", revenue_per_level=1.0, investment=None):
    """Relationship level, the firm's investment, revenue and profit per period over a lifecycle.

    A stylised curve built from the stage traits of reading 000:

    * **exploration** 考察期: the level creeps up to 15% of the peak (trial orders well below
      real demand); the firm pays research and acquisition cost and earns little, so profit < 0;
    * **formation** 形成期: the level climbs in an S-curve to the peak; the firm's development
      investment is smaller and revenue overtakes it;
    * **stability** 稳定期: the level stays at its peak; upkeep is the lowest of all stages and
      profit the highest;
    * **decline** 退化期: volume falls in a straight line to zero; the firm lets the customer go
      (the case reading 000 studies), paying only for call-backs.

    Decline can begin in any stage (readings 000, 002): with ``decline_starts="formation"`` the
    relationship runs through exploration and formation and then declines, never reaching
    stability; the lengths of the skipped stages are ignored.

    With the default investment these traits hold whenever the peak revenue
    (``peak_level * revenue_per_level``) lies between 40 and 250 per period; outside that range
    the curve shows what goes wrong (a peak too low never pays back formation's investment).

    Parameters
    ----------
    exploration, formation, stability, decline : int
        Length of each stage in periods (e.g. months), 1 or more.
    peak_level : float, default 100
        Relationship level at its height (an index; revenue is proportional to it), above zero.
    decline_starts : {"exploration", "formation", "stability"}
        The stage at whose end decline begins.
    revenue_per_level : float, default 1.0
        Revenue per period per point of relationship level, zero or more.
    investment : dict, optional
        The firm's investment per period by stage; missing stages take
        :data:`DEFAULT_INVESTMENT`.

    Returns
    -------
    pandas.DataFrame
        One row per period (``period`` 1, 2, ...) with ``stage``, ``level``, ``revenue``,
        ``investment``, ``profit`` (revenue − investment) and ``cumulative_profit``.

    Examples
    --------
    >>> c = lifecycle_curve(exploration=2, formation=2, stability=2, decline=2)
    >>> c[["stage", "level", "profit"]].round(1)  # doctest: +NORMALIZE_WHITESPACE
                  stage  level  profit
    period
    1       exploration    7.5   -32.5
    2       exploration   15.0   -25.0
    3         formation   57.5    27.5
    4         formation  100.0    70.0
    5         stability  100.0    90.0
    6         stability  100.0    90.0
    7           decline   50.0    35.0
    8           decline    0.0   -15.0
    """
    lengths = {"exploration": _whole(exploration, "exploration", 1),
               "formation": _whole(formation, "formation", 1),
               "stability": _whole(stability, "stability", 1),
               "decline": _whole(decline, "decline", 1)}
    peak = _amount(peak_level, "peak_level", positive=True)
    per_level = _amount(revenue_per_level, "revenue_per_level", positive=False)
    if decline_starts not in ACTIVE_STAGES[:3]:
        raise ValueError(f"decline_starts must be one of {list(ACTIVE_STAGES[:3])} (the stage at whose end "
                         f"decline begins), got {decline_starts!r}")
    if investment is None:
        investment = {}
    if not isinstance(investment, dict):
        raise TypeError(f"investment must be a dict from stage to money per period, got {type(investment).__name__}")
    unknown = [k for k in investment if k not in ACTIVE_STAGES]
    if unknown:
        raise ValueError(f"investment names unknown stage(s) {unknown}; stages are {list(ACTIVE_STAGES)}")
    spend = {**DEFAULT_INVESTMENT,
             **{k: _amount(v, f"investment[{k!r}]", positive=False) for k, v in investment.items()}}

    path = list(ACTIVE_STAGES[:ACTIVE_STAGES.index(decline_starts) + 1]) + ["decline"]
    stages, levels = [], []
    low = EXPLORATION_LEVEL_SHARE * peak
    for stage in path:
        n = lengths[stage]
        x = np.arange(1, n + 1) / n
        if stage == "exploration":
            level = low * x
        elif stage == "formation":
            level = low + (peak - low) * (3 * x ** 2 - 2 * x ** 3)
        elif stage == "stability":
            level = np.full(n, peak)
        else:
            level = levels[-1][-1] * (1 - x)
        stages += [stage] * n
        levels.append(level)
    level = np.concatenate(levels)
    revenue = per_level * level
    cost = np.array([spend[s] for s in stages])
    profit = revenue - cost
    return pd.DataFrame({"stage": stages, "level": level, "revenue": revenue, "investment": cost,
                         "profit": profit, "cumulative_profit": profit.cumsum()},
                        index=pd.Index(np.arange(1, len(stages) + 1), name="period"))
