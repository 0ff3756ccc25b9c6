"""Views: one ``*_explorer(...)`` per widget in the course, each returning an ipywidgets container.

Every explorer is an :class:`~helpers.views.base.Explorer`: controls wired to a model and a plot,
nothing more. Explorers live in one module per topic and are listed here.
"""
from helpers.views.base import Explorer

__all__ = ["Explorer"]
from helpers.views.hunger_marketing import hunger_marketing_explorer  # noqa: E402  (case Xiaomi 03)
from helpers.views.xiaomi import swot_explorer  # noqa: E402  (case Xiaomi 01)

__all__ += ["hunger_marketing_explorer", "swot_explorer"]
