"""Exercises for casestudies/xiaomi/02_lifecycle_in_practice: practice per stage, forum members'
transitions, win-backs around launches (synthetic Mi-fan data), and after-sales or the forum
per yuan spent."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = MatchQuestion(
    key="xiaomi_lifecycle_in_practice.q1",
    answer={"Building MIUI before the phone": "exploration",
            "Operator contract phones": "formation",
            "Offline fan meetups (同城会)": "stability",
            "Launching Redmi and Redmi Note": "decline"},
    aliases={"Building MIUI before the phone": "先做MIUI再做手机", "Operator contract phones": "运营商合约机",
             "Offline fan meetups (同城会)": ["同城会", "线下同城会"],
             "Launching Redmi and Redmi Note": "推出红米和红米Note"},
    wrong_answers=[{"Building MIUI before the phone": "exploration", "Operator contract phones": "formation",
                    "Offline fan meetups (同城会)": "stability", "Launching Redmi and Redmi Note": "exploration"},
                   {"Building MIUI before the phone": "formation", "Operator contract phones": "exploration",
                    "Offline fan meetups (同城会)": "decline", "Launching Redmi and Redmi Note": "stability"}],
)

q2 = NumberQuestion(
    key="xiaomi_lifecycle_in_practice.q2",
    answer=0.0851015939923472 - 0.12577340122250302, tolerance=0.002, share=True,
    # the sign turned round; the generator's true difference; members' rate; non-members' rate
    wrong_answers=[0.0407, -0.06, 0.085, -0.126],
)

q3 = NumberQuestion(
    key="xiaomi_lifecycle_in_practice.q3",
    answer=1103.7760173510276, rel_tolerance=0.005,
    # the observed win-backs; the extra ones; at-risk months times the window's own rate
    wrong_answers=[1209.0, 105.22, 9523 * 0.126956],
)

q4 = ChoiceQuestion(
    key="xiaomi_lifecycle_in_practice.q4",
    answer="c", options=["a", "b", "c", "d"],
    wrong_answers=["a", "b", "d"],
)

q5 = MatchQuestion(
    key="xiaomi_lifecycle_in_practice.q5",
    answer={"rescued won back to formation": "A", "rescued stay in decline": "B"},
    labels=["A", "B"],
    aliases={"rescued won back to formation": "挽回的客户回到形成期",
             "rescued stay in decline": "挽回的客户留在退化期"},
    wrong_answers=[{"rescued won back to formation": "A", "rescued stay in decline": "A"},
                   {"rescued won back to formation": "B", "rescued stay in decline": "B"},
                   {"rescued won back to formation": "B", "rescued stay in decline": "A"}],
)
