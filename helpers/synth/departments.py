"""Synthetic departmental tables for the one-customer-view lesson (notebook 01).

Reading 003 says a firm's customer data sits scattered across departments (sales, production,
logistics, service) and that only joining it gives one view of each customer. These small,
**synthetic** tables of an imagined online phone shop in 2014 reproduce the everyday mess of such
data:

* ``sales.csv``: one row per order, customer numbers such as ``C00007``, phones written
  ``138-1234-5678``; three people registered a second time under a new number;
* ``logistics.csv``: one row per shipment, the customer written ``c-7`` or ``7``, phones written
  ``+86 138 1234 5678``;
* ``service.csv``: one row per ticket, no customer number at all, phones written ``13812345678``.

The behaviour built in (so the merged view has something to find): a delivery is late with
probability 0.2; a customer whose delivery was late opens a complaint with probability 0.7; half
of those complaints stay unresolved, and a customer with an unresolved complaint never orders
again. Other tickets (screen, battery, how-to questions) are random and change nothing.

Regenerate with ``python -m helpers.synth departments --out datasets/departments``.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2014
NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐明", "孙丽",
         "胡军", "朱琳", "高翔", "林峰", "何欣", "郭涛", "马超", "罗兰", "梁爽", "宋佳", "郑凯", "谢楠"]
CITIES = ["北京", "上海", "广州", "成都", "武汉", "杭州"]
#: Products and list prices in RMB (approximate 2014 prices; the catalogue is synthetic).
PRODUCTS = {"Mi 3": 1999.0, "Redmi 1S": 699.0, "Redmi Note": 799.0, "Mi Pad": 1499.0,
            "Mi Band": 79.0, "Power bank": 69.0}
#: Customers (by position in NAMES) who registered a second time, and the order from which on.
DUPLICATES = {2: 2, 9: 1, 17: 2}
START, END = pd.Timestamp("2014-01-01"), pd.Timestamp("2014-12-31")
PROMISED_DAYS = 3


def _phone_dashes(p):
    return f"{p[:3]}-{p[3:7]}-{p[7:]}"


def _phone_plus86(p):
    return f"+86 {p[:3]} {p[3:7]} {p[7:]}"


def tables(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The three synthetic tables as DataFrames (what :func:`write` saves)."""
    rng = np.random.default_rng(seed)
    prefixes = rng.choice(["138", "139", "150", "151", "186", "188"], size=len(NAMES))
    phones = [f"{pre}{rng.integers(0, 10**8):08d}" for pre in prefixes]
    cities = rng.choice(CITIES, size=len(NAMES))
    products, prices = list(PRODUCTS), np.array(list(PRODUCTS.values()))
    weights = np.array([0.2, 0.25, 0.2, 0.1, 0.15, 0.1])

    sales, shipments, tickets = [], [], []
    next_number = len(NAMES) + 1
    for i, name in enumerate(NAMES):
        numbers = [f"C{i + 1:05d}"]
        if i in DUPLICATES:
            numbers.append(f"C{next_number:05d}")
            next_number += 1
        date = START + pd.Timedelta(days=int(rng.integers(0, 120)))
        k = 0
        while date <= END - pd.Timedelta(days=10):
            number = numbers[1] if i in DUPLICATES and k >= DUPLICATES[i] else numbers[0]
            j = rng.choice(len(products), p=weights)
            qty = int(rng.choice([1, 1, 1, 2]))
            order_id = f"S{len(sales) + 1:04d}"
            sales.append({"order_id": order_id, "customer_no": number, "name": name,
                          "phone": _phone_dashes(phones[i]), "city": cities[i], "order_date": date,
                          "product": products[j], "quantity": qty, "amount_rmb": prices[j] * qty})
            shipped = date + pd.Timedelta(days=int(rng.integers(0, 2)))
            late = rng.random() < 0.2
            days = int(rng.integers(4, 10)) if late else int(rng.integers(1, PROMISED_DAYS + 1))
            delivered = shipped + pd.Timedelta(days=days)
            digits = number[1:].lstrip("0")
            shipments.append({"shipment_id": f"L{len(shipments) + 1:04d}", "order_id": order_id,
                              "customer": f"c-{digits}" if rng.random() < 0.5 else digits,
                              "phone": _phone_plus86(phones[i]), "city": cities[i],
                              "shipped": shipped, "delivered": delivered})
            stop = False
            if late and rng.random() < 0.7:
                resolved = bool(rng.random() < 0.5)
                tickets.append({"phone": phones[i], "name": name,
                                "opened": delivered + pd.Timedelta(days=int(rng.integers(0, 3))),
                                "channel": str(rng.choice(["hotline", "Weibo", "online chat"])),
                                "issue": "late delivery", "resolved": "yes" if resolved else "no"})
                stop = not resolved
            elif rng.random() < 0.12:
                tickets.append({"phone": phones[i], "name": name,
                                "opened": delivered + pd.Timedelta(days=int(rng.integers(3, 40))),
                                "channel": str(rng.choice(["hotline", "Weibo", "online chat"])),
                                "issue": str(rng.choice(["screen", "battery", "how to use"])),
                                "resolved": "yes" if rng.random() < 0.8 else "no"})
            if stop:
                break
            k += 1
            date = date + pd.Timedelta(days=int(rng.integers(20, 100)))

    # number orders and shipments in date order, as a shop's systems would
    sales = pd.DataFrame(sales).sort_values(["order_date", "order_id"], kind="stable").reset_index(drop=True)
    renumber = {old: f"S{n + 1:04d}" for n, old in enumerate(sales["order_id"])}
    sales["order_id"] = sales["order_id"].map(renumber)
    logistics = pd.DataFrame(shipments)
    logistics["order_id"] = logistics["order_id"].map(renumber)
    logistics = logistics.sort_values(["shipped", "order_id"], kind="stable").reset_index(drop=True)
    logistics["shipment_id"] = [f"L{n + 1:04d}" for n in range(len(logistics))]
    service = pd.DataFrame(tickets).sort_values(["opened", "phone"], kind="stable").reset_index(drop=True)
    service.insert(0, "ticket_id", [f"T{n + 1:03d}" for n in range(len(service))])
    return {"sales": sales, "logistics": logistics, "service": service}


def write(out_dir) -> list[Path]:
    """Write ``sales.csv``, ``logistics.csv`` and ``service.csv`` (UTF-8) to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables().items():
        path = out / f"{name}.csv"
        df.to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        paths.append(path)
    return paths
