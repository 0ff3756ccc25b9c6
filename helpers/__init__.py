"""The small package behind the CRM course notebooks.

Three layers, one direction of dependency (see the course's design notes):

* models - pure functions and small classes (``data``, ``lifecycle``, ``value`` ...);
* plots - ``plot_*`` functions that draw model results on a matplotlib ``ax``;
* views - one ``*_explorer`` per widget, wiring controls to a model and a plot.

Import the module you need, for example ``from helpers import data, plotting``.
"""
from helpers.doctor import doctor

__all__ = ["doctor"]
__version__ = "0.1.0"
