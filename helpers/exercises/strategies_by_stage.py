"""Exercises for notebooks/07_strategies_by_stage: how deep to mail a campaign, what association
rules do and do not say, what a churn model adds over a simple rule, whom to call in a win-back
campaign and what the save rate must mean, the budget at which the next yuan stops paying, which
lever to fund, and the three kinds of loyalty."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion

q1 = NumberQuestion(
    key="strategies_by_stage.q1",
    answer=4, tolerance=0,
    # the tenths with lift > 1; the cumulative rate above 2%; only the best tenth; half the list
    wrong_answers=[3, 10, 1, 5, 0.4],
)

q2 = SetQuestion(
    key="strategies_by_stage.q2",
    answer={"B", "D", "E"}, options=["A", "B", "C", "D", "E", "F"],
    wrong_answers=[{"A", "B", "D"}, {"B", "C", "D", "E"}, {"B", "E"}, {"B", "D", "E", "F"},
                   {"A", "C", "F"}],
)

q3 = NumberQuestion(
    key="strategies_by_stage.q3",
    answer=64, tolerance=5,
    # the model's churners alone; the yardstick's; difference of lifts; difference of AUCs × 1,005;
    # the model's calls wasted on customers who stay
    wrong_answers=[704, 640, 0.146, 101, 301],
)

q4 = SetQuestion(
    key="strategies_by_stage.q4",
    answer={"B", "C", "E"}, options=["A", "B", "C", "D", "E"],
    # P(alive) above 0.5; value above 333 RMB (P(alive) left out); value above 50 (save rate left
    # out); the two most valuable; everyone
    wrong_answers=[{"A", "C", "E"}, {"B", "C", "D", "E"}, {"A", "B", "C", "D", "E"}, {"B", "D"},
                   {"B", "C"}],
)

q5 = ChoiceQuestion(
    key="strategies_by_stage.q5",
    answer="b", options=["a", "b", "c", "d"],
    wrong_answers=["a", "c", "d"],
)

q6 = NumberQuestion(
    key="strategies_by_stage.q6",
    answer=908.9, tolerance=1.0, money=True,
    wrong_answers=[1000.0, 1400.0, 0.937, 3000.0],
)

q7 = SetQuestion(
    key="strategies_by_stage.q7",
    answer={"formation", "stability"},
    options=["exploration", "formation", "stability", "decline"],
    # the stages furthest from saturation; the one that gets the most new money; every proposal
    # (100 > 50); only the largest stage; none (the shadow price is below 1)
    wrong_answers=[{"exploration", "decline"}, {"decline"},
                   {"exploration", "formation", "stability", "decline"}, {"formation"}, set()],
)

q8 = MatchQuestion(
    key="strategies_by_stage.q8",
    answer={"I feel proud to be a Mi fan": "emotional",
            "Bought three times in the last twelve months": "behavioural",
            "My next phone will be a Xiaomi": "attitudinal",
            "I would recommend Xiaomi to a friend": "attitudinal",
            "I feel attached to the brand": "emotional",
            "Renewed the phone within two years of the last one": "behavioural"},
    labels=["emotional", "behavioural", "attitudinal"],
    aliases={"emotional": "情感忠诚", "behavioural": ["行为忠诚", "behavioral"], "attitudinal": "意识忠诚",
             "I feel proud to be a Mi fan": "我为自己是米粉而自豪",
             "Bought three times in the last twelve months": "过去十二个月买过三次",
             "My next phone will be a Xiaomi": "我的下一部手机还会是小米",
             "I would recommend Xiaomi to a friend": "我会向朋友推荐小米",
             "I feel attached to the brand": "我对这个品牌有感情",
             "Renewed the phone within two years of the last one": "距上次购机不到两年就换了新机"},
    wrong_answers=[{"I feel proud to be a Mi fan": "attitudinal",
                    "Bought three times in the last twelve months": "behavioural",
                    "My next phone will be a Xiaomi": "behavioural",
                    "I would recommend Xiaomi to a friend": "emotional",
                    "I feel attached to the brand": "emotional",
                    "Renewed the phone within two years of the last one": "behavioural"}],
)
