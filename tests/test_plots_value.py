"""Figures of customer value: titled, labelled, following the figure language; bad input named."""
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import data, plotting
from helpers.plots import value as plots
from helpers.value import abc_classes, lorenz_curve, rfm_segments, rfm_table, segment_summary


@pytest.fixture(scope="module")
def cdnow():
    tx = data.load_cdnow()
    rfm = rfm_table(tx)
    return tx, rfm


def test_every_figure_has_a_title_and_axis_labels(cdnow):
    tx, rfm = cdnow
    axes = [plots.plot_abc(abc_classes(rfm["monetary"])),
            plots.plot_lorenz(lorenz_curve(rfm["monetary"]), label="CDNOW"),
            plots.plot_rfm_segments(segment_summary(rfm_segments(rfm))),
            plots.plot_recency_timeline(tx, list(rfm.index[:2]), now=rfm.attrs["now"])]
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert ax.get_legend() is not None
    plt.close("all")


def test_abc_legend_states_class_sizes():
    ax = plots.plot_abc(abc_classes([50, 30, 10, 5, 5]))
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == ["Class A: 40% → 80%", "Class B: 40% → 15%", "Class C: 20% → 5%"]
    plt.close("all")


def test_chinese_labels_follow_the_language(cdnow):
    _, rfm = cdnow
    plotting.use_language("zh")
    try:
        ax = plots.plot_rfm_segments(segment_summary(rfm_segments(rfm)))
        assert ax.get_title() == "RFM 细分群体：客户占比与收入占比"
        assert "冠军客户" in [t.get_text() for t in ax.get_yticklabels()]
    finally:
        plotting.use_language("en")
        plt.close("all")


@pytest.mark.parametrize("func,arg", [
    (plots.plot_abc, pd.DataFrame({"x": [1]})),
    (plots.plot_lorenz, [0, 1]),
    (plots.plot_rfm_segments, pd.DataFrame({"customers": [1]})),
])
def test_plots_name_the_model_they_need(func, arg):
    with pytest.raises(ValueError, match=r"helpers\.value\."):
        func(arg)


def test_timeline_needs_known_customers(cdnow):
    tx, _ = cdnow
    with pytest.raises(ValueError, match="not found"):
        plots.plot_recency_timeline(tx, ["nobody"], now="1998-06-30")
    with pytest.raises(ValueError, match="segment"):
        plots.segment_label("vip")


def test_a_second_lorenz_curve_keeps_the_title():
    ax = plots.plot_lorenz(lorenz_curve([1, 2, 3]), title="Two data sets")
    plots.plot_lorenz(lorenz_curve([1, 1, 9]), ax=ax, equality=False, label="second")
    assert ax.get_title() == "Two data sets" and len(ax.get_lines()) == 3
    plt.close("all")
