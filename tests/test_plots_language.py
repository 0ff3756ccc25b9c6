"""Every figure of helpers.plots speaks the course's language: drawn in Chinese it shows no English
word beyond the names the course keeps (RFM, CLV, QQ...), drawn in English it shows exactly the
English texts, and no plot module writes a display text of its own instead of asking the catalogue.
"""
import ast
import functools
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import helpers.plots
from helpers import plotting

matplotlib.use("Agg")

#: Names and abbreviations that stay as they are in a Chinese figure (phrases first, then words).
ALLOWED_PHRASES = ("P(alive)", "BG/NBD", "E[X(t)]", "Redmi Note", "红米Note")
ALLOWED_WORDS = {"RFM", "CLV", "CDNOW", "BTYD", "ABC", "IDIC", "SWOT", "ROC", "AUC", "MIUI", "Redmi",
                 # authors of the stage models of notebook 02
                 "Ford", "Wackman", "Salmon", "Iacobucci", "Zerrillo", "Dwyer", "Schurr"}
WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(texts):
    """The words of ``texts`` that are neither allowed names nor format codes."""
    found = set()
    for text in texts:
        text = re.sub(r"\\[A-Za-z]+", " ", text)            # mathtext commands: $\mathdefault{10^{2}}$
        for phrase in ALLOWED_PHRASES:
            text = text.replace(phrase, " ")
        found |= {w for w in WORD.findall(text) if w not in ALLOWED_WORDS}
    return found


