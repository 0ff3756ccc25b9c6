"""One set of pins: requirements.txt locks requirements.in, environment.yml installs the same file."""
import importlib.metadata as metadata
import re
from pathlib import Path

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
    assert re.search(r"python=3\.11", text)


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
