"""The shared argument checks of helpers._checks."""
import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers._checks import (ArgumentTypeError, check_frame, check_number, check_numbers,
                             validate_transactions)


# --- check_number: what counts as a number --------------------------------------------------------

@pytest.mark.parametrize("value", [3, 2.5, np.int64(3), np.float32(2.5), np.uint8(7), Fraction(1, 2), -0.0])
def test_numbers_of_every_kind_are_accepted_and_returned_as_float(value):
    out = check_number(value, "x")
    assert type(out) is float and out == float(value)


@pytest.mark.parametrize("value", [True, False, np.bool_(True), "3", None, [1.0], np.array([1.0]), 1j,
                                   pd.Series([1.0])])
def test_anything_else_is_a_type_error_naming_the_argument(value):
    with pytest.raises(TypeError, match=r"^budget must be a number, got "):
        check_number(value, "budget")


def test_the_type_error_is_also_a_value_error_for_older_callers():
    with pytest.raises(ValueError):
        check_number("3", "x")
    assert issubclass(ArgumentTypeError, TypeError) and issubclass(ArgumentTypeError, ValueError)


def test_the_type_message_shows_the_type_and_the_value():
    with pytest.raises(TypeError, match=r"^x must be a number \(a share\), got str '30%'$"):
        check_number("30%", "x", hint=" (a share)")


def test_a_long_value_is_not_copied_into_the_message():
    with pytest.raises(TypeError, match=r"^x must be a number, got Series$"):
        check_number(pd.Series(range(100)), "x")
    with pytest.raises(TypeError, match=r"^x must be a number, got list \[1, 2\]$"):
        check_number([1, 2], "x")


# --- NaN and infinity ----------------------------------------------------------------------------

def test_nan_is_never_accepted():
    with pytest.raises(ValueError, match=r"^x must not be NaN, got nan$"):
        check_number(float("nan"), "x")
    with pytest.raises(ValueError, match="must not be NaN"):
        check_number(np.nan, "x", allow_inf=True)


@pytest.mark.parametrize("value", [math.inf, -math.inf, np.float64("inf")])
def test_infinity_is_rejected_unless_allowed(value):
    with pytest.raises(ValueError, match=r"^x must be finite, got -?inf$"):
        check_number(value, "x")


def test_allow_inf_accepts_plus_infinity_only():
    assert check_number(math.inf, "market", low=0, allow_inf=True) == math.inf
    with pytest.raises(ValueError, match="market must be finite"):
        check_number(-math.inf, "market", allow_inf=True)


# --- bounds --------------------------------------------------------------------------------------

def test_closed_bounds_accept_the_bound_itself():
    assert check_number(0, "x", low=0, high=1) == 0.0
    assert check_number(1, "x", low=0, high=1) == 1.0


@pytest.mark.parametrize("value,message", [
    (-0.1, r"^x must be >= 0, got -0\.1$"),
    (1.5, r"^x must be <= 1, got 1\.5$"),
])
def test_closed_bounds_name_the_broken_side(value, message):
    with pytest.raises(ValueError, match=message):
        check_number(value, "x", low=0, high=1)


@pytest.mark.parametrize("value,message", [
    (0, r"^x must be > 0, got 0\.0$"),
    (1, r"^x must be < 1, got 1\.0$"),
])
def test_open_bounds_reject_the_bound_itself(value, message):
    with pytest.raises(ValueError, match=message):
        check_number(value, "x", low=0, high=1, low_open=True, high_open=True)
    assert check_number(0.5, "x", low=0, high=1, low_open=True, high_open=True) == 0.5


def test_bounds_are_written_compactly_and_the_hint_follows():
    with pytest.raises(ValueError, match=r"^rate must be <= 0\.25 \(per week\), got 0\.3$"):
        check_number(0.3, "rate", high=0.25, hint=" (per week)")
    with pytest.raises(ValueError, match=r"^n must be >= 1e\+06, got 10\.0$"):
        check_number(10, "n", low=1e6)


# --- whole numbers -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [3, np.int64(3), np.uint16(3)])
def test_whole_numbers_are_returned_as_int(value):
    out = check_number(value, "weeks", integer=True, low=1)
    assert type(out) is int and out == 3


@pytest.mark.parametrize("value", [3.0, 2.5, np.float64(3), True, np.bool_(False), "3", None])
def test_a_whole_number_must_have_an_integer_type(value):
    with pytest.raises(TypeError, match=r"^weeks must be a whole number, got "):
        check_number(value, "weeks", integer=True)


@pytest.mark.parametrize("kwargs,value,message", [
    ({"low": 1}, 0, r"^n must be 1 or more, got 0$"),
    ({"high": 5}, 6, r"^n must be 5 or less, got 6$"),
    ({"low": 2, "high": 9}, 10, r"^n must be between 2 and 9, got 10$"),
    ({"low": 2, "high": 10, "high_open": True}, 10, r"^n must be between 2 and 9, got 10$"),
    ({"low": 0, "low_open": True}, 0, r"^n must be 1 or more, got 0$"),
])
def test_whole_number_bounds_are_said_in_words(kwargs, value, message):
    with pytest.raises(ValueError, match=message):
        check_number(value, "n", integer=True, **kwargs)


# --- the caller's own words ----------------------------------------------------------------------

