"""date_event on invented multi-sentence stories: background past perfect, carried-forward dates,
"on Monday" in a Tuesday story, year boundaries, leap days."""

from __future__ import annotations

from dateline.timex import tag
from dateline.timex.dating import EventDating, date_event, split_sentences


def _date(body: str, trigger_word: str, published: str, occurrence: int = 0) -> EventDating:
    timexes = tag(body, published)
    at = -1
    for _ in range(occurrence + 1):
        at = body.index(trigger_word, at + 1)
    start, end = next((s, e) for s, e in split_sentences(body) if s <= at < e)
    return date_event(body, start, end, timexes, published, trigger=at)


RAID = (
    "Gunmen stormed a village in Zamfara state on Monday, killing 12 people, police said on Tuesday. "
    "The attackers burned homes and stole cattle. "
    "The same gang had abducted 40 schoolgirls from the area in March.\n"
    "Troops were deployed to the village on Tuesday."
)


def test_monday_in_a_tuesday_story_is_the_day_before() -> None:
    got = _date(RAID, "stormed", "2021-06-15")
    assert (got.date.start, got.date.precision, got.historical) == ("2021-06-14", "day", False)


def test_undated_follow_up_sentence_carries_monday_forward() -> None:
    got = _date(RAID, "burned", "2021-06-15")
    assert got.date is not None and got.date.start == "2021-06-14"


def test_past_perfect_background_keeps_its_month_and_is_historical() -> None:
    got = _date(RAID, "abducted", "2021-06-15")
    assert (got.date.start, got.date.end, got.historical) == ("2021-03-01", "2021-03-31", True)


def test_a_new_paragraph_does_not_inherit_but_has_its_own_date() -> None:
    got = _date(RAID, "deployed", "2021-06-15")
    assert got.date.start == "2021-06-15" and not got.historical


NEW_YEAR = (
    "Fireworks injured 40 people across the country on New Year's Eve, the health ministry said on Thursday. "
    "Hospitals in the capital treated most of the victims. "
    "Last year, 52 people were hurt."
)


def test_year_boundary_new_years_eve_is_last_year() -> None:
    got = _date(NEW_YEAR, "injured", "2020-01-02")
    assert (got.date.start, got.historical) == ("2019-12-31", False)


def test_year_boundary_carry_forward_stays_in_last_year() -> None:
    assert _date(NEW_YEAR, "treated", "2020-01-02").date.start == "2019-12-31"


def test_year_boundary_last_year_is_the_previous_calendar_year() -> None:
    got = _date(NEW_YEAR, "hurt", "2020-01-02")
    assert (got.date.start, got.date.end, got.date.precision) == ("2019-01-01", "2019-12-31", "year")


def test_december_in_a_january_story_is_last_december() -> None:
    body = "Protesters clashed with police in December. The government resigned on Friday."
    assert _date(body, "clashed", "2020-01-06").date.start == "2019-12-01"
    assert _date(body, "resigned", "2020-01-06").date.start == "2020-01-03"


def test_leap_day_story() -> None:
    body = "The rebels signed the accord on Saturday, February 29. Fighting had ended in late January."
    got = _date(body, "signed", "2020-03-02")
    assert (got.date.start, got.historical) == ("2020-02-29", False)
    background = _date(body, "ended", "2020-03-02")
    assert background.date.start == "2020-01-21" and background.historical


def test_two_events_of_one_sentence_get_their_own_dates() -> None:
    body = ("Rebels who had seized the town in 2016 withdrew on Sunday, residents said.")
    assert _date(body, "withdrew", "2019-12-31").date.start == "2019-12-29"
    seized = _date(body, "seized", "2019-12-31")
    assert seized.date.start == "2016-01-01" and seized.historical


def test_undated_past_perfect_event_has_no_date() -> None:
    body = "Police said the suspect had attacked two guards before fleeing."
    got = _date(body, "attacked", "2019-12-31")
    assert got.date is None and got.historical


def test_future_weekday_across_the_year_boundary() -> None:
    body = "The central bank will cut its main rate on Thursday."
    got = _date(body, "cut", "2019-12-31")
    assert got.date.start == "2020-01-02" and not got.historical
