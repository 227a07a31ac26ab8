"""ACLED's split first-level units (places/units.py, data/admin1_splits.json): each rule on its example."""

from __future__ import annotations

import pytest

from dateline.places.units import acled_admin1, splits


def test_rules_have_unique_ids() -> None:
    ids = [r.id for r in splits()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", splits(), ids=lambda r: r.id)
def test_each_example_gets_its_part(rule) -> None:  # type: ignore[no-untyped-def]
    _, lat, lon = rule.example
    assert acled_admin1(rule.country, rule.admin1, "city", lat, lon) == rule.part


def test_the_region_itself_and_other_regions_keep_their_names() -> None:
    assert acled_admin1("MM", "Shan", "admin1", 21.0, 98.0) == "Shan"
    assert acled_admin1("MM", "Kachin", "city", 25.4, 97.4) == "Kachin"
    assert acled_admin1(None, None, "city", None, None) is None
