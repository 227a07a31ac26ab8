"""Opening the DuckDB store: clear one-line errors, migrations, transactions, run records."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .schema import MIGRATIONS, migrate, pending

__all__ = ["DEFAULT_DB", "Store", "check_tables", "default_db_path", "is_fatal", "open_store"]

log = logging.getLogger(__name__)

#: the store file used when no path is given (in the working directory)
DEFAULT_DB = "dateline.duckdb"

_LOCK_PID = re.compile(r"\(PID (\d+)\)")


def default_db_path() -> Path:
    """``$DATELINE_DB`` if set, else ``dateline.duckdb`` in the working directory."""
    return Path(os.environ.get("DATELINE_DB") or DEFAULT_DB)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _explain(path: Path, exc: Exception) -> str:
    text = str(exc)
    lower = text.lower()
    if "could not set lock" in lower or "conflicting lock" in lower:
        pid = _LOCK_PID.search(text)
        who = f" (process {pid.group(1)})" if pid else ""
        return f"store {path} is in use by another process{who}; wait for it to finish"
    if "not a valid duckdb database" in lower or "not a duckdb" in lower:
        return f"{path} is not a dateline store (not a DuckDB database file)"
    if "database does not exist" in lower:
        return f"no store at {path} (create one with: dateline ingest --db {path} PATH...)"
    if "permission denied" in lower or "read-only file system" in lower:
        return f"store {path}: permission denied (a read-only file or folder); give a writable --db"
    if "no space left" in lower:
        return f"store {path}: the disk is full; free some space and run the same command again"
    if "extension" in lower or "sqlite" in lower:
        return f"{path} is not a dateline store (not a DuckDB database file)"
    if any(w in lower for w in ("corrupt", "checksum", "serializ", "invalid", "catalog", "does not exist",
                                "out of range", "io error", "internal error", "fatal")):
        first = " ".join(text.split())[:160]
        return f"store {path} is damaged or not a dateline store ({first}); restore it from a copy or start a new one"
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return f"store {path} cannot be opened: {first}"


class Store:
    """A dateline store: one DuckDB file holding articles, reports, events and runs.

    Use as a context manager; every write goes through :meth:`transaction`.
    """

    def __init__(self, conn: Any, path: Path, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        #: Arrow schemas of the tables, for bulk inserts (filled on first use)
        self.arrow_schemas: dict[str, Any] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """All-or-nothing: committed when the block ends, rolled back on any exception."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield self.conn
        except BaseException:
            with contextlib.suppress(Exception):
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except Exception as exc:
            raise StoreError(f"store {self.path}: commit failed: {exc}") from exc

    # -- small queries ---------------------------------------------------------------------
    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        row = self.conn.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cur = self.conn.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def has_version(self, chash: str) -> bool:
        """Whether this exact content was ingested before (cheap: a primary-key lookup)."""
        return bool(self.scalar("SELECT count(*) FROM article_versions WHERE content_hash = ?", [chash]))

    def known_versions(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes are stored already (one query)."""
        if not hashes:
            return set()
        sql = "SELECT content_hash FROM article_versions WHERE content_hash IN (SELECT unnest(?))"
        return {h for (h,) in self.conn.execute(sql, [hashes]).fetchall()}

    def counts(self) -> dict[str, int]:
        tables = ("articles", "article_versions", "reports", "events", "places", "timexes", "actors", "runs")
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}")) for t in tables}

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT max(version) FROM schema_version") or 0)

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, command: str, settings: dict[str, Any], version: str) -> str:
        """Record a new run; a run still marked ``running`` was killed (a writer holds the store alone)."""
        run_id = uuid.uuid4().hex[:16]
        with self.transaction() as conn:
            conn.execute("UPDATE runs SET status = 'killed', finished_at = ? WHERE status = 'running'", [_now()])
            conn.execute(
                "INSERT INTO runs (run_id, started_at, status, dateline_version, settings, command)"
                " VALUES (?, ?, 'running', ?, ?, ?)",
                [run_id, _now(), version, json.dumps(settings, default=str, sort_keys=True), command],
            )
        return run_id

    def finish_run(self, run_id: str, status: str, documents: int, skipped: int, failed: int, events: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, documents = ?, skipped = ?, failed = ?, events = ?"
                " WHERE run_id = ?",
                [_now(), status, documents, skipped, failed, events, run_id],
            )


_TABLES = ("articles", "article_versions", "places", "timexes", "actors", "reports", "events", "runs")


def check_tables(store: Store) -> None:
    """Every table is there and readable; raises :class:`StoreError` for a damaged store."""
    missing = [t for t in _TABLES if not store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [t])]
    if missing:
        raise StoreError(f"store {store.path} is damaged: table {', '.join(missing)} missing; restore it from a copy"
                         " or start a new one")
    for table in _TABLES:
        store.scalar(f"SELECT count(*) FROM {table}")


def is_fatal(exc: BaseException) -> bool:
    """Whether a store error means no further write can succeed (a full disk, an invalidated database)."""
    text = str(exc).lower()
    return any(w in text for w in ("no space left", "disk is full", "invalidated", "fatal", "could not write",
                                   "read-only file system", "input/output error"))


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating when writable) the store at ``path``.

    Raises :class:`StoreError` with a one-line message when the file is not a DuckDB
    database, is locked by another process, or does not exist (read-only).
    """
    import duckdb

    target = Path(path) if path is not None else default_db_path()
    if target.is_dir():
        raise StoreError(f"store {target} is a folder; give a file path such as {target / DEFAULT_DB}")
    if read_only and not target.exists():
        raise StoreError(f"no store at {target} (create one with: dateline ingest --db {target} PATH...)")
    try:
        # no extension is ever downloaded or loaded behind our back (a SQLite file would try to)
        config: dict[str, Any] = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
        conn = duckdb.connect(str(target), read_only=read_only, config=config)
    except duckdb.Error as exc:
        raise StoreError(_explain(target, exc)) from None
    except OSError as exc:
        raise StoreError(f"store {target} cannot be opened: {exc.strerror or exc}") from None
    store = Store(conn, target, read_only)
    try:
        if read_only:
            todo = pending(conn, MIGRATIONS)
            if todo:
                raise StoreError(
                    f"store {target} needs schema migration to version {todo[-1].version};"
                    " open it once for writing (dateline ingest) first"
                )
        else:
            migrate(conn, MIGRATIONS)
        check_tables(store)
    except duckdb.Error as exc:
        store.close()
        raise StoreError(_explain(target, exc)) from None
    except StoreError as exc:
        store.close()
        if str(target) in str(exc):
            raise
        raise StoreError(f"store {target}: {exc}") from None
    return store
