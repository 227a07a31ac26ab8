"""CI guard for the invented places-and-actors batch (issue-10f, scored blind first; figures in docs/places.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .batch import load, predict
from .places_batch import place_figures

pytestmark = pytest.mark.slow

# blind (before any rule change): country 0.912, actor1 type 0.853, name 0.824, within 25/161 km 0.808/0.846
FLOORS = {"country": 0.88, "actor1_type": 0.82, "actor1_name": 0.79, "within_25km": 0.77, "within_161km": 0.8}


def test_places_batch_floors() -> None:
    rows = load(Path(__file__).parent / "data" / "acled_style_batch4_places.jsonl")
    figures = place_figures(rows, predict(rows))
    low = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, low
