"""Ingestion: inputs through the pipeline into the store, idempotently and resumably.

Content already in the store is skipped by its hash *before* the pipeline runs, so a
second run over the same corpus (or a run resumed after Ctrl-C or ``kill -9``) costs
little and adds nothing. Processed documents are stored a small batch per transaction
(``store.batch_docs`` documents, default 32, or whatever is ready after
``store.batch_seconds``, default 2): an interrupted run leaves every article either
wholly stored or absent, and loses at most one batch of analysis. Ctrl-C stores the
documents already analysed before stopping.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import DatelineError, InputError
from ..pipeline import SupportsPipe
from ..records import RawInput
from ..settings import Settings
from ..store.db import Store
from ..store.dedup import DedupSettings
from ..store.ids import content_hash
from ..store.write import Pending, StoreResult, store_documents

__all__ = ["IngestSummary", "PipelineLike", "ingest"]

log = logging.getLogger(__name__)


PipelineLike = SupportsPipe

#: messages of failed documents an ingestion summary keeps (the count goes on)
MAX_ERRORS = 1000


@dataclass(slots=True)
class IngestSummary:
    """What one ingestion run did."""

    run_id: str = ""
    seen: int = 0  # inputs read, including failed and skipped ones
    added: int = 0  # new articles stored
    replaced: int = 0  # articles whose earlier version was replaced
    skipped: int = 0  # content already in the store (not processed again)
    failed: int = 0
    reports: int = 0  # events extracted from the stored articles
    merged: int = 0  # of which joined an event another article reported
    seconds: float = 0.0
    status: str = "running"
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.replaced

    def tally(self, result: StoreResult) -> None:
        """Count one stored (or skipped) document; a result with an error is the caller's to report."""
        if result.status == "skipped":
            self.skipped += 1
        else:
            self.added += result.status == "added"
            self.replaced += result.status == "replaced"
            self.reports += result.reports
            self.merged += result.merged

    def failure(self, error: DatelineError, on_error: Callable[[DatelineError], None] | None = None) -> None:
        """Count one failed document (its message kept, up to 1,000) and pass it to ``on_error``."""
        self.failed += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(str(error))
        if on_error is not None:
            on_error(error)

    @property
    def rate(self) -> float:
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.seen} inputs in {self.seconds:.1f}s ({self.rate:.1f}/s): {self.added} added, {self.replaced} "
            f"replaced, {self.skipped} already stored, {self.failed} failed; {self.reports} events "
            f"({self.merged} merged with other reports)"
        )


def _settings_dict(settings: Settings) -> dict[str, object]:
    return {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}


def ingest(
    pipeline: PipelineLike,
    inputs: Iterable[RawInput | InputError],
    store: Store,
    *,
    settings: Settings | None = None,
    command: str = "ingest",
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_error: Callable[[DatelineError], None] | None = None,
    reprocess: bool = False,
) -> IngestSummary:
    """Run ``pipeline`` over ``inputs`` and store the results; returns the run's summary.

    ``reprocess`` analyses stored content again and replaces what was stored from it
    (after the pipeline improved). A ``KeyboardInterrupt`` ends the run cleanly (status ``interrupted``, the article in
    progress rolled back) and is re-raised after the run is recorded.
    """
    from .. import __version__

    settings = settings or Settings()
    dedup = DedupSettings.from_settings(settings)
    summary = IngestSummary()
    summary.run_id = store.start_run(command, _settings_dict(settings), __version__)
    started = time.perf_counter()
    pending: deque[tuple[str, str | None] | None] = deque()
    lookup_chunk = max(1, int(settings.option("store.lookup_chunk", 32)))  # type: ignore[call-overload]
    in_flight: set[str] = set()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(summary)

    def fresh() -> Iterator[RawInput | InputError]:
        """The inputs not stored yet, remembering each one's hash for when its outcome returns.

        Inputs are looked up a small chunk at a time (one query per chunk).
        """
        chunk: list[tuple[RawInput | InputError, str | None]] = []
        for item in inputs:
            chunk.append((item, None if isinstance(item, InputError) else content_hash(item.content)))
            if len(chunk) >= lookup_chunk:
                yield from sift(chunk)
                chunk = []
        yield from sift(chunk)

    def sift(chunk: list[tuple[RawInput | InputError, str | None]]) -> Iterator[RawInput | InputError]:
        known = set() if reprocess else store.known_versions([h for _, h in chunk if h is not None])
        for item, chash in chunk:
            if isinstance(item, InputError) or chash is None:
                pending.append(None)
                yield item
            elif chash in in_flight or chash in known:
                summary.seen += 1
                summary.skipped += 1
                tick()
            else:
                in_flight.add(chash)
                pending.append((chash, item.url))
                yield item

    batch: list[Pending] = []
    batch_started = 0.0
    batch_docs = int(settings.option("store.batch_docs", 32))  # type: ignore[call-overload]
    batch_seconds = float(settings.option("store.batch_seconds", 2.0))  # type: ignore[arg-type]

    def flush() -> None:
        if not batch:
            return
        results = store_documents(store, batch, run_id=summary.run_id, dedup=dedup, reprocess=reprocess)
        for item, result in zip(batch, results, strict=True):
            in_flight.discard(item.chash)
            count(result)
        batch.clear()
        tick()

    def count(result: StoreResult) -> None:
        if result.error is not None:
            summary.failure(result.error, on_error)
        else:
            summary.tally(result)

    try:
        try:
            for outcome in pipeline.pipe(fresh()):
                meta = pending.popleft()
                summary.seen += 1
                if outcome.error is not None or outcome.document is None or meta is None:
                    summary.failure(outcome.error or InputError(outcome.id, "no document"), on_error)
                else:
                    if not batch:
                        batch_started = time.perf_counter()
                    batch.append(Pending(outcome.document, meta[0], outcome.id, meta[1]))
                    if len(batch) >= batch_docs or time.perf_counter() - batch_started >= batch_seconds:
                        flush()
                tick()
        except KeyboardInterrupt:
            flush()  # keep what was analysed
            raise
        flush()
        summary.status = "done"
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        try:
            store.finish_run(
                summary.run_id, summary.status, summary.stored, summary.skipped, summary.failed, summary.reports
            )
        except Exception as exc:  # never hide the original error behind a bookkeeping one
            log.debug("could not record the end of run %s", summary.run_id, exc_info=True)
            log.warning("could not record the end of run %s (%s)", summary.run_id, " ".join(str(exc).split())[:160])
    return summary
