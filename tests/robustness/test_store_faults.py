"""Issue 15, the store: damaged, foreign, newer, read-only, locked and full stores each give one
clear line and the right exit status, never a traceback, and never damage what is stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dateline.ingest.synthetic import synthetic_corpus
from dateline.store import open_store
from dateline.store.schema import MIGRATIONS

from .conftest import assert_one_line_errors, command, errors, ingest

READERS = (["stats"], ["query"], ["events", "show", "abc"], ["export", "plover", "-o", "OUT"])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(40, seed=3)) + "\n")
    return path


@pytest.fixture
def store(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "s.duckdb"
    assert ingest(db, str(corpus)).exit_code == 0
    return db


def _all_commands_fail_cleanly(db: Path, tmp_path: Path, corpus: Path, expect: str) -> None:
    for args in (*READERS, ["ingest"]):
        if args == ["ingest"]:
            result = ingest(db, str(corpus))
        else:
            args = [a.replace("OUT", str(tmp_path / "out.jsonl")) for a in args]
            result = command(*args, "--db", str(db))
        assert_one_line_errors(result)
        assert result.exit_code == 2, (args, result.stderr)
        errs = errors(result)
        assert len(errs) == 1 and expect in errs[0], (args, errs)


def test_flipped_bytes_truncation_and_a_dropped_table(tmp_path: Path, store: Path, corpus: Path) -> None:
    data = store.read_bytes()
    flipped = tmp_path / "flipped.duckdb"
    flipped.write_bytes(data[:4096] + bytes(b ^ 0xFF for b in data[4096:12288]) + data[12288:])
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(data[: len(data) // 3])
    dropped = tmp_path / "dropped.duckdb"
    dropped.write_bytes(data)
    with duckdb.connect(str(dropped)) as conn:
        conn.execute("DROP TABLE events")
    for db in (flipped, cut, dropped):
        _all_commands_fail_cleanly(db, tmp_path, corpus, str(db))


def test_a_sqlite_file_is_refused_without_any_extension_download(tmp_path: Path, corpus: Path) -> None:
    import sqlite3

    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
    _all_commands_fail_cleanly(db, tmp_path, corpus, "not a dateline store")


def test_extension_autoinstall_and_autoload_are_off(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        settings = dict(store.conn.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name LIKE 'auto%_known_extensions'").fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def test_a_store_from_a_newer_schema_is_refused_untouched(tmp_path: Path, store: Path, corpus: Path) -> None:
    newer = MIGRATIONS[-1].version + 1
    with duckdb.connect(str(store)) as conn:
        conn.execute("INSERT INTO schema_version (version, description) VALUES (?, 'from the future')", [newer])
    before = store.read_bytes()
    _all_commands_fail_cleanly(store, tmp_path, corpus, f"schema version {newer}, newer than this dateline knows")
    assert store.read_bytes() == before


def test_a_read_only_store(tmp_path: Path, store: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = command("stats", "--db", str(store))  # reading a read-only file works
    if os.geteuid() != 0:
        store.chmod(0o444)
        try:
            assert command("stats", "--db", str(store)).exit_code == 0
            result = ingest(store, str(corpus))
        finally:
            store.chmod(0o644)
    else:  # root writes anyway: give the error DuckDB gives a user
        real = duckdb.connect

        def connect(path: str, read_only: bool = False, **kw: object) -> object:
            if not read_only:
                raise duckdb.IOException(f'IO Error: Cannot open file "{path}": Permission denied')
            return real(path, read_only=read_only, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(duckdb, "connect", connect)
        result = ingest(store, str(corpus))
    assert_one_line_errors(result)
    assert result.exit_code == 2
    assert errors(result) == [f"dateline: error: store {store}: permission denied (a read-only file or folder);"
                              " give a writable --db"]


def _cli(*args: str) -> list[str]:
    code = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; main()"
    return [sys.executable, "-c", code, *args]


def test_two_ingests_and_a_query_during_an_ingest(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "busy.duckdb"
    first = subprocess.Popen(_cli("ingest", "--synthetic", "--synthetic-delay", "0.4", "--no-progress", "--db",
                                  str(db), str(corpus)), stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        for args in (["ingest", "--synthetic", "--no-progress", str(corpus)], ["query"], ["stats"]):
            other = subprocess.run(_cli(*args, "--db", str(db)), capture_output=True, text=True, timeout=120)
            assert other.returncode == 2, other.stderr
            assert "Traceback" not in other.stderr
            lines = other.stderr.strip().splitlines()
            assert len(lines) == 1 and "is in use by another process" in lines[0], lines
        assert first.wait(timeout=120) == 0
    finally:
        first.kill()
        first.wait()
    assert command("stats", "--db", str(db)).exit_code == 0
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 40


def test_a_killed_run_is_marked_on_the_next_start(tmp_path: Path, store: Path, corpus: Path) -> None:
    with duckdb.connect(str(store)) as conn:  # what kill -9 leaves behind
        conn.execute("UPDATE runs SET status = 'running', finished_at = NULL")
    assert ingest(store, str(corpus)).exit_code == 0
    with open_store(store, read_only=True) as s:
        statuses = [r["status"] for r in s.rows("SELECT status FROM runs ORDER BY started_at")]
    assert statuses == ["killed", "done"]


def test_a_full_disk_stops_the_run_with_one_message(tmp_path: Path, corpus: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The real thing (a 3 MB file system) is in tools/fault_injection.py; here DuckDB's error is injected."""
    from dateline.store import write

    db = tmp_path / "full.duckdb"
    calls = {"n": 0}
    real = write._write

    def failing(*args: object, **kw: object) -> object:
        calls["n"] += 1
        if calls["n"] > 1:
            raise duckdb.IOException('IO Error: Could not write file "x.wal": No space left on device')
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "_write", failing)
    result = ingest(db, "--batch", "8", str(corpus))
    assert_one_line_errors(result)
    assert result.exit_code == 2
    errs = errors(result)
    assert len(errs) == 1 and "No space left on device" in errs[0] and "run the same command again" in errs[0]
    assert calls["n"] == 2  # stopped at the first failure, not one error per document
    monkeypatch.setattr(write, "_write", real)
    assert ingest(db, str(corpus)).exit_code == 0
    with open_store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 40
        assert [r["status"] for r in s.rows("SELECT status FROM runs ORDER BY started_at")] == ["failed", "done"]
