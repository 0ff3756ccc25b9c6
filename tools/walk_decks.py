"""Walk every static slide deck as a lecturer would: Chromium at 1280×720, the → key only.

For each deck (``publish.build("slides", ...)``) it records how many slides → reaches against
how many the deck has, which slides overflow the slide box (content taller or wider than
reveal.js's configured slide size, i.e. cut off or needing a scrollbar at 1280×720), and which
fit only because a long table, list or output scrolls in a box of its own (``crm-scrollbox``).
It also records every request that would leave the machine (none should).

Usage::

    python tools/walk_decks.py [--out build/walk] [--json walk.json] [--shots DIR] [notebooks...]

The browser test ``tests/browser/test_browser_slides.py`` reuses :func:`walk`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import course, publish  # noqa: E402
from tools.browser import launch, refuse_external  # noqa: E402

VIEWPORT = {"width": 1280, "height": 720}

# What the current slide shows, measured in reveal.js's slide coordinates (independent of scaling):
# the slide's content height and width against the configured slide size.
REVEAL = "(window.Reveal || Object.values(require.s.contexts._.defined).find(m => m && m.getIndices))"
STATE = """() => {
  const Reveal = %s;
  const cfg = Reveal.getConfig();
  const s = Reveal.getCurrentSlide();
  const idx = Reveal.getIndices();
  // how far the content reaches, in slide coordinates (the decks define crmExtent; older decks do not)
  let h, w;
  if (window.crmExtent) { const e = window.crmExtent(Reveal, s); h = e.height; w = e.width; }
  else {
    const box = s.getBoundingClientRect(), scale = Reveal.getScale() || 1;
    let bottom = box.top, right = box.left;
    for (const el of s.querySelectorAll('*')) {
      if (el.closest('aside.notes')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right);
    }
    h = Math.round((bottom - box.top) / scale); w = Math.round((right - box.left) / scale);
  }
  const heading = s.querySelector('h1, h2, h3, h4');
  return {h: idx.h, v: idx.v || 0, height: h, width: w, boxHeight: cfg.height, boxWidth: cfg.width,
          title: heading ? heading.textContent.replace('¶', '').trim().slice(0, 70) : (s.textContent || '').trim().slice(0, 70),
          scrollboxes: s.querySelectorAll('.crm-scrollbox').length,
          last: Reveal.isLastSlide(), total: Reveal.getTotalSlides()};
}""" % REVEAL


def deck_paths(out: Path, notebooks: list[Path]) -> list[tuple[Path, Path]]:
    return [(p, out / p.relative_to(course.ROOT).with_suffix(".slides.html")) for p in notebooks]


def walk_deck(page, deck: Path, max_steps: int = 400, shots: Path | None = None) -> dict:
    """Open ``deck`` and press → until the last slide; return what was reached and what overflows."""
    page.goto(deck.as_uri())
    page.wait_for_selector(".reveal.ready", timeout=30_000)
    page.wait_for_timeout(300)
    seen, overflowing, boxed = {}, [], []
    for step in range(max_steps):
        page.wait_for_timeout(300)  # the deck fits each slide as it arrives, again after 200 ms
        st = page.evaluate(STATE)
        if st["height"] > st["boxHeight"] + 2 or st["width"] > st["boxWidth"] + 2:
            # formulas and saved explorers draw late: judge the slide once it has settled (1 s)
            page.evaluate("() => new Promise(r => (window.MathJax && MathJax.Hub) ? MathJax.Hub.Queue(r) : r())")
            page.wait_for_timeout(900)
            st = page.evaluate(STATE)
        key = (st["h"], st["v"])
        if key not in seen:
            seen[key] = st
            over = st["height"] > st["boxHeight"] + 2 or st["width"] > st["boxWidth"] + 2
            if over:
                overflowing.append({"slide": f"{st['h']}.{st['v']}", "title": st["title"],
                                    "height": st["height"], "width": st["width"]})
            if st["scrollboxes"]:
                boxed.append({"slide": f"{st['h']}.{st['v']}", "title": st["title"]})
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"{deck.stem}-{st['h']:02d}-{st['v']:02d}{'-over' if over else ''}.png"))
        if st["last"]:
            break
        page.keyboard.press("ArrowRight")
        # a transition is under way; let it settle
        page.wait_for_timeout(40)
    total = page.evaluate(f"() => {REVEAL}.getTotalSlides()")
    # slides → never reached are measured too (by jumping to them), so that "before" counts are complete
    missed = []
    for h, n in enumerate(page.evaluate(f"() => {REVEAL}.getHorizontalSlides().map(s => Math.max(1, s.querySelectorAll(':scope > section').length))")):
        for v in range(n):
            if (h, v) in seen:
                continue
            page.evaluate(f"([h, v]) => {REVEAL}.slide(h, v)", [h, v])
            page.wait_for_timeout(60)
            st = page.evaluate(STATE)
            if st["height"] > st["boxHeight"] + 2 or st["width"] > st["boxWidth"] + 2:
                missed.append({"slide": f"{h}.{v}", "title": st["title"], "height": st["height"], "width": st["width"]})
    return {"deck": deck.name, "total": total, "reached": len(seen), "overflowing": overflowing, "scrollboxes": boxed,
            "overflowing_unreached": missed}


def walk(out: Path, notebooks: list[Path] | None = None, shots: Path | None = None, browser=None) -> dict:
    """Walk every deck in ``out`` (built if absent), the Chinese edition's too (``out/zh/``);
    return {"decks": [...], "external": [...]}."""
    notebooks = notebooks or course.course_notebooks() + publish.chinese_notebooks()
    if not (out / "index.html").exists():
        publish.build("slides", out, notebooks)
    results, external = [], []

    def run(chromium):
        context = chromium.new_context(viewport=VIEWPORT)
        page = context.new_page()

        refused = refuse_external(page, "file:")
        for _, deck in deck_paths(out, notebooks):
            # Chinese decks (out/zh/...) keep their language in the name, and their screenshots apart
            zh = deck.relative_to(out).parts[0] == "zh"
            result = walk_deck(page, deck, shots=(shots / "zh" if zh and shots is not None else shots))
            if zh:
                result["deck"] = "zh/" + result["deck"]
            results.append(result)
        context.close()
        external.extend(refused)

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
    return {"decks": results, "external": external}


def report(result: dict) -> str:
    lines = [f"{'deck':48} {'reached':>8} {'slides':>7} {'overflow (reached + not reached)':>9}  scroll boxes"]
    for d in result["decks"]:
        lines.append(f"{d['deck']:48} {d['reached']:>8} {d['total']:>7} {len(d['overflowing']):>5} + "
                     f"{len(d['overflowing_unreached'])}  {len(d.get('scrollboxes', []))}")
    t = result["decks"]
    lines.append(f"{'total':48} {sum(d['reached'] for d in t):>8} {sum(d['total'] for d in t):>7} "
                 f"{sum(len(d['overflowing']) for d in t):>5} + {sum(len(d['overflowing_unreached']) for d in t)}")
    lines.append(f"external requests: {len(result['external'])} {sorted(set(result['external']))[:5]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="build the decks here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, default=None, help="write the full result here")
    parser.add_argument("--shots", type=Path, default=None, help="save a 1280×720 screenshot of every slide here")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or None
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "slides"
        if args.out is None or not (out / "index.html").exists():
            publish.build("slides", out, notebooks)
        result = walk(out, notebooks, shots=args.shots)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
