"""Control change -> figure updated, in a real browser, for every explorer (median and p95).

Each explorer's Voila dashboard is opened in Debian's Chromium and a slider handle is moved one
step with the keyboard, there and back. The page itself times each move: from the ``keydown``
event to the animation frame in which the new picture, loaded, is painted. That is what a person
at the screen waits for. The time seen from Python (press sent -> new picture noticed) is printed
beside it: it adds Playwright's own round trips and polling (20-30 ms more at the median on a
2-core machine), which no user waits for. Target: median <= 100 ms. Needs Chromium
(`apt-get install chromium`).
"""
import statistics
import tempfile
import time
from pathlib import Path

from tools import dashboards
from tools.browser import CHROMIUM, launch, voila_server

MOVES = 20

#: Installed on the explorer's figure: records, per move, milliseconds from the key going down to
#: the frame that paints the new picture.
STOPWATCH = """([handle, image]) => {
    window.__redraws = [];
    let start = null;
    handle.addEventListener('keydown', () => { start = performance.now(); }, true);
    image.addEventListener('load', () => {
        if (start === null) return;
        const t0 = start;
        start = null;
        requestAnimationFrame(() => window.__redraws.push(performance.now() - t0));
    });
}"""


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def measure(page, url):
    """(in-page times, times seen from Python) in ms for MOVES moves; empty without a slider."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator(".widget-vbox").first.wait_for(timeout=120_000)
    explorer = page.locator(".widget-vbox:has(> .widget-image)").first
    if not explorer.count():          # a table explorer: no figure to time
        return [], []
    image = explorer.locator(":scope > .widget-image")
    handle = explorer.locator(".noUi-handle")
    if not handle.count():
        return [], []
    page.evaluate(STOPWATCH, [handle.first.element_handle(), image.element_handle()])
    handle.first.focus()
    seen = []
    for i in range(MOVES):
        start = time.perf_counter()
        handle.first.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")   # one step there and back
        page.wait_for_function("n => window.__redraws.length >= n", arg=i + 1, timeout=30_000)
        seen.append((time.perf_counter() - start) * 1000)
    return page.evaluate("window.__redraws"), seen


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
                in_page, seen = measure(page, f"{server.url}/voila/render/{name}.ipynb")
                if not in_page:
                    print(f"{name:32s} no figure with a slider to time")
                    continue
                median, p95 = percentiles(in_page)
                seen_median, _ = percentiles(seen)
                print(f"{name:32s} key -> new picture painted: median {median:6.1f} ms   p95 {p95:6.1f} ms"
                      f"   (seen from Python: median {seen_median:6.1f} ms)")
            browser.close()
    finally:
        server.stop()
