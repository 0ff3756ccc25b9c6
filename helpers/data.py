"""Reading and checking transaction data: the only module in ``helpers`` that reads files.

Every model in the course takes *transactions*: one row per purchase with the columns

``customer_id``
    who bought (any hashable id; never missing),
``date``
    when (``datetime64``),
``amount``
    how much was paid, in the data's currency (float, zero or more),

and optionally ``quantity``, ``product`` and ``channel``. The loaders below return frames in
this shape, and :func:`validate_transactions` (kept in :mod:`helpers._checks` with the other
argument checks, and importable from here) checks any frame a student brings.

Refunds: a negative ``amount`` is rejected with a message. Net a refund against the purchase it
reverses (or drop both) before analysis; the models assume every row is a purchase. Zero amounts
(free items, as in CDNOW) are allowed unless ``allow_zero_amounts=False``.
"""
from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

# the checks live in helpers._checks; data offers them under their old names too
from helpers._checks import REQUIRED_COLUMNS, check_frame, validate_transactions  # noqa: F401
from helpers.lifecycle import STAGES

OPTIONAL_COLUMNS = ("quantity", "product", "channel")

#: Folder holding the course's data sets (``datasets/`` at the top of the course).
DATASETS = Path(os.environ.get("CRM_COURSE_DATASETS", Path(__file__).resolve().parents[1] / "datasets"))

_EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


def _decode(raw: bytes, encoding: str | None) -> str:
    """Bytes to text: the given encoding, else a BOM, else UTF-8, else GB18030 (covers GBK)."""
    if encoding is not None:
        return raw.decode(encoding)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as err:
        raise ValueError("could not read the file as UTF-8 or GB18030/GBK text; pass encoding= "
                         "(for example encoding='big5' for traditional-Chinese exports)") from err


def read_transactions(path_or_buffer, columns: dict | None = None, encoding: str | None = None,
                      **read_options) -> pd.DataFrame:
    """Read a CSV or Excel file of transactions and validate it.

    Parameters
    ----------
    path_or_buffer : str, pathlib.Path or file-like
        A ``.csv``/``.txt`` or ``.xlsx`` file, or an open binary/text buffer holding CSV.
    columns : dict, optional
        Renames the file's headers to the course's names, e.g.
        ``{"用户ID": "customer_id", "下单时间": "date", "金额": "amount"}``.
    encoding : str, optional
        Text encoding of a CSV. By default a byte-order mark decides, else UTF-8, else GB18030
        (a superset of GBK, what Excel on a Chinese Windows writes).
    **read_options
        Passed to :func:`pandas.read_csv` or :func:`pandas.read_excel` (e.g. ``sep=";"``).

    Returns
    -------
    pandas.DataFrame
        Transactions as returned by :func:`validate_transactions`.

    Examples
    --------
    >>> import io
    >>> gbk = "用户ID,下单时间,金额,商品\\n1001,2013-07-31,799,红米\\n".encode("gbk")
    >>> tx = read_transactions(io.BytesIO(gbk),
    ...                        columns={"用户ID": "customer_id", "下单时间": "date", "金额": "amount"})
    >>> tx.loc[0, "商品"]
    '红米'
    """
    if columns is not None and not isinstance(columns, dict):
        raise TypeError(f"columns must be a dict from the file's header to the course's name, "
                        f"got {type(columns).__name__}")
    if isinstance(path_or_buffer, (str, os.PathLike)):
        path = Path(path_or_buffer)
        if not path.is_file():
            raise ValueError(f"no file at {str(path)!r}")
        if path.suffix.lower() in _EXCEL_SUFFIXES:
            raw = None
            df = pd.read_excel(path, **read_options)
        else:
            raw = path.read_bytes()
    elif isinstance(path_or_buffer, (bytes, bytearray)):
        raw = bytes(path_or_buffer)
    else:
        raw = path_or_buffer.read()
    if raw is not None:
        text = raw if isinstance(raw, str) else _decode(raw, encoding)
        df = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), **read_options)

    df.columns = [str(c).strip().lstrip("\ufeff") for c in df.columns]
    if columns:
        unknown = [c for c in columns if c not in df.columns]
        if unknown:
            raise ValueError(f"columns= names header(s) {unknown} that the file does not have; "
                             f"its headers are {list(df.columns)}")
        df = df.rename(columns=columns)
    return validate_transactions(df)


def load_cdnow(kind: str = "sample") -> pd.DataFrame:
    """The CDNOW transactions (real data, January 1997 to June 1998, amounts in US dollars).

    Parameters
    ----------
    kind : {"sample", "master"}
        ``"sample"``: 6,919 purchases by 2,357 customers, the 1/10 sample used by Fader, Hardie &
        Lee (2005). ``"master"``: 69,659 purchases by 23,570 customers.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id`` (string, the master-file id), ``date``, ``amount``, ``quantity``
        (number of CDs).

    Examples
    --------
    >>> tx = load_cdnow()
    >>> len(tx), tx["customer_id"].nunique()
    (6919, 2357)
    """
    files = {"sample": "CDNOW_sample.txt", "master": "CDNOW_master.txt"}
    if kind not in files:
        raise ValueError(f"kind must be 'sample' or 'master', got {kind!r}")
    path = DATASETS / "cdnow" / files[kind]
    if kind == "sample":
        names = ["customer_id", "sample_id", "date", "quantity", "amount"]
        df = pd.read_csv(path, sep=r"\s+", header=None, names=names,
                         dtype={"customer_id": str, "sample_id": str, "date": str})
        df = df.drop(columns="sample_id")
    else:
        df = pd.read_csv(path, sep=r"\s+", header=0, dtype={"customer_id": str, "date": str})
        df = df.rename(columns={"number_of_cds": "quantity", "dollar_value": "amount"})
    df["date"] = pd.to_datetime(df["date"], format="%Y%m%d")
    return validate_transactions(df[["customer_id", "date", "amount", "quantity"]])


