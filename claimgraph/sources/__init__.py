"""Reading articles and what they say: formats, metadata and claim extraction."""
