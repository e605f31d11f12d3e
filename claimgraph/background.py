"""One write at a time on a thread of its own, while the caller prepares the next (the embedded store's bulk
loader parses and writes without holding the GIL, so the two overlap on two cores).

>>> done = []
>>> b = Background()
>>> b.run(done.append, 1)
>>> b.wait()
>>> done
[1]
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class Background:
    """Runs one call at a time on a thread; :meth:`wait` joins it and raises its error in the caller's thread."""

    def __init__(self, name: str = "claimgraph-writer") -> None:
        self.name = name
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def run(self, fn: Callable[..., object], *args: Any) -> None:
        """Wait for the call before (raising its error), then start ``fn(*args)``."""
        self.wait()

        def target() -> None:
            try:
                fn(*args)
            except BaseException as exc:  # raised again in the caller's thread
                self.error = exc

        self.thread = threading.Thread(target=target, name=self.name, daemon=True)
        self.thread.start()

    def wait(self, *, quiet: bool = False) -> None:
        """Join the running call; raise its error unless ``quiet`` (the caller is already failing)."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            if not quiet:
                raise error
