"""A real JupyterLab server and a real Chromium (Debian's, driven by Playwright) for browser tests.

Chromium comes from the system (`apt-get install chromium`; `.ci/run` installs it). Without it
these tests are skipped with a message, except where CRM_REQUIRE_BROWSER=1 (CI), where its
absence fails the run. On failure a screenshot is kept in test-artifacts/.
"""
import os
from pathlib import Path

import pytest

from tools.browser import CHROMIUM, ROOT, lab_server, launch

ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CRM_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium); .ci/run installs it")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    server = lab_server(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_zh(tmp_path_factory):
    """JupyterLab as `make lab-zh` serves it: menus in Chinese (locale zh_CN)."""
    server = lab_server(tmp_path_factory.mktemp("lab-zh"), locale="zh_CN")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
