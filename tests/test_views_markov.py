"""The transition-matrix editor and the Markov figures, tested without a browser."""
import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers import markov, plotting, views  # noqa: E402
from helpers.plots.markov import (plot_lifetime_by_stage, plot_stage_mix, plot_transition_matrix,  # noqa: E402
                                  update_lifetime_by_stage, update_stage_mix)


def test_explorer_is_re_exported_and_draws_at_once():
    ex = views.transition_matrix_explorer()
    assert isinstance(ex, views.Explorer)
    assert bytes(ex.image.value).startswith(b"\x89PNG")
    s = ex.result["summary"]
    assert (s["change"].abs() < 1e-12).all()          # no intervention yet: nothing changes
    assert "months" in ex.summary.value and "RMB" in ex.summary.value


@pytest.mark.parametrize("control,value", [("into_decline", 0.5), ("decline_to_churn", 0.5)])
def test_cutting_moves_raises_lifetime_and_clv(control, value):
    ex = views.transition_matrix_explorer()
    image, before = bytes(ex.image.value), ex.result
    ex.controls[control].value = value
    after = ex.result
    assert bytes(ex.image.value) != image
    assert (after["lifetime"] > before["lifetime"] - 1e-12).all()
    assert after["lifetime"]["exploration"] > before["lifetime"]["exploration"]
    assert after["clv"]["exploration"] > before["clv"]["exploration"]
    assert after["mix"].loc[36, "churned"] < before["mix"].loc[36, "churned"]
    np.testing.assert_allclose(after["P"].sum(axis=1), 1.0)


def test_winning_customers_back_to_stability_beats_leaving_them_in_decline():
    ex = views.transition_matrix_explorer()
    ex.controls["decline_to_churn"].value = 0.5
    in_decline = ex.result["clv"]["decline"]
    ex.controls["rescued_to"].value = "stability"
    assert ex.result["clv"]["decline"] > in_decline
    assert ex.result["summary"].at["share_stability", "change"] > 0


def test_explorer_takes_a_given_matrix_and_does_not_change_it():
    P = markov.EXAMPLE_P.copy()
    P.loc["stability"] = [0.0, 0.0, 0.9, 0.08, 0.02]
    kept = P.copy()
    ex = views.transition_matrix_explorer(P, markov.EXAMPLE_REWARDS * 2, discount=0.02, periods=12)
    ex.controls["into_decline"].value = 0.3
    pd.testing.assert_frame_equal(P, kept)
    assert ex.result["P_before"].loc["stability", "decline"] == pytest.approx(0.08)
    assert ex.result["mix"].index.max() == 12


def test_explorer_refuses_a_bad_matrix():
    bad = markov.EXAMPLE_P.copy()
    bad.loc["decline", "churned"] = 0.5
    with pytest.raises(ValueError, match="sum to 1"):
        views.transition_matrix_explorer(bad)


def test_plots_are_titled_and_labelled_in_both_languages():
    P = markov.EXAMPLE_P
    out = markov.intervention_effect(P, markov.EXAMPLE_REWARDS, 0.01, into_decline=0.2)
    try:
        for lang, word in (("en", "Stability"), ("zh", "稳定期")):
            plotting.use_language(lang)
            fig, axes = plt.subplots(1, 3)
            plot_transition_matrix(P, axes[0])
            plot_stage_mix(out["mix"], axes[1])
            plot_lifetime_by_stage(out["visits"], axes[2], baseline=out["lifetime_before"])
            for ax in axes:
                assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
            assert word in [t.get_text() for t in axes[0].get_yticklabels()]
            assert len(axes[0].texts) == 25
            plt.close(fig)
    finally:
        plotting.use_language("en")


def test_plots_refuse_what_they_cannot_draw():
    with pytest.raises(TypeError, match="P must be a non-empty DataFrame"):
        plot_transition_matrix(np.eye(2))
    with pytest.raises(ValueError, match="kind"):
        plot_stage_mix(markov.propagate(markov.EXAMPLE_P, "exploration", 3), kind="pie")
    plt.close("all")


def test_updates_refuse_what_they_cannot_draw():
    out = markov.intervention_effect(markov.EXAMPLE_P, markov.EXAMPLE_REWARDS, 0.01)
    ax = plot_stage_mix(out["mix"], baseline=out["mix_before"])
    with pytest.raises(TypeError, match="mix must be a non-empty DataFrame"):
        update_stage_mix(ax, out["mix"].to_numpy())
    ax = plot_lifetime_by_stage(out["visits"])
    with pytest.raises(TypeError, match="visits must be a non-empty DataFrame"):
        update_lifetime_by_stage(ax, out["visits"].iloc[:0])
    plt.close("all")


def test_heatmap_numbers_grow_with_their_cells_and_stay_inside_them():
    """On notebook 04's three heatmaps (15 × 4.4 in) the numbers are larger than the annotation
    size, yet each stays inside its own cell; on a tiny figure they keep the annotation size."""
    P = markov.EXAMPLE_P
    base = plotting.font_size("annotation")
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.4))
    for ax in axes:
        plot_transition_matrix(P, ax)
    fig.tight_layout()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        box = ax.get_window_extent(renderer)
        cell_w, cell_h = box.width / P.shape[1], box.height / P.shape[0]
        for text in ax.texts:
            assert base < text.get_fontsize() <= 1.5 * base
            extent = text.get_window_extent(renderer)
            assert extent.width < cell_w and extent.height < cell_h, text.get_text()
    plt.close(fig)
    small, ax = plt.subplots(figsize=(2, 1.5))
    plot_transition_matrix(P, ax)
    assert {t.get_fontsize() for t in ax.texts} == {base}
    plt.close(small)
