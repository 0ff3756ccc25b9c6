"""The course's key terms in English and Chinese, each with a one-line definition.

>>> from helpers.glossary import glossary
>>> glossary().loc["formation", "中文"]
'形成期'
"""
from __future__ import annotations

import pandas as pd

#: (key, English, 中文, definition). Keys are the names the helpers use.
TERMS = [
    ("crm", "customer relationship management (CRM)", "客户关系管理",
     "Managing the whole relationship with each customer, not single sales, to raise the value both sides get."),
    ("customer_centric", "customer-centric management", "以客户为中心",
     "Organising the firm around customers and their value rather than around products."),
    ("lifecycle", "customer lifecycle", "客户生命周期",
     "The course of a relationship over time, from first contact to its end."),
    ("exploration", "exploration stage", "考察期",
     "Both sides test each other with small trial purchases; uncertain, fragile, costly for the firm."),
    ("formation", "formation stage", "形成期",
     "Trust grows, purchases become larger and more frequent; revenue starts to exceed cost."),
    ("stability", "stability stage", "稳定期",
     "The highest relationship level: steady large purchases, low cost to serve, highest profit."),
    ("decline", "decline stage", "退化期",
     "Purchases fall although the customer's own need has not; can start from any other stage."),
    ("churned", "churn / termination", "客户流失 / 终止",
     "The relationship has ended: no more business between the two sides."),
    ("retention_rate", "retention rate", "客户保留率",
     "Share of this period's customers who are still customers next period."),
    ("acquisition", "customer acquisition", "客户获取",
     "Winning new customers, usually the most expensive thing a firm does for a customer."),
    ("clv", "customer lifetime value (CLV)", "客户终身价值",
     "Present value of the profit a customer will bring over the whole relationship."),
    ("margin_multiple", "margin multiple", "利润乘数",
     "CLV per unit of yearly margin under constant retention: r / (1 + d - r)."),
    ("discount_rate", "discount rate", "折现率",
     "Rate that turns future money into today's money."),
    ("value_migration", "customer value migration", "客户价值迁移",
     "Customers and their spending moving from firms with outdated offers to better ones."),
    ("single_view", "single customer view", "统一客户视图",
     "One record per customer that joins what sales, logistics and service each know."),
    ("idic", "IDIC model", "IDIC模型（识别、区分、互动、定制）",
     "Identify, differentiate, interact, customise: four steps of one-to-one relationship management."),
    ("abc", "ABC classification", "ABC分类",
     "Grouping customers by their share of revenue: a few A customers bring most of it."),
    ("rfm", "RFM analysis", "RFM分析",
     "Scoring customers by recency, frequency and monetary value of their purchases."),
    ("markov_chain", "Markov chain", "马尔可夫链",
     "A model in which the next state depends only on the current one, through transition probabilities."),
    ("transition_matrix", "transition matrix", "转移矩阵",
     "Table of probabilities of moving from each stage to each stage in one period."),
    ("p_alive", "probability alive, P(alive)", "存活概率",
     "Chance that a customer has not silently left, given when and how often they bought."),
    ("churn_prediction", "churn prediction", "流失预测",
     "Estimating which customers are about to leave, so the firm can act first."),
    ("win_back", "win-back", "客户挽回",
     "Efforts to bring a declining or lost customer back."),
    ("cross_selling", "cross-selling", "交叉销售",
     "Selling a customer a different product that goes with what they already buy."),
    ("up_selling", "up-selling", "向上销售",
     "Selling a customer a better, more expensive version of what they buy."),
    ("loyalty", "customer loyalty", "客户忠诚",
     "Emotional, behavioural and attitudinal attachment that keeps a customer coming back."),
    ("switching_cost", "switching cost", "转换成本",
     "What a customer gives up by moving to another supplier: money, effort, relationships."),
    ("stickiness", "customer stickiness", "客户黏性",
     "How strongly a customer is held by a product; raised by ties to other users."),
    ("network_effect", "network effect", "网络效应",
     "A product is worth more to each user the more other users it has."),
    ("multisided_platform", "multi-sided platform", "多边平台",
     "A business that serves two or more customer groups who need each other (readers, writers, advertisers)."),
    ("hunger_marketing", "hunger marketing", "饥饿营销",
     "Deliberately limited supply (flash sales) to create buzz and urgency."),
    ("fan_club", "local fan club", "同城会",
     "Users in one city who meet offline around a brand, such as Xiaomi's fan clubs."),
    ("enthusiast", "tech enthusiast", "发烧友",
     "Users who care intensely about a product's technology, Xiaomi's first target group."),
    ("customer_database", "customer database", "客户数据库",
     "The stored record of customers and their contacts with the firm; the precondition of CRM."),
]


def glossary() -> pd.DataFrame:
    """The glossary as a table indexed by key, with columns ``English``, ``中文``, ``Definition``."""
    return pd.DataFrame(TERMS, columns=["key", "English", "中文", "Definition"]).set_index("key")
