"""A Bloom filter of the gazetteer index's name keys: most look-ups are of names it lacks.

The places scan looks up every capitalised run and its shorter prefixes (~70 keys an article,
~90 % of them in no gazetteer entry: "The Associated", "Monday"); each miss cost an SQLite
query (~12 us). The filter answers "surely absent" for ~99.4 % of the absent keys in ~1 us
(2 bits of 2**24 per key, from a BLAKE2b digest; 2 MiB), and an SQLite query is made only
for the others, so look-ups return exactly what the index holds. It is built from the index
(~2 CPU-s for its ~680,000 keys) when the index is built, or when an index built before it is
opened (once), and kept next to the index under a name made of the index's stamp (written
aside, then renamed, so that parallel workers never read half a file); a process reads it
(~2 ms) on its first look-up.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

__all__ = ["KeyFilter", "filter_path", "load_or_build"]

log = logging.getLogger(__name__)

_BITS = 1 << 24
_MASK = _BITS - 1


def _positions(key: str) -> tuple[int, int]:
    h = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
    return h & _MASK, (h >> 32) & _MASK


class KeyFilter:
    """Whether a key may be in the index (``False``: surely not)."""

    def __init__(self, bits: bytes | bytearray) -> None:
        if len(bits) != _BITS // 8:
            raise ValueError(f"a key filter holds {_BITS // 8} bytes, not {len(bits)}")
        self._bits = bytes(bits)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        a, b = _positions(key)
        bits = self._bits
        return bool(bits[a >> 3] >> (a & 7) & 1 and bits[b >> 3] >> (b & 7) & 1)

    @classmethod
    def from_keys(cls, keys: object) -> KeyFilter:
        bits = bytearray(_BITS // 8)
        for key in keys:  # type: ignore[attr-defined]
            a, b = _positions(key)
            bits[a >> 3] |= 1 << (a & 7)
            bits[b >> 3] |= 1 << (b & 7)
        return cls(bits)

    def to_bytes(self) -> bytes:
        return self._bits


def filter_path(index: Path, meta: dict[str, str]) -> Path:
    """Where the filter of the index at ``index`` (with these ``meta`` values) is kept."""
    stamp = hashlib.sha256(repr(sorted(meta.items())).encode()).hexdigest()[:12]
    return index.with_name(f"{index.stem}.{stamp}.keys")


def build(con: sqlite3.Connection, path: Path) -> KeyFilter:
    """The filter of the index open in ``con``, written to ``path`` (aside, then renamed; a
    cache that cannot be written keeps the filter in memory only)."""
    found = KeyFilter.from_keys(key for (key,) in con.execute("SELECT DISTINCT key FROM names"))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(found.to_bytes())
        os.chmod(tmp, 0o644)  # (mkstemp makes it private; it holds nothing secret)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        log.info("cannot keep the gazetteer key filter at %s: %s", path, exc)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return found


def load_or_build(con: sqlite3.Connection, index: Path, meta: dict[str, str]) -> KeyFilter:
    """The index's filter: read from its file, else built (and kept) now."""
    path = filter_path(index, meta)
    try:
        return KeyFilter(path.read_bytes())
    except (OSError, ValueError):
        log.info("building the gazetteer key filter %s", path)
        return build(con, path)
