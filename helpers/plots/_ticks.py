"""Tick locators that are quicker than matplotlib's general ones where explorers redraw often."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import numpy as np
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
