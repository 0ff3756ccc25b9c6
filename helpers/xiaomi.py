"""The Xiaomi case (小米) as data: timeline, IDIC practice, SWOT, forum numbers, disagreements.

Every fact carries the reading it comes from: reading 000 (a paper, apparently student work with no author named, on customer
lifecycle theory through Xiaomi's profit model, written in 2014: it quotes forum figures "as of
2014-06-12" and calls the Redmi Note "this year's" phone) and reading 001 (a group report whose cover lists 小组成员,
"Xiaomi CRM case analysis", dated 2012-12-11). Sentences are paraphrases, not quotations.

Dates are only as precise as the readings allow. An event the readings date to a month is a
window of that month; an event they do not date at all is a window from the earliest to the
latest date the readings make possible (for example "listed in a report dated 2012-12-11").

>>> t = timeline()
>>> t.loc[t["event"] == "Xiaomi starts", ["earliest", "latest"]].astype(str).values.tolist()
[['2010-04-01', '2010-04-30']]
>>> round(posts_per_member(), 2)
10.62
"""
from __future__ import annotations

import pandas as pd

from helpers._checks import check_frame, check_number

#: The readings this module draws on, with what dates them.
READINGS = pd.DataFrame(
    [("000", "Customer lifecycle theory through Xiaomi's profit model (student paper)",
      "2014-06-12", "2014-12-31",
      "undated; quotes forum figures as of 2014-06-12 and calls 2014 'this year'"),
     ("001", "Xiaomi CRM case analysis (student group report)", "2012-12-11", "2012-12-11",
      "dated 2012-12-11 on its cover")],
    columns=["reading", "title", "written_earliest", "written_latest", "dated_by"],
).astype({"written_earliest": "datetime64[ns]", "written_latest": "datetime64[ns]"})

_START, _R001, _R000_END = "2010-04-01", "2012-12-11", "2014-12-31"

# event, Chinese, kind, earliest, latest, precision, reading, note
_TIMELINE = [
    ("Xiaomi starts", "小米正式启动", "company", "2010-04-01", "2010-04-30", "month", "000",
     "Founded in Beijing by people from Google, Microsoft and Kingsoft; backed by Morningside and "
     "Qiming. Reading 001 prints the year as 2023, a garbled copy."),
    ("MiTalk launched", "米聊上线", "product", "2010-11-01", "2010-12-31", "end of year", "000",
     "A real-name mobile messaging community; 'end of 2010'."),
    ("MiTalk passes 3 million users", "米聊注册用户突破300万", "community", "2010-11-01", "2011-06-30",
     "within six months", "000", "More than 3 million registered users within half a year of launch."),
    ("MIUI launched", "MIUI发布", "product", _START, "2012-12-11", "before the first phone", "000",
     "An Android system built on 'CM' (reading 000; read as CyanogenMod). Xiaomi made the system before the phone: MIUI had about "
     "a million users worldwide when the phone came out (readings 000, 001)."),
    ("China smartphone shipments pass 50 million", "中国智能手机出货量超5000万部", "market", "2011-01-01",
     "2011-12-31", "year", "000", "Forecast at the time: over 100 million by 2013. Reading 001 prints "
     "both years as 2023."),
    ("Mi 1 phone", "小米手机1", "phone", _START, _R001, "by 2012-12-11", "001",
     "Listed among Xiaomi's phones in reading 001; the readings give no launch date."),
    ("Mi 1S and Mi 1S Youth", "小米1S、1S青春版", "phone", _START, _R001, "by 2012-12-11", "001",
     "Versions for different needs (customisation, reading 001)."),
    ("Mi 2 phone", "小米手机2", "phone", _START, _R001, "by 2012-12-11", "001", "Listed in reading 001."),
    ("Reading 001 written", "报告001完成", "reading", _R001, _R001, "day", "001",
     "The group report is dated 2012-12-11."),
    ("Mi 2S phone", "小米2S", "phone", _START, _R000_END, "by 2014", "000",
     "Listed in reading 000 but not in reading 001."),
    ("Redmi", "红米", "phone", "2013-01-01", "2013-12-31", "year", "000",
     "A cheaper line to push value for money further."),
    ("Redmi Note", "红米Note", "phone", "2014-01-01", "2014-12-31", "year", "000",
     "'This year' in a 2014 paper; a large-screen phone seen as an answer to Samsung's Galaxy Note."),
    ("Mi TV and Mi Pad", "小米电视、小米平板", "product", _START, _R000_END, "by 2014", "000",
     "New categories sold with the same hunger marketing; the readings give no dates."),
    ("Xiaomi Home 'like' campaign", "小米之家点赞活动", "community", "2014-06-01", "2014-06-30", "month",
     "000", "Free services for users who 'liked' their local Xiaomi Home ('this June')."),
    ("Forum snapshot: 19.7 million members", "小米论坛会员19697554名", "community", "2014-06-12",
     "2014-06-12", "day", "000", "19,697,554 members and 209,158,339 posts."),
]

