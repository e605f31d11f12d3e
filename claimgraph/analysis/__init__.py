"""Analysis: grouping claims at stated precision, conflicts and revisions, truth discovery and cross-checks.

Stages, one module each: :mod:`~claimgraph.analysis.conflicts` (groups and agreement),
:mod:`~claimgraph.analysis.truth` (resolved values and source trust),
:mod:`~claimgraph.analysis.crosschecks` (arithmetic between groups); :mod:`~claimgraph.analysis.analyse`
runs them over a store and writes the analysis graph.
"""
