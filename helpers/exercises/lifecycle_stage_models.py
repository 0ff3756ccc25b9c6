"""Exercises for notebooks/02_lifecycle_stage_models: stage traits, stage models, the lifecycle curve."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = ChoiceQuestion(
    "Which stage model does not count the end of the relationship as a stage of its own?",
    answer="Ford",
    options=["Ford", "Wackman & Salmon", "Iacobucci & Zerrillo", "Dwyer, Schurr & Oh", "Four-stage model"],
    hints=["Look for the row of the timeline figure that has no orange (decline) segment."],
    solution="Ford's five stages end with the institutionalised relationship; the end is not counted "
             "(reading 000).",
    wrong_answers=["Wackman & Salmon", "Iacobucci & Zerrillo", "Four-stage model"],
)

q2 = MatchQuestion(
    "Match each behaviour to its stage ('exploration', 'formation', 'stability' or 'decline'): "
    "'small trial orders', 'orders grow as trust builds', 'steady rhythm, large volumes', "
    "'buys less from us though its own demand has not fallen'.",
    answer={"small trial orders": "exploration",
            "orders grow as trust builds": "formation",
            "steady rhythm, large volumes": "stability",
            "buys less from us though its own demand has not fallen": "decline"},
    hints=["Reread the table of stage traits: what does each stage's customer buy, and how often?",
           "Trial orders far below real needs come first; a falling share of an unchanged demand comes last."],
    solution="Trial orders: exploration 考察期; growing orders: formation 形成期; steady, large purchases: "
             "stability 稳定期; a falling share of a steady demand: decline 退化期 (reading 000).",
    wrong_answers=[{"small trial orders": "exploration",
                    "orders grow as trust builds": "stability",
                    "steady rhythm, large volumes": "formation",
                    "buys less from us though its own demand has not fallen": "decline"},
                   {"small trial orders": "decline",
                    "orders grow as trust builds": "formation",
                    "steady rhythm, large volumes": "stability",
                    "buys less from us though its own demand has not fallen": "exploration"}],
)

q3 = NumberQuestion(
    "Suppose the customer tests the firm for 5 months instead of 3 (`lifecycle.lifecycle_curve("
    "exploration=5)`, other settings at their defaults). What is the cumulative profit at the end of "
    "formation, in money units?",
    answer=52.5, tolerance=0.05, unit="money units", money=True,
    hints=["Build the curve with `lifecycle.lifecycle_curve(exploration=5)`, select the rows whose "
           "`stage` is 'formation' and look at the last `cumulative_profit`.",
           "`c = lifecycle.lifecycle_curve(exploration=5)`, then "
           "`c.loc[c['stage'] == 'formation', 'cumulative_profit'].iloc[-1]`."],
    solution="52.5 money units, against 117.5 with 3 months of exploration: two more months of testing "
             "cost the firm 65 by the end of formation, because it pays 40 a month in exploration and "
             "earns little.",
    wrong_answers=[117.5, -90.0, 207.5, 1357.5, 90.0],
)

q4 = NumberQuestion(
    "Keep the other defaults, but suppose the customer stays in stability for only 6 months instead "
    "of 12 before declining. What is the cumulative profit at the end of the relationship?",
    answer=817.5, tolerance=0.05, unit="money units", money=True,
    hints=["`lifecycle.lifecycle_curve(stability=6)`.",
           "The last value of `cumulative_profit`; or reason: each month of stability earns 100 − 10."],
    solution="817.5 money units, against 1,357.5 with twelve months of stability: every month of "
             "stability is worth 90 (revenue 100, investment 10), so six fewer months cost 540.",
    wrong_answers=[1357.5, 540.0, 277.5, 1080.0, 117.5],
)
