"""The lecture hall at 1280×720 in a real Chromium: every static deck, English and Chinese, walked with → only (every
slide reached, none overflowing, nothing fetched from the internet), a Voilà dashboard with its
explorer on one screen, and a RISE show that → walks to the end."""
import pytest

from tools import course, dashboards, publish, walk_decks
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
