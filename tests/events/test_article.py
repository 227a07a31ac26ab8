"""An invented multi-sentence article through the whole pipeline (slow): dates, places, merging."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from dateline.records import RawInput

pytestmark = pytest.mark.slow

BODY = (
    "Militants seized the town of Baiji on Tuesday after government troops withdrew from it, residents said.\n"
    "Clashes between the army and the militants continued on Wednesday on the outskirts of Tikrit, "
    "killing four soldiers.\n"
    "On Thursday, Iraqi forces recaptured Baiji, backed by coalition aircraft.\n"
    "The militants had entered Baiji without a fight in Tuesday's takeover, the army said.\n"
    "In Baghdad, hundreds of people protested against the government on Friday. "
    "Police fired tear gas to disperse them.\n"
    "The government plans to reopen the highway to Baiji next week."
)


@pytest.fixture(scope="module")
def events():  # type: ignore[no-untyped-def]
    doc = Pipeline.from_settings()(RawInput("article", "body", BODY, published="2015-06-14"))
    return doc.events


def _of(events, sub: str):  # type: ignore[no-untyped-def]
    return [e for e in events if e.sub_event_type == sub]


def test_takeover_after_a_withdrawal_is_a_non_violent_transfer(events) -> None:  # type: ignore[no-untyped-def]
    [ev] = _of(events, "Non-violent transfer of territory")
    assert ev.date is not None and ev.date.start == "2015-06-09"


def test_clash_dated_placed_and_counted(events) -> None:  # type: ignore[no-untyped-def]
    [ev] = _of(events, "Armed clash")
    assert ev.date is not None and ev.date.start == "2015-06-10"
    assert ev.fatalities == 4
    assert ev.location is not None and ev.location.geo_precision == 2  # the outskirts of Tikrit


def test_recapture_by_the_state_with_an_associated_actor(events) -> None:  # type: ignore[no-untyped-def]
    [ev] = _of(events, "Government regains territory")
    assert ev.actor1 is not None and ev.actor1.type == "State forces"
    assert ev.date is not None and ev.date.start == "2015-06-11"


def test_police_answer_in_the_next_sentence_makes_a_protest_with_intervention(events) -> None:  # type: ignore[no-untyped-def]
    assert _of(events, "Protest with intervention")
    assert not _of(events, "Peaceful protest")


def test_planned_reopening_is_not_reported(events) -> None:  # type: ignore[no-untyped-def]
    assert not _of(events, "Other")


def test_evidence_points_into_the_body(events) -> None:  # type: ignore[no-untyped-def]
    for ev in events:
        assert BODY[ev.evidence.start : ev.evidence.end] == ev.evidence.text
