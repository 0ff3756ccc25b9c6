"""Every notebook runs clean in a real JupyterLab, and every explorer in it responds to its controls."""
import nbformat
import pytest

from tools import course

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = course.course_notebooks()
IDS = [str(p.relative_to(course.ROOT)) for p in NOTEBOOKS]

OPEN = """async (path) => {
  const app = window.jupyterapp;
  const wait = (ms) => new Promise(r => setTimeout(r, ms));
  for (let i = 0; i < 600; i++) {
    const w = app && app.shell.currentWidget;
    if (w && w.context && w.context.path === path && w.sessionContext && w.sessionContext.session
        && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle') return true;
    await wait(100);
  }
  return false;
}"""

RUN_ALL = """async () => {
  const app = window.jupyterapp;
  await app.commands.execute('notebook:run-all-cells');
  const panel = app.shell.currentWidget;
  const wait = (ms) => new Promise(r => setTimeout(r, ms));
  for (let i = 0; i < 1800; i++) {
    const cells = panel.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim());
    const done = cells.every(c => c.model.executionCount !== null && c.model.executionState !== 'running');
    if (done && panel.sessionContext.session.kernel.status === 'idle') break;
    await wait(100);
  }
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  return cells.map(c => ({
    source: c.model.sharedModel.getSource().split('\\n')[0],
    count: c.model.executionCount,
    errors: c.model.outputs.toJSON().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
  }));
}"""


def explorer_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code" and "nbval-ignore-output" in c.metadata.get("tags", [])]


def open_notebook(page, lab, path):
    rel = path.relative_to(course.ROOT).as_posix()
    page.goto(f"{lab.url}/lab/tree/{rel}?reset", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=120_000)
    assert page.evaluate(OPEN, rel), f"{rel} did not open with an idle kernel"


def move_a_control(explorer):
    """Change the first slider (keyboard on its handle) or the first drop-down of an explorer."""
    handle = explorer.locator(".noUi-handle")
    if handle.count():
        handle.first.focus()
        for _ in range(5):
            handle.first.press("ArrowRight")
        return
    select = explorer.locator("select").first
    options = select.locator("option").all_inner_texts()
    select.select_option(label=options[-1] if select.input_value() != options[-1] else options[0])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_clean_and_explorers_respond(page, lab, path):
    open_notebook(page, lab, path)
    cells = page.evaluate(RUN_ALL)
    unrun = [c["source"] for c in cells if c["count"] is None and c["source"].strip()]
    errors = [(c["source"], c["errors"]) for c in cells if c["errors"]]
    assert unrun == [] and errors == [], f"not run: {unrun}; errors: {errors}"
    assert page.locator("text=Error displaying widget").count() == 0

    explorers = page.locator(".jp-OutputArea-output .widget-vbox:has(> .widget-image)")
    expected = len(explorer_cells(path))
    page.wait_for_function(f"() => document.querySelectorAll('.jp-OutputArea-output .widget-vbox > .widget-image').length >= {expected}",
                           timeout=60_000)
    assert explorers.count() == expected, "every explorer cell should show one explorer"
    for i in range(expected):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        image = explorer.locator(":scope > .widget-image")
        before = image.get_attribute("src")
        move_a_control(explorer)
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src",
                               arg=[image.element_handle(), before], timeout=30_000)
