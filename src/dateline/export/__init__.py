"""Exports of stored events: ACLED CSV, PLOVER JSONL, GeoJSON and Parquet.

::

    from dateline.export import export_events
    export_events("acled", events, "events.csv")   # events: dicts from dateline.store.query_events
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .acled import ACLED_COLUMNS, acled_row, write_acled_csv
from .formats import geojson_feature, plover_record, write_geojson, write_parquet, write_plover

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "acled_row",
    "export_events",
    "export_stream",
    "geojson_feature",
    "plover_record",
    "write_acled_csv",
    "write_geojson",
    "write_parquet",
    "write_plover",
]

#: export format name -> what it writes
FORMATS = {
    "acled": "ACLED-compatible CSV",
    "plover": "PLOVER JSONL",
    "geojson": "GeoJSON FeatureCollection of points",
    "parquet": "Apache Parquet (one row per event)",
}


def export_events(fmt: str, events: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write ``events`` in format ``fmt`` to ``path`` atomically; returns the number written.

    A symbolic link is followed (the file it points at is replaced, the link kept); a FIFO,
    device or folder is refused, never replaced by a regular file.
    """
    import stat

    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if not str(path):
        raise StoreError("no output file given (-o FILE, or -o - for standard output)")
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode if target.exists() else None
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
    if mode is not None and not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a FIFO, device or socket)"
        raise StoreError(f"cannot write {path}: it is {what}; give a file name (or - for standard output)")
    tmp = target.with_name(f".dateline-export.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            n = write_parquet(events, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                writer = {"acled": write_acled_csv, "plover": write_plover, "geojson": write_geojson}[fmt]
                n = writer(events, out)
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return n


def export_stream(fmt: str, events: Iterable[Mapping[str, Any]], out: Any) -> int:
    """Write ``events`` to an open text stream (standard output); Parquet needs a file."""
    if fmt == "parquet":
        raise StoreError("Parquet cannot go to standard output; give -o FILE.parquet")
    writer = {"acled": write_acled_csv, "plover": write_plover, "geojson": write_geojson}[fmt]
    return int(writer(events, out))
