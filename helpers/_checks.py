"""Argument checks shared by the helpers: one way to check a number, a table or transactions.

Every check names the argument in its messages and never changes the caller's data; the checks
of numbers and transactions return a clean copy. A wrong type raises :class:`ArgumentTypeError`, a :class:`TypeError` that is also
a :class:`ValueError` (some helpers used to raise ``ValueError`` for every bad argument, and code
catching that keeps working); a value of the right type but out of range raises ``ValueError``.

* :func:`check_number`: one real number (or whole number) within bounds, in the spirit of
  scikit-learn's ``check_scalar``. Booleans are not numbers here.
* :func:`check_numbers`: an array of finite numbers (a copy).
* :func:`check_frame`: the first check of helpers that take a panel or a table.
* :func:`validate_transactions`: the check of a transactions frame, returning a tidy copy.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from numbers import Integral, Real

import numpy as np
import pandas as pd

#: The columns every transactions frame has.
REQUIRED_COLUMNS = ("customer_id", "date", "amount")


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type: a ``TypeError``, and a ``ValueError`` for older callers.

    >>> issubclass(ArgumentTypeError, TypeError) and issubclass(ArgumentTypeError, ValueError)
    True
    """


def _is_number(value, integer: bool) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return False
    return isinstance(value, Integral if integer else Real)


def check_number(value, name: str, *, low=None, high=None, low_open: bool = False,
                 high_open: bool = False, integer: bool = False, allow_inf: bool = False,
                 hint: str = "", must: str | Mapping | None = None):
    """Check one number against its bounds and return it as a ``float`` (or ``int``).

    Parameters
    ----------
    value : object
        The argument to check. Python and NumPy numbers are accepted; ``True``/``False``,
        strings, ``None`` and arrays are not.
    name : str
        The argument's name, for the messages.
    low, high : float, optional
        Bounds; ``None`` for none.
    low_open, high_open : bool, default False
        Exclude the bound itself (``> low`` instead of ``>= low``).
    integer : bool, default False
        Require a whole number (``int`` or a NumPy integer) and return an ``int``.
    allow_inf : bool, default False
        Accept ``+inf`` (e.g. "no limit"); otherwise the number must be finite. NaN is never
        accepted.
    hint : str, default ""
        Appended to every message after the requirement, e.g. ``" (units per week)"``.
    must : str or dict, optional
        The words after ``"{name} must "`` in the ``ValueError`` messages, when the generated
        ones (``"not be NaN"``, ``"be finite"``, ``"be >= 0"``, ``"be <= 1"``, ``"be 1 or more"``)
        do not say enough: one phrase for every bad value, or a dict with some of the keys
        ``"nan"``, ``"inf"``, ``"low"`` and ``"high"``, and ``"type"`` for the type error
        (``"be a number"``, ``"be a whole number"``).

    Returns
    -------
    float or int

    Raises
    ------
    ArgumentTypeError
        If ``value`` is not a number (a whole number with ``integer=True``).
    ValueError
        If it is NaN, infinite (unless allowed) or outside the bounds. The message names the
        argument and says what it must be, then what it got.

    Examples
    --------
    >>> check_number(3, "budget", low=0)
    3.0
    >>> check_number(0.0, "market", low=0, low_open=True)
    Traceback (most recent call last):
    ...
    ValueError: market must be > 0, got 0.0
    >>> check_number(1.5, "ad_load", low=0, high=1, hint=" (a share)")
    Traceback (most recent call last):
    ...
    ValueError: ad_load must be <= 1 (a share), got 1.5
    >>> check_number(2.5, "weeks", integer=True, low=1)
    Traceback (most recent call last):
    ...
    helpers._checks.ArgumentTypeError: weeks must be a whole number, got float 2.5
    >>> check_number(-1, "discount", low=0, high=1, high_open=True, must="lie in [0, 1)")
    Traceback (most recent call last):
    ...
    ValueError: discount must lie in [0, 1), got -1.0
    """
    if not _is_number(value, integer):
        phrase = "be a whole number" if integer else "be a number"
        if isinstance(must, Mapping):
            phrase = must.get("type", phrase)
        raise ArgumentTypeError(f"{name} must {phrase}{hint}, got {_shown(value)}")
    x = int(value) if integer else float(value)
    if integer:
        failure = _integer_failure(x, low, high, low_open, high_open)
    else:
        failure = _float_failure(x, low, high, low_open, high_open, allow_inf)
    if failure is None:
        return x
    case, phrase = failure
    if isinstance(must, str):
        phrase = must
    elif must is not None:
        phrase = must.get(case, phrase)
    raise ValueError(f"{name} must {phrase}{hint}, got {x!r}")


