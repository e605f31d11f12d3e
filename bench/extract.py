"""Extraction speed on ~5 KB articles, next to quantulum3 on the same text (one core each).

Usage: python -m bench.extract [N]
"""

from __future__ import annotations

import sys

from bench.common import table, timed
from bench.corpus import article
from claimgraph.sources.extract import extract
from claimgraph.sources.readers import Metadata, text_document


def run(n: int = 300) -> str:
    texts = [article(i) for i in range(n)]
    extract(text_document(article(n + 1), "warm-up", Metadata()))  # compile regexes, load vocabularies
    kb = sum(len(t) for t in texts) / n / 1024
    docs, t_read = timed(lambda: [text_document(t, "bench", Metadata()) for t in texts])
    found, t_ex = timed(lambda: [extract(d) for d in docs])
    quantities = sum(len(x.quantities) for x in found)
    rows = [["claimgraph (read + extract)", n / (t_read + t_ex), quantities / n,
             sum(len(x.claims) for x in found) / n]]
    try:
        from quantulum3 import parser

        q, t_q = timed(lambda: [parser.parse(t) for t in texts])
        rows.append(["quantulum3 (parse)", n / t_q, sum(len(x) for x in q) / n, "-"])
    except Exception as exc:  # quantulum3 is optional (bench extra)
        rows.append([f"quantulum3 unavailable ({type(exc).__name__})", "-", "-", "-"])
    return (f"Extraction on {n} synthetic articles of {kb:.1f} KB, one core:\n\n"
            + table(["extractor", "articles/s", "quantities/article", "claims/article"], rows))


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
