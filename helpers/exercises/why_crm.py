"""Exercises for notebooks/01_why_crm: retention economics, the one customer view, IDIC."""
from helpers.exercises.core import MatchQuestion, NumberQuestion
from helpers.xiaomi import IDIC_STEPS

q1 = NumberQuestion(
    "A customer brings a margin of 100 RMB a year, the discount rate is 10% and retention is 75%. "
    "By how many RMB does the customer's lifetime value rise if retention improves by five "
    "points, to 80%?",
    answer=52.38, tolerance=0.05, unit="RMB", money=True,
    hints=["Compute the CLV twice with `value.simple_clv(margin, retention, discount)` and subtract.",
           "`value.simple_clv(100, 0.80, 0.10) - value.simple_clv(100, 0.75, 0.10)`."],
    solution="CLV = m·r/(1+d−r): 100·0.80/0.30 = 266.67 RMB against 100·0.75/0.35 = 214.29 RMB, a rise of "
             "52.38 RMB (+24%) from five points of retention.",
    wrong_answers=[5.0, 266.67, 100.0, 24.4, 0.244, 214.29],
)

q2 = NumberQuestion(
    "In the synthetic shop, how many different people had at least one late delivery (more than 3 "
    "days) but never contacted the service desk?",
    answer=4, tolerance=0, unit="people",
    hints=["Logistics knows who had a late delivery, service knows who called: you need both, joined "
           "on the person (the normalised phone).",
           "In the one customer view: people with `late_deliveries > 0` and `tickets == 0`."],
    solution="19 people had a late delivery; 15 of them opened a ticket, 4 never did. Those four are "
             "invisible to the service desk: only the joined view shows them.",
    wrong_answers=[19, 15, 16, 26, 5],
)

q3 = NumberQuestion(
    "How much (RMB, all of 2014) did the customers spend whose complaint about a late delivery stayed "
    "unresolved?",
    answer=32921.0, tolerance=0.5, unit="RMB", money=True,
    hints=["The service table has only phone numbers: normalise them, and the sales phones too.",
           "Pick the tickets with `issue == 'late delivery'` and `resolved == 'no'`, take their people, "
           "then sum `amount_rmb` over those people's orders."],
    solution="Eleven people have an unresolved late-delivery ticket; their orders add up to 32,921 RMB "
             "(30% of the shop's 110,429 RMB).",
    wrong_answers=[50766.0, 56569.0, 110429.0, 11],
)

q4 = MatchQuestion(
    "Match each Xiaomi practice to its IDIC step ('identify', 'differentiate', 'interact' or "
    "'customize'): 'enquiries at Xiaomi Home stores', 'ABC, RFM and CLV analysis', 'the forum where "
    "users propose improvements', 'the Redmi Note'.",
    answer={"enquiries at Xiaomi Home stores": "identify",
            "ABC, RFM and CLV analysis": "differentiate",
            "the forum where users propose improvements": "interact",
            "the Redmi Note": "customize"},
    labels=["identify", "differentiate", "interact", "customize"], aliases=IDIC_STEPS,
    hints=["Identify = know who the customers are; differentiate = tell them apart by need and value.",
           "Interact = talk and listen; customize = change what you offer for different customers. A "
           "new, cheaper phone model changes the offer."],
    solution="Collecting data at the stores identifies customers (reading 001); ABC/RFM/CLV analysis "
             "differentiates them (reading 001); the forum is interaction, listening to users "
             "(reading 000); the Redmi Note widens the line-up for buyers the earlier models did not "
             "suit, which is customisation (reading 000).",
    wrong_answers=[{"enquiries at Xiaomi Home stores": "interact",
                    "ABC, RFM and CLV analysis": "differentiate",
                    "the forum where users propose improvements": "identify",
                    "the Redmi Note": "customize"},
                   {"enquiries at Xiaomi Home stores": "identify",
                    "ABC, RFM and CLV analysis": "customize",
                    "the forum where users propose improvements": "interact",
                    "the Redmi Note": "differentiate"}],
)
