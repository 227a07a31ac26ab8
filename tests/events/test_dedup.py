"""Within-article de-duplication: one event however many times it is reported."""

from __future__ import annotations

from dateline.events.dedup import merge_duplicates, same_event
from dateline.records import Event, EventDate, Evidence, Location, Timex

from .helpers import events_of


def _ev(sub: str, start: str, conf: float, place: str = "1", pos: int = 0) -> Event:
    return Event(
        id=f"e{pos}", event_type="Battles", sub_event_type=sub, evidence=Evidence("x", pos, pos + 1),
        date=EventDate(start, start, "day", start), location=Location("P", place, 1.0, 1.0, "XX", None, 1),
        confidence=conf,
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


def _undated(sub: str, loc: Location, pos: int, conf: float = 0.8) -> Event:
    return Event(id=f"u{pos}", event_type="Violence against civilians", sub_event_type=sub,
                 evidence=Evidence("x", pos, pos + 1), date=None, location=loc, confidence=conf)


_COUNTRY = Location("Russia", "2017370", 60.0, 100.0, "RU", None, 3)
_TOWN = Location("Salisbury", "2638664", 51.07, -1.80, "GB", "England", 1)
_OTHER_TOWN = Location("Leeds", "2644688", 53.80, -1.55, "GB", "England", 1)


def test_a_passing_country_does_not_split_an_occurrence() -> None:  # dedup.passing-country
    # "poisoned with a nerve agent developed by the Soviet Union" placed in Russia; the poisoning was in Salisbury
    assert same_event(_undated("Attack", _COUNTRY, 0), _undated("Attack", _TOWN, 50))
    assert len(merge_duplicates([_undated("Attack", _COUNTRY, 0), _undated("Attack", _TOWN, 50)])) == 1


def test_two_towns_stay_two_events() -> None:
    assert not same_event(_undated("Attack", _OTHER_TOWN, 0), _undated("Attack", _TOWN, 50))


def test_a_passing_country_needs_the_same_sub_event() -> None:
    a = _undated("Attack", _COUNTRY, 0)
    b = _undated("Abduction/forced disappearance", _TOWN, 50)
    assert not same_event(a, b)


def test_dated_reports_in_two_countries_stay_apart() -> None:
    a, b = _undated("Attack", _COUNTRY, 0), _undated("Attack", _TOWN, 50)
    a.date = EventDate("2021-03-01", "2021-03-01", "day", "on Monday")
    b.date = EventDate("2021-03-01", "2021-03-01", "day", "on Monday")
    assert not same_event(a, b)


def test_an_unstated_date_agrees_with_a_stated_one() -> None:  # dedup.unstated-date
    a, b = _undated("Attack", _TOWN, 0), _undated("Attack", _TOWN, 50)
    a.date = EventDate("2021-03-06", "2021-03-06", "day", None)  # the headline: the publication day
    b.date = EventDate("2021-03-01", "2021-03-01", "day", "on Sunday")
    assert same_event(a, b)
    b.date = EventDate("2014", "2014", "year", "in 2014")
    b.historical = True  # a dated past event is another occurrence
    assert not same_event(a, b)


def test_another_incident_is_another_event() -> None:  # dedup.another-incident
    first = _undated("Attack", _TOWN, 0)
    first.evidence = Evidence("Gunmen killed two guards at a checkpoint in Salisbury on Sunday.", 0, 60)
    second = _undated("Attack", _TOWN, 100)
    second.evidence = Evidence("In a separate attack, gunmen shot a driver near the station, police said.", 100, 170)
    assert not same_event(first, second)
    second.evidence = Evidence("The attack on the checkpoint lasted ten minutes, police said.", 100, 160)
    assert same_event(first, second)


def test_a_country_the_sentence_puts_the_event_in_is_its_own_place() -> None:  # dedup.passing-country
    niger = _undated("Attack", Location("Niger", "2440476", 17.0, 9.0, "NE", None, 3), 100)
    niger.evidence = Evidence("In neighbouring Niger, gunmen killed three herders near the border.", 100, 170)
    mali = _undated("Attack", Location("Gao", "2457163", 16.27, -0.04, "ML", "Gao", 1), 0)
    assert not same_event(mali, niger)
