"""CI guard: the ACLED-notes figures (`dateline eval acled`) and the invented batches stay above floors (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluation import evaluate

from .batch import load, predict, score

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"

# measured 2026-12-07 with `dateline eval acled` on merged main after issues 10e, 10f, 10g (docs/events.md,
# docs/places.md, docs/actors.md), raised after issue-10h (ACLED note conventions, docs/events.md); floors
# ~0.015-0.02 under
FLOORS = {
    "found": 0.96,  # 0.976 after issue-10h (0.958 before; 0.924 before issue-10e)
    "sub_event_macro_f1": 0.855,  # 0.8725 after issue-10k (0.8693 after issue-10h; 0.7474 before issue-10e)
    "event_type_acc": 0.90,  # 0.916 after issue-10h (0.884 before; 0.804 before issue-10e)
    "country_acc": 0.935,  # 0.954 on merged main after issues 10h + 10i (0.916 before; no event = wrong country)
    "admin1_acc": 0.885,  # 0.902 on merged main after issues 10h + 10i (0.874 before)
    "loc_within_25km": 0.625,  # 0.640 on merged main after issues 10h + 10i (0.616 before)
    "loc_within_161km": 0.90,  # 0.918 on merged main after issues 10h + 10i (0.890 before)
    "date_contains": 0.95,  # 0.970 after issue-10h (0.950 before; 0.908 before issue-10e)
    "actor1_type_acc": 0.815,  # 0.834 after issue-10k (0.828 after issue-10h, 0.780 before issue-10g)
    "actor1_name_match": 0.745,  # 0.760 after issue-10h (0.744 after issue-10g, 0.720 before)
    "fatalities_exact_gold_positive": 0.845,  # 0.866 after issue-10k (0.854 after issue-10h, 0.817 merged)
}

# the invented batches (our own sentences, scored blind first; figures in docs/events.md)
BATCH_FLOORS = {"event_type": 0.85, "sub_event_type": 0.85, "country": 0.88, "actor1_type": 0.78, "fatalities": 0.85}


def test_acled_floors(shared_dir: Path) -> None:
    figures = evaluate("acled", shared=shared_dir)
    low = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, low


# batch 3 (issue-10c: villages with district hints, nationality adjectives, non-violent developments) is harder
BATCH3_FLOORS = {"event_type": 0.85, "sub_event_type": 0.78, "country": 0.9, "actor1_type": 0.75, "fatalities": 0.88,
                 "admin1": 0.78}


# batch 4 (issue-10e: riots vs protests, mob violence, violent verbs, strategic sub-types, background dates; blind
# 0.829 sub-event, 0.943 after) and batch 5 (written after the rules, blind 0.778 sub-event)
BATCH4_FLOORS = {"found": 0.95, "event_type": 0.92, "sub_event_type": 0.9, "date": 0.94}
BATCH5_FLOORS = {"found": 0.95, "event_type": 0.85, "sub_event_type": 0.75, "date": 0.94}
# batch 6 (issue-10g: actor1 roles; blind actor1 type / name 0.688 / 0.750, 0.812 / 0.875 after)
BATCH6_FLOORS = {"found": 0.9, "actor1_type": 0.78, "actor1_name": 0.85}
# batch 8 (issue-10h: notes that yielded no event, strategic developments; blind found / event type / sub-event
# 0.943 / 0.886 / 0.829, 1.0 / 0.943 / 0.943 after)
BATCH8_FLOORS = {"found": 0.95, "event_type": 0.9, "sub_event_type": 0.9, "date": 0.95, "fatalities": 0.9}
# batches 10 and 10b (issue-10k: event typing and actor1 on short reports; blind sub-event 0.912 and 0.889, 0.971 and
# 1.0 after; actor1 type 0.824 / 0.833 blind, 0.882 / 0.944 after)
BATCH10_FLOORS = {"found": 0.95, "event_type": 0.93, "sub_event_type": 0.93, "actor1_type": 0.84, "fatalities": 0.93}
BATCH10B_FLOORS = {"found": 0.95, "event_type": 0.93, "sub_event_type": 0.93, "actor1_type": 0.88, "fatalities": 0.93}


@pytest.mark.parametrize(("name", "floors"), [("acled_style_batch1.jsonl", BATCH_FLOORS),
                                              ("acled_style_batch2.jsonl", BATCH_FLOORS),
                                              ("acled_style_batch3.jsonl", BATCH3_FLOORS),
                                              ("acled_style_batch4.jsonl", BATCH4_FLOORS),
                                              ("acled_style_batch5.jsonl", BATCH5_FLOORS),
                                              ("acled_style_batch6_actors.jsonl", BATCH6_FLOORS),
                                              ("acled_style_batch8_events.jsonl", BATCH8_FLOORS),
                                              ("acled_style_batch10_events.jsonl", BATCH10_FLOORS),
                                              ("acled_style_batch10b_events.jsonl", BATCH10B_FLOORS)])
def test_invented_batches(name: str, floors: dict[str, float]) -> None:
    rows = load(DATA / name)
    figures, _ = score(rows, predict(rows))
    low = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    assert not low, low
