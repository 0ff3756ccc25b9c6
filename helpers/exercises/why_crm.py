"""Exercises for notebooks/01_why_crm: retention economics, the one customer view, IDIC."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion
from helpers.xiaomi import IDIC_STEPS

q1 = ChoiceQuestion(
    "Predict before you compute. A customer brings a margin of 100 RMB a year, retention is 75% and "
    "the discount rate 10%. Which raises her lifetime value more: retention five points higher (80%), "
    "or a discount rate five points lower (5%)?",
    answer="retention",
    options=["retention", "discount rate", "the same"],
    hints=["Both changes make the denominator of the margin multiple r / (1 + d − r) smaller by the "
           "same 0.05. Is that all that changes?",
           "Retention appears twice: in the denominator and in the numerator. Compare "
           "0.80 / (1.10 − 0.80) with 0.75 / (1.05 − 0.75).",
           "`value.simple_clv(100, 0.80, 0.10)` and `value.simple_clv(100, 0.75, 0.05)`, each against "
           "`value.simple_clv(100, 0.75, 0.10)`."],
    solution="Retention. From 214.29 RMB, five points of retention give 266.67 RMB (+52.38), five points "
             "off the discount rate give 250.00 RMB (+35.71). Both shrink the denominator 1 + d − r by "
             "0.05, but higher retention also raises the numerator r: a retained customer pays again, "
             "which a lower discount rate cannot do.",
    wrong_answers=["discount rate", "the same", "discount"],
)

q2 = ChoiceQuestion(
    "Decide. For customers like the one above (100 RMB a year, 75% retention, 10% discount rate), "
    "two programmes each cost 40 RMB per customer, paid once now. Programme A raises retention to "
    "80%. Programme B raises the yearly margin by 15%, to 115 RMB. Which would you fund: "
    "\"only A\", \"only B\", \"both\" or \"neither\"?",
    answer="only A",
    options=["only A", "only B", "both", "neither"],
    hints=["Fund a programme if what it adds to the customer's lifetime value is more than it costs.",
           "Gain of A = CLV(100, 0.80, 0.10) − CLV(100, 0.75, 0.10); gain of B = CLV(115, 0.75, 0.10) − "
           "CLV(100, 0.75, 0.10), where CLV = m·r / (1 + d − r). Compare each gain with 40 RMB.",
           "`base = value.simple_clv(100, 0.75, 0.10)`, then `value.simple_clv(100, 0.80, 0.10) - base - 40` "
           "and `value.simple_clv(115, 0.75, 0.10) - base - 40`."],
    solution="Only A. A adds 52.38 RMB of CLV (214.29 → 266.67, +24%) for 40 RMB: a net gain of 12.38 RMB "
             "per customer. B adds 15% of the CLV, 32.14 RMB (→ 246.43), less than its cost: a net loss "
             "of 7.86 RMB. The margin enters the CLV in proportion, so +15% margin is +15% CLV; five "
             "points of retention at 75% are worth 24%, and more the higher retention already is.",
    wrong_answers=["only B", "both", "neither", "A"],
)

q3 = NumberQuestion(
    "In the synthetic shop, how many different people had at least one late delivery (more than 3 "
    "days) but never contacted the service desk?",
    answer=4, tolerance=0, unit="people",
    hints=["Logistics knows who had a late delivery, service knows who called: you need both, joined "
           "on the person (the normalised phone).",
           "In the one customer view `view`, a person counts if `late_deliveries > 0` and `tickets == 0`.",
           "`((view['late_deliveries'] > 0) & (view['tickets'] == 0)).sum()`."],
    solution="19 people had a late delivery; 15 of them opened a ticket, 4 never did. Those four are "
             "invisible to the service desk: only the joined view shows them.",
    wrong_answers=[19, 15, 16, 26, 5],
)

q4 = NumberQuestion(
    "How much (RMB, all of 2014) did the customers spend whose complaint about a late delivery stayed "
    "unresolved?",
    answer=32921.0, tolerance=0.5, unit="RMB", money=True,
    hints=["The service table has only phone numbers: the people with an unresolved late-delivery "
           "ticket have to be found there, and their orders in sales, joined on the normalised phone.",
           "The one customer view already holds both: a `complaint` column ('unresolved', 'resolved', "
           "'none') and each person's `spend_rmb`. Sum the spend over one kind of complaint.",
           "`view.loc[view['complaint'] == 'unresolved', 'spend_rmb'].sum()`."],
    solution="Eleven people have an unresolved late-delivery ticket; their orders add up to 32,921 RMB "
             "(30% of the shop's 110,429 RMB).",
    wrong_answers=[50766.0, 56569.0, 110429.0, 11],
)

q5 = MatchQuestion(
    "Match each Xiaomi practice to its IDIC step ('identify', 'differentiate', 'interact' or "
    "'customize'): 'enquiries at Xiaomi Home stores', 'ABC, RFM and CLV analysis', 'the forum where "
    "users propose improvements', 'the Redmi Note'.",
    answer={"enquiries at Xiaomi Home stores": "identify",
            "ABC, RFM and CLV analysis": "differentiate",
            "the forum where users propose improvements": "interact",
            "the Redmi Note": "customize"},
    labels=["identify", "differentiate", "interact", "customize"], aliases=IDIC_STEPS,
    hints=["Ask of each practice what it does for the firm: learn who the customers are, tell them "
           "apart, talk with them, or change what they are offered.",
           "Identify = collect data on who the customers are; differentiate = sort them by need and "
           "value; interact = talk and listen; customize = a different offer for different customers.",
           "A new, cheaper phone model changes the offer; an analysis of customer value sorts "
           "customers; a forum is a conversation; store enquiries collect contacts."],
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
