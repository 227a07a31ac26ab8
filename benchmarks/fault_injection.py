"""Fault injection against the store: kill -9 / Ctrl-C / SIGTERM at random points, a full disk,
a read-only file system, damaged store files, a newer schema, two ingests, query during ingest.

Every trial ingests a synthetic corpus (``dateline ingest --synthetic``: the real reader, store,
de-duplication and run bookkeeping, with a stand-in for the NLP so hundreds of trials fit in
minutes) and compares the store with one clean run: table counts, every event (id, reports,
articles, evidence offsets) and every report row. Results go to docs/robustness.md.

    python3 benchmarks/fault_injection.py --trials 30 --docs 300        # about 10 minutes
    python3 benchmarks/fault_injection.py --only kill --trials 5         # one kind
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CODE = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", CODE, *args]


def ingest_cmd(db: Path, corpus: Path, delay: float = 0.0) -> list[str]:
    return cli("ingest", "--synthetic", "--synthetic-delay", str(delay), "--batch", "16", "--no-progress",
               "--db", str(db), str(corpus))


def state(db: Path) -> dict[str, Any]:
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = ("articles", "article_versions", "reports", "events", "places", "timexes", "actors")
        return {
            "counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables},  # type: ignore[index]
            "events": conn.execute("SELECT event_id, n_reports, n_articles, evidence_start, evidence_end, date_start,"
                                   " location_name FROM events ORDER BY event_id").fetchall(),
            "reports": conn.execute("SELECT report_id, event_id, article_id, evidence_start, evidence_end"
                                    " FROM reports ORDER BY report_id").fetchall(),
            "runs": [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY started_at").fetchall()],
        }
    finally:
        conn.close()


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] == b[k] for k in ("counts", "events", "reports"))


def one_line(stderr: str) -> bool:
    lines = [x for x in stderr.strip().splitlines() if x.startswith("dateline: error:")]
    return "Traceback" not in stderr and len(lines) == 1


def interrupt_trials(kind: str, trials: int, corpus: Path, clean: dict[str, Any], work: Path,
                     rng: random.Random, docs: int) -> dict[str, Any]:
    sig = {"kill": signal.SIGKILL, "ctrl-c": signal.SIGINT, "sigterm": signal.SIGTERM}[kind]
    out: dict[str, Any] = {"trials": 0, "equal_after_rerun": 0, "kill_points_s": [], "stored_at_kill": [],
                           "clean_exit_130": 0, "marked": 0}
    for t in range(trials):
        db = work / f"{kind}{t}.duckdb"
        # a child of a background job inherits an ignored SIGINT: give it the default, as a terminal would
        proc = subprocess.Popen(ingest_cmd(db, corpus, 0.01), stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        point = rng.uniform(0.0, 0.015 * docs)  # anywhere in the run (about 12 ms a document)
        time.sleep(point)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        out["kill_points_s"].append(round(point, 2))
        if kind != "kill" and proc.returncode == 130 and "interrupted" in err and "Traceback" not in err:
            out["clean_exit_130"] += 1
        try:
            out["stored_at_kill"].append(state(db)["counts"]["articles"])
        except Exception:
            out["stored_at_kill"].append(0)
        rerun = subprocess.run(ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
        after = state(db)
        out["trials"] += 1
        out["equal_after_rerun"] += rerun.returncode == 0 and same(after, clean)
        expected_first = {"kill": "killed", "ctrl-c": "interrupted", "sigterm": "interrupted"}[kind]
        if proc.returncode in (0,) or after["runs"][0] in (expected_first, "done"):
            out["marked"] += 1
        db.unlink(missing_ok=True)
    return out


def full_disk(work: Path) -> dict[str, Any]:
    """3,000 documents into a 3 MB file system (it fills after about 900), then space returns."""
    from dateline.ingest.synthetic import synthetic_corpus

    corpus = work / "big.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(3000, seed=5)) + "\n")
    clean_db = work / "big-clean.duckdb"
    subprocess.run(ingest_cmd(clean_db, corpus), check=True, capture_output=True)
    clean = state(clean_db)
    mnt = work / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True).returncode:
        return {"skipped": "cannot mount a small file system here (needs root)"}
    try:
        db = mnt / "s.duckdb"
        first = subprocess.run(ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
        stored = state(db)["counts"]["articles"]
        subprocess.run(["mount", "-o", "remount,size=300m", str(mnt)], check=True)
        rerun = subprocess.run(ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
        after = state(db)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        ro = subprocess.run(ingest_cmd(db, corpus), capture_output=True, text=True, timeout=300)
        ro_stats = subprocess.run(cli("stats", "--db", str(db)), capture_output=True, text=True, timeout=120)
        return {
            "full": {"exit": first.returncode, "one_line": one_line(first.stderr),
                     "message": first.stderr.strip().splitlines()[-1][:220], "stored_before_full": stored},
            "after_space_returned": {"exit": rerun.returncode, "equal_to_clean": same(after, clean),
                                     "runs": after["runs"]},
            "read_only_fs": {"ingest_exit": ro.returncode, "one_line": one_line(ro.stderr),
                             "message": ro.stderr.strip().splitlines()[-1][:200] if ro.stderr.strip() else "",
                             "stats_exit": ro_stats.returncode},
        }
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def damaged_stores(trials: int, corpus: Path, work: Path, rng: random.Random) -> dict[str, Any]:
    base = work / "base.duckdb"
    subprocess.run(ingest_cmd(base, corpus), check=True, capture_output=True)
    data = base.read_bytes()
    out: dict[str, Any] = {"trials": 0, "commands": 0, "clean": 0, "tracebacks": 0, "exit_codes": {}}
    for t in range(trials):
        bad = work / f"bad{t}.duckdb"
        how = rng.choice(["flip", "truncate", "zero-block"])
        if how == "flip":
            buf = bytearray(data)
            for _ in range(rng.randrange(1, 64)):
                buf[rng.randrange(len(buf))] ^= 0xFF
            bad.write_bytes(bytes(buf))
        elif how == "truncate":
            bad.write_bytes(data[: rng.randrange(len(data))])
        else:
            at = rng.randrange(0, len(data), 4096)
            bad.write_bytes(data[:at] + b"\0" * 4096 + data[at + 4096 :])
        for args in (["stats"], ["query", "--limit", "5"], ["export", "plover", "-o", str(work / "x.jsonl")],
                     ["ingest", "--synthetic", "--no-progress", str(corpus)]):
            r = subprocess.run(cli(*args, "--db", str(bad)), capture_output=True, text=True, timeout=300)
            out["commands"] += 1
            out["exit_codes"][str(r.returncode)] = out["exit_codes"].get(str(r.returncode), 0) + 1
            out["tracebacks"] += "Traceback" in r.stderr
            out["clean"] += r.returncode == 0 or (r.returncode in (1, 2) and "Traceback" not in r.stderr)
        out["trials"] += 1
        bad.unlink()
    return out


def concurrency(corpus: Path, work: Path) -> dict[str, Any]:
    db = work / "busy.duckdb"
    first = subprocess.Popen(ingest_cmd(db, corpus, 0.02), stderr=subprocess.PIPE, text=True)
    while not db.exists():
        time.sleep(0.02)
    time.sleep(1.0)
    results = {}
    for name, args in (("second ingest", ["ingest", "--synthetic", "--no-progress", str(corpus)]),
                       ("query", ["query"]), ("stats", ["stats"])):
        r = subprocess.run(cli(*args, "--db", str(db)), capture_output=True, text=True, timeout=120)
        results[name] = {"exit": r.returncode, "one_line": one_line(r.stderr), "message": r.stderr.strip()[:200]}
    first.wait(timeout=600)
    results["first ingest"] = {"exit": first.returncode, "runs": state(db)["runs"]}
    return results


def newer_schema(corpus: Path, work: Path) -> dict[str, Any]:
    import duckdb

    from dateline.store.schema import MIGRATIONS

    db = work / "newer.duckdb"
    subprocess.run(ingest_cmd(db, corpus), check=True, capture_output=True)
    with duckdb.connect(str(db)) as conn:
        conn.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')",
                     [MIGRATIONS[-1].version + 1])
    before = db.read_bytes()
    results = {}
    for args in (["stats"], ["query"], ["ingest", "--synthetic", "--no-progress", str(corpus)]):
        r = subprocess.run(cli(*args, "--db", str(db)), capture_output=True, text=True, timeout=120)
        results[args[0]] = {"exit": r.returncode, "one_line": one_line(r.stderr), "message": r.stderr.strip()[:200]}
    results["file unchanged"] = db.read_bytes() == before  # type: ignore[assignment]
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=30)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--only", choices=["kill", "ctrl-c", "sigterm", "disk", "damaged", "concurrency", "newer"])
    args = ap.parse_args()
    from dateline.ingest.synthetic import synthetic_corpus

    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="dateline-faults-"))
    try:
        corpus = work / "wire.jsonl"
        corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(args.docs, seed=args.seed)) + "\n")
        clean_db = work / "clean.duckdb"
        subprocess.run(ingest_cmd(clean_db, corpus), check=True, capture_output=True)
        clean = state(clean_db)
        report: dict[str, Any] = {"docs": args.docs, "clean_counts": clean["counts"]}
        todo = [args.only] if args.only else ["kill", "ctrl-c", "sigterm", "disk", "damaged", "concurrency", "newer"]
        for kind in todo:
            started = time.perf_counter()
            if kind in ("kill", "ctrl-c", "sigterm"):
                n = args.trials if kind == "kill" else max(3, args.trials // 3)
                report[kind] = interrupt_trials(kind, n, corpus, clean, work, rng, args.docs)
            elif kind == "disk":
                report[kind] = full_disk(work)
            elif kind == "damaged":
                report[kind] = damaged_stores(args.trials, corpus, work, rng)
            elif kind == "concurrency":
                report[kind] = concurrency(corpus, work)
            else:
                report[kind] = newer_schema(corpus, work)
            print(f"{kind}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        print(json.dumps(report, indent=1, default=str))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.sync()


if __name__ == "__main__":
    main()
