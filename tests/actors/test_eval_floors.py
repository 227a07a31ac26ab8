"""CI guard: the actor figures must not fall below what was measured (docs/actors.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.actors.agreement import role_agreement

pytestmark = pytest.mark.slow

# measured with `python3 benchmarks/actors_roles.py`; floors sit ~0.015 under the figures
FLOORS = {
    "gold": {"source_agreement": 0.915, "target_agreement": 0.75, "both_agreement": 0.725},
    "detected": {"source_agreement": 0.775, "target_agreement": 0.475, "both_agreement": 0.405},
}


@pytest.mark.parametrize("mode", sorted(FLOORS))
def test_plover_role_agreement_floors(shared_dir: Path, nlp: Any, mode: str) -> None:
    figures = role_agreement(shared_dir / "eval" / "events" / "plover_gsr.json", nlp, mode)
    for key, floor in FLOORS[mode].items():
        assert figures[key] >= floor, (mode, key, figures[key])
