"""Walk notebooks as RISE shows, the way a lecturer presents them: JupyterLab and Chromium at
1280×720, *Run All Cells* and save, then the show (jupyterlab-rise's ``/rise/<notebook>``, what
*View → Open as Reveal Slideshow* opens) walked with the → key only.

For each slide it records how far the content reaches in slide coordinates (RISE's slide is the
notebooks' ``rise`` width × height, 1280×720, scaled to the window), so a slide *overflows* when
its content is taller or wider than that: then RISE's scroll fallback has to put a scrollbar on it
(``scroll`` in the notebooks' ``rise`` settings), or the bottom is cut off. Boxes that scroll on
their own inside a slide (a long table, a long code line) are counted apart, as in
tools/walk_decks.py.

The notebooks are copied, with the ``rise.css`` beside them, into a scratch folder that a
JupyterLab of its own serves: running and saving them there leaves the course's notebooks as
they are.

Usage::

    python tools/walk_rise.py [--json walk.json] [--shots DIR] [notebooks...]   # all if none given

The browser test ``tests/browser/test_browser_slides.py`` reuses :func:`walk`.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course  # noqa: E402
from tools.browser import lab_server, launch, refuse_external  # noqa: E402

VIEWPORT = {"width": 1280, "height": 720}

OPEN = """async (path) => {
  const wait = (ms) => new Promise(r => setTimeout(r, ms));
  for (let i = 0; i < 1200; i++) {
    const app = window.jupyterapp, w = app && app.shell.currentWidget;
    if (w && w.context && w.context.path === path && w.sessionContext && w.sessionContext.session
        && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle') return true;
    await wait(100);
  }
  return false;
}"""

# Run → Run All Cells, wait for the kernel, then save (what Render/Open as Reveal Slideshow does
# before it opens the show); returns the errors the cells raised
RUN_ALL_AND_SAVE = """async () => {
  const app = window.jupyterapp, wait = (ms) => new Promise(r => setTimeout(r, ms));
  const panel = app.shell.currentWidget;
  await app.commands.execute('notebook:run-all-cells');
  for (let i = 0; i < 3000; i++) {
    const cells = panel.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim());
    const done = cells.every(c => c.model.executionCount !== null && c.model.executionState !== 'running');
    if (done && panel.sessionContext.session.kernel.status === 'idle') break;
    await wait(100);
  }
  await app.commands.execute('docmanager:save');
  return panel.content.widgets.filter(c => c.model.type === 'code')
    .flatMap(c => c.model.outputs.toJSON().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue));
}"""

# The slide on screen, measured in slide coordinates (independent of how RISE scales the slide).
# A box that clips its content (overflow other than visible: a scrolling table, the code editor's
# scroller) is measured by its own box, and counted as a scroll box when its content is larger.
STATE = """([W, H]) => {
  const slides = document.querySelector('.reveal .slides');
  const stacks = [...document.querySelectorAll('.reveal .slides > section')];
  const stack = document.querySelector('.reveal .slides > section.present');
  if (!stack) return null;
  const s = stack.querySelector(':scope > section.present') || stack;
  const scale = slides.getBoundingClientRect().width / W;
  const box = s.getBoundingClientRect();
  const top = box.top - s.scrollTop;
  let bottom = box.top, right = box.left, boxes = 0, cut = 0;
  const visit = (el) => {
    for (const child of el.children) {
      const style = getComputedStyle(child);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = child.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) { bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right); }
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const hides = child.scrollHeight - child.clientHeight, hidesX = child.scrollWidth - child.clientWidth;
      if (!clips) visit(child);
      else if (/auto|scroll/.test(style.overflowY + style.overflowX)) { if (hides > 2 || hidesX > 2) boxes += 1; }
      else if (hides > 4 || hidesX > 4) {
        // content cut off by a box that does not scroll: it counts where it would reach
        cut += 1;
        bottom = Math.max(bottom, r.top + child.scrollHeight * scale);
        right = Math.max(right, r.left + child.scrollWidth * scale);
      } else visit(child);
    }
  };
  visit(s);
  const heading = s.querySelector('.jp-RenderedMarkdown h1, .jp-RenderedMarkdown h2, .jp-RenderedMarkdown h3, .jp-RenderedMarkdown h4');
  const text = (heading ? heading.textContent : s.textContent || '').replace('¶', '').trim().replace(/\\s+/g, ' ');
  return {h: stacks.indexOf(stack), total: stacks.length,
          height: Math.round((bottom - top) / scale), width: Math.round((right - box.left) / scale),
          scrollbar: s.style.overflowY === 'scroll', scrollboxes: boxes, cut,
          explorer: !!s.querySelector('.widget-vbox .widget-image, .widget-vbox .widget-html'),
          // each cell's own height, and the smallest figure as shown (slide pixels)
          cells: [...s.querySelectorAll(':scope > .jp-Cell')].map(c => [c.classList.contains('jp-MarkdownCell') ? 'markdown' : 'code',
                  Math.round(c.scrollHeight), Math.round(c.getBoundingClientRect().height / scale)]),
          figure: Math.min(...[...s.querySelectorAll('.jp-OutputArea-output img')].map(i => Math.round(i.getBoundingClientRect().height / scale)).filter(h => h > 0), 9999),
          title: text.slice(0, 70)};
}"""

WIDGETS_DRAWN = """() => [...document.querySelectorAll('.reveal .slides section.present .jp-OutputArea-output')]
  .every(o => !o.querySelector('.jupyter-widgets') || o.querySelector('.widget-image[src], .widget-html'))"""


def scratch_copy(notebooks: list[Path], root: Path) -> list[str]:
    """Copy ``notebooks`` (and each folder's rise.css) under ``root``; return their paths there."""
    rels = []
    for path in notebooks:
        rel = path.relative_to(course.ROOT)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, root / rel)
        css = path.parent / "rise.css"
        if css.exists():
            shutil.copy(css, root / rel.parent / "rise.css")
        rels.append(rel.as_posix())
    return rels


