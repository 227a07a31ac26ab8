"""The local Dask cluster dateline starts itself: its workers start with dateline's process settings."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow  # starts a one-worker cluster (no model load)

from dateline.engine.dask_engine import _worker_environment  # noqa: E402
from dateline.process_tuning import MMAP_THRESHOLD, TRIM_THRESHOLD  # noqa: E402
from dateline.settings import Settings  # noqa: E402

NAMES = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "OPENBLAS_NUM_THREADS")


def _environment() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in NAMES}


def test_workers_start_with_malloc_keeping_its_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client, LocalCluster

    for name in (*NAMES, "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_", "GLIBC_TUNABLES", "OMP_NUM_THREADS",
                 "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    with _worker_environment(Settings()):
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        seen = next(iter(client.run(_environment).values()))
    assert seen == {"MALLOC_MMAP_THRESHOLD_": str(MMAP_THRESHOLD), "MALLOC_TRIM_THRESHOLD_": str(TRIM_THRESHOLD),
                    "OPENBLAS_NUM_THREADS": "1"}  # fmt: skip
