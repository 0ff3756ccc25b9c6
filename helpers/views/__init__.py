"""Views: one ``*_explorer(...)`` per widget in the course, each returning an ipywidgets container.

Every explorer is an :class:`~helpers.views.base.Explorer`: controls wired to a model and a plot,
nothing more. Explorers live in one module per topic and are listed here.
"""
from helpers.views.base import Explorer

__all__ = ["Explorer"]
from helpers.views.btyd import p_alive_explorer  # noqa: E402

__all__ += ["p_alive_explorer"]
