"""Exercises for notebooks/09_multisided_platforms: funnels, steady states, subsidies, ad load and
the two business models of reading 003."""
from helpers.exercises.core import ChoiceQuestion, MatchQuestion, NumberQuestion

q1 = NumberQuestion(
    "A Huxiu-style article is shown 500,000 times. 4% of those who see it click through to the site, "
    "25% of those visitors read it to the end, and 2% of those engaged readers sign up for a paid "
    "event. How many paying customers does the article bring?",
    answer=100, tolerance=0.5, unit="paying customers",
    hints=["Each rate applies to the stage before it, not to the original 500,000.",
           "Multiply: traffic × rate 1 × rate 2 × rate 3, or use `platform.conversion_funnel(...)` "
           "with `{'visitors': 0.04, 'engaged': 0.25, 'paying': 0.02}`."],
    solution="500,000 × 0.04 × 0.25 × 0.02 = 100 paying customers: 0.02% of the traffic "
             "(`conversion_funnel(500_000, {...}).loc['paying', 'count']`).",
    wrong_answers=[10_000, 155_000, 5_000, 20_000, 2_500],
)

q2 = NumberQuestion(
    "Switch off every cross-side effect (`cross=platform.no_cross()`) and keep the other defaults: "
    "readers join at 1% of the untapped pool per month, leave at 4% plus the annoyance 0.3 × ad "
    "load 0.2, out of 1,000,000 potential readers. Where does the number of readers settle?",
    answer=91_743.12, rel_tolerance=0.005, unit="readers",
    hints=["With the ad load, readers' churn is d = 0.04 + 0.3 × 0.2 = 0.10 per month.",
           "Use `platform.steady_state(attraction, churn, market)`, i.e. a K / (a + d − a d), or "
           "simulate for many months and read the last row."],
    solution="d = 0.04 + 0.06 = 0.10, so n* = 0.01 × 1,000,000 / (0.01 + 0.10 − 0.001) ≈ 91,743 "
             "readers (`platform.steady_state(0.01, 0.10, 1_000_000)`).",
    wrong_answers=[201_612.9, 100_000, 90_909.1, 1_000_000, 250_000],
)

q3 = ChoiceQuestion(
    "With the illustrative defaults, a subsidy of 25 RMB per member per month, and a 36-month "
    "horizon: which side should the platform subsidise to get the highest cumulative profit? "
    "('nobody' is allowed.)",
    answer="contributors",
    options=["readers", "contributors", "advertisers", "nobody"],
    hints=["Run `platform.simulate_platform(platform.platform_params(subsidy_side=side, subsidy=25), 36)` "
           "for each side and compare `cumulative_profit.iloc[-1]`; `subsidy_side=None, subsidy=0` is 'nobody'.",
           "A subsidy is paid to every member of the side: count how many members each side has."],
    solution="'contributors' (about RMB 1.1 million of cumulative profit against a loss of 1.4 million "
             "without a subsidy): 25 RMB to a thousand or so writers costs little, and every extra "
             "writer pulls readers in, who pull business clients in. Paying 25 RMB to hundreds of "
             "thousands of readers costs far more than the ads earn; clients come for readers, not "
             "for a discount.",
    wrong_answers=["readers", "advertisers", "nobody", "business clients"],
)

q4 = NumberQuestion(
    "Suppose readers are twice as sensitive to advertising as in the defaults (annoyance 0.6 "
    "instead of 0.3). Try ad loads 0, 0.05, 0.10, ..., 1.00 with every other parameter at its "
    "default. Which ad load gives the highest cumulative profit over 36 months?",
    answer=0.25, tolerance=0.01, unit="(share of pages)", share=True,
    hints=["`np.arange(0, 1.0001, 0.05)` gives the grid; simulate "
           "`platform.platform_params(ad_load=x, annoyance=0.6)` for each x and keep "
           "`cumulative_profit.iloc[-1]`.",
           "With the default annoyance the best load was 0.40 (section 4). More sensitive readers "
           "leave sooner, so expect a lower best load."],
    solution="0.25: cumulative profit rises up to an ad load of 0.25 and falls beyond it. With "
             "readers half as tolerant, the best ad load drops from 0.40 to 0.25: a site whose "
             "character is its readers' trust must carry fewer ads.",
    wrong_answers=[0.4, 1.0, 0.0, 0.2, 0.3],
)

q5 = MatchQuestion(
    "Reading 003 names two ways of turning attention into money: 'platform strategy' (平台战略) and "
    "'enterprise as media' (企业媒体化). Match each case A–D to one of them.",
    answer={"A": "platform strategy", "B": "enterprise as media", "C": "enterprise as media",
            "D": "platform strategy"},
    aliases={"platform strategy": "平台战略", "enterprise as media": "企业媒体化"},
    hints=["Ask who sells the product that finally earns the money: the firm that gathered the "
           "audience, or other businesses that pay to reach that audience?",
           "A platform gathers an audience and lets *other* firms pay to reach it; an enterprise "
           "acting as media gathers an audience to sell *its own* products."],
    solution="A platform strategy (Huxiu sells its readers' attention to business clients); B enterprise "
             "as media (the maker gathers an audience for its own snacks); C enterprise as media (the "
             "phone maker's own forum and free updates sell its own phones); D platform strategy (the "
             "site gathers job seekers so that employers pay to reach them).",
    wrong_answers=[{"A": "enterprise as media", "B": "platform strategy", "C": "enterprise as media",
                    "D": "platform strategy"},
                   {"A": "platform strategy", "B": "platform strategy", "C": "platform strategy",
                    "D": "platform strategy"},
                   {"A": "platform strategy", "B": "enterprise as media"}],
)
