"""Exercises for casestudies/xiaomi/01_company_and_idic: timeline, IDIC, SWOT, the forum in numbers."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion, SetQuestion
from helpers.xiaomi import IDIC_STEPS, QUADRANTS

q1 = ChoiceQuestion(
    "Xiaomi analysed its customers with ABC, 'TFM' (which the course reads as RFM) and CLV analysis. Which IDIC "
    "step does reading 001 file this under?",
    answer="differentiate",
    options=["identify", "differentiate", "interact", "customize"], aliases=IDIC_STEPS,
    hints=["Look at the rows of `idic` whose point mentions RFM.",
           "ABC, RFM and CLV tell customers apart by value; which step is about telling customers apart?"],
    solution="`'differentiate'` (区分): the three analyses sort customers by value, potential and "
             "lifecycle so that each group can be served differently (reading 001).",
    wrong_answers=["identify", "customize", "interact", "segment"],
)

q2 = MatchQuestion(
    "Match each point of reading 001's SWOT to its quadrant (strength, weakness, opportunity, threat).",
    answer={"Cost-price pricing": "strength", "Few service stations": "weakness",
            "A weaker Apple": "opportunity", "Operators' 1,000-yuan phones": "threat"},
    labels=list(QUADRANTS), aliases=QUADRANTS,
    hints=["Strengths and weaknesses are inside the firm; opportunities and threats come from outside.",
           "`xiaomi.filter_swot(swot_table, contains='Apple')` shows the row and its quadrant."],
    solution="Pricing is Xiaomi's own choice (strength); service stations are its own shortfall "
             "(weakness); Apple's troubles and the operators' cheap phones come from the market "
             "(opportunity and threat).",
    wrong_answers=[{"Cost-price pricing": "strength", "Few service stations": "threat",
                    "A weaker Apple": "opportunity", "Operators' 1,000-yuan phones": "weakness"},
                   {"Cost-price pricing": "opportunity", "Few service stations": "weakness",
                    "A weaker Apple": "strength", "Operators' 1,000-yuan phones": "threat"}],
)

q3 = NumberQuestion(
    "On 2014-06-12 the Xiaomi forum had 19,697,554 members and 209,158,339 posts (reading 000). "
    "How many posts per member is that, on average? (two decimals)",
    answer=209_158_339 / 19_697_554, tolerance=0.005,
    unit="posts per member",
    hints=["Divide the posts by the members.", "`xiaomi.posts_per_member()` does the same division."],
    solution="209,158,339 / 19,697,554 = 10.62 posts per member.",
    wrong_answers=[19_697_554 / 209_158_339, 10.0, 11.0, 209.16],
)

q4 = NumberQuestion(
    "If every one of those posts had been written between the day Xiaomi started (taken as 2010-04-01; reading 000 gives only April 2010) and "
    "2014-06-12, how many posts per day would that be on average? Round to the nearest thousand.",
    answer=209_158_339 / 1533, rel_tolerance=0.01,
    unit="posts per day",
    hints=["Count the days between the two dates: `(pd.Timestamp('2014-06-12') - pd.Timestamp('2010-04-01')).days`.",
           "Then divide the posts by the days; `xiaomi.average_posts_per_day('2010-04-01')` checks you."],
    solution="1,533 days, so 209,158,339 / 1,533 = about 136,000 posts a day: six figures, as reading "
             "000 says, even on the longest possible history. The forum is younger than the company, "
             "so the true average is higher still.",
    wrong_answers=[209_158_339 / 365, 209_158_339 / (4 * 365) * 10, 13_644.0],
)

q5 = SetQuestion(
    "Which of these statements does the posts-per-member figure, on its own (without the two counts it "
    "comes from), support? Give the letters: (a) the forum is large; (b) most members post about ten "
    "times; (c) members buy more phones than non-members; (d) there are about ten posts for every "
    "registered account.",
    answer={"d"}, options=["a", "b", "c", "d"],
    hints=["A ratio has no size: would ten posts per member look any different for a forum of a thousand "
           "members?",
           "An average can come from many members writing a little or a few writing a lot, and nothing "
           "in the two counts links members to purchases."],
    solution="(d) only: that is what the ratio means. It has no size, so it cannot show the forum is "
             "large (a); the member count does that. The mean says nothing about how posts are spread "
             "(b) and nothing about buying (c).",
    wrong_answers=[{"a", "d"}, {"a", "b", "d"}, {"a", "c", "d"}, {"a"}],
)
