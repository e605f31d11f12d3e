"""Dask against Ray for distributed extraction on this machine: cluster start, and N articles extracted into
shards by the same partition function (2 worker processes each).

Usage: python -m bench.engines [N]   (default 2000)
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, table, timed
from bench.corpus import write_articles


def _dask(chunks: list[list[str]], out: Path, blob: bytes) -> tuple[float, float]:
    from distributed import Client, LocalCluster

    from claimgraph.distributed import extract_partition

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    t_start = time.perf_counter() - start
    _, t_run = timed(lambda: client.gather([client.submit(extract_partition, c, str(out / f"d{n}"), blob)
                                            for n, c in enumerate(chunks)]))
    client.close()
    cluster.close()
    return t_start, t_run


def _ray(chunks: list[list[str]], out: Path, blob: bytes) -> tuple[float, float]:
    import ray

    from claimgraph.distributed import extract_partition

    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    task = ray.remote(extract_partition)
    ray.get(task.remote([], str(out / "warm"), blob))
    t_start = time.perf_counter() - start
    _, t_run = timed(lambda: ray.get([task.remote(c, str(out / f"r{n}"), blob) for n, c in enumerate(chunks)]))
    ray.shutdown()
    return t_start, t_run


def run(n: int = 2000) -> str:
    from claimgraph.sources.readers import MAX_BYTES_DEFAULT, Metadata

    files = [str(p) for p in write_articles(n, OUT / f"articles-{n}")]
    chunks = [files[i:i + 250] for i in range(0, n, 250)]
    blob = pickle.dumps((Metadata(), None, MAX_BYTES_DEFAULT))
    rows = []
    for name, fn in (("Dask (distributed LocalCluster)", _dask), ("Ray (ray.init, local)", _ray)):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                t_start, t_run = fn(chunks, Path(tmp), blob)
                rows.append([name, t_start, t_run, n / t_run])
            except ImportError as exc:
                rows.append([f"{name}: not installed ({exc.name})", "-", "-", "-"])
    return (f"Distributed extraction of {n} articles into shards, 2 worker processes on this machine:\n\n"
            + table(["engine", "cluster start s", "extract + write shards s", "articles/s"], rows))


if __name__ == "__main__":
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
