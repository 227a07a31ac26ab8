"""Issue 15, fuzzing in CI: a few hundred mutated documents (every format, cut and flipped, odd
Unicode, huge lines) through the readers and the whole pipeline: zero internal errors, zero
exceptions, nothing silently dropped. The long run: ``python3 benchmarks/fuzz_pipeline.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_pipeline.py"


def _fuzzer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fuzz_pipeline", FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_few_hundred_mutated_documents_through_the_whole_pipeline() -> None:
    result = _fuzzer().run(docs=300, seed=15, max_chars=1500, pages=12)
    assert result["problems"] == []
    assert result["files"] == 300
    assert result["documents"] > 100 and result["errors"] > 20  # both paths were exercised
