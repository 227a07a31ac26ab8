"""Process-level settings that cut the CPU a run burns outside its work (issue 14).

Applied once when dateline loads its NLP model (:func:`dateline.nlp.load_model` calls
:func:`tune_process`), never at import; each part is skipped when the user set it explicitly
(an environment variable) and can be turned off with a settings option:

- **native thread pools to one thread** (``process.threads``, default 1; 0 leaves them alone):
  numpy's OpenBLAS starts one thread per core, to share out matrix products big enough, and
  they spin-wait after each. dateline scales by processes (``--workers``, Dask), so a second
  thread per process only competes with the other workers. (Measured on spaCy's small model,
  the pool's thread used no CPU: its matrices stay below OpenBLAS's threading size; the limit
  is insurance for numpy code with larger products and for many-core hosts.) Done with
  ``threadpoolctl`` (whatever BLAS/OpenMP libraries are loaded, whether numpy was imported
  before or not); skipped when any of :data:`THREAD_VARIABLES` is set.
  Worker processes dateline spawns itself also get these variables (:func:`child_environment`),
  so that their pools never start (a Dask nanny sets them to 1 by default as well).
- **malloc keeps its memory** (``process.malloc``, default True; glibc only): glibc hands
  freed blocks above its mmap threshold back to the kernel, and spaCy's per-batch numpy
  arrays (several MB) then fault fresh pages, which the kernel zeroes, at every batch.
  ``mallopt`` raises the mmap threshold to :data:`MMAP_THRESHOLD` and the trim threshold to
  :data:`TRIM_THRESHOLD`, so freed memory is reused; skipped when ``MALLOC_*_`` variables or
  ``GLIBC_TUNABLES`` with malloc settings are set. (A Dask nanny starts its workers with
  ``MALLOC_TRIM_THRESHOLD_=65536``, which also fixes the mmap threshold at 128 KiB: the
  cluster dateline starts itself gets dateline's values instead, :func:`child_environment`.)
- **no transparent huge pages for numpy's arrays** (``process.hugepages``, default False):
  numpy asks the kernel for transparent huge pages on arrays of 4 MB and more (``madvise``),
  and each fault then zeroes 2 MB; on spaCy's full parse this was the largest of these costs
  (≈ 2 s of system time per 100 articles). With ``NUMPY_MADVISE_HUGEPAGE`` set this is left
  alone.

- **the loaded resources out of the garbage collector's way** (``process.gc_freeze``, default
  True): the model and the gazetteer are hundreds of thousands of long-lived Python objects
  (spaCy's vocabulary, components and registries, dateline's tables), and every full collection
  of Python's cyclic garbage collector walks all of them again: ≈ 1 CPU-ms an article.
  :func:`freeze_heap` (``gc.freeze()``) moves the objects alive once a resource has loaded
  into the collector's permanent generation, which collections skip; objects are still freed
  by reference counting as before, and objects made later are collected as before. Called by
  :func:`dateline.nlp.load_model` after the model loads and by
  :meth:`dateline.resources.Resources.gazetteer` after the gazetteer loads.

- **fewer young-generation collections** (``process.gc_threshold``, default
  :data:`GC_THRESHOLD`; 0 leaves it): Python collects its youngest generation after every 700
  net allocations of container objects, and the older ones after 10 of those; a batch of
  spaCy documents and dateline records makes hundreds of thousands, so the collector ran
  ≈ 400 young and 40 middle collections over 300 articles, each walking the batch's live
  objects again. :func:`tune_process` raises the first threshold to :data:`GC_THRESHOLD`
  (the other two stay); skipped when the thresholds are not Python's defaults (the user
  chose). Cyclic garbage waits a little longer to be freed (at most that many objects).

``process.stock`` True turns all of these off. Measured in benchmarks/side_by_side.md
("round 7 — process-level costs"). Outputs do not change: these settings change where
memory and threads come from, not what is computed.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

from .settings import Settings

__all__ = [
    "GC_THRESHOLD",
    "MMAP_THRESHOLD",
    "THREAD_VARIABLES",
    "TRIM_THRESHOLD",
    "child_environment",
    "freeze_heap",
    "tune_process",
]

log = logging.getLogger(__name__)

#: environment variables that size the native thread pools; one set means the user chose
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)
_MALLOC_VARIABLES = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")
#: blocks below this many bytes come from the heap and are reused after ``free``
MMAP_THRESHOLD = 64 * 1024 * 1024
#: free memory at the top of the heap is given back to the kernel only above this many bytes
TRIM_THRESHOLD = 256 * 1024 * 1024
#: the garbage collector's first threshold (net container allocations between young collections)
GC_THRESHOLD = 10_000
_GC_DEFAULT = (700, 10, 10)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def _threads(settings: Settings) -> int:
    if settings.option("process.stock", False):
        return 0
    value = settings.option("process.threads", 1)
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else 0


def child_environment(
    settings: Settings, environ: Mapping[str, str] = os.environ, *, before_start: bool = False
) -> dict[str, str]:
    """Variables for a worker process dateline spawns: its native thread pools start at
    ``process.threads`` threads (nothing when the user set any of them, or turned this off).

    ``before_start``: the variables go into the environment the process starts with (a Dask
    nanny's worker), so glibc's malloc and numpy read theirs too (``MALLOC_*_``,
    ``NUMPY_MADVISE_HUGEPAGE``: the settings :func:`tune_process` makes in a running process)."""
    if settings.option("process.stock", False):
        return {}
    env = {}
    threads = _threads(settings)
    if threads and not any(name in environ for name in THREAD_VARIABLES):
        env.update({name: str(threads) for name in THREAD_VARIABLES})
    if before_start and settings.option("process.malloc", True) and not _malloc_set(environ):
        env.update({"MALLOC_MMAP_THRESHOLD_": str(MMAP_THRESHOLD), "MALLOC_TRIM_THRESHOLD_": str(TRIM_THRESHOLD)})
    if before_start and not settings.option("process.hugepages", False) and "NUMPY_MADVISE_HUGEPAGE" not in environ:
        env["NUMPY_MADVISE_HUGEPAGE"] = "0"
    return env


def tune_process(
    settings: Settings,
    *,
    environ: Mapping[str, str] = os.environ,
    limit_threads: Callable[[int], object] | None = None,
    mallopt: Callable[[int, int], int] | None = None,
    numpy: Any = None,
    collector: Any = gc,
) -> list[str]:
    """Apply the process settings of ``settings``; returns what was applied (for the log).

    The keyword arguments are seams for tests: the thread limiter (default ``threadpoolctl``),
    glibc's ``mallopt`` (default: looked up in the C library, Linux with glibc only), the
    numpy module (default: numpy if imported) and the garbage collector (default :mod:`gc`)."""
    if settings.option("process.stock", False):
        return []
    applied = []
    threads = _threads(settings)
    if threads and not any(name in environ for name in THREAD_VARIABLES):
        limiter = limit_threads or _threadpoolctl_limiter()
        if limiter is not None:
            limiter(threads)
            applied.append(f"native threads {threads}")
    if settings.option("process.malloc", True) and not _malloc_set(environ):
        call = mallopt or _glibc_mallopt()
        if call is not None and call(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) and call(_M_TRIM_THRESHOLD, TRIM_THRESHOLD):
            applied.append(f"malloc mmap threshold {MMAP_THRESHOLD >> 20} MiB, trim {TRIM_THRESHOLD >> 20} MiB")
    if not settings.option("process.hugepages", False) and "NUMPY_MADVISE_HUGEPAGE" not in environ:
        setter = _hugepage_setter(numpy if numpy is not None else sys.modules.get("numpy"))
        if setter is not None:
            setter(False)
            applied.append("numpy huge pages off")
    threshold = settings.option("process.gc_threshold", GC_THRESHOLD)
    if isinstance(threshold, int) and threshold > 0 and tuple(collector.get_threshold()) == _GC_DEFAULT:
        collector.set_threshold(threshold, *_GC_DEFAULT[1:])
        applied.append(f"garbage collector threshold {threshold}")
    if applied:
        log.debug("process tuning: %s", "; ".join(applied))
    return applied


def freeze_heap(settings: Settings, *, freeze: Callable[[], object] | None = None) -> bool:
    """Move every object alive now into the garbage collector's permanent generation
    (``gc.freeze()``), unless ``process.gc_freeze`` is False or ``process.stock`` True; returns
    whether it did. Call it once a long-lived resource has loaded. ``freeze`` is a seam for tests."""
    if settings.option("process.stock", False) or not settings.option("process.gc_freeze", True):
        return False
    (freeze or gc.freeze)()
    log.debug("garbage collector: %d loaded objects frozen", gc.get_freeze_count())
    return True


def _malloc_set(environ: Mapping[str, str]) -> bool:
    return any(name in environ for name in _MALLOC_VARIABLES) or "glibc.malloc." in environ.get("GLIBC_TUNABLES", "")


def _threadpoolctl_limiter() -> Callable[[int], object] | None:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # an optional speed-up: without it the pools keep their size
        log.debug("threadpoolctl is not installed; native thread pools left as they are")
        return None
    return lambda threads: threadpool_limits(limits=threads)


def _glibc_mallopt() -> Callable[[int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):  # musl and others: no such tuning
            return None
        function = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, ValueError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_int)
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def _hugepage_setter(numpy: Any) -> Callable[[bool], object] | None:
    if numpy is None:
        return None
    for name in ("_core", "core"):  # numpy 2 / numpy 1
        multiarray = getattr(getattr(numpy, name, None), "multiarray", None)
        setter = getattr(multiarray, "_set_madvise_hugepage", None)
        if callable(setter):
            return setter  # type: ignore[no-any-return]
    return None
