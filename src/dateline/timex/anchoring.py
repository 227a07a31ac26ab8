"""Calendar arithmetic on TIMEX3 values: granularity, shifting, and reading a date at a unit.

``at(date(2019, 9, 30), "Q")`` is ``"2019-Q3"``; ``shift("1989-Q3", -1, "Y")`` is ``"1988-Q3"``;
weekday and month-name resolution look backwards or forwards from the anchor as the
tense asks.
"""

from __future__ import annotations

import datetime as dt
import re

from .intervals import iso_week, month_end, shift_months, week_start

__all__ = ["TENSE_REACH", "at", "coarser", "granularity", "nearest_weekday", "season_at", "shift", "start_of",
           "year_for_month"]

_SEASON_CODES = ("SP", "SU", "FA", "WI")
_GRAN = [
    (re.compile(r"\d{4}-\d{2}-\d{2}(T.*)?"), "D"),
    (re.compile(r"\d{4}-W\d{2}-WE"), "WE"),
    (re.compile(r"\d{4}-W\d{2}"), "W"),
    (re.compile(r"\d{4}-\d{2}"), "M"),
    (re.compile(r"\d{4}-Q[1-4]"), "Q"),
    (re.compile(r"\d{4}-H[12]"), "H"),
    (re.compile(r"\d{4}-(SP|SU|FA|WI)"), "S"),
    (re.compile(r"\d{4}"), "Y"),
    (re.compile(r"\d{3}"), "DE"),
    (re.compile(r"\d{2}"), "CE"),
]


def granularity(value: str | None) -> str | None:
    """D, WE, W, M, Q, H, S, Y, DE or CE for a concrete date value, else None."""
    if not value:
        return None
    for pattern, gran in _GRAN:
        if pattern.fullmatch(value):
            return gran
    return None


_ORDER = ("D", "WE", "W", "M", "Q", "S", "H", "Y", "DE", "CE")


def coarser(a: str, b: str) -> bool:
    """Whether granularity ``a`` is coarser than ``b`` (a year is coarser than a day)."""
    return _ORDER.index(a) > _ORDER.index(b) if a in _ORDER and b in _ORDER else False


def start_of(value: str) -> dt.date | None:
    """The first day of a concrete date value."""
    gran = granularity(value)
    try:
        if gran == "D":
            return dt.date.fromisoformat(value[:10])
        if gran in ("W", "WE"):
            return week_start(int(value[:4]), int(value[6:8]))
        if gran == "M":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        if gran == "Q":
            return dt.date(int(value[:4]), 3 * int(value[6]) - 2, 1)
        if gran == "H":
            return dt.date(int(value[:4]), 6 * int(value[6]) - 5, 1)
        if gran == "S":
            return dt.date(int(value[:4]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[value[5:]], 1)
        if gran == "Y":
            return dt.date(int(value), 1, 1)
        if gran == "DE":
            return dt.date(max(int(value) * 10, 1), 1, 1)
        if gran == "CE":
            return dt.date(max(int(value) * 100, 1), 1, 1)
    except ValueError:
        return None
    return None


def season_at(day: dt.date) -> tuple[int, str]:
    """The (year, code) of the meteorological season of a day; winter belongs to its December's year."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, _SEASON_CODES[(day.month - 3) // 3]


def at(day: dt.date, unit: str) -> str:
    """The value of unit ``unit`` (D, W, WE, M, Q, H, S, Y, DE, CE) that contains ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return iso_week(day)
    if unit == "WE":
        return iso_week(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "S":
        year, code = season_at(day)
        return f"{year:04d}-{code}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _move(day: dt.date, n: int, unit: str) -> dt.date:
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "S": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 12) * n
    y, m = shift_months(day.year, day.month, months)
    if y < 1:
        raise ValueError("year out of range")
    return dt.date(y, m, min(day.day, month_end(y, m).day))


def shift(value: str, n: int, unit: str, gran: str | None = None) -> str | None:
    """``value`` moved by n units, expressed at ``gran`` (default: the value's own granularity)."""
    start = start_of(value)
    own = granularity(value)
    if start is None or own is None:
        return None
    if own == "S" and unit == "Y":
        return f"{int(value[:4]) + n:04d}{value[4:]}"
    try:
        moved = _move(start, n, unit)
    except (ValueError, OverflowError):
        return None
    return at(moved, gran or own)


def nearest_weekday(anchor: dt.date, weekday: int, mode: str) -> dt.date:
    """The day with ISO weekday ``weekday`` nearest ``anchor``: mode is
    "on_or_before", "before", "on_or_after", "after" or "same_week"."""
    diff = weekday - anchor.isoweekday()
    if mode == "same_week":
        return anchor + dt.timedelta(days=diff)
    if mode in ("on_or_before", "before"):
        back = (-diff) % 7
        if back == 0 and mode == "before":
            back = 7
        return anchor - dt.timedelta(days=back)
    ahead = diff % 7
    if ahead == 0 and mode == "after":
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


#: how far (in months) the tense may push a month named without a year away from the nearest one
TENSE_REACH = 10


def year_for_month(anchor: dt.date, month: int, day: int | None, mode: str | None) -> int:
    """The year of a month (and day) named without one.

    The nearest occurrence wins, unless the tense ("past"/"future") points to the other
    side and that occurrence is within :data:`TENSE_REACH` months; "before"/"after"
    ("last May", "next May") exclude the anchor's month.
    """
    if mode in ("past", "future", None):
        here = anchor.month * 31 + (anchor.day if day is not None else 0)
        there = month * 31 + (day or 0)
        back_year = anchor.year if there <= here else anchor.year - 1
        fwd_year = back_year + 1
        back = (here - there) % (12 * 31) / 31
        fwd = 12 - back if back else 12.0
        if mode == "past" and back <= TENSE_REACH:
            return back_year
        if mode == "future" and fwd <= TENSE_REACH:
            return fwd_year
        return back_year if back <= fwd else fwd_year
    if mode == "before":
        return anchor.year - 1 if month >= anchor.month else anchor.year
    return anchor.year + 1 if month <= anchor.month else anchor.year


