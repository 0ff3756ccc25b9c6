"""Customer value: what a customer is worth, and how customers differ in worth.

Retention economics (notebook 01) come first; ABC classes, the Lorenz curve and RFM (notebook 05)
follow in their own section.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number, validate_transactions


def _rate(value, name: str, *, low: float, high: float, closed_high: bool = False):
    """Check that a rate (scalar or array) lies in [low, high) (or [low, high]); return an array."""
    arr = np.asarray(value, dtype=float) if not isinstance(value, (str, bytes)) else None
    if arr is None or arr.dtype.kind not in "fi":
        raise TypeError(f"{name} must be a number or an array of numbers, got {type(value).__name__}")
    if np.isnan(arr).any():
        raise ValueError(f"{name} must not be NaN")
    too_high = arr > high if closed_high else arr >= high
    if (arr < low).any() or too_high.any():
        bracket = "]" if closed_high else ")"
        raise ValueError(f"{name} must lie in [{low}, {high}{bracket} (a share per period, e.g. 0.8 for 80%), "
                         f"got {value!r}")
    return arr


#: check_number wording of a number of periods
_PERIODS = "be a whole number of periods, 1 or more"


def _scalar_or_array(arr):
    return float(arr) if np.ndim(arr) == 0 else arr


def margin_multiple(retention, discount):
    """How many periods' margin a customer is worth: ``r / (1 + d - r)``.

    With a constant margin ``m`` per period, received at the end of each period the customer
    stays, retention ``r`` and discount rate ``d``, the customer's lifetime value is
    ``m * r / (1 + d - r)`` (Gupta & Lehmann 2003). The margin multiple is that value per unit of
    margin.

    Parameters
    ----------
    retention : float or array-like
        Retention rate per period, in [0, 1).
    discount : float or array-like
        Discount rate per period, in [0, 1).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(margin_multiple(0.8, 0.12), 2)
    2.5
    >>> margin_multiple([0.6, 0.9], 0.1).round(2)
    array([1.2, 4.5])
    """
    r = _rate(retention, "retention", low=0.0, high=1.0)
    d = _rate(discount, "discount", low=0.0, high=1.0)
    return _scalar_or_array(r / (1 + d - r))


def simple_clv(margin, retention, discount, periods=None):
    """Lifetime value of a customer with a constant margin, retention and discount rate.

    ``CLV = sum over t = 1..T of m * r**t / (1 + d)**t``: the margin ``m`` arrives at the end of
    every period the customer is still there. With ``periods=None`` the horizon is unlimited and
    the sum has the closed form ``m * r / (1 + d - r)`` = ``m * margin_multiple(r, d)``.

    Parameters
    ----------
    margin : float or array-like
        Margin per period (any currency); may be negative for a loss-making customer.
    retention, discount : float or array-like
        Rates per period, in [0, 1).
    periods : int, optional
        A finite horizon in periods (1 or more); ``None`` for no limit.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(simple_clv(100, 0.8, 0.12), 2)
    250.0
    >>> round(simple_clv(100, 0.8, 0.12, periods=1), 2)   # one period: 100 * 0.8 / 1.12
    71.43
    """
    m = np.asarray(margin, dtype=float) if not isinstance(margin, (str, bytes)) else None
    if m is None or m.dtype.kind not in "fi" or np.isnan(m).any():
        raise TypeError(f"margin must be a number or an array of numbers, got {margin!r}")
    r = _rate(retention, "retention", low=0.0, high=1.0)
    d = _rate(discount, "discount", low=0.0, high=1.0)
    if periods is None:
        return _scalar_or_array(m * r / (1 + d - r))
    periods = check_number(periods, "periods", integer=True, low=1, hint=" (or None)", must=_PERIODS)
    q = r / (1 + d)
    # geometric sum q + q^2 + ... + q^T = q (1 - q^T) / (1 - q)
    return _scalar_or_array(m * q * (1 - q ** periods) / (1 - q))


def cohort_profit(acquisition_cost, margin, retention, discount, periods=10, cohort_size=1000):
    """Profit from one cohort of newly acquired customers, period by period.

    The firm pays ``acquisition_cost`` per customer at period 0. A customer still there at the end
    of period ``t`` (expected share ``r**t``) brings the ``margin``, as in :func:`simple_clv`; the
    profit of period ``t`` is discounted by ``(1 + d)**t``. Per acquired customer, the discounted
    profits add up to ``simple_clv(margin, r, d, periods) - acquisition_cost``.

    Parameters
    ----------
    acquisition_cost : float
        Cost of winning one customer (any currency), zero or more.
    margin : float
        Margin per customer per period (same currency); may be negative.
    retention, discount : float
        Rates per period, in [0, 1).
    periods : int, default 10
        Number of periods after acquisition, 1 or more.
    cohort_size : float, default 1000
        Number of customers acquired, above zero.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (0 = acquisition, then 1 .. ``periods``), with columns
        ``customers`` (expected number still there), ``profit``, ``discounted_profit``,
        ``cumulative_profit`` and ``cumulative_discounted_profit`` (the cohort's net present
        value so far).

    Examples
    --------
    >>> cp = cohort_profit(acquisition_cost=150, margin=100, retention=0.8, discount=0.12,
    ...                    periods=3, cohort_size=100)
    >>> cp[["customers", "profit", "cumulative_discounted_profit"]].round(1)  # doctest: +NORMALIZE_WHITESPACE
            customers   profit  cumulative_discounted_profit
    period
    0           100.0 -15000.0                      -15000.0
    1            80.0   8000.0                       -7857.1
    2            64.0   6400.0                       -2755.1
    3            51.2   5120.0                         889.2
    """
    single = {"type": "be a single number", "nan": "be a finite number", "inf": "be a finite number"}
    cost = check_number(acquisition_cost, "acquisition_cost", low=0,
                        must={**single, "low": "be zero or more (a cost per customer)"})
    m = check_number(margin, "margin", must=single)
    size = check_number(cohort_size, "cohort_size", low=0, low_open=True,
                        must={**single, "low": "be above zero (customers acquired)"})
    for value, name in ((retention, "retention"), (discount, "discount")):
        if np.ndim(value) != 0:
            raise TypeError(f"{name} must be a single number, got {type(value).__name__}")
    r = float(_rate(retention, "retention", low=0.0, high=1.0))
    d = float(_rate(discount, "discount", low=0.0, high=1.0))
    periods = check_number(periods, "periods", integer=True, low=1, must=_PERIODS)

    t = np.arange(periods + 1)
    customers = size * r ** t
    profit = customers * m
    profit[0] = -size * cost
    discounted = profit / (1 + d) ** t
    out = pd.DataFrame({"customers": customers, "profit": profit, "discounted_profit": discounted,
                        "cumulative_profit": profit.cumsum(),
                        "cumulative_discounted_profit": discounted.cumsum()},
                       index=pd.Index(t, name="period"))
    return out


# ---------------------------------------------------------------------------------------------
# ABC classes, Lorenz curve and RFM
# ---------------------------------------------------------------------------------------------
#
# Notebook 05. How unequal customers are in value (ABC classes, the Lorenz curve, the Gini
# coefficient), and who bought how recently, how often and how much (RFM scores and segments).



def _values(values, name: str = "values") -> tuple[np.ndarray, pd.Index | None]:
    """Check a 1-D collection of non-negative, finite numbers; return it as floats (and its index)."""
    if isinstance(values, (str, bytes, dict)) or values is None:
        raise TypeError(f"{name} must be a list, array or Series of numbers, got {type(values).__name__}")
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be one column (a Series), got a DataFrame; pick a column, "
                        f"e.g. rfm['monetary']")
    index = values.index if isinstance(values, pd.Series) else None
    arr = np.asarray(values)
    if arr.dtype.kind == "b" or arr.dtype.kind not in "fiu":
        raise TypeError(f"{name} must hold numbers, got values of type {arr.dtype}")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: expected at least one customer's value")
    arr = arr.astype(float)
    if np.isnan(arr).any():
        raise ValueError(f"{name} has {int(np.isnan(arr).sum())} NaN value(s); drop or fill them first")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got an infinite value")
    if (arr < 0).any():
        raise ValueError(f"{name} has {int((arr < 0).sum())} negative value(s), e.g. {arr[arr < 0][0]:g}; "
                         "shares of value need amounts of zero or more (net refunds first)")
    if arr.sum() == 0:
        raise ValueError(f"{name} are all zero: there is no value to share out")
    return arr, index


#: Class letters used by :func:`abc_classes`, best first.
ABC_LETTERS = "ABCDEFGH"


def abc_classes(values, cuts=(0.8, 0.95)) -> pd.DataFrame:
    """ABC (Pareto) classes: the few customers who bring most of the value, and the many who don't.

    Customers are ranked from the largest value to the smallest. A customer is in class A if the
    customers ranked above them bring less than ``cuts[0]`` of the total, so class A is the
    smallest group of top customers that reaches ``cuts[0]`` (80% by default); class B continues
    to ``cuts[1]`` (95%), class C holds the rest. Equal values keep their input order (a stable
    sort), so the result is deterministic.

    Parameters
    ----------
    values : array-like or pandas.Series
        Value per customer (revenue, margin...), zero or more, not all zero. A Series keeps its
        index (e.g. ``customer_id``) in the result.
    cuts : tuple of float, default (0.8, 0.95)
        Cumulative shares that close each class, strictly increasing in (0, 1]. Two cuts give the
        classes A, B, C; more cuts give more letters.

    Returns
    -------
    pandas.DataFrame
        One row per customer, largest value first, with columns ``value``, ``rank`` (1 = largest),
        ``share`` (of the total), ``cumulative_share`` (including this customer) and ``abc_class``
        (an ordered categorical, ``"A"`` first).

    Examples
    --------
    >>> abc = abc_classes([5, 50, 10, 30, 5])
    >>> abc[["value", "cumulative_share", "abc_class"]]
       value  cumulative_share abc_class
    1   50.0              0.50         A
    3   30.0              0.80         A
    2   10.0              0.90         B
    0    5.0              0.95         B
    4    5.0              1.00         C
    """
    arr, index = _values(values)
    if isinstance(cuts, (str, bytes)) or not hasattr(cuts, "__len__"):
        raise TypeError(f"cuts must be a tuple of cumulative shares such as (0.8, 0.95), got {cuts!r}")
    try:
        c = np.asarray(cuts, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"cuts must be a tuple of numbers such as (0.8, 0.95), got {cuts!r}") from None
    if c.ndim != 1 or c.size < 1 or c.size > len(ABC_LETTERS) - 1:
        raise ValueError(f"cuts must hold 1 to {len(ABC_LETTERS) - 1} shares, got {cuts!r}")
    if np.isnan(c).any() or (c <= 0).any() or (c > 1).any() or (np.diff(c) <= 0).any():
        raise ValueError(f"cuts must be strictly increasing shares in (0, 1], e.g. (0.8, 0.95), got {cuts!r}")

    order = np.argsort(-arr, kind="stable")
    ranked = arr[order]
    total = ranked.sum()
    cumulative = np.cumsum(ranked) / total
    before = np.concatenate([[0.0], cumulative[:-1]])
    # the class of a customer is decided by what the customers above them already bring;
    # a tolerance keeps 0.8 from being read as 0.8000000000000002
    klass = np.searchsorted(c - 1e-12, before, side="right")
    letters = ABC_LETTERS[:c.size + 1]
    labels = (index if index is not None else pd.RangeIndex(arr.size))[order]
    return pd.DataFrame({
        "value": ranked,
        "rank": np.arange(1, arr.size + 1),
        "share": ranked / total,
        "cumulative_share": cumulative,
        "abc_class": pd.Categorical.from_codes(klass, categories=list(letters), ordered=True),
    }, index=labels)


def lorenz_curve(values) -> pd.DataFrame:
    """The Lorenz curve: the share of value held by the poorest share of customers.

    Customers are sorted from the smallest value to the largest; point ``i`` (``i = 0..n``) is
    ``(i / n, value of the i smallest / total)``. The curve runs from (0, 0) to (1, 1); the
    further it sags below the diagonal, the more unequal the customers are. This is the
    convention of QuantEcon's ``lorenz_curve``.

    Parameters
    ----------
    values : array-like or pandas.Series
        Value per customer, zero or more, not all zero.

    Returns
    -------
    pandas.DataFrame
        ``n + 1`` rows with columns ``share_of_customers`` and ``share_of_value``.

    Examples
    --------
    >>> lorenz_curve([1, 3]).round(3).values.tolist()
    [[0.0, 0.0], [0.5, 0.25], [1.0, 1.0]]
    """
    arr, _ = _values(values)
    ranked = np.sort(arr)
    return pd.DataFrame({
        "share_of_customers": np.arange(arr.size + 1) / arr.size,
        "share_of_value": np.concatenate([[0.0], np.cumsum(ranked) / ranked.sum()]),
    })


def gini(values) -> float:
    """The Gini coefficient of customer value: 0 when all are equal, near 1 when one has it all.

    ``G = sum_i sum_j |y_i - y_j| / (2 n^2 mean(y))``, half the mean absolute difference between
    two customers relative to the mean. It equals one minus twice the area under the Lorenz
    curve of :func:`lorenz_curve` (trapezoid rule), and it is the convention of QuantEcon's
    ``gini_coefficient``. With ``n`` customers of whom one holds everything, ``G = (n - 1) / n``:
    it reaches 1 only in the limit of many customers (no ``n / (n - 1)`` small-sample correction
    is applied). Computed from the sorted values in ``O(n log n)``.

    Parameters
    ----------
    values : array-like or pandas.Series
        Value per customer, zero or more, not all zero.

    Returns
    -------
    float

    Examples
    --------
    >>> gini([1, 2, 3, 4])
    0.25
    >>> gini([0, 0, 0, 10])      # one of four holds everything: (4 - 1) / 4
    0.75
    """
    arr, _ = _values(values)
    ranked = np.sort(arr)
    n = ranked.size
    i = np.arange(1, n + 1)
    # sum_i sum_j |y_i - y_j| = 2 * sum_i (2i - n - 1) y_(i) for values sorted ascending
    value = float(np.sum((2 * i - n - 1) * ranked) / (n * ranked.sum()))
    return max(value, 0.0)  # equal values can leave a rounding residue of -1e-17


def _score(keys: list[np.ndarray], bins: int) -> np.ndarray:
    """Quantile scores 1..bins from a lexicographic order (last key = primary, worst first)."""
    n = keys[0].size
    order = np.lexsort(keys)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    return (1 + (position * bins) // n).astype(np.int64)


def rfm_table(transactions, now=None, bins: int = 5) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer, with quantile scores 1..bins.

    Definitions (one row per customer):

    ``recency``
        Whole days from the customer's **last** purchase to ``now``. This is the RFM recency
        (time *since* the last purchase: small is good). It is not the recency of BTYD models
        such as BG/NBD, which is the time *from the first to the last* purchase (large is good);
        see ``first_purchase`` and ``last_purchase`` to compute either.
    ``frequency``
        Number of days with a purchase (several purchases on one day count once, as in BTYD
        models, whose ``frequency`` is this number minus 1).
    ``monetary``
        Total amount spent over the whole period, in the data's currency.

    Scores: each measure is turned into a score from 1 (worst) to ``bins`` (best) by ranking
    the customers and cutting the ranking into ``bins`` groups of equal size: the customer at
    position ``p`` (0 = worst, of ``n``) gets ``1 + floor(bins * p / n)``. Recent, frequent
    and big-spending customers score high. **Ties** are broken deterministically, by the other
    two measures and then by the customer's place in the sorted index (earlier ranks higher):
    equal recency is ranked by frequency, then monetary value; equal frequency by monetary
    value, then recency; equal monetary value by frequency, then recency. So among customers
    who all bought once, the one who spent more gets the higher F score, and no score depends
    on the order of the rows.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount`` (see :func:`helpers.data.validate_transactions`).
    now : str or datetime-like, optional
        The date recency is measured at. Default: the date of the last purchase in the data
        (so the latest buyer has recency 0). Must not be before the last purchase.
    bins : int, default 5
        Number of score levels, 2 or more.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted), columns ``first_purchase``, ``last_purchase``,
        ``recency`` (days), ``frequency``, ``monetary``, ``R``, ``F``, ``M`` (scores) and
        ``rfm_score`` (e.g. ``"545"``). ``attrs`` records ``now`` and ``bins``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "date": ["2024-01-01", "2024-01-20", "2024-01-10", "2024-01-31"],
    ...                    "amount": [10.0, 30.0, 15.0, 5.0]})
    >>> rfm = rfm_table(tx, now="2024-01-31", bins=3)
    >>> rfm[["recency", "frequency", "monetary", "rfm_score"]].to_dict("index")["a"]
    {'recency': 11, 'frequency': 2, 'monetary': 40.0, 'rfm_score': '233'}
    >>> rfm["rfm_score"].tolist()       # c bought last; b and c tie on F, b spent more
    ['233', '122', '311']
    """
    bins = check_number(bins, "bins", integer=True, low=2, hint=" (score levels)")
    tx = validate_transactions(transactions)
    try:
        codes, ids = pd.factorize(tx["customer_id"], sort=True)
    except TypeError:  # ids of mixed types that cannot be sorted: keep first-seen order
        codes, ids = pd.factorize(tx["customer_id"], sort=False)
    day = tx["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    last_seen = int(day.max())
    if now is None:
        now_day = last_seen
    else:
        try:
            stamp = pd.Timestamp(now)
        except (TypeError, ValueError):
            raise ValueError(f"now must be a date such as '1998-06-30', got {now!r}") from None
        if pd.isna(stamp):
            raise ValueError(f"now must be a date, got {now!r}")
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        now_day = int(np.datetime64(stamp.normalize().to_datetime64(), "D").astype(np.int64))
        if now_day < last_seen:
            raise ValueError(f"now ({stamp.date()}) is before the last purchase in the data "
                             f"({np.datetime64(last_seen, 'D')}); recency would be negative")
    n = len(ids)
    # one sort of (customer, day) keys gives the distinct purchase days, first and last, per customer
    low, span = int(day.min()), int(day.max() - day.min()) + 1
    key = np.sort(codes.astype(np.int64) * span + (day - low))
    key = key[np.concatenate([[True], key[1:] != key[:-1]])]
    customer, purchase_day = key // span, key % span + low
    starts = np.concatenate([[True], customer[1:] != customer[:-1]])
    frequency = np.bincount(customer, minlength=n)
    first = purchase_day[starts]
    last = purchase_day[np.concatenate([starts[1:], [True]])]
    monetary = np.bincount(codes, weights=tx["amount"].to_numpy(), minlength=n)
    recency = now_day - last
    tie = -np.arange(n)  # the last key resort: earlier in the index ranks higher on ties
    r = _score([tie, monetary, frequency, -recency], bins)
    f = _score([tie, -recency, monetary, frequency], bins)
    m = _score([tie, -recency, frequency, monetary], bins)
    out = pd.DataFrame({
        "first_purchase": first.astype("datetime64[D]").astype("datetime64[ns]"),
        "last_purchase": last.astype("datetime64[D]").astype("datetime64[ns]"),
        "recency": recency,
        "frequency": frequency,
        "monetary": monetary,
        "R": r, "F": f, "M": m,
    }, index=pd.Index(ids, name="customer_id"))
    width = len(str(bins))
    out["rfm_score"] = [f"{a:0{width}d}{b:0{width}d}{c:0{width}d}" for a, b, c in zip(r, f, m)] \
        if bins >= 10 else (r * 100 + f * 10 + m).astype(str)
    out.attrs.update({"now": pd.Timestamp(np.datetime64(now_day, "D")), "bins": int(bins)})
    return out


#: RFM segments on the recency (R) by frequency (F) grid, best first: name -> (Chinese name,
#: R band, F band, what it means). Bands: "high", "mid" or "low" score (see :func:`rfm_segments`).
SEGMENTS = {
    "champions": ("冠军客户", "high", "high", "bought recently and often: reward them, ask for reviews and referrals"),
    "loyal": ("忠诚客户", "mid", "high", "buy often but not in the last while: keep them engaged, up-sell"),
    "potential_loyalists": ("潜力客户", "high", "mid", "recent and buying again: a loyalty offer may make them regulars"),
    "new_customers": ("新客户", "high", "low", "first purchase was recent: help them to a second one"),
    "need_attention": ("需要关注", "mid", "mid", "average on both: a timely, personal offer before they drift"),
    "about_to_sleep": ("即将沉睡", "mid", "low", "bought once, a while ago: reactivate or let go cheaply"),
    "at_risk": ("流失风险客户", "low", "high", "used to buy often, silent for long: win them back first"),
    "hibernating": ("沉睡客户", "low", "mid", "a few purchases long ago: low-cost reminders only"),
    "lost": ("流失客户", "low", "low", "one purchase long ago: do not spend much on them"),
}


def _default_cuts(bins: int) -> tuple[int, int]:
    """(highest low score, lowest high score): (2, 4) on a 1..5 scale."""
    low = max(1, int(np.floor(0.4 * bins)))
    return low, max(low + 1, bins - low + 1)


def _cuts(cuts, name: str, bins: int) -> tuple[int, int]:
    if cuts is None:
        return _default_cuts(bins)
    if isinstance(cuts, (str, bytes)) or not hasattr(cuts, "__len__") or len(cuts) != 2:
        raise TypeError(f"{name} must be a pair of scores (highest 'low' score, lowest 'high' score), "
                        f"e.g. (2, 4), got {cuts!r}")
    low, high = (check_number(v, f"{name}[{i}]", integer=True, must={"type": "be a whole-number score"})
                 for i, v in enumerate(cuts))
    if not 1 <= low < high <= bins:
        raise ValueError(f"{name} must satisfy 1 <= low < high <= bins ({bins}), got {cuts!r}")
    return int(low), int(high)


def rfm_segments(rfm: pd.DataFrame, r_cuts=None, f_cuts=None) -> pd.DataFrame:
    """Named customer segments from RFM scores, on the recency-by-frequency grid.

    Each of the R and F scores is read as *low*, *mid* or *high*: with ``r_cuts=(lo, hi)`` a
    score ``<= lo`` is low, ``>= hi`` is high and anything between is mid. The default on the
    1..5 scale is ``(2, 4)``: 1-2 low, 3 mid, 4-5 high (for other ``bins``, the bottom and top
    40% of the scale). The nine cells of the 3 x 3 grid are the segments of :data:`SEGMENTS`:

    =========  ==================  ====================  ===============
    R \\\\ F      low                 mid                   high
    =========  ==================  ====================  ===============
    high       new_customers       potential_loyalists   champions
    mid        about_to_sleep      need_attention        loyal
    low        lost                hibernating           at_risk
    =========  ==================  ====================  ===============

    The M score has no axis of its own, but spend breaks the ties in F (see :func:`rfm_table`),
    so among customers with the same frequency the bigger spenders can land in a higher-F
    segment (in CDNOW, 275 one-time buyers get F = 3). Revenue shows in :func:`segment_summary`.

    Parameters
    ----------
    rfm : pandas.DataFrame
        A table from :func:`rfm_table` (needs the columns ``R``, ``F`` and, for the summary,
        ``monetary``).
    r_cuts, f_cuts : tuple of int, optional
        ``(highest low score, lowest high score)`` for R and for F.

    Returns
    -------
    pandas.DataFrame
        A copy of ``rfm`` with a column ``segment`` (ordered categorical, best first).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"R": [5, 5, 1, 3], "F": [5, 1, 4, 3]}, index=list("wxyz"))
    >>> rfm_segments(rfm)["segment"].tolist()
    ['champions', 'new_customers', 'at_risk', 'need_attention']
    """
    if not isinstance(rfm, pd.DataFrame):
        raise TypeError(f"rfm must be a DataFrame from rfm_table(), got {type(rfm).__name__}")
    missing = [c for c in ("R", "F") if c not in rfm.columns]
    if missing:
        raise ValueError(f"rfm is missing score column(s) {missing}; expected the output of rfm_table()")
    if len(rfm) == 0:
        raise ValueError("rfm is empty: expected at least one customer")
    scores = {}
    for col in ("R", "F"):
        s = rfm[col]
        if s.isna().any():
            raise ValueError(f"rfm column {col!r} has missing scores")
        if not pd.api.types.is_integer_dtype(s) or (s < 1).any():
            raise ValueError(f"rfm column {col!r} must hold whole-number scores 1, 2, ...; got {s.dtype}")
        scores[col] = s.to_numpy()
    bins = rfm.attrs.get("bins", max(5, int(max(scores["R"].max(), scores["F"].max()))))
    if max(scores["R"].max(), scores["F"].max()) > bins:
        raise ValueError(f"rfm scores go above bins={bins}; pass the table rfm_table() returned")
    r_lo, r_hi = _cuts(r_cuts, "r_cuts", bins)
    f_lo, f_hi = _cuts(f_cuts, "f_cuts", bins)

    def band(s, lo, hi):
        return np.where(s <= lo, 0, np.where(s >= hi, 2, 1))  # 0 low, 1 mid, 2 high

    names = list(SEGMENTS)
    position = {(spec[1], spec[2]): names.index(name) for name, spec in SEGMENTS.items()}
    grid = np.array([[position[(r, f)] for f in ("low", "mid", "high")] for r in ("low", "mid", "high")])
    codes = grid[band(scores["R"], r_lo, r_hi), band(scores["F"], f_lo, f_hi)]
    out = rfm.copy()
    out["segment"] = pd.Categorical.from_codes(codes, categories=names, ordered=True)
    out.attrs.update(rfm.attrs)
    out.attrs.update({"r_cuts": (r_lo, r_hi), "f_cuts": (f_lo, f_hi)})
    return out


def segment_summary(segmented: pd.DataFrame) -> pd.DataFrame:
    """Size and revenue of each RFM segment.

    Parameters
    ----------
    segmented : pandas.DataFrame
        The output of :func:`rfm_segments` (columns ``segment``, ``monetary``, ``recency``,
        ``frequency``).

    Returns
    -------
    pandas.DataFrame
        One row per segment in :data:`SEGMENTS` order (empty segments included, with zeros):
        ``chinese``, ``customers``, ``share_of_customers``, ``revenue``, ``share_of_revenue``,
        ``mean_recency`` (days), ``mean_frequency``.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = rfm_segments(pd.DataFrame({"R": [5, 5, 1], "F": [5, 5, 1], "recency": [1, 2, 90],
    ...                                  "frequency": [6, 4, 1], "monetary": [300.0, 100.0, 100.0]}))
    >>> segment_summary(seg).loc[["champions", "lost"], ["customers", "share_of_revenue"]]
               customers  share_of_revenue
    segment                               
    champions          2               0.8
    lost               1               0.2
    """
    check_frame(segmented, "segmented", ["segment", "monetary", "recency", "frequency"],
                expected="pass the output of rfm_segments()", empty_ok=True, nan_ok=True)
    names = list(SEGMENTS)
    out = _group_summary(segmented, "segmented", "segment", names)
    out.insert(0, "chinese", [SEGMENTS[s][0] for s in names])
    return out


def _group_summary(frame: pd.DataFrame, name: str, column: str, names: list, extra: tuple = ()) -> pd.DataFrame:
    """Customers, revenue and mean recency and frequency (and the means of ``extra``) per group
    of ``frame[column]``, one row per name in ``names`` (empty groups with zeros); ``name`` is the
    argument's name for the error message."""
    group = frame[column]
    if isinstance(group.dtype, pd.CategoricalDtype) and list(group.cat.categories) == names:
        codes = group.cat.codes.to_numpy()
    else:
        codes = pd.Categorical(group, categories=names).codes
    if (codes < 0).any():
        raise ValueError(f"{name} column {column!r} holds names outside {names}")
    k = len(names)
    customers = np.bincount(codes, minlength=k)

    def total(col):
        return np.bincount(codes, weights=frame[col].to_numpy(float), minlength=k)

    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "customers": customers,
            "revenue": total("monetary"),
            "mean_recency": total("recency") / customers,
            "mean_frequency": total("frequency") / customers,
            **{f"mean_{col}": total(col) / customers for col in extra},
        }, index=pd.Index(names, name=column))
    out.insert(1, "share_of_customers", out["customers"] / max(len(frame), 1))
    revenue = out["revenue"].sum()
    out.insert(3, "share_of_revenue", out["revenue"] / revenue if revenue > 0 else 0.0)
    return out


