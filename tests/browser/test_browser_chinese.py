"""The Chinese edition in a real Chromium: a Chinese notebook runs clean in JupyterLab as
`make lab-zh` serves it (menus in Chinese) and its explorer responds; a Chinese Voilà dashboard
shows Chinese controls and responds."""
import re

import pytest

from helpers import language as lang
from tools import dashboards
from tools.browser import ROOT, refuse_external, voila_server

from tests.browser.test_browser_jupyterlab import EXPLORER, RUN_ALL, check_responds, explorer_cells, open_notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
NOTEBOOK = ROOT / "zh" / "notebooks" / "01_why_crm.ipynb"


def test_chinese_notebook_runs_clean_with_chinese_menus_and_its_explorer_responds(page, lab_zh):
    open_notebook(page, lab_zh, NOTEBOOK)
    menus = page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").all_inner_texts()
    assert {"文件", "编辑"} <= set(menus), f"the menu bar should be in Chinese: {menus}"
    cells = page.evaluate(RUN_ALL)
    unrun = [c["source"] for c in cells if c["count"] is None and c["source"].strip()]
    errors = [(c["source"], c["errors"]) for c in cells if c["errors"]]
    assert unrun == [] and errors == [], f"not run: {unrun}; errors: {errors}"
    assert page.locator("text=Error displaying widget").count() == 0
    assert page.locator(".jp-RenderedMarkdown h1", has_text="客户关系管理").count() >= 1

    explorers = page.locator(", ".join(f".jp-OutputArea-output {s}" for s in EXPLORER.split(", ")))
    expected = len(explorer_cells(NOTEBOOK))
    assert expected >= 1
    explorers.nth(expected - 1).wait_for(timeout=60_000)
    assert explorers.count() == expected
    for i in range(expected):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        labels = explorer.locator(".widget-label").all_inner_texts()
        assert any(CHINESE.search(t) for t in labels), f"explorer {i}: controls not in Chinese: {labels}"
        check_responds(page, explorer)


@pytest.fixture(scope="module")
def voila_zh(tmp_path_factory):
    server = voila_server(tmp_path_factory.mktemp("voila-zh"), dashboards.ZH_FOLDER)
    yield server
    server.stop()


def test_chinese_dashboard_has_chinese_controls_and_responds(page, voila_zh):
    name = "retention_explorer"
    external = refuse_external(page, voila_zh.url)
    page.goto(f"{voila_zh.url}/voila/render/{name}.ipynb", wait_until="domcontentloaded")
    explorer = page.locator(".widget-vbox:has(> .widget-image)").first
    explorer.wait_for(timeout=120_000)
    title = lang.texts(f"dashboards.title.{name}")[1]
    assert CHINESE.search(title), f"the catalogue's Chinese title should be Chinese: {title}"
    assert page.locator("h1", has_text=title).count() == 1
    labels = explorer.locator(".widget-label").all_inner_texts()
    assert "年保有率" in labels, f"the controls should be labelled in Chinese: {labels}"
    check_responds(page, explorer)
    assert external == [], f"the Chinese dashboard fetched {external}"
