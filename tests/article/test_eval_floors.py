"""CI guard: the article figures on the shared dev set stay above their floors.

Measured (see docs/article.md): extract body F1 0.9733 (precision 0.9824, recall 0.9643);
published date on 46/50 pages, 12/12 agreeing with a full date in the URL.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.evaluation import evaluate

pytestmark = pytest.mark.slow

F1_FLOOR = 0.96
PRECISION_FLOOR = 0.965
RECALL_FLOOR = 0.95


def test_extract_body_f1(shared_dir: Path) -> None:
    figures = evaluate("extract", shared=shared_dir)
    assert figures["failed_documents"] == 0
    assert figures["f1"] >= F1_FLOOR
    assert figures["precision"] >= PRECISION_FLOOR
    assert figures["recall"] >= RECALL_FLOOR


def test_published_dates(shared_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("check_dates", Path(__file__).with_name("check_dates.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts = module.check_dates(shared_dir / "eval" / "extract" / "pages")
    assert counts["with_published"] >= 44
    assert counts["disagree"] == 0
    assert counts["agree_with_url"] >= counts["url_dated"] - 1
