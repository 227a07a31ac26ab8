"""Exports of stored events: ACLED CSV, PLOVER JSONL, GeoJSON and Parquet.

::

    from dateline.export import export_events
    export_events("acled", events, "events.csv")   # events: dicts from dateline.store.query_events
"""

from __future__ import annotations

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
    """Write ``events`` in format ``fmt`` to ``path`` atomically; returns the number written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            n = write_parquet(events, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                writer = {"acled": write_acled_csv, "plover": write_plover, "geojson": write_geojson}[fmt]
                n = writer(events, out)
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return n
