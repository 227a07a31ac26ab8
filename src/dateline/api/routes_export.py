"""``GET /v1/export/{acled|plover|geojson|parquet}``: every matching event, streamed.

The query runs once (one snapshot of the store) and its rows are read in Arrow batches,
each written out and sent before the next is read, so memory does not grow with the
export. The ACLED CSV is byte for byte what ``dateline export acled`` writes for the same
filters (same rows, same order, same writer).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from ..store.query import _decode
from .common import State, state
from .params import parse_event_query
from .routes_events import event_filters
from .rows import ROW_KEYS

__all__ = ["BATCH_ROWS", "router"]

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["export"])

#: rows read from the store, written and sent at a time
BATCH_ROWS = 2000

_MEDIA = {
    "acled": ("text/csv; charset=utf-8", "csv"),
    "plover": ("application/x-ndjson", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def _batches(rel: Any) -> Iterator[list[dict[str, Any]]]:
    """The rows of a DuckDB relation, streamed as Arrow record batches."""
    batches = getattr(rel, "to_arrow_reader", None) or rel.fetch_arrow_reader  # DuckDB 2 / 1
    for batch in batches(BATCH_ROWS):
        yield [_decode(row) for row in batch.to_pylist()]


def _acled(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    from ..export.acled import ACLED_COLUMNS, acled_row

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for events in batches:
        for event in events:
            writer.writerow(acled_row(event))
        yield buf.getvalue().encode()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue().encode()


def _plover(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    from ..export.formats import plover_record

    for events in batches:
        yield "".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in events).encode()


def _geojson(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    from ..export.formats import geojson_feature

    yield b'{"type": "FeatureCollection", "features": ['
    n = 0
    for events in batches:
        parts = []
        for event in events:
            feature = geojson_feature(event)
            if feature is None:
                continue
            parts.append((",\n" if n else "\n") + json.dumps(feature, ensure_ascii=False, default=str))
            n += 1
        yield "".join(parts).encode()
    yield b"\n]}\n"


class _Sink(io.RawIOBase):
    """A write-only file that keeps what was written until taken."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.pos = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.pos += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.pos

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts = []
        return out


def _parquet(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..export.formats import PARQUET_FIELDS, _list, _schema

    schema = _schema()
    sink = _Sink()
    with pq.ParquetWriter(sink, schema) as writer:
        for events in batches:
            rows = []
            for event in events:
                row = {name: event.get(name) for name, _ in PARQUET_FIELDS}
                row["sources"] = _list(row["sources"])
                row["assoc_actors"] = _list(row["assoc_actors"])
                rows.append(row)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            yield sink.take()
    yield sink.take()


_WRITERS = {"acled": _acled, "plover": _plover, "geojson": _geojson, "parquet": _parquet}


@router.get("/export/{fmt}", summary="Every matching event as ACLED CSV, PLOVER JSONL, GeoJSON or Parquet (streamed)")
def export(
    request: Request,
    fmt: Annotated[str, Path(description="acled, plover, geojson or parquet")],
    filters: Annotated[dict[str, str], Depends(event_filters)],
) -> StreamingResponse:
    """The same filters as ``/v1/events``; no size cap, no paging: the whole selection, newest first."""
    from fastapi import HTTPException

    if fmt not in _WRITERS:
        raise HTTPException(404, f"no export format {fmt!r} (known: {', '.join(_WRITERS)})")
    st: State = state(request)
    q = parse_event_query(filters, formats=("json",), row_keys=ROW_KEYS)
    sql, params = q.sql(paging=False)
    holder = st.holder
    cur = holder.store().conn.cursor()  # closed when the stream ends
    try:
        rel = cur.sql(sql, params=params)
    except BaseException:
        cur.close()
        raise

    def stream() -> Iterator[bytes]:
        try:
            yield from _WRITERS[fmt](_batches(rel))
        except Exception:
            log.exception("export %s failed while streaming", fmt)
            raise
        finally:
            cur.close()

    media, ending = _MEDIA[fmt]
    headers = {"Content-Disposition": f'attachment; filename="dateline-events.{ending}"'}
    return StreamingResponse(stream(), media_type=media, headers=headers)
