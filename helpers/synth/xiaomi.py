"""SYNTHETIC Xiaomi-style customers, orders and community activity, August 2011 to December 2015.

Nothing here is real customer data. The generator is a *hidden-stage model*: every customer moves
month by month through the lifecycle stages of reading 000 (exploration 考察期 → formation 形成期 →
stability 稳定期 → decline 退化期 → churned 流失) by a Markov chain, and the stage of the month
sets how often the customer orders and what goes into the basket. Forum members leave less
often than other customers. The true stage of every customer-month is written to its own file so
that a stage classifier can be scored against it (notebook 03), and the true transition matrices
are public here (:data:`TRUE_TRANSITIONS`) so that an estimated matrix can be compared with the
truth (notebook 04).

Facts used (the data card ``datasets/xiaomi/README.md`` lists every assumption):

* the line-up and its order (Mi 1, 1S, Mi 2, 2S, Redmi in 2013, Redmi Note in 2014, Mi TV, Mi Pad)
  is from reading 000; online selling and operator contract phones are from readings 000 and 001.
  The flash-sale label is an assumption (the readings give no sales calendar), and the "Mi Home
  store" channel goes beyond the readings (reading 001 says phones were sold entirely online): a
  simplification of this synthetic data, to be revised;
* launch dates and launch list prices in RMB are Xiaomi's public launch announcements (the readings
  do not give them); the list price is held fixed over a model's selling life;
* forum numbers: 19,697,554 members and 209,158,339 posts on 2014-06-12 (reading 000), i.e.
  about 10.6 posts per member, which sets the mean number of posts of a synthetic member;
* users mostly aged 18-35 and a target group of students on a budget (reading 000).

Run ``python -m helpers.synth xiaomi --out DIR`` to regenerate the files byte for byte.
"""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import numpy as np
import pandas as pd

from helpers._checks import check_number
from helpers.lifecycle import STAGES

#: Seed of the generator: the committed files come from this seed.
SEED = 20110816
#: Number of synthetic customers.
N_CUSTOMERS = 20_000
#: First and last month of the data (orders start on the Mi 1 launch day, 2011-08-16).
START = pd.Timestamp("2011-08-16")
END = pd.Timestamp("2015-12-31")
#: Share of customers who are members of the Xiaomi forum (an assumption; see the data card).
MEMBER_SHARE = 0.35
#: Mean posts per forum member: 209,158,339 posts / 19,697,554 members on 2014-06-12 (reading 000).
POSTS_PER_MEMBER = 209_158_339 / 19_697_554

#: Products: (name, category, launch date, list price in RMB at launch, months on sale).
#: Launch dates and prices are public launch announcements; the line-up is from reading 000.
PRODUCTS = pd.DataFrame(
    [
        ("Mi 1", "phone", "2011-08-16", 1999.0, 18),
        ("Mi 1S", "phone", "2012-08-16", 1499.0, 18),
        ("Mi 2", "phone", "2012-08-16", 1999.0, 24),
        ("Mi 2S", "phone", "2013-04-09", 1999.0, 18),
        ("Redmi", "phone", "2013-07-31", 799.0, 18),
        ("Mi 3", "phone", "2013-09-05", 1999.0, 18),
        ("Redmi Note", "phone", "2014-03-26", 799.0, 24),
        ("Mi 4", "phone", "2014-07-22", 1999.0, 24),
        ("Mi TV", "tv", "2013-04-24", 2999.0, 36),
        ("Mi Pad", "pad", "2014-06-26", 1499.0, 24),
        ("accessories", "accessory", "2011-08-16", 0.0, 120),
    ],
    columns=["product", "category", "launch", "list_price", "months_on_sale"],
).assign(launch=lambda d: pd.to_datetime(d["launch"]))
#: Prices of single accessories in RMB (cases, chargers, headphones, power banks, bands): assumed.
ACCESSORY_PRICES = np.array([29.0, 49.0, 69.0, 79.0, 99.0, 149.0])

CHANNELS = ("online flash sale", "operator contract", "Mi Home store")


def _matrix(rows):
    return pd.DataFrame(rows, index=list(STAGES), columns=list(STAGES), dtype=float)


