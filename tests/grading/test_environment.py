"""The lecturers' grading packages: the pinned nbgrader, beside the students' environment, with
every requirement of each grading package met by requirements.txt or requirements-grading.txt."""
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from tools import assignments

PINS = dict(line.split("==") for line in (assignments.ROOT / "requirements-grading.txt").read_text(
    encoding="utf-8").splitlines() if line and not line.startswith("#"))


def test_nbgrader_is_the_pinned_one_and_not_in_the_students_environment():
    import nbgrader
    assert nbgrader.__version__ == PINS["nbgrader"]
    parts = Path(nbgrader.__file__).resolve().parts
    assert ".venv" not in parts and ".grading-packages" in parts


def test_every_requirement_of_the_grading_packages_is_met():
    unmet = []
    for name, version in PINS.items():
        dist = metadata.distribution(name)
        assert dist.version == version, f"{name}: {dist.version} installed, {version} pinned"
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not req.marker.evaluate({"extra": ""}):
                continue
            try:
                installed = metadata.version(req.name)
            except metadata.PackageNotFoundError:
                unmet.append(f"{name} needs {req}, which is not installed")
                continue
            if not req.specifier.contains(installed, prereleases=True):
                unmet.append(f"{name} needs {req}, {installed} is installed")
    assert unmet == []
