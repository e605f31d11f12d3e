"""Plain command-line values are coerced without pydantic, to exactly what typer's own coercion gives."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import typer

from claimgraph.cli import app
from claimgraph.cli_values import _MISSING, PlainValue, plain

_SAMPLES: tuple[Any, ...] = (None, "", "json", "table", "jsonl", "0", "7", "-1", "50", "+3", " 4", "x", "1.5",
                             "Acme Corp", "revenue", True, False, 0, 50)


def _params() -> list[tuple[str, Any]]:
    group = typer.main.get_command(app)
    ctx = group.make_context("claimgraph", ["--help"], resilient_parsing=True)
    out = [("claimgraph", p) for p in group.get_params(ctx)]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = command.make_context(name, [], parent=ctx, resilient_parsing=True)
        out += [(name, p) for p in command.get_params(sub)]
    return out


def _typer_coerce(param: Any, value: Any, ctx: Any) -> tuple[str, Any]:
    from typer._coercion import build_runtime_param

    try:
        return "ok", build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
    except Exception as exc:
        return "error", type(exc).__name__


def test_every_parameter_takes_what_typers_own_coercion_gives() -> None:
    group = typer.main.get_command(app)
    ctx = group.make_context("claimgraph", ["--help"], resilient_parsing=True)
    checked = 0
    for name, param in _params():
        if not hasattr(param, "type_descriptor"):
            continue  # click's own --help
        assert isinstance(param._runtime_param, PlainValue), (name, param.name)
        for value in _SAMPLES:
            want = _typer_coerce(param, value, ctx)
            try:
                got: tuple[str, Any] = "ok", param._runtime_param.coerce(value, param=param, ctx=ctx)
            except Exception as exc:
                got = "error", type(exc).__name__
            assert got == want, (name, param.name, value)
            assert type(got[1]) is type(want[1]), (name, param.name, value)
            checked += 1
    assert checked > 500


def test_plain_cases_and_the_ones_left_to_typer() -> None:
    class Info:
        min, max, clamp, parser = 0, 10, False, None

    assert plain(int, Info(), "3") == 3
    assert plain(int, Info(), "11") is _MISSING  # out of range: typer says so in its own words
    assert plain(int, Info(), "three") is _MISSING
    assert plain(str, Info(), "Acme") == "Acme"
    assert plain(list, Info(), ["a"]) is _MISSING


def test_a_report_command_does_not_import_pydantic(tmp_path: Any) -> None:
    code = ("import sys\nfrom claimgraph.cli import main\nsys.argv = ['claimgraph', 'trust', '--format', 'json', "
            f"'--store', {str(tmp_path / 'none')!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('pydantic' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stderr.strip().splitlines()[-1] == "False", proc.stderr


@pytest.mark.parametrize("args", [["conflicts", "--limit", "-1"], ["conflicts", "--format", "xml"]])
def test_bad_values_still_get_typers_messages(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "claimgraph", *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Invalid value" in proc.stderr
