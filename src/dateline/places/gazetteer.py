"""The offline gazetteer: compiled once into an SQLite index in the cache directory.

:func:`load_gazetteer` opens ``<cache>/gazetteer-v<N>.sqlite`` and builds it first when it is
missing or was built from other versions of the source packages or of our data files
(:func:`build_index`, ~30 s). Opening a built index takes milliseconds: names are looked up
on demand (and cached per process), not loaded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..settings import Settings
from . import keyfilter
from .entries import Entry, Gazetteer, Match, MemoryGazetteer, keyed_names
from .sources import _data_dir, iter_places, source_versions

__all__ = ["FORMAT_VERSION", "Gazetteer", "IndexedGazetteer", "MemoryGazetteer", "build_index", "index_path",
           "index_stamp", "load_gazetteer"]

log = logging.getLogger(__name__)

#: Bump when the index layout or the build logic changes.
FORMAT_VERSION = 4


def index_path(settings: Settings) -> Path:
    return settings.resolved_cache_dir / f"gazetteer-v{FORMAT_VERSION}.sqlite"


def index_stamp() -> dict[str, str]:
    """What an index was built from: format, source package versions, a digest of our data files
    and of the code that builds it (so a change to either rebuilds the index on next use)."""
    digest = hashlib.sha256()
    code = Path(__file__).parent
    build_code = [code / "sources.py", code / "entries.py", code / "normalize.py"]
    for path in [*sorted(_data_dir().glob("*")), *build_code]:
        if path.suffix in (".tsv", ".txt", ".py"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return {"format": str(FORMAT_VERSION), **source_versions(), "data": digest.hexdigest()[:16]}


def build_index(path: Path) -> dict[str, Any]:
    """Compile the gazetteer into an SQLite file at ``path`` (written aside, then renamed)."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE entries(id INTEGER PRIMARY KEY, gid TEXT, name TEXT, lat REAL, lon REAL, cc TEXT,
                                 a1code TEXT, admin1 TEXT, feature TEXT, population INTEGER);
            CREATE TABLE names(key TEXT, eid INTEGER, q INTEGER);
            """
        )
        entries: list[tuple[Any, ...]] = []
        names: list[tuple[str, int, int]] = []
        for eid, (entry, alternates) in enumerate(iter_places()):
            entries.append((eid, entry.gid, entry.name, entry.lat, entry.lon, entry.country_code,
                            entry.admin1_code, entry.admin1, entry.feature, entry.population))
            keys = keyed_names(entry.name, alternates, entry.country_code)
            names.extend((key, eid, q) for key, q in keys.items())
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", entries)
        con.executemany("INSERT INTO names VALUES (?,?,?)", names)
        con.execute("CREATE INDEX names_key ON names(key)")
        stats: dict[str, Any] = {"entries": len(entries), "names": len(names)}
        meta = {**index_stamp(), **{k: str(v) for k, v in stats.items()}}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        keyfilter.build(con, keyfilter.filter_path(path, meta))  # (absent names need no query: keyfilter)
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    stats["seconds"] = round(time.perf_counter() - started, 1)
    log.info("built the gazetteer index %s: %s", path, stats)
    return stats


def _read_meta(path: Path) -> dict[str, str] | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None


class IndexedGazetteer:
    """The compiled gazetteer, read from its SQLite index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise ResourceError(f"cannot open the gazetteer index {path}: {exc}") from exc
        self._lock = threading.Lock()
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)  # type: ignore[method-assign]
        self._country_cache: dict[str, Entry | None] = {}
        self._keys: keyfilter.KeyFilter | None = None  # (read on the first look-up)
        if not keyfilter.filter_path(path, self.meta).is_file():  # an index built before the filter: once, now
            self._keys = keyfilter.load_or_build(self._con, path, self.meta)

    def _lookup(self, key: str) -> list[Match]:
        keys = self._keys
        if keys is None:
            with self._lock:
                keys = self._keys = self._keys or keyfilter.load_or_build(self._con, self.path, self.meta)
        if key not in keys:
            return []  # surely not in the index (most look-ups: the words of capitalised runs)
        with self._lock:
            rows = self._con.execute(
                "SELECT e.gid, e.name, e.lat, e.lon, e.cc, e.a1code, e.admin1, e.feature, e.population, n.q "
                "FROM names n JOIN entries e ON e.id = n.eid WHERE n.key = ?",
                (key,),
            ).fetchall()
        return [Match(Entry(*row[:9]), row[9]) for row in rows]

    def lookup(self, key: str) -> list[Match]:  # replaced by a cached version in __init__
        return self._lookup(key)

    def country(self, code: str) -> Entry | None:
        if not self._country_cache:  # one scan for every country (there is no index on feature/cc)
            with self._lock:
                rows = self._con.execute(
                    "SELECT gid, name, lat, lon, cc, a1code, admin1, feature, population FROM entries "
                    "WHERE feature = 'country' ORDER BY id"
                ).fetchall()
            for row in rows:  # the first row of each code, as the former "... AND cc = ? LIMIT 1" gave
                self._country_cache.setdefault(row[4], Entry(*row))
        return self._country_cache.setdefault(code, None)

    def info(self) -> dict[str, Any]:
        return {"path": str(self.path), **self.meta}


def load_gazetteer(settings: Settings, *, rebuild: bool = False) -> IndexedGazetteer:
    """Open the compiled gazetteer, building it first if it is missing or stale."""
    path = index_path(settings)
    meta = None if rebuild or not path.exists() else _read_meta(path)
    stamp = index_stamp()
    if meta is None or any(meta.get(k) != v for k, v in stamp.items()):
        log.info("building the gazetteer index at %s (first use or sources changed)", path)
        try:
            build_index(path)
        except OSError as exc:
            raise ResourceError(f"cannot build the gazetteer index at {path}: {exc}") from exc
    return IndexedGazetteer(path)


def describe(gazetteer: Gazetteer) -> str:
    info = getattr(gazetteer, "info", None)
    return json.dumps(info() if info else {"type": type(gazetteer).__name__})
