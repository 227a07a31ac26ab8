"""What a worker does with one unit: read it, run the pipeline, write its Parquet part.

Nothing here imports Dask: :func:`process_unit` is a plain function (the Dask engine
submits it; tests and a single process can call it directly). The pipeline is built once
per process and settings (:func:`worker_pipeline`, a cache the worker plugin fills when the
worker starts); :data:`PIPELINE_LOADS` counts the builds, for the tests.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..pipeline import Pipeline
from ..records import RawInput
from ..resources import Resources
from ..settings import Settings
from .parts import part_path, rows_of, write_part
from .units import Unit, read_unit

__all__ = ["PIPELINE_LOADS", "UnitResult", "pipeline_loads", "process_unit", "worker_pipeline"]

log = logging.getLogger(__name__)

#: pipelines built in this process (one per settings, whatever the number of units)
PIPELINE_LOADS: list[str] = []


@functools.cache
def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built (and its models loaded) once."""
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources)
    if "nlp" in settings.stages:
        resources.nlp()
    if "places" in settings.stages:
        resources.gazetteer()
    PIPELINE_LOADS.append(f"{os.getpid()}")
    return pipeline


@dataclass(frozen=True, slots=True)
class UnitResult:
    unit: int  # the unit's index
    label: str
    part: str
    rows: int  # documents written (0 when skipped)
    skipped: bool  # the part existed: finished work
    pid: int
    seconds: float


def process_unit(unit: Unit, settings: Settings, out_dir: str) -> UnitResult:
    """Write ``unit``'s part in ``out_dir`` (unless it is there already)."""
    started = time.perf_counter()
    path = part_path(Path(out_dir), unit.key, settings)
    if path.exists():
        return UnitResult(unit.index, unit.label, str(path), 0, True, os.getpid(), 0.0)
    pipeline = worker_pipeline(settings)
    delay = float(settings.option("engine.test_delay", 0.0))  # type: ignore[arg-type]
    pending: deque[RawInput | None] = deque()

    def inputs() -> Iterator[RawInput | InputError]:
        for item in read_unit(unit, settings):
            pending.append(None if isinstance(item, InputError) else item)
            if delay:
                time.sleep(delay)
            yield item

    pairs = ((pending.popleft(), outcome) for outcome in pipeline.pipe(inputs()))
    rows = write_part(path, rows_of(pairs))
    return UnitResult(unit.index, unit.label, str(path), rows, False, os.getpid(), time.perf_counter() - started)


def pipeline_loads() -> list[str]:
    """The pipelines built in this process so far (for ``client.run`` in tests and benchmarks)."""
    return list(PIPELINE_LOADS)
