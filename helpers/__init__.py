"""The small package behind the CRM course notebooks.

Three layers, one direction of dependency: views import plots and models, plots import
models (for their constants) but never views, and models import neither.

* models - pure functions and small classes (``data``, ``lifecycle``, ``value`` ...);
* plots - ``plot_*`` functions that draw model results on a matplotlib ``ax``;
* views - one ``*_explorer`` per widget, wiring controls to a model and a plot.

CONTRIBUTING.md ("Models and plots", "Widgets (explorers)") says how each layer is written.

Import the module you need, for example ``from helpers import data, plotting``.

The course speaks English or Chinese: ``helpers.set_language("zh")`` (or ``CRM_COURSE_LANG=zh``
in the environment) switches figures, explorers, exercises, the glossary and the setup check at
once; every text is in the catalogue of :mod:`helpers.language`.

>>> import helpers
>>> helpers.set_language("zh"); helpers.current_language()
'zh'
>>> helpers.set_language("en")
"""
from helpers.doctor import doctor
from helpers.language import language as current_language
from helpers.language import set_language

__all__ = ["doctor", "current_language", "set_language"]
__version__ = "0.1.0"