#: Order of the IDIC steps, with their Chinese names (reading 001's structure).
IDIC_STEPS = {"identify": "识别", "differentiate": "区分", "interact": "互动", "customize": "定制",
              "management": "管理模式", "loyalty": "客户忠诚"}

# step, kind, point, reading
_IDIC = [
    ("identify", "practice", "Targets young technology enthusiasts (发烧友) with little money, mainly "
     "university students, and competes on value for money.", "000"),
    ("identify", "practice", "Built the system before the phone: MIUI already had about a million users "
     "worldwide when the phone launched, a ready-made list of prospects.", "001"),
    ("identify", "practice", "Collects customer information directly, in franchised Xiaomi Home stores, "
     "and indirectly, from consultancy reports and data shared with third parties.", "001"),
    ("identify", "practice", "Guards customer data: confidentiality rules, graded access, checks that "
     "the data are true, protection against theft.", "001"),
    ("identify", "improvement", "Sharpen the brand's identity: as a young brand it is still confused "
     "with other phone makers, so some customers do not recognise it at first sight.", "001"),
    ("differentiate", "practice", "Sells online to internet users, avoiding a head-on fight with Apple, "
     "HTC and Samsung in shops; operator contract phones (prepaid airtime) as a second channel.", "001"),
    ("differentiate", "practice", "Analyses customers' value, potential and lifecycle with ABC, "
     "'TFM' (which the course reads as RFM) and CLV analysis, and serves each group differently.", "001"),
    ("differentiate", "practice", "Two yardsticks for telling customers apart: what the customer "
     "needs from the firm and what the customer is worth to it.", "001"),
    ("differentiate", "improvement", "Set explicit segmentation standards, the basis for personalised "
     "service and one-to-one marketing.", "001"),
    ("interact", "practice", "Customer hotline, complaint handling with feedback on the outcome, and "
     "unannounced call-backs to ask how the phone is doing.", "001"),
    ("interact", "practice", "A customised Weibo platform on which dozens of service agents work at "
     "the same time.", "001"),
    ("interact", "practice", "The Xiaomi forum: users report problems and wishes, and MIUI ships an "
     "update every week built on that feedback.", "000"),
    ("interact", "practice", "Offline fan meetups (同城会) in Jining, Tongliao, Beijing, Huizhou and "
     "elsewhere; sponsorship of products and sports events.", "000"),
    ("interact", "improvement", "Interact in time, and target business growth, pricing and marketing "
     "at what customers say.", "001"),
    ("customize", "practice", "Several versions for different needs: Mi 1, Mi 1S, Mi 1S Youth, "
     "Mi 2.", "001"),
    ("customize", "practice", "Fast information on individual needs, turned quickly into products "
     "and personalised service.", "001"),
    ("customize", "practice", "Hunger marketing (饥饿营销), filed here as a distinctive way to satisfy "
     "most customers and keep them for the long term.", "001"),
    ("customize", "improvement", "Mass customisation (规模定制): meet individual needs without losing "
     "control of resources and cost.", "001"),
    ("management", "practice", "Friendship-style (友情化) and warm (温情化) management: few barriers "
     "between managers and staff, a 'circle of friends' that reaches customers.", "001"),
    ("loyalty", "improvement", "Build emotional, behavioural and attitudinal loyalty through service "
     "quality, service results, relationship upkeep, shared values and continuing positive "
     "reinforcement; add points, a customer database and personalised service.", "000"),
]

