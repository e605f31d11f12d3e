"""Start-up of the commands that only read the claim index: they never import rdflib (0.1 CPU s, the largest
import of a report command), nor the analysis."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app

READS = (["conflicts"], ["conflicts", "--format", "json", "--all"], ["resolve"], ["resolve", "--format", "json"],
         ["resolve", "--company", "CoreWeave", "--format", "csv"], ["trust"], ["checks", "--format", "json"],
         ["timeline", "CoreWeave", "revenue_backlog"], ["claims", "--format", "json"], ["articles"])

_RUN = """
import contextlib, io, json, sys
import claimgraph.cli
spec, reads = sys.argv[1], json.loads(sys.argv[2])
for args in reads:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            claimgraph.cli.app([*args, "--store", spec], standalone_mode=False)
        except SystemExit as exc:
            assert not exc.code, (args, exc.code)
    assert out.getvalue().strip(), args
loaded = sorted(m for m in sys.modules if m == "rdflib" or m.startswith(("rdflib.", "oxrdflib", "numpy",
                                                                          "claimgraph.analysis.analyse")))
print(json.dumps(loaded))
"""


def test_report_commands_do_not_import_rdflib(tmp_path: Path, examples: list[str]) -> None:
    spec = str(tmp_path / "s")
    done = CliRunner().invoke(app, ["ingest", *examples, "--store", spec, "--workers", "1"])
    assert done.exit_code == 0, done.output
    run = subprocess.run([sys.executable, "-c", _RUN, spec, json.dumps(READS)], capture_output=True, text=True,
                         timeout=300, cwd=Path(__file__).resolve().parents[1])
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.splitlines()[-1]) == [], "a command that reads the claim index imported these"
