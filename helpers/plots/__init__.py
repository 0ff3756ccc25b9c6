"""Plots: ``plot_*(result, ax=None) -> ax`` functions, one module per topic.

They draw model results and nothing else; labels come from :func:`helpers.plotting.label` so a
figure follows :func:`helpers.plotting.use_language`.
"""