def test_must_as_a_phrase_replaces_every_value_message_but_not_the_type_message():
    words = "lie in [0, 1) per period"
    for value in (-0.1, 1.0, float("nan"), math.inf):
        with pytest.raises(ValueError, match=r"^discount must lie in \[0, 1\) per period, got "):
            check_number(value, "discount", low=0, high=1, high_open=True, must=words)
    with pytest.raises(TypeError, match="^discount must be a number, got str"):
        check_number("1%", "discount", low=0, high=1, must=words)


def test_must_as_a_dict_replaces_only_the_cases_it_names():
    share = {"nan": "be a finite number", "high": "lie in [0, 1] (a share)", "type": "be a share"}
    with pytest.raises(ValueError, match=r"^ad_load must lie in \[0, 1\] \(a share\), got 1\.5$"):
        check_number(1.5, "ad_load", low=0, high=1, must=share)
    with pytest.raises(ValueError, match=r"^ad_load must be >= 0, got -0\.1$"):
        check_number(-0.1, "ad_load", low=0, high=1, must=share)
    with pytest.raises(ValueError, match=r"^ad_load must be a finite number, got nan$"):
        check_number(float("nan"), "ad_load", low=0, high=1, must=share)
    with pytest.raises(TypeError, match=r"^ad_load must be a share, got NoneType None$"):
        check_number(None, "ad_load", low=0, high=1, must=share)


# --- check_numbers -------------------------------------------------------------------------------

def test_check_numbers_returns_a_float_copy():
    given = np.array([1, 2, 3])
    out = check_numbers(given, "base")
    out[0] = 99
    assert out.dtype == float and given.tolist() == [1, 2, 3]
    assert check_numbers(2, "cost").shape == ()
    assert check_numbers(pd.Series([0.5, 1.5]), "base").tolist() == [0.5, 1.5]


@pytest.mark.parametrize("values,error,message", [
    ("abc", TypeError, r"^base must be numbers, got str$"),
    (None, TypeError, r"^base must be numbers, got NoneType$"),
    (True, TypeError, r"^base must be numbers, got bool$"),
    (["a", 1.0], TypeError, r"^base must hold numbers only"),
    ([], ValueError, r"^base is empty$"),
    ([1.0, np.nan], ValueError, r"^base has 1 NaN value\(s\); expected finite numbers$"),
    ([1.0, np.inf], ValueError, r"^base has 1 infinite value\(s\); expected finite numbers$"),
    ([1.0, np.nan, np.nan], ValueError, r"^base has 2 NaN value\(s\)"),
])
def test_check_numbers_rejects_with_the_name(values, error, message):
    with pytest.raises(error, match=message):
        check_numbers(values, "base")


def test_check_numbers_says_what_was_expected():
    with pytest.raises(TypeError, match=r"^w must be an array or a graph, got str$"):
        check_numbers("x", "w", what="an array or a graph")
    with pytest.raises(ValueError, match=r"^w is empty: expected at least one customer$"):
        check_numbers([], "w", empty=": expected at least one customer")


# --- check_frame and validate_transactions -------------------------------------------------------

def test_check_frame_and_validate_transactions_are_still_offered_by_data():
    assert data.check_frame is check_frame
    assert data.validate_transactions is validate_transactions
    assert data.REQUIRED_COLUMNS == ("customer_id", "date", "amount")


def test_check_frame_names_argument_columns_and_rows():
    frame = pd.DataFrame({"customer_id": ["a"], "stage": ["formation"]})
    assert check_frame(frame, "panel", ["customer_id", "stage"]) is None
    message = r"^panel must be a DataFrame with columns \['stage'\] \(from x\), got list$"
    with pytest.raises(TypeError, match=message):
        check_frame([], "panel", ["stage"], expected="from x")
    with pytest.raises(ValueError, match=r"^panel is missing column\(s\) \['period'\]"):
        check_frame(frame, "panel", ["period"])
    with pytest.raises(ValueError, match="^panel is empty"):
        check_frame(frame.iloc[:0], "panel", ["stage"])
    with pytest.raises(ValueError, match="^panel column 'stage' has missing values"):
        check_frame(frame.assign(stage=[None]), "panel", ["stage"])


def test_validate_transactions_returns_a_tidy_copy_and_leaves_the_frame_alone():
    raw = pd.DataFrame({"amount": ["5"], "date": ["2013-07-31"], "customer_id": ["c1"]})
    before = raw.copy()
    out = validate_transactions(raw)
    assert list(out.columns) == ["customer_id", "date", "amount"] and out["amount"].dtype == float
    pd.testing.assert_frame_equal(raw, before)


@pytest.mark.parametrize("values,bounds,message", [
    ([1.0, -0.5], {"low": 0}, r"^t must be at least 0, got -0.5$"),
    ([1.0, 0.0], {"low": 0, "low_open": True}, r"^t must be above 0, got 0.0$"),
    ([1.0, 2.5], {"integer": True}, r"^t must hold whole numbers, got 2.5$"),
])
def test_check_numbers_bounds_and_whole_numbers(values, bounds, message):
    with pytest.raises(ValueError, match=message):
        check_numbers(values, "t", **bounds)


def test_check_numbers_may_accept_no_values_and_returns_a_copy():
    assert check_numbers([], "t", allow_empty=True).size == 0
    original = np.array([1.0, 2.0])
    out = check_numbers(original, "t", low=0, integer=True)
    out[0] = 99
    assert original[0] == 1.0