#: SWOT quadrants in display order, with Chinese names.
QUADRANTS = {"strength": "优势", "weakness": "劣势", "opportunity": "机会", "threat": "威胁"}
SWOT_COLUMNS = ("quadrant", "quadrant_zh", "point", "evidence", "reading")

# quadrant, point, evidence, reading (all from reading 001's SWOT, section 3)
_SWOT = [
    ("strength", "Polished, well-localised system", "The system is called top standard; updates "
     "over the air (OTA); the MIUI interface suits Chinese users.", "001"),
    ("strength", "Cost-price pricing", "Phones priced at about cost, far below comparable models.", "001"),
    ("strength", "Online-only sales", "Selling only online saves the cost of shops and rides on the "
     "fashion for online shopping.", "001"),
    ("strength", "Nationwide delivery", "Almost every courier company delivers Xiaomi phones.", "001"),
    ("strength", "After-sales guarantees", "Three-guarantee service (三包), pick-up, returns, repairs.",
     "001"),
    ("strength", "Distinctive publicity", "High-profile launch events, online advertising, social "
     "media.", "001"),
    ("weakness", "Hardware problems", "About a dozen complaints: slow shipping, peeling paint, camera "
     "failures, frequent crashes, phones that do not start, distorted calls; some ask for returns.",
     "001"),
    ("weakness", "Young brand with little reputation", "Described as only just over a year old, "
     "arriving when HTC, Samsung and Apple hold most of the market.", "001"),
    ("weakness", "After-sales hard to reach", "The hotline is said to be almost impossible to get "
     "through; messages to Weibo and online service go unanswered.", "001"),
    ("weakness", "Few service stations", "Only 7 cities have a Xiaomi Home service station.", "001"),
    ("opportunity", "A weaker Apple", "Apple faces big challenges after the death of Steve Jobs.", "001"),
    ("opportunity", "Phones replacing PCs", "Demand for more capable smartphones rises; 78 makers of "
     "ARM processors in China push chip prices down.", "001"),
    ("opportunity", "Mobile internet and 3G", "Apps on 3G handsets open a new market that a 3G "
     "smartphone like Xiaomi's is born into.", "001"),
    ("threat", "Operators' 1,000-yuan phones", "Lenovo, ZTE and Huawei sell about 1,000-yuan "
     "smartphones together with the operators.", "001"),
    ("threat", "Little proprietary technology", "Parts come from top suppliers; little of the "
     "technology is Xiaomi's own.", "001"),
    ("threat", "Organised negative publicity", "Detractors ('米黑') spread invented bad news to damage "
     "the brand.", "001"),
]

#: The forum numbers of reading 000 (as of 2014-06-12).
FORUM = {"members": 19_697_554, "posts": 209_158_339, "as_of": "2014-06-12",
         "posts_per_day": "six figures (100,000 to 999,999)", "reading": "000"}

