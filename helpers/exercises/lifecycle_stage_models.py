"""Exercises for notebooks/02_lifecycle_stage_models: stage traits, stage models, the lifecycle curve."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion
from helpers.lifecycle import ACTIVE_STAGES

q1 = SetQuestion(
    key="lifecycle_stage_models.q1",
    answer=["formation", "stability"],
    options=list(ACTIVE_STAGES),
    wrong_answers=[["formation", "stability", "decline"], ["exploration", "formation", "stability"],
                   list(ACTIVE_STAGES), ["stability"]],
)

q2 = MatchQuestion(
    key="lifecycle_stage_models.q2",
    answer={"small trial orders": "exploration",
            "orders grow as trust builds": "formation",
            "steady rhythm, large volumes": "stability",
            "buys less from us though its own demand has not fallen": "decline"},
    aliases={"small trial orders": "小额试探性订单",
             "orders grow as trust builds": "随着信任增加，订单增多",
             "steady rhythm, large volumes": "节奏稳定，购买量大",
             "buys less from us though its own demand has not fallen": "自身需求并未减少，从我们这里买得却少了"},
    wrong_answers=[{"small trial orders": "exploration",
                    "orders grow as trust builds": "stability",
                    "steady rhythm, large volumes": "formation",
                    "buys less from us though its own demand has not fallen": "decline"},
                   {"small trial orders": "decline",
                    "orders grow as trust builds": "formation",
                    "steady rhythm, large volumes": "stability",
                    "buys less from us though its own demand has not fallen": "exploration"}],
)

q3 = ChoiceQuestion(
    key="lifecycle_stage_models.q3",
    answer="shorter stability",
    options=["longer exploration", "shorter stability", "the same"],
    aliases={"longer exploration": ["考察期延长", "延长考察期"], "shorter stability": ["稳定期缩短", "缩短稳定期"],
             "the same": ["一样", "相同"]},
    wrong_answers=["longer exploration", "the same", "stability"],
)

q4 = NumberQuestion(
    key="lifecycle_stage_models.q4",
    answer=11,
    tolerance=0,
    wrong_answers=[10, 8, 9, 12],
)
