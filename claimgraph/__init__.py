"""claimgraph: news articles to a source-attribution knowledge graph.

The pipeline has two halves:

* :mod:`claimgraph.sources` reads articles and extracts what they claim;
* :mod:`claimgraph.graph` turns claims into RDF, stores them, checks them for
  conflicts and renders the network.
"""

__version__ = "0.1.0"
