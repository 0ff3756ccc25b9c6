"""The small package behind the CRM course notebooks.

Three layers, one direction of dependency: views import plots and models, plots import
models (for their constants) but never views, and models import neither.

* models - pure functions and small classes (``data``, ``lifecycle``, ``value`` ...);
* plots - ``plot_*`` functions that draw model results on a matplotlib ``ax``;
* views - one ``*_explorer`` per widget, wiring controls to a model and a plot.

CONTRIBUTING.md ("Models and plots", "Widgets (explorers)") says how each layer is written.

Import the module you need, for example ``from helpers import data, plotting``.
"""
from helpers.doctor import doctor

__all__ = ["doctor"]
__version__ = "0.1.0"
