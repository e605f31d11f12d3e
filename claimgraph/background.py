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


class WriteQueue:
    """Calls run in order on one thread, without the caller waiting for each (an import queues its RDF batches
    and goes on parsing, then analysing, while the store's bulk loader, which releases the GIL, writes them).

    After a call fails the rest are skipped; :meth:`wait` raises the error in the caller's thread.

    >>> done = []
    >>> q = WriteQueue()
    >>> for n in range(3):
    ...     q.submit(done.append, n)
    >>> q.wait()
    >>> q.close()
    >>> done
    [0, 1, 2]
    """

    def __init__(self, name: str = "claimgraph-writer") -> None:
        import queue

        self.name = name
        self.calls: queue.Queue[tuple[Callable[..., object], tuple[Any, ...]] | None] = queue.Queue()
        self.error: BaseException | None = None
        self.failed = False  # stays set: once a call failed, nothing queued after it runs
        self.thread: threading.Thread | None = None

    def _loop(self) -> None:
        while True:
            item = self.calls.get()
            try:
                if item is None:
                    return
                if not self.failed:
                    fn, args = item
                    fn(*args)
            except BaseException as exc:  # raised again in the caller's thread
                self.failed, self.error = True, exc
            finally:
                self.calls.task_done()

    def submit(self, fn: Callable[..., object], *args: Any) -> None:
        """Queue ``fn(*args)`` (raising the error of an earlier call, if one failed)."""
        self._raise()
        if self.thread is None:
            self.thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self.thread.start()
        self.calls.put((fn, args))

    def wait(self, *, quiet: bool = False) -> None:
        """Wait until every queued call has run; raise the first error unless ``quiet``."""
        if self.thread is not None:
            self.calls.join()
        if not quiet:
            self._raise()

    def close(self) -> None:
        """Wait for the queued calls (their errors are not raised) and end the thread."""
        if self.thread is not None:
            self.calls.put(None)
            self.thread.join()
            self.thread = None

    def _raise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error
