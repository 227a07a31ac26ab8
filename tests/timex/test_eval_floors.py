"""CI guard: the time figures on the TimeBank dev set stay above their floors, and the seed's
time checks pass.

Measured (see docs/time.md): value F1 0.8431, relaxed span F1 0.9469, strict span F1 0.9152,
type F1 0.9239 with ``dateline eval time``; on the invented passages of ``data/invented_timebank.jsonl``
value F1 0.9739, relaxed 0.9913, strict 0.9710, type 0.9797 with
``dateline eval time tests/timex/data/invented_timebank.jsonl``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluation import evaluate
from dateline.pipeline import Pipeline
from dateline.records import RawInput, document_to_dict
from dateline.settings import Settings

pytestmark = pytest.mark.slow

VALUE_F1_FLOOR = 0.83
RELAXED_F1_FLOOR = 0.93
STRICT_F1_FLOOR = 0.90
TYPE_F1_FLOOR = 0.905

INVENTED = Path(__file__).resolve().parent / "data" / "invented_timebank.jsonl"
INVENTED_FLOORS = {"value_f1": 0.955, "relaxed_f1": 0.975, "strict_f1": 0.955, "type_f1": 0.965}


def test_timebank_figures(shared_dir: Path) -> None:
    figures = evaluate("time", shared=shared_dir)
    assert figures["failed_documents"] == 0
    assert figures["value_f1"] >= VALUE_F1_FLOOR
    assert figures["relaxed_f1"] >= RELAXED_F1_FLOOR
    assert figures["strict_f1"] >= STRICT_F1_FLOOR
    assert figures["type_f1"] >= TYPE_F1_FLOOR


def test_invented_news_figures(shared_dir: Path) -> None:
    figures = evaluate("time", INVENTED, shared=shared_dir)
    assert figures["failed_documents"] == 0
    assert figures["documents"] >= 100
    for name, floor in INVENTED_FLOORS.items():
        assert figures[name] >= floor, (name, figures[name])


def test_seed_time_checks(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed"
    settings = Settings().evolve(stages=("article", "language", "nlp", "time"))
    doc = Pipeline.from_settings(settings)(RawInput(str(seed / "article.txt"), "text",
                                                    (seed / "article.txt").read_text(encoding="utf-8")))
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(document_to_dict(doc)), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(seed / "check_seed.py"), str(out), "time"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout
