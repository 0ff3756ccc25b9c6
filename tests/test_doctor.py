"""The setup check speaks the course's language: English exactly as before, Chinese on request."""
import ast
import importlib
import re
from pathlib import Path

import pytest

from helpers.language import CATALOGUE

doctor = importlib.import_module("helpers.doctor")  # the module: `helpers.doctor` is its function
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_english_report_is_as_before(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "check_python", lambda: (True, "Python 3.11.7 (the course needs 3.11.5 or newer)"))
    monkeypatch.setattr(doctor, "check_packages", lambda: (True, "numpy 2.3.5"))
    monkeypatch.setattr(doctor, "check_widgets", lambda: (True, "ipywidgets 8.1.9 with jupyterlab_widgets 3.0.17"))
    monkeypatch.setattr(doctor, "check_chinese_font", lambda: (True, "Chinese figure labels render"))
    monkeypatch.setattr(doctor, "check_data", lambda: (False, "no course data under /nowhere: ..."))
    assert doctor.doctor() is False
    assert capsys.readouterr().out == (
        "Setup check for the CRM course\n"
        "  ok  python: Python 3.11.7 (the course needs 3.11.5 or newer)\n"
        "  ok  packages: numpy 2.3.5\n"
        "  ok  widgets: ipywidgets 8.1.9 with jupyterlab_widgets 3.0.17\n"
        "  ok  Chinese: Chinese figure labels render\n"
        "  FIX data: no course data under /nowhere: ...\n"
        "Some checks failed: follow the FIX lines above.\n")


def test_english_messages_are_as_before(monkeypatch):
    assert doctor.check_python((3, 11, 7)) == (True, "Python 3.11.7 (the course needs 3.11.5 or newer)")
    monkeypatch.setattr(doctor, "_version", lambda p: {"ipywidgets": "7.8.1", "jupyterlab_widgets": "3.0.1"}.get(p))
    assert doctor.check_widgets() == (False, "ipywidgets 7.8.1 and jupyterlab_widgets 3.0.1 do not match: install "
                                             "ipywidgets 8 with jupyterlab_widgets 3 (`pip install -r requirements.txt`)")
    monkeypatch.setattr(doctor, "PACKAGES", ("numpy", "no-such-package", "nor-this"))
    assert doctor.check_packages() == (False, "numpy, no-such-package, nor-this not installed: run "
                                              "`pip install -r requirements.txt` (or `make lab`)")


def test_chinese_report(chinese, capsys):
    ok = doctor.doctor()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "客户关系管理课程：环境检查"
    names = ["Python", "软件包", "交互控件", "中文显示", "课程数据"]
    assert [re.sub(r"^\s+(正常|待修复)\s+", "", line).split("：")[0] for line in out[1:6]] == names
    assert out[-1] == ("全部检查通过。" if ok else "部分检查未通过：请按上面标有“待修复”的各行处理。")
    assert re.fullmatch(r"  正常    Python：Python \d+\.\d+\.\d+（本课程需要 3\.11\.5 或更新版本）", out[1])
    assert "  正常    中文显示：图中的中文标签可以正常显示" in out


def test_chinese_messages(chinese, monkeypatch):
    assert doctor.check_python((3, 10, 12)) == (
        False, "Python 3.10.12 版本过低：本课程需要 Python 3.11.5 或更新版本（见 README.md）")
    monkeypatch.setattr(doctor, "PACKAGES", ("numpy", "no-such-package", "nor-this"))
    ok, message = doctor.check_packages()
    assert not ok and message.startswith("no-such-package、nor-this 未安装") and "requirements.txt" in message
    monkeypatch.setattr(doctor, "_version", lambda p: None)
    assert doctor.check_widgets() == (False, "ipywidgets 未安装：请运行 `pip install ipywidgets`（或 `make lab`）")


def test_every_text_of_the_check_has_its_chinese():
    keys = [k for k in CATALOGUE if k.startswith("doctor.")]
    assert len(keys) >= 20
    for key in keys:
        english, chinese_ = CATALOGUE[key]
        fields = set(re.findall(r"\{(\w+)\}", english))
        assert fields == set(re.findall(r"\{(\w+)\}", chinese_)), f"{key}: fields differ"
        if key not in ("doctor.name.python", "doctor.packages.separator"):
            assert CJK.search(chinese_), f"{key}: no Chinese in {chinese_!r}"


def test_no_english_display_string_left_in_the_code():
    tree = ast.parse(Path(doctor.__file__).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
             and re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", node.value)]
    assert found == [], f"English sentences in helpers/doctor.py: move them to helpers/texts/doctor.toml: {found}"
