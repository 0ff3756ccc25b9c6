"""One customer view 统一客户视图: tidy the keys that departmental tables write differently.

Sales, logistics and service each keep their own records of the same customers (reading 003).
Before the tables can be joined, the keys must agree: customer numbers written as ``C00042``,
``c-42`` or ``42``, and mobile numbers written as ``138-0013-8000``, ``+86 138 0013 8000`` or
``13800138000``. The two functions here turn each into one canonical form; the joins themselves
are ordinary pandas (``merge``, ``groupby``), done in notebook 01.
"""
from __future__ import annotations

import re

import pandas as pd

from helpers._checks import check_number

_MOBILE = re.compile(r"^1\d{10}$")


def _as_series(values, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.copy()
    if isinstance(values, (str, bytes, int)) or values is None:
        raise TypeError(f"{name} must be a pandas Series or a list of values, got {type(values).__name__}")
    try:
        return pd.Series(list(values), dtype=object)
    except TypeError as err:
        raise TypeError(f"{name} must be a pandas Series or a list of values, got {type(values).__name__}") from err


def normalise_phone(phones) -> pd.Series:
    """Mobile numbers in one form: the 11 digits of a mainland Chinese mobile, as text.

    Spaces, dashes, dots and brackets are dropped, and a country code ``+86`` / ``0086`` / ``86``
    in front of 11 digits is removed.

    Parameters
    ----------
    phones : pandas.Series or list
        Phone numbers as text (numbers stored as integers are accepted too).

    Returns
    -------
    pandas.Series
        Strings of 11 digits, same index as the input (a list gets a default index).

    Raises
    ------
    ValueError
        If a value is missing or is not a mainland mobile number after cleaning; the message
        shows the first such value.

    Examples
    --------
    >>> normalise_phone(["138-0013-8000", "+86 138 0013 8000", "13800138000"]).tolist()
    ['13800138000', '13800138000', '13800138000']
    """
    s = _as_series(phones, "phones")
    if s.isna().any():
        raise ValueError(f"phones has {int(s.isna().sum())} missing value(s); drop or fill them first")
    digits = s.astype(str).str.replace(r"\.0$", "", regex=True).str.replace(r"\D", "", regex=True)
    digits = digits.str.replace(r"^(?:0086|86)(?=1\d{10}$)", "", regex=True)
    bad = ~digits.str.match(_MOBILE)
    if bad.any():
        raise ValueError(f"phones has {int(bad.sum())} value(s) that are not 11-digit mobile numbers after "
                         f"removing spaces, dashes and +86, e.g. {s[bad].iloc[0]!r}")
    return digits


def normalise_customer_id(ids, prefix: str = "C", width: int = 5) -> pd.Series:
    """Customer numbers in one form: ``prefix`` plus the number, zero-padded to ``width`` digits.

    Parameters
    ----------
    ids : pandas.Series or list
        Ids such as ``"C00042"``, ``"c-42"``, ``"42"`` or ``42``: whatever the letters and
        separators, the digits in them are the number.
    prefix : str, default "C"
        Letters to put in front.
    width : int, default 5
        Digits after the prefix (1 or more); a number with more digits raises.

    Returns
    -------
    pandas.Series
        Strings such as ``"C00042"``, same index as the input.

    Examples
    --------
    >>> normalise_customer_id(["C00042", "c-42", "42", 42]).tolist()
    ['C00042', 'C00042', 'C00042', 'C00042']
    """
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be a string, got {type(prefix).__name__}")
    width = check_number(width, "width", integer=True, low=1, must="be a whole number, 1 or more")
    s = _as_series(ids, "ids")
    if s.isna().any():
        raise ValueError(f"ids has {int(s.isna().sum())} missing value(s); every row needs an id")
    text = s.astype(str).str.replace(r"\.0$", "", regex=True)
    digits = text.str.replace(r"\D", "", regex=True)
    bad = (digits == "") | (digits.str.lstrip("0").str.len() > width)
    if bad.any():
        raise ValueError(f"ids has {int(bad.sum())} value(s) without a number of at most {width} digits, "
                         f"e.g. {s[bad].iloc[0]!r}")
    return prefix + digits.astype(int).astype(str).str.zfill(width)
