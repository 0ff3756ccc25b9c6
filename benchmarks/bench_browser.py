"""Control change -> figure updated, in a real browser, for every explorer (median and p95).

Each explorer's Voila dashboard is opened in Debian's Chromium; a slider handle is moved with
the keyboard and the time until the figure's image changes is measured from Python (so it
includes Playwright's round trip of a few milliseconds). Target: median <= 100 ms.
Needs Chromium (`apt-get install chromium`).
"""
import statistics
import tempfile
import time
from pathlib import Path

from tools import dashboards
from tools.browser import CHROMIUM, launch, voila_server

MOVES = 20


def measure(page, url):
    page.goto(url, wait_until="domcontentloaded")
    page.locator(".widget-vbox").first.wait_for(timeout=120_000)
    explorer = page.locator(".widget-vbox:has(> .widget-image)").first
    times = []
    if not explorer.count():          # a table explorer: no figure to time
        return times
    image = explorer.locator(":scope > .widget-image")
    handle = explorer.locator(".noUi-handle")
    if not handle.count():
        return times
    handle.first.focus()
    for i in range(MOVES):
        before = image.get_attribute("src")
        start = time.perf_counter()
        handle.first.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")   # one step there and back
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src",
                               arg=[image.element_handle(), before], timeout=30_000)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main():
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM}")
        return
    from playwright.sync_api import sync_playwright

    dashboards.main([])
    server = voila_server(Path(tempfile.mkdtemp()), dashboards.FOLDER)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name in dashboards.explorers():
                times = sorted(measure(page, f"{server.url}/voila/render/{name}.ipynb"))
                if not times:
                    print(f"{name:32s} no figure with a slider to time")
                    continue
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                print(f"{name:32s} browser redraw median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms")
            browser.close()
    finally:
        server.stop()
