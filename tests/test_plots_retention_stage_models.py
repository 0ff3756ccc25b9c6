"""The retention and lifecycle figures: titled, labelled, bilingual, and strict about their input."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import lifecycle, plotting, value  # noqa: E402
from helpers.plots import retention as rp  # noqa: E402
from helpers.plots import stage_models as sm  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)
    plotting.use_language("en")


def labelled(ax):
    return ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_cohort_profit_plot(ax):
    cohort = value.cohort_profit(150, 100, 0.8, 0.12, periods=5)
    assert rp.plot_cohort_profit(cohort, ax=ax) is ax and labelled(ax)
    bars = ax.collections[0]
    assert len(bars.get_segments()) == 6 and "RMB" in ax.get_ylabel()
    assert [seg[1][1] for seg in bars.get_segments()] == pytest.approx(cohort["discounted_profit"].tolist())


def test_clv_curve_plot(ax):
    r = np.linspace(0.3, 0.9, 7)
    rp.plot_clv_curve(r, value.simple_clv(100, r, 0.1), current=(0.8, 266.7), ax=ax)
    assert labelled(ax) and ax.get_legend() is not None


def test_lifecycle_plots_shade_every_stage(ax):
    curve = lifecycle.lifecycle_curve(decline_starts="formation")
    sm.plot_lifecycle_level(curve, ax=ax)
    assert labelled(ax) and len(ax.patches) == 3   # exploration, formation, decline
    names = {t.get_text() for t in ax.texts}
    assert names == {"Exploration", "Formation", "Decline"}


def test_economics_and_cumulative(ax):
    curve = lifecycle.lifecycle_curve()
    sm.plot_lifecycle_economics(curve, ax=ax)
    assert labelled(ax) and len(ax.figure.axes) == 1   # no twin axis: cumulative profit has its own panel
    fig, other = plt.subplots()
    sm.plot_cumulative_profit(curve, ax=other)
    assert labelled(other) and not other.texts
    plt.close(fig)


def test_lifecycle_panels_share_one_time_axis():
    curve = lifecycle.lifecycle_curve()
    top, left, right = sm.plot_lifecycle_panels(curve)
    fig = top.figure
    assert fig.axes == [top, left, right]
    assert top.get_position().width > 1.8 * left.get_position().width       # the level spans both columns
    assert top.get_position().y0 > left.get_position().y1                    # above the other two
    assert left.get_position().y0 == pytest.approx(right.get_position().y0)
    assert all(top.get_shared_x_axes().joined(top, other) for other in (left, right))
    assert top.get_xlabel() == "" and left.get_xlabel() and right.get_xlabel()
    assert right.lines[0].get_ydata()[-1] == pytest.approx(curve["cumulative_profit"].iloc[-1])
    plt.close(fig)


def test_stage_models_in_chinese(ax):
    plotting.use_language("zh")
    sm.plot_stage_models(lifecycle.stage_models_table(), ax=ax)
    texts = {t.get_text() for t in ax.texts}
    assert {"考察期", "形成期", "稳定期", "退化期"} <= texts
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["考察期", "形成期", "稳定期", "退化期"]


@pytest.mark.parametrize("call,message", [
    (lambda: rp.plot_cohort_profit(lifecycle.lifecycle_curve()), "cohort must be"),
    (lambda: rp.plot_clv_curve([0.5, 0.6], [1.0]), "same length"),
    (lambda: sm.plot_lifecycle_level(value.cohort_profit(1, 1, 0.5, 0.1)), "curve must be"),
    (lambda: sm.plot_cumulative_profit(lifecycle.lifecycle_curve().iloc[0:0]), "non-empty"),
    (lambda: sm.plot_stage_models(lifecycle.lifecycle_curve()), "stage_models_table"),
    (lambda: sm.plot_lifecycle_panels(lifecycle.lifecycle_curve().drop(columns="profit")), "profit"),
    (lambda: sm.plot_lifecycle_panels(lifecycle.lifecycle_curve(), fig="figure"), "fig must be"),
])
def test_wrong_input_is_named(ax, call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_wrong_type(ax):
    with pytest.raises(TypeError, match="curve must be the DataFrame"):
        sm.plot_lifecycle_economics([1, 2, 3], ax=ax)
