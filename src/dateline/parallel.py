"""Running the pipeline on several cores: batches of inputs go to worker processes.

:class:`ParallelPipeline` has the ``pipe`` of :class:`~dateline.pipeline.Pipeline`: it yields
one :class:`Outcome` per input, in input order, and reads its input lazily — at most
``2 × workers`` batches are in flight, so memory does not grow with the input. Each worker
process builds its own pipeline (and loads its models) once, on its first batch.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .errors import InputError, ResourceError
from .pipeline import Outcome, Pipeline, batches
from .process_tuning import child_environment
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
        pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(), child_environment(self.settings)))
        pending: deque[Future[list[Outcome]]] = deque()
        finished = False
        try:
            while True:
                while len(pending) < 2 * self.workers:
                    batch = next(source, None)
                    if batch is None:
                        break
                    pending.append(pool.submit(_run_batch, self.settings, batch))
                if not pending:
                    finished = True
                    return
                try:
                    outcomes = pending.popleft().result()
                except BrokenProcessPool as exc:
                    raise ResourceError(f"a worker process died ({exc}); try fewer workers") from None
                yield from outcomes
        finally:  # also on Ctrl-C or when the consumer stops early: don't wait for queued or running work
            if not finished:
                _stop_workers(pool)
            pool.shutdown(wait=False, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now (a batch in progress is lost; it was not stored either)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()


def _start_worker(parent: int, environment: dict[str, str]) -> None:
    """A new worker process: its native thread pools sized before numpy loads (the
    variables of :func:`~dateline.process_tuning.child_environment`), then the signals."""
    os.environ.update(environment)
    _ignore_interrupts(parent)


def _ignore_interrupts(parent: int | None = None) -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which stops them and keeps what is done;
    a worker whose parent dies (``kill -9``) ends too, never orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is None:
        return
    with contextlib.suppress(Exception):  # Linux: the kernel signals us when the parent dies
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)

    def watch() -> None:  # elsewhere (and as a second guard): notice a new parent
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def make_pipeline(settings: Settings) -> Pipeline | ParallelPipeline:
    """The pipeline in this process (``settings.workers`` ≤ 1) or over several processes."""
    pipeline = Pipeline.from_settings(settings)  # also checks the settings; models load on first use
    if settings.workers <= 1:
        return pipeline
    return ParallelPipeline(settings, settings.workers)
