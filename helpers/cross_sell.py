"""Cross-selling and up-selling from co-purchases: association rules (关联规则, notebook 07).

In the formation stage the firm **develops** the customer (客户发展): repeat and upgrade
purchases raise the customer's value (reading 002). Which product to offer next? A first answer
comes from what customers already buy together. For two products ``A`` and ``B``, over the
*baskets* (here: a customer's whole purchase history, or one order):

``support(A -> B) = P(A and B)``
    the share of baskets holding both;
``confidence(A -> B) = P(B | A) = support(A and B) / support(A)``
    the share of A's buyers who also bought B;
``lift(A -> B) = confidence(A -> B) / support(B)``
    how much more likely B is among A's buyers than among all baskets; 1 means no association,
    and the lift is the same in both directions.

Everything is computed with pandas and one matrix product; only rules with one product on each
side are formed (enough for "which product next").

>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
...                    "product": ["phone", "tv", "phone", "tv", "phone"]})
>>> r = association_rules(tx)
>>> r.loc[r["antecedent"] == "tv", ["consequent", "support", "confidence", "lift"]].round(3).values.tolist()
[['phone', 0.667, 1.0, 1.0]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_frame, check_number


def basket_matrix(transactions: pd.DataFrame, *, item: str = "product",
                  basket: str = "customer_id") -> pd.DataFrame:
    """One row per basket, one boolean column per item: did the basket hold the item?

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``basket`` and ``item``.
    item : str, default "product"
    basket : str, default "customer_id"
        What counts as one basket: a customer (everything they ever bought) or an order.

    Returns
    -------
    pandas.DataFrame
        Booleans, index = baskets (sorted), columns = items (sorted).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "product": ["tv", "phone", "phone"]})
    >>> basket_matrix(tx).astype(int).values.tolist()
    [[1, 1], [1, 0]]
    """
    for name, col in (("item", item), ("basket", basket)):
        if not isinstance(col, str):
            raise TypeError(f"{name} must be a column name, got {type(col).__name__}")
    check_frame(transactions, "transactions", [basket, item],
                expected=f"one row per purchase; basket={basket!r} and item={item!r} name the columns")
    b_codes, baskets = pd.factorize(transactions[basket], sort=True)
    i_codes, items = pd.factorize(transactions[item], sort=True)
    m = np.zeros((len(baskets), len(items)), dtype=bool)
    m[b_codes, i_codes] = True
    return pd.DataFrame(m, index=pd.Index(baskets, name=basket), columns=pd.Index(items, name=item))


def association_rules(transactions: pd.DataFrame, *, item: str = "product", basket: str = "customer_id",
                      min_support: float = 0.0, min_confidence: float = 0.0) -> pd.DataFrame:
    """Every one-to-one rule ``antecedent -> consequent`` with its support, confidence and lift.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``basket`` and ``item``; other columns are ignored.
    item, basket : str
        See :func:`basket_matrix`.
    min_support, min_confidence : float in [0, 1]
        Keep only rules at or above these.

    Returns
    -------
    pandas.DataFrame
        Columns ``antecedent``, ``consequent``, ``baskets`` (holding both), ``support``,
        ``confidence``, ``lift``, ``antecedent_support``, ``consequent_support``; sorted by
        lift, then confidence (both descending), then the names.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 4],
    ...                    "product": ["Mi 3", "Mi TV", "Mi 3", "Mi 3", "Mi TV", "Mi Pad"]})
    >>> association_rules(tx, min_support=0.5)[["antecedent", "consequent", "confidence", "lift"]].values.tolist()
    [['Mi TV', 'Mi 3', 1.0, 1.3333333333333333], ['Mi 3', 'Mi TV', 0.6666666666666666, 1.3333333333333333]]
    """
    for name, v in (("min_support", min_support), ("min_confidence", min_confidence)):
        check_number(v, name, low=0, high=1, must="be between 0 and 1")
    m = basket_matrix(transactions, item=item, basket=basket)
    x = m.to_numpy(dtype=np.int64)
    n = x.shape[0]
    both = x.T @ x                                  # baskets holding item i and item j
    single = np.diag(both).astype(float)
    a, c = np.nonzero(~np.eye(len(single), dtype=bool))
    count = both[a, c]
    support = count / n
    confidence = count / single[a]
    lift = confidence / (single[c] / n)
    items = m.columns.to_numpy()
    out = pd.DataFrame({"antecedent": items[a], "consequent": items[c], "baskets": count,
                        "support": support, "confidence": confidence, "lift": lift,
                        "antecedent_support": single[a] / n, "consequent_support": single[c] / n})
    out = out[(out["baskets"] > 0) & (out["support"] >= min_support) & (out["confidence"] >= min_confidence)]
    out = out.sort_values(["lift", "confidence", "antecedent", "consequent"],
                          ascending=[False, False, True, True], kind="mergesort")
    return out.reset_index(drop=True)


def next_product(rules: pd.DataFrame, owned, *, top: int = 3, by: str = "lift") -> pd.DataFrame:
    """The best products to offer a customer who owns ``owned``, from a rules table.

    For each product the customer does not yet own, the strongest rule leading to it from one
    of the owned products is kept; products are ranked by ``by``.

    Parameters
    ----------
    rules : pandas.DataFrame
        Output of :func:`association_rules`.
    owned : str or list of str
        Products the customer already bought.
    top : int, default 3
    by : {"lift", "confidence"}

    Returns
    -------
    pandas.DataFrame
        Up to ``top`` rules, one per suggested product.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3], "product": ["a", "b", "a", "b", "c"]})
    >>> next_product(association_rules(tx), "a")["consequent"].tolist()
    ['b']
    """
    check_frame(rules, "rules", ["antecedent", "consequent", "lift", "confidence"],
                expected="pass the output of association_rules()", empty_ok=True, nan_ok=True)
    if by not in ("lift", "confidence"):
        raise ValueError(f"by must be 'lift' or 'confidence', got {by!r}")
    top = check_number(top, "top", integer=True, low=1)
    owned = [owned] if isinstance(owned, str) else list(owned)
    if not owned:
        raise ValueError("owned must name at least one product")
    other = "confidence" if by == "lift" else "lift"
    cand = rules[rules["antecedent"].isin(owned) & ~rules["consequent"].isin(owned)]
    cand = cand.sort_values([by, other, "consequent"], ascending=[False, False, True], kind="mergesort")
    return cand.drop_duplicates("consequent").head(top).reset_index(drop=True)
