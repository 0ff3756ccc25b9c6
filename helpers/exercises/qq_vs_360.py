"""Exercises for casestudies/tencent/01_qq_vs_360: the 3Q war in numbers and as a forced choice,
and which unobserved assumption the ultimatum hangs on."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion(
    key="qq_vs_360.q1",
    answer=400.0, tolerance=0.5,
    wrong_answers=[225.0, 612.5, 375.0, 75.0],
)

q2 = ChoiceQuestion(
    key="qq_vs_360.q2",
    answer="users with few friends",
    options=["users with few friends", "users with many friends", "users in the largest circles",
             "nobody: everyone keeps QQ"],
    aliases={"users with few friends": ["好友少的用户", "好友少的"],
             "users with many friends": ["好友多的用户", "好友多的"],
             "users in the largest circles": ["处在最大圈子里的用户", "最大圈子里的用户"],
             "nobody: everyone keeps QQ": ["没有人：所有人都保留 QQ", "没有人：所有人都保留QQ", "没有人",
                                           "所有人都保留 QQ", "所有人都保留QQ"]},
    wrong_answers=["users with many friends", "users in the largest circles", "nobody: everyone keeps QQ"],
)

#: Smallest λ on the grid 0, 0.02, ..., 0.30 at which more than half of the synthetic users keep
#: QQ (seed 0); tests/test_synth_tencent.py recomputes it from the data.
LAMBDA_GRID = [round(0.02 * k, 2) for k in range(16)]

q3 = NumberQuestion(
    key="qq_vs_360.q3",
    answer=0.10, tolerance=1e-6,
    wrong_answers=[0.08, 0.12, 0.0, 0.5],
)

q4 = ChoiceQuestion(
    key="qq_vs_360.q4",
    answer="tie strength", options=["tie strength", "base stickiness", "both equally"],
    aliases={"tie strength": ["关系强度", "关系强度 λ", "λ", "lambda"],
             "base stickiness": ["基础粘度", "基础黏性", "基础粘性"],
             "both equally": ["两者一样", "一样"]},
    wrong_answers=["base stickiness", "both equally"],
)
