"""Acquisition campaigns and response analysis (客户响应分析, notebook 07).

In the exploration stage the firm's job is **acquisition** (客户获取): pick, from a large pool of
prospects, those most likely to respond to a campaign (reading 002). This module holds a
**synthetic** campaign with a documented response model, and the tables used to judge any
targeting score: response rates by group, and the gains and lift table.

The synthetic campaign
----------------------
:func:`simulate_campaign` invents a pool of prospects (people who are not yet customers) for a
Xiaomi-style phone launch and mails all of them. Every prospect has

``age`` (16–45, centred on 25: users are mostly 18–35, reading 000), ``student`` (more likely
under 24: the target group of reading 000), ``city_tier`` (1, 2 or 3), ``miui_user`` (already
runs the MIUI system on another phone: MIUI came before the phone, reading 000),
``forum_visits`` (visits to the Xiaomi forum last month, heavy-tailed) and ``weibo_follower``
(follows the brand on Weibo, where Xiaomi ran a service platform, reading 000).

Whether a prospect responds (buys within the campaign) is drawn from a logistic model whose
coefficients are :data:`RESPONSE_COEFFICIENTS`:

``logit P(respond) = intercept + miui_user + student + weibo_follower
+ forum * log(1 + forum_visits) + age_per_year * (age - 25) + tier effect``

All of these numbers are *assumptions*, chosen so that about 3% respond overall and MIUI users
and forum visitors respond several times more often: the readings describe who Xiaomi targeted,
not response rates.

>>> c = simulate_campaign(2000, seed=1)
>>> round(float(c["responded"].mean()), 3)
0.031
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number

#: Coefficients of the synthetic response model (log-odds). *Assumptions*, see the module text.
RESPONSE_COEFFICIENTS = {
    "intercept": -4.3,
    "miui_user": 1.3,
    "student": 0.5,
    "weibo_follower": 0.6,
    "forum": 0.45,            # per unit of log(1 + forum_visits)
    "age_per_year": -0.04,    # per year of age above 25
    "tier_2": -0.2,           # against tier-1 cities
    "tier_3": -0.45,
}


def response_probability(prospects: pd.DataFrame, coefficients: dict | None = None) -> pd.Series:
    """The true response probability of each prospect under the synthetic response model.

    Parameters
    ----------
    prospects : pandas.DataFrame
        Columns ``age``, ``student``, ``city_tier``, ``miui_user``, ``forum_visits``,
        ``weibo_follower`` (as made by :func:`simulate_campaign`).
    coefficients : dict, optional
        Replaces some of :data:`RESPONSE_COEFFICIENTS`.

    Returns
    -------
    pandas.Series
        Probabilities in (0, 1), named ``response_probability``.

    Examples
    --------
    >>> p = pd.DataFrame({"age": [25], "student": [False], "city_tier": [1], "miui_user": [True],
    ...                   "forum_visits": [0], "weibo_follower": [False]})
    >>> response_probability(p).round(4).tolist()     # 1 / (1 + exp(4.3 - 1.3))
    [0.0474]
    """
    need = ["age", "student", "city_tier", "miui_user", "forum_visits", "weibo_follower"]
    check_frame(prospects, "prospects", need, expected="one row per prospect", nan_ok=True)
    coef = dict(RESPONSE_COEFFICIENTS)
    if coefficients is not None:
        if not isinstance(coefficients, dict):
            raise TypeError(f"coefficients must be a dict, got {type(coefficients).__name__}")
        unknown = sorted(set(coefficients) - set(coef))
        if unknown:
            raise ValueError(f"unknown coefficient(s) {unknown}; expected some of {sorted(coef)}")
        coef.update({k: float(v) for k, v in coefficients.items()})
    tier = prospects["city_tier"].to_numpy()
    if not np.isin(tier, [1, 2, 3]).all():
        raise ValueError("prospects['city_tier'] must be 1, 2 or 3")
    visits = prospects["forum_visits"].to_numpy(dtype=float)
    if np.any(~np.isfinite(visits)) or np.any(visits < 0):
        raise ValueError("prospects['forum_visits'] must be counts, zero or more")
    z = (coef["intercept"] + coef["miui_user"] * prospects["miui_user"].to_numpy(dtype=float)
         + coef["student"] * prospects["student"].to_numpy(dtype=float)
         + coef["weibo_follower"] * prospects["weibo_follower"].to_numpy(dtype=float)
         + coef["forum"] * np.log1p(visits)
         + coef["age_per_year"] * (prospects["age"].to_numpy(dtype=float) - 25)
         + coef["tier_2"] * (tier == 2) + coef["tier_3"] * (tier == 3))
    return pd.Series(1 / (1 + np.exp(-z)), index=prospects.index, name="response_probability")


def simulate_campaign(n: int = 20000, *, seed: int = 7) -> pd.DataFrame:
    """A SYNTHETIC acquisition campaign: ``n`` invented prospects, who of them responded.

    Parameters
    ----------
    n : int, default 20000
        Prospects mailed.
    seed : int, default 7
        Seed of the random generator (same seed, same campaign).

    Returns
    -------
    pandas.DataFrame
        One row per prospect, indexed by ``prospect_id`` (P00001, ...): ``age``, ``student``,
        ``city_tier``, ``miui_user``, ``forum_visits``, ``weibo_follower``,
        ``response_probability`` (the truth, unknown in real life) and ``responded`` (bool).

    Examples
    --------
    >>> simulate_campaign(5, seed=3).columns.tolist()[:3]
    ['age', 'student', 'city_tier']
    """
    n = check_number(n, "n", integer=True, low=1)
    seed = check_number(seed, "seed", integer=True, low=0)
    rng = np.random.default_rng(seed)
    age = np.clip(np.round(rng.normal(25, 5, n)), 16, 45).astype(int)
    student = rng.random(n) < np.where(age < 24, 0.7, 0.08)
    city_tier = rng.choice([1, 2, 3], size=n, p=[0.3, 0.4, 0.3])
    miui_user = rng.random(n) < 0.12
    forum_visits = rng.negative_binomial(0.4, 0.4 / (0.4 + np.where(miui_user, 6.0, 1.0)), n)
    weibo_follower = rng.random(n) < 0.15 + 0.1 * student
    prospects = pd.DataFrame({"age": age, "student": student, "city_tier": city_tier,
                              "miui_user": miui_user, "forum_visits": forum_visits,
                              "weibo_follower": weibo_follower},
                             index=pd.Index([f"P{i:05d}" for i in range(1, n + 1)], name="prospect_id"))
    p = response_probability(prospects)
    prospects["response_probability"] = p
    prospects["responded"] = rng.random(n) < p.to_numpy()
    return prospects


def _scores_outcome(scores, outcome):
    try:
        s = np.asarray(scores, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError("scores must be numbers") from err
    o = np.asarray(outcome)
    if s.ndim != 1 or o.ndim != 1:
        raise ValueError("scores and outcome must be 1-d")
    if len(s) != len(o):
        raise ValueError(f"scores and outcome must have the same length, got {len(s)} and {len(o)}")
    if len(s) == 0:
        raise ValueError("scores and outcome are empty")
    if np.any(~np.isfinite(s)):
        raise ValueError("scores must be finite numbers (no NaN)")
    if o.dtype == bool:
        o = o.astype(float)
    else:
        try:
            o = o.astype(float)
        except (TypeError, ValueError) as err:
            raise TypeError("outcome must be 0/1 or True/False") from err
        if not np.isin(o, [0.0, 1.0]).all():
            raise ValueError("outcome must be 0/1 or True/False (1 = responded)")
    if o.sum() == 0:
        raise ValueError("outcome has no positive case (nobody responded): lift is undefined")
    return s, o


def gains_table(scores, outcome, bins: int = 10) -> pd.DataFrame:
    """Gains and lift: how many responders each slice of the ranking catches.

    Prospects are sorted from the highest score down (ties keep their order) and cut into
    ``bins`` groups of equal size (deciles by default; group 1 = the best-scored tenth).

    Parameters
    ----------
    scores : array-like of float
        A targeting score per prospect (higher = more likely to respond), e.g. a model's
        predicted probability.
    outcome : array-like of bool or 0/1
        Whether each prospect responded.
    bins : int, default 10

    Returns
    -------
    pandas.DataFrame
        Indexed by ``group`` (1 = top): ``prospects``, ``responders``, ``response_rate``,
        ``lift`` (the group's rate over the overall rate), ``cum_share_contacted``,
        ``cum_gain`` (share of all responders caught by contacting groups 1..k) and
        ``cum_lift`` (``cum_gain / cum_share_contacted``).

    Examples
    --------
    >>> g = gains_table([0.9, 0.8, 0.3, 0.2, 0.1], [1, 1, 0, 1, 0], bins=5)
    >>> g["cum_gain"].round(3).tolist()
    [0.333, 0.667, 0.667, 1.0, 1.0]
    >>> round(float(g.loc[1, "lift"]), 3)
    1.667
    """
    s, o = _scores_outcome(scores, outcome)
    bins = check_number(bins, "bins", integer=True, low=1)
    if bins > len(s):
        raise ValueError(f"bins ({bins}) must not exceed the number of prospects ({len(s)})")
    order = np.argsort(-s, kind="stable")
    group = np.arange(len(s)) * bins // len(s) + 1
    hits = o[order]
    prospects = np.bincount(group, minlength=bins + 1)[1:]
    responders = np.bincount(group, weights=hits, minlength=bins + 1)[1:]
    rate = responders / prospects
    overall = o.mean()
    cum_share = np.cumsum(prospects) / len(s)
    cum_gain = np.cumsum(responders) / o.sum()
    return pd.DataFrame({"prospects": prospects, "responders": responders.astype(int),
                         "response_rate": rate, "lift": rate / overall,
                         "cum_share_contacted": cum_share, "cum_gain": cum_gain,
                         "cum_lift": cum_gain / cum_share},
                        index=pd.Index(np.arange(1, bins + 1), name="group"))


def top_share_lift(scores, outcome, share: float = 0.1) -> float:
    """Lift among the top ``share`` of the ranking: their outcome rate over the overall rate.

    With ``share = 0.1`` this is the **top-decile lift**: 3 means that the best-scored tenth
    responds (or churns) three times as often as average.

    Parameters
    ----------
    scores, outcome
        As in :func:`gains_table`.
    share : float in (0, 1]

    Returns
    -------
    float

    Examples
    --------
    >>> top_share_lift([0.9, 0.8, 0.3, 0.2, 0.1], [1, 1, 0, 1, 0], share=0.4)   # 2/2 against 3/5
    1.6666666666666667
    """
    s, o = _scores_outcome(scores, outcome)
    share = check_number(share, "share", low=0, low_open=True, high=1, must="be in (0, 1]")
    k = max(1, int(round(share * len(s))))
    top = np.argsort(-s, kind="stable")[:k]
    return float(o[top].mean() / o.mean())


def response_rates(prospects: pd.DataFrame, by, outcome: str = "responded") -> pd.DataFrame:
    """Response analysis by group: how many were contacted, how many responded, the rate and lift.

    Parameters
    ----------
    prospects : pandas.DataFrame
        One row per contacted prospect.
    by : str or list of str
        Column(s) to group by.
    outcome : str, default "responded"
        Column of bools or 0/1.

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``prospects``, ``responders``, ``response_rate``, ``lift``
        (rate over the overall rate).

    Examples
    --------
    >>> p = pd.DataFrame({"miui_user": [True, True, False, False], "responded": [1, 0, 0, 0]})
    >>> response_rates(p, "miui_user")["lift"].tolist()
    [0.0, 2.0]
    """
    cols = [by] if isinstance(by, str) else list(by)
    check_frame(prospects, "prospects", cols + [outcome], expected="one row per prospect", nan_ok=True)
    if not cols:
        raise ValueError("by must name at least one column")
    _, o = _scores_outcome(np.zeros(len(prospects)), prospects[outcome].to_numpy())
    frame = pd.DataFrame({c: prospects[c] for c in cols}, index=prospects.index)   # keeps category order
    frame["_y"] = o
    out = frame.groupby(cols if len(cols) > 1 else cols[0], observed=True)["_y"].agg(["size", "sum"])
    out.columns = ["prospects", "responders"]
    out["responders"] = out["responders"].astype(int)
    out["response_rate"] = out["responders"] / out["prospects"]
    out["lift"] = out["response_rate"] / o.mean()
    return out
