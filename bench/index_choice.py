"""DuckDB against Arrow/Parquet with polars for the claim index, on this workload.

Operations: write N rows; an incremental update (1,000 new rows, 100 articles superseded); the analysis-input
scan (current classified claims into Python columns); a filtered listing (one company and metric).

Usage: python -m bench.index_choice [N]   (default 1000000)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import table, timed

COLS = ["claim", "article", "company", "metric", "measure", "low", "high", "point", "decimals", "qualifier", "unit",
        "stated", "quote", "period_label", "period_start", "period_end", "modality", "author", "publisher", "title",
        "superseded"]


def _rows(n: int, offset: int = 0) -> Any:
    import pyarrow as pa

    ids = range(offset, offset + n)
    return pa.table({
        "claim": [f"https://w3id.org/claimgraph/id/claim/c{i}" for i in ids],
        "article": [f"https://w3id.org/claimgraph/id/article/a{i // 8}" for i in ids],
        "company": [f"Company {i % 5000}" for i in ids], "metric": [("revenue", "capex", "debt")[i % 3] for i in ids],
        "measure": ["level"] * n, "low": [float(i) for i in ids], "high": [float(i) + 1 for i in ids],
        "point": [float(i) for i in ids], "decimals": [-6] * n, "qualifier": ["exact"] * n, "unit": ["USD"] * n,
        "stated": [f"${i}M" for i in ids], "quote": [f"Company {i % 5000} reported ${i} million." for i in ids],
        "period_label": ["2025-Q3"] * n, "period_start": ["2025-07-01"] * n, "period_end": ["2025-09-30"] * n,
        "modality": ["reported"] * n, "author": ["Jane Doe"] * n, "publisher": ["Wire"] * n,
        "title": [f"Article {i // 8}" for i in ids], "superseded": [False] * n})


def duckdb_ops(n: int, tmp: Path) -> list[float]:
    import duckdb

    data = _rows(n)
    con = duckdb.connect(str(tmp / "ix.duckdb"))

    def write() -> None:
        con.register("data", data)
        con.execute("CREATE TABLE claims AS SELECT * FROM data")

    def update() -> None:
        con.register("new", _rows(1000, n))
        con.execute("BEGIN")
        con.execute("INSERT INTO claims SELECT * FROM new")
        con.execute("UPDATE claims SET superseded = true WHERE article IN (SELECT 'https://w3id.org/claimgraph/id/"
                    "article/a' || range FROM range(0, 100))")
        con.execute("COMMIT")

    def scan() -> int:
        t = con.sql("SELECT * FROM claims WHERE NOT superseded AND metric != 'unclassified' ORDER BY claim") \
            .to_arrow_table()
        cols = [t.column(c).to_pylist() for c in t.column_names]
        return len(cols[0])

    def listing() -> int:
        return len(con.execute("SELECT * FROM claims WHERE company = 'Company 17' AND metric = 'capex'").fetchall())

    out = [timed(f)[1] for f in (write, update, scan, listing)]
    con.close()
    return out


def polars_ops(n: int, tmp: Path) -> list[float]:
    import polars as pl

    data = pl.from_arrow(_rows(n))
    parts = tmp / "parts"
    parts.mkdir()

    def write() -> None:
        data.write_parquet(parts / "part-0.parquet")  # type: ignore[union-attr]

    def update() -> None:
        pl.from_arrow(_rows(1000, n)).write_parquet(parts / "part-1.parquet")  # type: ignore[union-attr]
        pl.DataFrame({"article": [f"https://w3id.org/claimgraph/id/article/a{i}" for i in range(100)]}) \
            .write_parquet(tmp / "superseded.parquet")

    def frame() -> Any:
        gone = pl.scan_parquet(tmp / "superseded.parquet")
        return pl.scan_parquet(parts / "*.parquet").join(gone, on="article", how="anti")

    def scan() -> int:
        df = frame().filter(pl.col("metric") != "unclassified").sort("claim").collect()
        cols = [df[c].to_list() for c in df.columns]
        return len(cols[0])

    def listing() -> int:
        return frame().filter((pl.col("company") == "Company 17") & (pl.col("metric") == "capex")).collect().height

    return [timed(f)[1] for f in (write, update, scan, listing)]


def run(n: int = 1_000_000) -> str:
    rows = []
    for name, fn in (("DuckDB (one file, SQL, transactions)", duckdb_ops),
                     ("Parquet parts + polars (lazy scan, anti-join of superseded)", polars_ops)):
        with tempfile.TemporaryDirectory() as tmp:
            rows.append([name, *fn(n, Path(tmp))])
    return (f"Claim index candidates on {n:,} claims (seconds; the scan reads every current claim into Python "
            "columns, as the analysis does):\n\n"
            + table(["engine", "write", "update (1k new, 100 superseded)", "analysis-input scan",
                     "filtered listing"], rows))


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
