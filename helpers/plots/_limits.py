"""Axes limits after a plot's data changed in place, as a new drawing of the plot would set them."""
from __future__ import annotations


def autoscale_as_drawn(ax, zero_line=None) -> None:
    """Limits of ``ax`` from its lines and collections, as when they were first drawn.

    ``ax.relim()`` alone leaves collections out (bars drawn with ``vlines``, areas drawn with
    ``fill_between``): their limits are added as matplotlib adds them when they are drawn. A
    ``zero_line`` drawn with ``axhline`` after the data counts only when it falls outside the
    data's view, as ``axhline`` rescales only then.

    >>> import matplotlib.pyplot as plt
    >>> def drawn(y):
    ...     ax = plt.figure().add_subplot()
    ...     ax.plot([0, 1], y)
    ...     ax.axhline(0)
    ...     return ax
    >>> ax = drawn([20, 30])
    >>> def moved(y):
    ...     ax.lines[0].set_ydata(y)
    ...     autoscale_as_drawn(ax, zero_line=ax.lines[1])
    ...     return ax.get_ylim() == drawn(y).get_ylim()
    >>> [moved(y) for y in ([2, 100], [1, 20], [-5, 5])]   # 0 in view, out of view, in the data
    [True, True, True]
    """
    def rescale(with_zero_line):
        if zero_line is not None:
            zero_line.set_visible(with_zero_line)
        ax.relim(visible_only=True)
        if zero_line is not None:
            zero_line.set_visible(True)
        for collection in ax.collections:
            if collection.get_visible():
                ax.update_datalim(collection.get_datalim(ax.transData).get_points())
        ax.autoscale_view()

    rescale(with_zero_line=False)
    if zero_line is not None:
        low, high = ax.get_ybound()
        if not low <= zero_line.get_ydata()[0] <= high:
            rescale(with_zero_line=True)
