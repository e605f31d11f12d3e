"""Profile an ingest in one process (pyinstrument): extraction in the main thread (workers=1) and the batch writer
run in line, so reading, extraction, N-Quads text, RDF writes and the kept analysis all show in one tree.

Usage: python -m bench.ingest_profile SIZE OUT.txt
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from typing import Any

from bench.common import OUT, load_average
from bench.corpus import write_articles


def profile(size: int) -> str:
    from pyinstrument import Profiler  # type: ignore[import-not-found,unused-ignore]

    import claimgraph.pipeline as pl
    from claimgraph.graph.store import open_store

    class InLine:
        """The batch writer without its thread: each batch written when it is put."""

        def __init__(self, writer: Any, report: Any) -> None:
            self.writer, self.report = writer, report

        def __enter__(self) -> InLine:
            return self

        def put(self, batch: list[Any]) -> int:
            if batch:
                pl._flush(self.writer, list(batch), self.report)
            return 1 if batch else 0

        def __exit__(self, *exc: object) -> None:
            return None

    corpus = OUT / f"articles-{size}"
    write_articles(size, corpus)
    saved = pl._BatchWriter
    pl._BatchWriter = InLine  # type: ignore[assignment,misc]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(f"{tmp}/store")
            load = load_average()
            wall, cpu = time.perf_counter(), time.process_time()
            profiler = Profiler(interval=0.002)
            profiler.start()
            report = pl.ingest([str(corpus)], store, workers=1)
            profiler.stop()
            store.close()
            head = (f"ingest of {size} synthetic articles in one process: wall {time.perf_counter() - wall:.1f} s, "
                    f"CPU {time.process_time() - cpu:.1f} s (all threads), {report.claims} claims, peak RSS "
                    f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, load {load:.2f} -> "
                    f"{os.getloadavg()[0]:.2f}")
    finally:
        pl._BatchWriter = saved  # type: ignore[misc]
    tree: str = profiler.output_text(unicode=False, color=False)
    return head + "\n\n" + tree


if __name__ == "__main__":
    text = profile(int(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(text)
    print(text.splitlines()[0])