def figure_texts(fig):
    """Every text of a drawn figure: titles, axis and tick labels, legends, annotations, offsets."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text()]


# --- inputs, built with the models as the notebooks build them ------------------------------

@functools.lru_cache(maxsize=None)
def xiaomi():
    from helpers import data, lifecycle
    x = data.load_xiaomi()
    panel = lifecycle.classify_stages(lifecycle.stage_panel(x["orders"], end="2015-12-31"))
    return x, panel


@functools.lru_cache(maxsize=None)
def cdnow():
    from helpers import btyd, data
    tx = data.load_cdnow()
    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    summary = btyd.summarize(tx, calibration_end="1997-09-30", observation_end="1998-06-30")
    return tx, bg, summary


@functools.lru_cache(maxsize=None)
def tencent():
    from helpers import data, network
    graph, users = data.load_tencent()
    result = network.forced_choice(graph, users["base_qq"], users["base_360"], lam=0.15, seed=0)
    return graph, users, result


def draw_tracking(ax):
    from helpers import btyd
    from helpers.plots.btyd import plot_tracking
    tx, bg, _ = cdnow()
    plot_tracking(btyd.tracking(tx, bg, "1997-09-30", "1998-06-30"), ax=ax)


def draw_conditional_expectations(ax):
    from helpers import btyd
    from helpers.plots.btyd import plot_conditional_expectations
    _, bg, summary = cdnow()
    plot_conditional_expectations(btyd.conditional_expectations(bg, summary, max_frequency=7), ax=ax)


def draw_p_alive_matrix(ax):
    from helpers import btyd
    from helpers.plots.btyd import plot_p_alive_matrix
    plot_p_alive_matrix(btyd.p_alive_matrix(cdnow()[1], T=39.0, max_frequency=15), ax=ax)


def draw_population_curve(ax):
    from helpers.plots.btyd import plot_population_curve
    t = np.linspace(0, 78, 40)
    plot_population_curve(t, cdnow()[1].expected_purchases_population(t), ax=ax)


def draw_transition_matrix(ax):
    from helpers import markov
    from helpers.plots.markov import plot_transition_matrix
    plot_transition_matrix(markov.transition_matrix(xiaomi()[1]), ax)


def draw_markov_stage_mix(ax):
    from helpers import markov
    from helpers.plots.markov import plot_stage_mix
    P = markov.transition_matrix(xiaomi()[0]["true_stages"])
    plot_stage_mix(markov.propagate(P, "exploration", 48), ax)


def draw_markov_stage_mix_baseline(ax):
    from helpers import markov
    from helpers.plots.markov import plot_stage_mix
    mix = markov.propagate(markov.EXAMPLE_P, "exploration", 24)
    plot_stage_mix(mix, ax, baseline=markov.propagate(markov.EXAMPLE_P, "formation", 24))


def draw_lifetime_by_stage(ax):
    from helpers import markov
    from helpers.plots.markov import plot_lifetime_by_stage
    P = markov.transition_matrix(xiaomi()[0]["true_stages"])
    before = markov.expected_time_to_absorption(markov.EXAMPLE_P, ["churned"])
    plot_lifetime_by_stage(markov.fundamental_matrix(P), ax)
    plot_lifetime_by_stage(before, ax.figure.add_subplot(2, 1, 2), baseline=before * 0.8)


def draw_cascade(ax):
    from helpers import network
    from helpers.plots.network import layout, plot_cascade
    g = network.example_graph("scale-free", 200, seed=8)
    hubs = sorted(g.nodes, key=lambda n: -g.degree(n))[:5]
    out = network.cascade(g, np.random.default_rng(8).uniform(0.6, 1.2, 200), hubs, threshold=1.0, lam=0.15)
    plot_cascade(out, g, layout(g, seed=8), ax=ax)


def draw_forced_choice(ax):
    from helpers import network
    from helpers.plots.network import layout, plot_forced_choice
    g = network.example_graph("community", 120, seed=1)
    rng = np.random.default_rng(1)
    result = network.forced_choice(g, pd.Series(rng.uniform(0, 1, 120)), pd.Series(rng.uniform(0, 1, 120)),
                                   lam=0.15, seed=0)
    plot_forced_choice(result, g, layout(g), ax=ax)


def draw_stickiness_by_shape(ax):
    import networkx as nx
    from helpers import network
    from helpers.plots.network import plot_stickiness_by_shape
    base = np.random.default_rng(8).uniform(0.6, 1.2, 200)
    rows = {}
    for shape in network.SHAPES:
        g = network.example_graph(shape, 200, seed=8)
        s = network.stickiness(base, nx.to_scipy_sparse_array(g, format="csr") * 0.15)
        rows[shape] = {"mean s": s.mean(), "10th percentile s": np.percentile(s, 10), "max s": s.max()}
    plot_stickiness_by_shape(pd.DataFrame(rows).T, ax=ax)
    plot_stickiness_by_shape(pd.DataFrame({"base": [1.0, 0.9], "with_ties": [1.2, 1.1]}, index=["random", "community"]),
                             ax=ax.figure.add_subplot(2, 1, 2))


def draw_share_vs_lambda(ax):
    from helpers import network
    from helpers.plots.network import plot_share_vs_lambda
    graph, users, _ = tencent()
    grid = [0.0, 0.1, 0.2]
    sweep = pd.DataFrame([network.forced_choice(graph, users["base_qq"], users["base_360"], lam=lam, seed=0).share
                          for lam in grid], index=pd.Index(grid, name="λ"))
    plot_share_vs_lambda(sweep, ax=ax)


def draw_share_by_round(ax):
    from helpers.plots.network import plot_share_by_round
    plot_share_by_round(tencent()[2], ax=ax)


def draw_sides(ax):
    from helpers import platform
    from helpers.plots.platform import plot_sides
    base = platform.simulate_platform(platform.platform_params(), periods=36)
    plot_sides(base, ax=ax)
    plot_sides(base, ax=ax.figure.add_subplot(2, 1, 2), share=False)


def draw_money(ax):
    from helpers import platform
    from helpers.plots.platform import plot_money
    plot_money(platform.simulate_platform(platform.platform_params(subsidy_side="readers", subsidy=5), periods=36),
               ax=ax)


def draw_funnel(ax):
    from helpers import platform
    from helpers.plots.platform import plot_funnel
    plot_funnel(platform.conversion_funnel(200_000, {"visitors": 0.30, "engaged": 0.20, "paying": 0.05}), ax=ax)


def draw_cohort_profit(ax):
    from helpers import value
    from helpers.plots.retention import plot_cohort_profit
    plot_cohort_profit(value.cohort_profit(acquisition_cost=150, margin=100, retention=0.8, discount=0.12,
                                           periods=15, cohort_size=1000), ax=ax)


def draw_clv_curve(ax):
    from helpers.plots.retention import plot_clv_curve
    r = np.linspace(0.3, 0.95, 30)
    plot_clv_curve(r, 100 * r / (1 + 0.1 - r), current=(0.8, 100 * 0.8 / 0.3), ax=ax)


def draw_stage_models(ax):
    from helpers import lifecycle
    from helpers.plots.stage_models import plot_stage_models
    plot_stage_models(lifecycle.stage_models_table(), ax=ax)


def draw_lifecycle_level(ax):
    from helpers import lifecycle
    from helpers.plots.stage_models import plot_lifecycle_level
    plot_lifecycle_level(lifecycle.lifecycle_curve(), ax=ax)


def draw_lifecycle_economics(ax):
    from helpers import lifecycle
    from helpers.plots.stage_models import plot_lifecycle_economics
    plot_lifecycle_economics(lifecycle.lifecycle_curve(), ax=ax)


def draw_cumulative_profit(ax):
    from helpers import lifecycle
    from helpers.plots.stage_models import plot_cumulative_profit
    plot_cumulative_profit(lifecycle.lifecycle_curve(), ax=ax, names=True)


def draw_lifecycle_panels(ax):
    from helpers import lifecycle
    from helpers.plots.stage_models import plot_lifecycle_panels
    fig = ax.figure
    ax.remove()
    plot_lifecycle_panels(lifecycle.lifecycle_curve(), fig=fig)


def draw_stages_stage_mix(ax):
    from helpers import lifecycle
    from helpers.plots.stages import plot_stage_mix
    plot_stage_mix(lifecycle.stage_mix(xiaomi()[1]), ax=ax)


def draw_confusion(ax):
    from helpers import lifecycle
    from helpers.plots.stages import plot_confusion
    x, panel = xiaomi()
    conf = lifecycle.stage_confusion(x["true_stages"], panel)
    plot_confusion(conf, ax=ax)
    plot_confusion(conf, ax=ax.figure.add_subplot(2, 1, 2), normalize=False)


def draw_timelines(ax):
    from helpers.plots.stages import plot_timelines
    x, panel = xiaomi()
    plot_timelines(panel, ["X00010", "X00500", "X02000", "X05000"], ax=ax, truth=x["true_stages"])


def draw_gains(ax):
    from helpers import campaigns
    from helpers.plots.strategy import plot_gains
    prospects = campaigns.simulate_campaign(4000, seed=7)
    plot_gains(campaigns.gains_table(prospects["response_probability"], prospects["responded"]), ax=ax)


def _churn_curves(table):
    rng = np.random.default_rng(0)
    outcome = pd.Series(rng.uniform(size=2000) < 0.3)
    names = ("logistic regression", "decision tree", "recency")    # helpers.churn's models, the yardstick
    return {name: table(outcome, pd.Series(np.clip(0.3 * outcome + rng.uniform(size=2000) * 0.7, 0, 1)))
            for name in names}


def draw_roc(ax):
    from helpers import churn
    from helpers.plots.strategy import plot_roc
    plot_roc(_churn_curves(churn.roc_points), ax=ax)


def draw_calibration(ax):
    from helpers import churn
    from helpers.plots.strategy import plot_calibration
    plot_calibration(_churn_curves(churn.calibration_table), ax=ax)


def draw_winback(ax):
    from helpers import churn
    from helpers.plots.strategy import plot_winback
    rng = np.random.default_rng(3)
    customers = pd.DataFrame({"p_alive": rng.uniform(0, 1, 300), "clv": rng.gamma(2.0, 400.0, 300)})
    plot_winback(churn.rank_winback(customers, save_rate=0.15, cost=50.0), ax=ax)


def draw_response_curves(ax):
    from helpers import budget
    from helpers.plots.strategy import plot_response_curves
    plot_response_curves(budget.STAGE_CURVES, budget.allocate_budget(1000.0, budget.STAGE_CURVES), ax=ax)


def draw_allocation(ax):
    from helpers import budget
    from helpers.plots.strategy import plot_allocation
    plot_allocation(budget.allocate_budget(1000.0, budget.STAGE_CURVES), ax=ax)


def draw_loyalty(ax):
    from helpers import loyalty
    from helpers.plots.strategy import plot_loyalty
    x, _ = xiaomi()
    survey = loyalty.simulate_loyalty_survey(x["true_stages"], x["customers"], survey_month="2014-12-01",
                                             n=600, seed=11)
    plot_loyalty(loyalty.join_behaviour(survey, x["orders"], "2014-12-31", months=12), ax=ax)


def draw_abc(ax):
    from helpers.value import abc_classes, rfm_table
    from helpers.plots.value import plot_abc
    plot_abc(abc_classes(rfm_table(cdnow()[0])["monetary"]), ax=ax)


def draw_lorenz(ax):
    from helpers.value import lorenz_curve, rfm_table
    from helpers.plots.value import plot_lorenz
    plot_lorenz(lorenz_curve(rfm_table(cdnow()[0])["monetary"]), ax=ax, label="CDNOW")


def draw_rfm_segments(ax):
    from helpers.value import rfm_segments, rfm_table, segment_summary
    from helpers.plots.value import plot_rfm_segments
    plot_rfm_segments(segment_summary(rfm_segments(rfm_table(cdnow()[0]))), ax=ax)


def draw_recency_timeline(ax):
    from helpers.plots.value import plot_recency_timeline
    tx = cdnow()[0]
    chosen = list(tx["customer_id"].drop_duplicates().iloc[[0, 5, 9]])
    plot_recency_timeline(tx, chosen, now="1998-06-30", ax=ax)


def draw_timeline(ax):
    from helpers import xiaomi as facts
    from helpers.plots.xiaomi import plot_timeline
    plot_timeline(facts.timeline(), ax=ax)


def draw_hunger_marketing(ax):
    from helpers import hunger_marketing as hm
    from helpers.plots.xiaomi import plot_hunger_marketing
    plot_hunger_marketing(hm.hunger_marketing(), ax=ax)


def draw_prospects(ax):
    from helpers import hunger_marketing as hm
    from helpers.plots.xiaomi import plot_prospects
    plot_prospects(hm.hunger_marketing(), ax=ax)


def draw_frustration_region(ax):
    from helpers import hunger_marketing as hm
    from helpers.plots.xiaomi import plot_frustration_region
    plot_frustration_region(hm.frustration_region(), ax=ax)


LAUNCHES = {"Redmi": "2013-07-31", "Redmi Note": "2014-03-26"}


def draw_stage_mix_launches(ax):
    from helpers import lifecycle
    from helpers.plots.xiaomi_lifecycle import plot_stage_mix_launches
    plot_stage_mix_launches(lifecycle.stage_mix(xiaomi()[1]), LAUNCHES, ax)


def draw_transition_differences(ax):
    from helpers import bootstrap
    from helpers.plots.xiaomi_lifecycle import plot_transition_differences
    x, panel = xiaomi()
    member = x["customers"].set_index("customer_id")["forum_member"]
    comparison = bootstrap.compare_transitions(panel, member, n_boot=50, seed=2014)
    moves = [("exploration", "formation"), ("formation", "decline"), ("decline", "churned")]
    plot_transition_differences(comparison, moves, ax)


def draw_winback_launches(ax):
    from helpers import winback
    from helpers.plots.xiaomi_lifecycle import plot_winback
    panel = xiaomi()[1]
    launch_table = winback.launch_winback(panel, LAUNCHES, months=3, before=12, n_boot=50, seed=2013)
    plot_winback(winback.winback_by_month(panel).loc["2012-01":], launch_table, ax)


#: One drawing per public plot function: "module.function" -> a function drawing it on an Axes.
DRAWINGS = {
    "btyd.plot_tracking": draw_tracking,
    "btyd.plot_conditional_expectations": draw_conditional_expectations,
    "btyd.plot_p_alive_matrix": draw_p_alive_matrix,
    "btyd.plot_population_curve": draw_population_curve,
    "markov.plot_transition_matrix": draw_transition_matrix,
    "markov.plot_stage_mix": draw_markov_stage_mix,
    "markov.plot_stage_mix (baseline)": draw_markov_stage_mix_baseline,
    "markov.plot_lifetime_by_stage": draw_lifetime_by_stage,
    "network.plot_cascade": draw_cascade,
    "network.plot_forced_choice": draw_forced_choice,
    "network.plot_stickiness_by_shape": draw_stickiness_by_shape,
    "network.plot_share_vs_lambda": draw_share_vs_lambda,
    "network.plot_share_by_round": draw_share_by_round,
    "platform.plot_sides": draw_sides,
    "platform.plot_money": draw_money,
    "platform.plot_funnel": draw_funnel,
    "retention.plot_cohort_profit": draw_cohort_profit,
    "retention.plot_clv_curve": draw_clv_curve,
    "stage_models.plot_stage_models": draw_stage_models,
    "stage_models.plot_lifecycle_level": draw_lifecycle_level,
    "stage_models.plot_lifecycle_economics": draw_lifecycle_economics,
    "stage_models.plot_cumulative_profit": draw_cumulative_profit,
    "stage_models.plot_lifecycle_panels": draw_lifecycle_panels,
    "stages.plot_stage_mix": draw_stages_stage_mix,
    "stages.plot_confusion": draw_confusion,
    "stages.plot_timelines": draw_timelines,
    "strategy.plot_gains": draw_gains,
    "strategy.plot_roc": draw_roc,
    "strategy.plot_calibration": draw_calibration,
    "strategy.plot_winback": draw_winback,
    "strategy.plot_response_curves": draw_response_curves,
    "strategy.plot_allocation": draw_allocation,
    "strategy.plot_loyalty": draw_loyalty,
    "value.plot_abc": draw_abc,
    "value.plot_lorenz": draw_lorenz,
    "value.plot_rfm_segments": draw_rfm_segments,
    "value.plot_recency_timeline": draw_recency_timeline,
    "xiaomi.plot_timeline": draw_timeline,
    "xiaomi.plot_hunger_marketing": draw_hunger_marketing,
    "xiaomi.plot_prospects": draw_prospects,
    "xiaomi.plot_frustration_region": draw_frustration_region,
    "xiaomi_lifecycle.plot_stage_mix_launches": draw_stage_mix_launches,
    "xiaomi_lifecycle.plot_transition_differences": draw_transition_differences,
    "xiaomi_lifecycle.plot_winback": draw_winback_launches,
}


def plot_modules():
    return {m.name: importlib.import_module(f"helpers.plots.{m.name}")
            for m in pkgutil.iter_modules(helpers.plots.__path__) if not m.name.startswith("_")}


def drawn_texts(name, language):
    plotting.use_language(language)
    try:
        fig = plt.figure(figsize=(10, 8))
        DRAWINGS[name](fig.add_subplot(2, 1, 1) if name in TWO_PANELS else fig.add_subplot())
        return figure_texts(fig)
    finally:
        plt.close("all")
        plotting.use_language("en")


#: Drawings that add a second panel of their own below the first.
TWO_PANELS = {"markov.plot_lifetime_by_stage", "network.plot_stickiness_by_shape", "platform.plot_sides",
              "stages.plot_confusion"}


def test_every_public_plot_function_is_drawn_here():
    public = {f"{module}.{name}" for module, m in plot_modules().items()
              for name, fn in vars(m).items()
              if name.startswith("plot_") and inspect.isfunction(fn) and fn.__module__ == m.__name__}
    assert public <= {name.split(" ")[0] for name in DRAWINGS}, public - set(DRAWINGS)


@pytest.mark.parametrize("name", DRAWINGS)
def test_a_chinese_figure_shows_no_english_words(name):
    texts = drawn_texts(name, "zh")
    assert texts, f"{name} drew no text"
    assert not english_words(texts), f"{name}: {sorted(english_words(texts))} in {texts}"


@pytest.mark.parametrize("name", DRAWINGS)
def test_switching_back_to_english_gives_the_english_texts(name):
    english = drawn_texts(name, "en")
    chinese = drawn_texts(name, "zh")
    assert drawn_texts(name, "en") == english
    assert chinese != english
    assert english_words(english), f"{name} drew no English word in English"


@pytest.mark.parametrize("name, language, expected", [
    ("btyd.plot_p_alive_matrix", "en", "P(alive), T = 39 weeks"),
    ("btyd.plot_p_alive_matrix", "zh", "存活概率，T = 39 周"),
    ("network.plot_stickiness_by_shape", "en", "10th percentile s"),
    ("network.plot_stickiness_by_shape", "zh", "无标度网络"),
    ("stage_models.plot_stage_models", "en", "Four-stage model"),
    ("stage_models.plot_stage_models", "zh", "四阶段模型"),
    ("value.plot_abc", "zh", "A 类：33% → 80%"),
    ("value.plot_abc", "en", "Class A: 33% → 80%"),
    ("xiaomi.plot_timeline", "en", "community"),
    ("xiaomi.plot_timeline", "zh", "社区"),
    ("strategy.plot_roc", "en", "logistic regression"),
    ("strategy.plot_roc", "zh", "逻辑回归"),
    ("retention.plot_cohort_profit", "zh", "金额（元）"),
])
def test_texts_built_from_data_are_shown_in_the_language(name, language, expected):
    assert expected in drawn_texts(name, language)


# --- no display text written in a plot module ---------------------------------------------------

#: Methods whose string arguments a figure shows.
DRAWING_METHODS = {"set_title", "set_xlabel", "set_ylabel", "legend", "text", "annotate", "suptitle",
                   "set_text", "set_xticks", "set_yticks", "set_xticklabels", "set_yticklabels", "plot",
                   "scatter", "bar", "barh", "fill_between", "axvline", "axhline", "axvspan", "hlines",
                   "vlines", "stackplot", "colorbar", "Patch", "Line2D", "stack_areas"}
#: Keyword arguments that are not shown (styles, placement).
STYLE_KEYWORDS = {"color", "colors", "c", "ls", "linestyle", "linestyles", "marker", "ha", "va", "loc",
                  "fontsize", "cmap", "shading", "facecolor", "edgecolor", "textcoords", "xycoords",
                  "solid_capstyle", "boxstyle", "interpolation", "origin", "aspect", "edgecolors",
                  "rotation", "fontweight", "weight", "bbox", "transform"}


def display_literals(tree):
    """(line, text) of each string literal with a letter in it that a drawing call shows: a
    positional argument, or a keyword argument that is not a style (label=, title=...)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in DRAWING_METHODS:
            continue
        shown = list(node.args) + [k.value for k in node.keywords if k.arg not in STYLE_KEYWORDS]
        for arg in shown:
            found += _literals(arg)
    return sorted(found)


