"""TIMEX3 values as closed intervals of days, with their precision.

``interval("2017", "END")`` is ``("2017-09-01", "2017-12-31", "part-of-year")``; values
that are not anchored (durations, sets, ``PAST_REF``, ``XXXX-10``) have no interval.
Also the calendar arithmetic the normalizer needs (ISO weeks, quarters, seasons).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["Interval", "interval", "iso_week", "month_end", "shift_months", "week_start"]

Interval = tuple[str, str, str]

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PARTS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?"
    r"|(?P<dec>\d{3})|(?P<cen>\d{2})"
)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by n months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def week_start(year: int, week: int) -> dt.date:
    """The Monday of ISO week ``week`` of ``year``."""
    return dt.date.fromisocalendar(year, week, 1)


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _span(value: str) -> tuple[dt.date, dt.date, str] | None:
    m = _VALUE.fullmatch(value)
    if not m:
        return None
    try:
        if m["dec"]:
            y = int(m["dec"]) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade"
        if m["cen"]:
            y = int(m["cen"]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
        y = int(m["y"])
        if y < 1:
            return None
        if m["d"]:
            d = dt.date(y, int(m["m"]), int(m["d"]))
            return d, d, "day"
        if m["m"]:
            mo = int(m["m"])
            return dt.date(y, mo, 1), month_end(y, mo), "month"
        if m["w"]:
            start = week_start(y, int(m["w"]))
            if m["we"]:
                return start + dt.timedelta(days=5), start + dt.timedelta(days=6), "part-of-week"
            return start, start + dt.timedelta(days=6), "week"
        if m["q"]:
            q = int(m["q"])
            return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter"
        if m["h"]:
            h = int(m["h"])
            return dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h), "part-of-year"
        if m["s"]:
            first, last = _SEASONS[m["s"]]
            end_year = y + 1 if first > last else y
            return dt.date(y, first, 1), month_end(end_year, last), "season"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    except ValueError:
        return None


def interval(value: str | None, mod: str | None = None) -> Interval | None:
    """The closed day interval and precision of a TIMEX3 date value, narrowed by ``mod``."""
    if not value:
        return None
    span = _span(value)
    if span is None:
        return None
    start, end, precision = span
    if mod in _PARTS and precision not in ("day", "season", "quarter"):
        lo, hi = _PARTS[mod]
        if precision == "year":
            # thirds of a year on month boundaries: Jan-Apr, May-Aug, Sep-Dec
            first, last = int(lo * 12) + 1, int(hi * 12)
            start, end = dt.date(start.year, first, 1), month_end(start.year, last)
        elif precision == "month":  # early 1-10, mid 11-20, late 21-end
            first_day, last_day = {"START": (1, 10), "MID": (11, 20), "END": (21, end.day)}[mod]
            start, end = start.replace(day=first_day), start.replace(day=last_day)
        elif precision in ("decade", "century"):
            years = end.year - start.year + 1
            first_y = start.year + round(lo * years)
            last_y = start.year + round(hi * years) - 1
            start, end = dt.date(max(first_y, 1), 1, 1), dt.date(last_y, 12, 31)
        else:
            days = (end - start).days + 1
            new_start = start + dt.timedelta(days=round(lo * days))
            end = start + dt.timedelta(days=round(hi * days) - 1)
            start = new_start
        precision = "part-of-" + ("week" if precision == "part-of-week" else precision)
        if precision == "part-of-part-of-year":
            precision = "part-of-year"
    return start.isoformat(), end.isoformat(), precision
