from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.graph.store import Store, open_store
from claimgraph.pipeline import ingest
from claimgraph.sources.examples import example_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def examples() -> list[str]:
    return [str(p) for p in example_paths()]


@pytest.fixture(scope="session")
def memory_store(examples: list[str]) -> Store:
    """The example corpus, ingested and analysed once, in memory (read-only use)."""
    from claimgraph.analysis.analyse import analyse

    store = open_store("memory")
    ingest(examples, store)
    analyse(store)
    return store


@pytest.fixture()
def ox_store(tmp_path: Path, examples: list[str]) -> Iterator[Store]:
    """A fresh embedded Oxigraph store with the example corpus."""
    store = open_store(str(tmp_path / "store"))
    ingest(examples, store)
    yield store
    store.close()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m claimgraph`` as a user would."""
    return subprocess.run([sys.executable, "-m", "claimgraph", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=300)
