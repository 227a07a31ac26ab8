"""Running the pipeline on several cores: batches of inputs go to worker processes.

:class:`ParallelPipeline` has the ``pipe`` of :class:`~dateline.pipeline.Pipeline`: it yields
one :class:`Outcome` per input, in input order, and reads its input lazily — at most
``2 × workers`` batches are in flight, so memory does not grow with the input. Each worker
process builds its own pipeline (and loads its models) once, on its first batch.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .errors import InputError, ResourceError
from .pipeline import Outcome, Pipeline, batches
from .records import RawInput
from .settings import Settings

__all__ = ["ParallelPipeline", "make_pipeline"]

log = logging.getLogger(__name__)


@functools.cache
def _worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this worker process, built once per settings."""
    return Pipeline.from_settings(settings)


def _run_batch(settings: Settings, batch: list[RawInput | InputError]) -> list[Outcome]:
    return list(_worker_pipeline(settings).pipe(batch))


class ParallelPipeline:
    """The pipeline over ``workers`` processes (use :func:`make_pipeline` to pick)."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 2:
            raise ValueError("a ParallelPipeline needs at least 2 workers")
        self.settings = settings
        self.workers = workers

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        source = batches(inputs, self.settings)
        context = multiprocessing.get_context("spawn")  # no inherited state, the same on every OS
        pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_ignore_interrupts)
        pending: deque[Future[list[Outcome]]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.workers:
                    batch = next(source, None)
                    if batch is None:
                        break
                    pending.append(pool.submit(_run_batch, self.settings, batch))
                if not pending:
                    return
                try:
                    outcomes = pending.popleft().result()
                except BrokenProcessPool as exc:
                    raise ResourceError(f"a worker process died ({exc}); try fewer workers") from None
                yield from outcomes
        finally:  # also on Ctrl-C or when the consumer stops early: don't wait for queued work
            pool.shutdown(wait=False, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops them and keeps what is done."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def make_pipeline(settings: Settings) -> Pipeline | ParallelPipeline:
    """The pipeline in this process (``settings.workers`` ≤ 1) or over several processes."""
    pipeline = Pipeline.from_settings(settings)  # also checks the settings; models load on first use
    if settings.workers <= 1:
        return pipeline
    return ParallelPipeline(settings, settings.workers)
