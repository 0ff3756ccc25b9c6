"""Exercises for notebooks/04_stage_transitions_markov: transition matrices, lifetime, steady state
and Markov-chain CLV."""
from helpers import markov
from helpers.exercises.core import FunctionQuestion, NumberQuestion
from helpers.synth.xiaomi import TRUE_TRANSITIONS


def _steady_share(a, b):
    """Long-run share in state 0 of the chain [[1 - a, a], [b, 1 - b]]."""
    return b / (a + b)


q1 = NumberQuestion(
    "An active customer stays active with probability 0.9 each month and is otherwise lost for "
    "good (an absorbing state). What is the expected lifetime in months, counting the current "
    "month, as `expected_time_to_absorption` counts it?",
    answer=10.0, tolerance=0.01, unit="months",
    hints=["Build the 2x2 matrix [[0.9, 0.1], [0.0, 1.0]] and pass it to "
           "`markov.expected_time_to_absorption`.",
           "With one transient state, Q = [[0.9]] and N = (1 - 0.9)^-1."],
    solution="N = (I - Q)^-1 = 1 / (1 - 0.9) = 10 months: a geometric lifetime with a 10% chance of "
             "ending each month.",
    wrong_answers=[9.0, 0.1, 1.111, 90.0],
)

q2 = FunctionQuestion(
    "Write `steady_share(a, b)`: the long-run share of customers in state 0 of the two-state chain "
    "`[[1 - a, a], [b, 1 - b]]` (a = chance of leaving state 0, b = chance of coming back).",
    answer=_steady_share,
    cases=[(0.1, 0.5), (0.3, 0.3), (0.02, 0.9), (0.5, 0.05)],
    hints=["In the steady state as many customers leave state 0 each month as come back to it: "
           "pi0 * a = pi1 * b.",
           "Use pi0 + pi1 = 1 and solve for pi0.",
           "Check your function against `markov.stationary_distribution([[1 - a, a], [b, 1 - b]])[0]`."],
    solution="`def steady_share(a, b): return b / (a + b)`: the flows balance, pi0 a = (1 - pi0) b.",
    wrong_answers=[lambda a, b: a / (a + b), lambda a, b: 1 - a, lambda a, b: b],
)

q3 = NumberQuestion(
    "A customer worth a margin of 100 RMB per month stays with probability 0.8 a month and is "
    "otherwise lost for good; the discount rate is 12% per period. What is the Markov-chain CLV "
    "of a customer who is active now, with Pfeifer & Carraway's timing (this period's margin counts "
    "undiscounted)?",
    answer=350.0, tolerance=0.5, unit="RMB", money=True,
    hints=["`markov.markov_clv([[0.8, 0.2], [0.0, 1.0]], [100, 0], 0.12)`.",
           "By hand: V = 100 + 0.8 V / 1.12."],
    solution="V = 100 (1 + d) / (1 + d - r) = 100 x 1.12 / 0.32 = 350 RMB: the current margin 100 "
             "plus simple_clv(100, 0.8, 0.12) = 250, which starts one period later.",
    wrong_answers=[250.0, 500.0, 312.5],
)



def _lifetime(P):
    return float(markov.expected_time_to_absorption(P, ["churned"])["exploration"])


_BEFORE = _lifetime(TRUE_TRANSITIONS)
_GAIN = _lifetime(markov.intervene(TRUE_TRANSITIONS, into_decline=0.3)) - _BEFORE
_GAIN_CHURN = _lifetime(markov.intervene(TRUE_TRANSITIONS, decline_to_churn=0.3)) - _BEFORE

q4 = NumberQuestion(
    "Take the generator's true matrix `true` (the synthetic Xiaomi-style data) and cut every move "
    "into decline by 30% (`markov.intervene(true, into_decline=0.3)`). By how many months does "
    "the expected lifetime of a new customer (one now in exploration) grow?",
    answer=round(_GAIN, 2), tolerance=0.1, unit="months",
    hints=["Compute `markov.expected_time_to_absorption(...)` for `true` and for the new matrix.",
           "Take the difference of the two values for 'exploration' (after minus before)."],
    solution=f"About {_GAIN:.1f} months (from {_BEFORE:.1f} to {_BEFORE + _GAIN:.1f}): "
             "`(markov.expected_time_to_absorption(markov.intervene(true, into_decline=0.3)) - "
             "markov.expected_time_to_absorption(true))['exploration']`.",
    wrong_answers=[round(_BEFORE + _GAIN, 2), round(_GAIN_CHURN, 2), -round(_GAIN, 2)],
)