def _literals(node):
    """The texts in an argument, not counting what a call returns (``plotting.label("key")``,
    ``str(name)``), but counting a literal a method is called on (``"Week {n}".format(n)``)."""
    if isinstance(node, ast.Call):
        return _literals(node.func.value) if isinstance(node.func, ast.Attribute) else []
    if isinstance(node, ast.Constant):
        text = node.value
        if isinstance(text, str) and re.search(r"[A-Za-z\u4e00-\u9fff]", text) and not _is_style(text):
            return [(node.lineno, text)]
        return []
    if isinstance(node, ast.Subscript):         # table["column"]: a column, not a text
        children = [node.value]
    elif isinstance(node, ast.FormattedValue):  # f"{v:.2f}": a format, not a text
        children = [node.value]
    elif isinstance(node, ast.Dict):            # {"color": ...}: keys are options
        children = [v for v in node.values if v is not None]
    else:
        children = list(ast.iter_child_nodes(node))
    return [found for child in children for found in _literals(child)]


def _is_style(value):
    """Colour names and matplotlib codes ("o", "--", "black", "#0072B2", "C1") are not texts."""
    return bool(re.fullmatch(r"#[0-9A-Fa-f]{3,8}|C\d|[-.:o|s^v]+|black|white|grey|gray|none", value))


