"""Exercises for casestudies/tencent/01_qq_vs_360: the 3Q war in numbers and as a forced choice."""
from helpers.exercises.core import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion(
    "Reading 004: 360 had over 300 million users, over 75% of Chinese internet users. Taking both "
    "figures as exact, how many Chinese internet users (in millions) does that imply?",
    answer=400.0, tolerance=0.5, unit="million",
    hints=["300 million is 75% of the total.", "total = 300 / 0.75."],
    solution="300 / 0.75 = 400 million internet users. Both figures are lower bounds ('over'), so "
             "this is a rough size, not an exact count.",
    wrong_answers=[225.0, 612.5, 375.0, 75.0],
)

q2 = ChoiceQuestion(
    "In the forced-choice equilibrium (λ = 0.15), which users are MOST likely to drop QQ?",
    answer="users with few friends",
    options=["users with few friends", "users with many friends", "users in the largest circles",
             "nobody: everyone keeps QQ"],
    hints=["Compare the mean number of ties of those who keep QQ and those who keep 360.",
           "A user's QQ stickiness grows with every friend still on QQ."],
    solution="`'users with few friends'`: with few ties, QQ is worth little more than its base "
             "stickiness, which for most users is below 360's. Users with 0-4 ties keep QQ about half "
             "the time, users with more than 12 ties over 80% of the time.",
    wrong_answers=["users with many friends", "users in the largest circles", "nobody: everyone keeps QQ"],
)

#: Smallest λ on the grid 0, 0.02, ..., 0.30 at which more than half of the synthetic users keep
#: QQ (seed 0); tests/test_synth_tencent.py recomputes it from the data.
LAMBDA_GRID = [round(0.02 * k, 2) for k in range(16)]

q3 = NumberQuestion(
    "On the synthetic graph, run `network.forced_choice` for λ = 0, 0.02, 0.04, ..., 0.30 (with "
    "`lam_360=0`). What is the smallest λ on this grid at which more than half of the users keep QQ?",
    answer=0.10, tolerance=1e-6,
    hints=["Loop over the grid and read `result.share['QQ']` each time.",
           "Keep the λ values where the share is above 0.5 and take the smallest."],
    solution="The share keeping QQ rises from 28% at λ = 0 to 48% at 0.08 and 54% at λ = 0.10, so "
             "the answer is 0.10.",
    wrong_answers=[0.08, 0.12, 0.0, 0.5],
)
