"""De facto authorities coded as the state from a date on (actors/data/successions.json)."""

from __future__ import annotations

from dateline.actors.stage import succeed, successions
from dateline.records import Actor


def test_every_succession_has_an_example() -> None:
    assert all(r["id"].startswith("succession.") and len(r["example"]) > 20 for r in successions())


def test_taliban_after_august_2021_are_afghanistans_forces() -> None:
    taliban = Actor("Taliban", "Rebel group", "Taliban forces", 14, 28, "AF")
    after = succeed([taliban], "2022-03-16")[0]
    assert (after.name, after.type, after.country_code) == ("Military Forces of Afghanistan (2021-)", "State forces",
                                                            "AF")
    assert (after.start, after.end, after.text) == (14, 28, "Taliban forces")
    assert succeed([taliban], "2020-05-03")[0] is taliban  # before: still the rebel group
    assert succeed([taliban], None)[0] is taliban
