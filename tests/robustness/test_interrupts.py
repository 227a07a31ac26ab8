"""Issue 15, interruption: SIGTERM is handled like Ctrl-C, workers die with their parent (even
after ``kill -9``), and a run killed outright is marked as such on the next start. (Random
``kill -9`` points over hundreds of documents: tools/fault_injection.py, docs/robustness.md.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.ingest.synthetic import synthetic_corpus
from dateline.store import integrity, open_store

CODE = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _workers_started(proc: subprocess.Popen[bytes], n: int = 2) -> list[int]:
    """Feed one line so the pool starts, then wait for its worker processes."""
    assert proc.stdin is not None
    proc.stdin.write(b'{"id": "a", "text": "Clashes near Mosul."}\n' * 100)  # two batches of 32, then waits
    proc.stdin.flush()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        kids = [k for k in _children(proc.pid) if _alive(k)]
        workers = [k for k in kids if b"multiprocessing" in Path(f"/proc/{k}/cmdline").read_bytes()]
        if len(workers) >= n:
            return workers
        time.sleep(0.2)
    pytest.fail("the worker processes did not start")


def _extract_with_workers() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", CODE, "extract", "--stages", "article", "--workers", "2",
                             "--jsonl", "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_workers_die_with_their_parent(sig: signal.Signals) -> None:
    proc = _extract_with_workers()
    try:
        workers = _workers_started(proc)
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "worker processes outlived their parent"
        if sig != signal.SIGKILL:
            assert proc.returncode == 130
            assert proc.stderr is not None
            assert proc.stderr.read().decode().strip().splitlines()[-1] == "dateline: error: interrupted"
    finally:
        proc.kill()
        proc.wait()


def test_sigterm_of_ingest_stores_what_was_analysed_and_records_the_run(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(80, seed=2)) + "\n")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-c", CODE, "ingest", "--synthetic", "--synthetic-delay", "0.15", "--batch", "8",
           "--no-progress", "--db", str(db), str(corpus)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2.5)  # two batches of 8 x 0.15 s stored, the run (12 s) far from done
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted; run the same command again to resume" in err and "Traceback" not in err
    with open_store(db, read_only=True) as store:
        assert integrity(store) == []
        assert [r["status"] for r in store.rows("SELECT status FROM runs")] == ["interrupted"]
        assert 0 < store.scalar("SELECT count(*) FROM articles") < 80
    rerun = subprocess.run(cmd[:5] + cmd[7:], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 80
