"""Normalizers for named dates: ISO and numeric dates, month names, seasons, years,
decades and centuries (anchored on the publication date when the year is missing)."""

from __future__ import annotations

import datetime as dt

from .anchoring import season_at, year_for_month
from .context import Context, G, Normalized, habitual, half_of, look, low, point_mod
from .grammar import Candidate
from .lexicon import lexicon, month_number, parse_number, parse_ordinal, parse_year

__all__ = ["n_century", "n_date", "n_decade", "n_holiday", "n_iso", "n_month", "n_season", "n_slash", "n_spelled_year",
           "n_year"]

def n_iso(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    value = f"{g['y']}-{g['mo']}-{g['d']}"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    if g.get("hh"):
        return "TIME", f"{value}T{g['hh']}:{g['mi']}", None
    return "DATE", value, None


def n_slash(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    a, b, y = int(g["a"] or 0), int(g["b"] or 0), int(g["y"] or 0)
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return "DATE", dt.date(y, month, day).isoformat(), None
    except ValueError:
        return None


def n_date(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    month = month_number(g["m"] or "")
    day = parse_ordinal(g["d"] or "")
    if month is None or day is None or not 1 <= day <= 31:
        return None
    if g.get("y"):
        year = parse_year(g["y"] or "") or 0
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    else:
        mode = look(g.get("rel"), ctx, c)
        year = year_for_month(ctx.anchor, month, day, {"before": "past", "after": "future"}.get(mode or "", mode))
        weekday = lexicon()["weekdays"].get(low(g.get("wd")))
        if weekday:  # "Friday, April 6": the year in which April 6 is a Friday, if one is near
            year = next((y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == weekday), year)
    try:
        return "DATE", dt.date(year, month, day).isoformat(), point_mod(g.get("pm"))
    except ValueError:
        return None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None


def n_month(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    month = month_number(g["m"] or "")
    if month is None:
        return None
    mod = point_mod(g.get("pm"))
    if g.get("y"):
        year = parse_year(g["y"] or "") or 0
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod
    elif g.get("yrel"):
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[low(g["yrel"])]
    elif low(g.get("rel")) == "this":
        year = ctx.anchor.year
    elif not g.get("rel") and habitual(ctx, c):
        return "DATE", f"XXXX-{month:02d}", mod
    else:
        year = year_for_month(ctx.anchor, month, None, look(g.get("rel"), ctx, c))
    return "DATE", f"{year:04d}-{month:02d}", mod


def n_season(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    code: str = lexicon()["seasons"][low(g["s"])]
    mod = point_mod(g.get("pm")) or point_mod(g.get("pm2"))
    if g.get("y"):
        return "DATE", f"{parse_year(g['y'] or '') or 0:04d}-{code}", mod
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", mod
    if g.get("yrel"):
        return "DATE", f"{ctx.anchor.year + {'this': 0, 'last': -1, 'next': 1}[low(g['yrel'])]:04d}-{code}", mod
    if low(g.get("rel")) in ("", "the") and habitual(ctx, c):
        return "DATE", f"XXXX-{code}", mod
    codes = ("SP", "SU", "FA", "WI")
    year, now_code = season_at(ctx.anchor)
    here = year * 4 + codes.index(now_code)
    same = ctx.anchor.year * 4 + codes.index(code)
    mode = look(g.get("rel"), ctx, c) if low(g.get("rel")) not in ("", "the") else ctx.direction(c)
    if mode == "before":
        k = same if same < here else same - 4
    elif mode == "after":
        k = same if same > here else same + 4
    elif mode == "past":
        k = same if same <= here else same - 4
    elif mode == "future":
        k = same if same >= here else same + 4
    else:
        k = same
    return "DATE", f"{k // 4:04d}-{code}", mod


def n_year(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    year = parse_year(g["y"] or "")
    if year is None:
        return None
    half = half_of(g.get("pm"))
    if half:
        return "DATE", f"{year:04d}-{half}", None
    mod = point_mod(g.get("pm"))
    after = low(g.get("after"))
    if after:
        mod = "ON_OR_BEFORE" if "earlier" in after else "ON_OR_AFTER"
    return "DATE", f"{year:04d}", mod


def n_spelled_year(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    words = low(g["yw"]).replace("-", " ").split()
    if words[:1] == ["nineteen"]:
        rest = parse_number(" ".join(words[1:]))
        year = 1900 + int(rest or 0)
    else:
        rest = parse_number(" ".join(words[2:])) if len(words) > 2 else 0
        year = 2000 + int(rest or 0)
    return "DATE", f"{year:04d}", point_mod(g.get("pm"))


def _century_of(two_digits: int, anchor: dt.date | None) -> int:
    if anchor and anchor.year >= 2000 and two_digits <= anchor.year % 100:
        return 20
    return 19


def n_decade(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    mod = point_mod(g.get("pm")) or point_mod(g.get("pm2"))
    if g.get("dec"):
        dec = g["dec"] or ""
        return "DATE", dec[:2] if dec.endswith("00") else dec[:3], mod  # "the 1800s" is a century
    if g.get("dd"):
        dd = int(g["dd"] or 0)
        return "DATE", f"{_century_of(dd, ctx.anchor)}{dd // 10}", mod
    if not g.get("the"):
        return None
    digit = lexicon()["decade_words"][low(g["dw"])]
    return "DATE", f"{_century_of(digit * 10, ctx.anchor)}{digit}", mod


def n_century(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    n = parse_ordinal(low(g["c"]))
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", point_mod(g.get("pm")) or point_mod(g.get("pm2"))


def n_holiday(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    """Fixed-date holidays ("Christmas", "New Year's Eve"): the nearest occurrence, as a month and day."""
    name = " ".join(low(g.get("h")).replace("\u2019", "'").split())
    month, day = lexicon()["holidays"][name]
    if g.get("y"):
        year = parse_year(g["y"] or "") or 0
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    else:
        year = year_for_month(ctx.anchor, month, day, ctx.direction(c))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None
