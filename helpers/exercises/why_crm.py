"""Exercises for notebooks/01_why_crm: retention economics, the one customer view, IDIC."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion
from helpers.xiaomi import IDIC_STEPS

q1 = ChoiceQuestion(
    key="why_crm.q1",
    answer="retention",
    options=["retention", "discount rate", "the same"],
    aliases={"retention": ["保有率", "提高保有率"], "discount rate": ["折现率", "降低折现率"],
             "the same": ["一样", "相同", "一样多"]},
    wrong_answers=["discount rate", "the same", "discount"],
)

q2 = ChoiceQuestion(
    key="why_crm.q2",
    answer="only A",
    options=["only A", "only B", "both", "neither"],
    aliases={"only A": ["只资助A", "只资助 A", "仅A", "只有A"], "only B": ["只资助B", "只资助 B", "仅B", "只有B"],
             "both": ["都资助", "两个都资助", "两者都"], "neither": ["都不资助", "都不", "两者都不"]},
    wrong_answers=["only B", "both", "neither", "A"],
)

q3 = NumberQuestion(
    key="why_crm.q3",
    answer=4,
    tolerance=0,
    wrong_answers=[19, 15, 16, 26, 5],
)

q4 = NumberQuestion(
    key="why_crm.q4",
    answer=32921.0,
    tolerance=0.5,
    money=True,
    wrong_answers=[50766.0, 56569.0, 110429.0, 11],
)

q5 = MatchQuestion(
    key="why_crm.q5",
    answer={"enquiries at Xiaomi Home stores": "identify",
            "ABC, RFM and CLV analysis": "differentiate",
            "the forum where users propose improvements": "interact",
            "the Redmi Note": "customize"},
    labels=["identify", "differentiate", "interact", "customize"],
    aliases={**IDIC_STEPS,
             "enquiries at Xiaomi Home stores": "小米之家门店的咨询",
             "ABC, RFM and CLV analysis": ["ABC、RFM 和 CLV 分析", "ABC、RFM和CLV分析"],
             "the forum where users propose improvements": "用户提出改进建议的论坛",
             "the Redmi Note": ["红米 Note", "红米Note"]},
    wrong_answers=[{"enquiries at Xiaomi Home stores": "interact",
                    "ABC, RFM and CLV analysis": "differentiate",
                    "the forum where users propose improvements": "identify",
                    "the Redmi Note": "customize"},
                   {"enquiries at Xiaomi Home stores": "identify",
                    "ABC, RFM and CLV analysis": "customize",
                    "the forum where users propose improvements": "interact",
                    "the Redmi Note": "differentiate"}],
)
