"""Views: one ``*_explorer(...)`` per widget in the course, each returning an ipywidgets container.

Every explorer is an :class:`~helpers.views.base.Explorer`: controls wired to a model and a plot
(or, for the SWOT explorer, a table), nothing more. Explorers live in one module per topic and are listed here.
"""
from helpers.views.base import DrawAgain, Explorer
from helpers.views.btyd import p_alive_explorer  # notebook 06
from helpers.views.budget import budget_allocator_explorer  # notebook 07
from helpers.views.hunger_marketing import hunger_marketing_explorer  # case Xiaomi 03
from helpers.views.lifecycle import lifecycle_explorer  # notebook 02
from helpers.views.markov import transition_matrix_explorer  # notebook 04
from helpers.views.network import forced_choice_explorer  # case Tencent 01
from helpers.views.network import stickiness_explorer  # notebook 08
from helpers.views.platform import platform_explorer  # notebook 09
from helpers.views.retention import retention_explorer  # notebook 01
from helpers.views.rfm import rfm_explorer  # notebook 05
from helpers.views.stages import threshold_explorer  # notebook 03
from helpers.views.xiaomi import swot_explorer  # case Xiaomi 01

__all__ = ["DrawAgain", "Explorer"] + sorted(name for name in dir() if name.endswith("_explorer"))
