"""Web map benchmark: page load and first render for stores of 10,000 and 50,000 events.

    python3 benchmarks/bench_map.py                      # 10,000 and 50,000 events, 3 loads each
    python3 benchmarks/bench_map.py --events 10000 --runs 1 --keep /tmp/map-bench

For each size it builds a store with the synthetic pipeline (one report per event, no
de-duplication; points spread over ±1° around the corpus' 25 places so the clustering has
distinct points to work on), starts ``dateline serve`` on a free port and loads the page in
Debian's Chromium (the ``browser`` extra), each time in a fresh browser context (no cache).
It reports, from the page's own clock (``window.__dateline``, performance.now() since the
script started) and the navigation timing:

- DOMContentLoaded: the page and its scripts;
- first render: the first page of events (5,000) drawn on the map;
- all loaded: every page fetched (keyset cursor) and drawn;
- longest task: the longest time the page did not respond to input (a "freeze");
- time filter: from setting a one-year window to the map and histogram redrawn (wall time, its
  longest task, and the CPU seconds Chromium spent on it);
- JS heap after loading;
- CPU seconds spent loading (until every event is drawn) by all Chromium processes and by the
  server: on a shared machine these move much less than the wall times.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
sys.path.insert(0, str(SRC))

from dateline.ingest.synthetic import synthetic_corpus  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    return env


def build_store(folder: Path, n_events: int) -> Path:
    db = folder / f"map-{n_events}.duckdb"
    if db.exists():
        return db
    corpus = folder / f"map-{n_events}.jsonl"
    docs = synthetic_corpus(n_events, seed=3, reports_per_event=1)
    corpus.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    args = ["ingest", "--db", str(db), "--no-progress", "--synthetic", "--no-dedup", "--batch", "2000", str(corpus)]
    subprocess.run([sys.executable, "-m", "dateline", *args], env=_env(), check=True)
    import duckdb

    with duckdb.connect(str(db)) as conn:
        conn.execute("UPDATE events SET lat = lat + 2 * (random() - 0.5), lon = lon + 2 * (random() - 0.5)")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("dateline serve did not start")


def browser_cpu(cdp: Any) -> dict[int, float]:
    """CPU seconds so far of each Chromium process (browser, renderers, GPU, network…)."""
    return {p["id"]: p["cpuTime"] for p in cdp.send("SystemInfo.getProcessInfo")["processInfo"]}


def process_cpu(pid: int) -> float:
    """CPU seconds so far of a process (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_once(browser: Any, base: str, server_pid: int) -> dict[str, float]:
    cdp = browser.new_browser_cdp_session()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cpu0, server0 = browser_cpu(cdp), process_cpu(server_pid)
    page.goto(base + "/", wait_until="domcontentloaded")
    page.wait_for_selector("body[data-status=ready]", timeout=600_000)
    cpu1, server1 = browser_cpu(cdp), process_cpu(server_pid)
    page.wait_for_timeout(300)
    perf = page.evaluate("window.__dateline")
    nav = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    page.evaluate("window.__dateline.longestTask = 0")
    t0, cpu2 = time.perf_counter(), browser_cpu(cdp)
    page.evaluate("location.hash = '#from=2019-01-01&to=2019-12-31'")  # one change (two fields would be two)
    page.wait_for_selector('body[data-view="#from=2019-01-01&to=2019-12-31"]:not([data-drawing])', timeout=120_000)
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    filter_ms = (time.perf_counter() - t0) * 1000
    cpu3 = browser_cpu(cdp)
    page.wait_for_timeout(200)
    filter_longest = page.evaluate("window.__dateline.longestTask")
    context.close()
    browser_s = sum(t - cpu0.get(pid, 0.0) for pid, t in cpu1.items())
    filter_s = sum(t - cpu2.get(pid, 0.0) for pid, t in cpu3.items())
    return {"dcl": nav, "first": perf["firstRender"], "loaded": perf["loaded"], "longest": perf["longestTask"],
            "filter": filter_ms, "heap_mb": heap / 1e6, "events": perf["events"], "browser_cpu": browser_s,
            "server_cpu": server1 - server0, "filter_cpu": filter_s, "filter_longest": filter_longest}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="a folder to keep (and reuse) the stores in")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = args.keep or Path(tempfile.mkdtemp(prefix="map-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for n in args.events:
            db = build_store(folder, n)
            process, base = serve(db)
            try:
                runs = [load_once(browser, base, process.pid) for _ in range(args.runs)]
            finally:
                process.terminate()
                process.wait(timeout=10)
            for r in runs:
                print(f"  {n} events, one load: {json.dumps({k: round(v, 1) for k, v in r.items()})}", file=sys.stderr)
            assert all(r["events"] == n for r in runs), "every event loaded"
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            rows.append((n, med))
            print(f"{n} events: {json.dumps({k: round(v, 1) for k, v in med.items()})}", file=sys.stderr)
        browser.close()
    print(f"median of {args.runs} loads; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    columns = [
        "events", "DOMContentLoaded ms", "first render ms", "all loaded ms", "longest task ms", "time filter ms",
        "its longest task ms", "JS heap MB", "browser CPU s", "server CPU s", "time filter, browser CPU s",
    ]  # fmt: skip
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    keys = ("dcl", "first", "loaded", "longest", "filter", "filter_longest", "heap_mb")
    for n, m in rows:
        cpu = (f"{m[k]:.1f}" for k in ("browser_cpu", "server_cpu", "filter_cpu"))
        cells = [f"{n:,}", *(f"{m[k]:.0f}" for k in keys), *cpu]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
