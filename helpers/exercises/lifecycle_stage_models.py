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
    "With the default lifecycle curve (`lifecycle.lifecycle_curve()`), what is the cumulative profit at "
    "the end of formation, in money units?",
    answer=117.5, tolerance=0.05, unit="money units",
    hints=["Select the rows whose `stage` is 'formation' and look at `cumulative_profit`.",
           "`curve.loc[curve['stage'] == 'formation', 'cumulative_profit'].iloc[-1]`."],
    solution="Exploration leaves the firm at −90; formation earns that back and more, ending at +117.5.",
    wrong_answers=[-90.0, 207.5, 1357.5, 90.0],
)

q4 = NumberQuestion(
    "Keep the default stage lengths but let decline start at the end of formation (the customer never "
    "reaches stability). What is the cumulative profit at the end of the relationship?",
    answer=277.5, tolerance=0.05, unit="money units",
    hints=["`lifecycle.lifecycle_curve(decline_starts='formation')`.",
           "The last value of `cumulative_profit`."],
    solution="277.5 money units, against 1,357.5 when the relationship goes through twelve months of "
             "stability: most of a customer's profit is earned in stability.",
    wrong_answers=[1357.5, 117.5, -142.5],
)
