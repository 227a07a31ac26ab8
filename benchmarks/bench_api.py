"""Benchmark of `dateline serve`: GET /v1/events throughput and latency, memory while streaming exports.

Builds (once, then reuses) a store of synthetic events with the store's own write path
(``dateline.ingest.synthetic``: one report per event, so >= 100,000 events), starts
``python -m dateline serve`` on a free local port, and measures over real HTTP (keep-alive,
one client thread, then several):

* requests/s and p50/p95 latency of ``GET /v1/events`` with a rotating set of ACLED-style
  filters (country, year, event type, bbox, actor, a keyset-cursor second page);
* the server's resident memory (VmRSS, sampled every 20 ms) while it streams full exports
  (``/v1/export/acled`` and ``/v1/export/parquet`` of every event), against its memory at rest.

Usage::

    python benchmarks/bench_api.py                         # 106,000 documents -> >= 100,000 events
    python benchmarks/bench_api.py --docs 5000 --requests 200   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from dateline.ingest import ingest, read_corpus
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus
from dateline.settings import Settings
from dateline.store import open_store

QUERIES = [
    {"country": "Iraq", "year": "2019", "limit": "100"},
    {"event_type": "Battles", "country": "SY|IQ", "limit": "100"},
    {"bbox": "38,29,49,38", "event_date": "2018-01-01|2018-12-31", "event_date_where": "BETWEEN", "limit": "100"},
    {"actor1": "Boko Haram", "inter2": "1", "limit": "100"},
    {"region": "Middle East", "sub_event_type": "Armed clash", "limit": "100"},
    {"iso": "566", "limit": "100"},
    {"limit": "100"},
    {"country": "Nigeria", "format": "geojson", "limit": "500"},
]


def build(db: Path, n_docs: int) -> None:
    corpus = db.with_suffix(".jsonl")
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(n_docs, seed=3, reports_per_event=1)) + "\n")
    settings = Settings()  # the default batch (32 documents): de-duplication within a batch is quadratic
    started = time.perf_counter()
    with open_store(db) as store:
        summary = ingest(SyntheticPipeline(), read_corpus([str(corpus)], settings), store, settings=settings)
    corpus.unlink()
    print(f"built {db}: {summary.line()} in {time.perf_counter() - started:.0f}s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_queries(base: str, n: int, threads: int, pid: int) -> dict[str, float]:
    latencies: list[float] = []
    lock = threading.Lock()
    cursor = requests.get(f"{base}/v1/events", params={"limit": "100"}, timeout=60).json()["next_cursor"]
    queries = [dict(q) for q in QUERIES]
    queries.append({"limit": "100", "cursor": cursor})

    def worker(k: int) -> None:
        session = requests.Session()
        for i in range(k, n, threads):
            params = queries[i % len(queries)]
            t0 = time.perf_counter()
            r = session.get(f"{base}/v1/events", params=params, timeout=60)
            dt = time.perf_counter() - t0
            assert r.status_code == 200, r.text
            with lock:
                latencies.append(dt)

    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall, cpu = time.perf_counter() - t0, cpu_seconds(pid) - cpu0
    return {
        "threads": threads,
        "requests": len(latencies),
        "req_per_s": len(latencies) / wall,
        "req_per_server_cpu_s": len(latencies) / cpu if cpu else float("nan"),
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * pct(latencies, 0.95),
        "max_ms": 1000 * max(latencies),
    }


def stream_export(base: str, fmt: str, pid: int) -> dict[str, float]:
    peak, stop = [rss_mb(pid)], threading.Event()
    before = peak[0]

    def sample() -> None:
        while not stop.is_set():
            peak.append(rss_mb(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    t0, size = time.perf_counter(), 0
    with requests.get(f"{base}/v1/export/{fmt}", stream=True, timeout=600) as r:
        for chunk in r.iter_content(1 << 16):
            size += len(chunk)
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    return {"format": fmt, "mb": size / 1e6, "seconds": seconds, "rss_before_mb": before, "rss_peak_mb": max(peak)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/dateline-bench-api.duckdb"))
    ap.add_argument("--docs", type=int, default=106_000)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=4)
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.docs)
    with open_store(args.db, read_only=True) as store:
        n_events = int(store.scalar("SELECT count(*) FROM events"))
    print(f"store: {n_events:,} events, {args.db.stat().st_size / 1e6:.0f} MB", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(args.db), "--port", str(port)])
    try:
        for _ in range(200):
            try:
                requests.get(f"{base}/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        requests.get(f"{base}/v1/events", params={"limit": "10"}, timeout=60)  # warm up
        print(f"server at rest: {rss_mb(server.pid):.0f} MB", flush=True)
        for threads in (1, args.threads):
            print(
                json.dumps({k: round(v, 2) for k, v in run_queries(base, args.requests, threads, server.pid).items()})
            )
        for fmt in ("acled", "parquet", "geojson"):
            out = stream_export(base, fmt, server.pid)
            print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}), flush=True)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    # for contrast: the CLI export builds the whole list in memory before writing
    out = args.db.with_suffix(".csv")
    t0 = time.perf_counter()
    cli = [sys.executable, "-m", "dateline", "export", "acled", "-o", str(out), "--db", str(args.db)]
    subprocess.run(cli, check=True, capture_output=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"CLI 'dateline export acled' of the same store: {time.perf_counter() - t0:.1f}s, peak RSS {peak:.0f} MB"
          " (the largest child so far)")  # fmt: skip
    out.unlink()


if __name__ == "__main__":
    main()
