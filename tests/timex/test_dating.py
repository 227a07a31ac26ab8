"""date_event: the governing expression of an event, narrative carry-forward, background events."""

from __future__ import annotations

import pytest

from dateline.records import EventDate
from dateline.timex import tag
from dateline.timex.dating import date_event, split_sentences

PUB = "2019-09-30"
SEED = (
    "A border crossing on a vital highway linking the capitals of Iraq and Syria, seized by the Daesh terror "
    "group in 2014, reopened on Monday, an AFP reporter said.\n"
    "Iraqi security forces had retaken the border post near the town of Al-Qaim in late 2017 as part of a "
    "massive operation backed by an international coalition against the extremists' self-proclaimed "
    "\"caliphate\".\n"
    "On Monday, an AFP video journalist saw trucks hauling cargo across the terminal.\n"
    "Another crossing was destroyed in fighting.\n"
)


def _date(body: str, trigger_word: str, published: str | None = PUB, *, use_trigger: bool = True):
    timexes = tag(body, published)
    at = body.index(trigger_word)
    sents = split_sentences(body)
    start, end = next((s, e) for s, e in sents if s <= at < e)
    return date_event(body, start, end, timexes, published, trigger=at if use_trigger else None)


def test_seed_reopening_is_news_of_monday() -> None:
    got = _date(SEED, "reopened")
    assert got.date == EventDate("2019-09-30", "2019-09-30", "day", "Monday")
    assert not got.historical


def test_seed_seizure_keeps_its_year_and_is_background() -> None:
    got = _date(SEED, "seized")
    assert got.date == EventDate("2014-01-01", "2014-12-31", "year", "2014")
    assert got.historical


def test_seed_retaking_in_late_2017_is_background() -> None:
    got = _date(SEED, "retaken")
    assert got.date == EventDate("2017-09-01", "2017-12-31", "part-of-year", "late 2017")
    assert got.historical


def test_without_trigger_the_participial_clause_does_not_date_the_main_event() -> None:
    got = _date(SEED, "reopened", use_trigger=False)
    assert got.date is not None and got.date.start == "2019-09-30"


def test_undated_present_news_falls_back_to_publication() -> None:
    got = _date(SEED, "destroyed")
    assert got.date == EventDate("2019-09-30", "2019-09-30", "day", None)
    assert not got.historical


def test_previous_sentence_date_carries_forward_in_narrative() -> None:
    body = "Fighting erupted in Aleppo on Tuesday. Twelve people were killed in the clashes."
    got = _date(body, "killed", "2019-10-03")
    assert got.date is not None and got.date.start == "2019-10-01" and got.date.text == "Tuesday"
    assert not got.historical


def test_no_carry_forward_across_paragraphs() -> None:
    body = "The town fell to the rebels in 2012.\nProtesters gathered in the square."
    got = _date(body, "gathered", PUB)
    assert got.date is not None and got.date.start == PUB


def test_past_perfect_without_date_is_background_and_undated() -> None:
    body = "Police said the suspects had attacked a checkpoint."
    got = _date(body, "attacked", PUB)
    assert got.date is None and got.historical


def test_past_perfect_but_recent_date_is_not_background() -> None:
    body = "Officials said the militants had attacked the base on Sunday."
    got = _date(body, "attacked", PUB)
    assert got.date is not None and got.date.start == "2019-09-29"
    assert not got.historical


def test_durations_and_sets_do_not_date_events() -> None:
    body = "The siege lasted three weeks and protests are held every Friday."
    got = _date(body, "siege", PUB)
    assert got.date is not None and got.date.start == PUB and got.date.text is None


def test_nearest_expression_in_the_trigger_clause_wins() -> None:
    body = "Troops clashed with rebels on Sunday, a year after the rebels took the town in August 2018."
    assert _date(body, "clashed").date.start == "2019-09-29"  # type: ignore[union-attr]
    took = _date(body, "took")
    assert took.date is not None and took.date.start == "2018-08-01" and took.historical


def test_sentence_initial_date_frames_the_main_clause() -> None:
    body = "On Monday, gunmen who had seized the town in 2014 attacked a checkpoint."
    assert _date(body, "attacked").date.start == "2019-09-30"  # type: ignore[union-attr]
    seized = _date(body, "seized")
    assert seized.date is not None and seized.date.start == "2014-01-01" and seized.historical


def test_future_event_is_dated_and_not_historical() -> None:
    body = "Elections will be held on 15 November 2019."
    got = _date(body, "held")
    assert got.date is not None and got.date.start == "2019-11-15" and not got.historical


def test_without_publication_date() -> None:
    body = "The town was bombed on Monday. In 2014 it had been seized."
    assert _date(body, "bombed", None).date is None
    got = _date(body, "seized", None)
    assert got.date is not None and got.date.start == "2014-01-01" and got.historical


@pytest.mark.parametrize(("published", "expected"), [("2019-10-05", False), ("2019-12-31", True)])
def test_historical_threshold(published: str, expected: bool) -> None:
    body = "Gunmen attacked the village on 28 September 2019."
    assert _date(body, "attacked", published).historical is expected


def test_split_sentences_offsets() -> None:
    body = 'He said "no." Then he left.\nA new line. 2014 was hard.'
    sents = split_sentences(body)
    assert [body[s:e] for s, e in sents] == ['He said "no."', "Then he left.", "A new line.", "2014 was hard."]


# ACLED-style short reports (issue 10): the report's own date, not a background or parenthetical one
def test_a_short_report_dates_a_later_sentence_from_its_opening() -> None:
    body = ("On 5 July 2025, soldiers clashed with militants near the village. Two soldiers were wounded. "
            "The soldiers took control of the village.")
    got = _date(body, "took", "2025-07-05")
    assert got.date is not None and got.date.start == "2025-07-05"


def test_a_date_in_parentheses_is_an_aside() -> None:
    body = "On 4 December 2025, the militants took control of the village (first seized by the army on 20 November)."
    got = _date(body, "took", "2025-12-04")
    assert got.date is not None and got.date.start == "2025-12-04"


def test_a_long_story_does_not_reach_back_three_sentences() -> None:
    body = ("Rebels entered the town on Monday. " + "Officials met. " * 6 + "Shops reopened. Police patrolled.")
    got = _date(body, "patrolled", PUB)
    assert got.date is not None and got.date.text is None