def overflows(st: dict) -> bool:
    """Content beyond the 1280×720 slide, or cut off inside a box that does not scroll."""
    return st["height"] > VIEWPORT["height"] + 2 or st["width"] > VIEWPORT["width"] + 2 or st["cut"] > 0


def run_and_save(context, lab_url: str, rel: str):
    """Open ``rel`` in JupyterLab, run every cell and save it; return the page (its kernel keeps
    the explorers' widgets that the show displays) and the errors the cells raised."""
    lab = context.new_page()
    lab.goto(f"{lab_url}/lab/tree/{rel}?reset", wait_until="domcontentloaded")
    lab.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=120_000)
    if not lab.evaluate(OPEN, rel):
        raise RuntimeError(f"{rel} did not open with an idle kernel")
    return lab, lab.evaluate(RUN_ALL_AND_SAVE)


def walk_show(context, lab_url: str, rel: str, shots: Path | None = None, max_steps: int = 200) -> dict:
    """Open the saved ``rel`` as a RISE show and press → until its last slide; measure every slide."""
    page = context.new_page()
    page.goto(f"{lab_url}/rise/{rel}", wait_until="domcontentloaded")
    page.wait_for_selector(".reveal.ready .slides section", timeout=120_000)
    page.wait_for_timeout(2000)
    # a lecturer clicks into the show (a slider, a cell); → must still go one slide at a time
    page.locator(".reveal").first.click(position={"x": 5, "y": 5})
    seen, slides = set(), []
    for _ in range(max_steps):
        page.wait_for_timeout(500)  # longer than RISE's sync timeout (250 ms)
        st = page.evaluate(STATE, [VIEWPORT["width"], VIEWPORT["height"]])
        if st["explorer"] or overflows(st):
            # an explorer draws its figure after the slide arrives; a late output grows the slide
            try:
                page.wait_for_function(WIDGETS_DRAWN, timeout=20_000)
            except Exception:  # noqa: BLE001 - measured as it is
                pass
            page.wait_for_timeout(1000)
            st = page.evaluate(STATE, [VIEWPORT["width"], VIEWPORT["height"]])
        if st["h"] not in seen:
            seen.add(st["h"])
            st["over"] = overflows(st)
            slides.append(st)
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                name = rel.replace("/", "_").removesuffix(".ipynb")
                page.screenshot(path=str(shots / f"{name}-{st['h']:02d}{'-over' if st['over'] else ''}.png"))
        if st["h"] == st["total"] - 1:
            break
        page.keyboard.press("ArrowRight")
    page.close()
    return {"notebook": rel, "total": slides[-1]["total"] if slides else 0, "reached": len(seen),
            "visited": [s["h"] for s in slides],
            "overflowing": [s for s in slides if s["over"]],
            "scrollbars": sum(s["scrollbar"] for s in slides),
            "scrollboxes": sum(1 for s in slides if s["scrollboxes"]),
            "slides": slides}


