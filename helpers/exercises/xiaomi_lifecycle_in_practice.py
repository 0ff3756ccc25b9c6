"""Exercises for casestudies/xiaomi/02_lifecycle_in_practice: practice per stage, forum members'
transitions, and win-backs around launches (synthetic Mi-fan data)."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = MatchQuestion(
    "Reading 000 files each of Xiaomi's practices under one lifecycle stage. Match each practice to "
    "its stage (exploration, formation, stability, decline).",
    answer={"Building MIUI before the phone": "exploration",
            "Operator contract phones": "formation",
            "Offline fan meetups (同城会)": "stability",
            "Launching Redmi and Redmi Note": "decline"},
    hints=["Filter the table: `xiaomi.STAGE_PRACTICE[xiaomi.STAGE_PRACTICE['point'].str.contains('Redmi')]`.",
           "Reading 000 treats a wider line-up as an answer to customers whose needs moved on, and the "
           "community as what keeps customers in the highest stage."],
    solution="MIUI came before the phone to win prospects (exploration 考察期); operator contract phones "
             "are a second sales channel for growing customers (formation 形成期); fan meetups belong to "
             "the community that holds customers (stability 稳定期); new, cheaper phones answer customers "
             "who drift away (decline 退化期).",
    wrong_answers=[{"Building MIUI before the phone": "exploration", "Operator contract phones": "formation",
                    "Offline fan meetups (同城会)": "stability", "Launching Redmi and Redmi Note": "exploration"},
                   {"Building MIUI before the phone": "formation", "Operator contract phones": "exploration",
                    "Offline fan meetups (同城会)": "decline", "Launching Redmi and Redmi Note": "stability"}],
)

q2 = NumberQuestion(
    "On the classified stages of the synthetic data, what is the monthly probability of moving from "
    "decline into churned for forum members minus the same probability for non-members? (a "
    "probability difference, e.g. -0.01)",
    answer=0.05515553405242337 - 0.09860705757495357, tolerance=0.002, share=True,
    hints=["`comparison` holds one row per move; pick the row with from_stage 'decline' and to_stage "
           "'churned'.",
           "The column `difference` is True minus False: members minus non-members."],
    solution="0.055 - 0.099 = -0.043: in the classified data a declining member is lost about 4 "
             "percentage points less often each month. The generator's true difference is "
             "0.08 - 0.14 = -0.06; the classifier blurs it.",
    wrong_answers=[0.0434, -0.06, 0.055, -0.099],
)

q3 = NumberQuestion(
    "In the three months after the Redmi Note launch (April to June 2014) the classified data hold "
    "7,977 at-risk customer-months (declining the month before). In the 12 months before the launch "
    "the win-back rate was 0.18457. How many win-backs would you expect in the window if the rate "
    "had not changed? This is the counterfactual.",
    answer=1472.327284681131, rel_tolerance=0.005, unit="win-backs",
    hints=["Expected = at-risk customer-months in the window times the rate before the launch.",
           "`launch_table.loc['Redmi Note', 'expected']` checks you."],
    solution="7,977 × 0.18457 ≈ 1,472 expected win-backs; 1,510 were observed, so about 38 extra, "
             "well inside the bootstrap interval around 0.",
    wrong_answers=[1510.0, 37.67, 7977 * 0.189294],
)

q4 = ChoiceQuestion(
    "The Redmi window shows about 84 fewer win-backs than the months before predict, and its 95% "
    "bootstrap interval excludes 0. What do these synthetic data support? (a) the Redmi drove "
    "declining customers away; (b) the Redmi won back the 1,031 declining customers who came back "
    "in its window; (c) nothing about the launch: the dip is chance and drift, and the same test "
    "flags many months with no launch at all; (d) the bootstrap is wrong and should be ignored.",
    answer="c", options=["a", "b", "c", "d"],
    hints=["Look at the placebo check: how many months with no launch at all get an interval that "
           "excludes 0?",
           "The generator's transition matrices do not change with the calendar: by construction no "
           "launch wins anyone back."],
    solution="(c). About one pseudo-launch month in five looks just as 'significant', because the "
             "bootstrap resamples customers but not months, and the rate drifts from month to month. "
             "The generator has no launch effect at all, so a method that finds one here would mislead "
             "with real data. (b) counts customers who would have come back anyway.",
    wrong_answers=["a", "b", "d"],
)
