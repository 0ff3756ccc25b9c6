"""Association rules for cross- and up-selling, checked by hand."""
import numpy as np
import pandas as pd
import pytest

from helpers import cross_sell

TX = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 3, 3, 4, 5, 5],
                   "product": ["phone", "tv", "phone", "phone", "pad", "tv", "pad", "phone", "phone", "tv"]})


def test_rules_by_hand():
    # baskets: 1 {phone, tv}, 2 {phone, pad}, 3 {tv, pad}, 4 {phone}, 5 {phone, tv}
    r = cross_sell.association_rules(TX).set_index(["antecedent", "consequent"])
    pt = r.loc[("phone", "tv")]
    assert pt["baskets"] == 2 and pt["support"] == pytest.approx(2 / 5)
    assert pt["confidence"] == pytest.approx(2 / 4) and pt["lift"] == pytest.approx((2 / 4) / (3 / 5))
    tp = r.loc[("tv", "phone")]
    assert tp["confidence"] == pytest.approx(2 / 3) and tp["lift"] == pytest.approx(pt["lift"])
    assert r.loc[("tv", "pad"), "lift"] == pytest.approx((1 / 3) / (2 / 5))
    assert len(r) == 6


def test_rules_against_a_slow_count():
    rng = np.random.default_rng(3)
    tx = pd.DataFrame({"customer_id": rng.integers(0, 60, 300), "product": rng.choice(list("abcde"), 300)})
    r = cross_sell.association_rules(tx)
    sets = tx.groupby("customer_id")["product"].apply(set)
    for row in r.itertuples():
        both = sum(row.antecedent in s and row.consequent in s for s in sets)
        has_a = sum(row.antecedent in s for s in sets)
        has_c = sum(row.consequent in s for s in sets)
        assert row.baskets == both
        assert row.lift == pytest.approx(both / has_a / (has_c / len(sets)))
    assert (np.diff(r["lift"]) <= 1e-12).all()


def test_filters_and_order_baskets():
    r = cross_sell.association_rules(TX, min_support=0.4, min_confidence=0.6)
    assert r[["antecedent", "consequent"]].values.tolist() == [["tv", "phone"]]
    by_order = cross_sell.association_rules(TX.assign(order=range(10)), basket="order")
    assert by_order.empty                          # one product per order: nothing co-occurs


def test_next_product_skips_what_is_owned():
    r = cross_sell.association_rules(TX)
    top = cross_sell.next_product(r, ["phone"], top=5)
    assert "phone" not in top["consequent"].tolist()
    assert top["consequent"].tolist() == ["tv", "pad"]    # lift 0.83 > 0.625
    assert cross_sell.next_product(r, ["phone", "tv"], by="confidence")["consequent"].tolist() == ["pad"]


def test_input_not_changed():
    before = TX.copy()
    cross_sell.association_rules(TX)
    pd.testing.assert_frame_equal(TX, before)


@pytest.mark.parametrize("call,error,match", [
    (lambda: cross_sell.association_rules(TX.values), TypeError, "transactions"),
    (lambda: cross_sell.association_rules(TX.iloc[:0]), ValueError, "empty"),
    (lambda: cross_sell.association_rules(TX, item="sku"), ValueError, "sku"),
    (lambda: cross_sell.association_rules(TX, basket=3), TypeError, "basket"),
    (lambda: cross_sell.association_rules(TX.assign(product=[None] + ["tv"] * 9)), ValueError, "missing"),
    (lambda: cross_sell.association_rules(TX, min_support=1.5), ValueError, "min_support"),
    (lambda: cross_sell.association_rules(TX, min_confidence="high"), TypeError, "min_confidence"),
    (lambda: cross_sell.next_product(TX, "phone"), ValueError, "association_rules"),
    (lambda: cross_sell.next_product(cross_sell.association_rules(TX), []), ValueError, "owned"),
    (lambda: cross_sell.next_product(cross_sell.association_rules(TX), "tv", by="support"), ValueError, "by"),
    (lambda: cross_sell.next_product(cross_sell.association_rules(TX), "tv", top=0), ValueError, "top"),
    (lambda: cross_sell.next_product("rules", "tv"), TypeError, "rules"),
])
def test_bad_input_gets_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()
