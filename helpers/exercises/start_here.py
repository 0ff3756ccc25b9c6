"""Warm-up exercises for notebooks/00_start_here: how the self-checking exercises work."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

#: What the glossary's columns say about a word (exercise 2).
GLOSSARY_COLUMNS = ["main term", "also in the readings", "variant", "avoid"]
#: The same in Chinese, as the Chinese prompt of exercise 2 names them.
GLOSSARY_COLUMNS_ZH = {"main term": ["主术语", "主要术语"], "also in the readings": ["材料中的另一说法", "另一说法"],
                       "variant": "变体", "avoid": ["避免", "避免使用"]}

q1 = ChoiceQuestion(
    key="start_here.q1",
    answer="negative",
    options=["positive", "about zero", "negative"],
    aliases={"positive": ["正", "为正", "正的"], "about zero": ["约为零", "约为 0", "接近零", "零"],
             "negative": ["负", "为负", "负的"]},
    wrong_answers=["positive", "about zero", "Negativ"],
)

q2 = MatchQuestion(
    key="start_here.q2",
    answer={"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
            "客户终身价值": "variant", "TFM分析法": "avoid"},
    labels=GLOSSARY_COLUMNS,
    aliases=GLOSSARY_COLUMNS_ZH,
    stage_aliases=False,
    wrong_answers=[{"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
                    "客户终身价值": "main term", "TFM分析法": "avoid"},
                   {"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
                    "客户终身价值": "variant", "TFM分析法": "also in the readings"},
                   {"保有率": "variant", "留存率": "main term", "衰退期": "avoid",
                    "客户终身价值": "avoid", "TFM分析法": "main term"},
                   {"保有率": "main term"}],
)

q3 = NumberQuestion(
    key="start_here.q3",
    answer=2357,
    tolerance=0,
    wrong_answers=[6919, 2356, 23570],
)