# topic, claim_a, source_a, claim_b, source_b, why
_DISAGREEMENTS = [
    ("Xiaomi Home outlets",
     "A hundred or more (上百家) franchised Xiaomi Home shops across the country, used for promotion "
     "and enquiries and to collect customer information; reading 000 also calls Xiaomi Home a repair "
     "point and Xiaomi's offline store.", "000 (also 001, IDIC section)",
     "Only 7 cities have a Xiaomi Home service station.", "001 (SWOT)",
     "Not settled by the readings: they may count different things (shops vs service stations), or "
     "one figure may be wrong. Dates cannot explain it, because reading 001 makes both claims in 2012, "
     "and reading 000 repeats reading 001's sentence almost word for word, so the two are one source. "
     "Neither reading says the shops sold phones; reading 001's SWOT says phones were sold entirely "
     "online."),
    ("How good is after-sales contact?",
     "Hotline, complaint handling with feedback and call-backs: Xiaomi 'really does well' at "
     "interaction.", "001 (IDIC section), repeated in 000",
     "The hotline is almost impossible to get through; Weibo and online messages go unanswered.",
     "001 (SWOT)",
     "Policy vs experience: the IDIC section describes what Xiaomi offers, the SWOT what users "
     "report. Both can be true at once."),
    ("Pricing",
     "Phones are priced at about cost, far below comparable models.", "001 (SWOT strength)",
     "At first the phones could be sold at a relatively high price to early adopters and fans.",
     "000 and 001 (introduction)",
     "Price relative to the specification vs price relative to what fans were willing to pay; "
     "scarcity lets a low list price coexist with fans paying a premium to get one early."),
    ("Company age",
     "Founded in April 2010.", "000",
     "'Only just over a year old' in a report dated 2012-12-11 (it would have been 2 years 8 months).",
     "001 (SWOT weakness)",
     "The SWOT text was probably written (or copied) earlier than the report's date."),
    ("Founding year as printed",
     "Started in April 2010; MiTalk at the end of 2010.", "000",
     "Prints '2023' for the same events (and for the 2011 and 2013 shipment figures), impossible "
     "for a report dated 2012.", "001",
     "A garbled copy of the document (digits replaced); trust the reading whose dates are consistent."),
    ("Is hunger marketing sustainable?",
     "Hunger marketing is part of a customisation that aims to satisfy most customers and keep them "
     "for the long term.", "001, repeated in 000",
     "The hunger-marketing strategy cannot be used forever.", "000 (closing pages, before its summary)",
     "Not simply 2012 against 2014: reading 000 holds both views, repeating reading 001's sentence "
     "before warning near its end that the tactic cannot last. What the tactic aims at (keeping "
     "customers) is not the same as whether it can be kept up; by 2014 the line-up and competition "
     "had grown."),
]


def timeline() -> pd.DataFrame:
    """Xiaomi's timeline, 2010 to 2014, with each date as precise as the readings allow.

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by ``earliest`` then ``latest``: ``event``, ``event_zh``, ``kind``
        (company, product, phone, community, market, reading), ``earliest`` and ``latest``
        (datetime64: the window the readings allow), ``precision`` (how the readings date it),
        ``reading`` (the source) and ``note``.

    Examples
    --------
    >>> t = timeline()
    >>> t.loc[t["event"] == "Redmi", "precision"].item()
    'year'
    """
    frame = pd.DataFrame(_TIMELINE, columns=["event", "event_zh", "kind", "earliest", "latest",
                                             "precision", "reading", "note"])
    frame["earliest"] = pd.to_datetime(frame["earliest"])
    frame["latest"] = pd.to_datetime(frame["latest"])
    return frame.sort_values(["earliest", "latest"], kind="stable").reset_index(drop=True)


def idic_table() -> pd.DataFrame:
    """Xiaomi's practice and reading 001's proposed improvements for each IDIC step.

    IDIC (identify 识别, differentiate 区分, interact 互动, customize 定制) is the structure of
    reading 001, which adds Xiaomi's management style and a section on loyalty.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per point, columns ``step``, ``step_zh``, ``kind`` ("practice" or
        "improvement"), ``point`` and ``reading``; steps in IDIC order.

    Examples
    --------
    >>> idic = idic_table()
    >>> idic.groupby("kind").size().to_dict()
    {'improvement': 5, 'practice': 15}
    """
    frame = pd.DataFrame(_IDIC, columns=["step", "kind", "point", "reading"])
    frame.insert(1, "step_zh", frame["step"].map(IDIC_STEPS))
    order = {step: i for i, step in enumerate(IDIC_STEPS)}
    frame = frame.sort_values("step", key=lambda s: s.map(order), kind="stable")
    return frame.reset_index(drop=True)


