"""TIMEX3 values as day intervals, and the calendar arithmetic behind anchoring."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex.anchoring import at, nearest_weekday, shift, year_for_month
from dateline.timex.intervals import interval


@pytest.mark.parametrize(("value", "mod", "expected"), [
    ("2019-09-30", None, ("2019-09-30", "2019-09-30", "day")),
    ("2019-09-30T17:00", None, ("2019-09-30", "2019-09-30", "day")),
    ("2019-09", None, ("2019-09-01", "2019-09-30", "month")),
    ("2020-02", "END", ("2020-02-21", "2020-02-29", "part-of-month")),
    ("2019-W39", None, ("2019-09-23", "2019-09-29", "week")),
    ("1990-W32-WE", None, ("1990-08-11", "1990-08-12", "part-of-week")),
    ("1989-Q3", None, ("1989-07-01", "1989-09-30", "quarter")),
    ("1989-H2", None, ("1989-07-01", "1989-12-31", "part-of-year")),
    ("2014-SU", None, ("2014-06-01", "2014-08-31", "season")),
    ("2014-WI", None, ("2014-12-01", "2015-02-28", "season")),
    ("2017", None, ("2017-01-01", "2017-12-31", "year")),
    ("2017", "START", ("2017-01-01", "2017-04-30", "part-of-year")),
    ("2017", "MID", ("2017-05-01", "2017-08-31", "part-of-year")),
    ("2017", "END", ("2017-09-01", "2017-12-31", "part-of-year")),
    ("2017", "APPROX", ("2017-01-01", "2017-12-31", "year")),
    ("199", None, ("1990-01-01", "1999-12-31", "decade")),
    ("198", "END", ("1987-01-01", "1989-12-31", "part-of-decade")),
    ("19", None, ("1900-01-01", "1999-12-31", "century")),
])
def test_interval(value: str, mod: str | None, expected: tuple[str, str, str]) -> None:
    assert interval(value, mod) == expected


@pytest.mark.parametrize("value", ["P3W", "PXY", "XXXX-WXX-1", "XXXX-10", "PRESENT_REF", "PAST_REF", "", None,
                                   "2019-13", "2019-02-30", "0000"])
def test_no_interval_for_unanchored_or_invalid_values(value: str | None) -> None:
    assert interval(value) is None


def test_at_units() -> None:
    day = dt.date(2019, 9, 30)
    assert [at(day, u) for u in ("D", "W", "WE", "M", "Q", "H", "S", "Y", "DE", "CE")] == [
        "2019-09-30", "2019-W40", "2019-W40-WE", "2019-09", "2019-Q3", "2019-H2", "2019-FA", "2019", "201", "20"]


@pytest.mark.parametrize(("value", "n", "unit", "expected"), [
    ("1989-Q3", -1, "Y", "1988-Q3"),
    ("1989-Q1", -1, "Q", "1988-Q4"),
    ("2019-09-30", 1, "D", "2019-10-01"),
    ("2020-02-29", -1, "Y", "2019-02-28"),
    ("2019-W01", -1, "W", "2018-W52"),
    ("2014-SU", -1, "Y", "2013-SU"),
    ("199", -1, "DE", "198"),
])
def test_shift(value: str, n: int, unit: str, expected: str) -> None:
    assert shift(value, n, unit) == expected


@pytest.mark.parametrize(("mode", "expected"), [
    ("on_or_before", "2019-09-30"), ("before", "2019-09-23"), ("on_or_after", "2019-09-30"),
    ("after", "2019-10-07"), ("same_week", "2019-09-30")])
def test_nearest_weekday(mode: str, expected: str) -> None:
    assert nearest_weekday(dt.date(2019, 9, 30), 1, mode).isoformat() == expected


@pytest.mark.parametrize(("month", "day", "mode", "year"), [
    (3, None, "past", 2019), (3, None, "future", 2020), (3, None, None, 2020),
    (11, 20, "past", 2019), (12, 1, "past", 2019), (1, 2, "future", 2020), (6, None, None, 2019),
    (9, None, "after", 2020),
    (11, None, "before", 2018), (8, None, "before", 2019)])
def test_year_for_month(month: int, day: int | None, mode: str | None, year: int) -> None:
    # anchored on 2019-11-02; the tense may reach TENSE_REACH months, else the nearest wins
    assert year_for_month(dt.date(2019, 11, 2), month, day, mode) == year
