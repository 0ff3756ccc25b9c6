"""SYNTHETIC Xiaomi-style customers, orders, service contacts and community activity, August 2011
to December 2015.

Nothing here is real customer data. The generator is a *hidden-stage model*: every customer moves
month by month through the lifecycle stages of reading 000 (exploration 考察期 → formation 形成期 →
stability 稳定期 → decline 退化期 → churned 流失) by a Markov chain, and the stage of the month
sets what the customer does: whether the next phone is a Xiaomi again, how often accessories and
other products are bought between phones, and how often the customer contacts Xiaomi's service.
Phones are bought on a replacement cycle, not every month. Forum members leave less often than
other customers (:data:`TRUE_TRANSITIONS_MEMBER`); ``generate(member_effect=False)`` switches that
effect off, so that a notebook can show what its methods find when the effect is absent. The true
stage of every customer-month is written to its own file so that a stage classifier can be scored
against it (notebook 03), and the true transition matrices are public here
(:data:`TRUE_TRANSITIONS`) so that an estimated matrix can be compared with the truth (notebook 04).

Facts used (the data card ``datasets/xiaomi/README.md`` lists every rate with its reason and a
calibration table):

* the line-up and its order (Mi 1, 1S, Mi 2, 2S, Redmi in 2013, Redmi Note in 2014, Mi TV, Mi Pad)
  is from reading 000; online selling (reading 001: entirely online), hunger marketing (readings
  000 and 001) and operator contract phones (readings 000 and 001) give the three sales channels.
  Xiaomi Home (小米之家) is a place for service and enquiries (readings 000 and 001), so it appears
  in the service contacts, never as a sales channel;
* launch dates and launch list prices in RMB are Xiaomi's public launch announcements (the readings
  do not give them); the list price is held fixed over a model's selling life;
* the phone replacement cycle (about 20 months on average) is set against market research outside
  the readings, cited in the data card;
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

#: What a customer does in each living stage (rows) per month (columns); every value is an
#: assumption, with its reason in the data card:
#:
#: * ``xiaomi_again``: when the customer's phone is due for replacement, the chance that the new
#:   phone is a Xiaomi (otherwise it is bought from a rival and does not show in the data). In
#:   decline the customer's demand goes on but goes elsewhere (reading 000);
#: * ``family_phone``: chance that a replacement phone order holds a second phone, for a family
#:   member (a larger volume, the stability trait of reading 000);
#: * ``accessories``: mean accessory orders per month between phones (cases, chargers, headphones,
#:   power banks, bands);
#: * ``tv``, ``pad``: monthly chance of buying the Mi TV or the Mi Pad once it is on sale (each is
#:   bought at most once);
#: * ``service``: mean contacts with Xiaomi's service per month (repairs and enquiries).
STAGE_BEHAVIOUR = pd.DataFrame(
    {"xiaomi_again": [0.60, 0.85, 0.95, 0.15],
     "family_phone": [0.00, 0.05, 0.10, 0.00],
     "accessories": [0.03, 0.15, 0.25, 0.03],
     "tv": [0.0, 0.002, 0.004, 0.0],
     "pad": [0.0, 0.002, 0.004, 0.0],
     "service": [0.06, 0.04, 0.04, 0.09]},
    index=list(STAGES[:4]),
)
#: Share of first (trial) orders that are a phone; the rest are an accessory.
FIRST_ORDER_PHONE = 0.60
#: Months between two phones of one customer: a gamma distribution with this mean and shape
#: (standard deviation mean / sqrt(shape), about 7 months), at least ``REPLACEMENT_MIN`` months.
REPLACEMENT_MEAN = 21.0
REPLACEMENT_SHAPE = 9.0
REPLACEMENT_MIN = 6
#: Chance of an accessory order in the month a phone is bought (a case, a screen protector).
BUNDLE_SHARE = 0.40
#: Forum members buy accessories, the TV and the pad this many times as often (keen fans).
MEMBER_BUY_MULTIPLIER = 1.25
#: Extra weight of a budget phone (list price under 1,000 RMB) in the choice of model: for a
#: customer still in exploration (a trial order is small) and for a student (reading 000's
#: target group of students on a budget); the two multiply.
BUDGET_WEIGHT_EXPLORER = 3.0
BUDGET_WEIGHT_STUDENT = 2.0
#: Phone orders through operator contracts, by calendar year (the rest is sold online).
OPERATOR_SHARE = pd.Series({2011: 0.05, 2012: 0.12, 2013: 0.18, 2014: 0.18, 2015: 0.18})
#: Online orders of a phone, the TV or the pad in the first ``FLASH_MONTHS`` months after the
#: model's launch go through a flash sale with chance ``FLASH_SHARE_NEW``, later with
#: ``FLASH_SHARE_OLD``; accessories with ``FLASH_SHARE_ACCESSORY``. The rest are regular online sales.
FLASH_MONTHS = 12
FLASH_SHARE_NEW = 0.80
FLASH_SHARE_OLD = 0.30
FLASH_SHARE_ACCESSORY = 0.10
#: Sales channels. Xiaomi Home (小米之家) is not one: it serves and answers (see ``SERVICE_PLACES``).
CHANNELS = ("online flash sale", "regular online sale", "operator contract")
#: Share of service contacts that are repairs (the rest are enquiries), by stage.
SERVICE_REPAIR_SHARE = pd.Series({"exploration": 0.30, "formation": 0.35, "stability": 0.35, "decline": 0.55})
#: Where a service contact takes place, shares by calendar year: Xiaomi Home service stations
#: (7 cities in 2012, reading 001; more later), the hotline, online service (Weibo and the web).
SERVICE_PLACES = pd.DataFrame(
    {"Xiaomi Home": [0.05, 0.10, 0.20, 0.30, 0.35], "hotline": [0.55, 0.45, 0.40, 0.35, 0.30],
     "online service": [0.40, 0.45, 0.40, 0.35, 0.35]},
    index=[2011, 2012, 2013, 2014, 2015],
)
#: Relative number of new customers per calendar month, by year (rising with Xiaomi's sales,
#: flattened so that early cohorts keep enough customers to study).
ACQUISITION_WEIGHT = pd.Series({2011: 1.0, 2012: 1.6, 2013: 2.2, 2014: 2.8, 2015: 2.4})


def months() -> pd.DatetimeIndex:
    """The months of the data, as month starts (August 2011 to December 2015)."""
    return pd.date_range(START.to_period("M").to_timestamp(), END, freq="MS")


def _replacement(rng, size):
    """Months until the next phone: gamma with mean REPLACEMENT_MEAN, at least REPLACEMENT_MIN."""
    gap = rng.gamma(REPLACEMENT_SHAPE, REPLACEMENT_MEAN / REPLACEMENT_SHAPE, size)
    return np.maximum(np.round(gap), REPLACEMENT_MIN).astype(int)


def _stages(rng, first, member, member_effect):
    """The hidden stage of every customer-month (-1 before the first order), by the Markov chains."""
    n, T = len(first), len(months())
    member_matrix = TRUE_TRANSITIONS_MEMBER if member_effect else TRUE_TRANSITIONS_NON_MEMBER
    P = {True: member_matrix.to_numpy(), False: TRUE_TRANSITIONS_NON_MEMBER.to_numpy()}
    cum = {k: np.cumsum(v, axis=1) for k, v in P.items()}
    stage = np.full((n, T), -1, dtype=np.int8)       # -1: not yet a customer
    current = np.full(n, -1, dtype=np.int8)
    for t in range(T):
        alive = current >= 0
        if alive.any():
            u = rng.random(n)
            nxt = current.copy()
            for is_member in (True, False):
                sel = alive & (member == is_member)
                c = cum[is_member][current[sel]]
                nxt[sel] = (u[sel, None] > c).sum(axis=1)
            current = np.minimum(nxt, 4).astype(np.int8)
        current[first == t] = 0
        stage[:, t] = current
    return stage


def _purchases(rng, stage, first, member):
    """Month by month: (customer, month, category) of every order, category in {phone,
    accessory, tv, pad}; phone orders after the trial come from replacements."""
    n, T = stage.shape
    b = STAGE_BEHAVIOUR
    launch_month = {c: int(((PRODUCTS.loc[PRODUCTS["category"] == c, "launch"].min().year - START.year) * 12
                            + PRODUCTS.loc[PRODUCTS["category"] == c, "launch"].min().month - START.month))
                    for c in ("tv", "pad")}
    buy_mult = np.where(member, MEMBER_BUY_MULTIPLIER, 1.0)
    next_phone = np.full(n, -1)
    owns = {"tv": np.zeros(n, dtype=bool), "pad": np.zeros(n, dtype=bool)}
    events = []                                       # arrays of (customer, month, category code)
    for t in range(T):
        s = stage[:, t]
        alive = (s >= 0) & (s < 4)
        si = np.where(alive, s, 0)
        new = first == t
        # the trial order: a phone or an accessory; the customer's phone (Xiaomi or not) is due
        # for replacement after a full cycle, or after part of one if it is a rival's phone
        first_phone = new & (rng.random(n) < FIRST_ORDER_PHONE)
        cycle = _replacement(rng, n)
        part = 1 + (rng.random(n) * cycle).astype(int)
        next_phone = np.where(new, t + np.where(first_phone, cycle, part), next_phone)
        # replacement falls due: a Xiaomi again, or a rival's phone; either way a new cycle starts
        due = alive & ~new & (next_phone == t)
        again = due & (rng.random(n) < b["xiaomi_again"].to_numpy()[si])
        next_phone = np.where(due, t + _replacement(rng, n), next_phone)
        phones = first_phone.astype(int) + again
        # accessories between phones, and one with a new phone now and then
        acc = np.where(alive & ~new, rng.poisson(b["accessories"].to_numpy()[si] * buy_mult), 0)
        acc = acc + (alive & (phones > 0) & (rng.random(n) < BUNDLE_SHARE)) + (new & ~first_phone)
        events.append((np.repeat(np.arange(n), phones), t, 0))
        events.append((np.repeat(np.arange(n), acc), t, 1))
        for code, cat in ((2, "tv"), (3, "pad")):
            if t < launch_month[cat]:
                continue
            hazard = b[cat].to_numpy()[si] * buy_mult
            buy = alive & ~new & ~owns[cat] & (rng.random(n) < hazard)
            owns[cat] |= buy
            events.append((np.flatnonzero(buy), t, code))
    cust = np.concatenate([e[0] for e in events])
    month = np.concatenate([np.full(len(e[0]), e[1]) for e in events])
    code = np.concatenate([np.full(len(e[0]), e[2]) for e in events])
    return cust, month, np.array(["phone", "accessory", "tv", "pad"])[code]


def generate(seed: int = SEED, n_customers: int = N_CUSTOMERS, *, member_effect: bool = True) -> dict:
    """Simulate the synthetic data set.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`.
    n_customers : int
        Number of customers.
    member_effect : bool, default True
        Whether forum members move between stages by their own matrix
        (:data:`TRUE_TRANSITIONS_MEMBER`: fewer moves into decline and churn, more win-backs). With
        ``False`` they move like everyone else (:data:`TRUE_TRANSITIONS_NON_MEMBER`); everything
        else stays as it is, including members' extra buying of accessories, TVs and pads. With the
        same seed the two worlds have the same customers, arrivals and memberships.

    Returns
    -------
    dict of pandas.DataFrame
        ``customers``, ``orders``, ``service`` (service contacts: customer_id, date, kind, place),
        ``community``, ``stage_spells`` (true stage spells: customer_id, stage, first_month,
        last_month) and ``transitions`` (the true matrices).

    Examples
    --------
    >>> d = generate(n_customers=50)
    >>> sorted(d)
    ['community', 'customers', 'orders', 'service', 'stage_spells', 'transitions']
    >>> sorted(generate(n_customers=50, member_effect=False)["orders"]["channel"].unique())[:1]
    ['online flash sale']
    """
    n_customers = check_number(n_customers, "n_customers", integer=True, low=1)
    if not isinstance(member_effect, (bool, np.bool_)):
        raise TypeError(f"member_effect must be True or False, got {member_effect!r}")
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
    stage = _stages(rng, first, member, member_effect)

    # --- orders: what, which model, what day, which channel -----------------------------------
    cust_idx, month_idx, cat = _purchases(rng, stage, first, member)
    n = len(cust_idx)
    order_stage = stage[cust_idx, month_idx]
    launch_m = ((PRODUCTS["launch"].dt.year - month_starts[0].year) * 12
                + PRODUCTS["launch"].dt.month - month_starts[0].month).to_numpy()
    on_sale = (launch_m[None, :] <= np.arange(T)[:, None]) & \
              (np.arange(T)[:, None] < (launch_m + PRODUCTS["months_on_sale"].to_numpy())[None, :])
    product_cat = PRODUCTS["category"].to_numpy()
    budget = (PRODUCTS["list_price"].to_numpy() < 1000) & (product_cat == "phone")
    weights = (on_sale[month_idx] & (product_cat[None, :] == cat[:, None])).astype(float)
    lean = (np.where(order_stage == 0, BUDGET_WEIGHT_EXPLORER, 1.0)
            * np.where(student[cust_idx], BUDGET_WEIGHT_STUDENT, 1.0))
    weights = weights * np.where(budget[None, :], lean[:, None], 1.0)
    cw = np.cumsum(weights, axis=1)
    prod = (rng.random(n)[:, None] * cw[:, -1:] > cw).sum(axis=1)
    product = PRODUCTS["product"].to_numpy()[prod]
    is_acc = cat == "accessory"

    quantity = np.ones(n, dtype=int)
    quantity[is_acc] = 1 + rng.poisson(0.3, is_acc.sum())
    trial = month_idx == first[cust_idx]
    family = (cat == "phone") & ~trial & (rng.random(n) < STAGE_BEHAVIOUR["family_phone"].to_numpy()[
        np.clip(order_stage, 0, 3)])
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
    model_age = month_idx - launch_m[prod]
    flash_share = np.where(is_acc, FLASH_SHARE_ACCESSORY,
                           np.where(model_age < FLASH_MONTHS, FLASH_SHARE_NEW, FLASH_SHARE_OLD))
    operator = (cat == "phone") & (rng.random(n) < OPERATOR_SHARE.reindex(year).to_numpy())
    flash = ~operator & (rng.random(n) < flash_share)
    channel = np.array(CHANNELS)[np.where(operator, 2, np.where(flash, 0, 1))]

    orders = pd.DataFrame({"customer_id": ids[cust_idx], "date": date, "amount": amount.astype(float),
                           "quantity": quantity, "product": product, "channel": channel})
    orders = orders.sort_values(["date", "customer_id"], kind="mergesort").reset_index(drop=True)
    orders.insert(0, "order_id", [f"O{i:07d}" for i in range(1, len(orders) + 1)])

    # --- service contacts: repairs and enquiries, by phone, online or at a Xiaomi Home --------
    living = (stage >= 0) & (stage < 4)
    rate = np.where(living, STAGE_BEHAVIOUR["service"].to_numpy()[np.clip(stage, 0, 3)], 0.0)
    contacts = rng.poisson(rate)
    s_cust, s_month = np.nonzero(contacts)
    reps = contacts[s_cust, s_month]
    s_cust, s_month = np.repeat(s_cust, reps), np.repeat(s_month, reps)
    s_stage = np.array(STAGES)[stage[s_cust, s_month]]
    kind = np.where(rng.random(len(s_cust)) < SERVICE_REPAIR_SHARE.reindex(s_stage).to_numpy(),
                    "repair", "enquiry")
    place_share = SERVICE_PLACES.reindex(month_starts.year.to_numpy()[s_month]).to_numpy()
    place_idx = (rng.random(len(s_cust))[:, None] > np.cumsum(place_share, axis=1)).sum(axis=1).clip(0, 2)
    s_start = month_starts[s_month]
    s_day = (rng.random(len(s_cust)) * s_start.days_in_month.to_numpy()).astype(int)
    service = pd.DataFrame({"customer_id": ids[s_cust],
                            "date": s_start.to_numpy() + s_day.astype("timedelta64[D]"),
                            "kind": kind, "place": np.array(SERVICE_PLACES.columns)[place_idx]})
    service = service.sort_values(["date", "customer_id"], kind="mergesort").reset_index(drop=True)

    # --- community ---------------------------------------------------------------------------
    first_order = orders.groupby("customer_id")["date"].min().reindex(ids).to_numpy()
    join_lag = rng.geometric(0.4, n_customers) - 1
    joined = pd.Series(pd.to_datetime(first_order) + pd.to_timedelta(join_lag * 30, unit="D"))
    joined = joined.clip(upper=END).where(member)      # members join by the end of the data at the latest
    # posts: heavy-tailed, month by month while the member is in a living stage after joining,
    # scaled so that members average POSTS_PER_MEMBER posts
    join_m = np.where(member, first + join_lag, T)
    posting = living & (np.arange(T)[None, :] >= join_m[:, None])
    gamma = rng.gamma(0.5, 1.0, n_customers)
    expected = gamma[:, None] * posting
    total = expected[member].sum()
    scale = POSTS_PER_MEMBER * member.sum() / total if total > 0 else 0.0
    monthly_posts = rng.poisson(expected * scale)
    posts = monthly_posts.sum(axis=1)
    posted = monthly_posts > 0
    last_m = np.where(posted.any(axis=1), T - 1 - np.argmax(posted[:, ::-1], axis=1), -1)
    last_post = pd.Series(month_starts[np.maximum(last_m, 0)]).where(last_m >= 0)
    active_months = posting.sum(axis=1)
    events = np.where(member, rng.poisson(0.04 * active_months * (0.5 + gamma)), 0)
    community = pd.DataFrame({"customer_id": ids, "forum_member": member,
                              "joined_forum": joined.to_numpy(), "posts": posts,
                              "last_post_month": last_post.to_numpy(), "fan_club_events": events})
    customers = pd.DataFrame({"customer_id": ids, "first_order": first_order, "age": age,
                              "student": student, "forum_member": member})

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
    member_matrix = TRUE_TRANSITIONS_MEMBER if member_effect else TRUE_TRANSITIONS_NON_MEMBER
    transitions = pd.concat(
        {"non_member": TRUE_TRANSITIONS_NON_MEMBER, "member": member_matrix,
         "all": TRUE_TRANSITIONS if member_effect else TRUE_TRANSITIONS_NON_MEMBER},
        names=["group", "from_stage"]).reset_index()
    return {"customers": customers, "orders": orders, "service": service, "community": community,
            "stage_spells": spells, "transitions": transitions}


def true_stages(spells: pd.DataFrame) -> pd.DataFrame:
    """Expand true stage spells to one row per customer-month.

    Parameters
    ----------
    spells : pandas.DataFrame
        Columns ``customer_id``, ``stage``, ``first_month`` and ``last_month`` (month starts,
        inclusive), as :func:`generate` returns them under ``"stage_spells"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id``, ``period`` (month start) and ``stage`` (categorical in
        :data:`helpers.lifecycle.STAGES` order), one row per customer-month.

    Examples
    --------
    >>> spells = pd.DataFrame({"customer_id": ["a", "a"], "stage": ["exploration", "churned"],
    ...                        "first_month": pd.to_datetime(["2012-01-01", "2012-03-01"]),
    ...                        "last_month": pd.to_datetime(["2012-02-01", "2012-03-01"])})
    >>> true_stages(spells)["stage"].tolist()
    ['exploration', 'exploration', 'churned']
    """
    from helpers._checks import check_frame
    check_frame(spells, "spells", ["customer_id", "stage", "first_month", "last_month"],
                expected="one row per stage spell, as generate() returns under 'stage_spells'")
    first = pd.to_datetime(spells["first_month"]).to_numpy().astype("datetime64[M]").astype(np.int64)
    last = pd.to_datetime(spells["last_month"]).to_numpy().astype("datetime64[M]").astype(np.int64)
    n = last - first + 1
    if (n < 1).any():
        raise ValueError("spells: every last_month must be on or after its first_month")
    codes = pd.Categorical(spells["stage"], categories=list(STAGES))
    if (codes.codes < 0).any():
        raise ValueError(f"spells: stage must be one of {list(STAGES)}")
    step = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    return pd.DataFrame({
        "customer_id": np.repeat(spells["customer_id"].to_numpy(), n),
        "period": (np.repeat(first, n) + step).astype("datetime64[M]").astype("datetime64[ns]"),
        "stage": pd.Categorical.from_codes(np.repeat(codes.codes, n), categories=list(STAGES)),
    })


#: The statistics of the data card's calibration table, in its order: key -> wording in the card.
CALIBRATION_STATISTICS = {
    "phone_buyers": "customers who bought at least one Xiaomi phone",
    "phones_per_buyer": "phone orders per phone buyer, August 2011 to December 2015",
    "five_or_more": "phone buyers with five or more phone orders",
    "most_phones": "most phone orders of one customer",
    "months_between": "median months between two phone orders of one customer",
    "months_between_early": "the same, customers who arrived in 2011 or 2012",
    "tv_share": "customers who bought a Mi TV",
    "pad_share": "customers who bought a Mi Pad",
    "stable_orders": "orders per month in the stability stage (true stage)",
    "stable_spend": "spend per month in the stability stage (RMB)",
    "flash_share": "orders through online flash sales",
    "regular_share": "orders through regular online sales",
    "operator_share": "orders through operator contracts",
    "operator_phone_share": "phone orders through operator contracts",
    "xiaomi_home_orders": "orders placed at a Xiaomi Home",
    "xiaomi_home_service": "service contacts at a Xiaomi Home",
    "member_share": "customers who are forum members",
    "posts_per_member": "posts per forum member",
}


def calibration(x: dict) -> pd.Series:
    """The statistics of the data card's calibration table, computed from the data, as the card
    prints them (a test recomputes them from the committed files, so the card cannot drift).

    Parameters
    ----------
    x : dict of pandas.DataFrame
        The data as :func:`helpers.data.load_xiaomi` returns it (``customers``, ``orders``,
        ``service``, ``community`` and ``true_stages`` are used).

    Returns
    -------
    pandas.Series
        One formatted value (str) per key of :data:`CALIBRATION_STATISTICS`, in that order.

    Examples
    --------
    >>> from helpers import data
    >>> calibration(data.load_xiaomi())["xiaomi_home_orders"]
    '0'
    """
    from helpers._checks import check_frame
    if not isinstance(x, dict):
        raise TypeError(f"x must be the dict of tables that helpers.data.load_xiaomi() returns, got {type(x).__name__}")
    needed = {"customers": ["customer_id", "forum_member"],
              "orders": ["customer_id", "date", "amount", "product", "channel"],
              "service": ["customer_id", "date", "place"],
              "community": ["customer_id", "forum_member", "posts"],
              "true_stages": ["customer_id", "period", "stage"]}
    for name, columns in needed.items():
        if name not in x:
            raise ValueError(f"x has no table {name!r}; pass helpers.data.load_xiaomi()")
        check_frame(x[name], f"x[{name!r}]", columns, expected="as helpers.data.load_xiaomi() returns it",
                    nan_ok=True)
    customers, orders, service = x["customers"], x["orders"], x["service"]
    category = orders["product"].map(PRODUCTS.set_index("product")["category"])
    n = len(customers)
    phones = orders[category == "phone"].sort_values(["customer_id", "date"], kind="mergesort")
    per_buyer = phones.groupby("customer_id").size()
    month = phones["date"].dt.year * 12 + phones["date"].dt.month
    gap = month.groupby(phones["customer_id"]).diff()
    arrived = phones["customer_id"].map(customers.set_index("customer_id")["first_order"]).dt.year
    stable = x["true_stages"].loc[x["true_stages"]["stage"] == "stability", ["customer_id", "period"]]
    per_month = (orders.assign(period=orders["date"].dt.to_period("M").dt.to_timestamp())
                 .groupby(["customer_id", "period"])["amount"].agg(["size", "sum"]))
    in_stable = per_month.reindex(pd.MultiIndex.from_frame(stable)).fillna(0.0)
    channel = orders["channel"].value_counts(normalize=True)
    members = x["community"].loc[x["community"]["forum_member"], "posts"]

    def pct(v):
        return f"{100 * v:.1f}%"

    values = {
        "phone_buyers": pct(per_buyer.size / n),
        "phones_per_buyer": f"{per_buyer.mean():.2f}",
        "five_or_more": pct((per_buyer >= 5).mean()),
        "most_phones": f"{per_buyer.max()}",
        "months_between": f"{gap.median():.0f}",
        "months_between_early": f"{gap[arrived <= 2012].median():.0f}",
        "tv_share": pct(orders.loc[category == "tv", "customer_id"].nunique() / n),
        "pad_share": pct(orders.loc[category == "pad", "customer_id"].nunique() / n),
        "stable_orders": f"{in_stable['size'].mean():.2f}",
        "stable_spend": f"{in_stable['sum'].mean():.0f}",
        "flash_share": pct(channel.get("online flash sale", 0.0)),
        "regular_share": pct(channel.get("regular online sale", 0.0)),
        "operator_share": pct(channel.get("operator contract", 0.0)),
        "operator_phone_share": pct((phones["channel"] == "operator contract").mean()),
        "xiaomi_home_orders": f"{orders['channel'].str.contains('Home').sum()}",
        "xiaomi_home_service": pct((service["place"] == "Xiaomi Home").mean()),
        "member_share": pct(customers["forum_member"].mean()),
        "posts_per_member": f"{members.mean():.1f}",
    }
    return pd.Series(values)[list(CALIBRATION_STATISTICS)]


def stage_profile(x: dict) -> pd.DataFrame:
    """What the customers do in each true stage, per customer-month, as the data card prints it.

    Parameters
    ----------
    x : dict of pandas.DataFrame
        The data as :func:`helpers.data.load_xiaomi` returns it (``orders``, ``service`` and
        ``true_stages`` are used).

    Returns
    -------
    pandas.DataFrame
        One row per stage of :data:`helpers.lifecycle.STAGES`; columns ``orders``, ``orders after
        the first``, ``phone orders``, ``spend (RMB)`` and ``service contacts``, all per
        customer-month, formatted as text (two decimals, spend without decimals).

    Examples
    --------
    >>> from helpers import data
    >>> stage_profile(data.load_xiaomi()).loc["churned", "orders"]
    '0.00'
    """
    from helpers._checks import check_frame
    if not isinstance(x, dict):
        raise TypeError(f"x must be the dict of tables that helpers.data.load_xiaomi() returns, got {type(x).__name__}")
    for name, columns in {"orders": ["customer_id", "date", "amount", "product"],
                          "service": ["customer_id", "date"],
                          "true_stages": ["customer_id", "period", "stage"]}.items():
        if name not in x:
            raise ValueError(f"x has no table {name!r}; pass helpers.data.load_xiaomi()")
        check_frame(x[name], f"x[{name!r}]", columns, expected="as helpers.data.load_xiaomi() returns it",
                    nan_ok=True)
    orders = x["orders"].sort_values(["customer_id", "date"], kind="mergesort")
    period = orders["date"].dt.to_period("M").dt.to_timestamp()
    later = orders["customer_id"].duplicated()              # every order but a customer's first
    phone = orders["product"].map(PRODUCTS.set_index("product")["category"]) == "phone"
    keys = ["customer_id", "period"]
    monthly = (pd.DataFrame({"customer_id": orders["customer_id"], "period": period, "orders": 1,
                             "orders after the first": later.astype(int), "phone orders": phone.astype(int),
                             "spend (RMB)": orders["amount"]})
               .groupby(keys).sum())
    contacts = (x["service"].assign(period=x["service"]["date"].dt.to_period("M").dt.to_timestamp())
                .groupby(keys).size().rename("service contacts"))
    months = x["true_stages"][keys + ["stage"]]
    counts = list(monthly.columns) + ["service contacts"]
    joined = months.join(monthly, on=keys).join(contacts, on=keys)
    joined[counts] = joined[counts].fillna(0.0)
    table = joined.groupby("stage", observed=False)[counts].mean().reindex(list(STAGES))
    out = table.map(lambda v: f"{v:.2f}")
    out["spend (RMB)"] = table["spend (RMB)"].map(lambda v: f"{v:.0f}")
    out.index.name = "true stage"
    return out


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d",
                     float_format="%.2f").encode("utf-8")


#: File names written by :func:`write`, by table.
FILES = {"customers": "customers.csv", "community": "community.csv", "orders": "orders.csv.gz",
         "service": "service.csv.gz",
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
