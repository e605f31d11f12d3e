"""The RDF side: model, stores, conflict analysis and rendering."""
