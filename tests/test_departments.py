"""The synthetic departmental tables and the key-cleaning helpers of the one-customer-view lesson."""
import filecmp

import pandas as pd
import pytest

from helpers import data
from helpers.customer_view import normalise_customer_id, normalise_phone
from helpers.synth import departments


# --- normalise_phone ----------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["138-0013-8000", "+86 138 0013 8000", "13800138000", "0086 13800138000",
                                 "(+86) 138.0013.8000", "86-138-0013-8000", 13800138000, " 138 0013 8000 "])
def test_every_way_of_writing_a_mobile_gives_the_same_11_digits(raw):
    assert normalise_phone([raw]).tolist() == ["13800138000"]


def test_phone_keeps_the_index_and_does_not_change_the_input():
    s = pd.Series(["138-0013-8000", "+86 139 0000 0000"], index=[10, 20])
    out = normalise_phone(s)
    assert list(out.index) == [10, 20] and out.tolist() == ["13800138000", "13900000000"]
    assert s.tolist() == ["138-0013-8000", "+86 139 0000 0000"]


@pytest.mark.parametrize("values,error,message", [
    (["010-6275-1234"], ValueError, "not 11-digit mobile numbers"),
    (["1380013800"], ValueError, "not 11-digit mobile numbers"),
    (["23800138000"], ValueError, "not 11-digit mobile numbers"),
    ([None, "13800138000"], ValueError, "phones has 1 missing"),
    ("13800138000", TypeError, "phones must be a pandas Series or a list"),
    (13800138000, TypeError, "phones must be a pandas Series or a list"),
])
def test_bad_phones_are_named(values, error, message):
    with pytest.raises(error, match=message):
        normalise_phone(values)


# --- normalise_customer_id ----------------------------------------------------------------------

def test_ids_written_three_ways_agree():
    assert normalise_customer_id(["C00007", "c-7", "7", 7, 7.0]).tolist() == ["C00007"] * 5
    assert normalise_customer_id(["12"], prefix="K", width=3).tolist() == ["K012"]


@pytest.mark.parametrize("kwargs,error,message", [
    ({"ids": ["c-"]}, ValueError, "without a number"),
    ({"ids": ["1234567"]}, ValueError, "at most 5 digits"),
    ({"ids": [None]}, ValueError, "ids has 1 missing"),
    ({"ids": "C00007"}, TypeError, "ids must be a pandas Series or a list"),
    ({"ids": ["7"], "width": 0}, ValueError, "width must be a whole number"),
    ({"ids": ["7"], "prefix": 1}, TypeError, "prefix must be a string"),
])
def test_bad_ids_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        normalise_customer_id(**kwargs)


# --- the synthetic tables -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def tables():
    return data.load_departments()


def test_files_regenerate_byte_for_byte(tmp_path):
    for path in departments.write(tmp_path):
        assert filecmp.cmp(path, data.DATASETS / "departments" / path.name, shallow=False), path.name


def test_loader_types(tables):
    assert set(tables) == {"sales", "logistics", "service"}
    assert pd.api.types.is_datetime64_any_dtype(tables["sales"]["order_date"])
    assert pd.api.types.is_datetime64_any_dtype(tables["logistics"]["delivered"])
    assert tables["sales"]["amount_rmb"].dtype == float and (tables["sales"]["amount_rmb"] > 0).all()
    assert tables["logistics"]["customer"].map(type).eq(str).all()   # "7" stays text


def test_the_mess_is_there(tables):
    sales, logistics, service = tables["sales"], tables["logistics"], tables["service"]
    assert sales["phone"].str.match(r"^\d{3}-\d{4}-\d{4}$").all()
    assert logistics["phone"].str.match(r"^\+86 \d{3} \d{4} \d{4}$").all()
    assert service["phone"].str.match(r"^\d{11}$").all()
    assert logistics["customer"].str.startswith("c-").any() and logistics["customer"].str.isdigit().any()
    assert "customer_no" not in service and "customer" not in service
    # three people registered twice: more customer numbers than phones
    assert sales["customer_no"].nunique() == 27 and normalise_phone(sales["phone"]).nunique() == 24


def test_keys_agree_once_cleaned(tables):
    sales, logistics, service = tables["sales"], tables["logistics"], tables["service"]
    merged = sales.merge(logistics, on="order_id", suffixes=("", "_log"), validate="one_to_one")
    assert len(merged) == len(sales)
    assert (normalise_customer_id(merged["customer"]) == merged["customer_no"]).all()
    assert (normalise_phone(merged["phone"]) == normalise_phone(merged["phone_log"])).all()
    assert set(normalise_phone(service["phone"])) <= set(normalise_phone(sales["phone"]))


def test_unresolved_complaints_end_the_relationship(tables):
    sales, service = tables["sales"].copy(), tables["service"].copy()
    sales["person"] = normalise_phone(sales["phone"])
    service["person"] = normalise_phone(service["phone"])
    unresolved = service[(service["issue"] == "late delivery") & (service["resolved"] == "no")]
    first = unresolved.groupby("person")["opened"].min()
    later = sales[sales["person"].isin(first.index)]
    assert len(first) > 5
    assert (later["order_date"] <= later["person"].map(first)).all()
    # every complaint about a late delivery follows a delivery that was late
    logistics = tables["logistics"]
    late = logistics[(logistics["delivered"] - logistics["shipped"]).dt.days > departments.PROMISED_DAYS]
    complained = service.loc[service["issue"] == "late delivery", "person"]
    assert set(complained) <= set(normalise_phone(late["phone"]))
