"""One writer loads the parts into the DuckDB store, in input order.

Parts are read in the order of their units and each part's rows in input order, so
articles meet the store (and its cross-article de-duplication of events) in exactly the
order a single-process ``dateline ingest`` gives them: the loaded store equals that
ingest's. Content already in the store, or met earlier in the load (a unit processed twice
because its worker died after writing), is skipped by its content hash, so loading twice
adds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import DatelineError
from ..ingest.run import IngestSummary, _settings_dict
from ..settings import Settings
from ..store.db import Store
from ..store.dedup import DedupSettings
from ..store.write import Pending, store_documents
from .parts import read_json_column, read_part

__all__ = ["load_parts", "write_jsonl"]


def load_parts(
    parts: Iterable[Path],
    store: Store,
    settings: Settings,
    *,
    command: str = "ingest --engine dask",
    on_error: Callable[[DatelineError], None] | None = None,
) -> IngestSummary:
    """Store the documents of ``parts`` (in the order given); returns the run's summary."""
    from .. import __version__

    dedup = DedupSettings.from_settings(settings)
    batch_docs = int(settings.option("store.batch_docs", 32))  # type: ignore[call-overload]
    summary = IngestSummary()
    summary.run_id = store.start_run(command, _settings_dict(settings), __version__)
    started = time.perf_counter()
    seen: set[str] = set()
    batch: list[Pending] = []

    def flush() -> None:
        for result in store_documents(store, batch, run_id=summary.run_id, dedup=dedup):
            if result.error is not None:
                summary.failure(result.error, on_error)
            else:
                summary.tally(result)
        batch.clear()

    try:
        for path in parts:
            rows = list(read_part(path))
            known = store.known_versions([r.chash for r in rows if r.chash])
            for row in rows:
                summary.seen += 1
                if row.error is not None or row.document is None or row.chash is None:
                    summary.failure(_Reported(row.error or f"{row.input_id}: no document"), on_error)
                elif row.chash in known or row.chash in seen:
                    summary.skipped += 1
                else:
                    seen.add(row.chash)
                    batch.append(Pending(row.document, row.chash, row.input_id, row.url))
                    if len(batch) >= batch_docs:
                        flush()
        flush()
        summary.status = "done"
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            summary.run_id, summary.status, summary.stored, summary.skipped, summary.failed, summary.reports
        )
    return summary


class _Reported(DatelineError):
    """An error a worker already worded (``source: problem``); shown as it is."""


def write_jsonl(parts: Iterable[Path], out: Path) -> int:
    """Concatenate the contract documents of ``parts`` into ``out`` (atomically); returns the count."""
    tmp = out.with_name(f".{out.name}.tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for path in parts:
            for line in read_json_column(path):
                fh.write(line)
                fh.write("\n")
                count += 1
    tmp.replace(out)
    return count
