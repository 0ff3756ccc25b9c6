"""Exercises for casestudies/xiaomi/03_hunger_marketing_and_community: the flash-sale model, and
flash sales or free selling as frustration varies."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    key="xiaomi_hunger_marketing.q1",
    answer=2.5, tolerance=0.01,
    wrong_answers=[5.0, 35.0, 0.0, 40.0],
)

q2 = NumberQuestion(
    key="xiaomi_hunger_marketing.q2",
    answer=0.4, tolerance=0.001, share=True,
    wrong_answers=[0.025, 2.5, 0.1, 0.075],
)

q3 = NumberQuestion(
    key="xiaomi_hunger_marketing.q3",
    answer=20 / 0.3, tolerance=0.01,
    wrong_answers=[40.0, 20.0, 100.0, 80.0],
)

q4 = ChoiceQuestion(
    key="xiaomi_hunger_marketing.q4",
    answer="buzz that fades half as fast (decay 0.15)",
    options=["double the weekly supply", "double the new prospects per week",
             "buzz that fades half as fast (decay 0.15)", "a campaign twice as long"],
    aliases={"double the weekly supply": ["每周供货翻倍", "供货翻倍"],
             "double the new prospects per week": ["每周新潜在客户翻倍", "新潜在客户翻倍"],
             "buzz that fades half as fast (decay 0.15)": ["口碑衰减减半", "口碑衰减减半（衰减率 0.15）",
                                                           "口碑衰减速度减半", "衰减率 0.15"],
             "a campaign twice as long": ["活动时间加倍", "活动时间翻倍"]},
    wrong_answers=["double the weekly supply", "a campaign twice as long", "double the new prospects per week"],
)

q5 = NumberQuestion(
    key="xiaomi_hunger_marketing.q5",
    answer=43.71, tolerance=0.05,
    wrong_answers=[150.0, 143.71, 19.01, 0.0, 23246.1],
)

q6 = MatchQuestion(
    key="xiaomi_hunger_marketing.q6",
    answer={"f = 0.05": "A", "f = 0.10": "B", "f = 0.20": "B"},
    labels=["A", "B"],
    aliases={"f = 0.05": ["f=0.05", "0.05"], "f = 0.10": ["f=0.10", "f = 0.1", "f=0.1", "0.1", "0.10"],
             "f = 0.20": ["f=0.20", "f = 0.2", "f=0.2", "0.2", "0.20"]},
    wrong_answers=[{"f = 0.05": "A", "f = 0.10": "A", "f = 0.20": "B"},
                   {"f = 0.05": "B", "f = 0.10": "B", "f = 0.20": "B"},
                   {"f = 0.05": "A", "f = 0.10": "A", "f = 0.20": "A"}],
)