# --- The eight RFM classes of Chinese CRM courses ---------------------------------------------------

#: The eight classes, in the order Chinese courses list them: key -> (R high, F high, M high).
#: The key is also the English name; the Chinese names (重要价值客户 ...) are in the catalogue,
#: ``helpers/texts/tables.toml`` under ``tables.values.eight_class``. M decides 重要 (important)
#: or 一般 (general); R and F decide 价值 (value: both high), 发展 (develop: recent but not
#: frequent), 保持 (keep: frequent but not recent) and 挽留 (win back: neither).
EIGHT_CLASSES = {
    "important value": (True, True, True),
    "important to develop": (True, False, True),
    "important to keep": (False, True, True),
    "important to win back": (False, False, True),
    "general value": (True, True, False),
    "general to develop": (True, False, False),
    "general to keep": (False, True, False),
    "general to win back": (False, False, False),
}
#: How the threshold of each measure is taken from all customers.
SPLITS = ("mean", "median")


def rfm_eight_classes(rfm: pd.DataFrame, split: str = "mean") -> pd.DataFrame:
    """The eight RFM classes of Chinese CRM courses: R, F and M each high or low, 2 x 2 x 2.

    Each customer's recency, frequency and monetary value is compared with a threshold taken
    from all customers: their mean (``split="mean"``, the usual rule) or their median
    (``split="median"``). "High" always means *better than the threshold*:

    - **R high** (recent) when ``recency``, the days since the last purchase, is **below** the
      threshold: few days is good, so a high R is a *small* number of days;
    - **F high** when ``frequency`` is above the threshold;
    - **M high** when ``monetary`` is above the threshold.

    **Ties:** a value equal to the threshold is *low* (not better than the typical customer).
    This matters with the median, where many customers can share the threshold: with a median
    frequency of 1, every one-time buyer is F low. If all customers are equal, all are low.

    The classes (:data:`EIGHT_CLASSES`; Chinese names in the catalogue):

    ========  ========  ========  ========================  ==============
    R         F         M         class                     中文
    ========  ========  ========  ========================  ==============
    high      high      high      important value           重要价值客户
    high      low       high      important to develop      重要发展客户
    low       high      high      important to keep         重要保持客户
    low       low       high      important to win back     重要挽留客户
    high      high      low       general value             一般价值客户
    high      low       low       general to develop        一般发展客户
    low       high      low       general to keep           一般保持客户
    low       low       low       general to win back       一般挽留客户
    ========  ========  ========  ========================  ==============

    Parameters
    ----------
    rfm : pandas.DataFrame
        One row per customer with the columns ``recency`` (days since the last purchase, zero or
        more), ``frequency`` and ``monetary``, as :func:`rfm_table` returns them. The scores
        ``R``, ``F``, ``M`` are not used: the thresholds apply to the measures themselves.
    split : {"mean", "median"}, default "mean"
        How each threshold is taken from all customers.

    Returns
    -------
    pandas.DataFrame
        A copy of ``rfm`` with the columns ``R_high``, ``F_high``, ``M_high`` (bool) and
        ``eight_class`` (ordered categorical in :data:`EIGHT_CLASSES` order). ``attrs`` records
        ``split`` and ``thresholds`` ({"recency": ..., "frequency": ..., "monetary": ...}).

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 300, 10, 400], "frequency": [6, 5, 1, 1],
    ...                     "monetary": [900.0, 50.0, 30.0, 20.0]}, index=list("abcd"))
    >>> classes = rfm_eight_classes(rfm)      # means: 178.75 days, 3.25 purchases, 250.0
    >>> classes["eight_class"].tolist()
    ['important value', 'general to keep', 'general to develop', 'general to win back']
    >>> classes.attrs["thresholds"]["recency"]
    178.75
    """
    check_frame(rfm, "rfm", ["recency", "frequency", "monetary"],
                expected="one row per customer, e.g. the output of rfm_table()")
    if not isinstance(split, str) or split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS} (how each threshold is taken from all customers), "
                         f"got {split!r}")
    values = {}
    for col in ("recency", "frequency", "monetary"):
        s = rfm[col]
        if not (pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)):
            raise TypeError(f"rfm column {col!r} must hold numbers, got {s.dtype}")
        v = s.to_numpy(dtype=float)
        if not np.isfinite(v).all():
            raise ValueError(f"rfm column {col!r} must hold finite numbers")
        values[col] = v
    if (values["recency"] < 0).any():
        raise ValueError("rfm column 'recency' must be zero or more (days since the last purchase)")
    middle = np.mean if split == "mean" else np.median
    thresholds = {col: float(middle(v)) for col, v in values.items()}
    r_high = values["recency"] < thresholds["recency"]        # few days since the last purchase
    f_high = values["frequency"] > thresholds["frequency"]
    m_high = values["monetary"] > thresholds["monetary"]
    names = list(EIGHT_CLASSES)
    position = {flags: i for i, flags in enumerate(EIGHT_CLASSES.values())}
    codes = np.array([position[flags] for flags in zip(r_high.tolist(), f_high.tolist(), m_high.tolist())],
                     dtype=np.int64)
    out = rfm.copy()
    out["R_high"], out["F_high"], out["M_high"] = r_high, f_high, m_high
    out["eight_class"] = pd.Categorical.from_codes(codes, categories=names, ordered=True)
    out.attrs = {**rfm.attrs, "split": split, "thresholds": thresholds}
    return out


