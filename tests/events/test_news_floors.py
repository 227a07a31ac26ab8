"""CI guard: the events figures on whole news articles stay above their floors (slow).

Dev: ``../shared/eval/events/news_dev.jsonl`` through the pipeline (``dateline eval news``).
Blind: ``data/news_blind.jsonl``, 21 invented whole articles written before the news rules
(see ``docs/events.md``; its blind figure, before the news work, was F1 0.50).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluation import evaluate

pytestmark = pytest.mark.slow

BLIND = Path(__file__).parent / "data" / "news_blind.jsonl"
# measured 2026-12-06, second round (F1 0.706, P 0.769, R 0.652, 0 false alarms/100, 4 duplicates); floors a
# little under
DEV_FLOORS = {"event_type_f1": 0.68, "precision": 0.74, "recall": 0.62}
DEV_CEILINGS = {"false_alarms_per_100_eventless_articles": 3.0, "duplicates": 5}
# measured 2026-12-06 (F1 0.690, P 0.556, R 0.909, 0 false alarms, 1 duplicate)
BLIND_FLOORS = {"event_type_f1": 0.66, "recall": 0.85}
BLIND_CEILINGS = {"false_alarms_per_100_eventless_articles": 8.0, "duplicates": 2}


def _check(figures: dict[str, object], floors: dict[str, float], ceilings: dict[str, float]) -> None:
    assert figures["failed_documents"] == 0, figures
    for key, floor in floors.items():
        assert float(figures[key]) >= floor, (key, figures[key], floor)  # type: ignore[arg-type]
    for key, ceiling in ceilings.items():
        assert float(figures[key]) <= ceiling, (key, figures[key], ceiling)  # type: ignore[arg-type]


def test_news_dev_floors(shared_dir: Path) -> None:
    _check(evaluate("news", shared=shared_dir), DEV_FLOORS, DEV_CEILINGS)


def test_news_blind_floors(shared_dir: Path) -> None:
    _check(evaluate("news", BLIND, shared=shared_dir), BLIND_FLOORS, BLIND_CEILINGS)


def test_news_blind_is_well_formed() -> None:
    import json

    rows = [json.loads(line) for line in BLIND.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) == 21 and len({r["id"] for r in rows}) == 21
    for row in rows:
        for ev in row["events"]:
            assert all(s in row["text"] for s in ev["sentences"]), (row["id"], ev)
