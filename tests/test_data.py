"""helpers.data: the transaction schema, readers for Chinese exports, and the CDNOW data."""
import codecs
import io

import numpy as np
import pandas as pd
import pytest

from helpers import data


def frame(**overrides):
    base = {"customer_id": ["a", "a", "b"], "date": ["2013-07-31", "2013-08-02", "2013-08-02"],
            "amount": [799.0, 99.5, 1999.0], "product": ["红米", "小米盒子", "小米2"]}
    base.update(overrides)
    return pd.DataFrame(base)


# --- the real data -------------------------------------------------------------------------------

def test_cdnow_sample_counts():
    tx = data.load_cdnow("sample")
    assert len(tx) == 6919 and tx["customer_id"].nunique() == 2357
    assert tx["date"].min() == pd.Timestamp("1997-01-01") and tx["date"].max() == pd.Timestamp("1998-06-30")
    assert list(tx.columns) == ["customer_id", "date", "amount", "quantity"]


def test_cdnow_master_counts():
    tx = data.load_cdnow("master")
    assert len(tx) == 69659 and tx["customer_id"].nunique() == 23570


def test_cdnow_sample_is_a_subset_of_master():
    sample, master = data.load_cdnow("sample"), data.load_cdnow("master")
    assert set(sample["customer_id"]) <= set(master["customer_id"])
    one = sample["customer_id"].iloc[0]
    pd.testing.assert_frame_equal(sample[sample.customer_id == one].reset_index(drop=True),
                                  master[master.customer_id == one].reset_index(drop=True))


def test_cdnow_unknown_kind():
    with pytest.raises(ValueError, match="'sample' or 'master'"):
        data.load_cdnow("full")


# --- validate_transactions ------------------------------------------------------------------------

def test_validate_returns_tidy_copy_without_changing_input():
    raw = frame(amount=["799", "99.5", "1999"])
    before = raw.copy()
    out = data.validate_transactions(raw)
    pd.testing.assert_frame_equal(raw, before)
    assert out is not raw
    assert str(out["date"].dtype) == "datetime64[ns]" and out["amount"].dtype == float
    assert list(out.columns[:3]) == ["customer_id", "date", "amount"]


def test_validate_rejects_non_frames():
    with pytest.raises(TypeError, match="DataFrame"):
        data.validate_transactions([("a", "2013-01-01", 1.0)])


def test_validate_rejects_empty():
    with pytest.raises(ValueError, match="empty"):
        data.validate_transactions(frame().iloc[:0])


def test_validate_names_a_missing_column_and_suggests_the_misnamed_one():
    with pytest.raises(ValueError, match=r"missing column\(s\) \['customer_id'\].*'Customer ID' looks like 'customer_id'"):
        data.validate_transactions(frame().rename(columns={"customer_id": "Customer ID"}))


def test_validate_rejects_missing_ids_and_shows_the_row():
    with pytest.raises(ValueError, match=r"'customer_id' has 1 missing id.*\n.*\n1 +NaN"):
        data.validate_transactions(frame(customer_id=["a", np.nan, "b"]))


def test_validate_rejects_unparseable_dates():
    with pytest.raises(ValueError, match=r"'date' has 1 value\(s\) that are not dates, e.g. '31/31/2013'"):
        data.validate_transactions(frame(date=["2013-07-31", "31/31/2013", "2013-08-02"]))


def test_validate_rejects_missing_dates():
    with pytest.raises(ValueError, match="'date'"):
        data.validate_transactions(frame(date=[pd.Timestamp("2013-07-31"), pd.NaT, pd.Timestamp("2013-08-02")]))


def test_validate_rejects_non_numeric_amounts():
    with pytest.raises(ValueError, match=r"'amount' has 1 value\(s\) that are missing or not numbers, e.g. '¥99'"):
        data.validate_transactions(frame(amount=["799", "¥99", "1999"]))


def test_validate_rejects_boolean_amounts():
    with pytest.raises(ValueError, match="True/False"):
        data.validate_transactions(frame(amount=[True, False, True]))


def test_validate_rejects_refunds_with_the_rule():
    with pytest.raises(ValueError, match=r"negative.*Net each refund"):
        data.validate_transactions(frame(amount=[799.0, -99.5, 1999.0]))


def test_zero_amounts_allowed_unless_asked():
    out = data.validate_transactions(frame(amount=[0.0, 99.5, 1999.0]))
    assert out["amount"].iloc[0] == 0
    with pytest.raises(ValueError, match="zero"):
        data.validate_transactions(frame(amount=[0.0, 99.5, 1999.0]), allow_zero_amounts=False)


def test_timezone_aware_dates_become_naive():
    dates = pd.to_datetime(["2013-07-31", "2013-08-02", "2013-08-02"]).tz_localize("Asia/Shanghai")
    out = data.validate_transactions(frame(date=dates))
    assert out["date"].dt.tz is None


# --- read_transactions ------------------------------------------------------------------------------

CHINESE = {"用户ID": "customer_id", "下单时间": "date", "金额": "amount"}
CSV_TEXT = "用户ID,下单时间,金额,商品\n1001,2013-07-31,799,红米\n1002,2014-03-20,1999,小米3 移动版\n"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-8-sig", "utf-16"])
def test_reads_chinese_exports_in_common_encodings(tmp_path, encoding):
    path = tmp_path / f"orders-{encoding}.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    tx = data.read_transactions(path, columns=CHINESE)
    assert list(tx["商品"]) == ["红米", "小米3 移动版"]
    assert list(tx["amount"]) == [799.0, 1999.0]
    assert tx["date"].iloc[1] == pd.Timestamp("2014-03-20")


