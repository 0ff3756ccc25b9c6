"""A setup check students run first: Python, packages, widgets, Chinese figure labels, course data."""
from __future__ import annotations

import importlib.metadata as metadata
import sys
import warnings

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
        return False, f"Python {found} is too old: the course needs Python {floor} or newer (see README.md)"
    return True, f"Python {found} (the course needs {floor} or newer)"


def check_packages() -> tuple[bool, str]:
    """The version of every package the course imports, or which ones are missing."""
    versions = {p: _version(p) for p in PACKAGES}
    missing = [p for p, v in versions.items() if v is None]
    if missing:
        return False, (f"{', '.join(missing)} not installed: run `pip install -r requirements.txt` "
                       "(or `make lab`)")
    return True, ", ".join(f"{p} {v}" for p, v in versions.items())


def check_widgets() -> tuple[bool, str]:
    """Whether ipywidgets and JupyterLab's widget renderer are both installed, and matching."""
    widgets, lab = _version("ipywidgets"), _version("jupyterlab_widgets")
    if widgets is None:
        return False, "ipywidgets is not installed: run `pip install ipywidgets` (or `make lab`)"
    if lab is None:
        return False, ("JupyterLab cannot draw widgets: run `pip install jupyterlab_widgets` in the "
                       "environment that runs JupyterLab, then reload the page")
    if widgets.split(".")[0] != "8" or lab.split(".")[0] != "3":
        return False, (f"ipywidgets {widgets} and jupyterlab_widgets {lab} do not match: install "
                       "ipywidgets 8 with jupyterlab_widgets 3 (`pip install -r requirements.txt`)")
    return True, f"ipywidgets {widgets} with jupyterlab_widgets {lab}"


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
        return False, (f"Chinese characters are missing from the font ({missing[0]}). "
                       f"Reinstall the course package (`pip install -e .`) so helpers/fonts is present; "
                       f"matplotlib {matplotlib.__version__}")
    return True, "Chinese figure labels render"


def check_data() -> tuple[bool, str]:
    """Whether the course's data folder is where the helpers expect it."""
    from helpers.data import DATASETS

    if (DATASETS / "cdnow" / "CDNOW_sample.txt").is_file():
        return True, "course data found"
    return False, (f"no course data under {DATASETS}: run the notebooks from a full copy of the "
                   "course, or set CRM_COURSE_DATASETS to its datasets folder")


def doctor() -> bool:
    """Print what the course needs and whether it works here; return True when all is well.

    >>> from helpers import doctor
    >>> doctor()  # doctest: +ELLIPSIS
    Setup check for the CRM course
    ...
    True
    """
    print("Setup check for the CRM course")
    all_ok = True
    for name, check in (("python", check_python), ("packages", check_packages), ("widgets", check_widgets),
                        ("Chinese", check_chinese_font), ("data", check_data)):
        ok, message = check()
        all_ok &= ok
        print(f"  {'ok ' if ok else 'FIX'} {name}: {message}")
    print("All checks passed." if all_ok else "Some checks failed: follow the FIX lines above.")
    return all_ok
