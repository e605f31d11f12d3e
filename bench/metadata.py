"""Page metadata against the hand-made gold: claimgraph and trafilatura alone, side by side, per field and split.

Reads the 120 saved pages of ``html-pages-dev.tar.gz`` (shared data folder) and scores both readers with
``tests/quality/metadata_eval.py`` (the comparison rules are in ``tests/quality/README.md``). claimgraph is timed
on the whole reading path (trafilatura's main text plus the page metadata); trafilatura alone is
``bare_extraction(html, with_metadata=True)``, timed on the same decoded pages in the same run.

Usage: python -m bench.metadata
"""

from __future__ import annotations

from functools import partial

from bench.common import table, timed
from tests.quality import metadata_eval as me


def run() -> str:
    if me.data_dir() is None:
        return f"Skipped: {me.TARBALL} not found (set CLAIMGRAPH_SHARED_DATA to the shared data folder)."
    me.pages()  # read the tarball before timing
    parts = []
    timings = {}
    for split in ("tune", "test"):
        ours, t_ours = timed(partial(me.score, me.claimgraph_reading, split))
        theirs, t_theirs = timed(partial(me.score, me.trafilatura_reading, split))
        timings[split] = (ours.n, t_ours, t_theirs)
        rows = [[f, f"{ours.right[f]}/{ours.n}", f"{theirs.right[f]}/{theirs.n}",
                 f"{ours.right[f] - theirs.right[f]:+d}"] for f in me.FIELDS]
        rows.append(["pages lost", str(len(ours.lost)), str(len(theirs.lost)), ""])
        label = "tune (rules were changed by looking at these)" if split == "tune" else "test (scored only)"
        parts.append(f"**{label}**, {ours.n} pages:\n\n"
                     + table(["field", "claimgraph", "trafilatura alone", "difference"], rows))
    n = sum(v[0] for v in timings.values())
    t_ours, t_theirs = sum(v[1] for v in timings.values()), sum(v[2] for v in timings.values())
    speed = table(["reader", "pages/s"], [["claimgraph (main text + metadata)", n / t_ours],
                                         ["trafilatura alone (bare_extraction with metadata)", n / t_theirs]])
    return ("Right answers per field on the 120 saved pages of the metadata gold (60 tune, 60 test), one core:\n\n"
            + "\n\n".join(parts) + "\n\nSpeed on the same pages:\n\n" + speed)


if __name__ == "__main__":
    print(run())
