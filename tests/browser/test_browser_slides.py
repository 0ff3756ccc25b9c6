"""The lecture hall at 1280×720 in a real Chromium: every static deck, English and Chinese, walked with → only (every
slide reached, none overflowing, nothing fetched from the internet), a Voilà dashboard with its
explorer on one screen, a RISE show that → walks to the end, RISE shows presented as a lecturer
does (Run All, then the show) whose every slide fits, and a RISE show that scales up at 1920×1080."""
import nbformat
import pytest

from tools import course, dashboards, publish, walk_decks, walk_rise
from tools.browser import refuse_external, voila_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
VIEWPORT = walk_decks.VIEWPORT


@pytest.fixture(scope="module")
def walked(browser, tmp_path_factory):
    return walk_decks.walk(tmp_path_factory.mktemp("decks") / "slides", browser=browser)


def test_right_arrow_reaches_every_slide_of_every_deck(walked):
    short = [(d["deck"], d["reached"], d["total"]) for d in walked["decks"] if d["reached"] != d["total"]]
    # the English decks and the Chinese edition's (build/slides/zh/)
    assert len(walked["decks"]) == len(course.course_notebooks()) + len(publish.chinese_notebooks())
    assert sum(d["deck"].startswith("zh/") for d in walked["decks"]) == len(publish.chinese_notebooks())
    assert short == [], f"→ misses slides (deck, reached, slides): {short}"


def test_no_slide_overflows_at_1280_by_720(walked):
    """A slide may fit because a long table or output scrolls in a box of its own (listed by
    tools/walk_decks.py); a slide whose content is cut off or needs the slide itself to scroll fails."""
    over = [(d["deck"], o["slide"], o["title"][:50], o["height"], o["width"])
            for d in walked["decks"] for o in d["overflowing"] + d["overflowing_unreached"]]
    assert over == [], "slides that do not fit 1280×720 (deck, slide, title, height, width):\n" + \
        "\n".join(map(str, over))


def test_decks_request_nothing_from_the_internet(walked):
    assert walked["external"] == []


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    server = voila_server(tmp_path_factory.mktemp("voila-hall"), dashboards.FOLDER)
    yield server
    server.stop()


@pytest.mark.parametrize("name", ["lifecycle_explorer", "transition_matrix_explorer",
                                  "zh/lifecycle_explorer", "zh/transition_matrix_explorer"])
def test_dashboard_fits_1280_by_720_offline(browser, voila, name):
    """English and Chinese (dashboards/zh/, served from the same folder) dashboards."""
    if name.removeprefix("zh/") not in dashboards.explorers():
        pytest.skip(f"no {name}")
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    external = refuse_external(page, voila.url)
    try:
        page.goto(f"{voila.url}/voila/render/{name}.ipynb", wait_until="domcontentloaded")
        explorer = page.locator(".widget-vbox:has(> .widget-image)").first
        explorer.wait_for(timeout=120_000)
        page.wait_for_timeout(1000)
        boxes = explorer.evaluate("""(el) => [el, ...el.querySelectorAll('.widget-slider, .widget-dropdown, .widget-image')]
            .map(e => { const r = e.getBoundingClientRect(); return [e.className.split(' ')[0], r.right, r.bottom]; })""")
        outside = [b for b in boxes if b[1] > VIEWPORT["width"] + 1 or b[2] > VIEWPORT["height"] + 1]
        assert outside == [], f"{name}: outside the 1280×720 screen: {outside}"
        assert external == [], f"{name} fetched {external}"
    finally:
        context.close()


def test_rise_right_arrow_walks_a_course_notebook_to_its_last_slide(browser, lab):
    """RISE from JupyterLab at 1280×720: the show opens at the first slide and → alone reaches the last."""
    path = "notebooks/02_lifecycle_stage_models.ipynb"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    external = refuse_external(page, lab.url)
    try:
        page.goto(f"{lab.url}/rise/{path}", wait_until="domcontentloaded")
        page.wait_for_selector(".reveal.ready .slides section", timeout=120_000)
        page.wait_for_timeout(3000)
        total = page.evaluate("() => document.querySelectorAll('.reveal .slides > section').length")
        first = page.evaluate("() => document.querySelector('.reveal .slides > section.present') === "
                              "document.querySelector('.reveal .slides > section')")
        assert first, "the show should start at the first slide"
        # a lecturer clicks into the show (a slider, a cell): → must still go one slide at a time
        page.locator(".reveal").first.click(position={"x": 5, "y": 5})
        where = ("() => { const s = [...document.querySelectorAll('.reveal .slides > section')];"
                 " return s.indexOf(document.querySelector('.reveal .slides > section.present')); }")
        seen = [page.evaluate(where)]
        for _ in range(total + 3):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(500)  # longer than RISE's auto-select and sync timeouts
            seen.append(page.evaluate(where))
        assert seen[-1] == total - 1, f"→ stopped at slide {seen[-1] + 1} of {total}"
        assert sorted(set(seen)) == list(range(total)), f"→ skipped slides: visited {seen}"
        # RISE wraps each slide in a section of its own; more than one inside would be vertical sub-slides
        stacks = page.evaluate("() => [...document.querySelectorAll('.reveal .slides > section')]"
                               ".map(s => s.querySelectorAll(':scope > section').length)")
        assert max(stacks) <= 1, f"vertical sub-slides, which → skips: {stacks}"
        assert external == [], f"RISE fetched {sorted(set(external))[:5]}"
    finally:
        context.close()