def load_xiaomi() -> dict:
    """The SYNTHETIC Xiaomi-style data set (20,000 invented customers, August 2011 to December 2015,
    amounts in RMB), generated by :mod:`helpers.synth.xiaomi`; see ``datasets/xiaomi/README.md``
    for every rate and its reason, and the calibration table.

    Returns
    -------
    dict of pandas.DataFrame
        ``"customers"``: customer_id, first_order, age, student, forum_member.
        ``"orders"``: course transactions (customer_id, date, amount, quantity, product, channel,
        then order_id), one row per order.
        ``"service"``: one row per contact with Xiaomi's service (customer_id, date, kind
        ``repair`` or ``enquiry``, place ``Xiaomi Home``, ``hotline`` or ``online service``).
        ``"community"``: customer_id, forum_member, joined_forum (NaT for non-members), posts,
        last_post_month (month of the last post, NaT if none), fan_club_events.
        ``"true_stages"``: the hidden true stage of every customer-month, columns customer_id,
        period (month start) and stage (categorical in :data:`helpers.lifecycle.STAGES` order),
        from the first order's month to December 2015.
        ``"stage_spells"``: the same, compactly: customer_id, stage, first_month, last_month.
        ``"true_transitions"``: the generator's monthly transition matrices, long format
        (group = non_member, member, all; from_stage; one column per next stage).

    Examples
    --------
    >>> x = load_xiaomi()
    >>> x["customers"]["customer_id"].nunique()
    20000
    >>> list(x["orders"].columns[:3])
    ['customer_id', 'date', 'amount']
    """
    from helpers.synth import xiaomi as xiaomi_synth
    folder = DATASETS / "xiaomi"
    customers = pd.read_csv(folder / "customers.csv", parse_dates=["first_order"])
    community = pd.read_csv(folder / "community.csv", parse_dates=["joined_forum", "last_post_month"])
    service = pd.read_csv(folder / "service.csv.gz", parse_dates=["date"])
    orders = pd.read_csv(folder / "orders.csv.gz", parse_dates=["date"])
    orders = validate_transactions(orders)
    orders = orders[["customer_id", "date", "amount", "quantity", "product", "channel", "order_id"]]
    spells = pd.read_csv(folder / "true_stage_spells.csv.gz", parse_dates=["first_month", "last_month"])
    spells["stage"] = pd.Categorical(spells["stage"], categories=list(STAGES))
    true_stages = xiaomi_synth.true_stages(spells)
    transitions = pd.read_csv(folder / "true_transitions.csv")
    return {"customers": customers, "orders": orders, "service": service, "community": community,
            "true_stages": true_stages, "stage_spells": spells, "true_transitions": transitions}


def load_tencent():
    """The SYNTHETIC social graph of the QQ-vs-360 case (invented users; see the data card).

    30,000 users in circles (communities) of friends, each running both QQ and 360 before the
    ban of 3 November 2010 (reading 004), with a base stickiness to each product. Generated by
    ``python -m helpers.synth tencent --out datasets/tencent``; every assumption is listed in
    ``datasets/tencent/README.md``.

    Returns
    -------
    graph : networkx.Graph
        One node per user (ids ``u00000`` ...), one edge per tie with a ``weight`` (1 inside a
        circle, 0.5 across circles).
    users : pandas.DataFrame
        Indexed by ``user_id``: ``community``, ``base_qq``, ``base_360`` (stickiness in [0, 1]).

    Examples
    --------
    >>> graph, users = load_tencent()
    >>> graph.number_of_nodes(), len(users), list(users.columns)
    (30000, 30000, ['community', 'base_qq', 'base_360'])
    """
    from helpers.synth import tencent

    folder = DATASETS / "tencent"
    users = pd.read_csv(folder / tencent.USERS_FILE, dtype={"user_id": str})
    ties = pd.read_csv(folder / tencent.EDGES_FILE, dtype={"source": str, "target": str})
    return tencent.to_graph(users, ties)


def load_departments() -> dict:
    """Three **synthetic** departmental tables of one online phone shop in 2014 (notebook 01).

    The same customers seen by sales, logistics and service, each department writing ids and
    phone numbers its own way (see ``datasets/departments/README.md``). Ids and phones are kept
    as text, exactly as written; dates are parsed.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``"sales"`` (one row per order, ``amount_rmb`` in RMB), ``"logistics"`` (one row per
        shipment) and ``"service"`` (one row per ticket).

    Examples
    --------
    >>> d = load_departments()
    >>> {name: len(df) for name, df in d.items()}
    {'sales': 112, 'logistics': 112, 'service': 26}
    """
    folder = DATASETS / "departments"
    text = {"order_id": str, "customer_no": str, "customer": str, "phone": str, "shipment_id": str,
            "ticket_id": str, "name": str, "city": str, "product": str}
    dates = {"sales": ["order_date"], "logistics": ["shipped", "delivered"], "service": ["opened"]}
    out = {}
    for name, columns in dates.items():
        df = pd.read_csv(folder / f"{name}.csv", dtype=text, encoding="utf-8")
        for column in columns:
            df[column] = pd.to_datetime(df[column], format="%Y-%m-%d")
        out[name] = df
    return out
