"""`make lab` serves JupyterLab with the start notebook."""
import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


@contextlib.contextmanager
def served(target, tmp_path):
    """Run ``make <target>`` on a free port; yield the server's address once /lab answers."""
    port = free_port()
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token= --ServerApp.password= "
            f"--ServerApp.disable_check_xsrf=True --ServerApp.root_dir={ROOT}")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen(["make", "--no-print-directory", target, f"LAB_ARGS={args}"], cwd=ROOT, env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, status, url = time.time() + 90, None, f"http://127.0.0.1:{port}"
        while time.time() < deadline:
            try:
                status, page = get(f"{url}/lab")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, (tmp_path / "lab.log").read_text()[-2000:]
        assert "JupyterLab" in page
        yield url
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)


def test_make_lab_serves_the_course(tmp_path):
    with served("lab", tmp_path) as url:
        status, body = get(f"{url}/api/contents/notebooks/00_start_here.ipynb?content=0")
        assert status == 200 and '"type": "notebook"' in body.replace('":"', '": "')
        status, body = get(f"{url}/lab/api/extensions")
        names = [e["name"] for e in json.loads(body)]
        assert "jupyter-widgets-jupyterlab-manager" in names, names  # widgets will render


def test_make_lab_zh_serves_the_chinese_edition_with_chinese_menus(tmp_path):
    """`make lab-zh`: the Chinese start notebook, and JupyterLab set to zh_CN with its language pack."""
    with served("lab-zh", tmp_path) as url:
        status, body = get(f"{url}/api/contents/zh/notebooks/00_start_here.ipynb?content=0")
        assert status == 200
        status, body = get(f"{url}/lab/api/settings/@jupyterlab/translation-extension:plugin")
        assert json.loads(body)["settings"]["locale"] == "zh_CN"
        status, body = get(f"{url}/lab/api/translations/")
        assert "zh_CN" in json.loads(body)["data"], "the language pack jupyterlab-language-pack-zh-CN is not installed"
        status, body = get(f"{url}/lab/api/translations/zh_CN")
        assert json.loads(body)["data"]["jupyterlab"]["Edit"] == ["编辑"]
