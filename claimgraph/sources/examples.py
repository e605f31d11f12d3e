"""The bundled example corpus: five CoreWeave articles from 2025-26, as scraped."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def example_dir() -> Path:
    """The folder of the bundled example corpus.

    >>> sorted(p.name for p in example_dir().glob("*.txt"))[0]
    '000_1872e62f4a642fea.txt'
    """
    return Path(str(resources.files("claimgraph") / "examples" / "coreweave"))


def example_paths() -> list[Path]:
    """The bundled example articles, in name order."""
    return sorted(example_dir().glob("*.txt"))
