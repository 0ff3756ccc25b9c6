"""Exercises for notebooks/09_multisided_platforms: predicting what a subsidy and the ad load do to
each side, funnels, steady states, the best ad load, and the two business models of reading 003."""
from helpers.exercises.core import MatchQuestion, NumberQuestion

_DIRECTIONS = ["up", "down", "unchanged"]
_ALIASES = {"readers": "读者", "contributors": ["大V博主", "大V", "大V作者", "big-name contributors"],
            "business clients": ["advertisers", "clients", "商业客户"],
            "ad revenue in the last month": ["最后一个月的广告收入", "末月广告收入", "广告收入"],
            "cumulative profit": "累计利润",
            "up": ["higher", "rises", "more", "increases", "上升", "增加", "升高", "提高"],
            "down": ["lower", "falls", "fewer", "less", "decreases", "下降", "减少", "降低"],
            "unchanged": ["same", "the same", "no change", "no effect", "不变", "没有变化", "无变化"]}

q1 = MatchQuestion(
    key="multisided_platforms.q1",
    answer={"readers": "unchanged", "contributors": "unchanged", "business clients": "up",
            "ad revenue in the last month": "up"},
    labels=_DIRECTIONS, aliases=_ALIASES,
    wrong_answers=[{"readers": "up", "contributors": "up", "business clients": "up",
                    "ad revenue in the last month": "up"},
                   {"readers": "up", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "up"},
                   {"readers": "unchanged", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "down"}],
)

q2 = MatchQuestion(
    key="multisided_platforms.q2",
    answer={"readers": "down", "contributors": "down", "business clients": "down",
            "ad revenue in the last month": "up", "cumulative profit": "up"},
    labels=_DIRECTIONS, aliases=_ALIASES,
    wrong_answers=[{"readers": "down", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "up", "cumulative profit": "up"},
                   {"readers": "down", "contributors": "down", "business clients": "down",
                    "ad revenue in the last month": "down", "cumulative profit": "down"},
                   {"readers": "down", "contributors": "unchanged", "business clients": "unchanged",
                    "ad revenue in the last month": "up", "cumulative profit": "up"}],
)

q3 = NumberQuestion(
    key="multisided_platforms.q3",
    answer=100, tolerance=0.5,
    wrong_answers=[10_000, 155_000, 5_000, 20_000, 2_500],
)

q4 = NumberQuestion(
    key="multisided_platforms.q4",
    answer=91_743.12, rel_tolerance=0.005,
    wrong_answers=[201_612.9, 100_000, 90_909.1, 1_000_000, 250_000],
)

q5 = NumberQuestion(
    key="multisided_platforms.q5",
    answer=0.25, tolerance=0.01, share=True,
    wrong_answers=[0.4, 1.0, 0.0, 0.2, 0.3],
)

q6 = MatchQuestion(
    key="multisided_platforms.q6",
    answer={"A": "platform strategy", "B": "enterprise as media", "C": "enterprise as media",
            "D": "platform strategy"},
    aliases={"platform strategy": "平台战略", "enterprise as media": "企业媒体化"},
    wrong_answers=[{"A": "enterprise as media", "B": "platform strategy", "C": "enterprise as media",
                    "D": "platform strategy"},
                   {"A": "platform strategy", "B": "platform strategy", "C": "platform strategy",
                    "D": "platform strategy"},
                   {"A": "platform strategy", "B": "enterprise as media"}],
)
