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
    answer=0.05515553405242337 - 0.09860705757495357, tolerance=0.002, share=True,
    wrong_answers=[0.0434, -0.06, 0.055, -0.099],
)

q3 = NumberQuestion(
    key="xiaomi_lifecycle_in_practice.q3",
    answer=1472.327284681131, rel_tolerance=0.005,
    wrong_answers=[1510.0, 37.67, 7977 * 0.189294],
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