def swot() -> pd.DataFrame:
    """Reading 001's SWOT of Xiaomi as a tidy table students can filter and extend.

    Returns
    -------
    pandas.DataFrame
        One row per point: ``quadrant`` (strength, weakness, opportunity, threat),
        ``quadrant_zh`` (优势, 劣势, 机会, 威胁), ``point``, ``evidence``, ``reading``.

    Examples
    --------
    >>> s = swot()
    >>> s["quadrant"].value_counts().reindex(list(QUADRANTS)).tolist()
    [6, 4, 3, 3]
    """
    frame = pd.DataFrame(_SWOT, columns=["quadrant", "point", "evidence", "reading"])
    frame.insert(1, "quadrant_zh", frame["quadrant"].map(QUADRANTS))
    return frame[list(SWOT_COLUMNS)]


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__} {value!r}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value.strip()


def add_swot_row(table: pd.DataFrame, quadrant: str, point: str, evidence: str, reading: str) -> pd.DataFrame:
    """A new SWOT table with one more row; the table passed in is not changed.

    Parameters
    ----------
    table : pandas.DataFrame
        A SWOT table with the columns of :func:`swot`.
    quadrant : str
        "strength", "weakness", "opportunity" or "threat" (or 优势, 劣势, 机会, 威胁).
    point : str
        The point in a few words; must not repeat a point already in that quadrant.
    evidence : str
        The fact that supports it.
    reading : str
        Where the evidence comes from: a reading number such as "000", or another source
        (e.g. "own research, 2015 annual report").

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> s = add_swot_row(swot(), "strength", "Large active community",
    ...                  "19,697,554 forum members on 2014-06-12", "000")
    >>> len(s) - len(swot()), s.iloc[-1]["quadrant_zh"]
    (1, '优势')
    """
    check_frame(table, "table", SWOT_COLUMNS, expected="start from helpers.xiaomi.swot()", empty_ok=True, nan_ok=True)
    quadrant = _text(quadrant, "quadrant")
    by_chinese = {zh: en for en, zh in QUADRANTS.items()}
    quadrant = by_chinese.get(quadrant, quadrant.lower())
    if quadrant not in QUADRANTS:
        raise ValueError(f"quadrant must be one of {list(QUADRANTS)} (or {list(QUADRANTS.values())}), "
                         f"got {quadrant!r}")
    point, evidence, reading = _text(point, "point"), _text(evidence, "evidence"), _text(reading, "reading")
    same = (table["quadrant"] == quadrant) & (table["point"].str.strip().str.lower() == point.lower())
    if same.any():
        raise ValueError(f"point {point!r} is already in the {quadrant} quadrant")
    row = pd.DataFrame([{"quadrant": quadrant, "quadrant_zh": QUADRANTS[quadrant], "point": point,
                         "evidence": evidence, "reading": reading}])
    return pd.concat([table, row], ignore_index=True)


def filter_swot(table: pd.DataFrame, quadrant: str | None = None, reading: str | None = None,
                contains: str | None = None) -> pd.DataFrame:
    """The rows of a SWOT table that match every filter given (a new table; input unchanged).

    Parameters
    ----------
    table : pandas.DataFrame
        A SWOT table with the columns of :func:`swot`.
    quadrant : str, optional
        Keep one quadrant (English or Chinese name).
    reading : str, optional
        Keep rows whose ``reading`` is exactly this source.
    contains : str, optional
        Keep rows whose point or evidence contains this text (case-insensitive).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> filter_swot(swot(), quadrant="weakness", contains="service")["point"].tolist()
    ['After-sales hard to reach', 'Few service stations']
    """
    check_frame(table, "table", SWOT_COLUMNS, expected="start from helpers.xiaomi.swot()", empty_ok=True, nan_ok=True)
    keep = pd.Series(True, index=table.index)
    if quadrant is not None:
        q = _text(quadrant, "quadrant")
        q = {zh: en for en, zh in QUADRANTS.items()}.get(q, q.lower())
        if q not in QUADRANTS:
            raise ValueError(f"quadrant must be one of {list(QUADRANTS)}, got {quadrant!r}")
        keep &= table["quadrant"] == q
    if reading is not None:
        keep &= table["reading"] == _text(reading, "reading")
    if contains is not None:
        text = _text(contains, "contains").lower()
        keep &= (table["point"].str.lower().str.contains(text, regex=False)
                 | table["evidence"].str.lower().str.contains(text, regex=False))
    return table.loc[keep].reset_index(drop=True)


