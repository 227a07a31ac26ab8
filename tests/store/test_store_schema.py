"""Opening stores: migrations, versions, and one-line errors for files that are not stores."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.store import open_store
from dateline.store.schema import MIGRATIONS, Migration, current_version, migrate


def test_new_store_is_migrated_to_the_latest_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.counts()["events"] == 0


def test_reopening_applies_nothing_again(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path) as store:
        assert migrate(store.conn) == []
        assert store.scalar("SELECT count(*) FROM schema_version") == len(MIGRATIONS)


def test_a_later_migration_is_applied_in_order(db_path: Path) -> None:
    open_store(db_path).close()
    extra = (
        *MIGRATIONS,
        Migration(
            MIGRATIONS[-1].version + 1, "add a column", lambda c: c.execute("ALTER TABLE events ADD COLUMN tag VARCHAR")
        ),
    )
    conn = duckdb.connect(str(db_path))
    assert migrate(conn, extra) == [MIGRATIONS[-1].version + 1]
    assert current_version(conn) == MIGRATIONS[-1].version + 1
    conn.close()


def test_a_failing_migration_leaves_the_store_at_its_old_version(db_path: Path) -> None:
    open_store(db_path).close()
    step = MIGRATIONS[-1].version + 1
    broken = (*MIGRATIONS, Migration(step, "broken", lambda c: c.execute("ALTER TABLE nope ADD x INT")))
    conn = duckdb.connect(str(db_path))
    with pytest.raises(StoreError, match="migration"):
        migrate(conn, broken)
    assert current_version(conn) == MIGRATIONS[-1].version
    conn.close()


def test_a_store_newer_than_the_code_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    conn = duckdb.connect(str(db_path))
    conn.execute("INSERT INTO schema_version (version, description) VALUES (999, 'future')")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_a_file_that_is_not_duckdb_gives_one_clear_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError) as info:
        open_store(bogus)
    message = str(info.value)
    assert "not a dateline store" in message and "\n" not in message
    assert bogus.read_text() == "these are my notes, not a database\n"


def test_reading_a_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*dateline ingest"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_store_locked_by_another_process_gives_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    open_store(db_path).close()
    ready = tmp_path / "ready"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, pathlib, time
            conn = duckdb.connect({str(db_path)!r})
            pathlib.Path({str(ready)!r}).touch()
            time.sleep(30)
        """),
        ]
    )
    try:
        for _ in range(200):
            if ready.exists():
                break
            time.sleep(0.05)
        with pytest.raises(StoreError) as info:
            open_store(db_path)
        message = str(info.value)
        assert "in use by another process" in message and "\n" not in message
    finally:
        holder.kill()
        holder.wait()