@pytest.mark.parametrize("module", sorted(plot_modules()))
def test_no_plot_module_writes_a_display_text_of_its_own(module):
    path = Path(helpers.plots.__file__).with_name(f"{module}.py")
    found = display_literals(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, f"helpers/plots/{module}.py draws texts that are not in helpers/texts/plots.toml: {found}"


@pytest.mark.parametrize("module", sorted(plot_modules()))
def test_no_plot_module_chooses_between_literal_texts_by_language(module):
    """``"English" if language() == "en" else "中文"`` keeps texts out of the catalogue."""
    source = Path(helpers.plots.__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
    assert "add_labels" not in source, f"helpers/plots/{module}.py registers texts: move them to plots.toml"
    choices = [node.lineno for node in ast.walk(ast.parse(source))
               if isinstance(node, ast.IfExp) and "language" in ast.dump(node.test)
               and (_literals(node.body) or _literals(node.orelse))]
    assert not choices, f"helpers/plots/{module}.py, lines {choices}: a text chosen by language, not looked up"


def test_the_scan_finds_a_literal_title():
    tree = ast.parse('ax.set_title("Profit by month")\nax.set_title(plotting.label("k"))\n'
                     'ax.plot(x, y, "o", color="#D55E00", label=f"{n} calls")\nax.legend(loc="upper left")\n'
                     'ax.set_title(plotting.label("k") if zh else "Profit")\nax.text(0, 1, "Week {n}".format(n=n))\n'
                     'ax.plot(t["actual"], label=f"{v:.2f}")')
    assert display_literals(tree) == [(1, "Profit by month"), (3, " calls"), (5, "Profit"), (6, "Week {n}")]


def test_the_chinese_plot_texts_use_the_readings_terms():
    import tomllib

    from helpers.glossary import avoided
    with open(Path(helpers.plots.__file__).parents[1] / "texts" / "plots.toml", "rb") as f:
        chinese = repr(tomllib.load(f))
    used = {bad: good for bad, good in avoided().items() if bad in chinese}
    assert not used, f"helpers/texts/plots.toml uses forms the glossary avoids: {used}"
