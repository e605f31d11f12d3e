from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.graph.store import Store, open_store
from claimgraph.pipeline import ingest
from claimgraph.sources.examples import example_paths
from claimgraph.sources.model import Extraction

ROOT = Path(__file__).resolve().parent.parent


def claim_rows(text: str, published: str | None = None,
               title: str | None = None) -> list[tuple[str, str, str, float, str | None]]:
    """(company, metric, modality, low value, period label) of each claim extracted from ``text``, a .txt input
    with only the date and title given (the probes of hand-written articles compare these)."""
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    out = []
    for c in extract(text_document(text, "x.txt", Metadata(published=published, title=title))).claims:
        out.append((c.company, c.metric, c.modality, c.value.low, c.period.label if c.period is not None else None))
    return out


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


# Capabilities that let root ignore file permissions; without them root is held to a file's mode bits like
# anyone else (as owner: a folder or file of mode 0 is closed to it too).
_DAC_CAPS = "-dac_override,-dac_read_search"


@functools.lru_cache(maxsize=1)
def unprivileged() -> tuple[list[str] | None, str]:
    """A command prefix that runs a command without the power to bypass file permissions, and why not (None).

    Not root: no prefix (permissions apply already). Root: ``setpriv`` dropping CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH from the bounding and inheritable sets, so the same interpreter and the worktree's
    package stay importable (a switch to user ``nobody`` cannot reach an interpreter under /root) while the
    tests' unreadable folders and read-only stores are really closed. Checked by a probe before use.
    """
    if os.geteuid() != 0:
        return [], ""
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None, "needs setpriv (util-linux) to drop root's permission-bypassing capabilities"
    prefix = [setpriv, f"--bounding-set={_DAC_CAPS}", f"--inh-caps={_DAC_CAPS}"]
    with tempfile.TemporaryDirectory() as tmp:
        closed = os.path.join(tmp, "closed")
        with open(closed, "w", encoding="utf-8") as fh:
            fh.write("x")
        os.chmod(closed, 0)
        probe = f"import claimgraph, typer\ntry:\n    open({closed!r}).read()\nexcept PermissionError:\n    print('closed')"
        done = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": _pythonpath()}, timeout=120)
    if done.returncode != 0:
        return None, f"setpriv could not run claimgraph without root's capabilities: {done.stderr.strip()[-200:]}"
    if done.stdout.strip() != "closed":
        return None, "setpriv did not take away root's power to read a file of mode 0"
    return prefix, ""


def _pythonpath() -> str:
    """The worktree first, then whatever PYTHONPATH already held."""
    return os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)


def run_unprivileged(*args: str, cwd: Path | str = "/", timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m claimgraph`` without the power to bypass file permissions (skips when it cannot)."""
    import pytest

    prefix, why = unprivileged()
    if prefix is None:
        pytest.skip(why)
    return subprocess.run([*prefix, sys.executable, "-m", "claimgraph", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env={**os.environ, "PYTHONPATH": _pythonpath()})

def wire_record(title: str, text: str, published: str) -> Extraction:
    """A Reuters-style record (title, text, published) extracted as ``claimgraph extract`` reads a JSON record."""
    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document(text, "r.json", Metadata(title=title, published=published), title_first_line=False)
    return extract(doc)


def wire_rows(ex: Extraction) -> list[tuple[str, str, str, float, str | None, str]]:
    """(company, metric, measure, value, "start..end", modality) of each classified claim."""
    return [(c.company, c.metric, c.measure.value, round(c.value.mid, 6),
             f"{c.period.start}..{c.period.end}" if c.period else None, c.modality.value) for c in ex.claims
            if c.metric != "unclassified"]


def call_claims(body: str, title: str = "ACME Q4 2021 earnings call",
            published: str = "2022-02-09") -> list[tuple[str, str, float, str | None, str]]:
    """(metric, measure, value, period label, modality) of each classified claim of a call passage."""
    import datetime as dt

    from claimgraph.sources.extract import extract
    from claimgraph.sources.readers import Metadata, text_document

    doc = text_document(body, "x.txt", Metadata(title=title, published=dt.date.fromisoformat(published).isoformat()))
    return [(c.metric, c.measure.value, round(c.value.point if c.value.point is not None else c.value.low, 6),
             c.period.label if c.period is not None else None, c.modality.value)
            for c in extract(doc).claims if c.metric != "unclassified"]
