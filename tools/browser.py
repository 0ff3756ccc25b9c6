"""Servers and a browser for the browser tests and the latency benchmark.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright; Jupyter servers run on a
free loopback port with their own runtime and settings folders.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CRM_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url, proc, log, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited:\n{Path(log).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer {url}:\n{Path(log).read_text()[-3000:]}")


class Server:
    """A Jupyter server process serving the course on a free loopback port."""

    def __init__(self, argv, tmp, name, ready_path="/", allow_root=True, env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = tmp / "lab-settings" / "@jupyterlab" / "notebook-extension"
        settings.mkdir(parents=True, exist_ok=True)
        # render every cell, not only those in view, so that the tests see every output
        (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
        news = tmp / "lab-settings" / "@jupyterlab" / "apputils-extension"
        news.mkdir(parents=True, exist_ok=True)
        (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
               "JUPYTERLAB_SETTINGS_DIR": str(tmp / "lab-settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"), **(env or {})}
        self.log = tmp / f"{name}.log"
        root = ["--allow-root"] if allow_root and os.geteuid() == 0 else []
        self._log_file = open(self.log, "w")
        self.proc = subprocess.Popen(argv + [f"--port={self.port}", "--no-browser", "--ip=127.0.0.1"] + root,
                                     cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        wait_for_http(self.url + ready_path, self.proc, self.log)

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._log_file.close()



def lab_server(tmp: Path, locale: str | None = None, root: Path = ROOT) -> Server:
    """JupyterLab on the course (or on a copy of it in ``root``), with the app exposed to page
    scripts (window.jupyterapp); with ``locale="zh_CN"`` its menus in Chinese, set as
    ``make lab-zh`` sets them (a settings file)."""
    if locale:
        settings = tmp / "lab-settings" / "@jupyterlab" / "translation-extension"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": locale}))
    return Server([str(BIN / "jupyter"), "lab", "--IdentityProvider.token=", "--ServerApp.password=",
                   "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True",
                   f"--ServerApp.root_dir={root}"], tmp, "lab", "/lab")


def voila_server(tmp: Path, folder: Path) -> Server:
    """Voila serving the dashboards in ``folder``, with the course's offline template (voila.json,
    found in share/jupyter whether or not postBuild has installed it)."""
    path = os.pathsep.join(filter(None, [str(ROOT / "share" / "jupyter"), os.environ.get("JUPYTER_PATH")]))
    return Server([str(BIN / "voila"), str(folder)], tmp, "voila", allow_root=False, env={"JUPYTER_PATH": path})


def launch(playwright):
    """Debian's Chromium, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def refuse_external(page, *allowed: str) -> list:
    """Let ``page`` (or a whole browser context) load only URLs that start with one of ``allowed`` (and ``data:``/``blob:``);
    abort every other request. Returns the list the refused URLs are appended to.

    >>> refuse_external.__name__
    'refuse_external'
    """
    refused = []

    def handle(route):
        url = route.request.url
        if url.startswith((*allowed, "data:", "blob:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()
    page.route("**/*", handle)
    return refused

