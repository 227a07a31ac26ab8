"""The Dask engine: units of a corpus over a Dask cluster, Parquet parts, one writer.

``run_units`` plans the units, builds the gazetteer index (before any worker starts, so
that workers only open it), connects to a scheduler (``tcp://HOST:PORT``) or starts a
``LocalCluster`` of ``workers`` processes with one thread each, registers
:class:`PipelinePlugin` (each worker process builds its pipeline once, when it starts)
and submits one task per unfinished unit. Each task reads its unit, runs the pipeline and
writes the unit's part (see :mod:`.parts`); a rerun finds the parts and skips them. A task
whose worker dies is run again elsewhere by the scheduler (``retries``); the part is
written atomically, so a unit is either wholly written or absent.

Dask (``pip install 'dateline[dask]'``) is imported only here, only when this engine runs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError, ResourceError
from ..process_tuning import child_environment
from ..settings import Settings
from .parts import part_path
from .units import Unit, plan_units
from .work import UnitResult, process_unit, worker_pipeline

__all__ = ["EngineSummary", "PipelinePlugin", "run_units"]

log = logging.getLogger(__name__)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError("the Dask engine needs the dask extra: pip install 'dask[distributed]==2026.8.0'") from None
    return distributed


def _plugin_base() -> type:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:
        return object
    return WorkerPlugin  # type: ignore[no-any-return]


def _worker_environment(settings: Settings) -> Any:
    """Dask's nanny starts each worker with ``distributed.nanny.pre-spawn-environ`` (one-thread
    BLAS pools, ``MALLOC_TRIM_THRESHOLD_=65536``); the local cluster dateline starts itself gets
    dateline's process settings on top (:func:`dateline.process_tuning.child_environment`)."""
    import dask

    env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {})
    env.update(child_environment(settings, before_start=True))
    return dask.config.set({"distributed.nanny.pre-spawn-environ": env})


class PipelinePlugin(_plugin_base()):  # type: ignore[misc]
    """Builds the worker's pipeline once, when the worker (or its replacement) starts."""

    name = "dateline-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.settings)


@dataclass(slots=True)
class EngineSummary:
    units: int = 0
    done: int = 0  # units processed in this run
    skipped: int = 0  # units whose part existed (finished earlier)
    rows: int = 0  # documents written to new parts
    failed: list[str] = field(default_factory=list)  # "unit: error" for units that could not be done
    parts: list[Path] = field(default_factory=list)  # every unit's part, in input order
    seconds: float = 0.0
    workers: int = 0

    def line(self) -> str:
        rate = self.rows / self.seconds if self.seconds else 0.0
        return (
            f"{self.units} units on {self.workers} workers in {self.seconds:.1f}s: {self.done} processed "
            f"({self.rows} documents, {rate:.1f}/s), {self.skipped} already done, {len(self.failed)} failed"
        )


def _prepare(settings: Settings) -> None:
    """Build what every worker would otherwise build at once: the gazetteer index."""
    if "places" in settings.stages:
        from ..places.gazetteer import index_path, load_gazetteer

        load_gazetteer(settings)
        log.info("gazetteer index ready at %s", index_path(settings))


def run_units(
    paths: Iterable[str | Path],
    settings: Settings,
    out_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    on_done: Callable[[UnitResult], None] | None = None,
    units: list[Unit] | None = None,
    client: Any = None,
) -> EngineSummary:
    """Process every unit of ``paths`` into a part in ``out_dir``; returns what was done.

    ``client``: an open ``distributed.Client`` to use (left open); else one is made from
    ``scheduler`` or a new local cluster, and closed at the end.
    """
    distributed = _import_distributed()
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[InputError] = []
    units = plan_units(paths, problems=problems) if units is None else units
    summary = EngineSummary(units=len(units))
    summary.failed.extend(f"{p.source}: {p.problem}" for p in problems)
    summary.parts = [part_path(out_dir, u.key, settings) for u in units]
    todo = [u for u, p in zip(units, summary.parts, strict=True) if not p.exists()]
    summary.skipped = len(units) - len(todo)
    if not todo:
        summary.seconds = time.perf_counter() - started
        return summary
    _prepare(settings)
    cluster = None
    own = client is None
    try:
        if client is not None:
            pass
        elif scheduler:
            client = distributed.Client(scheduler, timeout="30s")
        else:
            with _worker_environment(settings):
                cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            client = distributed.Client(cluster)
    except OSError as exc:
        raise ResourceError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
        client.register_plugin(PipelinePlugin(settings))
        futures = {
            client.submit(process_unit, unit, settings, str(out_dir), key=f"dateline-unit-{unit.key}",
                          pure=False, retries=2): unit
            for unit in todo
        }  # fmt: skip
        for future in distributed.as_completed(futures):
            unit = futures[future]
            try:
                result: UnitResult = future.result()
            except Exception as exc:  # the unit, not the run, failed: name it and go on
                summary.failed.append(f"{unit.label}: {type(exc).__name__}: {exc}")
                continue
            summary.done += not result.skipped
            summary.skipped += result.skipped
            summary.rows += result.rows
            if on_done is not None:
                on_done(result)
    finally:
        if own:
            client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