def present(context, lab_url: str, rel: str, shots: Path | None = None) -> dict:
    """What a lecturer does: Run All and save in JupyterLab, then walk the show; the kernel is shut down after."""
    started = time.time()
    lab, errors = run_and_save(context, lab_url, rel)
    try:
        result = walk_show(context, lab_url, rel, shots=shots)
    finally:
        lab.evaluate("() => window.jupyterapp.commands.execute('kernelmenu:shutdown')")
        lab.close()
    return {**result, "errors": errors, "seconds": round(time.time() - started, 1)}


def walk(notebooks: list[Path] | None = None, shots: Path | None = None, browser=None, tmp: Path | None = None) -> dict:
    """Walk every notebook in ``notebooks`` (all of the English course if None) as a RISE show;
    return {"shows": [...], "external": [...]} (requests that tried to leave the machine)."""
    notebooks = notebooks or course.course_notebooks()
    owned = tmp is None
    tmp = Path(tempfile.mkdtemp()) if owned else tmp
    root = tmp / "course"
    rels = scratch_copy(notebooks, root)
    server = lab_server(tmp, root=root)
    shows, external = [], []

    def run(chromium):
        context = chromium.new_context(viewport=VIEWPORT)
        refused = refuse_external(context, server.url)
        try:
            for rel in rels:
                shows.append(present(context, server.url, rel, shots=shots))
        finally:
            context.close()
        external.extend(refused)

    try:
        if browser is not None:
            run(browser)
        else:
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                chromium = launch(p)
                try:
                    run(chromium)
                finally:
                    chromium.close()
    finally:
        server.stop()
        if owned:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"shows": shows, "external": external}


def report(result: dict) -> str:
    lines = [f"{'notebook':52} {'slides':>6} {'reached':>7} {'overflow':>8} {'scrollbar':>9} {'boxes':>5} {'s':>6}"]
    for d in result["shows"]:
        lines.append(f"{d['notebook']:52} {d['total']:>6} {d['reached']:>7} {len(d['overflowing']):>8} "
                     f"{d['scrollbars']:>9} {d['scrollboxes']:>5} {d['seconds']:>6}")
        for o in d["overflowing"]:
            lines.append(f"    slide {o['h'] + 1}: {o['height']}×{o['width']}  {o['title'][:60]}")
    shows = result["shows"]
    lines.append(f"{'total':52} {sum(d['total'] for d in shows):>6} {sum(d['reached'] for d in shows):>7} "
                 f"{sum(len(d['overflowing']) for d in shows):>8} {sum(d['scrollbars'] for d in shows):>9}")
    lines.append(f"external requests: {len(result['external'])} {sorted(set(result['external']))[:5]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None, help="write the full result here")
    parser.add_argument("--shots", type=Path, default=None, help="save a 1280×720 screenshot of every slide here")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    result = walk([p.resolve() for p in args.notebooks] or None, shots=args.shots)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
