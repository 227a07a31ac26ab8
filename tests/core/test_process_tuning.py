"""Process tuning at model load (dateline.process_tuning): native thread pools and malloc.

Fakes stand in for threadpoolctl and glibc's mallopt; the CPU it saves is measured in
benchmarks/side_by_side.md, never here."""

from __future__ import annotations

from typing import Any

from dateline.process_tuning import (
    MMAP_THRESHOLD,
    THREAD_VARIABLES,
    TRIM_THRESHOLD,
    child_environment,
    tune_process,
)
from dateline.settings import Settings


class Recorder:
    def __init__(self, result: int = 1) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.result = result

    def __call__(self, *args: Any) -> int:
        self.calls.append(args)
        return self.result


def _tune(settings: Settings, environ: dict[str, str] | None = None, mallopt_result: int = 1) -> tuple[Any, ...]:
    threads, mallopt = Recorder(), Recorder(mallopt_result)
    applied = tune_process(settings, environ=environ or {}, limit_threads=threads, mallopt=mallopt)
    return applied, threads.calls, mallopt.calls


def test_defaults_limit_threads_and_keep_malloc_memory() -> None:
    applied, threads, mallopt = _tune(Settings())
    assert threads == [(1,)]
    assert mallopt == [(-3, MMAP_THRESHOLD), (-1, TRIM_THRESHOLD)]  # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
    assert len(applied) == 2


def test_stock_option_turns_everything_off() -> None:
    assert _tune(Settings(options=(("process.stock", True),))) == ([], [], [])


def test_each_part_has_its_own_switch() -> None:
    settings = Settings(options=(("process.threads", 0), ("process.malloc", False)))
    assert _tune(settings) == ([], [], [])
    _, threads, _ = _tune(Settings(options=(("process.threads", 2),)))
    assert threads == [(2,)]


def test_an_explicit_user_setting_is_respected() -> None:
    for name in THREAD_VARIABLES:
        _, threads, mallopt = _tune(Settings(), {name: "4"})
        assert threads == [] and len(mallopt) == 2
    _, threads, mallopt = _tune(Settings(), {"MALLOC_TRIM_THRESHOLD_": "65536"})
    assert threads == [(1,)] and mallopt == []
    _, _, mallopt = _tune(Settings(), {"GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=1000000"})
    assert mallopt == []


def test_a_refused_mallopt_is_not_reported() -> None:
    applied, _, mallopt = _tune(Settings(), mallopt_result=0)
    assert mallopt == [(-3, MMAP_THRESHOLD)]
    assert not any("malloc" in line for line in applied)


def test_real_calls_run_on_this_platform() -> None:
    """The default seams (threadpoolctl, ctypes mallopt) run, or step aside, wherever we are."""
    applied = tune_process(Settings(), environ={})
    assert all(isinstance(line, str) for line in applied)


def test_child_environment_sets_the_pools_unless_the_user_did() -> None:
    env = child_environment(Settings(), {})
    assert env == {name: "1" for name in THREAD_VARIABLES}
    assert child_environment(Settings(), {"OMP_NUM_THREADS": "8"}) == {}
    assert child_environment(Settings(options=(("process.stock", True),)), {}) == {}
    assert child_environment(Settings(options=(("process.threads", 0),)), {}) == {}


def test_a_process_started_by_dateline_gets_the_malloc_settings_too() -> None:
    env = child_environment(Settings(), {}, before_start=True)
    assert env["MALLOC_MMAP_THRESHOLD_"] == str(MMAP_THRESHOLD)
    assert env["MALLOC_TRIM_THRESHOLD_"] == str(TRIM_THRESHOLD)
    assert "MALLOC_TRIM_THRESHOLD_" not in child_environment(Settings(), {})  # too late in a running process
    mine = child_environment(Settings(), {"MALLOC_TRIM_THRESHOLD_": "1"}, before_start=True)
    assert "MALLOC_MMAP_THRESHOLD_" not in mine and "OMP_NUM_THREADS" in mine


def _environment_of_worker(names: tuple[str, ...]) -> dict[str, str | None]:
    import os

    return {name: os.environ.get(name) for name in names}


def test_parallel_workers_start_with_the_child_environment() -> None:
    """The pool of dateline.parallel sets the variables in each worker before anything loads numpy."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from dateline.parallel import _start_worker

    context = multiprocessing.get_context("spawn")
    names = ("OPENBLAS_NUM_THREADS", "DATELINE_TEST_MARK")
    with ProcessPoolExecutor(
        1,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), {"OPENBLAS_NUM_THREADS": "1", "DATELINE_TEST_MARK": "x"}),
    ) as pool:
        seen = pool.submit(_environment_of_worker, names).result(timeout=120)  # fmt: skip
    assert seen == {"OPENBLAS_NUM_THREADS": "1", "DATELINE_TEST_MARK": "x"}