def disagreements() -> pd.DataFrame:
    """Where the readings (or parts of one reading) disagree, with a likely reason.

    Returns
    -------
    pandas.DataFrame
        One row per topic: ``topic``, ``claim_a``, ``source_a``, ``claim_b``, ``source_b``, ``why``.

    Examples
    --------
    >>> disagreements()["topic"].iloc[0]
    'Xiaomi Home outlets'
    """
    return pd.DataFrame(_DISAGREEMENTS, columns=["topic", "claim_a", "source_a", "claim_b", "source_b", "why"])


def forum_snapshot() -> pd.Series:
    """Reading 000's forum numbers: 19,697,554 members and 209,158,339 posts on 2014-06-12.

    Examples
    --------
    >>> forum_snapshot()["members"]
    19697554
    """
    return pd.Series(FORUM, dtype=object)


def posts_per_member(posts: int = FORUM["posts"], members: int = FORUM["members"]) -> float:
    """Average posts per forum member (209,158,339 / 19,697,554 = 10.62 on 2014-06-12).

    An average only: it says nothing about how posts are spread (a few very active members can
    write most of them) or how many members are still active.

    Parameters
    ----------
    posts, members : int
        Counts, ``posts >= 0`` and ``members > 0``.

    Returns
    -------
    float

    Examples
    --------
    >>> round(posts_per_member(100, 8), 1)
    12.5
    """
    posts = check_number(posts, "posts", integer=True, low=0, must={"low": "be >= 0"})
    members = check_number(members, "members", integer=True, low=0, low_open=True, must={"low": "be > 0"})
    return posts / members


def average_posts_per_day(since: str, until: str = FORUM["as_of"], posts: int = FORUM["posts"]) -> float:
    """Average posts per day if the forum's posts were written between ``since`` and ``until``.

    A consistency check on the readings: reading 000 says the forum gets six-figure posts per day.

    Parameters
    ----------
    since, until : str or datetime-like
        Start and end of the period; ``since`` must be before ``until``.
    posts : int
        Posts written in the period (>= 0).

    Returns
    -------
    float

    Examples
    --------
    >>> round(average_posts_per_day("2010-04-01"))   # if the forum started with the company
    136437
    """
    try:
        start, end = pd.Timestamp(since), pd.Timestamp(until)
    except (TypeError, ValueError):
        raise ValueError(f"since and until must be dates such as '2010-04-01', got {since!r}, {until!r}") from None
    if pd.isna(start) or pd.isna(end):
        raise ValueError("since and until must be dates, not missing values")
    if start >= end:
        raise ValueError(f"since ({start.date()}) must be before until ({end.date()})")
    posts = check_number(posts, "posts", integer=True, low=0, must={"low": "be >= 0"})
    return posts / (end - start).days


