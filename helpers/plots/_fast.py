"""Quicker stand-ins for matplotlib pieces that explorers redraw often: a yearly tick locator and
stacked areas as one collection (with a way to restack them in place)."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.patches import Patch
from matplotlib.ticker import Locator


class YearStarts(Locator):
    """A tick on 1 January of every year in view: what ``matplotlib.dates.YearLocator()`` shows,
    without building a ``dateutil.rrule`` on every draw (several ms per axis).

    >>> import matplotlib.pyplot as plt
    >>> ax = plt.figure().add_subplot()
    >>> ax.set_xlim(mdates.date2num(dt.datetime(2012, 5, 1)), mdates.date2num(dt.datetime(2014, 3, 1)))
    (...)
    >>> ax.xaxis.set_major_locator(YearStarts())
    >>> [mdates.num2date(t).year for t in ax.get_xticks()]
    [2013, 2014]
    """

    def __call__(self):
        low, high = self.axis.get_view_interval()
        return self.tick_values(low, high)

    def tick_values(self, vmin, vmax):
        low, high = sorted((vmin, vmax))
        first, last = mdates.num2date(low).year, mdates.num2date(high).year
        ticks = mdates.date2num([dt.datetime(year, 1, 1) for year in range(first, last + 2)])
        return ticks[(ticks >= low) & (ticks <= high)]


def stack_areas(ax, x, layers, colors, labels, **style):
    """Stacked areas, bottom layer first: what ``ax.stackplot`` draws, as one collection (stackplot
    builds a ``fill_between`` per layer, several times slower). Returns the legend handles.

    >>> import matplotlib.pyplot as plt
    >>> ax = plt.figure().add_subplot()
    >>> handles = stack_areas(ax, [0, 1, 2], [[1, 1, 1], [2, 0, 1]], ["red", "blue"], ["a", "b"])
    >>> [h.get_label() for h in handles], float(ax.collections[0].get_paths()[1].vertices[:, 1].max())
    (['a', 'b'], 3.0)
    """
    x = np.asarray(x, dtype=float)
    polygons, bottoms, tops = _stacked_polygons(x, layers)
    collection = PolyCollection(polygons, facecolors=colors, **style)
    collection.sticky_edges.y[:] = [0]          # as stackplot: autoscaling keeps the baseline at 0
    ax.add_collection(collection)
    ax.update_datalim(np.column_stack([np.concatenate([x, x]), np.concatenate([bottoms[0], tops[-1]])]))
    ax.autoscale_view()
    width = float(collection.get_linewidth()[0])
    edges = collection.get_edgecolor()           # none unless asked for, as with stackplot
    edge = tuple(edges[0]) if len(edges) else "none"
    return [Patch(facecolor=c, edgecolor=edge, linewidth=width, alpha=style.get("alpha"), label=label)
            for c, label in zip(colors, labels)]


def restack_areas(collection: PolyCollection, x, layers) -> None:
    """Give the areas drawn by :func:`stack_areas` new layers, in place (the axes limits stay).

    >>> import matplotlib.pyplot as plt
    >>> ax = plt.figure().add_subplot()
    >>> _ = stack_areas(ax, [0, 1, 2], [[1, 1, 1], [2, 0, 1]], ["red", "blue"], ["a", "b"])
    >>> restack_areas(ax.collections[0], [0, 1, 2], [[1, 1, 1], [4, 0, 1]])
    >>> float(ax.collections[0].get_paths()[1].vertices[:, 1].max())
    5.0
    """
    collection.set_verts(_stacked_polygons(np.asarray(x, dtype=float), layers)[0])


def _stacked_polygons(x, layers):
    tops = np.cumsum(np.asarray(layers, dtype=float), axis=0)
    bottoms = np.vstack([np.zeros_like(x), tops[:-1]])
    polygons = [np.column_stack([np.concatenate([x, x[::-1]]), np.concatenate([low, high[::-1]])])
                for low, high in zip(bottoms, tops)]
    return polygons, bottoms, tops
