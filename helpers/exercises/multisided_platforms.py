"""Exercises for notebooks/09_multisided_platforms: predicting what a subsidy and the ad load do to
each side, funnels, steady states, the best ad load, and the two business models of reading 003."""
from helpers.exercises.core import MatchQuestion, NumberQuestion

_DIRECTIONS = ["up", "down", "unchanged"]
_ALIASES = {"readers": "读者", "contributors": ["大V", "大V作者", "big-name contributors"],
            "business clients": ["advertisers", "clients", "商业客户"],
            "up": ["higher", "rises", "more", "increases"], "down": ["lower", "falls", "fewer", "less", "decreases"],
            "unchanged": ["same", "the same", "no change", "no effect"]}

q1 = MatchQuestion(
    "Predict before computing: the platform starts paying every business client 40 RMB a month "
    "(all other parameters at their defaults, 36 months). Compared with no subsidy, is each of "
    "these 'up', 'down' or 'unchanged' at the end: readers, contributors, business clients, and the "
    "ad revenue of the last month?",
    answer={"readers": "unchanged", "contributors": "unchanged", "business clients": "up",
            "ad revenue in the last month": "up"},
    labels=_DIRECTIONS, aliases=_ALIASES,
    hints=["Follow the arrows of the cross-side strengths table (section 3.2): who is pulled in by "
           "business clients? A subsidy to one side reaches the others only through those arrows.",
           "readers ← clients and contributors ← clients are both 0, so nothing flows back from "
           "clients; ad revenue = ad price × ad load × readers × clients / potential clients.",
           "Compare `platform.simulate_platform(platform.platform_params(subsidy_side='advertisers', "
           "subsidy=40), 36).iloc[-1]` with the run without a subsidy, or set the explorer's "
           "subsidised side to advertisers and the subsidy to 40."],
    solution="Readers and contributors unchanged (414,791 and 1,001 either way), business clients up "
             "(190 to 198) and the ad revenue of the last month up (315,772 to 328,663 RMB). In the "
             "model readers do not come for the ads, so paying clients cannot bring readers, however "
             "closely readers and clients moved together in section 2.",
    wrong_answers=[{"readers": "up", "contributors": "up", "business clients": "up",
                    "ad revenue in the last month": "up"},
                   {"readers": "up", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "up"},
                   {"readers": "unchanged", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "down"}],
)

q2 = MatchQuestion(
    "Predict before computing: the ad load rises from 0.2 to 0.4 (all other parameters at their "
    "defaults, 36 months). Is each of these 'up', 'down' or 'unchanged' at the end: readers, "
    "contributors, business clients, the ad revenue of the last month, and the cumulative profit?",
    answer={"readers": "down", "contributors": "down", "business clients": "down",
            "ad revenue in the last month": "up", "cumulative profit": "up"},
    labels=_DIRECTIONS, aliases=_ALIASES,
    hints=["The ad load touches the model in two places only: readers' churn and the ad revenue. "
           "Everything else follows through the cross-side arrows.",
           "Readers' churn becomes 0.04 + 0.3 × 0.4 = 0.16 instead of 0.10; contributors and clients "
           "are pulled in by readers; ad revenue = ad price × ad load × readers × clients / potential "
           "clients, so it doubles with the load and shrinks with readers and clients.",
           "Compare `platform.simulate_platform(platform.platform_params(ad_load=0.4), 36).iloc[-1]` "
           "with `ad_load=0.2`, or move the explorer's ad load from 0.20 to 0.40."],
    solution="Readers, contributors and business clients all fall (414,791 to 272,431 readers, "
             "1,001 to 764 contributors, 190 to 154 clients): more ads drive readers out, and the "
             "other sides follow readers. Yet the ad revenue of the last month rises (315,772 to "
             "336,657 RMB), because the doubled load outweighs the smaller audience, and cumulative "
             "profit rises from −1.43 to −0.73 million RMB. In this model clients do not come for ad "
             "space, so more space does not bring more clients.",
    wrong_answers=[{"readers": "down", "contributors": "unchanged", "business clients": "up",
                    "ad revenue in the last month": "up", "cumulative profit": "up"},
                   {"readers": "down", "contributors": "down", "business clients": "down",
                    "ad revenue in the last month": "down", "cumulative profit": "down"},
                   {"readers": "down", "contributors": "unchanged", "business clients": "unchanged",
                    "ad revenue in the last month": "up", "cumulative profit": "up"}],
)