def test_gb18030_characters_outside_gbk_read_back_intact(tmp_path):
    text = CSV_TEXT.replace("红米", "𠀀红米")  # a CJK Extension B character: GB18030 has it, GBK does not
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode("gb18030"))
    assert data.read_transactions(path, columns=CHINESE)["商品"].iloc[0] == "𠀀红米"


def test_bom_does_not_stick_to_the_first_header(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + "customer_id,date,amount\nc1,2013-07-31,5\n".encode())
    assert list(data.read_transactions(path).columns) == ["customer_id", "date", "amount"]


def test_reads_buffers_and_explicit_encodings():
    buffer = io.BytesIO(CSV_TEXT.encode("gbk"))
    assert len(data.read_transactions(buffer, columns=CHINESE, encoding="gbk")) == 2
    assert len(data.read_transactions(io.StringIO(CSV_TEXT), columns=CHINESE)) == 2


def test_reads_excel(tmp_path):
    path = tmp_path / "orders.xlsx"
    pd.read_csv(io.StringIO(CSV_TEXT)).to_excel(path, index=False)
    tx = data.read_transactions(path, columns=CHINESE)
    assert list(tx["商品"]) == ["红米", "小米3 移动版"]


def test_undecodable_bytes_give_a_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"customer_id,date,amount\n\x81\x30\x81,2013-07-31,1\n\xff\xfe\xfd")
    with pytest.raises(ValueError, match="UTF-8 or GB18030"):
        data.read_transactions(path)


def test_read_names_unknown_rename_and_missing_file(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    with pytest.raises(ValueError, match=r"\['客户'\].*用户ID"):
        data.read_transactions(path, columns={"客户": "customer_id"})
    with pytest.raises(ValueError, match="no file"):
        data.read_transactions(tmp_path / "missing.csv")
    with pytest.raises(TypeError, match="columns must be a dict"):
        data.read_transactions(path, columns=["customer_id"])


def test_read_reports_misnamed_columns(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_bytes(CSV_TEXT.encode("gbk"))
    with pytest.raises(ValueError, match="missing column"):
        data.read_transactions(path)


def test_check_frame_names_the_argument_and_what_is_wrong():
    good = pd.DataFrame({"customer_id": ["a", "b"], "stage": ["formation", "decline"]})
    before = good.copy()
    assert data.check_frame(good, "panel", ["customer_id", "stage"]) is None
    pd.testing.assert_frame_equal(good, before)
    with pytest.raises(TypeError, match="panel must be a DataFrame"):
        data.check_frame(good.to_dict(), "panel", ["customer_id"])
    with pytest.raises(ValueError, match=r"stages is missing column\(s\) \['period'\]"):
        data.check_frame(good, "stages", ["customer_id", "period"])
    with pytest.raises(ValueError, match="panel is empty"):
        data.check_frame(good.iloc[:0], "panel", ["customer_id"])
    with pytest.raises(ValueError, match="column 'stage' has missing values"):
        data.check_frame(good.assign(stage=["formation", None]), "panel", ["customer_id", "stage"])


def test_check_frame_empty_ok_accepts_no_rows_but_still_checks_type_and_columns():
    none = pd.DataFrame({"customer_id": pd.Series([], dtype=object), "stage": pd.Series([], dtype=object)})
    assert data.check_frame(none, "panel", ["customer_id", "stage"], empty_ok=True) is None
    assert data.check_frame(pd.DataFrame(index=[0, 1]), "survey", [], empty_ok=True) is None
    with pytest.raises(TypeError, match=r"panel must be a DataFrame with columns \['customer_id'\]"):
        data.check_frame([], "panel", ["customer_id"], empty_ok=True)
    with pytest.raises(ValueError, match=r"panel is missing column\(s\) \['period'\]"):
        data.check_frame(none, "panel", ["customer_id", "period"], empty_ok=True)
    with pytest.raises(ValueError, match="column 'stage' has missing values"):
        data.check_frame(pd.DataFrame({"stage": [None]}), "panel", ["stage"], empty_ok=True)


def test_check_frame_nan_ok_accepts_missing_values_but_still_checks_the_rest():
    gaps = pd.DataFrame({"customer_id": ["a", None], "trend": [1.0, float("nan")]})
    before = gaps.copy()
    assert data.check_frame(gaps, "panel", ["customer_id", "trend"], nan_ok=True) is None
    pd.testing.assert_frame_equal(gaps, before)
    with pytest.raises(ValueError, match="panel is empty: expected from stage_panel"):
        data.check_frame(gaps.iloc[:0], "panel", ["trend"], nan_ok=True, expected="from stage_panel()")
    with pytest.raises(ValueError, match=r"missing column\(s\) \['stage'\].*\(from stage_panel\(\)\)"):
        data.check_frame(gaps, "panel", ["stage"], nan_ok=True, expected="from stage_panel()")
    with pytest.raises(TypeError, match=r"survey must be a DataFrame \(indexed by customer\), got dict"):
        data.check_frame({}, "survey", [], nan_ok=True, empty_ok=True, expected="indexed by customer")


def test_check_frame_counts_rows_not_cells():
    # a frame with rows but no columns is not empty for a check that needs no columns
    assert data.check_frame(pd.DataFrame(index=["a"]), "survey", []) is None
    with pytest.raises(ValueError, match="survey is empty"):
        data.check_frame(pd.DataFrame(), "survey", [])
