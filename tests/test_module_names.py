"""Module-level names bound once: a second ``_CLAUSE_BREAK = re.compile(...)`` further down a module silently
replaces the first for every function above it (ruff does not flag rebound constants)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimgraph"


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(n for n, k in names.items() if k > 1 and n != "__all__")


def test_the_check_finds_a_rebound_pattern() -> None:
    assert _bound_twice("import re\nA = re.compile('x')\ndef f(): return A\nA = re.compile('y')\n") == ["A"]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == []
