"""Figures for the BTYD models: tracking, conditional expectations and the P(alive) matrix.

Each ``plot_*`` takes the result of a function in :mod:`helpers.btyd` and an optional ``ax``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from helpers import btyd
>>> bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
>>> ax = plot_p_alive_matrix(btyd.p_alive_matrix(bg, T=39.0))
>>> ax.get_xlabel()
'Recency (weeks)'
"""
from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from helpers import plotting
from helpers.plots._axes import axes, mark_moving


def plot_tracking(track, ax=None):
    """Cumulative repeat purchases week by week, actual vs model, with the end of calibration marked.

    ``track`` is the result of :func:`helpers.btyd.tracking`.
    """
    ax = axes(ax)
    ax.plot(track.index, track["actual"], color="#0072B2", label=plotting.label("actual"))
    ax.plot(track.index, track["expected"], color="#E69F00", linestyle="--", label=plotting.label("model"))
    ax.axvline(track.attrs.get("calibration_weeks", np.nan), color="#555555", linestyle=":",
               label=plotting.label("calibration_end"))
    ax.set_xlabel(plotting.label("week"))
    ax.set_ylabel(plotting.label("cumulative_repeat_purchases"))
    ax.set_title(plotting.label("btyd_plots.tracking_title"))
    ax.legend(loc="upper left")
    return ax


def plot_conditional_expectations(table, ax=None):
    """Mean holdout purchases by calibration frequency, actual vs expected.

    ``table`` is the result of :func:`helpers.btyd.conditional_expectations`; the last group is
    labelled ``k+``.
    """
    ax = axes(ax)
    x = np.asarray(table.index)
    ticks = [str(v) for v in x[:-1]] + [f"{x[-1]}+"]
    ax.plot(x, table["actual"], marker="o", color="#0072B2", label=plotting.label("actual"))
    ax.plot(x, table["expected"], marker="s", linestyle="--", color="#E69F00", label=plotting.label("model"))
    ax.set_xticks(x, ticks)
    ax.set_xlabel(plotting.label("calibration_frequency"))
    ax.set_ylabel(plotting.label("holdout_purchases"))
    ax.set_title(plotting.label("btyd_plots.conditional_title"))
    ax.legend(loc="upper left")
    return ax


def plot_p_alive_matrix(matrix, ax=None, colorbar=True, *, moving=False):
    """Heatmap of P(alive) over frequency (rows) and recency (columns).

    ``matrix`` is the result of :func:`helpers.btyd.p_alive_matrix`. Impossible cells (no repeat
    purchase but a recency above 0) are left blank. ``moving=True`` marks the heatmap for
    :func:`update_p_alive_matrix` in an explorer.
    """
    ax = axes(ax)
    recency = np.asarray(matrix.columns, dtype=float)
    freq = np.asarray(matrix.index, dtype=float)
    image = ax.imshow(matrix.to_numpy(), origin="lower", aspect="auto", cmap="viridis", vmin=0, vmax=1,
                      extent=(recency[0], recency[-1], freq[0] - 0.5, freq[-1] + 0.5),
                      interpolation="nearest")
    ax.grid(False)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.set_xlabel(plotting.label("recency_weeks"))
    ax.set_ylabel(plotting.label("frequency_repeat"))
    ax.set_title(plotting.label("btyd_plots.p_alive_title", weeks=recency[-1]))
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label=plotting.label("p_alive"), ticks=[0, 0.25, 0.5, 0.75, 1])
    mark_moving(image, moving=moving)
    return ax


def update_p_alive_matrix(ax, matrix) -> None:
    """Put a new P(alive) matrix of the same frequencies and recencies into a panel drawn by
    :func:`plot_p_alive_matrix` (the colour scale is fixed at 0 to 1, so the colour bar stays).

    >>> from helpers import btyd
    >>> ax = plot_p_alive_matrix(btyd.p_alive_matrix(btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793,
    ...                                                            "b": 2.426}), T=39.0), colorbar=False)
    >>> bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 10.0})
    >>> update_p_alive_matrix(ax, btyd.p_alive_matrix(bg, T=39.0))
    >>> round(float(ax.images[0].get_array()[2, -1]), 2)
    0.93
    """
    ax.images[0].set_data(matrix.to_numpy())


def plot_population_curve(t, expected, ax=None, *, moving=False, **line):
    """Expected repeat purchases of a new customer against weeks since the first purchase.

    ``moving=True`` marks the curve for :func:`update_population_curve` in an explorer.
    """
    ax = axes(ax)
    curve, = ax.plot(t, expected, **({"color": "#0072B2"} | line))
    mark_moving(curve, moving=moving)
    ax.set_xlabel(plotting.label("weeks_since_first"))
    ax.set_ylabel(plotting.label("expected_purchases"))
    ax.set_title(plotting.label("btyd_plots.population_title"))
    return ax


def update_population_curve(ax, t, expected, *, line: int = -1) -> None:
    """Give a curve drawn by :func:`plot_population_curve` (by default the last one drawn on ``ax``)
    new values, and let the y-axis follow all the curves as it does when they are drawn.

    >>> ax = plot_population_curve([0, 1, 2], [0.0, 0.5, 0.8])
    >>> update_population_curve(ax, [0, 1, 2], [0.0, 1.0, 3.0])
    >>> bool(ax.get_ylim()[1] > 3.0)
    True
    """
    ax.lines[line].set_data(t, expected)
    ax.relim()
    ax.autoscale_view()