#: Reading 000's account of Xiaomi's customer-lifecycle practice, stage by stage: for each of the
#: four stages (考察期 exploration, 形成期 formation, 稳定期 stability, 退化期 decline) the aim the
#: reading sets (kind "aim") and what Xiaomi did (kind "practice"), with a signal a transaction or
#: community log could show if the practice works (``signal``). Paraphrased; reading 000 files
#: some points reading 001 also makes (those carry both numbers).
STAGE_PRACTICE = pd.DataFrame(
    [
        ("exploration", "考察期", "aim", "Keep newcomers from leaving: help them get to know the product "
         "fast, with existing users bringing in and guiding new ones (以老带新).",
         "Share of first-time buyers who order again", "000"),
        ("exploration", "考察期", "practice", "Built the system before the phone: MIUI had about a million "
         "users when the first phone came out, a ready-made pool of prospects.",
         "Customers whose first order is a phone", "000, 001"),
        ("exploration", "考察期", "practice", "Positioned on value for money for young technology fans "
         "(发烧友) with little money, mainly university students.",
         "Share of first orders that are budget phones or accessories", "000"),
        ("exploration", "考察期", "practice", "Hunger marketing and Weibo: early phones sold to first "
         "buyers and fans (米粉), with a Weibo service platform run by dozens of agents at once.",
         "First orders placed in online flash sales", "000, 001"),
        ("formation", "形成期", "aim", "Customers know what they need and buy more often and more each "
         "time; meet their needs with a personal value proposition, or they may skip stability and "
         "go straight into decline.", "Share of formation customers who reach stability", "000"),
        ("formation", "形成期", "practice", "Sold online to internet users, avoiding a head-on fight with "
         "Apple, HTC and Samsung in shops; operator contract phones as a second channel.",
         "Repeat orders by channel", "000, 001"),
        ("formation", "形成期", "practice", "Told customers apart with ABC, 'TFM' (which the course reads as RFM) and CLV analysis and "
         "served each group differently.", "RFM segment of each stage", "000, 001"),
        ("formation", "形成期", "practice", "Collected customer data directly (Xiaomi Home stores) and "
         "indirectly (consultancy reports, third parties), with graded access and protection.",
         "A single customer view joining orders and community", "000, 001"),
        ("stability", "稳定期", "aim", "Turn buying into a steady habit: a stable purchase rhythm and large "
         "volumes, the firm's main and lasting source of profit.",
         "Monthly chance that a stable customer stays stable", "000"),
        ("stability", "稳定期", "practice", "The Xiaomi community: a forum with 19,697,554 members and "
         "209,158,339 posts on 2014-06-12; user feedback behind a weekly MIUI update.",
         "Transitions of forum members against non-members", "000"),
        ("stability", "稳定期", "practice", "Offline fan meetups (同城会) in Jining, Tongliao, Beijing, "
         "Huizhou and elsewhere; MiTalk links nearby Xiaomi users with shared interests.",
         "Fan-club events attended by stage", "000"),
        ("stability", "稳定期", "practice", "Service contact: hotline, complaint handling with feedback, "
         "unannounced call-backs, the June 2014 Xiaomi Home 'like' campaign, sponsorships.",
         "Moves from stability into decline", "000"),
        ("decline", "退化期", "aim", "Either invest again to restore the relationship (second "
         "development, 二次开发) or stop investing and let the customer go.",
         "Monthly chance that a declining customer is won back or lost", "000"),
        ("decline", "退化期", "practice", "Listen and call back: ask customers how products and service "
         "feel and build what they ask for.", "Win-back rate after service contact", "000"),
        ("decline", "退化期", "practice", "Widen the line-up for different needs: Mi 1, 1S, 1S Youth, Mi 2, "
         "2S, then Redmi (2013) and the large-screen Redmi Note (2014) for still more value for money.",
         "Win-back rate after a launch against the months before", "000"),
        ("decline", "退化期", "practice", "New categories, Mi TV and Mi Pad, sold with the same hunger "
         "marketing to the existing customer base.", "Orders of new categories by stage", "000"),
        ("decline", "退化期", "practice", "Proposed: a loyalty programme (emotional, behavioural and "
         "attitudinal loyalty) with points, a customer database and personal service.",
         "Not in the log: would need a programme to test", "000"),
    ],
    columns=["stage", "stage_zh", "kind", "point", "signal", "reading"],
)
