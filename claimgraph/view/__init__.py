"""Rendering: the HTML network (:mod:`~claimgraph.view.page`) and ``claimgraph serve`` (:mod:`~claimgraph.view.server`)."""
