"""Normalizers for relative and discourse expressions: quarters and fiscal periods,
today/yesterday, weekdays, "last week", "earlier this month", "two years ago",
"a year earlier", clock times and parts of the day."""

from __future__ import annotations

import datetime as dt
import re

from .anchoring import at, granularity, nearest_weekday, shift, year_for_month
from .context import Context, G, Normalized, duration_value, low, point_mod, unit_code
from .grammar import Candidate
from .lexicon import VAGUE, lexicon, month_number, parse_number, parse_ordinal

__all__ = ["n_ago", "n_ago_bare", "n_clock", "n_dawn", "n_daybefore", "n_pod", "n_quarter", "n_quarter_rel", "n_relday",
           "n_relunit", "n_unitend", "n_weekday", "n_yearago"]

_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "nights": "NI"}
#: a day named right after a clock time or part of the day ("at dawn on Wednesday", "11 p.m. local time Thursday")
_DAY_AFTER = re.compile(r"(?:\s+(?:local|[A-Z][a-z]+|[A-Z]{2,4})\s+time)?,?\s+(?:on\s+)?"
                        r"(?P<w>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tomorrow)\b")


def _period_ref(ctx: Context) -> str | None:
    """The quarter or half last mentioned, if the discourse is about one."""
    return ctx.last_ref if granularity(ctx.last_ref) in ("Q", "H") else None


