"""Compiled regular expressions kept between processes (the cold start of ``dateline extract``).

The stages compile ~800 regular expressions on first use (event trigger families and cues,
the time grammar, the article rules); Python's ``re`` parses each pattern in pure Python,
≈ 0.15 CPU-s a process. :func:`compile_cached` keeps what that parse produces — the
``_sre`` program of each (pattern, flags), exactly what ``re.compile`` hands to
``_sre.compile`` — in one file of the cache folder, so a later process only calls
``_sre.compile``. The result equals ``re.compile(pattern, flags)`` (``Pattern.__eq__`` compares
the flags, the pattern and the program; tests/core/test_regex_cache.py checks every lexicon
pattern).

The file is keyed by the interpreter (``sys.version``, the ``_sre`` magic number and code
size), carries a checksum, and is ignored when it does not match or cannot be read: then
patterns are compiled as usual. Entries a process adds are written once, at exit, by
replacing the file atomically (with more than ``_MAX_ENTRIES``, only those the process used
are kept). ≈ 3 MB for a whole run; reading it costs a few milliseconds.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import atexit
import contextlib
import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # Python 3.11+
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _compiler = _parser = None

__all__ = ["cached_value", "compile_cached"]

log = logging.getLogger(__name__)

_KEY = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|2".encode()
_VERSION = hashlib.sha256(_KEY).hexdigest()[:16]
#: more entries than this in the file: keep only those the last process used (~3,700 in a whole run
#: since round 9's per-pattern trigger and cue searches; two versions of the code may share a cache)
_MAX_ENTRIES = 8000
#: the program's code words as machine integers (``_sre.CODESIZE`` bytes each): loads in microseconds
_TYPECODE = next((t for t in "IL" if array.array(t).itemsize == getattr(_sre, "CODESIZE", 4)), "I")

#: (flags, code words as bytes, groups, groupindex, indexgroup): ``_sre.compile``'s arguments
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_entries: dict[tuple[str, int], Any] | None = None
_used: set[tuple[str, int]] = set()
_dirty = False


def _path() -> Path:
    from .settings import default_cache_dir

    return default_cache_dir() / f"regex-{_VERSION}.marshal"


def _load() -> dict[tuple[str, int], Any]:
    try:
        data = _path().read_bytes()
        digest, payload = data[:4], data[4:]
        if zlib.crc32(payload).to_bytes(4, "big") != digest:
            return {}
        entries = marshal.loads(payload)
        return entries if isinstance(entries, dict) else {}
    except Exception:  # no file yet, unreadable, damaged: compile as usual
        return {}


def _save() -> None:
    try:
        _write()
    except Exception as exc:  # never a message at exit: the next process compiles again
        log.debug("regular expression cache not written: %s", exc)


def _write() -> None:
    with _lock:
        if not _dirty or _entries is None:
            return
        keep = _entries if len(_entries) <= _MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
        payload = marshal.dumps(keep)
    tmp = None
    try:
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp, path)
    except Exception as exc:  # a read-only cache: the next process compiles again
        log.debug("regular expression cache not written: %s", exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _program(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` (CPython 3.11–3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = array.array(_TYPECODE, code).tobytes()  # the opcodes are int subclasses: plain machine integers
    return int(flags | parsed.state.flags), words, int(parsed.state.groups - 1), groupindex, tuple(indexgroup)


def _sre_compile(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, words, groups, groupindex, indexgroup = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, array.array(_TYPECODE, words).tolist(), groups,
                                             groupindex, indexgroup)  # fmt: skip
    return compiled


def compile_cached(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program taken from the cache folder when known."""
    flags = int(flags)
    if _compiler is None or flags & re.DEBUG or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _get(key)
    if entry is not None:
        try:
            compiled = _sre_compile(pattern, entry)
            _used.add(key)
            return compiled
        except Exception:  # a damaged entry: compile it again
            pass
    try:
        entry = _program(pattern, flags)
        compiled = _sre_compile(pattern, entry)
    except re.error:
        raise
    except Exception:  # an interpreter whose internals differ: the plain way
        return re.compile(pattern, flags)
    _put(key, entry)
    return compiled


def _get(key: tuple[str, int]) -> Any:
    """The entry under ``key`` (the file read on first use), or None."""
    global _entries
    with _lock:
        if _entries is None:
            _entries = _load()
        return _entries.get(key)


def _put(key: tuple[str, int], value: Any) -> None:
    """Keep ``value`` under ``key``; the file is rewritten at exit."""
    global _entries, _dirty
    with _lock:
        if _entries is None:
            _entries = _load()
        if not _dirty:
            atexit.register(_save)
        _entries[key] = value
        _used.add(key)
        _dirty = True


def cached_value(kind: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept in the same file as the compiled programs under (``kind``, ``key``): for
    what is derived from patterns by parsing them in pure Python (the literal prefilters), which
    would otherwise cost a process as much as compiling them. ``compute`` must be a pure function
    of ``key`` and return what ``marshal`` writes (str, tuples, frozensets, None)."""
    slot = (f"\0{kind}\0{key}", -1)  # flags -1: never a compiled pattern's key
    cached = _get(slot)  # kept as a 1-tuple, so that a computed None is known too
    if isinstance(cached, tuple) and len(cached) == 1:
        _used.add(slot)
        return cached[0]
    value = compute()
    _put(slot, (value,))
    return value


def _reset_for_tests(entries: dict[tuple[str, int], Any] | None = None) -> None:
    global _entries, _dirty
    with _lock:
        _entries, _dirty = entries, False
        _used.clear()
