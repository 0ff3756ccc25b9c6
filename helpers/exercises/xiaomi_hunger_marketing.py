"""Exercises for casestudies/xiaomi/03_hunger_marketing_and_community: the flash-sale model."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion(
    "By hand: 100 (thousand) fans wait before the first sale, 30 phones go on sale every week, nobody "
    "new arrives, there is no buzz and half of those who miss out give up (f = 0.5). How many are "
    "still waiting after week 2?",
    answer=2.5, tolerance=0.01,
    unit="thousand",
    hints=["Week 1: 100 try, 30 buy, 70 miss out; half of them give up.",
           "Week 2 starts with the 35 still waiting: 30 buy, 5 miss out, and half of those give up."],
    solution="Week 1: 100 - 30 = 70 miss, 35 give up, 35 wait. Week 2: 35 - 30 = 5 miss, 2.5 give up, "
             "2.5 wait. Check with `hunger_marketing(weeks=2, supply=30, base_arrivals=0, buzz_gain=0, "
             "frustration=0.5, initial_waiting=100, market=math.inf)`.",
    wrong_answers=[5.0, 35.0, 0.0, 40.0],
)

q2 = NumberQuestion(
    "Each unit of unmet demand attracts g = 0.1 new prospects next week, and the buzz fades by "
    "25% a week (decay 0.25). Above which frustration f does scarcity lose more prospects than it "
    "attracts, in the long run?",
    answer=0.4, tolerance=0.001, share=True,
    hints=["Add up the buzz one unit of unmet demand creates: g + g(1 - decay) + g(1 - decay)^2 + ...",
           "That geometric series sums to g / decay; compare it with the f prospects lost at once."],
    solution="g / decay = 0.1 / 0.25 = 0.4: above 40% frustration, scarcity is a net loss "
             "(`break_even_frustration(0.1, 0.25)`).",
    wrong_answers=[0.025, 2.5, 0.1, 0.075],
)

q3 = NumberQuestion(
    "With no market limit, 120 new prospects a week, supply 100 a week, f = 0.5, g = 0.05 and decay "
    "0.25, the unmet demand settles at a steady level. What is it? (two decimals)",
    answer=20 / 0.3, tolerance=0.01,
    hints=["At a steady state what comes in each week equals what goes out: a + g U / decay = s + f U.",
           "Solve for U: U = (a - s) / (f - g / decay)."],
    solution="U* = (120 - 100) / (0.5 - 0.05 / 0.25) = 20 / 0.3 = 66.67 (`steady_state_unmet(120, 100, "
             "0.5, 0.05, 0.25)`); a long simulation settles there.",
    wrong_answers=[40.0, 20.0, 100.0, 80.0],
)

q4 = ChoiceQuestion(
    "A campaign has frustration f = 0.3, buzz gain g = 0.06 and buzz decay 0.3, so its break-even "
    "g / decay is 0.2 and frustration outweighs buzz. Which single change puts it on the other side "
    "of the break-even line?",
    answer="buzz that fades half as fast (decay 0.15)",
    options=["double the weekly supply", "double the new prospects per week",
             "buzz that fades half as fast (decay 0.15)", "a campaign twice as long"],
    hints=["The line is f = g / decay. Which of the options appears in that formula?",
           "Supply and arrivals change how much unmet demand there is, not what each unit of it "
           "gains and loses."],
    solution="Buzz that fades half as fast: g / decay = 0.06 / 0.15 = 0.4 > 0.3. More supply or more "
             "arrivals change how much scarcity there is, but each unit of it still loses f = 0.3 and "
             "brings 0.2; a longer campaign cannot lift 0.2 above 0.3 either.",
    wrong_answers=["double the weekly supply", "a campaign twice as long", "double the new prospects per week"],
)