def n_quarter(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    if g.get("qq"):
        letter, num = (g["qq"] or "Q1")[0], int((g["qq"] or "Q1")[1])
    else:
        letter, num = ("H" if low(g.get("u")) == "half" else "Q"), _QUARTERS[low(g.get("q"))]
        if letter == "H" and num > 2:
            return None
    if g.get("pl"):
        return "SET", f"XXXX-{letter}{num}", None
    qm = low(g.get("qm"))
    det = low(g.get("det"))
    back = 1 if ("year" in qm or g.get("ago")) else 0
    if g.get("y") or g.get("qy"):
        year = int(g.get("y") or g.get("qy") or 0)
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{letter}{num}", None
    elif g.get("yrel"):
        rel = low(g["yrel"])
        year = ctx.anchor.year + (-1 if rel in ("last", "the previous", "the prior") else
                                  1 if rel in ("next", "the following") else 0)
    elif det in ("last year's", "next year's", "this year's"):
        year = ctx.anchor.year + {"last year's": -1, "next year's": 1}.get(det, 0)
    else:
        current = (ctx.anchor.month - 1) // (3 if letter == "Q" else 6) + 1
        year = ctx.anchor.year  # financial news: the quarters of the current year, unless reported as past
        if num > current and ctx.direction(c) == "past":
            year -= 1
    return "DATE", f"{year - back:04d}-{letter}{num}", None


def n_quarter_rel(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    rel, unit = low(g.get("rel")), low(g.get("u"))
    back = 1 if ("year-ago" in rel or "year-earlier" in rel or "yearago" in rel or "year ago" in rel
                 or "last year" in rel or g.get("tail")) else 0
    if ctx.anchor is None:
        return "DATE", "XXXX" if "year" in unit else "XXXX-QX", None
    if "year" in unit:  # fiscal year
        delta = -1 if any(w in rel for w in ("last", "previous", "prior", "latest")) else (
            1 if "next" in rel else 0)
        return "DATE", f"{ctx.anchor.year + delta - back:04d}", None
    current = at(ctx.anchor, "Q")
    period = _period_ref(ctx)
    if g.get("qy"):
        year = int(g["qy"] or 0)
        return "DATE", f"{year:04d}-{period[5:]}" if period else f"{year:04d}", None
    if any(w in rel for w in ("current", "this")) and "this year's" not in rel:
        base: str | None = current
    elif rel.endswith("next"):
        base = shift(current, 1, "Q")
    elif any(w in rel for w in ("previous", "prior")) or rel == "last":
        base = shift(current, -1, "Q")
    elif period is not None:
        base = period
    elif rel == "that" or (unit == "period" and not back
                           and not any(w in rel for w in ("latest", "recent", "ended", "completed"))):
        return None
    else:
        base = shift(current, -1, "Q")
    if base is None:
        return None
    return "DATE", (shift(base, -1, "Y") if back else base) or base, None


def n_yearago(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    period = _period_ref(ctx)
    if period is not None:
        return "DATE", shift(period, -1, "Y") or period, None
    if ctx.anchor is None:
        return "DATE", "XXXX", None
    if low(g.get("u")) == "quarter":
        return "DATE", shift(at(ctx.anchor, "Q"), -5, "Q") or "XXXX-QX", None
    return "DATE", f"{ctx.anchor.year - 1:04d}", None


def _day_of(word: str | None, ctx: Context, c: Candidate) -> dt.date | None:
    """The day named by today/yesterday/tomorrow/tonight or a weekday, or None."""
    w = low(word)
    if ctx.anchor is None:
        return None
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}
    if w in offsets:
        return ctx.anchor + dt.timedelta(days=offsets[w])
    wd = lexicon()["weekdays"].get(w)
    if wd:
        mode = ctx.direction(c)
        return nearest_weekday(ctx.anchor, wd, "on_or_after" if mode == "future" else "on_or_before")
    return None


def n_relday(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    w = low(g.get("w"))
    mod = point_mod(g.get("pm"))
    day = _day_of(w, ctx, c)
    value = day.isoformat() if day else "XXXX-XX-XX"
    if w == "tonight":
        return "TIME", value + "TNI", mod
    if g.get("pod"):
        return "TIME", value + "T" + _POD[low(g["pod"])], mod
    return "DATE", value, mod


def n_weekday(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    wd: int = lexicon()["weekdays"][low(g.get("wd"))]
    pod = low(g.get("pod"))
    if g.get("pl") or pod == "nights":
        return "SET", f"XXXX-WXX-{wd}" + ("TNI" if pod == "nights" else ""), None
    mod = point_mod(g.get("pm"))
    rel = low(g.get("rel"))
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        ref = ctx.anchor
        if rel in ("the previous", "the following", "that") and granularity(ctx.last_ref) == "D":
            ref = dt.date.fromisoformat((ctx.last_ref or "")[:10])
        if rel in ("last", "past", "this past", "the previous"):
            mode = "before"
        elif rel in ("next", "coming", "this coming", "the following", "the next"):
            mode = "after"
        elif rel == "this":
            mode = "same_week"
        else:
            mode = "on_or_after" if ctx.direction(c) == "future" else "on_or_before"
        value = nearest_weekday(ref, wd, mode).isoformat()
    if pod:
        return "TIME", f"{value}T{_POD[pod]}", mod
    return "DATE", value, mod


_BACK = ("last", "the past", "the last", "the previous", "the prior", "the latest", "the most recent", "past")
_AHEAD = ("next", "the next", "the coming", "the following", "coming")


def n_relunit(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    rel, unit = low(g.get("rel")), unit_code(g.get("u"))
    mod = point_mod(g.get("pm"))
    if unit is None:
        return None
    if rel in ("the", "the full", "the whole", "the entire") and unit not in ("Y", "WE") and not mod:
        return None
    if rel == "the" and unit == "Y" and re.match(r"\s+(?:ended|ending|to|through)\b", ctx.text[c.end:c.end + 12]):
        return "DURATION", "P1Y", None
    if unit == "D" and rel not in ("the next", "the following", "the previous", "the prior", "that", "the same"):
        return None
    if ctx.anchor is None:
        return "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}.get(unit, "XXXX"), mod
    anchor_value = at(ctx.anchor, unit)
    discourse = rel in ("the previous", "the prior", "the following", "that", "the same")
    base = ctx.ref(unit) if discourse else anchor_value
    if base is None:
        return None
    if unit == "WE" and rel == "the":
        mode = ctx.direction(c)
        weekend = ctx.anchor.isoweekday() >= 6
        step = 0 if weekend or mode == "future" else -1
        return "DATE", shift(at(ctx.anchor, "W"), step, "W", "WE") or base, mod
    if rel == "the" and unit == "Y":
        return "DATE", base, mod
    step = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    return "DATE", shift(base, step, unit) or base, mod


def n_unitend(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    unit = "Y" if (g.get("u2") or low(g.get("u")) == "year" or low(g.get("u3")) == "year") else (
        "M" if low(g.get("u")) == "month" else "Q" if low(g.get("u")) == "quarter" else None)
    if unit is None:
        return None
    if ctx.anchor is None:
        return "DATE", "XXXX", "END"
    return "DATE", at(ctx.anchor, unit), "END"


def n_ago(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    n = parse_number(g.get("n") or "")
    unit = unit_code(g.get("u"))
    d = low(g.get("dir"))
    sign = -1 if d in ("ago", "earlier") else 1
    if n is None or unit is None or unit == "WE":
        return None
    if n == VAGUE:
        if d in ("earlier", "later") and unit in ("D", "W", "H", "MIN", "SEC"):
            return "DURATION", duration_value(VAGUE, unit), None
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    mod = "APPROX" if g.get("dm") else None
    if unit in ("H", "MIN", "SEC"):
        return "DURATION", f"PT{round(n)}{ {'H': 'H', 'MIN': 'M', 'SEC': 'S'}[unit]}", mod
    if ctx.anchor is None:
        return "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX"), mod
    if d in ("earlier", "later") and unit in ("D", "W"):
        return "DURATION", f"P{round(n)}{unit}", mod  # TimeBank: "three days later" is a duration
    k = round(n) if n >= 1 else 1
    period = _period_ref(ctx)
    if d in ("earlier", "later") and ctx.last_ref and granularity(ctx.last_ref):
        base = ctx.last_ref
        gran = granularity(base) or unit
        if unit in ("D", "W") and gran not in ("D", "W"):
            base, gran = at(ctx.anchor, unit), unit
        return "DATE", shift(base, sign * k, unit, gran) or base, mod
    if unit == "Y" and period is not None and period[:4] == f"{ctx.anchor.year:04d}":
        return "DATE", shift(period, sign * k, "Y") or period, mod
    gran = {"DE": "Y", "CE": "Y"}.get(unit, unit)
    return "DATE", shift(at(ctx.anchor, "D"), sign * k, unit, gran) or "XXXX", mod


def n_ago_bare(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    return "DATE", "PAST_REF", None


def _clock_day(g: G, ctx: Context, c: Candidate) -> str:
    if g.get("m") and g.get("d"):
        month, day = month_number(g["m"] or ""), parse_ordinal(g["d"] or "")
        if month and day and ctx.anchor:
            year = year_for_month(ctx.anchor, month, day, ctx.direction(c))
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                pass
        return "XXXX-XX-XX"
    word = g.get("day") or g.get("rel")
    if not word and (after := _DAY_AFTER.match(ctx.text, c.end)):
        word = after.group("w")
    found = _day_of(word, ctx, c) if word else None
    if found:
        return found.isoformat()
    if not word and granularity(ctx.last_ref) == "D":
        return (ctx.last_ref or "")[:10]
    return ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"


def n_clock(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    nm = low(g.get("nm"))
    if nm:
        hh, mi = (24, 0) if nm == "midnight" else (12, 0)
    else:
        hh, mi = int(g.get("h") or 0), int(g.get("mi") or 0)
        ap = low(g.get("ap"))
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or mi > 59:
            return None
    mod = "APPROX" if low(g.get("dm")) in ("around", "about", "approximately") else None
    return "TIME", f"{_clock_day(g, ctx, c)}T{hh:02d}:{mi:02d}", mod


def n_pod(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    rel = low(g.get("rel"))
    if rel == "the" or not (rel or g.get("day") or g.get("pm")):
        return None
    pod = _POD[low(g.get("pod"))]
    return "TIME", f"{_clock_day(g, ctx, c)}T{pod}", point_mod(g.get("pm"))


def n_dawn(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    """"at dawn", "before dusk": a part of the day (of the day named next, or of the reference day)."""
    pod = lexicon()["dawn_dusk"][low(g.get("pod"))]
    return "TIME", f"{_clock_day(g, ctx, c)}T{pod}", None


def n_daybefore(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    """"the day before", "the year after": one unit from the date last mentioned."""
    unit = unit_code(g.get("u"))
    base = ctx.ref(unit) if unit else None
    if unit is None or base is None:
        return None
    step = 1 if low(g.get("dir")) == "after" else -1
    return "DATE", shift(base, step, unit) or base, None
