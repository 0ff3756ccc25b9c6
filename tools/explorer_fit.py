"""Every explorer as a lecture hall sees it: its Voilà dashboard (English and Chinese) in Chromium
at 1280×720, and optionally one notebook's explorers in a RISE show.

For each explorer it records

* whether the explorer (title, controls, summary line and figure) lies inside the 1280×720 screen;
* control labels, readouts and drop-down choices cut off (a label whose text is wider than its
  box: ``scrollWidth > clientWidth``), the labels' font size and the narrowest slider track;
* the figure's PNG size against the size it is shown at (a PNG shown wider than it is was
  stretched, and is blurred);
* the smallest text of the figure in screen pixels: its font size in points (read from the same
  explorer built here, in the same language) times the PNG's pixels per point times the shown /
  natural width of the picture in the browser.

Usage::

    python tools/explorer_fit.py [--json out.json] [--shots DIR] [--languages en,zh]
                                 [--rise NOTEBOOK ...] [--no-voila] [names...]

``--rise`` runs a copy of the notebook (under build/, so the notebook itself is never saved) as a
RISE show. ``tests/browser/test_browser_explorers.py`` reuses :func:`measure_dashboards`,
:func:`measure_rise` and :func:`problems`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import dashboards  # noqa: E402
from tools.browser import lab_server, launch, refuse_external, voila_server  # noqa: E402

VIEWPORT = {"width": 1280, "height": 720}
#: the explorer: a VBox holding the figure, or (a table explorer) its last HTML block
EXPLORER = ".widget-vbox:has(> .widget-image), .widget-vbox:has(> .widget-html):not(:has(> .widget-image))"

#: Measured in the page, in screen pixels (after any scaling of a RISE slide).
MEASURE = """(el) => {
  const box = e => e.getBoundingClientRect();
  const shown = e => { const b = box(e); return b.width > 0 && b.height > 0; };
  const cut = e => e.scrollWidth > e.clientWidth + 1;
  const canvas = document.createElement('canvas').getContext('2d');
  const labels = [...el.querySelectorAll('.widget-label')].filter(l => shown(l) && l.textContent.trim())
    .map(l => ({text: l.textContent.trim(), cut: cut(l), font: parseFloat(getComputedStyle(l).fontSize),
                width: Math.round(box(l).width)}));
  const readouts = [...el.querySelectorAll('.widget-readout')].filter(shown)
    .map(r => ({text: (r.value || r.textContent || '').trim(), cut: cut(r)}));
  // a drop-down cuts its chosen text when the text is wider than the box less its arrow
  const selects = [...el.querySelectorAll('select')].filter(shown).map(s => {
    const cs = getComputedStyle(s);
    canvas.font = `${cs.fontSize} ${cs.fontFamily}`;
    const text = s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : '';
    const widest = Math.max(0, ...[...s.options].map(o => canvas.measureText(o.text).width));
    const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return {text, cut: widest > room + 1, widest: Math.round(widest), room: Math.round(room)};
  });
  const tracks = [...el.querySelectorAll('.noUi-target')].filter(shown).map(t => Math.round(box(t).width));
  const img = el.querySelector(':scope > .widget-image');
  // how far the explorer reaches; what scrolls inside a box of its own (a long table) counts
  // as far as that box reaches
  let right = 0, bottom = 0;
  for (const e of [el, ...el.querySelectorAll('*')]) {
    if (!shown(e)) continue;
    let b = box(e), r = b.right, btm = b.bottom;
    for (let a = e.parentElement; a && a !== el.parentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowY !== 'visible' || cs.overflowX !== 'visible') {
        const ab = box(a); r = Math.min(r, ab.right); btm = Math.min(btm, ab.bottom);
      }
    }
    right = Math.max(right, r); bottom = Math.max(bottom, btm);
  }
  const b = box(el);
  let image = null;
  if (img) {
    // the picture drawn inside the image's box: object-fit "contain" letterboxes it
    const ib = box(img), nw = img.naturalWidth, nh = img.naturalHeight, fit = getComputedStyle(img).objectFit;
    let scale = [ib.width / nw, ib.height / nh];
    if (fit === 'contain' || fit === 'scale-down') {
      const s = Math.min(...scale, fit === 'scale-down' ? 1 : Infinity);
      scale = [s, s];
    }
    const r1 = v => Math.round(v * 10) / 10;
    image = {natural: [nw, nh], box: [r1(ib.width), r1(ib.height)], shown: [r1(nw * scale[0]), r1(nh * scale[1])]};
  }
  return {labels, readouts, selects, tracks, left: b.left, top: b.top, right, bottom, image};
}"""


def figure_text(name: str, language: str = "en") -> dict | None:
    """The smallest text of explorer ``name``'s figure, built here as a dashboard builds it:
    ``{"points": font size, "pixels": in the PNG, "text": ..., "dpi": ...}`` (None for a table
    explorer)."""
    import matplotlib.text

    import helpers
    from helpers import plotting, views

    before = helpers.language.language()
    helpers.set_language(language)
    try:
        plotting.use_theme()
        explorer = getattr(views, name)()
    finally:
        helpers.set_language(before)
    figure = explorer.figure
    if figure is None:
        return None
    figure.canvas.draw()
    texts = [t for t in figure.findobj(matplotlib.text.Text)
             if t.get_visible() and t.get_text().strip() and t.get_window_extent().width > 0]
    smallest = min(texts, key=lambda t: t.get_fontsize())
    return {"points": smallest.get_fontsize(), "pixels": smallest.get_fontsize() * figure.dpi / 72,
            "text": smallest.get_text()[:40], "dpi": figure.dpi}


def measure(page, explorer, name: str, language: str) -> dict:
    """What ``explorer`` (a locator) shows on ``page``, with the smallest figure text in screen pixels."""
    found = explorer.evaluate(MEASURE)
    found.update(name=name, language=language, viewport=page.viewport_size)
    text = figure_text(name, language)
    found["figure_text"] = text
    image = found["image"]
    if text is not None and image and image["natural"][0]:
        found["smallest_text_px"] = round(text["pixels"] * image["shown"][0] / image["natural"][0], 1)
    return found


def open_dashboard(page, url: str):
    page.goto(url, wait_until="domcontentloaded")
    explorer = page.locator(EXPLORER).first
    explorer.wait_for(timeout=120_000)
    page.wait_for_function("(el) => { const i = el.querySelector(':scope > .widget-image');"
                           " return !i || (i.complete && i.naturalWidth > 0); }",
                           arg=explorer.element_handle(), timeout=60_000)
    page.wait_for_timeout(500)          # fonts and the grid of controls settle
    return explorer


def measure_dashboards(browser, server_url: str, names=None, languages=("en", "zh"), shots: Path | None = None):
    """Open every dashboard (``dashboards/<name>.ipynb`` and ``dashboards/zh/<name>.ipynb``) served
    at ``server_url`` at 1280×720 and measure its explorer; returns a list of dicts."""
    names = list(names or dashboards.explorers())
    results = []
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    external = refuse_external(page, server_url)
    try:
        for language in languages:
            for name in names:
                path = f"zh/{name}" if language == "zh" else name
                explorer = open_dashboard(page, f"{server_url}/voila/render/{path}.ipynb")
                result = measure(page, explorer, name, language)
                result["where"] = "voila"
                results.append(result)
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(shots / f"voila-{language}-{name}.png"))
    finally:
        context.close()
    return results, external


def fits(result: dict) -> bool:
    """Whether the whole explorer lies inside the screen."""
    width, height = result["viewport"]["width"], result["viewport"]["height"]
    return result["right"] <= width + 1 and result["bottom"] <= height + 1 and result["top"] >= -1


def _setup_source(notebook) -> str:
    """The notebook's code up to its set-up cell (imports ending in ``plotting.use_theme()``),
    that cell included: in the Chinese edition that is the language switch and the set-up."""
    from tools import course
    code = []
    for cell in course.read(notebook).cells:
        if cell.cell_type == "code":
            code.append(cell.source)
            if course.is_setup(cell):
                return "\n".join(code)
    raise ValueError(f"{notebook} has no set-up cell")


def measure_rise(browser, lab, notebook: Path, shots: Path | None = None) -> list[dict]:
    """Show ``notebook`` (a copy, under build/) as RISE presents it at 1280×720 from the JupyterLab
    server ``lab`` (:func:`tools.browser.lab_server`), run its set-up cell in the show's kernel and
    each explorer cell on its slide (Ctrl+Enter, as a lecturer does), and measure each explorer."""
    runtime = Path(lab.log).parent / "runtime"          # where the server writes kernels' connection files
    import shutil

    from jupyter_client import BlockingKernelClient

    from tools import course
    copy = course.ROOT / "build" / "explorer-fit" / notebook.relative_to(course.ROOT).parent / notebook.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(notebook, copy)
    if (notebook.parent / "rise.css").exists():         # RISE's style sheet, beside the notebook
        shutil.copy(notebook.parent / "rise.css", copy.parent / "rise.css")
    rel = copy.relative_to(course.ROOT).as_posix()
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    results = []
    try:
        before = set(runtime.glob("kernel-*.json"))
        page.goto(f"{lab.url}/rise/{rel}", wait_until="domcontentloaded")
        page.wait_for_selector(".reveal.ready .slides section", timeout=120_000)
        deadline = time.time() + 120
        while not (new := set(runtime.glob("kernel-*.json")) - before) and time.time() < deadline:
            time.sleep(0.5)
        client = BlockingKernelClient(connection_file=str(max(new, key=lambda p: p.stat().st_mtime)))
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)
            reply = client.execute_interactive(_setup_source(notebook), timeout=300, output_hook=lambda msg: None)
            assert reply["content"]["status"] == "ok", reply["content"]
        finally:
            client.stop_channels()
        page.wait_for_timeout(1000)
        slides = page.evaluate(SLIDES_WITH_EXPLORERS)
        page.locator(".reveal").first.click(position={"x": 5, "y": 5})
        for index in slides:
            for _ in range(200):
                at = page.evaluate(PRESENT)
                if at == index:
                    break
                page.keyboard.press("ArrowRight" if at < index else "ArrowLeft")
                # one slide at a time: wait for this one to arrive before the next key
                page.wait_for_function(f"() => ({PRESENT})() !== {at}", timeout=10_000)
                page.wait_for_timeout(150)
            assert page.evaluate(PRESENT) == index, f"RISE did not reach slide {index}"
            slide = page.locator(".reveal .slides > section.present")
            slide.locator(".jp-CodeCell .jp-InputArea-editor").first.click()
            page.keyboard.press("Control+Enter")
            explorer = slide.locator(EXPLORER.split(", ")[0]).first
            explorer.wait_for(timeout=120_000)
            page.wait_for_function("(el) => { const i = el.querySelector(':scope > .widget-image');"
                                   " return i && i.complete && i.naturalWidth > 0; }",
                                   arg=explorer.element_handle(), timeout=60_000)
            page.wait_for_timeout(1500)     # RISE re-fits the slide once the output has grown
            name = page.evaluate("(el) => (el.querySelector('.cm-content') || {}).textContent || ''",
                                 slide.locator(".jp-CodeCell").first.element_handle())
            name = name.split("views.")[-1].split("(")[0].strip()
            result = measure(page, explorer, name, "zh" if rel.split("/")[2] == "zh" else "en")
            result["where"] = "rise"
            results.append(result)
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"rise-{notebook.stem}-{name}.png"))
    finally:
        context.close()
    return results


#: The indices of the RISE show's slides whose code cell builds an explorer.
SLIDES_WITH_EXPLORERS = r"""() => [...document.querySelectorAll('.reveal .slides > section')]
  .map((s, i) => [i, [...s.querySelectorAll('.jp-CodeCell .cm-content')].map(c => c.textContent).join(' ')])
  .filter(([i, code]) => /views\.\w+_explorer\(/.test(code)).map(([i]) => i)"""
PRESENT = """() => { const s = [...document.querySelectorAll('.reveal .slides > section')];
  return s.indexOf(document.querySelector('.reveal .slides > section.present')); }"""


def problems(result: dict) -> list[str]:
    """What is wrong with one measured explorer, in words (empty when it is fit for the hall)."""
    found = []
    width, height = result["viewport"]["width"], result["viewport"]["height"]
    if not fits(result):
        found.append(f"outside {width}×{height}: right {result['right']:.0f}, bottom {result['bottom']:.0f}")
    cut = [x["text"] for kind in ("labels", "readouts", "selects") for x in result[kind] if x["cut"]]
    if cut:
        found.append(f"cut off: {cut}")
    image = result["image"]
    if image and image["natural"][0] < image["shown"][0] - 0.5:
        found.append(f"picture stretched: {image['natural'][0]} px shown at {image['shown'][0]} px")
    return found


def report(results: list[dict]) -> str:
    lines = [f"{'where':6} {'lang':4} {'explorer':28} {'fits':>4} {'bottom':>6} {'cut':>3} {'label px':>8} "
             f"{'track min':>9} {'png natural':>11} {'shown':>12} {'x':>5} {'text px':>7}"]
    for r in results:
        image = r["image"]
        ratio = f"{image['shown'][0] / image['natural'][0]:.2f}" if image and image["natural"][0] else "-"
        cut = sum(x["cut"] for kind in ("labels", "readouts", "selects") for x in r[kind])
        fonts = sorted({x["font"] for x in r["labels"]})
        lines.append(
            f"{r['where']:6} {r['language']:4} {r['name']:28} {'yes' if fits(r) else 'NO':>4} "
            f"{r['bottom']:6.0f} {cut:3d} {'/'.join(f'{f:g}' for f in fonts):>8} {min(r['tracks'], default=0):9d} "
            f"{'x'.join(map(str, image['natural'])) if image else '-':>11} "
            f"{'x'.join(f'{v:.0f}' for v in image['shown']) if image else '-':>12} {ratio:>5} "
            f"{r.get('smallest_text_px', '-')!s:>7}")
    cut = [(r["language"], r["name"], x["text"]) for r in results
           for kind in ("labels", "readouts", "selects") for x in r[kind] if x["cut"]]
    lines.append(f"cut off ({len(cut)}): {cut}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None, help="write the full result here")
    parser.add_argument("--shots", type=Path, default=None, help="save a screenshot of each dashboard here")
    parser.add_argument("--languages", default="en,zh")
    parser.add_argument("--rise", type=Path, action="append", default=[],
                        help="also measure this notebook's explorers in a RISE show (repeatable)")
    parser.add_argument("--no-voila", action="store_true", help="measure the RISE show(s) only")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results, external = [], []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        try:
            if not args.no_voila:
                server = voila_server(Path(tmp) / "voila", dashboards.FOLDER)
                try:
                    results, external = measure_dashboards(browser, server.url, args.names or None,
                                                           tuple(args.languages.split(",")), args.shots)
                finally:
                    server.stop()
            if args.rise:
                lab = lab_server(Path(tmp) / "lab")
                try:
                    for notebook in args.rise:
                        results += measure_rise(browser, lab, notebook.resolve(), args.shots)
                finally:
                    lab.stop()
        finally:
            browser.close()
    print(report(results))
    print(f"external requests: {len(external)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
