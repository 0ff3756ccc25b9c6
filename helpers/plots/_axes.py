"""What every plot module shares: the Axes a plot draws on, and the two marks a plot leaves for an
explorer that redraws it in place (which artists move, and when the Axes must be drawn again).

A ``plot_*(result, ax=None)`` without ``ax`` draws on a new figure of its own, in whatever style
is in force (every notebook calls :func:`helpers.plotting.use_theme` at the top):

>>> import matplotlib.pyplot as plt
>>> first, second = axes(None), axes(None)
>>> first.figure is not second.figure, axes(first) is first
(True, True)

A plot that an explorer updates in place takes ``moving=False``; with ``moving=True`` it marks,
with ``set_animated(True)``, the artists its ``update_*`` function changes (and those drawn over
them), and the ``update_*`` function raises :class:`DrawAgain` when more than those would have
to change.
"""
from __future__ import annotations

import matplotlib.pyplot as plt


def axes(ax=None):
    """``ax``, or the Axes of a new figure when ``ax`` is None."""
    return plt.subplots()[1] if ax is None else ax


def mark_moving(*artists, moving: bool = True) -> None:
    """Mark ``artists`` (None is skipped, e.g. a missing legend) as moving when ``moving`` is true:
    an explorer redraws them alone over a saved picture of the rest of the figure.

    >>> line, = axes(None).plot([0, 1])
    >>> mark_moving(line, None)
    >>> line.get_animated()
    True
    """
    if moving:
        for artist in artists:
            if artist is not None:
                artist.set_animated(True)


def currency_name(currency: str) -> str:
    """A plot's ``currency`` argument as the figure writes it: a unit of the catalogue (``"RMB"`` is
    ``元`` in Chinese), another unit as given.

    >>> from helpers import plotting
    >>> plotting.use_language("zh"); currency_name("RMB"), currency_name("HKD")
    ('元', 'HKD')
    >>> plotting.use_language("en"); currency_name("RMB")
    'RMB'
    """
    from helpers import plotting
    key = f"plot_units.{currency}"
    return plotting.label(key) if key in plotting.LABELS else currency


class DrawAgain(Exception):
    """Raised by an ``update_*`` plot function, before it changes anything, when the new data need
    more than the moving artists to change (a legend entry, the number of shaded stages...): the
    figure has to be drawn afresh. An explorer catches it and calls its ``draw`` instead."""
