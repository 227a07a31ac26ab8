"""Process tuning at model load (dateline.process_tuning): thread pools, malloc, numpy huge pages.

Fakes stand in for threadpoolctl, glibc's mallopt and numpy; the CPU it saves is measured in
benchmarks/side_by_side.md, never here."""

from __future__ import annotations

import types
from typing import Any

from dateline.process_tuning import (
    MMAP_THRESHOLD,
    THREAD_VARIABLES,
    TRIM_THRESHOLD,
    _hugepage_setter,
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


def _numpy(recorder: Recorder) -> Any:
    return types.SimpleNamespace(_core=types.SimpleNamespace(multiarray=types.SimpleNamespace(
        _set_madvise_hugepage=recorder)))  # fmt: skip


def _tune(settings: Settings, environ: dict[str, str] | None = None, mallopt_result: int = 1) -> tuple[Any, ...]:
    threads, mallopt, hugepages = Recorder(), Recorder(mallopt_result), Recorder()
    applied = tune_process(settings, environ=environ or {}, limit_threads=threads, mallopt=mallopt,
                           numpy=_numpy(hugepages), collector=FakeCollector())  # fmt: skip
    return applied, threads.calls, mallopt.calls, hugepages.calls


def test_defaults_limit_threads_keep_malloc_memory_and_turn_numpy_huge_pages_off() -> None:
    applied, threads, mallopt, hugepages = _tune(Settings())
    assert threads == [(1,)]
    assert mallopt == [(-3, MMAP_THRESHOLD), (-1, TRIM_THRESHOLD)]  # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
    assert hugepages == [(False,)]
    assert len(applied) == 4  # and the garbage collector's threshold


def test_stock_option_turns_everything_off() -> None:
    assert _tune(Settings(options=(("process.stock", True),))) == ([], [], [], [])


def test_each_part_has_its_own_switch() -> None:
    settings = Settings(options=(("process.threads", 0), ("process.malloc", False), ("process.hugepages", True),
                                 ("process.gc_threshold", 0)))  # fmt: skip
    assert _tune(settings) == ([], [], [], [])
    _, threads, _, _ = _tune(Settings(options=(("process.threads", 2),)))
    assert threads == [(2,)]


def test_an_explicit_user_setting_is_respected() -> None:
    for name in THREAD_VARIABLES:
        _, threads, mallopt, _ = _tune(Settings(), {name: "4"})
        assert threads == [] and len(mallopt) == 2
    _, threads, mallopt, _ = _tune(Settings(), {"MALLOC_TRIM_THRESHOLD_": "65536"})
    assert threads == [(1,)] and mallopt == []
    _, _, mallopt, _ = _tune(Settings(), {"GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=1000000"})
    assert mallopt == []
    _, _, _, hugepages = _tune(Settings(), {"NUMPY_MADVISE_HUGEPAGE": "1"})
    assert hugepages == []


def test_a_refused_mallopt_is_not_reported() -> None:
    applied, _, mallopt, _ = _tune(Settings(), mallopt_result=0)
    assert mallopt == [(-3, MMAP_THRESHOLD)]
    assert not any("malloc" in line for line in applied)


def test_missing_pieces_degrade_gracefully() -> None:
    assert _hugepage_setter(None) is None
    assert _hugepage_setter(types.SimpleNamespace()) is None  # a numpy without the switch
    applied = tune_process(Settings(options=(("process.threads", 0), ("process.malloc", False),
                                             ("process.gc_threshold", 0))), environ={},
                           numpy=types.SimpleNamespace())  # fmt: skip
    assert applied == []


def test_real_calls_run_on_this_platform() -> None:
    """The default seams (threadpoolctl, ctypes mallopt, numpy's switch) run without error wherever we are."""
    import numpy

    # leave this test process's numpy and garbage collector as they are
    settings = Settings(options=(("process.hugepages", True), ("process.gc_threshold", 0)))
    applied = tune_process(settings, environ={}, numpy=numpy)
    assert all(isinstance(line, str) for line in applied)


def test_child_environment_sets_the_pools_unless_the_user_did() -> None:
    env = child_environment(Settings(), {})
    assert env == {name: "1" for name in THREAD_VARIABLES}
    assert child_environment(Settings(), {"OMP_NUM_THREADS": "8"}) == {}
    assert child_environment(Settings(options=(("process.stock", True),)), {}) == {}
    assert child_environment(Settings(options=(("process.threads", 0),)), {}) == {}


def test_a_process_started_by_dateline_gets_malloc_and_numpy_settings_too() -> None:
    env = child_environment(Settings(), {}, before_start=True)
    assert env["MALLOC_MMAP_THRESHOLD_"] == str(MMAP_THRESHOLD)
    assert env["MALLOC_TRIM_THRESHOLD_"] == str(TRIM_THRESHOLD)
    assert env["NUMPY_MADVISE_HUGEPAGE"] == "0"
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


def test_freeze_heap_freezes_by_default_and_honours_its_options() -> None:
    calls = Recorder()
    from dateline.process_tuning import freeze_heap

    assert freeze_heap(Settings(), freeze=calls) is True
    assert freeze_heap(Settings(options=(("process.gc_freeze", False),)), freeze=calls) is False
    assert freeze_heap(Settings(options=(("process.stock", True),)), freeze=calls) is False
    assert calls.calls == [()]


def test_resources_freeze_the_heap_after_the_gazetteer_loads(monkeypatch: Any) -> None:
    import dateline.places.gazetteer as gazetteer_module
    import dateline.process_tuning as tuning
    from dateline.resources import Resources

    frozen: list[object] = []
    loaded = object()
    monkeypatch.setattr(gazetteer_module, "load_gazetteer", lambda settings: loaded)
    monkeypatch.setattr(tuning.gc, "freeze", lambda: frozen.append(loaded))
    resources = Resources(Settings())
    assert resources.gazetteer() is loaded and resources.gazetteer() is loaded
    assert frozen == [loaded]  # once, after the load


class FakeCollector:
    def __init__(self, threshold: tuple[int, ...] = (700, 10, 10)) -> None:
        self.threshold = threshold

    def get_threshold(self) -> tuple[int, ...]:
        return self.threshold

    def set_threshold(self, *values: int) -> None:
        self.threshold = values


def test_gc_threshold_raised_from_the_defaults_only() -> None:
    from dateline.process_tuning import GC_THRESHOLD

    collector = FakeCollector()
    applied = tune_process(Settings(), environ={}, limit_threads=Recorder(), mallopt=Recorder(), numpy=None,
                           collector=collector)  # fmt: skip
    assert collector.threshold == (GC_THRESHOLD, 10, 10) and any("garbage" in a for a in applied)
    chosen = FakeCollector((5000, 20, 20))  # the user's own thresholds stay
    tune_process(Settings(), environ={}, limit_threads=Recorder(), mallopt=Recorder(), collector=chosen)
    assert chosen.threshold == (5000, 20, 20)
    for options in ((("process.gc_threshold", 0),), (("process.stock", True),)):
        untouched = FakeCollector()
        tune_process(Settings(options=options), environ={}, limit_threads=Recorder(), mallopt=Recorder(),
                     collector=untouched)  # fmt: skip
        assert untouched.threshold == (700, 10, 10)
