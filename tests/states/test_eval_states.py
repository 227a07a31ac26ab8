"""``dateline eval states``: the gold batches, the scorer, and the CI floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation import DEFAULT_GOLD, TASK_STAGES
from dateline.states.evaluate import DEFAULT_STATES_GOLD, load_gold, score_answer

# measured 2026-12-06 with `dateline eval states` (accuracy 0.864 over 66 questions; blind: batch 1 0.464,
# batch 2 0.368, batch 3 0.273, batch 4 0.500, see docs/states.md); the floor sits a little under
ACCURACY_FLOOR = 0.82


def test_the_task_is_registered_beside_the_others() -> None:
    assert "states" in TASK_STAGES and "states" in DEFAULT_GOLD
    assert {"extract", "geo", "time", "events", "news", "acled"} <= set(TASK_STAGES)


def test_the_gold_has_at_least_40_questions_with_unique_ids() -> None:
    batches = load_gold()
    ids = [q["id"] for b in batches for s in b["stories"] for q in s["questions"]]
    assert len(ids) >= 40 and len(ids) == len(set(ids))
    kinds = {q["facet"] for b in batches for s in b["stories"] for q in s["questions"]}
    assert {"control", "access", "curfew", "siege"} <= kinds
    assert any(q.get("part") for b in batches for s in b["stories"] for q in s["questions"])


def test_scoring() -> None:
    q = {"value": ["Military Forces of Iraq", "Iraqi forces"], "status": "single-source"}
    assert score_answer(q, "Military Forces of Iraq", "single-source") == (True, True)
    assert score_answer(q, "Iraqi forces", "confirmed") == (True, False)
    assert score_answer(q, None, None) == (False, False)
    assert score_answer({"value": None, "status": None}, None, None) == (True, True)
    assert score_answer({"value": None, "status": None}, "open", "implied") == (False, False)


def test_a_bad_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    from dateline.errors import ConfigError

    bad = tmp_path / "batch9.json"
    bad.write_text("{nope")
    with pytest.raises(ConfigError, match=r"batch9\.json: not a gold file"):
        load_gold(bad)
    with pytest.raises(ConfigError, match="no place-state gold file"):
        load_gold(tmp_path / "missing")


@pytest.mark.slow
def test_states_floor(tmp_path: Path) -> None:
    from dateline.evaluation import evaluate

    pred = tmp_path / "pred.jsonl"
    figures = evaluate("states", DEFAULT_STATES_GOLD, pred_out=pred)
    assert figures["questions"] >= 40
    assert figures["accuracy"] >= ACCURACY_FLOOR, figures
    rows = [json.loads(line) for line in pred.read_text().splitlines()]
    seed = {r["id"]: r for r in rows if r["id"].startswith("seed-")}
    assert all(r["value_ok"] and r["status_ok"] for r in seed.values()), seed  # the seed checks never slip
