"""Warm-up exercises for notebooks/00_start_here: how the self-checking exercises work."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion
from helpers.glossary import TERMS

q1 = ChoiceQuestion(
    "In which lifecycle stage does revenue from a customer first start to exceed the firm's cost?",
    answer="formation",
    options=["exploration", "formation", "stability", "decline"],
    hints=["Look the four stages up in the glossary table above.",
           "In exploration the firm mostly pays; in stability profit is already at its highest."],
    solution="`'formation'` (形成期): trust grows, purchases rise and revenue starts to exceed cost "
             "(reading 000).",
    wrong_answers=["exploration", "stability", "Decline", "growth"],
)

q2 = MatchQuestion(
    "Match each Chinese term to its English key: 考察期, 稳定期, 客户终生价值, 客户粘度.",
    answer={"考察期": "exploration", "稳定期": "stability", "客户终生价值": "clv", "客户粘度": "stickiness"},
    # any key of the glossary may be given; the Chinese stage names are the question, not answers
    labels=[term[0] for term in TERMS], stage_aliases=False,
    hints=["`glossary()` is indexed by the English key; its column `中文` holds the readings' Chinese term "
           "(common variants such as 客户黏性 are in the column `Variants`).",
           "Try `g[g['中文'] == '考察期'].index[0]`."],
    solution="`{'考察期': 'exploration', '稳定期': 'stability', '客户终生价值': 'clv', '客户粘度': 'stickiness'}`",
    wrong_answers=[{"考察期": "formation", "稳定期": "stability", "客户终生价值": "clv", "客户粘度": "stickiness"},
                   {"考察期": "exploration"},
                   {"考察期": "考察期", "稳定期": "稳定期", "客户终生价值": "clv", "客户粘度": "stickiness"}],
)

q3 = NumberQuestion(
    "How many different customers are in the CDNOW sample?",
    answer=2357, tolerance=0,
    unit="customers",
    hints=["Load it with `data.load_cdnow()`; each row is one purchase, not one customer.",
           "Count the distinct values of the `customer_id` column: `.nunique()`."],
    solution="`data.load_cdnow()['customer_id'].nunique()` gives 2,357 (6,919 purchases).",
    wrong_answers=[6919, 2356, 23570],
)
