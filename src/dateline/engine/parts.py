"""Parquet parts: what a worker wrote for one unit, named by the unit and the settings.

A part holds one row per input of its unit, in input order: the input's id, its content
hash, URL, the error that stopped it (if any), the contract document as JSON and the
document itself (pickled, so that the store receives exactly what a single-process run
would have stored). A part is written to a temporary name and renamed when complete, so a
worker killed mid-task leaves no part (only a ``.tmp`` that the next run overwrites), and a
part that exists is finished work: a rerun skips it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..pipeline import Outcome
from ..records import Document, RawInput, document_to_dict
from ..settings import Settings

__all__ = ["PartRow", "part_path", "read_part", "settings_key", "write_part"]

#: settings fields that do not change what a run writes
_NEUTRAL_FIELDS = ("workers", "batch_size", "cache_dir")


def settings_key(settings: Settings) -> str:
    """A short hash of everything that changes the output: settings and dateline's version."""
    from .. import __version__

    fields = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.name not in _NEUTRAL_FIELDS}
    text = json.dumps([__version__, fields], sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def part_path(out_dir: Path, unit_key: str, settings: Settings) -> Path:
    return out_dir / f"part-{unit_key}-{settings_key(settings)}.parquet"


@dataclasses.dataclass(slots=True)
class PartRow:
    seq: int
    input_id: str
    chash: str | None
    url: str | None
    error: str | None
    document: Document | None

    def contract(self) -> dict[str, Any] | None:
        return document_to_dict(self.document) if self.document is not None else None


def rows_of(outcomes: Iterable[tuple[RawInput | None, Outcome]]) -> Iterator[dict[str, Any]]:
    """Part rows for ``(input, outcome)`` pairs (input None when it could not be read)."""
    from ..store.ids import content_hash

    for seq, (raw, outcome) in enumerate(outcomes):
        doc = outcome.document if outcome.error is None else None
        yield {
            "seq": seq,
            "input_id": outcome.id,
            "chash": content_hash(raw.content) if raw is not None else None,
            "url": raw.url if raw is not None else None,
            "error": str(outcome.error) if outcome.error is not None else (None if doc else "no document"),
            "json": json.dumps(document_to_dict(doc), ensure_ascii=False) if doc is not None else None,
            "document": pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL) if doc is not None else None,
        }


def write_part(path: Path, rows: Iterable[dict[str, Any]], *, group_rows: int = 256) -> int:
    """Write ``rows`` to ``path`` atomically (temporary file, then rename), a row group at a time
    so that a large unit (a WARC file) is never held in memory whole; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [("seq", pa.int32()), ("input_id", pa.string()), ("chash", pa.string()), ("url", pa.string()),
         ("error", pa.string()), ("json", pa.large_string()), ("document", pa.large_binary())]
    )  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    count = 0
    buffer: list[dict[str, Any]] = []
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for row in rows:
            buffer.append(row)
            count += 1
            if len(buffer) >= group_rows:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                buffer.clear()
        writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
    os.replace(tmp, path)
    return count


def read_part(path: Path, *, documents: bool = True) -> Iterator[PartRow]:
    """The rows of a part, in input order (``documents=False`` skips unpickling)."""
    import pyarrow.parquet as pq

    columns = ["seq", "input_id", "chash", "url", "error"] + (["document"] if documents else [])
    table = pq.read_table(path, columns=columns)
    for row in sorted(table.to_pylist(), key=lambda r: r["seq"]):
        blob = row.get("document")
        yield PartRow(row["seq"], row["input_id"], row["chash"], row["url"], row["error"],
                      pickle.loads(blob) if blob else None)  # fmt: skip


def read_json_column(path: Path) -> Iterator[str]:
    """The contract documents of a part as JSON lines, in input order."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["seq", "json"])
    for row in sorted(table.to_pylist(), key=lambda r: r["seq"]):
        if row["json"] is not None:
            yield row["json"]
