"""Exercises for notebooks/02_lifecycle_stage_models: stage traits, stage models, the lifecycle curve."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion
from helpers.lifecycle import ACTIVE_STAGES

q1 = SetQuestion(
    "Read the timeline figure: which stages of the four-stage model does every one of the five "
    "stage models cover with at least one stage of its own? Give a list of stages, e.g. "
    "[\"exploration\", \"decline\"].",
    answer=["formation", "stability"],
    options=list(ACTIVE_STAGES),
    hints=["Go colour by colour: is there a row of the figure without that colour?",
           "Two rows lack a colour: Ford has no decline (orange), and Iacobucci & Zerrillo start "
           "with development, not with a stage of exploration. What is left in every row?",
           "In code: `set.intersection(*models.groupby('model')['four_stage'].apply(set))`."],
    solution="`['formation', 'stability']`. Every model has a stage of growth and a stage of mature, "
             "committed exchange. They differ at the edges: Ford stops before the end (reading 000 "
             "notes that Ford does not count the end as a stage), and the network-dyad model of "
             "Iacobucci & Zerrillo starts with development out of the open network, with no stage of "
             "testing before it.",
    wrong_answers=[["formation", "stability", "decline"], ["exploration", "formation", "stability"],
                   list(ACTIVE_STAGES), ["stability"]],
)

q2 = MatchQuestion(
    "Match each behaviour to its stage ('exploration', 'formation', 'stability' or 'decline'): "
    "'small trial orders', 'orders grow as trust builds', 'steady rhythm, large volumes', "
    "'buys less from us though its own demand has not fallen'.",
    answer={"small trial orders": "exploration",
            "orders grow as trust builds": "formation",
            "steady rhythm, large volumes": "stability",
            "buys less from us though its own demand has not fallen": "decline"},
    hints=["Think of the order in which a relationship grows: testing, growing, settled, fading.",
           "Reread the column 'the customer' of the table of stage traits: what does each stage's "
           "customer buy, and how often?",
           "Trial orders far below real needs come first; a falling share of an unchanged demand "
           "comes last, and can follow any stage."],
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

q3 = ChoiceQuestion(
    "Predict before you compute. Starting from the default curve, which change costs the firm more "
    "cumulative profit over the whole relationship: the customer tests the firm for two more months "
    "(exploration 5 months instead of 3), or stays in stability for two fewer months (10 instead of "
    "12)? Answer \"longer exploration\", \"shorter stability\" or \"the same\".",
    answer="shorter stability",
    options=["longer exploration", "shorter stability", "the same"],
    hints=["Exploration months are the loss-making ones, but what does a month of stability bring in?",
           "A month of exploration loses at most 40 (investment) minus a little revenue; a month of "
           "stability earns revenue 100 minus investment 10.",
           "Compare the last `cumulative_profit` of `lifecycle.lifecycle_curve(exploration=5)` and of "
           "`lifecycle.lifecycle_curve(stability=10)` with the default 1,357.5."],
    solution="Shorter stability: it costs 180 (two months of 90 each; the relationship ends at 1,177.5), "
             "while two more months of testing cost 65 (ending at 1,292.5). Losses in exploration are "
             "small beside what a month of stability earns: keeping customers in stability is worth "
             "more than shortening their trial.",
    wrong_answers=["longer exploration", "the same", "stability"],
)

q4 = NumberQuestion(
    "With the default curve, cumulative profit first turns positive in month 8. If the customer tests "
    "the firm for 5 months instead of 3 (other settings at their defaults), in which month does it "
    "first turn positive? Predict first, then compute.",
    answer=11, tolerance=0,
    hints=["Two more months of exploration push formation two months later, and leave the firm deeper "
           "in the red when formation begins.",
           "Break-even is the first period whose `cumulative_profit` is above 0.",
           "`c = lifecycle.lifecycle_curve(exploration=5)`, then `c.index[c['cumulative_profit'] > 0][0]`."],
    solution="Month 11, three months later than the default, not two: the two extra months shift "
             "formation two months later and also add a loss of 65, which takes formation one more "
             "month to earn back (cumulative profit is 52.5 at the end of formation instead of 117.5).",
    wrong_answers=[10, 8, 9, 12],
)
