"""Exercises for casestudies/xiaomi/01_company_and_idic: timeline, IDIC, SWOT, the forum in numbers,
and where the next yuan goes when one score changes."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion
from helpers.xiaomi import IDIC_STEPS, QUADRANTS

q1 = ChoiceQuestion(
    key="xiaomi_company_and_idic.q1",
    answer="differentiate",
    options=["identify", "differentiate", "interact", "customize"], aliases=IDIC_STEPS,
    wrong_answers=["identify", "customize", "interact", "segment"],
)

q2 = MatchQuestion(
    key="xiaomi_company_and_idic.q2",
    answer={"Cost-price pricing": "strength", "Few service stations": "weakness",
            "A weaker Apple": "opportunity", "Operators' 1,000-yuan phones": "threat"},
    labels=list(QUADRANTS),
    aliases={**QUADRANTS, "Cost-price pricing": "成本价定价", "Few service stations": "服务网点少",
             "A weaker Apple": "苹果走弱", "Operators' 1,000-yuan phones": "运营商的千元机"},
    wrong_answers=[{"Cost-price pricing": "strength", "Few service stations": "threat",
                    "A weaker Apple": "opportunity", "Operators' 1,000-yuan phones": "weakness"},
                   {"Cost-price pricing": "opportunity", "Few service stations": "weakness",
                    "A weaker Apple": "strength", "Operators' 1,000-yuan phones": "threat"}],
)

q3 = NumberQuestion(
    key="xiaomi_company_and_idic.q3",
    answer=209_158_339 / 19_697_554, tolerance=0.005,
    wrong_answers=[19_697_554 / 209_158_339, 10.0, 11.0, 209.16],
)

q4 = NumberQuestion(
    key="xiaomi_company_and_idic.q4",
    answer=209_158_339 / 1533, rel_tolerance=0.01,
    wrong_answers=[209_158_339 / 365, 209_158_339 / (4 * 365) * 10, 13_644.0],
)

q5 = SetQuestion(
    key="xiaomi_company_and_idic.q5",
    answer={"d"}, options=["a", "b", "c", "d"],
    wrong_answers=[{"a", "d"}, {"a", "b", "d"}, {"a", "c", "d"}, {"a"}],
)

q6 = ChoiceQuestion(
    key="xiaomi_company_and_idic.q6",
    answer="A", options=["A", "B", "C", "D"],
    wrong_answers=["C", "D", "B"],
)
