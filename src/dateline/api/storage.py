"""The server's store connection: locked-down DuckDB, opened lazily, a 503 while another process holds it.

The connection is opened with DuckDB's external access disabled (no file, URL or extension
can be read through SQL), extension auto-install and auto-load off, and the configuration
locked, so no statement can turn these back on. Read-only unless the server accepts writes;
then it is the store's one writer and writes are serialized.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import DatelineError, StoreError
from ..store.db import Store, _explain
from ..store.schema import MIGRATIONS, migrate, pending

__all__ = ["LOCKED_CONFIG", "StoreBusy", "StoreHolder", "open_locked"]

log = logging.getLogger(__name__)

#: the DuckDB settings of every connection the server opens
LOCKED_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class StoreBusy(DatelineError):
    """The store file is locked by another process (an ingestion); try again later."""


def open_locked(path: Path, *, read_only: bool) -> Store:
    """Open (and, when writable, migrate) the store with :data:`LOCKED_CONFIG`."""
    import duckdb

    if path.is_dir():
        raise StoreError(f"store {path.name} is a folder; give a file path")
    if read_only and not path.exists():
        raise StoreError(f"no store at {path} (create one with: dateline ingest --db {path} PATH...)")
    try:
        conn = duckdb.connect(str(path), read_only=read_only, config=dict(LOCKED_CONFIG))
    except duckdb.Error as exc:
        message = _explain(path, exc)
        if "in use by another process" in message:
            raise StoreBusy(message) from None
        raise StoreError(message) from None
    store = Store(conn, path, read_only)
    try:
        if read_only:
            todo = pending(conn, MIGRATIONS)
            if todo:
                raise StoreError(
                    f"store {path} needs schema migration to version {todo[-1].version};"
                    " open it once for writing (dateline ingest, or serve --allow-writes) first"
                )
        else:
            migrate(conn, MIGRATIONS)
    except duckdb.Error as exc:
        store.close()
        raise StoreError(_explain(path, exc)) from None
    except StoreError:
        store.close()
        raise
    return store


class StoreHolder:
    """The one store connection of a server process, opened on first use.

    While another process holds the file's lock, :meth:`cursor` raises :class:`StoreBusy`
    (the routes answer 503 with ``Retry-After``) and tries again at most once a second.
    """

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._store: Store | None = None
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()  # one write at a time
        self._last_try = 0.0
        self._last_busy: StoreBusy | None = None

    def store(self) -> Store:
        if self._store is not None:
            return self._store
        with self._lock:
            if self._store is None:
                if self._last_busy is not None and time.monotonic() - self._last_try < 1.0:
                    raise self._last_busy
                self._last_try = time.monotonic()
                try:
                    self._store = open_locked(self.path, read_only=self.read_only)
                except StoreBusy as exc:
                    self._last_busy = exc
                    raise
                self._last_busy = None
            return self._store

    @contextlib.contextmanager
    def cursor(self) -> Iterator[Any]:
        """A connection of its own for one request (DuckDB cursors may be used from any thread)."""
        cur = self.store().conn.cursor()
        try:
            yield cur
        finally:
            with contextlib.suppress(Exception):
                cur.close()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
