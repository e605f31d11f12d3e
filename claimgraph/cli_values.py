"""Command-line values coerced without pydantic in the common cases.

Typer (0.2x) coerces every parameter's value through a pydantic ``TypeAdapter``, built when the parameter is
first processed: the first one imports pydantic and builds its schema, about 0.1 s of CPU at the start of every
command (a tenth of the 1 s a report command at 1M claims may take). The values claimgraph's options take are
almost always plain: a string, a flag, a whole number in range, an enum member's value. Those are
coerced here, to what typer's adapter gives (``tests/test_cli_values.py`` compares both on every parameter);
anything else (a number out of range, an unknown choice, a list, a path, which typer checks) goes to typer's own
coercion, with its own messages. On a typer without this mechanism (no ``_runtime_param``) nothing changes.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

_WHOLE = re.compile(r"-?[0-9]+")
_MISSING = object()


def plain(annotation: Any, info: Any, value: Any) -> Any:
    """``value`` coerced as typer would for ``annotation`` and the parameter's ``info``, or ``_MISSING`` when
    it is not a plain case.

    >>> plain(int, type("I", (), {"min": 0, "max": None, "clamp": False, "parser": None})(), "50")
    50
    >>> plain(int, type("I", (), {"min": 0, "max": None, "clamp": False, "parser": None})(), "-1") is _MISSING
    True
    """
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return _MISSING
    if annotation is str:
        return value if isinstance(value, str) else _MISSING
    if annotation is bool:
        return value if isinstance(value, bool) else _MISSING
    if annotation is int:
        if isinstance(value, bool) or getattr(info, "clamp", False):
            return _MISSING
        if isinstance(value, str) and _WHOLE.fullmatch(value):
            value = int(value)
        if not isinstance(value, int):
            return _MISSING
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is not None and value < low) or (high is not None and value > high):
            return _MISSING
        return value
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        if isinstance(value, str):
            for member in annotation:
                if member.value == value:
                    return member
        return _MISSING
    return _MISSING


class PlainValue:
    """A parameter's runtime coercion (typer's ``RuntimeParam`` contract: ``coerce(value, param=, ctx=)``):
    :func:`plain` where it applies, typer's own coercion otherwise."""

    def __init__(self, fallback: Any) -> None:
        self.fallback = fallback  # typer's builder of the parameter's own coercion (called only when needed)
        self.own: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if not (param.multiple or param.nargs == -1):
            if value is None:
                return None
            descriptor = param.type_descriptor
            done = plain(descriptor.annotation, descriptor.parameter_info, value)
            if done is not _MISSING:
                return done
        if self.own is None:
            self.own = self.fallback()
        return self.own.coerce(value, param=param, ctx=ctx)


def install(params: list[Any]) -> list[Any]:
    """Give each of typer's parameters :class:`PlainValue` coercion (those that have none built yet)."""
    for param in params:
        if getattr(param, "_runtime_param", _MISSING) is None and hasattr(param, "type_descriptor"):
            try:
                from typer._coercion import build_runtime_param
            except ImportError:
                return params
            descriptor = param.type_descriptor
            param._runtime_param = PlainValue(lambda d=descriptor: build_runtime_param(d))
    return params