#: True monthly transition matrix of customers who are NOT forum members (rows: this month's
#: stage, columns: next month's). Decline can start in any stage (reading 000); a declining
#: customer is sometimes won back into formation ("second development"); churned is absorbing.
TRUE_TRANSITIONS_NON_MEMBER = _matrix([
    # expl   form   stab   decl   churn
    [0.82, 0.09, 0.00, 0.09, 0.00],   # exploration
    [0.00, 0.86, 0.08, 0.06, 0.00],   # formation
    [0.00, 0.00, 0.96, 0.04, 0.00],   # stability
    [0.00, 0.03, 0.00, 0.83, 0.14],   # decline
    [0.00, 0.00, 0.00, 0.00, 1.00],   # churned
])
#: True monthly transition matrix of forum members: fewer moves into decline, fewer into churn,
#: more second development.
TRUE_TRANSITIONS_MEMBER = _matrix([
    [0.80, 0.15, 0.00, 0.05, 0.00],
    [0.00, 0.85, 0.12, 0.03, 0.00],
    [0.00, 0.00, 0.98, 0.02, 0.00],
    [0.00, 0.08, 0.00, 0.84, 0.08],
    [0.00, 0.00, 0.00, 0.00, 1.00],
])


def _pooled(member_share: float) -> pd.DataFrame:
    """The transition matrix of the whole population: each row mixes the two groups' rows in
    proportion to the expected months the groups spend in that stage (fundamental matrix of each
    absorbing chain, started in exploration). It ignores the cut-off at the end of the data."""
    mats = (TRUE_TRANSITIONS_MEMBER.to_numpy(), TRUE_TRANSITIONS_NON_MEMBER.to_numpy())
    visits = []
    for P, share in zip(mats, (member_share, 1 - member_share)):
        Q = P[:4, :4]
        N = np.linalg.inv(np.eye(4) - Q)
        visits.append(share * N[0])
    w = np.array(visits)                     # groups x transient stages
    w = w / w.sum(axis=0)
    out = w[0][:, None] * mats[0][:4] + w[1][:, None] * mats[1][:4]
    out = np.vstack([out, mats[0][4]])
    return _matrix(out)


#: True monthly transition matrix of all customers together: each row is the member and
#: non-member rows mixed by the expected time each group spends in that stage. A pooled estimate
#: from the data should come close to it; compare by group with ``TRUE_TRANSITIONS_MEMBER`` and
#: ``TRUE_TRANSITIONS_NON_MEMBER`` for an exact comparison.
TRUE_TRANSITIONS = _pooled(MEMBER_SHARE)

#: Orders per month by stage (Poisson means) for non-members; forum members order
#: ``MEMBER_RATE_MULTIPLIER`` times as often. The first month always has the trial order.
ORDER_RATE = pd.Series({"exploration": 0.12, "formation": 0.5, "stability": 1.0,
                        "decline": 0.15, "churned": 0.0})
MEMBER_RATE_MULTIPLIER = 1.2
#: What goes into an order, by stage: probability of each category (rows sum to 1).
BASKET = pd.DataFrame(
    {"accessory": [0.65, 0.47, 0.45, 0.75], "phone": [0.33, 0.43, 0.40, 0.25],
     "tv": [0.00, 0.04, 0.07, 0.00], "pad": [0.02, 0.06, 0.08, 0.00]},
    index=list(STAGES[:4]),
)
#: Channel shares (online flash sale, operator contract, Mi Home store) by calendar year, for
#: phone orders; other orders use the online and store shares only.
CHANNEL_SHARE = pd.DataFrame(
    {"online flash sale": [0.90, 0.80, 0.70, 0.62, 0.55], "operator contract": [0.08, 0.14, 0.18, 0.20, 0.20],
     "Mi Home store": [0.02, 0.06, 0.12, 0.18, 0.25]},
    index=[2011, 2012, 2013, 2014, 2015],
)
#: Relative number of new customers per calendar month, by year (rising with Xiaomi's sales,
#: flattened so that early cohorts keep enough customers to study).
ACQUISITION_WEIGHT = pd.Series({2011: 1.0, 2012: 1.6, 2013: 2.2, 2014: 2.8, 2015: 2.4})


def months() -> pd.DatetimeIndex:
    """The months of the data, as month starts (August 2011 to December 2015)."""
    return pd.date_range(START.to_period("M").to_timestamp(), END, freq="MS")


def generate(seed: int = SEED, n_customers: int = N_CUSTOMERS) -> dict:
    """Simulate the synthetic data set.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`.
    n_customers : int
        Number of customers.

    Returns
    -------
    dict of pandas.DataFrame
        ``customers``, ``orders``, ``community``, ``stage_spells`` (true stage spells:
        customer_id, stage, first_month, last_month) and ``transitions`` (the true matrices).

    Examples
    --------
    >>> d = generate(n_customers=50)
    >>> sorted(d)
    ['community', 'customers', 'orders', 'stage_spells', 'transitions']
    """
    n_customers = check_number(n_customers, "n_customers", integer=True, low=1)
    rng = np.random.default_rng(seed)
    month_starts = months()
    T = len(month_starts)
    ids = np.array([f"X{i:05d}" for i in range(1, n_customers + 1)])

    # --- who, when, member or not -------------------------------------------------------------
    w = ACQUISITION_WEIGHT.reindex(month_starts.year).to_numpy()
    first = np.sort(rng.choice(T, size=n_customers, p=w / w.sum()))
    member = rng.random(n_customers) < MEMBER_SHARE
    age = np.clip(np.round(rng.normal(25, 5, n_customers)), 16, 55).astype(int)
    student = (age <= 23) & (rng.random(n_customers) < 0.7)

    # --- hidden stages, month by month ------------------------------------------------------------
    P = {True: TRUE_TRANSITIONS_MEMBER.to_numpy(), False: TRUE_TRANSITIONS_NON_MEMBER.to_numpy()}
    cum = {k: np.cumsum(v, axis=1) for k, v in P.items()}
    stage = np.full((n_customers, T), -1, dtype=np.int8)       # -1: not yet a customer
    current = np.full(n_customers, -1, dtype=np.int8)
    for t in range(T):
        alive = current >= 0
        if alive.any():
            u = rng.random(n_customers)
            nxt = current.copy()
            for is_member in (True, False):
                sel = alive & (member == is_member)
                c = cum[is_member][current[sel]]
                nxt[sel] = (u[sel, None] > c).sum(axis=1)
            current = np.minimum(nxt, 4).astype(np.int8)
        current[first == t] = 0
        stage[:, t] = current

    # --- orders --------------------------------------------------------------------------------
    rate = ORDER_RATE.to_numpy()[np.maximum(stage, 0)] * (stage >= 0)
    rate = rate * np.where(member, MEMBER_RATE_MULTIPLIER, 1.0)[:, None]
    n_orders = rng.poisson(rate)
    n_orders[np.arange(n_customers), first] = np.maximum(n_orders[np.arange(n_customers), first], 1)
    cust_idx, month_idx = np.nonzero(n_orders)
    counts = n_orders[cust_idx, month_idx]
    cust_idx = np.repeat(cust_idx, counts)
    month_idx = np.repeat(month_idx, counts)
    n = len(cust_idx)
    order_stage = stage[cust_idx, month_idx]

    basket = BASKET.to_numpy()[order_stage]
    if True:  # members buy more of the ecosystem (TV, pad)
        boost = np.where(member[cust_idx], 1.5, 1.0)
        basket = basket.copy()
        basket[:, 2:] *= boost[:, None]
        basket /= basket.sum(axis=1, keepdims=True)
    categories = np.array(BASKET.columns)
    cat = categories[(rng.random(n)[:, None] > np.cumsum(basket, axis=1)).sum(axis=1).clip(0, 3)]

    # product on sale in that month, among the category's models; budget phones for explorers
    launch_m = ((PRODUCTS["launch"].dt.year - month_starts[0].year) * 12
                + PRODUCTS["launch"].dt.month - month_starts[0].month).to_numpy()
    on_sale = (launch_m[None, :] <= np.arange(T)[:, None]) & \
              (np.arange(T)[:, None] < (launch_m + PRODUCTS["months_on_sale"].to_numpy())[None, :])
    product_cat = PRODUCTS["category"].to_numpy()
    budget = (PRODUCTS["list_price"].to_numpy() < 1000) & (product_cat == "phone")
    weights = on_sale[month_idx] & (product_cat[None, :] == cat[:, None])
    weights = weights * np.where(budget[None, :] & (order_stage == 0)[:, None], 3.0, 1.0)
    none = weights.sum(axis=1) == 0          # e.g. a TV before the Mi TV: buy accessories instead
    weights[none] = (product_cat == "accessory")[None, :]
    cw = np.cumsum(weights, axis=1)
    prod = (rng.random(n)[:, None] * cw[:, -1:] > cw).sum(axis=1)
    product = PRODUCTS["product"].to_numpy()[prod]
    is_acc = product == "accessories"

    quantity = np.ones(n, dtype=int)
    quantity[is_acc] = 1 + rng.poisson(0.6, is_acc.sum())
    family = (~is_acc) & (order_stage == 2) & (rng.random(n) < 0.08)   # a second phone for family
    quantity[family] = 2
    unit = PRODUCTS["list_price"].to_numpy()[prod]
    unit[is_acc] = rng.choice(ACCESSORY_PRICES, is_acc.sum())
    amount = unit * quantity

    # day of the month, never before the product's launch day
    m_start = month_starts[month_idx].to_numpy()
    m_days = month_starts[month_idx].days_in_month.to_numpy()
    launch = PRODUCTS["launch"].to_numpy()[prod]
    lo = np.maximum(((launch - m_start) / np.timedelta64(1, "D")).astype(int), 0)
    lo = np.minimum(lo, m_days - 1)
    day = lo + (rng.random(n) * (m_days - lo)).astype(int)
    date = m_start + day.astype("timedelta64[D]")

    year = month_starts.year.to_numpy()[month_idx]
    share = CHANNEL_SHARE.reindex(year).to_numpy()
    phone = np.isin(cat, ["phone"]) & ~is_acc
    share[~phone, 1] = 0.0
    share /= share.sum(axis=1, keepdims=True)
    ch = (rng.random(n)[:, None] > np.cumsum(share, axis=1)).sum(axis=1).clip(0, 2)
    channel = np.array(CHANNELS)[ch]

    orders = pd.DataFrame({"customer_id": ids[cust_idx], "date": date, "amount": amount.astype(float),
                           "quantity": quantity, "product": product, "channel": channel})
    orders = orders.sort_values(["date", "customer_id"], kind="mergesort").reset_index(drop=True)
    orders.insert(0, "order_id", [f"O{i:07d}" for i in range(1, len(orders) + 1)])

    # --- community ---------------------------------------------------------------------------
    first_order = orders.groupby("customer_id")["date"].min().reindex(ids).to_numpy()
    active_months = (stage >= 0).sum(axis=1) - (stage == 4).sum(axis=1)
    join_lag = rng.geometric(0.4, n_customers) - 1
    joined = pd.Series(pd.to_datetime(first_order) + pd.to_timedelta(join_lag * 30, unit="D"))
    joined = joined.clip(upper=END).where(member)      # members join by the end of the data at the latest
    is_member = member
    # posts: heavy-tailed, proportional to time in the relationship, mean ~ POSTS_PER_MEMBER
    gamma = rng.gamma(0.5, 1.0, n_customers)
    expected = gamma * active_months
    scale = POSTS_PER_MEMBER / max(expected[is_member].mean(), 1e-9) if is_member.any() else 0.0
    posts = np.where(is_member, rng.poisson(expected * scale), 0)
    events = np.where(is_member, rng.poisson(0.04 * active_months * (0.5 + gamma)), 0)
    community = pd.DataFrame({"customer_id": ids, "forum_member": is_member,
                              "joined_forum": joined.to_numpy(), "posts": posts, "fan_club_events": events})
    customers = pd.DataFrame({"customer_id": ids, "first_order": first_order, "age": age,
                              "student": student, "forum_member": is_member})

    # --- true stages as spells ------------------------------------------------------------------
    rows, cols = np.nonzero(stage >= 0)
    s = stage[rows, cols]
    new_spell = np.ones(len(s), dtype=bool)
    new_spell[1:] = (rows[1:] != rows[:-1]) | (s[1:] != s[:-1])
    starts = np.flatnonzero(new_spell)
    ends = np.r_[starts[1:], len(s)] - 1
    spells = pd.DataFrame({"customer_id": ids[rows[starts]],
                           "stage": np.array(STAGES)[s[starts]],
                           "first_month": month_starts[cols[starts]],
                           "last_month": month_starts[cols[ends]]})
    transitions = pd.concat(
        {"non_member": TRUE_TRANSITIONS_NON_MEMBER, "member": TRUE_TRANSITIONS_MEMBER,
         "all": TRUE_TRANSITIONS}, names=["group", "from_stage"]).reset_index()
    return {"customers": customers, "orders": orders, "community": community,
            "stage_spells": spells, "transitions": transitions}


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d",
                     float_format="%.2f").encode("utf-8")


#: File names written by :func:`write`, by table.
FILES = {"customers": "customers.csv", "community": "community.csv", "orders": "orders.csv.gz",
         "stage_spells": "true_stage_spells.csv.gz", "transitions": "true_transitions.csv"}


def write(out_dir) -> list[Path]:
    """Write the synthetic Xiaomi-style files into ``out_dir`` (byte-identical on every run).

    Gzip files are written with a zero timestamp and no file name, so they do not change between
    runs.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        Folder to write to (created if missing).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = generate()
    tables["transitions"] = tables["transitions"].round(6)
    paths = []
    for name, filename in FILES.items():
        data = _csv_bytes(tables[name])
        if filename.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        path = out / filename
        path.write_bytes(data)
        paths.append(path)
    return paths
