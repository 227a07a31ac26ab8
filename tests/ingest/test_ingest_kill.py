"""``kill -9`` during ingestion, then a second run: exactly the counts of one clean run.

The ingesting process uses the synthetic pipeline slowed down to simulate the NLP, so
the kill lands while articles are being processed and stored.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from dateline.ingest.synthetic import synthetic_corpus
from dateline.store import integrity, open_store


def ingest_cmd(db: Path, corpus: Path, delay: float) -> list[str]:
    code = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"
    return [sys.executable, "-c", code, "ingest", "--synthetic", "--synthetic-delay", str(delay), "--no-progress",
            "--db", str(db), str(corpus)]  # fmt: skip


def table_state(db: Path) -> tuple[dict[str, int], list[tuple[object, ...]]]:
    with open_store(db, read_only=True) as store:
        assert integrity(store) == []
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = ("articles", "article_versions", "reports", "events")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]
        events = conn.execute("SELECT event_id, n_reports, n_articles FROM events ORDER BY event_id").fetchall()
        return counts, events
    finally:
        conn.close()


def test_kill_9_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(60, seed=11)) + "\n")
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(ingest_cmd(clean_db, corpus, 0.0), check=True, capture_output=True)

    proc = subprocess.Popen(ingest_cmd(killed_db, corpus, 0.05), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not killed_db.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2.5)  # the first batch (32 documents, or 2 s) stored, the next one in progress
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial, _ = table_state(killed_db)
    assert partial["articles"] < 60  # really interrupted
    assert partial["articles"] == partial["article_versions"]  # no half-stored article

    rerun = subprocess.run(ingest_cmd(killed_db, corpus, 0.0), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial['articles']} already stored" in rerun.stderr
    assert table_state(killed_db) == table_state(clean_db)


def test_ctrl_c_stores_what_was_analysed_and_the_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(60, seed=12)) + "\n")
    clean_db, cut_db = tmp_path / "clean.duckdb", tmp_path / "cut.duckdb"
    subprocess.run(ingest_cmd(clean_db, corpus, 0.0), check=True, capture_output=True)

    proc = subprocess.Popen(ingest_cmd(cut_db, corpus, 0.05), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not cut_db.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "\nTraceback" not in err
    partial, _ = table_state(cut_db)
    conn = duckdb.connect(str(cut_db), read_only=True)
    assert conn.execute("SELECT status FROM runs").fetchone() == ("interrupted",)
    conn.close()
    rerun = subprocess.run(ingest_cmd(cut_db, corpus, 0.0), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial['articles']} already stored" in rerun.stderr
    assert table_state(cut_db) == table_state(clean_db)
