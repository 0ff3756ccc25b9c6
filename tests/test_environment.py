"""One set of pins: requirements.txt locks requirements.in, environment.yml installs the same file.
The course states one Python floor, declares what helpers imports, and its setup check looks for
what the course really imports."""
import ast
import importlib
import importlib.metadata as metadata
import json
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

doctor = importlib.import_module("helpers.doctor")  # the module: `helpers.doctor` is its function

ROOT = Path(__file__).resolve().parents[1]


def pins(path):
    found = {}
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path}: {line!r} is not pinned with =="
            found[re.sub(r"[-_.]+", "-", name).lower()] = version
    return found


def test_lock_file_pins_every_direct_dependency_at_the_same_version():
    direct, locked = pins("requirements.in"), pins("requirements.txt")
    assert {n: locked.get(n) for n in direct} == direct


def test_installed_packages_match_the_lock_file():
    locked = pins("requirements.txt")
    wrong = {}
    for name, version in locked.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # platform-specific extras
        if installed != version:
            wrong[name] = (version, installed)
    assert wrong == {}, "run `make clean test` to rebuild .venv from requirements.txt"


def test_conda_environment_installs_the_lock_file():
    text = (ROOT / "environment.yml").read_text()
    assert "- -r requirements.txt" in text and "- -e ." in text
    assert re.search(r"- python>=3\.11\.5,<3\.12\b", text)


def test_the_rise_widgets_extension_is_prebuilt_and_installed():
    """postBuild installs labextensions/crm-course-rise-widgets unchanged (make, Binder, conda)."""
    import json
    import sys

    built = ROOT / "labextensions" / "crm-course-rise-widgets"
    meta = json.loads((built / "package.json").read_text())
    assert meta["jupyterlab"]["sharedPackages"]["@jupyterlab/console"]["bundled"] is True
    assert (built / meta["jupyterlab"]["_build"]["load"]).is_file()
    installed = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / built.name
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(installed) for p in installed.rglob("*") if p.is_file())
    assert all((built / f).read_bytes() == (installed / f).read_bytes() for f in files)


def normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_distributions(sources):
    """The installed distributions (normalized names) whose modules ``sources`` import."""
    owners = metadata.packages_distributions()
    found = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names and top != "helpers":
                    assert top in owners, f"{top} is imported but not installed"
                    found.update(normalized(d) for d in owners[top])
    return found


def helpers_sources():
    return [p.read_text(encoding="utf-8") for p in (ROOT / "helpers").rglob("*.py")]


def notebook_sources():
    paths = [*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "casestudies").glob("*/*.ipynb")]
    assert paths
    for path in paths:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                lines = "".join(cell["source"]).splitlines()
                yield "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def test_pyproject_declares_every_package_helpers_imports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {normalized(Requirement(d).name) for d in project["dependencies"]}
    needed = imported_distributions(helpers_sources())
    assert {"numpy", "scikit-learn"} <= needed  # the scan sees imports
    assert needed - declared == set()
    assert "openpyxl" in declared  # pandas reads .xlsx with it in helpers.data.read_transactions


def test_setup_check_looks_for_what_helpers_and_the_notebooks_import():
    needed = imported_distributions([*helpers_sources(), *notebook_sources()])
    assert {normalized(p) for p in doctor.PACKAGES} == needed


def test_setup_check_names_what_is_missing(monkeypatch):
    monkeypatch.setattr(doctor, "PACKAGES", ("numpy", "no-such-package"))
    ok, message = doctor.check_packages()
    assert not ok and message.startswith("no-such-package not installed") and "requirements.txt" in message
    assert doctor.check_python((3, 11, 4))[0] is False and doctor.check_python((3, 11, 5))[0] is True
    assert doctor.check_python((3, 12, 0))[0] is True


def test_python_floor_is_what_the_pins_need_and_stated_alike_everywhere():
    floor = ".".join(map(str, doctor.PYTHON_FLOOR))
    major, minor, patch = doctor.PYTHON_FLOOR
    below = f"{major}.{minor}.{patch - 1}" if patch else f"{major}.{minor - 1}.99"
    needs = {}
    for name in pins("requirements.txt"):
        try:
            needs[name] = SpecifierSet(metadata.metadata(name).get("Requires-Python") or "")
        except metadata.PackageNotFoundError:
            continue  # platform-specific extras
    assert [n for n, spec in needs.items() if floor not in spec] == [], "a pinned package needs a newer Python"
    assert [n for n, spec in needs.items() if below not in spec], f"no pinned package needs {floor}: lower the floor"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == f">={floor}"
    assert f"- python>={floor}," in (ROOT / "environment.yml").read_text()
    assert f"PYTHON_FLOOR := {floor}\n" in (ROOT / "Makefile").read_text()
    assert f"Python {floor} or newer" in (ROOT / "README.md").read_text()
