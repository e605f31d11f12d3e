"""Python's cyclic garbage collector paused around bulk steps (analysis, imports, the view's page)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk step.

    A million claims make tens of millions of objects (facts, groups, report dicts) and almost no cycles; every
    few thousand allocations the collector would walk them all again. Pausing it makes the analysis of 100k
    claims about a third faster, and the view of a 50k-claim store 1.4 of 5.0 CPU s cheaper; what little cyclic
    garbage there is goes at the next collection.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