# RISE shows walked slide by slide after Run All (tools/walk_rise.py walks all fourteen): 02 has the
# tallest figure (the five stage models) and an explorer, 04 wide matrix figures and the
# transition-matrix editor, 05 the most slides, tables and text; and 04 of the Chinese edition
RISE_SHOWS = ["notebooks/02_lifecycle_stage_models.ipynb", "notebooks/04_stage_transitions_markov.ipynb",
              "notebooks/05_customer_value_abc_rfm.ipynb", "zh/notebooks/04_stage_transitions_markov.ipynb"]


@pytest.fixture(scope="module")
def rise_walked(browser, tmp_path_factory):
    return walk_rise.walk([course.ROOT / p for p in RISE_SHOWS], browser=browser, tmp=tmp_path_factory.mktemp("rise"))


@pytest.mark.parametrize("path", RISE_SHOWS)
def test_rise_show_after_run_all_fits_every_slide_into_1280_by_720(rise_walked, path):
    """Every slide reached with → one at a time, none taller or wider than the 1280×720 slide, none
    cut off, none needing RISE's scroll fallback; a long text, table or output may scroll in a box
    of its own, as in the static decks. Every explorer is drawn on its slide."""
    show = next(s for s in rise_walked["shows"] if s["notebook"] == path)
    assert show["errors"] == [], f"{path}: cells raised {show['errors']}"
    assert show["visited"] == list(range(show["total"])), f"→ did not go one slide at a time: {show['visited']}"
    over = [(o["h"] + 1, o["title"][:50], o["height"], o["width"], o["cut"]) for o in show["overflowing"]]
    assert over == [], f"{path}: slides that do not fit 1280×720 (slide, title, height, width, boxes cut off): {over}"
    assert show["scrollbars"] == 0, f"{path}: {show['scrollbars']} slides fell back to RISE's scrollbar"
    explorers = sum("nbval-ignore-output" in c.metadata.get("tags", [])
                    for c in nbformat.read(course.ROOT / path, as_version=4).cells)
    assert sum(s["explorer"] for s in show["slides"]) == explorers, f"{path}: an explorer was not drawn"


def test_rise_shows_request_nothing_from_the_internet(rise_walked):
    assert rise_walked["external"] == []


def test_rise_show_scales_up_to_1920_by_1080(browser, lab):
    """The slide stays 1280×720 and reveal.js scales it to the window: at 1920×1080 the whole slide is
    on the screen and its text is half as large again (RISE's own style sheet would stretch the
    slide to the window and reveal.js would then scale that, cutting it off on every side)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        page.goto(f"{lab.url}/rise/notebooks/02_lifecycle_stage_models.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".reveal.ready .slides section", timeout=120_000)
        page.wait_for_timeout(2000)
        box = page.evaluate("""() => { const s = document.querySelector('.reveal .slides');
            const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, s.offsetWidth, s.offsetHeight]; }""")
        left, top, right, bottom, width, height = box
        assert (width, height) == (1280, 720), f"the slide is {width}×{height}, not the 1280×720 of the rise metadata"
        assert left >= -1 and top >= -1 and right <= 1921 and bottom <= 1081, f"the slide reaches outside the screen: {box}"
        assert right - left > 1.4 * 1280, f"the slide is not scaled up: {right - left:.0f} px wide"
    finally:
        context.close()


def test_readme_and_guide_name_the_rise_menu_items_jupyterlab_shows(page, lab):
    """The README (both languages) and the lecturer guide's checklist name RISE's commands as
    JupyterLab 4 with jupyterlab-rise shows them: Render as Reveal Slideshow (Alt+R) and Full screen
    slideshow in the View menu, Open as Reveal Slideshow in the command palette only."""
    page.goto(f"{lab.url}/lab/tree/notebooks/02_lifecycle_stage_models.ipynb?reset", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.context", timeout=120_000)
    page.wait_for_timeout(2000)
    preview, full, tab = page.evaluate("() => ['RISE:preview', 'RISE:fullscreen-plugin', 'RISE:slideshow']"
                                       ".map(c => window.jupyterapp.commands.label(c))")
    page.locator("#jp-menu-panel .lm-MenuBar-itemLabel", has_text="View").first.click()
    view = dict(page.evaluate("() => [...document.querySelectorAll('.lm-Menu .lm-Menu-item')].map(i =>"
                              " [i.querySelector('.lm-Menu-itemLabel').textContent, i.querySelector('.lm-Menu-itemShortcut').textContent])"))
    page.keyboard.press("Escape")
    assert view.get(preview) == "Alt+R" and full in view and tab not in view, f"View menu: {view}"
    page.keyboard.press("Control+Shift+C")
    page.keyboard.type("Reveal Slideshow")
    palette = page.locator(".lm-CommandPalette-itemLabel").all_inner_texts()
    assert tab in palette, f"the command palette should offer {tab}: {palette}"
    for doc in ("README.md", "README.zh-CN.md", "teaching/notes/_presenting.md", "zh/teaching/notes/_presenting.md"):
        text = (course.ROOT / doc).read_text(encoding="utf-8")
        assert all(label in text for label in (preview, full, tab, "Alt+R")), f"{doc} does not name {preview}, {full}, {tab}"
        assert f"View → {tab}" not in text and f"View）→ {tab}" not in text, f"{doc}: {tab} is not in the View menu"
