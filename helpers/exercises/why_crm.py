"""Exercises for notebooks/01_why_crm: retention economics, the one customer view, IDIC."""
from helpers.exercises.core import MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    "A customer brings a margin of 100 RMB a year, the discount rate is 10% and retention is 75%. "
    "By how many RMB does the customer's lifetime value rise if retention improves by five "
    "points, to 80%?",
    answer=52.38, tolerance=0.05, unit="RMB",
    hints=["Compute the CLV twice with `value.simple_clv(margin, retention, discount)` and subtract.",
           "`value.simple_clv(100, 0.80, 0.10) - value.simple_clv(100, 0.75, 0.10)`."],
    solution="CLV = m·r/(1+d−r): 100·0.80/0.30 = 266.67 RMB against 100·0.75/0.35 = 214.29 RMB, a rise of "
             "52.38 RMB (+24%) from five points of retention.",
    wrong_answers=[5.0, 266.67, 100.0, 24.4, 0.244, 214.29],
)

q2 = NumberQuestion(
    "How many different *people* bought from the shop in the synthetic sales table?",
    answer=24, tolerance=0, unit="people",
    hints=["`customer_no` is not the answer: some people registered twice.",
           "Normalise the phone numbers with `customer_view.normalise_phone` and count the distinct ones."],
    solution="`customer_view.normalise_phone(sales['phone']).nunique()` gives 24 people behind 27 customer "
             "numbers: three registered twice.",
    wrong_answers=[27, 112, 26],
)

q3 = NumberQuestion(
    "How much (RMB, all of 2014) did the customers spend whose complaint about a late delivery stayed "
    "unresolved?",
    answer=32921.0, tolerance=0.5, unit="RMB",
    hints=["The service table has only phone numbers: normalise them, and the sales phones too.",
           "Pick the tickets with `issue == 'late delivery'` and `resolved == 'no'`, take their people, "
           "then sum `amount_rmb` over those people's orders."],
    solution="Eleven people have an unresolved late-delivery ticket; their orders add up to 32,921 RMB "
             "(30% of the shop's 110,429 RMB).",
    wrong_answers=[50766.0, 56569.0, 110429.0, 11],
)

q4 = MatchQuestion(
    "Match each Xiaomi practice from reading 001 to its IDIC step ('identify', 'differentiate', "
    "'interact' or 'customize'): 'stores and consultancy reports', 'ABC, RFM and CLV analysis', "
    "'hotline, Weibo and call-backs', 'Mi 1, 1S, 1S Youth and Mi 2'.",
    answer={"stores and consultancy reports": "identify",
            "ABC, RFM and CLV analysis": "differentiate",
            "hotline, Weibo and call-backs": "interact",
            "Mi 1, 1S, 1S Youth and Mi 2": "customize"},
    hints=["Identify = know who the customers are; differentiate = tell them apart by need and value.",
           "Interact = talk and listen; customize = change what you offer for different customers."],
    solution="Collecting data (stores, reports, partners) identifies customers; ABC/RFM/CLV analysis "
             "differentiates them; hotline, Weibo and call-backs are interaction; several phone versions "
             "are customisation (reading 001).",
    wrong_answers=[{"stores and consultancy reports": "interact",
                    "ABC, RFM and CLV analysis": "differentiate",
                    "hotline, Weibo and call-backs": "identify",
                    "Mi 1, 1S, 1S Youth and Mi 2": "customize"},
                   {"stores and consultancy reports": "identify",
                    "ABC, RFM and CLV analysis": "customize",
                    "hotline, Weibo and call-backs": "interact",
                    "Mi 1, 1S, 1S Youth and Mi 2": "differentiate"}],
)
