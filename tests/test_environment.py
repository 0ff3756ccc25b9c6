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
