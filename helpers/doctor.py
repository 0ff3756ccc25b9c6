"""A setup check students run first: Python, packages, widgets, Chinese figure labels, course data.

It reports in the course's language (:func:`helpers.set_language`); its texts are in
``helpers/texts/doctor.toml``.
"""
from __future__ import annotations

import importlib.metadata as metadata
import sys
import warnings

from helpers.language import text

#: The oldest Python the pinned packages install on (requirements.txt: soupsieve 4.1.2 needs
#: 3.11.5; numpy 2.3, scipy 1.16, IPython 9 and others need 3.11). pyproject.toml, environment.yml,
#: the Makefile and README.md state the same floor; tests/test_environment.py keeps them in step.
PYTHON_FLOOR = (3, 11, 5)

#: The third-party packages that helpers and the notebooks import (distribution names, as pip
#: knows them); tests/test_environment.py checks the list against their import statements.
PACKAGES = ("numpy", "pandas", "scipy", "matplotlib", "networkx", "scikit-learn", "ipywidgets")


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def check_python(version: tuple[int, int, int] | None = None) -> tuple[bool, str]:
    """Whether this Python is new enough for the course's pinned packages.

    >>> check_python((3, 10, 12))
    (False, 'Python 3.10.12 is too old: the course needs Python 3.11.5 or newer (see README.md)')
    """
    version = tuple(version or sys.version_info[:3])
    found, floor = ".".join(map(str, version)), ".".join(map(str, PYTHON_FLOOR))
    if version < PYTHON_FLOOR:
        return False, text("doctor.python.too_old", found=found, floor=floor)
    return True, text("doctor.python.ok", found=found, floor=floor)


def check_packages() -> tuple[bool, str]:
    """The version of every package the course imports, or which ones are missing."""
    versions = {p: _version(p) for p in PACKAGES}
    missing = [p for p, v in versions.items() if v is None]
    separator = text("doctor.packages.separator")
    if missing:
        return False, text("doctor.packages.missing", missing=separator.join(missing))
    return True, separator.join(f"{p} {v}" for p, v in versions.items())


def check_widgets() -> tuple[bool, str]:
    """Whether ipywidgets and JupyterLab's widget renderer are both installed, and matching."""
    widgets, lab = _version("ipywidgets"), _version("jupyterlab_widgets")
    if widgets is None:
        return False, text("doctor.widgets.no_ipywidgets")
    if lab is None:
        return False, text("doctor.widgets.no_renderer")
    if widgets.split(".")[0] != "8" or lab.split(".")[0] != "3":
        return False, text("doctor.widgets.mismatch", widgets=widgets, lab=lab)
    return True, text("doctor.widgets.ok", widgets=widgets, lab=lab)


def check_chinese_font() -> tuple[bool, str]:
    """Draw a Chinese label off screen and report any missing glyphs."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from helpers import plotting

    plotting.use_theme()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure()
        fig.add_subplot().set_title("客户生命周期 考察期 形成期 稳定期 退化期")
        FigureCanvasAgg(fig).draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message).lower()]
    if missing:
        return False, text("doctor.chinese.missing", missing=missing[0], version=matplotlib.__version__)
    return True, text("doctor.chinese.ok")


def check_data() -> tuple[bool, str]:
    """Whether the course's data folder is where the helpers expect it."""
    from helpers.data import DATASETS

    if (DATASETS / "cdnow" / "CDNOW_sample.txt").is_file():
        return True, text("doctor.data.found")
    return False, text("doctor.data.missing", folder=DATASETS)


#: The checks in the order they are reported: the key of the check's name in doctor.toml
#: (``doctor.name.<key>``) and the function that runs it.
CHECKS = {"python": "check_python", "packages": "check_packages", "widgets": "check_widgets",
          "chinese": "check_chinese_font", "data": "check_data"}


def doctor() -> bool:
    """Print what the course needs and whether it works here; return True when all is well.

    >>> from helpers import doctor
    >>> doctor()  # doctest: +ELLIPSIS
    Setup check for the CRM course
    ...
    True
    """
    print(text("doctor.title"))
    all_ok = True
    for name, check in CHECKS.items():
        ok, message = globals()[check]()
        all_ok &= ok
        print(text("doctor.line_ok" if ok else "doctor.line_fix", name=text(f"doctor.name.{name}"), message=message))
    print(text("doctor.all_ok" if all_ok else "doctor.some_failed"))
    return all_ok
