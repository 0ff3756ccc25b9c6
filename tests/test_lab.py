"""`make lab` serves JupyterLab with the start notebook."""
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


def test_make_lab_serves_the_course(tmp_path):
    port = free_port()
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token= --ServerApp.password= "
            f"--ServerApp.disable_check_xsrf=True --ServerApp.root_dir={ROOT}")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"], cwd=ROOT, env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, status = time.time() + 90, None
        while time.time() < deadline:
            try:
                status, page = get(f"http://127.0.0.1:{port}/lab")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, (tmp_path / "lab.log").read_text()[-2000:]
        assert "JupyterLab" in page
        status, body = get(f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb?content=0")
        assert status == 200 and '"type": "notebook"' in body.replace('":"', '": "')
        status, body = get(f"http://127.0.0.1:{port}/lab/api/extensions")
        names = [e["name"] for e in json.loads(body)]
        assert "jupyter-widgets-jupyterlab-manager" in names, names  # widgets will render
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)


def test_make_lab_zh_serves_the_chinese_edition_with_chinese_menus(tmp_path):
    """`make lab-zh`: the Chinese start notebook, and JupyterLab set to zh_CN with its language pack."""
    port = free_port()
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token= --ServerApp.password= "
            f"--ServerApp.disable_check_xsrf=True --ServerApp.root_dir={ROOT}")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen(["make", "--no-print-directory", "lab-zh", f"LAB_ARGS={args}"], cwd=ROOT, env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, status = time.time() + 90, None
        while time.time() < deadline:
            try:
                status, page = get(f"http://127.0.0.1:{port}/lab")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, (tmp_path / "lab.log").read_text()[-2000:]
        status, body = get(f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/translation-extension:plugin")
        assert json.loads(body)["settings"]["locale"] == "zh_CN"
        status, body = get(f"http://127.0.0.1:{port}/lab/api/translations/")
        assert "zh_CN" in json.loads(body)["data"], "the language pack jupyterlab-language-pack-zh-CN is not installed"
        status, body = get(f"http://127.0.0.1:{port}/lab/api/translations/zh_CN")
        assert json.loads(body)["data"]["jupyterlab"]["Edit"] == ["编辑"]
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)
