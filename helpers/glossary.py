"""The course's key terms in English and Chinese, each with a definition in both languages and its source.

The Chinese term of each entry (column ``中文``) is the one the readings use, where they have
one. Beside it the glossary keeps three lists, so that a Chinese edition of the course can be
held to the readings' wording:

* ``synonyms``: other words the readings themselves use for the same thing (with the reading);
* ``variants``: common forms found outside the readings, acceptable but not the readings' term;
* ``avoid``: forms that misrepresent the readings and should not appear in the course's Chinese text.

:func:`glossary` shows its columns in the course's language (:func:`helpers.set_language`); the
column headings are in ``helpers/texts/glossary.toml``. The definitions stay here, the Chinese one
under the English one, so that a lecturer corrects a term, its definitions, its synonyms and the
forms to avoid in one place.

>>> from helpers.glossary import glossary
>>> glossary().loc["formation", "中文"]
'形成期'
>>> glossary().loc["value_migration", "Avoid"]
'客户价值迁移'
>>> glossary(language="zh").loc["formation", "术语"]
'形成期'
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from helpers.language import LANGUAGES, language as current_language, texts


class Term(NamedTuple):
    """One glossary entry. The first four fields are the original (key, English, 中文, definition)."""

    key: str
    english: str
    chinese: str
    definition: str
    #: the definition in Chinese, in the readings' terms (never a form listed under ``avoid``)
    definition_zh: str
    #: the reading(s) the term comes from ("000", "002, 003", ...), or "not in the readings (...)"
    reading: str
    #: the same in Chinese, where ``reading`` says more than reading numbers
    reading_zh: str = ""
    #: other words the readings use for it: {term: reading}
    synonyms: dict = {}
    #: common forms outside the readings (acceptable, not the readings' term)
    variants: tuple = ()
    #: forms not to use: they misrepresent the readings
    avoid: tuple = ()


NOT_IN_READINGS = "not in the readings"
#: The same in Chinese, at the start of ``reading_zh``.
NOT_IN_READINGS_ZH = "阅读材料中未见"

#: Keys are the names the helpers use. Reading 003 is written in traditional characters; the
#: glossary gives every term in simplified characters.
TERMS = [
    Term("crm", "customer relationship management (CRM)", "客户关系管理",
         "Managing the whole relationship with each customer, not single sales, to raise the value both sides get.",
         "企业着眼于与每位客户的整个关系而不是单笔交易，"
         "不断了解客户需求、改进产品和服务，使双方从关系中获得的价值不断提高。",
         "000, 001, 002, 003, 004"),
    Term("customer_centric", "customer-centric management", "以客户为中心",
         "Organising the firm around customers and their value rather than around products.",
         "企业围绕客户及其价值来组织经营，而不是传统的以产品为中心。",
         "002"),
    Term("lifecycle", "customer lifecycle", "客户生命周期",
         "The course of a relationship over time, from when the customer starts to learn about the firm "
         "(or the firm sets out to win the customer) until all business has ended and been settled.",
         "客户关系从客户开始了解企业（或企业开始开发该客户）起，"
         "到双方业务关系完全终止、相关事宜全部处理完毕为止的全过程。",
         "000, 001, 002", synonyms={"客户关系生命周期": "000"}),
    Term("exploration", "exploration stage", "考察期",
         "Both sides test each other: the firm surveys prospects, the customer makes small trial purchases; "
         "uncertain, fragile, costly for the firm.",
         "关系的探索和试验阶段：企业调研潜在客户，客户下少量尝试性订单，双方相互考察；"
         "不确定性大，关系最脆弱，企业投入多而收益少。",
         "000, 002", synonyms={"开发期": "000"}),
    Term("formation", "formation stage", "形成期",
         "Trust grows, purchases become larger and more frequent; revenue starts to exceed cost.",
         "关系的快速发展阶段：双方信任不断加深，交易频率和交易额逐渐提高；"
         "企业从客户交易中获得的收入开始大于投入。",
         "000, 002", synonyms={"成长期": "000", "发展期": "002"}),
    Term("stability", "stability stage", "稳定期",
         "The highest relationship level: steady large purchases, low cost to serve, highest profit.",
         "关系发展的最高阶段：交易量大而稳定，企业投入少、服务成本低，利润最高。",
         "000, 002"),
    Term("decline", "decline stage", "退化期",
         "Purchases fall although the customer's own need has not; can start from any other stage.",
         "关系水平发生逆转的阶段：客户自身的需求并未下降，与企业的交易量却在下降；"
         "退化可能从任何一个阶段开始。",
         "000, 002", synonyms={"衰退期": "000"}),
    Term("churned", "churn / termination", "客户流失",
         "The relationship has ended: no more business between the two sides.",
         "客户关系已经终止：双方之间不再发生业务往来。",
         "000, 002, 004", synonyms={"流失": "000, 002", "终止": "000, 002"}),
    Term("breakup", "breakup (end of the relationship)", "破裂期",
         "The end state in the Markov view of stage movement reported by reading 000; the firm's aim is to "
         "lower the chance of reaching it from the intermediate stages.",
         "阅读材料 000 所述阶段转移的马尔可夫过程中关系的终点状态；"
         "企业的目标是尽可能降低从各个中间阶段转移到破裂期的可能性。",
         "000"),
    Term("retention_rate", "retention rate", "保有率",
         "Share of this period's customers who are still customers next period.",
         "本期的客户中，到下一期仍是企业客户的比例。",
         "004", variants=("客户保留率", "留存率")),
    Term("retention", "customer retention", "客户保持",
         "The firm's work of keeping its customers; in reading 002 the strategy of the formation, stability "
         "and decline stages.",
         "企业留住现有客户的工作；阅读材料 002 把它作为形成期、稳定期和退化期的关系管理战略。",
         "002", variants=("客户保留",)),
    Term("acquisition", "customer acquisition", "客户获取",
         "Winning new customers, usually the most expensive thing a firm does for a customer.",
         "赢得新客户；在企业为一位客户所做的各项工作中，这通常是成本最高的一项。",
         "002"),
    Term("clv", "customer lifetime value (CLV)", "客户终生价值",
         "Present value of the profit a customer will bring over the whole relationship.",
         "客户在与企业的整个关系期间为企业带来的利润的现值。",
         "003; 002 writes 客户的生命周期价值; 000 and 001 write CLV",
         reading_zh="003；002写作“客户的生命周期价值”；000和001写作CLV",
         synonyms={"生命周期价值": "002"}, variants=("客户终身价值",)),
    Term("margin_multiple", "margin multiple", "利润乘数",
         "CLV per unit of yearly margin under constant retention: r / (1 + d - r).",
         "保有率不变时，客户终生价值相当于每年利润的倍数：r / (1 + d - r)，"
         "其中 r 为保有率，d 为折现率。",
         f"{NOT_IN_READINGS} (Gupta & Lehmann 2005)",
         reading_zh="阅读材料中未见（Gupta & Lehmann 2005）"),
    Term("discount_rate", "discount rate", "折现率",
         "Rate that turns future money into today's money.",
         "把未来的货币折算成今天的价值所用的比率。",
         f"{NOT_IN_READINGS} (standard finance)",
         reading_zh="阅读材料中未见（金融学通用术语）", variants=("贴现率",)),
    Term("value_migration", "customer value migration", "客户价值转移",
         "Customers take the value they see in a firm to whoever offers them more.",
         "客户会把他们在一家企业身上看到的价值带走，转向能为他们提供更多价值的企业。",
         "003", avoid=("客户价值迁移",)),
    Term("single_view", "single customer view", "统一客户视图",
         "One record per customer that joins what sales, logistics and service each know.",
         "每位客户只有一份记录，把销售、物流、服务等部门各自掌握的客户数据整合在一起。",
         "003 describes the idea (customer data scattered across departments, joined in one store); the term is the course's",
         reading_zh="003描述了这一思路（客户数据分散在各部门，整合为统一的存储）；术语为本课程所用"),
    Term("customer_database", "customer database", "客户数据库",
         "The stored record of customers and their contacts with the firm; the precondition of CRM.",
         "存储客户及其与企业往来记录的数据库，是实施客户关系管理的前提条件。",
         "003"),
    Term("data_mining", "data mining", "数据挖掘",
         "Searching the customer database with models for where the firm's value and what customers value meet.",
         "借助模型在客户数据库中寻找公司价值与客户价值敏感点的交叉点。",
         "003"),
    Term("big_data", "big data", "大数据",
         "The mass of traces customers leave online; reading 003 says it moves thinking from causes to correlations.",
         "客户在网上注册、浏览和消费时留下的海量痕迹；"
         "阅读材料 003 认为它要求企业从因果思维转向相关性思维。",
         "003"),
    Term("idic", "IDIC model", "IDIC模型（识别、区分、互动、定制）",
         "Identify, differentiate, interact, customise: four steps of one-to-one relationship management.",
         "识别、区分、互动、定制：一对一客户关系管理的四个步骤。",
         "000, 001 (the model is Peppers & Rogers')",
         reading_zh="000、001（模型出自 Peppers & Rogers）",
         synonyms={"客户识别": "000, 001", "客户区分": "000, 001", "客户互动": "000, 001", "客户定制": "001"}),
    Term("segmentation", "customer segmentation", "客户细分",
         "Dividing customers into groups with different needs and value; the basis of personalised service.",
         "按需求和价值的差异把客户划分为不同的群体，是提供个性化服务的基础。",
         "001"),
    Term("one_to_one", "one-to-one marketing", "一对一营销",
         "Marketing to each customer according to that customer's own needs and history.",
         "根据每位客户自己的需求和交易历史，对其开展有针对性的营销。",
         "001"),
    Term("mass_customisation", "mass customisation", "规模定制",
         "Offering many customers a product they can fit to their own needs without giving up scale.",
         "在不放弃规模经营的前提下，让众多客户都能按自己的需求获得合适的产品。",
         "001", variants=("大规模定制",)),
    Term("abc", "ABC analysis", "ABC分析法",
         "Grouping customers by their share of revenue: a few A customers bring most of it.",
         "按客户在收入中所占的份额把客户分类：少数A类客户贡献了大部分收入。",
         "000, 001", variants=("ABC分类",)),
    Term("rfm", "RFM analysis", "RFM分析",
         "Scoring customers by recency, frequency and monetary value of their purchases.",
         "按客户最近一次购买距今的时间（R）、购买频率（F）和消费金额（M）给客户打分。",
         "000, 001 (both write “TFM分析法”, most likely a slip for RFM)",
         reading_zh="000、001（两者都写作“TFM分析法”，很可能是RFM的笔误）", avoid=("TFM分析法",)),
    Term("response_analysis", "customer response analysis", "客户响应分析",
         "Finding, among many prospects, those likely to respond to a campaign; reading 002's tool for exploration.",
         "从大量潜在客户中鉴别出可能对营销活动做出响应的目标客户；"
         "阅读材料 002 中考察期的客户分析策略。",
         "002"),
    Term("churn_analysis", "churn analysis", "客户流失分析",
         "Studying which customers may leave and why, to repair the relationship or learn from the loss.",
         "分析哪些客户可能流失以及流失的原因，以便修复客户关系，或从流失中吸取教训。",
         "002", synonyms={"流失分析": "002"}),
    Term("churn_prediction", "churn prediction", "流失预测",
         "Estimating which customers are about to leave, so the firm can act first.",
         "估计哪些客户即将流失，使企业能够抢先采取措施。",
         "002 (prediction is part of its 客户流失分析)",
         reading_zh="002（预测是其客户流失分析的一部分）"),
    Term("markov_chain", "Markov chain", "马尔可夫链",
         "A model in which the next state depends only on the current one, through transition probabilities.",
         "下一个状态只取决于当前状态的模型，状态之间的变化由转移概率给出。",
         "000 (as a Markov process model of moves between stages)",
         reading_zh="000（作为阶段之间转移的马尔可夫过程模型）", synonyms={"马尔可夫过程": "000"}),
    Term("transition_matrix", "transition matrix", "转移矩阵",
         "Table of probabilities of moving from each stage to each stage in one period.",
         "列出一期之内从每个阶段转移到每个阶段的概率的表格。",
         f"{NOT_IN_READINGS} (reading 000 speaks of moves, 转移, between stages)",
         reading_zh="阅读材料中未见（阅读材料 000 谈到阶段之间的转移）"),
    Term("p_alive", "probability alive, P(alive)", "存活概率",
         "Chance that a customer has not silently left, given when and how often they bought.",
         "根据客户购买的时间和次数，估计该客户尚未悄然流失的概率。",
         f"{NOT_IN_READINGS} (BTYD models, notebook 06)",
         reading_zh="阅读材料中未见（BTYD 模型，笔记本 06）"),
    Term("holdout_period", "holdout period", "验证期",
         "The later stretch of the data that a model is not shown while it is fitted, kept back to test its "
         "forecasts; the stretch it is fitted on is the calibration period (校准期).",
         "拟合模型时不给模型看的后一段数据，留作检验模型的预测；用来拟合模型的前一段数据称为校准期。",
         f"{NOT_IN_READINGS} (BTYD models, notebook 06)",
         reading_zh="阅读材料中未见（BTYD 模型，笔记本 06）", avoid=("预测期",)),
    Term("win_back", "rescue and win-back", "补救和挽留",
         "Efforts to keep or bring back declining customers, in reading 002 the valuable ones first.",
         "为留住或挽回处于退化期的客户所做的努力；阅读材料 002 主张优先针对客户价值高的客户。",
         "002", synonyms={"挽留": "000, 002"}, variants=("客户挽回",)),
    Term("second_development", "second development", "二次开发",
         "Re-investing in a declining customer to restore the relationship; the alternative is to let the customer go.",
         "加大对退化期客户的投入，重新恢复与客户的关系；"
         "另一种选择是不再投入，渐渐放弃该客户。",
         "000, 002"),
    Term("cross_selling", "cross-selling", "交叉销售",
         "Selling a customer a different product that goes with what they already buy.",
         "向客户销售与其已购产品相配套的其他产品。",
         "002"),
    Term("repeat_selling", "repeat selling", "重复销售",
         "Selling again to customers who already buy; with cross-selling, reading 002's tool in stability.",
         "向已在购买的客户再次销售；阅读材料 002 把它与交叉销售一起作为稳定期的策略。",
         "002"),
    Term("up_selling", "up-selling", "向上销售",
         "Selling a customer a better, more expensive version of what they buy.",
         "向客户销售其所购产品的更好、更贵的版本。",
         f"{NOT_IN_READINGS} (standard marketing)",
         reading_zh="阅读材料中未见（营销学通用术语）", variants=("追加销售",)),
    Term("satisfaction", "customer satisfaction", "客户满意度",
         "How far the customer finds what the firm provides meets or beats expectations.",
         "客户认为企业提供的产品和服务达到或超出其期望的程度。",
         "002; 000, 001 and 004 write 满意度",
         reading_zh="002；000、001和004写作“满意度”", synonyms={"满意度": "000, 001, 004"}),
    Term("loyalty", "customer loyalty", "客户忠诚度",
         "Emotional, behavioural and attitudinal attachment that keeps a customer coming back.",
         "客户在情感、行为和意识上对企业的依恋，使客户一次次回头购买。",
         "000, 001, 002, 004", variants=("客户忠诚",)),
    Term("emotional_loyalty", "emotional loyalty", "情感忠诚",
         "The feeling part of loyalty: attachment to the firm or brand.",
         "忠诚在情感方面的表现：客户对企业或品牌的依恋。",
         "000"),
    Term("behavioural_loyalty", "behavioural loyalty", "行为忠诚",
         "The doing part of loyalty: buying again and again.",
         "忠诚在行为方面的表现：客户一次又一次地购买。",
         "000"),
    Term("attitudinal_loyalty", "attitudinal (conscious) loyalty", "意识忠诚",
         "The thinking part of loyalty: the customer's considered preference for the firm.",
         "忠诚在意识方面的表现：客户经过考虑后对企业的偏好。",
         "000"),
    Term("switching_cost", "switching cost", "转移成本",
         "What a customer gives up by moving to another supplier: money, effort, relationships.",
         "客户转向另一家供应商时所要放弃的东西：金钱、精力和人际关系等。",
         "000", synonyms={"转移壁垒": "000"}, variants=("转换成本",)),
    Term("stickiness", "customer stickiness", "客户粘度",
         "How strongly a customer is held by a product; raised by ties to other users.",
         "客户被产品“粘住”的程度；客户之间依托产品建立的联系越多，粘度越高。",
         "004", variants=("客户黏性", "用户黏性")),
    Term("customer_network", "customer relationship network", "客户关系网",
         "The ties customers build with each other through a product; managing it (客户关系网管理) is reading 004's new CRM dimension.",
         "客户之间依托企业产品建立起来的联系；"
         "对它的管理（客户关系网管理）是阅读材料 004 提出的客户关系管理新维度。",
         "004", synonyms={"客户关系网管理": "004"}),
    Term("network_dyad", "network dyad", "网络二元关系",
         "Iacobucci & Zerrillo's idea: a strong two-party tie formed out of, and dissolving back into, a network of weak ties.",
         "Iacobucci 和 Zerrillo 的观点："
         "强的双方关系（二元关系）从由弱关系构成的网络中形成，解除后又回到网络之中。",
         "000"),
    Term("network_effect", "network effect", "网络效应",
         "A product is worth more to each user the more other users it has.",
         "一种产品的用户越多，它对每位用户的价值就越大。",
         f"{NOT_IN_READINGS} (standard economics; reading 004 argues the same through stickiness)",
         reading_zh="阅读材料中未见（经济学通用术语；阅读材料 004 借客户粘度提出同样的观点）"),
    Term("multisided_platform", "multi-sided market (platform)", "多边市场",
         "A business that serves two or more customer groups who need each other (readers, writers, advertisers).",
         "同时服务于两个或更多相互需要的客户群体（如读者、作者和广告商）的商业模式。",
         "003", variants=("多边平台", "双边市场")),
    Term("platform_strategy", "platform strategy", "平台战略",
         "Drawing an audience with free content, then charging businesses to reach it.",
         "先用免费内容聚集客户群体，再向希望接触这些客户的商家收费。",
         "003"),
    Term("traffic", "drawing traffic", "引流",
         "Bringing visitors to a site or shop, the first worry of online firms in reading 003.",
         "把访问者吸引到网站或店铺；阅读材料 003 认为这是网络电商最大的难题。",
         "003"),
    Term("conversion_rate", "conversion rate", "转化率",
         "Share of visitors who go on to buy (or pay); with 引流 the everyday vocabulary of reading 003.",
         "访问者中最终购买（或付费）的比例；与引流一样，是阅读材料 003 所说的企业经营常用词汇。",
         "003"),
    Term("hunger_marketing", "hunger marketing", "饥饿营销",
         "Keeping supply short of demand to create buzz and urgency; reading 000 warns it cannot be used for ever.",
         "有意让供给少于需求，以制造话题和紧迫感；阅读材料 000 提醒这一策略不能一直使用下去。",
         "000, 001"),
    Term("buzz", "buzz (word of mouth)", "口碑",
         "What people say to one another about a firm and its products; in the Xiaomi hunger-marketing case, "
         "the talk each sell-out creates, which brings new prospects and fades week by week.",
         "人们相互传播的对企业及其产品的评价；在小米饥饿营销的案例中，指每次售罄所引起的议论，"
         "它带来新的潜在客户，并逐周衰减。",
         "001", avoid=("热度",)),
    Term("mi_fans", "Mi fans", "米粉",
         "Xiaomi's fans, who with early adopters bought its first phones.",
         "小米的粉丝，他们和尝鲜者一起购买了小米最早的手机。",
         "000, 001"),
    Term("xiaomi_home", "Xiaomi Home", "小米之家",
         "Xiaomi's offline stores and service points; reading 001 counts service stations in only seven cities.",
         "小米的线下门店和服务站点；阅读材料 001 称只有7个城市设有小米之家服务站。",
         "000, 001"),
    Term("xiaomi_community", "Xiaomi community", "小米社区",
         "Xiaomi's online community (forum, sections, local fan clubs), a stability-stage practice in reading 000.",
         "小米的线上社区（论坛、版块、各地同城会等），阅读材料 000 把它作为稳定期的实践。",
         "000"),
    Term("fan_club", "local fan club", "同城会",
         "Users in one city who meet offline around a brand, such as Xiaomi's fan clubs.",
         "同一城市的用户围绕某一品牌在线下聚会的组织，如小米各地的同城会。",
         "000"),
    Term("enthusiast", "tech enthusiast", "发烧友",
         "Users who care intensely about a product's technology, Xiaomi's first target group.",
         "对产品技术极为热衷的用户，是小米最初的目标客群。",
         "000, 001"),
    Term("swot", "SWOT analysis", "SWOT分析",
         "Strengths, weaknesses, opportunities and threats, set side by side.",
         "把优势、劣势、机会和威胁并列在一起进行分析。",
         "001"),
]

#: The columns in English, as code refers to them (``glossary(language="en")``).
COLUMNS = ["English", "中文", "Definition", "Reading", "Also in the readings", "Variants", "Avoid"]
#: The keys of the column headings in helpers/texts/glossary.toml, in the order of each language:
#: in Chinese the readings' term comes first.
_ORDER = {"en": ["english", "chinese", "definition", "reading", "synonyms", "variants", "avoid"],
          "zh": ["chinese", "english", "definition", "reading", "synonyms", "variants", "avoid"]}


def _text(key: str, language: str) -> str:
    """The text under ``glossary.<key>`` in ``language``."""
    return texts(f"glossary.{key}")[LANGUAGES.index(language)]


def _readings(numbers: str) -> str:
    """Reading numbers in Chinese: "000, 002" -> "000、002"."""
    return numbers.replace(", ", "、")


def glossary(language: str | None = None) -> pd.DataFrame:
    """The glossary as a table indexed by key, in the course's language.

    In English the columns are ``English``, ``中文`` (the readings' term), ``Definition``,
    ``Reading`` (where the term comes from), ``Also in the readings`` (the readings' own synonyms,
    each with its reading), ``Variants`` (common forms outside the readings) and ``Avoid`` (forms
    not to use), the last three as text joined with "; ". In Chinese the same columns come under
    Chinese headings, the readings' term first, with the Chinese definitions.

    Parameters
    ----------
    language : {"en", "zh"}, optional
        The language of the columns; by default the course's (:func:`helpers.set_language`).
        Code that picks columns by name can ask for ``"en"`` and work in either language.
    """
    language = current_language() if language is None else language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    zh = language == "zh"
    headings = {key: _text(f"columns.{key}", language) for key in _ORDER[language]}
    separator, synonym = _text("separator", language), _text("synonym", language)
    rows = []
    for t in TERMS:
        reading = (t.reading_zh or _readings(t.reading)) if zh else t.reading
        synonyms = [synonym.format(term=s, reading=_readings(r) if zh else r) for s, r in t.synonyms.items()]
        rows.append({"key": t.key, "english": t.english, "chinese": t.chinese,
                     "definition": t.definition_zh if zh else t.definition, "reading": reading,
                     "synonyms": separator.join(synonyms), "variants": separator.join(t.variants),
                     "avoid": separator.join(t.avoid)})
    table = pd.DataFrame(rows, columns=["key", *_ORDER[language]]).set_index("key")
    return table.rename(columns=headings)


def avoided() -> dict[str, str]:
    """Every form to avoid, mapped to the readings' term to use instead.

    >>> avoided()["客户价值迁移"]
    '客户价值转移'
    """
    return {bad: t.chinese for t in TERMS for bad in t.avoid}