def eight_class_summary(classed: pd.DataFrame) -> pd.DataFrame:
    """Size and revenue of each of the eight RFM classes.

    Parameters
    ----------
    classed : pandas.DataFrame
        The output of :func:`rfm_eight_classes` (columns ``eight_class``, ``recency``,
        ``frequency``, ``monetary``).

    Returns
    -------
    pandas.DataFrame
        One row per class in :data:`EIGHT_CLASSES` order (empty classes included, with zeros),
        indexed by ``eight_class``: ``customers``, ``share_of_customers``, ``revenue``,
        ``share_of_revenue``, ``mean_recency`` (days), ``mean_frequency``, ``mean_monetary``.
        Show it with :func:`helpers.tables.display_columns` to see the Chinese names in Chinese.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 300, 10, 400], "frequency": [6, 5, 1, 1],
    ...                     "monetary": [900.0, 50.0, 30.0, 20.0]}, index=list("abcd"))
    >>> summary = eight_class_summary(rfm_eight_classes(rfm))
    >>> summary.loc["important value", ["customers", "share_of_revenue"]].tolist()
    [1.0, 0.9]
    """
    check_frame(classed, "classed", ["eight_class", "monetary", "recency", "frequency"],
                expected="pass the output of rfm_eight_classes()", empty_ok=True, nan_ok=True)
    return _group_summary(classed, "classed", "eight_class", list(EIGHT_CLASSES), extra=("monetary",))
