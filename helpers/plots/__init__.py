"""Plots: ``plot_*(result, ax=None) -> ax`` functions, one module per topic.

They draw model results and nothing else; every text they draw comes from
:func:`helpers.plotting.label` (the catalogue file ``helpers/texts/plots.toml``), so a figure
follows :func:`helpers.plotting.use_language`. Without ``ax`` a plot draws on a new figure.
A plot that an explorer updates in place also takes ``moving=True`` (it marks the artists its
``update_*`` function changes), and that ``update_*`` function raises ``DrawAgain`` when the
figure must be drawn afresh (:mod:`helpers.plots._axes`).
"""
