"""Throughput of the Dask engine (``--engine dask``) on a LocalCluster of 1 and 2 workers.

    python3 benchmarks/bench_dask.py                  # 160 articles, 1 then 2 workers
    python3 benchmarks/bench_dask.py --docs 320 --workers 1 2

The corpus is the news texts of ``../shared/eval/geo`` (cycled, each copy made unique so that
nothing is skipped as already seen), written as JSONL and cut into units of about
``--unit-kb`` kilobytes. For each worker count a fresh LocalCluster (1 thread per worker
process) runs the whole pipeline over every unit into new Parquet parts; then one writer
loads the parts into a new store. Reported per run:

- ``wall_s``: from submitting the units to the last part written (the workers' pipelines are
  loaded when the cluster starts, before the clock starts: ``startup_s``);
- ``worker_cpu_s``: the CPU seconds the worker processes spent in that time, and the
  documents per worker-CPU-second (survives a machine shared with other work);
- ``load_s``: the single writer loading the parts into DuckDB;
- ``worker_peak_rss_mib``: the largest peak resident memory of a worker process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
# the worker processes import this checkout too
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_corpus(path: Path, n: int) -> int:
    shared = REPO.parent / "shared" / "eval" / "geo"
    texts = [json.loads(line)["text"] for p in sorted(shared.glob("*.jsonl")) for line in p.open() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i, text in zip(range(n), itertools.cycle(texts), strict=False):
            out.write(json.dumps({"id": f"b{i}", "text": f"{text}\n\n(Copy {i}.)", "published": "2019-09-30"}) + "\n")
    return n


def run(workers: int, corpus: Path, tmp: Path, unit_kb: int) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from dateline.engine.dask_engine import PipelinePlugin, run_units
    from dateline.engine.load import load_parts
    from dateline.engine.units import plan_units
    from dateline.settings import Settings
    from dateline.store import open_store

    settings = Settings()
    units = plan_units([corpus], range_bytes=unit_kb * 1000)
    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:  # fmt: skip
        client.register_plugin(PipelinePlugin(settings))  # load the pipelines now, before the clock
        startup = time.perf_counter() - t0
        cpu0 = sum(client.run(_cpu).values())
        t1 = time.perf_counter()
        summary = run_units([corpus], settings, tmp / f"parts-{workers}", client=client, units=units)
        wall = time.perf_counter() - t1
        cpu = sum(client.run(_cpu).values()) - cpu0
        peak_mib = max(client.run(_peak_mib).values())
    assert not summary.failed, summary.failed
    t2 = time.perf_counter()
    with open_store(tmp / f"store-{workers}.duckdb") as store:
        loaded = load_parts(summary.parts, store, settings)
    return {
        "workers": workers, "units": len(units), "documents": summary.rows, "startup_s": round(startup, 1),
        "wall_s": round(wall, 1), "docs_per_s": round(summary.rows / wall, 2), "worker_cpu_s": round(cpu, 1),
        "docs_per_worker_cpu_s": round(summary.rows / cpu, 2), "load_s": round(time.perf_counter() - t2, 1),
        "stored": loaded.added, "events": loaded.reports, "worker_peak_rss_mib": round(peak_mib),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=160)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--unit-kb", type=int, default=100, help="JSONL bytes per unit, in kB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        build_corpus(corpus, args.docs)
        rows = [run(w, corpus, tmp, args.unit_kb) for w in args.workers]
    print(json.dumps({"runs": rows, "load_average": [round(x, 2) for x in os.getloadavg()]}, indent=2))


if __name__ == "__main__":
    main()
