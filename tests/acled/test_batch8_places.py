"""CI guard for the invented places batch 8 (issue-10i, scored blind first; figures in docs/places.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .batch import load, predict
from .places_batch import place_figures

pytestmark = pytest.mark.slow

# blind (before any rule change): country 1.000, admin1 0.829, within 25/161 km 0.879/0.970; after 0.939 within 25 km
FLOORS = {"country": 0.95, "within_25km": 0.9, "within_161km": 0.94, "found": 0.95}


def test_places_batch8_floors() -> None:
    rows = load(Path(__file__).parent / "data" / "acled_style_batch8_places.jsonl")
    figures = place_figures(rows, predict(rows))
    low = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not low, low
