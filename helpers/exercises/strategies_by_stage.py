"""Exercises for notebooks/07_strategies_by_stage: how deep to mail a campaign, what association
rules do and do not say, what a churn model adds over a simple rule, whom to call in a win-back
campaign and what the save rate must mean, the budget at which the next yuan stops paying, which
lever to fund, and the three kinds of loyalty."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion

q1 = NumberQuestion(
    "The next campaign costs 2 RMB per prospect mailed, and each responder brings 100 RMB of "
    "margin. You mail the test prospects best-scored first, a whole tenth (group of the gains "
    "table) at a time. How many tenths should you mail to make the most profit?",
    answer=4, tolerance=0, unit="tenths",
    hints=["Think of each tenth on its own: mail it only if the responders it brings are worth "
           "more than the leaflets it costs. Its own response rate decides, not the average of "
           "everything mailed so far.",
           "A tenth of 1,000 prospects pays when response_rate × 100 RMB > 2 RMB, i.e. when its "
           "response rate is above 2%. Profit of mailing tenths 1..k = 100 × responders − 2 × prospects.",
           "`profit = 100 * gains['responders'].cumsum() - 2 * gains['prospects'].cumsum()`, then "
           "`profit.idxmax()`."],
    solution="4 tenths. Tenth 4 responds at 2.2%, so its 1,000 leaflets (2,000 RMB) bring 22 "
             "responders (2,200 RMB): it still pays, just. Tenth 5 responds at 1.5% and loses 500 RMB. "
             "Profit is 13,900 RMB for four tenths, 13,700 for three, and −600 for mailing everyone. "
             "Mailing while the *cumulative* response rate stays above 2% would mail all ten tenths; "
             "mailing the tenths with a lift above 1 stops at three: both answer other questions. "
             "(We decide on the test half for simplicity; in practice you would set the cut-off on "
             "the past campaign and check it on the next.)",
    # the tenths with lift > 1; the cumulative rate above 2%; only the best tenth; half the list
    wrong_answers=[3, 10, 1, 5, 0.4],
)

q2 = SetQuestion(
    "Which of these statements about the association rules of the synthetic orders are true? "
    "A: Mi TV → accessories (confidence 0.995) is a better cross-sell rule for TV owners than "
    "Mi TV → Mi Pad (confidence 0.646). B: A TV owner is about two and a half times as likely as "
    "the average customer to own a Mi Pad. C: If the firm offers a Mi Pad to every TV owner who "
    "has none, about 65% of them will buy one. D: Mi Pad → Mi TV has the same lift as "
    "Mi TV → Mi Pad. E: The lift of Mi TV → accessories (1.09) says TV owners are hardly more "
    "likely than anyone else to own accessories. F: Mi 1 → Mi 1S, the rule with the highest lift, "
    "is the best cross-selling opportunity in the table.",
    answer={"B", "D", "E"}, options=["A", "B", "C", "D", "E", "F"],
    hints=["For each statement ask: does it compare with the base rate (how many customers own the "
           "product anyway)? Does it claim what an offer would *cause*? Does it mix up buying "
           "something together with buying it later?",
           "Lift = P(B | A) / P(B) = support(A and B) / (support(A) × support(B)), symmetric in A and B. "
           "Confidence P(B | A) counts customers who already bought B, with no offer at all.",
           "`rules[rules['antecedent'].isin(['Mi TV', 'Mi Pad'])]` shows both directions of the "
           "TV–Pad rule and the accessories rules side by side."],
    solution="B, D and E. A is the confidence trap: nine customers in ten own accessories, so "
             "almost any rule towards them has a high confidence; the lift of 1.09 (E) shows TV "
             "owners are hardly different. B is the lift of 2.47, and D holds because lift is "
             "symmetric. C is false twice over: the 65% are TV owners who already own a Pad, "
             "without any offer, and an association is not the effect of an offer (a test campaign "
             "measures that). F is up-selling over time, customers replacing a phone with its "
             "successor, not two products bought together.",
    wrong_answers=[{"A", "B", "D"}, {"B", "C", "D", "E"}, {"B", "E"}, {"B", "D", "E", "F"},
                   {"A", "C", "F"}],
)

q3 = NumberQuestion(
    "A retention team can call 10% of the 11,855 customers of the test cut-off (1,186 calls). "
    "How many more churners does it reach if it calls the 1,186 the logistic regression scores "
    "riskiest, instead of the 1,186 with the most days since their last purchase (the yardstick)?",
    answer=29, tolerance=5, unit="churners",
    hints=["Top-decile lift is the churn rate of the called tenth over the overall churn rate. "
           "Turn each lift back into a number of churners on the list, then compare.",
           "churners on the list = lift × overall churn rate × 1,186; the difference is "
           "(lift_model − lift_yardstick) × 0.266 × 1,186.",
           "`(report.loc['logistic regression', 'top_decile_lift'] - yardstick.loc['recency', "
           "'top_decile_lift']) * test['churn'].mean() * 1186`, or count the churners among "
           "`predictions['logistic regression'].nlargest(1186).index` and among the 1,186 largest "
           "`test['recency_days']`."],
    solution="About 29: the model's list holds 838 churners, the yardstick's 809 (ties in the days "
             "since the last purchase can move that by a few). Of 1,186 calls, both lists waste "
             "about 350 on customers who would have stayed. At a save rate of 15% the model keeps "
             "about 4 more customers per campaign than the simple rule: whether that pays for "
             "building and maintaining a model depends on what a kept customer is worth "
             "(discussion question 3).",
    # the model's churners alone; the yardstick's; difference of lifts; difference of AUCs × 1,186
    wrong_answers=[838, 809, 0.092, 59, 315],
)

q4 = SetQuestion(
    "Five repeat buyers in decline (letters A–E) have P(alive) and value if alive (RMB): "
    "A 0.95 and 300; B 0.40 and 1,500; C 0.85 and 600; D 0.20 and 1,200; E 0.99 and 350. "
    "With a save rate of 15% and a cost of 50 RMB per call, which of them are worth a call?",
    answer={"B", "C", "E"}, options=["A", "B", "C", "D", "E"],
    hints=["A call pays if what it is expected to keep is worth more than it costs. Being alive "
           "alone is not enough, and neither is being valuable.",
           "value of a call = P(alive) × value if alive × save rate − cost; call when it is above 0.",
           "`churn.winback_value(np.array([0.95, 0.40, 0.85, 0.20, 0.99]), "
           "np.array([300, 1500, 600, 1200, 350]), 0.15, 50)`."],
    solution="B, C and E. The values are A −7.25, B +40, C +26.5, D −14 and E +1.98 RMB. A is almost "
             "surely alive but worth too little; D is valuable but probably gone; B, with P(alive) "
             "only 0.40, is the best call of the five. E barely pays: a slightly lower save rate "
             "would drop it.",
    # P(alive) above 0.5; value above 333 RMB (P(alive) left out); value above 50 (save rate left
    # out); the two most valuable; everyone
    wrong_answers=[{"A", "C", "E"}, {"B", "C", "D", "E"}, {"A", "B", "C", "D", "E"}, {"B", "D"},
                   {"B", "C"}],
)

q5 = ChoiceQuestion(
    "A colleague objects: 'Customer C of exercise 4 is probably alive (0.85), and an alive "
    "customer goes on buying anyway. So a call to C earns nothing, yet the formula credits it with "
    "0.85 × 600 × 0.15 = 76.5 RMB.' For P(alive) × value if alive × save rate − cost to be the "
    "value of a call, what must the save rate of 15% be? "
    "(a) the share of called customers who buy again within six months; "
    "(b) how much the call raises the chance of staying: the share of called customers who stay "
    "minus the share who stay in a comparable group that is not called; "
    "(c) the share of customers who answer the phone; "
    "(d) the share of declining customers who are still alive.",
    answer="b", options=["a", "b", "c", "d"],
    hints=["A call creates value only through customers whose behaviour it changes. Who are they?",
           "Compare two worlds for the same customer, with the call and without it. The value of "
           "the call is the difference: value if alive × [P(stay | call) − P(stay | no call)].",
           "A test campaign measures it: call a random half of a sample of declining customers, "
           "leave the other half alone, and subtract the two repurchase rates."],
    solution="(b). The value of a call lies only in the customers it keeps who would otherwise have "
             "left. A customer who would have gone on buying anyway gains nothing from the call, and "
             "the save rate must not count them: it is the *difference* in staying between called "
             "and not-called customers (an uplift), measured with a random control group. Read as "
             "(a), it would count everyone who would have bought anyway, and the colleague would be "
             "right: calls would look far better than they are. P(alive) (d) is already in the "
             "formula, and (c) is only the first step of a save.",
    wrong_answers=["a", "c", "d"],
)

q6 = NumberQuestion(
    "With the illustrative stage curves (`budget.STAGE_CURVES`), at what budget (thousand RMB) "
    "does the next yuan earn exactly one yuan of extra margin, so that a bigger budget stops "
    "paying for itself?",
    answer=908.9, tolerance=1.0, unit="k RMB", money=True,
    hints=["The shadow price (the return of the next yuan) falls as the budget grows: 1.96 at 250, "
           "0.94 at 1,000. Look for the budget where it crosses 1.",
           "With every stage funded the closed form gives ln λ = (Σ s_i ln m_i − B) / Σ s_i, where "
           "m_i = scale_i / s_i is the return of a stage's first yuan; set λ = 1 and solve for B.",
           "`optimize.brentq(lambda b: budget.allocate_budget(b, budget.STAGE_CURVES)"
           ".attrs['shadow_price'] - 1, 100, 3000)` (with `from scipy import optimize`)."],
    solution="B = 600 ln 1.5 + 400 ln 3 + 150 ln(10/3) + 250 ln 1.2 ≈ 909 thousand RMB. Below it "
             "the last yuan earns more than a yuan; above it, less: a budget of 1,000 is a little "
             "too big for these curves.",
    wrong_answers=[1000.0, 1400.0, 0.937, 3000.0],
)

q7 = SetQuestion(
    "Four proposals would each raise one stage's maximum extra margin (`scale`) by 100 thousand "
    "RMB: better targeting (exploration), a better recommender (formation), a loyalty programme "
    "(stability) and a better win-back script (decline). Each costs 50 thousand RMB, paid from "
    "another budget, and the budget of 1,000 thousand RMB is split again by equal marginal "
    "returns afterwards. Which proposals pay for themselves?",
    answer={"formation", "stability"},
    options=["exploration", "formation", "stability", "decline"],
    hints=["Predict first: a higher ceiling helps most where the stage already gets close to it. "
           "Which stages are far along their curves at the current split, and which have barely "
           "started?",
           "With r(x) = scale × (1 − e^{−x/s}), raising scale by 100 adds about "
           "100 × (1 − e^{−x/s}) at the current spend x (re-splitting adds a little more). "
           "Compare that with the cost of 50.",
           "`curves = budget.STAGE_CURVES.copy(); curves.loc[stage, 'scale'] += 100`, then "
           "`budget.allocate_budget(1000.0, curves).attrs['total_return'] - 1588.2` for each stage."],
    solution="Formation (+70) and stability (+74) pay; exploration (+39) and decline (+31) do not. "
             "At the current split stability reaches 72% of its ceiling and formation 69%, exploration "
             "only 38% and decline 22%, so 100 more at the top is worth most where the curve is "
             "already far along. The decline proposal is a trap: the re-split almost doubles "
             "decline's spend (62 to 121), which looks like success, but that money comes from "
             "other stages that were earning just as much with it.",
    # the stages furthest from saturation; the one that gets the most new money; every proposal
    # (100 > 50); only the largest stage; none (the shadow price is below 1)
    wrong_answers=[{"exploration", "decline"}, {"decline"},
                   {"exploration", "formation", "stability", "decline"}, {"formation"}, set()],
)

q8 = MatchQuestion(
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
