"""helpers.plotting: the theme, stage colours and Chinese labels that render without missing glyphs."""
import gc
import importlib
import pkgutil
import warnings

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import helpers
from helpers import btyd, data, lifecycle, plotting


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    plotting.use_language("en")


def draw_and_collect_warnings(fig, tmp_path):
    """Missing-glyph warnings raised while the figure is saved."""
    gc.collect()  # so that files other tests left open are not reported inside this block
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig)
        fig.savefig(tmp_path / "figure.png")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def stage_figure():
    fig = Figure()
    ax = fig.add_subplot()
    for i, stage in enumerate(lifecycle.STAGES):
        ax.bar(i, 1, color=plotting.STAGE_COLORS[stage], label=plotting.stage_label(stage))
    ax.set_title(plotting.label("lifecycle"))
    ax.set_xlabel(plotting.label("time"))
    ax.set_ylabel(plotting.label("relationship_level"))
    ax.legend()
    return fig


def test_chinese_figure_saves_without_missing_glyph_warnings(tmp_path):
    plotting.use_language("zh")
    fig = stage_figure()
    assert fig.axes[0].get_title() == "客户生命周期"
    assert draw_and_collect_warnings(fig, tmp_path) == []


def test_without_the_theme_the_same_figure_does_warn(tmp_path):
    """The check above can fail: with matplotlib's default fonts, Chinese glyphs are missing."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = Figure()
        fig.add_subplot().set_title("客户生命周期")
        assert any("missing from font" in w for w in draw_and_collect_warnings(fig, tmp_path))


def test_mixed_english_and_chinese_in_one_label(tmp_path):
    plotting.use_theme()
    fig = Figure()
    fig.add_subplot().set_title("Exploration 考察期 − formation 形成期")
    assert draw_and_collect_warnings(fig, tmp_path) == []


def test_language_switch_changes_every_stage_label():
    plotting.use_language("zh")
    zh = [plotting.stage_label(s) for s in lifecycle.STAGES]
    plotting.use_language("en")
    en = [plotting.stage_label(s) for s in lifecycle.STAGES]
    assert zh == ["考察期", "形成期", "稳定期", "退化期", "流失"]
    assert en == ["Exploration", "Formation", "Stability", "Decline", "Churned"]
    assert plotting.language() == "en"


def test_every_stage_has_a_distinct_colour():
    assert set(plotting.STAGE_COLORS) == set(lifecycle.STAGES)
    assert len(set(plotting.STAGE_COLORS.values())) == len(lifecycle.STAGES)


def test_bundled_font_and_its_licence_are_shipped():
    assert plotting.BUNDLED_CJK_FONT.stat().st_size > 1_000_000
    licence = plotting.BUNDLED_CJK_FONT.with_name("LICENSE-wqy-microhei.txt").read_text()
    assert "Apache-2.0" in licence


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="language must be one of"):
        plotting.use_language("fr")
    with pytest.raises(KeyError, match="did you mean"):
        plotting.label("profits")
    with pytest.raises(ValueError, match="unknown stage 'growth'"):
        plotting.stage_label("growth")
    with pytest.raises(ValueError, match="pair of strings"):
        plotting.add_labels({"x": "only English"})


def test_added_labels_follow_the_language():
    plotting.add_labels({"flash_sale": ("Flash sale", "抢购")})
    plotting.use_language("zh")
    assert plotting.label("flash_sale") == "抢购"


def test_a_label_key_registered_again_with_other_text_is_refused():
    plotting.add_labels({"test_refund": ("Refund", "退款")})
    plotting.add_labels({"test_refund": ("Refund", "退款")})  # the same text again: a re-import
    with pytest.raises(ValueError, match="'test_refund' is already"):
        plotting.add_labels({"test_refund": ("Refund week", "退款周"), "test_other": ("Other", "其他")})
    assert plotting.label("test_refund") == "Refund"
    assert "test_other" not in plotting.LABELS  # nothing registered from a refused call
    with pytest.raises(ValueError, match="'clv' is already"):
        plotting.add_labels({"clv": ("CLV", "客户终身价值")})


def test_with_every_helpers_module_imported_the_cdnow_tracking_plot_is_labelled_in_weeks():
    """Importing a module must not relabel another module's figures (once, the Xiaomi campaign's
    "Week of the campaign" replaced the x label of the CDNOW tracking plot)."""
    for module in pkgutil.walk_packages(helpers.__path__, "helpers."):
        importlib.import_module(module.name)
    from helpers.plots import btyd as btyd_plots

    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    track = btyd.tracking(data.load_cdnow(), bg, "1997-09-30", "1998-06-30")
    fig = Figure()
    assert btyd_plots.plot_tracking(track, ax=fig.subplots()).get_xlabel() == "Week"
    plotting.use_language("zh")
    assert btyd_plots.plot_tracking(track, ax=Figure().subplots()).get_xlabel() == "周"


def test_the_reading_style_keeps_matplotlibs_sizes_and_the_projection_style_enlarges_them():
    plotting.use_theme(projection=False)
    assert plotting.style() == "reading"
    assert (matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.titlesize"]) == (10.0, 12.0)
    with plotting.projection():
        assert matplotlib.rcParams["font.size"] > 10.0 and matplotlib.rcParams["axes.titlesize"] > 12.0
        projected = {role: plotting.font_size(role) for role in plotting.TEXT_ROLES}
    assert matplotlib.rcParams["font.size"] == 10.0 and plotting.style() == "reading"
    read = {role: plotting.font_size(role) for role in plotting.TEXT_ROLES}
    assert all(projected[role] > read[role] >= plotting.MIN_TEXT for role in read)
    try:
        plotting.use_theme(projection=True)
        plotting.use_language("zh")                      # a language switch keeps the style
        assert plotting.style() == "projection" and matplotlib.rcParams["font.size"] > 10.0
    finally:
        plotting.use_theme(projection=False)


def test_no_text_falls_under_the_floor_even_in_a_small_font():
    with matplotlib.rc_context({"font.size": 6.0}):
        assert {plotting.font_size(role) for role in plotting.TEXT_ROLES} == {plotting.MIN_TEXT}


def test_bad_style_arguments_are_named():
    with pytest.raises(TypeError, match="projection must be True or False"):
        plotting.use_theme(projection="yes")
    with pytest.raises(ValueError, match="role must be one of"):
        plotting.font_size("tiny")


def test_the_environment_can_ask_for_the_projection_style():
    import os
    import subprocess
    import sys
    code = ("from helpers import plotting; import matplotlib as mpl; plotting.use_theme(); "
            "print(plotting.style(), mpl.rcParams['font.size'])")
    env = {**os.environ, "CRM_COURSE_PROJECTION": "1"}
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["projection", str(plotting.TEXT_SIZES["projection"]["font.size"])]


def test_plots_take_the_size_of_their_small_texts_from_the_theme():
    """A size written as a number or a name ("small") in a plot module would escape the floor and
    the projection style: texts among the data take plotting.font_size(role)."""
    import ast
    from pathlib import Path

    from helpers import plots
    for path in sorted(Path(plots.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg in ("fontsize", "size", "labelsize"):
                assert not isinstance(node.value, ast.Constant), \
                    f"{path.name}:{node.lineno}: {node.arg}={node.value.value!r}; use plotting.font_size(role)"