def _shown(value) -> str:
    """The type of a bad value, and the value itself when it is short."""
    text = repr(value)
    return type(value).__name__ + ("" if len(text) > 60 or "\n" in text else f" {text}")


def _float_failure(x, low, high, low_open, high_open, allow_inf):
    if math.isnan(x):
        return "nan", "not be NaN"
    if math.isinf(x) and not (allow_inf and x > 0):
        return "inf", "be finite"
    if low is not None and (x < low or (low_open and x == low)):
        return "low", f"be {'>' if low_open else '>='} {low:g}"
    if high is not None and (x > high or (high_open and x == high)):
        return "high", f"be {'<' if high_open else '<='} {high:g}"
    return None


def _integer_failure(x, low, high, low_open, high_open):
    low = None if low is None else math.floor(low) + 1 if low_open else math.ceil(low)
    high = None if high is None else math.ceil(high) - 1 if high_open else math.floor(high)
    between = f"be between {low} and {high}" if low is not None and high is not None else None
    if low is not None and x < low:
        return "low", between or f"be {low} or more"
    if high is not None and x > high:
        return "high", between or f"be {high} or less"
    return None


def check_numbers(values, name: str, *, what: str = "numbers", empty: str = "", allow_empty: bool = False,
                  low=None, low_open: bool = False, integer: bool = False) -> np.ndarray:
    """Check an array-like of finite numbers (within a lower bound) and return a new float array.

    Parameters
    ----------
    values : array-like
        A number, list, array or Series; not a string, ``None`` or ``True``/``False``.
    name : str
        The argument's name, for the messages.
    what : str, default "numbers"
        What ``values`` may be, for the type message (e.g. ``"numbers (an array, Series or dict)"``).
    empty : str, default ""
        Appended to the message for no values, e.g. ``": expected at least one customer"``.
    allow_empty : bool, default False
        Accept no values at all (an empty array comes back).
    low : float, optional
        Every value must be at least ``low`` (above it with ``low_open=True``).
    low_open : bool, default False
        Exclude ``low`` itself.
    integer : bool, default False
        Every value must be a whole number (counts, such as repeat purchases).

    Returns
    -------
    numpy.ndarray
        A float copy: changing it leaves the caller's data as it was.

    Raises
    ------
    ArgumentTypeError
        If ``values`` is a string, ``None`` or a boolean, or holds something that is not a number.
    ValueError
        If it holds no values (unless ``allow_empty``), NaN or infinite values, a value below
        ``low``, or a fraction where whole numbers are wanted.

    Examples
    --------
    >>> check_numbers([1, 2.5], "base")
    array([1. , 2.5])
    >>> check_numbers([1.0, float("nan")], "base")
    Traceback (most recent call last):
    ...
    ValueError: base has 1 NaN value(s); expected finite numbers
    >>> check_numbers([3, -1], "t", low=0)
    Traceback (most recent call last):
    ...
    ValueError: t must be at least 0, got -1.0
    """
    if isinstance(values, (str, bytes, bool, np.bool_)) or values is None:
        raise ArgumentTypeError(f"{name} must be {what}, got {type(values).__name__}")
    try:
        arr = np.array(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise ArgumentTypeError(f"{name} must hold numbers only: {err}") from None
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty{empty}")
    for bad, what_bad in ((np.isnan(arr), "NaN"), (np.isinf(arr), "infinite")):
        if bad.any():
            raise ValueError(f"{name} has {int(bad.sum())} {what_bad} value(s); expected finite numbers")
    if low is not None:
        below = arr <= low if low_open else arr < low
        if below.any():
            raise ValueError(f"{name} must be {'above' if low_open else 'at least'} {low:g}, "
                             f"got {float(arr[below].flat[0])!r}")
    if integer and (arr != np.round(arr)).any():
        raise ValueError(f"{name} must hold whole numbers, got {float(arr[arr != np.round(arr)].flat[0])!r}")
    return arr


def check_frame(df, name: str, columns, *, expected: str = "one row per customer and period",
                empty_ok: bool = False, nan_ok: bool = False) -> None:
    """Check that ``df`` is a non-empty DataFrame holding ``columns``, none of them with missing values.

    The shared first check of helpers that take a panel or a table rather than transactions; the
    errors name the argument (``name``) and what was expected (``expected``, e.g. ``"pass the output
    of stage_panel()"``). Nothing is changed or returned.

    Parameters
    ----------
    df : object
        The argument to check.
    name : str
        The argument's name, for the messages.
    columns : iterable of str
        Columns ``df`` must have (may be empty: then only the type and the rows are checked).
    expected : str
        What a good ``df`` is, for the messages.
    empty_ok : bool, default False
        Accept a frame with no rows (for helpers that answer an empty table with an empty result
        or check it later with their own message).
    nan_ok : bool, default False
        Accept missing values in ``columns`` (for helpers that allow them or check them later).

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame.
    ValueError
        If a column is missing, the frame has no rows (unless ``empty_ok``) or a column has
        missing values (unless ``nan_ok``).

    Examples
    --------
    >>> check_frame(pd.DataFrame({"customer_id": ["a"], "stage": ["formation"]}), "panel",
    ...             ["customer_id", "stage"])
    >>> check_frame(pd.DataFrame({"customer_id": [None]}), "panel", ["customer_id"])
    Traceback (most recent call last):
    ...
    ValueError: panel column 'customer_id' has missing values (NaN)

    A helper that answers an empty table, or reads missing values itself, says so:

    >>> check_frame(pd.DataFrame({"p_alive": []}), "customers", ["p_alive"], empty_ok=True)
    >>> check_frame(pd.DataFrame({"trend": [None]}), "panel", ["trend"], nan_ok=True)
    >>> check_frame(pd.DataFrame({"trend": [1.0]}), "panel", ["stage"], empty_ok=True, nan_ok=True)
    Traceback (most recent call last):
    ...
    ValueError: panel is missing column(s) ['stage']; expected columns ['stage'] (one row per customer and period)
    """
    columns = list(columns)
    if not isinstance(df, pd.DataFrame):
        holding = f"with columns {columns} " if columns else ""
        raise TypeError(f"{name} must be a DataFrame {holding}({expected}), got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; expected columns {columns} ({expected})")
    if not empty_ok and len(df) == 0:
        raise ValueError(f"{name} is empty: expected {expected}")
    if not nan_ok:
        for col in columns:
            if df[col].isna().any():
                raise ValueError(f"{name} column {col!r} has missing values (NaN)")


def _show_row(df: pd.DataFrame, index) -> str:
    """One offending row, for error messages."""
    return df.loc[[index]].to_string(max_colwidth=40)


def validate_transactions(df: pd.DataFrame, *, allow_zero_amounts: bool = True) -> pd.DataFrame:
    """Check a transactions frame and return a tidy copy.

    Parameters
    ----------
    df : pandas.DataFrame
        Must have the columns ``customer_id``, ``date`` and ``amount``. Dates may be strings in
        any format pandas recognises; amounts may be numeric strings.
    allow_zero_amounts : bool, default True
        Whether rows with ``amount == 0`` are accepted.

    Returns
    -------
    pandas.DataFrame
        A new frame (the caller's is never changed) with ``date`` as ``datetime64[ns]`` and
        ``amount`` as float, in the caller's row order, required columns first.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame.
    ValueError
        If the frame is empty, a required column is missing, an id is missing, a date cannot be
        read, or an amount is missing, not a number or negative. The message names the column
        and shows an offending row.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"customer_id": ["c1", "c1"], "date": ["2013-07-31", "2013-08-02"],
    ...                     "amount": ["799", "99.5"]})
    >>> validate_transactions(raw).dtypes.astype(str).to_dict()
    {'customer_id': 'object', 'date': 'datetime64[ns]', 'amount': 'float64'}
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"transactions must be a pandas DataFrame, got {type(df).__name__}")
    if len(df) == 0:
        raise ValueError("transactions are empty: expected at least one row with "
                         f"columns {list(REQUIRED_COLUMNS)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        have = [str(c) for c in df.columns]
        hints = []
        for name in missing:
            close = difflib.get_close_matches(name, [h.strip().lower().replace(" ", "_") for h in have], n=1)
            if close:
                original = have[[h.strip().lower().replace(" ", "_") for h in have].index(close[0])]
                hints.append(f"'{original}' looks like '{name}'")
        hint = f" ({'; '.join(hints)}: rename it, or pass columns= to read_transactions)" if hints else ""
        raise ValueError(f"transactions are missing column(s) {missing}; expected {list(REQUIRED_COLUMNS)}, "
                         f"found {have}{hint}")

    out = df.copy()

    ids = out["customer_id"]
    bad = ids.isna()
    if bad.any():
        raise ValueError(f"column 'customer_id' has {int(bad.sum())} missing id(s); every row needs a "
                         f"customer. First offending row:\n{_show_row(df, bad.idxmax())}")

    if not pd.api.types.is_datetime64_any_dtype(out["date"]):
        parsed = pd.to_datetime(out["date"], errors="coerce", format="mixed")
        bad = parsed.isna()
        if bad.any():
            raise ValueError(f"column 'date' has {int(bad.sum())} value(s) that are not dates, e.g. "
                             f"{df['date'][bad].iloc[0]!r}; expected dates such as '2013-07-31'. "
                             f"First offending row:\n{_show_row(df, bad.idxmax())}")
        out["date"] = parsed
    if getattr(out["date"].dt, "tz", None) is not None:
        out["date"] = out["date"].dt.tz_localize(None)
    bad = out["date"].isna()
    if bad.any():
        raise ValueError(f"column 'date' has {int(bad.sum())} missing date(s). "
                         f"First offending row:\n{_show_row(df, bad.idxmax())}")
    out["date"] = out["date"].astype("datetime64[ns]")

    if pd.api.types.is_bool_dtype(out["amount"]):
        raise ValueError("column 'amount' holds True/False values; expected amounts of money")
    amount = pd.to_numeric(out["amount"], errors="coerce")
    bad = amount.isna()
    if bad.any():
        raise ValueError(f"column 'amount' has {int(bad.sum())} value(s) that are missing or not numbers, "
                         f"e.g. {df['amount'][bad].iloc[0]!r}; expected amounts such as 29.33. "
                         f"First offending row:\n{_show_row(df, bad.idxmax())}")
    bad = amount < 0
    if bad.any():
        raise ValueError(f"column 'amount' has {int(bad.sum())} negative value(s) (refunds?); expected "
                         "amounts of zero or more. Net each refund against the purchase it reverses, "
                         f"or drop both rows. First offending row:\n{_show_row(df, bad.idxmax())}")
    if not allow_zero_amounts:
        bad = amount == 0
        if bad.any():
            raise ValueError(f"column 'amount' has {int(bad.sum())} zero value(s); this model needs "
                             f"amounts above zero. First offending row:\n{_show_row(df, bad.idxmax())}")
    out["amount"] = amount.astype(float)

    first = list(REQUIRED_COLUMNS)
    return out[first + [c for c in out.columns if c not in first]]
