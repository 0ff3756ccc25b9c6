"""The Xiaomi lifecycle case: its plots, and exercise answers that must match the synthetic data."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import bootstrap, data, lifecycle, markov, plotting, winback  # noqa: E402
from helpers.exercises import xiaomi_lifecycle_in_practice as ex  # noqa: E402
from helpers.plots import xiaomi_lifecycle as xlplots  # noqa: E402

LAUNCHES = {"Redmi": "2013-07-31", "Redmi Note": "2014-03-26"}


@pytest.fixture(scope="module")
def case():
    x = data.load_xiaomi()
    panel = lifecycle.classify_stages(lifecycle.stage_panel(x["orders"], end="2015-12-31"))
    member = x["customers"].set_index("customer_id")["forum_member"]
    return x, panel, member


def test_q2_answer_is_the_classified_member_difference(case):
    x, panel, member = case
    P = {g: markov.transition_matrix(panel[panel["customer_id"].map(member) == g]) for g in (False, True)}
    diff = P[True].loc["decline", "churned"] - P[False].loc["decline", "churned"]
    assert ex.q2.check(diff)
    assert ex.q2.answer == pytest.approx(diff, abs=1e-9)


def test_q3_and_q4_facts_match_the_launch_table(case):
    _, panel, _ = case
    table = winback.launch_winback(panel, LAUNCHES, months=3, before=12, n_boot=100, seed=2013)
    assert ex.q3.answer == pytest.approx(table.loc["Redmi Note", "expected"], rel=1e-9)
    assert table.loc["Redmi Note", "at_risk"] == 9523
    assert table.loc["Redmi", "won_back"] == 835                       # quoted in q4
    assert table.loc["Redmi", "extra"] == pytest.approx(63, abs=1)     # "about 63 more"


def test_plots_have_titles_labels_and_the_right_marks(case):
    _, panel, member = case
    fig, axes = plt.subplots(1, 3)
    ax = xlplots.plot_stage_mix_launches(lifecycle.stage_mix(panel), LAUNCHES, axes[0])
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert sum(line.get_linestyle() == "--" for line in ax.get_lines()) == 2
    small = panel[panel["customer_id"].isin(member.index[:3000])]
    comparison = bootstrap.compare_transitions(small, member, n_boot=20, seed=0)
    moves = [("decline", "churned"), ("stability", "decline")]
    ax = xlplots.plot_transition_differences(comparison, moves, axes[1])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Decline → Churned", "Stability → Decline"]
    assert ax.get_xlabel() == plotting.label("difference_pp")
    table = winback.launch_winback(panel, LAUNCHES, n_boot=20)
    ax = xlplots.plot_winback(winback.winback_by_month(panel), table, axes[2])
    assert len(ax.patches) == 2 and ax.get_legend() is not None
    plt.close(fig)


def test_plots_switch_to_chinese():
    plotting.use_language("zh")
    try:
        monthly = pd.DataFrame({"rate": [0.1, 0.2]}, index=pd.to_datetime(["2014-01-01", "2014-02-01"]))
        ax = xlplots.plot_winback(monthly)
        assert ax.get_title() == "模拟米粉客户：每月挽留的退化期客户"
        plt.close(ax.figure)
    finally:
        plotting.use_language("en")


def test_plot_bad_input():
    with pytest.raises(ValueError, match="rate"):
        xlplots.plot_winback(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="compare_transitions"):
        xlplots.plot_transition_differences(pd.DataFrame({"a": [1]}), [("decline", "churned")])
    comparison = pd.DataFrame({"from_stage": ["decline"], "to_stage": ["churned"], "difference": [0.1],
                               "lower": [0.0], "upper": [0.2]})
    with pytest.raises(ValueError, match="not in comparison"):
        xlplots.plot_transition_differences(comparison, [("stability", "decline")])
    with pytest.raises(ValueError, match="empty"):
        xlplots.plot_transition_differences(comparison, [])
    with pytest.raises(TypeError, match="launches"):
        xlplots.plot_stage_mix_launches(pd.DataFrame(), [])
