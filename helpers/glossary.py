"""The course's key terms in English and Chinese, each with a one-line definition and its source.

The Chinese term of each entry (column ``中文``) is the one the readings use, where they have
one. Beside it the glossary keeps three lists, so that a Chinese edition of the course can be
held to the readings' wording:

* ``synonyms``: other words the readings themselves use for the same thing (with the reading);
* ``variants``: common forms found outside the readings, acceptable but not the readings' term;
* ``avoid``: forms that misrepresent the readings and should not appear in the course's Chinese text.

>>> from helpers.glossary import glossary
>>> glossary().loc["formation", "中文"]
'形成期'
>>> glossary().loc["value_migration", "Avoid"]
'客户价值迁移'
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd


class Term(NamedTuple):
    """One glossary entry. The first four fields are the original (key, English, 中文, definition)."""

    key: str
    english: str
    chinese: str
    definition: str
    #: the reading(s) the term comes from ("000", "002, 003", ...), or "not in the readings (...)"
    reading: str
    #: other words the readings use for it: {term: reading}
    synonyms: dict = {}
    #: common forms outside the readings (acceptable, not the readings' term)
    variants: tuple = ()
    #: forms not to use: they misrepresent the readings
    avoid: tuple = ()


NOT_IN_READINGS = "not in the readings"

#: Keys are the names the helpers use. Reading 003 is written in traditional characters; the
#: glossary gives every term in simplified characters.
TERMS = [
    Term("crm", "customer relationship management (CRM)", "客户关系管理",
         "Managing the whole relationship with each customer, not single sales, to raise the value both sides get.",
         "000, 001, 002, 003, 004"),
    Term("customer_centric", "customer-centric management", "以客户为中心",
         "Organising the firm around customers and their value rather than around products.",
         "002"),
    Term("lifecycle", "customer lifecycle", "客户生命周期",
         "The course of a relationship over time, from when the customer starts to learn about the firm "
         "(or the firm sets out to win the customer) until all business has ended and been settled.",
         "000, 001, 002", synonyms={"客户关系生命周期": "000"}),
    Term("exploration", "exploration stage", "考察期",
         "Both sides test each other: the firm surveys prospects, the customer makes small trial purchases; "
         "uncertain, fragile, costly for the firm.",
         "000, 002", synonyms={"开发期": "000"}),
    Term("formation", "formation stage", "形成期",
         "Trust grows, purchases become larger and more frequent; revenue starts to exceed cost.",
         "000, 002", synonyms={"成长期": "000", "发展期": "002"}),
    Term("stability", "stability stage", "稳定期",
         "The highest relationship level: steady large purchases, low cost to serve, highest profit.",
         "000, 002"),
    Term("decline", "decline stage", "退化期",
         "Purchases fall although the customer's own need has not; can start from any other stage.",
         "000, 002", synonyms={"衰退期": "000"}),
    Term("churned", "churn / termination", "客户流失",
         "The relationship has ended: no more business between the two sides.",
         "000, 002, 004", synonyms={"流失": "000, 002", "终止": "000, 002"}),
    Term("breakup", "breakup (end of the relationship)", "破裂期",
         "The end state in the Markov view of stage movement reported by reading 000; the firm's aim is to "
         "lower the chance of reaching it from the intermediate stages.",
         "000"),
    Term("retention_rate", "retention rate", "保有率",
         "Share of this period's customers who are still customers next period.",
         "004", variants=("客户保留率", "留存率")),
    Term("retention", "customer retention", "客户保持",
         "The firm's work of keeping its customers; in reading 002 the strategy of the formation, stability "
         "and decline stages.",
         "002", variants=("客户保留",)),
    Term("acquisition", "customer acquisition", "客户获取",
         "Winning new customers, usually the most expensive thing a firm does for a customer.",
         "002"),
    Term("clv", "customer lifetime value (CLV)", "客户终生价值",
         "Present value of the profit a customer will bring over the whole relationship.",
         "003; 002 writes 客户的生命周期价值; 000 and 001 write CLV",
         synonyms={"生命周期价值": "002"}, variants=("客户终身价值",)),
    Term("margin_multiple", "margin multiple", "利润乘数",
         "CLV per unit of yearly margin under constant retention: r / (1 + d - r).",
         f"{NOT_IN_READINGS} (Gupta & Lehmann 2005)"),
    Term("discount_rate", "discount rate", "折现率",
         "Rate that turns future money into today's money.",
         f"{NOT_IN_READINGS} (standard finance)", variants=("贴现率",)),
    Term("value_migration", "customer value migration", "客户价值转移",
         "Customers take the value they see in a firm to whoever offers them more.",
         "003", avoid=("客户价值迁移",)),
    Term("single_view", "single customer view", "统一客户视图",
         "One record per customer that joins what sales, logistics and service each know.",
         "003 describes the idea (customer data scattered across departments, joined in one store); the term is the course's"),
    Term("customer_database", "customer database", "客户数据库",
         "The stored record of customers and their contacts with the firm; the precondition of CRM.",
         "003"),
    Term("data_mining", "data mining", "数据挖掘",
         "Searching the customer database with models for where the firm's value and what customers value meet.",
         "003"),
    Term("big_data", "big data", "大数据",
         "The mass of traces customers leave online; reading 003 says it moves thinking from causes to correlations.",
         "003"),
    Term("idic", "IDIC model", "IDIC模型（识别、区分、互动、定制）",
         "Identify, differentiate, interact, customise: four steps of one-to-one relationship management.",
         "000, 001 (the model is Peppers & Rogers')",
         synonyms={"客户识别": "000, 001", "客户区分": "000, 001", "客户互动": "000, 001", "客户定制": "001"}),
    Term("segmentation", "customer segmentation", "客户细分",
         "Dividing customers into groups with different needs and value; the basis of personalised service.",
         "001"),
    Term("one_to_one", "one-to-one marketing", "一对一营销",
         "Marketing to each customer according to that customer's own needs and history.",
         "001"),
    Term("mass_customisation", "mass customisation", "规模定制",
         "Offering many customers a product they can fit to their own needs without giving up scale.",
         "001", variants=("大规模定制",)),
    Term("abc", "ABC analysis", "ABC分析法",
         "Grouping customers by their share of revenue: a few A customers bring most of it.",
         "000, 001", variants=("ABC分类",)),
    Term("rfm", "RFM analysis", "RFM分析",
         "Scoring customers by recency, frequency and monetary value of their purchases.",
         "000, 001 (both write “TFM分析法”, most likely a slip for RFM)", avoid=("TFM分析法",)),
    Term("response_analysis", "customer response analysis", "客户响应分析",
         "Finding, among many prospects, those likely to respond to a campaign; reading 002's tool for exploration.",
         "002"),
    Term("churn_analysis", "churn analysis", "客户流失分析",
         "Studying which customers may leave and why, to repair the relationship or learn from the loss.",
         "002", synonyms={"流失分析": "002"}),
    Term("churn_prediction", "churn prediction", "流失预测",
         "Estimating which customers are about to leave, so the firm can act first.",
         "002 (prediction is part of its 客户流失分析)"),
    Term("markov_chain", "Markov chain", "马尔可夫链",
         "A model in which the next state depends only on the current one, through transition probabilities.",
         "000 (as a Markov process model of moves between stages)", synonyms={"马尔可夫过程": "000"}),
    Term("transition_matrix", "transition matrix", "转移矩阵",
         "Table of probabilities of moving from each stage to each stage in one period.",
         f"{NOT_IN_READINGS} (reading 000 speaks of moves, 转移, between stages)"),
    Term("p_alive", "probability alive, P(alive)", "存活概率",
         "Chance that a customer has not silently left, given when and how often they bought.",
         f"{NOT_IN_READINGS} (BTYD models, notebook 06)"),
    Term("win_back", "rescue and win-back", "补救和挽留",
         "Efforts to keep or bring back declining customers, in reading 002 the valuable ones first.",
         "002", synonyms={"挽留": "000, 002"}, variants=("客户挽回",)),
    Term("second_development", "second development", "二次开发",
         "Re-investing in a declining customer to restore the relationship; the alternative is to let the customer go.",
         "000, 002"),
    Term("cross_selling", "cross-selling", "交叉销售",
         "Selling a customer a different product that goes with what they already buy.",
         "002"),
    Term("repeat_selling", "repeat selling", "重复销售",
         "Selling again to customers who already buy; with cross-selling, reading 002's tool in stability.",
         "002"),
    Term("up_selling", "up-selling", "向上销售",
         "Selling a customer a better, more expensive version of what they buy.",
         f"{NOT_IN_READINGS} (standard marketing)", variants=("追加销售",)),
    Term("satisfaction", "customer satisfaction", "客户满意度",
         "How far the customer finds what the firm provides meets or beats expectations.",
         "002; 000, 001 and 004 write 满意度", synonyms={"满意度": "000, 001, 004"}),
    Term("loyalty", "customer loyalty", "客户忠诚度",
         "Emotional, behavioural and attitudinal attachment that keeps a customer coming back.",
         "000, 001, 002, 004", variants=("客户忠诚",)),
    Term("emotional_loyalty", "emotional loyalty", "情感忠诚",
         "The feeling part of loyalty: attachment to the firm or brand.",
         "000"),
    Term("behavioural_loyalty", "behavioural loyalty", "行为忠诚",
         "The doing part of loyalty: buying again and again.",
         "000"),
    Term("attitudinal_loyalty", "attitudinal (conscious) loyalty", "意识忠诚",
         "The thinking part of loyalty: the customer's considered preference for the firm.",
         "000"),
    Term("switching_cost", "switching cost", "转移成本",
         "What a customer gives up by moving to another supplier: money, effort, relationships.",
         "000", synonyms={"转移壁垒": "000"}, variants=("转换成本",)),
    Term("stickiness", "customer stickiness", "客户粘度",
         "How strongly a customer is held by a product; raised by ties to other users.",
         "004", variants=("客户黏性", "用户黏性")),
    Term("customer_network", "customer relationship network", "客户关系网",
         "The ties customers build with each other through a product; managing it (客户关系网管理) is reading 004's new CRM dimension.",
         "004", synonyms={"客户关系网管理": "004"}),
    Term("network_dyad", "network dyad", "网络二元关系",
         "Iacobucci & Zerrillo's idea: a strong two-party tie formed out of, and dissolving back into, a network of weak ties.",
         "000"),
    Term("network_effect", "network effect", "网络效应",
         "A product is worth more to each user the more other users it has.",
         f"{NOT_IN_READINGS} (standard economics; reading 004 argues the same through stickiness)"),
    Term("multisided_platform", "multi-sided market (platform)", "多边市场",
         "A business that serves two or more customer groups who need each other (readers, writers, advertisers).",
         "003", variants=("多边平台", "双边市场")),
    Term("platform_strategy", "platform strategy", "平台战略",
         "Drawing an audience with free content, then charging businesses to reach it.",
         "003"),
    Term("traffic", "drawing traffic", "引流",
         "Bringing visitors to a site or shop, the first worry of online firms in reading 003.",
         "003"),
    Term("conversion_rate", "conversion rate", "转化率",
         "Share of visitors who go on to buy (or pay); with 引流 the everyday vocabulary of reading 003.",
         "003"),
    Term("hunger_marketing", "hunger marketing", "饥饿营销",
         "Keeping supply short of demand to create buzz and urgency; reading 000 warns it cannot be used for ever.",
         "000, 001"),
    Term("mi_fans", "Mi fans", "米粉",
         "Xiaomi's fans, who with early adopters bought its first phones.",
         "000, 001"),
    Term("xiaomi_home", "Xiaomi Home", "小米之家",
         "Xiaomi's offline stores and service points; reading 001 counts service stations in only seven cities.",
         "000, 001"),
    Term("xiaomi_community", "Xiaomi community", "小米社区",
         "Xiaomi's online community (forum, sections, local fan clubs), a stability-stage practice in reading 000.",
         "000"),
    Term("fan_club", "local fan club", "同城会",
         "Users in one city who meet offline around a brand, such as Xiaomi's fan clubs.",
         "000"),
    Term("enthusiast", "tech enthusiast", "发烧友",
         "Users who care intensely about a product's technology, Xiaomi's first target group.",
         "000, 001"),
    Term("swot", "SWOT analysis", "SWOT分析",
         "Strengths, weaknesses, opportunities and threats, set side by side.",
         "001"),
]

COLUMNS = ["English", "中文", "Definition", "Reading", "Also in the readings", "Variants", "Avoid"]


def glossary() -> pd.DataFrame:
    """The glossary as a table indexed by key.

    Columns: ``English``, ``中文`` (the readings' term), ``Definition``, ``Reading`` (where the
    term comes from), ``Also in the readings`` (the readings' own synonyms, each with its reading),
    ``Variants`` (common forms outside the readings) and ``Avoid`` (forms not to use), the last
    three as text joined with "; ".
    """
    rows = [{"key": t.key, "English": t.english, "中文": t.chinese, "Definition": t.definition,
             "Reading": t.reading,
             "Also in the readings": "; ".join(f"{s} ({r})" for s, r in t.synonyms.items()),
             "Variants": "; ".join(t.variants), "Avoid": "; ".join(t.avoid)} for t in TERMS]
    return pd.DataFrame(rows, columns=["key", *COLUMNS]).set_index("key")


def avoided() -> dict[str, str]:
    """Every form to avoid, mapped to the readings' term to use instead.

    >>> avoided()["客户价值迁移"]
    '客户价值转移'
    """
    return {bad: t.chinese for t in TERMS for bad in t.avoid}
