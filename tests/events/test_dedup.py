"""Within-article de-duplication: one event however many times it is reported."""

from __future__ import annotations

from dateline.events.dedup import merge_duplicates, same_event
from dateline.records import Event, EventDate, Evidence, Location, Timex

from .helpers import events_of


def _ev(sub: str, start: str, conf: float, place: str = "1", pos: int = 0) -> Event:
    return Event(
        id=f"e{pos}", event_type="Battles", sub_event_type=sub, evidence=Evidence("x", pos, pos + 1),
        date=EventDate(start, start, "day"), location=Location("P", place, 1.0, 1.0, "XX", None, 1), confidence=conf,
    )


def test_same_report_twice_is_one_event_keeping_the_best_evidence() -> None:
    first, second = _ev("Armed clash", "2021-01-02", 0.7, pos=0), _ev("Armed clash", "2021-01-02", 0.9, pos=5)
    merged = merge_duplicates([first, second])
    assert len(merged) == 1
    assert merged[0].evidence.start == 5


def test_different_dates_stay_apart() -> None:
    a, b = _ev("Armed clash", "2021-01-02", 0.7), _ev("Armed clash", "2021-02-02", 0.9)
    assert not same_event(a, b)
    assert len(merge_duplicates([a, b])) == 2


def test_different_sub_events_stay_apart() -> None:
    assert len(merge_duplicates([_ev("Armed clash", "2021-01-02", 0.7), _ev("Attack", "2021-01-02", 0.9)])) == 2


def test_headline_and_body_repeats_merge() -> None:
    body = ("Fighters attacked an army base in the north on Monday. "
            "The assault on the base on Monday lasted four hours, officials said.")
    monday = [Timex("Monday", body.index("Monday"), body.index("Monday") + 6, "DATE", "2021-03-15", None,
                    "2021-03-15", "2021-03-15", "day")]
    second = body.index("Monday", monday[0].end)
    monday.append(Timex("Monday", second, second + 6, "DATE", "2021-03-15", None, "2021-03-15", "2021-03-15", "day"))
    evs = events_of(body, timexes=monday)
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
