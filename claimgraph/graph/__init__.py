"""The RDF model and the stores: namespaces, quads of an extraction, Oxigraph/memory/remote stores, SPARQL, export."""