q3 = NumberQuestion(
    "A Huxiu-style article is shown 500,000 times. 4% of those who see it click through to the site, "
    "25% of those visitors read it to the end, and 2% of those engaged readers sign up for a paid "
    "event. How many paying customers does the article bring?",
    answer=100, tolerance=0.5, unit="paying customers",
    hints=["Each rate applies to the stage before it, not to the original 500,000.",
           "paying = traffic × r₁ × r₂ × r₃.",
           "`500_000 * 0.04 * 0.25 * 0.02`, or `platform.conversion_funnel(500_000, {'visitors': 0.04, "
           "'engaged': 0.25, 'paying': 0.02}).loc['paying', 'count']`."],
    solution="500,000 × 0.04 × 0.25 × 0.02 = 100 paying customers: 0.02% of the traffic "
             "(`conversion_funnel(500_000, {...}).loc['paying', 'count']`).",
    wrong_answers=[10_000, 155_000, 5_000, 20_000, 2_500],
)

q4 = NumberQuestion(
    "Switch off every cross-side effect (`cross=platform.no_cross()`) and keep the other defaults: "
    "readers join at 1% of the untapped pool per month, leave at 4% plus the annoyance 0.3 × ad "
    "load 0.2, out of 1,000,000 potential readers. Where does the number of readers settle?",
    answer=91_743.12, rel_tolerance=0.005, unit="readers",
    hints=["With no other side to pull them in, readers behave like the single side of section 3.1, "
           "only the ads make them leave faster.",
           "Readers' churn is d = 0.04 + annoyance × ad load; then n* = a K / (a + d − a d).",
           "`platform.steady_state(0.01, 0.04 + 0.3 * 0.2, 1_000_000)`, or simulate "
           "`platform.platform_params(cross=platform.no_cross())` for many months and read the last row."],
    solution="d = 0.04 + 0.06 = 0.10, so n* = 0.01 × 1,000,000 / (0.01 + 0.10 − 0.001) ≈ 91,743 "
             "readers (`platform.steady_state(0.01, 0.10, 1_000_000)`).",
    wrong_answers=[201_612.9, 100_000, 90_909.1, 1_000_000, 250_000],
)

q5 = NumberQuestion(
    "Suppose readers are twice as sensitive to advertising as in the defaults (annoyance 0.6 "
    "instead of 0.3). Try ad loads 0, 0.05, 0.10, ..., 1.00 with every other parameter at its "
    "default. Which ad load gives the highest cumulative profit over 36 months?",
    answer=0.25, tolerance=0.01, unit="(share of pages)", share=True,
    hints=["Predict first: with the default annoyance the best load was 0.40 (section 4). More "
           "sensitive readers leave sooner for the same ads, so should the best load be higher or lower?",
           "For each ad load x on the grid, cumulative profit over 36 months = the sum of the monthly "
           "profits with annoyance 0.6; keep the x with the largest.",
           "`np.round(np.arange(0, 1.0001, 0.05), 2)` gives the grid; simulate "
           "`platform.platform_params(ad_load=float(x), annoyance=0.6)` for each x and keep "
           "`['cumulative_profit'].iloc[-1]`."],
    solution="0.25: cumulative profit rises up to an ad load of 0.25 and falls beyond it. With "
             "readers half as tolerant, the best ad load drops from 0.40 to 0.25: a site whose "
             "character is its readers' trust must carry fewer ads.",
    wrong_answers=[0.4, 1.0, 0.0, 0.2, 0.3],
)

q6 = MatchQuestion(
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
