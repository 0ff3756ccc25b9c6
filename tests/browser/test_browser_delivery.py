"""Classroom delivery in a real browser: Voila dashboards, the offline slide decks and HTML edition,
and a live RISE slideshow."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.test_browser_jupyterlab import EXPLORER, SHOWN, check_responds, move_a_control
from tools import course, dashboards, publish
from tools.browser import refuse_external, voila_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
EXPLORERS = list(dashboards.explorers())


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    server = voila_server(tmp_path_factory.mktemp("voila"), dashboards.FOLDER)
    yield server
    server.stop()


def offline_page(page):
    """Refuse every request that is not for a local file; return the list of refused URLs."""
    return refuse_external(page, "file:")


@pytest.mark.parametrize("name", EXPLORERS)
def test_dashboard_renders_and_responds(page, voila, name):
    page.goto(f"{voila.url}/voila/render/{name}.ipynb", wait_until="domcontentloaded")
    explorer = page.locator(EXPLORER).first
    explorer.wait_for(timeout=120_000)
    assert page.locator("text=Error displaying widget").count() == 0
    check_responds(page, explorer)


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    publish.build("html", out / "html")
    publish.build("slides", out / "slides")
    return out


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_html_edition_opens_offline_with_its_figures(page, editions, edition):
    """The English index and the Chinese one (html/zh/): every notebook's page, with its figures."""
    refused = offline_page(page)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    home = editions / "html" / ("zh" if edition == "zh" else "")
    notebooks = publish.chinese_notebooks() if edition == "zh" else course.course_notebooks()
    page.goto((home / "index.html").as_uri())
    assert page.locator(".crm-language a").count() == 1, "each index links the other language's"
    links = page.locator("table a[href$='.html']")
    assert links.count() == len(notebooks)
    for i in range(links.count()):
        page.goto((home / links.nth(i).get_attribute("href")).as_uri())
        page.wait_for_load_state("load")
        stored = sum(1 for c in course.read(notebooks[i]).cells if c.cell_type == "code"
                     for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
        # saved explorers are drawn by the widget manager after the page has loaded: wait for them
        try:
            page.wait_for_function(f"() => document.querySelectorAll('img').length >= {stored}",
                                   timeout=30_000)
        except PlaywrightTimeout:
            pass
        assert page.locator("img").count() >= stored, "every stored figure is on the page"
        page.goto((home / "index.html").as_uri())
    assert refused == [] and errors == []


def test_slides_open_offline_as_a_deck(page, editions):
    refused = offline_page(page)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in course.course_notebooks() + publish.chinese_notebooks():
        deck = editions / "slides" / path.relative_to(course.ROOT).with_suffix(".slides.html")
        page.goto(deck.as_uri())
        page.wait_for_selector(".reveal.ready", timeout=30_000)  # reveal.js initialised
        slides = page.locator(".reveal .slides > section")
        assert slides.count() >= 5
        assert "present" in slides.nth(0).get_attribute("class")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelectorAll('.reveal .slides > section')[1].classList.contains('present')")
    assert refused == [] and errors == []


@pytest.fixture
def rise_slideshow(page, lab):
    """An explorer's dashboard notebook opened as a RISE slideshow, its code cell run on the slide."""
    if not EXPLORERS:
        pytest.skip("no explorers yet")
    page.goto(f"{lab.url}/rise/dashboards/{EXPLORERS[0]}.ipynb", wait_until="domcontentloaded")
    page.wait_for_selector(".reveal.ready .slides section", timeout=120_000)
    page.wait_for_timeout(2000)  # the kernel starts behind the first slide
    page.locator(".jp-CodeCell .jp-InputArea-editor").first.click()
    page.keyboard.press("Shift+Enter")
    return page


def test_rise_slideshow_runs_an_explorer_cell(rise_slideshow):
    page = rise_slideshow
    figure = page.locator(".jp-CodeCell .jp-OutputArea-output img").first
    figure.wait_for(timeout=120_000)
    assert page.locator(".jp-CodeCell .jp-InputPrompt").first.inner_text().strip() == "[1]:"


def test_rise_widget_on_a_slide_responds(rise_slideshow):
    """Live widgets in RISE need labextensions/crm-course-rise-widgets (jupyterlab-contrib/rise
    issue 119). Arrow keys belong to the slideshow there, so the slider is moved with the mouse."""
    page = rise_slideshow
    explorer = page.locator(EXPLORER).first
    explorer.wait_for(timeout=30_000)
    before = explorer.evaluate(SHOWN)
    track = explorer.locator(".noUi-target")
    if track.count():
        box = track.first.bounding_box()
        page.mouse.click(box["x"] + 0.8 * box["width"], box["y"] + box["height"] / 2)
    else:
        move_a_control(explorer)
    page.wait_for_function(f"([el, before]) => ({SHOWN})(el) !== before",
                           arg=[explorer.element_handle(), before], timeout=30_000)
