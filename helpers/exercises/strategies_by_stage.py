"""Exercises for notebooks/07_strategies_by_stage: gains from targeting, association rules, churn
lift, who is worth a win-back call, the budget at which the next yuan stops paying, and the three
kinds of loyalty."""
from helpers.exercises.core import MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    "The model ranks the 10,000 test prospects of the synthetic campaign. If you contact only the "
    "best-scored 30%, what share of all the test responders do you reach? Answer as a fraction.",
    answer=0.6701, tolerance=0.002, share=True,
    hints=["Read the gains table: the column `cum_gain` at group 3 (groups are tenths, best first).",
           "`gains.loc[3, 'cum_gain']`."],
    solution="`gains.loc[3, 'cum_gain']` = 0.67: two thirds of the responders for 30% of the "
             "mailing cost. Contacting a random 30% would reach 30% of them.",
    wrong_answers=[0.3, 2.234, 0.038, 67.0],
)

q2 = NumberQuestion(
    "In the synthetic Xiaomi-style orders, what is the lift of the rule Mi TV → Mi Pad "
    "(customers as baskets)?",
    answer=2.4651, tolerance=0.005,
    hints=["Lift = confidence / support of the consequent = P(Pad | TV) / P(Pad).",
           "`rules.set_index(['antecedent', 'consequent']).loc[('Mi TV', 'Mi Pad'), 'lift']`."],
    solution="0.646 / 0.262 = 2.47: a TV buyer is about two and a half times as likely as the "
             "average customer to own a Mi Pad. Confidence alone (0.646) means little without the "
             "base rate: 26% of all customers own a Pad anyway.",
    wrong_answers=[0.6456, 0.1661, 0.2619, 1.0],
)

q3 = NumberQuestion(
    "On the test cut-off (2015-06-30), what is the top-decile lift of the logistic regression: "
    "the churn rate among the 10% it scores riskiest, divided by the overall churn rate?",
    answer=2.658, tolerance=0.01,
    hints=["`churn_report` has a column `top_decile_lift`.",
           "`report.loc['logistic regression', 'top_decile_lift']`."],
    solution="About 2.66: the riskiest tenth churns 2.7 times as often as the average customer "
             "(71% against 27%). The ROC AUC, 0.81, measures the whole ranking instead.",
    wrong_answers=[0.814, 0.266, 0.707, 2.775, 1.0],
)

q4 = NumberQuestion(
    "With a save rate of 15% and a cost of 50 RMB per win-back call, how many of the customers "
    "in decline in December 2015 are worth a call (expected value above zero)?",
    answer=2065, tolerance=0, unit="customers",
    hints=["`rank_winback(winback, save_rate=0.15, cost=50.0)` marks them in the column `call`.",
           "Sum that column."],
    solution="`rank_winback(winback, save_rate=0.15, cost=50.0)['call'].sum()` = 2,065 of the "
             "4,258 declining customers: P(alive) × value if alive must exceed 50 / 0.15 ≈ 333 RMB.",
    # all of them; P(alive) left out; save rate left out; margin left out; the 1,000 calls of the budget
    wrong_answers=[4258, 2348, 3537, 3712, 1000, 0],
)

q5 = NumberQuestion(
    "With the illustrative stage curves (`budget.STAGE_CURVES`), at what budget (thousand RMB) "
    "does the next yuan earn exactly one yuan of extra margin, so that a bigger budget stops "
    "paying for itself?",
    answer=908.9, tolerance=1.0, unit="k RMB", money=True,
    hints=["The shadow price of the budget is `allocate_budget(b, curves).attrs['shadow_price']`: "
           "find the b where it equals 1 (try values, or use `scipy.optimize.brentq`).",
           "With every stage funded the closed form gives ln λ = (Σ s_i ln m_i − B) / Σ s_i; set "
           "λ = 1: B = Σ s_i ln(scale_i / s_i)."],
    solution="B = 600 ln 1.5 + 400 ln 3 + 150 ln(10/3) + 250 ln 1.2 ≈ 909 thousand RMB. Below it "
             "the last yuan earns more than a yuan; above it, less: a budget of 1,000 is a little "
             "too big for these curves.",
    wrong_answers=[1000.0, 1400.0, 0.937, 3000.0],
)

q6 = MatchQuestion(
    "Match each survey item or record to the part of loyalty it measures (reading 000): "
    "'emotional', 'behavioural' or 'attitudinal'.",
    answer={"I feel proud to be a Mi fan": "emotional",
            "Bought three times in the last twelve months": "behavioural",
            "My next phone will be a Xiaomi": "attitudinal",
            "I would recommend Xiaomi to a friend": "attitudinal",
            "I feel attached to the brand": "emotional",
            "Renewed the phone within two years of the last one": "behavioural"},
    labels=["emotional", "behavioural", "attitudinal"],
    aliases={"emotional": "情感忠诚", "behavioural": ["行为忠诚", "behavioral"], "attitudinal": "意识忠诚"},
    hints=["Behavioural loyalty is what the transaction log records: purchases, not words.",
           "Emotional loyalty is a feeling about the brand; attitudinal loyalty is a stated "
           "intention or commitment (what the customer says they will do)."],
    solution="Feelings (pride, attachment) are emotional; intentions (next phone, recommending) "
             "are attitudinal; recorded purchases are behavioural.",
    wrong_answers=[{"I feel proud to be a Mi fan": "attitudinal",
                    "Bought three times in the last twelve months": "behavioural",
                    "My next phone will be a Xiaomi": "behavioural",
                    "I would recommend Xiaomi to a friend": "emotional",
                    "I feel attached to the brand": "emotional",
                    "Renewed the phone within two years of the last one": "behavioural"}],
)
