"""The published-date parser: odd forms, day-first ambiguity, and no guessing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.article.dates import parse_date, to_iso

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sep 30,2019", D(2019, 9, 30)),
        ("Sep 30, 2019", D(2019, 9, 30)),
        ("30/09/2019", D(2019, 9, 30)),
        ("2019-09-30T08:12:00+03:00", D(2019, 9, 30)),
        ("2019-09-30T23:59:00-05:00", D(2019, 9, 30)),
        ("Monday 30 September 2019", D(2019, 9, 30)),
        ("30 Sept. 2019 14:05 GMT", D(2019, 9, 30)),
        ("September 30th, 2019", D(2019, 9, 30)),
        ("30th of September, 2019", D(2019, 9, 30)),
        ("30-Sep-2019", D(2019, 9, 30)),
        ("2019/09/30", D(2019, 9, 30)),
        ("20190930", D(2019, 9, 30)),
        ("Updated 10:15 AM GMT, Sept 30, 2019", D(2019, 9, 30)),
        ("Mon, 30 Sep 2019 08:12:00 +0000", D(2019, 9, 30)),
        ("30.09.19", D(2019, 9, 30)),
        ("04/05/2019", D(2019, 5, 4)),  # ambiguous: day first
        ("09/30/2019", D(2019, 9, 30)),  # day first impossible: month first
        ("Published 1 March 2020, updated 2 March 2020", D(2020, 3, 1)),
    ],
)
def test_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "September 2019",  # no day
        "2019",  # no day, no month
        "Sept 4",  # no year
        "Monday",
        "2 hours ago",
        "yesterday",
        "1569830400",  # epoch seconds are not read
        "31/02/2019",  # no such day
        "2019-13-45",
        "late 2017",
        "the summer of 2014",
        "Call 555-1234",
    ],
)
def test_incomplete_or_impossible_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_other_languages_fall_back_with_all_parts() -> None:
    assert parse_date("30 septembre 2019") == D(2019, 9, 30)
    assert parse_date("sexta-feira, 22 de outubro de 2010 às 20:13") == D(2010, 10, 22)
    assert parse_date("3 Ekim 2019") == D(2019, 10, 3)
    assert parse_date("2019年10月3日") == D(2019, 10, 3)
    assert parse_date("septembre 2019") is None


def test_long_lines_with_a_year_do_not_go_to_dateparser() -> None:
    assert parse_date("The 2020 campaign begins in earnest as 12 candidates line up for the first debate") is None


def test_to_iso() -> None:
    assert to_iso("Sep 30,2019") == "2019-09-30"
    assert to_iso(D(2019, 9, 30)) == "2019-09-30"
    assert to_iso(dt.datetime(2019, 9, 30, 8, 12)) == "2019-09-30"
    assert to_iso("not a date") is None
    assert to_iso(None) is None


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    found = parse_date(text)
    assert found is None or 1900 <= found.year <= 2100


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))
def test_round_trips_written_forms(day: dt.date) -> None:
    for text in (day.isoformat(), day.strftime("%d %B %Y"), day.strftime("%b %d,%Y"), day.strftime("%A %d %B %Y")):
        assert parse_date(text) == day, text
    if day.day > 12:
        assert parse_date(day.strftime("%m/%d/%Y")) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day
