"""Views: one ``*_explorer(...)`` per widget in the course, each returning an ipywidgets container.

Every explorer is an :class:`~helpers.views.base.Explorer`: controls wired to a model and a plot,
nothing more. Explorers live in one module per topic and are listed here.
"""
from helpers.views.base import Explorer
from helpers.views.lifecycle import lifecycle_explorer
from helpers.views.retention import retention_explorer

__all__ = ["Explorer"]
__all__ += ["retention_explorer", "lifecycle_explorer"]
