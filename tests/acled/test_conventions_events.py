"""ACLED coding conventions the events stage follows (issue 10), on invented notes (no spaCy model)."""

from __future__ import annotations

from tests.events.helpers import events_of, top_sub

from dateline.events.dedup import _absorb


def test_no_fight_makes_a_takeover_non_violent() -> None:
    assert top_sub("Rebels took control of the border town. No clashes were reported.") == (
        "Non-violent transfer of territory")
    assert top_sub("The army took control of the town without resistance.") == "Non-violent transfer of territory"
    assert top_sub("Rebels took control of the border town after heavy fighting.") != (
        "Non-violent transfer of territory")


def test_a_fight_that_changes_hands_is_coded_as_the_change() -> None:
    clash, take = events_of("Militants clashed with soldiers near the river.")[0], events_of(
        "Militants seized control of the river crossing.")[0]
    _absorb(clash, take)
    assert clash.sub_event_type == "Non-state actor overtakes territory"


def test_protesters_killed_make_excessive_force() -> None:
    assert top_sub("Residents protested against the eviction. Police fired to disperse them, killing two.") == (
        "Excessive force against protesters")


def test_a_no_fight_remark_about_an_earlier_takeover_does_not_change_a_recapture() -> None:
    body = ("Soldiers recaptured the town on Thursday. "
            "The militants had entered the town without a fight on Tuesday, the army said.")
    assert "Government regains territory" in [e.sub_event_type for e in events_of(body)]


def test_excessive_force_told_from_the_force_codes_the_force_as_actor1() -> None:
    """Rule acled.excessive-force-agent: the note's own order decides who is actor1."""
    from tests.events.helpers import events_of as evs

    ev = next(e for e in evs("Police beat the protesters with batons and fired tear gas, injuring ten.")
              if e.sub_event_type == "Excessive force against protesters")
    assert ev.actor1 is not None and ev.actor1.type == "State forces"
    assert ev.actor2 is not None and ev.actor2.type == "Protesters"
    ev = next(e for e in evs("Residents protested against the eviction. Police fired to disperse them, killing two.")
              if e.sub_event_type == "Excessive force against protesters")
    assert ev.actor1 is not None and ev.actor1.type == "Protesters"


def test_a_surrender_codes_the_state_side_as_actor1() -> None:
    """Rule acled.surrender-state-first, whichever side surrendered."""
    from tests.events.helpers import events_of as evs

    for body in ("Two Al Shabaab militants surrendered to the army in the town.",
                 "Three soldiers surrendered to Al Shabaab in the town."):
        ev = next(e for e in evs(body) if e.sub_event_type == "Agreement")
        assert ev.actor1 is not None and ev.actor1.type == "State forces", body


def test_civilians_are_never_actor1_of_violence() -> None:
    """Rule acled.civilians-never-perpetrate: the civilians hurt are actor2, the unnamed attacker actor1."""
    from tests.events.helpers import events_of as evs

    ev = evs("Two villagers were wounded when a grenade exploded near the market.")[0]
    assert ev.actor1 is None or ev.actor1.type != "Civilians"
