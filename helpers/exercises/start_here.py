"""Warm-up exercises for notebooks/00_start_here: how the self-checking exercises work."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

#: What the glossary's columns say about a word (exercise 2).
GLOSSARY_COLUMNS = ["main term", "also in the readings", "variant", "avoid"]

q1 = ChoiceQuestion(
    "Predict before you look anything up: while a new customer is in the exploration stage "
    "(考察期), testing the firm with small trial orders, is the firm's profit from that customer "
    "positive, about zero, or negative?",
    answer="negative",
    options=["positive", "about zero", "negative"],
    hints=["Think of both sides of the account: what does a customer who is only trying the firm out "
           "buy, and what has the firm spent to find and win her?",
           "Profit = revenue − the firm's investment in the relationship. Trial orders are small; "
           "research and acquisition are not.",
           "Check your prediction with the course's lifecycle model (notebook 02): "
           "`lifecycle.lifecycle_curve().groupby('stage', sort=False)['profit'].sum()`."],
    solution="`'negative'`. In exploration the customer places trial orders well below her real needs "
             "while the firm already bears the cost of the relationship, and the customer has not yet "
             "contributed much (reading 000); that profit is below zero is the course's reading of it. "
             "Revenue first exceeds cost in formation (形成期, reading 000), and profit peaks in "
             "stability. In the "
             "course's lifecycle model the firm is 90 money units in the red after three months of "
             "exploration: the price of a new relationship.",
    wrong_answers=["positive", "about zero", "Negativ"],
)

q2 = MatchQuestion(
    "An essay on the readings uses five words: 保有率, 留存率, 衰退期, 客户终身价值 and TFM分析法. For "
    "each, what does the glossary make of it: \"main term\" (the readings' term, column `中文`), \"also "
    "in the readings\" (another word the readings use), \"variant\" (common elsewhere, not in the "
    "readings) or \"avoid\" (it misstates the readings)?",
    answer={"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
            "客户终身价值": "variant", "TFM分析法": "avoid"},
    labels=GLOSSARY_COLUMNS, stage_aliases=False,
    hints=["The glossary gives each term one row; the columns `中文`, `Also in the readings`, "
           "`Variants` and `Avoid` say how far a word is backed by the readings. Look for each word "
           "in every column, not only in `中文`, and read the column `Reading` of its row.",
           "Read character by character: 客户终身价值 and the glossary's 客户终生价值 differ in one "
           "character (身 and 生). And a word can appear in a reading and still be one to avoid.",
           "For one word: `g = glossary()`, then `for column in ['中文', 'Also in the readings', "
           "'Variants', 'Avoid']: print(column, g[column].str.contains('留存率').any())`."],
    solution="`{'保有率': 'main term', '留存率': 'variant', '衰退期': 'also in the readings', "
             "'客户终身价值': 'variant', 'TFM分析法': 'avoid'}`. 保有率 is reading 004's word for the "
             "retention rate; 留存率 is common elsewhere but not in the readings; 衰退期 is reading 000's "
             "other name for the decline stage 退化期; 客户终身价值 (终身, for life) is the common form of "
             "the readings' 客户终生价值. TFM分析法 is in readings 000 and 001, yet to be avoided: it is "
             "most likely a slip for RFM, and copying it would repeat the slip. An essay on the readings "
             "should use their words, and say so when it does not.",
    wrong_answers=[{"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
                    "客户终身价值": "main term", "TFM分析法": "avoid"},
                   {"保有率": "main term", "留存率": "variant", "衰退期": "also in the readings",
                    "客户终身价值": "variant", "TFM分析法": "also in the readings"},
                   {"保有率": "variant", "留存率": "main term", "衰退期": "avoid",
                    "客户终身价值": "avoid", "TFM分析法": "main term"},
                   {"保有率": "main term"}],
)

q3 = NumberQuestion(
    "How many different customers are in the CDNOW sample?",
    answer=2357, tolerance=0,
    unit="customers",
    hints=["Each row of the data is one purchase, not one customer: a customer who bought five "
           "times has five rows.",
           "Count the distinct values of the column that names the customer, not the rows.",
           "`cdnow['customer_id'].nunique()` (and compare it with `len(cdnow)`)."],
    solution="`data.load_cdnow()['customer_id'].nunique()` gives 2,357 customers, who made 6,919 "
             "purchases: about three each.",
    wrong_answers=[6919, 2356, 23570],
)
