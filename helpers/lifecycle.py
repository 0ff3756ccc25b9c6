"""The customer lifecycle: its stages and models of how a relationship moves through them.

The course uses the four-stage model of Chinese CRM textbooks (reading 000): exploration
考察期, formation 形成期, stability 稳定期 and decline 退化期, followed by the end of the
relationship (churned 流失).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number, validate_transactions

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


def _periods(value, name):
    return check_number(value, name, integer=True, low=1, must="be a whole number of periods, 1 or more")


def _amount(value, name, *, positive):
    return check_number(value, name, low=0, low_open=positive,
                        must=f"be a finite number {'above zero' if positive else 'zero or more'}")


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
    lengths = {"exploration": _periods(exploration, "exploration"),
               "formation": _periods(formation, "formation"),
               "stability": _periods(stability, "stability"),
               "decline": _periods(decline, "decline")}
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


# --- From a transaction log to a stage per customer and period (notebook 03) ---------------------


_PANEL_FREQS = ("W", "M", "Q")
#: Columns of the frame :func:`stage_panel` returns.
PANEL_COLUMNS = ("customer_id", "period", "tenure", "purchases", "spend", "cum_purchases",
                 "recency", "recent_rate", "baseline_rate", "baseline_periods", "trend")


def _period_codes(dates: np.ndarray, freq: str) -> np.ndarray:
    """Integer period number of each ``datetime64[ns]`` date."""
    if freq == "M":
        return dates.astype("datetime64[M]").astype(np.int64)
    if freq == "Q":
        return dates.astype("datetime64[M]").astype(np.int64) // 3
    days = dates.astype("datetime64[D]").astype(np.int64)
    return (days + 3) // 7                      # weeks starting on Monday (1970-01-01 was a Thursday)


def _period_starts(codes: np.ndarray, freq: str) -> np.ndarray:
    if freq == "M":
        return codes.astype("datetime64[M]").astype("datetime64[ns]")
    if freq == "Q":
        return (codes * 3).astype("datetime64[M]").astype("datetime64[ns]")
    return (codes * 7 - 3).astype("datetime64[D]").astype("datetime64[ns]")


def stage_panel(transactions: pd.DataFrame, freq: str = "M", *, end=None, short: int = 3,
                long: int = 12) -> pd.DataFrame:
    """One row per customer and period, from the first purchase to ``end``: the raw material of
    stage classification.

    Every customer gets a row for every period from the period of the first purchase to the
    period holding ``end``, including silent periods (zero purchases), because silence is what
    decline and churn look like in a transaction log.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date`` (datetime64, or text pandas can read) and ``amount``
        (zero or more); other columns are ignored.
    freq : {"M", "W", "Q"}, default "M"
        Length of a period: month, week (starting Monday) or quarter.
    end : date-like, optional
        Last date of the observation window; default: the last transaction date. Transactions
        after ``end`` are ignored.
    short : int, default 3
        Periods in the *recent* window (the current period and the ``short - 1`` before it).
    long : int, default 12
        Periods in the trailing *baseline* window, which ends where the recent window begins.

    Returns
    -------
    pandas.DataFrame
        Sorted by customer and period, with columns

        ``customer_id``; ``period`` (start of the period, datetime64);
        ``tenure`` (periods since the first purchase, 0 in the first);
        ``purchases`` (transactions in the period); ``spend`` (sum of ``amount``);
        ``cum_purchases`` (purchases so far, this period included);
        ``recency`` (periods since the last purchase, 0 if one was made in this period);
        ``recent_rate`` (purchases per period over the recent window);
        ``baseline_rate`` (purchases per period over the baseline window, NaN if it is empty);
        ``baseline_periods`` (periods the baseline window covers, fewer early in the relationship);
        ``trend`` (``recent_rate / baseline_rate``: 1 is the customer's usual rhythm, 0.5 half of
        it; NaN when the baseline is empty or zero).

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame or ``short``/``long`` are not integers.
    ValueError
        If the frame is empty, a column is missing, ids are missing, dates or amounts are bad,
        ``freq`` is unknown, ``end`` is before the first transaction, or a window is < 1 period.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a"],
    ...                    "date": pd.to_datetime(["2013-01-05", "2013-01-20", "2013-03-02"]),
    ...                    "amount": [799.0, 49.0, 99.0]})
    >>> panel = stage_panel(tx, end="2013-04-30")
    >>> panel[["period", "purchases", "spend", "recency"]].to_string(index=False)
    '    period  purchases  spend  recency\\n2013-01-01          2  848.0        0\\n2013-02-01          0    0.0        1\\n2013-03-01          1   99.0        0\\n2013-04-01          0    0.0        1'
    """
    if not isinstance(transactions, pd.DataFrame):
        raise TypeError(f"transactions must be a pandas DataFrame, got {type(transactions).__name__}")
    if freq not in _PANEL_FREQS:
        raise ValueError(f"freq must be one of {list(_PANEL_FREQS)} (week, month, quarter), got {freq!r}")
    check_number(short, "short", integer=True, low=1)
    check_number(long, "long", integer=True, low=1)
    tx = validate_transactions(transactions[[c for c in ("customer_id", "date", "amount")
                                             if c in transactions.columns]])
    dates = tx["date"].to_numpy()
    if end is None:
        end_ts = dates.max()
    else:
        try:
            end_ts = pd.Timestamp(end)
        except (TypeError, ValueError) as err:
            raise ValueError(f"end must be a date such as '2015-12-31', got {end!r}") from err
        if pd.isna(end_ts):
            raise ValueError(f"end must be a date such as '2015-12-31', got {end!r}")
        if end_ts < dates.min():
            raise ValueError(f"end ({end_ts.date()}) is before the first transaction "
                             f"({pd.Timestamp(dates.min()).date()})")
        end_ts = np.datetime64(end_ts.to_datetime64(), "ns")
        keep = dates <= end_ts
        tx, dates = tx[keep], dates[keep]
    codes = _period_codes(dates, freq)
    end_code = _period_codes(np.array([end_ts], dtype="datetime64[ns]"), freq)[0]

    cust_codes, uniques = pd.factorize(tx["customer_id"], sort=True)
    n_cust = len(uniques)
    first = np.full(n_cust, np.iinfo(np.int64).max)
    np.minimum.at(first, cust_codes, codes)
    length = end_code - first + 1
    offset = np.zeros(n_cust + 1, dtype=np.int64)
    np.cumsum(length, out=offset[1:])
    n_rows = int(offset[-1])
    if n_rows >= 2**31 - 1:
        raise ValueError(f"the panel would have {n_rows:,} rows; use a coarser freq or a later start")
    pos = offset[cust_codes] + (codes - first[cust_codes])
    purchases = np.bincount(pos, minlength=n_rows).astype(np.int32)
    spend = np.bincount(pos, weights=tx["amount"].to_numpy(), minlength=n_rows)

    # int32 throughout: the panel is several times longer than the log, and memory traffic is
    # what a panel of millions of rows costs
    row_cust = np.repeat(np.arange(n_cust, dtype=np.int32), length)
    start = np.repeat(offset[:-1].astype(np.int32), length)      # first row of each row's customer
    idx = np.arange(n_rows, dtype=np.int32)
    tenure = idx - start
    csum = np.zeros(n_rows + 1, dtype=np.int32)                  # csum[i] = purchases in rows < i
    np.cumsum(purchases, out=csum[1:])
    start_c = csum[start]

    def window_sum(hi, k):
        """Purchases in rows (hi-k, hi] of the same customer (hi inclusive); hi may be < start."""
        lo = np.maximum(hi - k + 1, start)
        return np.where(hi >= start, csum[np.maximum(hi, start) + 1] - csum[lo], 0)

    cum = csum[1:] - start_c
    last_buy = np.maximum.accumulate(np.where(purchases > 0, idx, np.int32(-1)))
    recency = idx - last_buy
    recent_n = np.minimum(tenure + 1, short)
    recent_rate = window_sum(idx, short) / recent_n
    base_periods = np.clip(tenure + 1 - short, 0, long).astype(np.int32)
    base_sum = window_sum(idx - short, long)
    with np.errstate(divide="ignore", invalid="ignore"):
        baseline_rate = np.where(base_periods > 0, base_sum / np.maximum(base_periods, 1), np.nan)
        trend = np.where(baseline_rate > 0, recent_rate / baseline_rate, np.nan)

    return pd.DataFrame({
        "customer_id": np.asarray(uniques)[row_cust],
        "period": _period_starts(np.repeat(first, length) + tenure, freq),
        "tenure": tenure,
        "purchases": purchases,
        "spend": spend,
        "cum_purchases": cum,
        "recency": recency,
        "recent_rate": recent_rate,
        "baseline_rate": baseline_rate,
        "baseline_periods": base_periods,
        "trend": trend,
    }, copy=False)                                         # no block consolidation: 10x faster


#: Default thresholds of :func:`classify_stages` (periods are the panel's periods, months by default).
STAGE_THRESHOLDS = {
    "trial_purchases": 1,
    "decline_ratio": 0.5,
    "decline_silence": 4,
    "churn_silence": 9,
    "stable_tenure": 9,
    "stable_rate": 0.4,
    "growth_ratio": 2.0,
    "min_baseline": 3,
}


def _check_thresholds(thresholds: dict) -> dict:
    unknown = sorted(set(thresholds) - set(STAGE_THRESHOLDS))
    if unknown:
        raise ValueError(f"unknown threshold(s) {unknown}; expected some of {sorted(STAGE_THRESHOLDS)}")
    th = {**STAGE_THRESHOLDS, **thresholds}
    for name in ("trial_purchases", "decline_silence", "churn_silence", "stable_tenure", "min_baseline"):
        check_number(th[name], name, integer=True, low=1 if name != "stable_tenure" else 0)
    for name in ("decline_ratio", "stable_rate", "growth_ratio"):
        check_number(th[name], name, low=0, low_open=True)
    if not th["decline_ratio"] < 1:
        raise ValueError(f"decline_ratio must be below 1 (a fall against the baseline), got {th['decline_ratio']}")
    if not th["growth_ratio"] > 1:
        raise ValueError(f"growth_ratio must be above 1 (a rise against the baseline), got {th['growth_ratio']}")
    if not th["churn_silence"] > th["decline_silence"]:
        raise ValueError(f"churn_silence ({th['churn_silence']}) must be longer than decline_silence "
                         f"({th['decline_silence']}): a customer declines before churning")
    return th


def classify_stages(panel: pd.DataFrame, **thresholds) -> pd.DataFrame:
    """Give every customer-period a lifecycle stage by rules taken from reading 000's stage traits.

    The rules, first match wins:

    1. **churned** 流失: no purchase for ``churn_silence`` periods or more (the relationship has
       ended; the log cannot see "accounts settled", only a long silence).
    2. **exploration** 考察期: at most ``trial_purchases`` purchases so far and silent for fewer
       than ``decline_silence`` periods (trial orders, a second order only once the first
       satisfies).
    3. **decline** 退化期, whatever the stage before (reading 000): volume falling against the
       customer's own baseline, ``trend <= decline_ratio`` with a baseline of at least
       ``min_baseline`` periods, or silent for ``decline_silence`` periods or more.
    4. **stability** 稳定期: in the relationship for at least ``stable_tenure`` periods, buying at
       least ``stable_rate`` times per period on the baseline, with a steady rhythm
       (``trend < growth_ratio``).
    5. **formation** 形成期: everything else: past the trial, buying more and more often.

    Parameters
    ----------
    panel : pandas.DataFrame
        The output of :func:`stage_panel` (columns ``customer_id``, ``period``, ``tenure``,
        ``cum_purchases``, ``recency``, ``baseline_rate``, ``baseline_periods``, ``trend``).
    **thresholds
        Any of (defaults in :data:`STAGE_THRESHOLDS`):

        trial_purchases : int, default 1
            Purchases a customer can make and still be exploring.
        decline_ratio : float in (0, 1), default 0.5
            Trend at or below which volume counts as falling.
        decline_silence : int, default 4
            Periods without a purchase that count as decline.
        churn_silence : int, default 9
            Periods without a purchase that count as churn (must exceed ``decline_silence``).
        stable_tenure : int, default 9
            Periods in the relationship before it can be stable.
        stable_rate : float, default 0.4
            Baseline purchases per period needed for stability.
        growth_ratio : float above 1, default 2.0
            Trend at or above which the customer is still growing (formation, not stability).
        min_baseline : int, default 3
            Baseline periods needed before a falling trend can be trusted.

    Returns
    -------
    pandas.DataFrame
        A copy of ``panel`` with a column ``stage``: a categorical with the categories
        :data:`STAGES` in order.

    Raises
    ------
    TypeError
        If ``panel`` is not a DataFrame or a threshold has the wrong type.
    ValueError
        If the panel is empty or lacks a column, a threshold name is unknown, or a threshold
        is out of range.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a"] * 4, "amount": [799.0, 49.0, 99.0, 1999.0],
    ...                    "date": pd.to_datetime(["2013-01-05", "2013-02-20", "2013-03-02", "2013-04-09"])})
    >>> stages = classify_stages(stage_panel(tx, end="2014-01-31"))
    >>> stages.groupby("stage", observed=True)["period"].min().dt.strftime("%Y-%m").to_dict()
    {'exploration': '2013-01', 'formation': '2013-02', 'decline': '2013-06', 'churned': '2014-01'}
    """
    needed = ("customer_id", "period", "tenure", "cum_purchases", "recency", "baseline_rate",
              "baseline_periods", "trend")
    check_frame(panel, "panel", needed, expected="pass the output of stage_panel()", nan_ok=True)
    th = _check_thresholds(thresholds)

    tenure = panel["tenure"].to_numpy()
    cum = panel["cum_purchases"].to_numpy()
    recency = panel["recency"].to_numpy()
    base = panel["baseline_rate"].to_numpy(dtype=float)
    base_n = panel["baseline_periods"].to_numpy()
    trend = panel["trend"].to_numpy(dtype=float)

    churned = recency >= th["churn_silence"]
    exploring = (cum <= th["trial_purchases"]) & (recency < th["decline_silence"])
    falling = (base_n >= th["min_baseline"]) & (trend <= th["decline_ratio"])   # NaN trend: False
    declining = falling | (recency >= th["decline_silence"])
    stable = ((tenure >= th["stable_tenure"]) & (base >= th["stable_rate"])
              & ~(trend >= th["growth_ratio"]))
    code = np.select([churned, exploring, declining, stable], [4, 0, 3, 2], default=1)
    if panel.columns.is_unique:      # column by column: DataFrame.copy() consolidates, slow on big panels
        out = pd.DataFrame({c: panel[c].copy() for c in panel.columns}, index=panel.index, copy=False)
    else:
        out = panel.copy()
    out["stage"] = pd.Categorical.from_codes(code, categories=list(STAGES))
    return out


def _stage_codes(values, name: str) -> np.ndarray:
    """Stage labels (categorical, strings) as codes 0..4 in :data:`STAGES` order."""
    if isinstance(values, pd.DataFrame):
        if "stage" not in values.columns:
            raise ValueError(f"{name} has no column 'stage'; expected classify_stages() output or true stages")
        values = values["stage"]
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype) \
            and list(values.cat.categories) == list(STAGES):
        codes = values.cat.codes.to_numpy()
    else:
        cat = pd.Categorical(np.asarray(values, dtype=object), categories=list(STAGES))
        codes = cat.codes
        if (codes < 0).any():
            bad = sorted({str(v) for v, c in zip(np.asarray(values, dtype=object), codes) if c < 0})[:5]
            raise ValueError(f"{name} holds unknown stage label(s) {bad}; expected some of {list(STAGES)}")
    if (codes < 0).any():
        raise ValueError(f"{name} has missing stages")
    return codes.astype(np.int64)


def stage_confusion(actual, predicted) -> pd.DataFrame:
    """Confusion matrix of stages: how many customer-periods of each true stage got each label.

    Parameters
    ----------
    actual, predicted : pandas.DataFrame, pandas.Series or array-like
        Either two frames with columns ``customer_id``, ``period`` and ``stage`` (they are matched
        on customer and period; every predicted row must have a true stage), or two sequences of
        stage labels of the same length, already aligned.

    Returns
    -------
    pandas.DataFrame
        Counts, rows = true stage, columns = predicted stage, both in :data:`STAGES` order. The
        diagonal divided by the row sums is each stage's recall.

    Examples
    --------
    >>> stage_confusion(["exploration", "decline", "decline"], ["exploration", "decline", "churned"]).loc["decline"].tolist()
    [0, 0, 0, 1, 1]
    """
    if isinstance(actual, pd.DataFrame) and isinstance(predicted, pd.DataFrame):
        keys = ["customer_id", "period"]
        for name, df in (("actual", actual), ("predicted", predicted)):
            check_frame(df, name, keys + ["stage"], expected="stages from classify_stages()",
                        empty_ok=True, nan_ok=True)
        merged = predicted[keys + ["stage"]].merge(actual[keys + ["stage"]], on=keys, how="left",
                                                   suffixes=("_pred", "_true"))
        if merged["stage_true"].isna().any():
            n = int(merged["stage_true"].isna().sum())
            raise ValueError(f"{n} predicted customer-period(s) have no true stage in actual")
        actual, predicted = merged["stage_true"], merged["stage_pred"]
    elif isinstance(actual, pd.DataFrame) or isinstance(predicted, pd.DataFrame):
        raise TypeError("actual and predicted must both be DataFrames or both be sequences of stages")
    a = _stage_codes(actual, "actual")
    p = _stage_codes(predicted, "predicted")
    if len(a) != len(p):
        raise ValueError(f"actual and predicted have different lengths ({len(a)} and {len(p)})")
    if len(a) == 0:
        raise ValueError("actual and predicted are empty")
    k = len(STAGES)
    counts = np.bincount(a * k + p, minlength=k * k).reshape(k, k)
    return pd.DataFrame(counts, index=pd.Index(STAGES, name="true stage"),
                        columns=pd.Index(STAGES, name="predicted stage"))


def stage_mix(stages: pd.DataFrame, *, share: bool = True) -> pd.DataFrame:
    """Customers in each stage, period by period.

    Parameters
    ----------
    stages : pandas.DataFrame
        Columns ``period`` and ``stage`` (e.g. the output of :func:`classify_stages`).
    share : bool, default True
        Shares of the customers known in each period (rows sum to 1), else counts.

    Returns
    -------
    pandas.DataFrame
        Indexed by period, one column per stage in :data:`STAGES` order.

    Examples
    --------
    >>> s = pd.DataFrame({"period": pd.to_datetime(["2014-01-01"] * 4),
    ...                   "stage": ["exploration", "stability", "stability", "churned"]})
    >>> stage_mix(s).iloc[0].tolist()
    [0.25, 0.0, 0.5, 0.0, 0.25]
    """
    check_frame(stages, "stages", ["period", "stage"], expected="stages from classify_stages()", nan_ok=True)
    codes = _stage_codes(stages["stage"], "stages['stage']")
    per_codes, periods = pd.factorize(stages["period"], sort=True)
    k = len(STAGES)
    counts = np.bincount(per_codes * k + codes, minlength=len(periods) * k).reshape(len(periods), k)
    out = pd.DataFrame(counts, index=pd.Index(periods, name="period"), columns=list(STAGES))
    return out.div(out.sum(axis=1), axis=0) if share else out


def stage_scores(confusion: pd.DataFrame) -> pd.DataFrame:
    """Recall, precision and support of each stage, from :func:`stage_confusion`.

    Parameters
    ----------
    confusion : pandas.DataFrame
        Square counts, rows = true stage, columns = predicted stage, same labels in the same order.

    Returns
    -------
    pandas.DataFrame
        Indexed by stage: ``recall`` (diagonal / row total), ``precision`` (diagonal / column
        total; NaN for a label never given), ``support`` (true periods of the stage). The
        attribute ``attrs["accuracy"]`` holds the overall share of correct labels.

    Examples
    --------
    >>> conf = stage_confusion(["exploration", "decline", "decline"], ["exploration", "decline", "churned"])
    >>> stage_scores(conf).loc["decline"].tolist()
    [0.5, 1.0, 2.0]
    """
    if not isinstance(confusion, pd.DataFrame):
        raise TypeError(f"confusion must be a DataFrame from stage_confusion(), got {type(confusion).__name__}")
    if confusion.shape[0] != confusion.shape[1] or list(confusion.index) != list(confusion.columns):
        raise ValueError("confusion must be square with the same stage labels on rows and columns")
    counts = confusion.to_numpy(dtype=float)
    if counts.size == 0 or (counts < 0).any() or counts.sum() == 0:
        raise ValueError("confusion must hold non-negative counts, not all zero")
    hits = np.diag(counts)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = pd.DataFrame({"recall": hits / counts.sum(axis=1), "precision": hits / counts.sum(axis=0),
                            "support": counts.sum(axis=1)}, index=list(confusion.index))
    out.attrs["accuracy"] = float(hits.sum() / counts.sum())
    return out
