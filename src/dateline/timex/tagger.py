"""The time tagger: recognize, normalize in text order (carrying the discourse reference
date along), and return :class:`~dateline.records.Timex` records with intervals."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..records import Timex
from .anchoring import granularity
from .context import Context
from .grammar import find
from .intervals import interval
from .normalize import normalize

__all__ = ["parse_anchor", "tag"]

_NO_REF = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
#: comparison expressions ("a year earlier", "the year-ago quarter") do not move the reference time
_COMPARISON = re.compile(r"year[- ]?(?:ago|earlier)|years?\s+(?:ago|earlier)|last\s+year's|previous|prior", re.I)


def parse_anchor(published: str | None) -> dt.date | None:
    """The day of an ISO publication date or timestamp ("2019-09-30", "1998-02-13T14:26:00")."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def to_timex(text: str, start: int, end: int, type_: str, value: str, mod: str | None,
             anchor: dt.date | None) -> Timex:
    """A Timex with the interval and precision its value (and mod) give."""
    span = None
    if type_ in ("DATE", "TIME"):
        if value == "PRESENT_REF" and anchor is not None:
            span = (anchor.isoformat(), anchor.isoformat(), "day")
        else:
            span = interval(value, mod)
    start_date, end_date, precision = span if span else (None, None, None)
    return Timex(text[start:end], start, end, type_, value, mod, start_date, end_date, precision)


def tag(text: str, published: str | None = None, nlp_doc: Any = None) -> list[Timex]:
    """All time expressions of ``text``, normalized against the publication date."""
    anchor = parse_anchor(published)
    ctx = Context(text, anchor, nlp_doc)
    out: list[Timex] = []
    for c in find(text):
        result = normalize(c, ctx)
        if result is None:
            continue
        type_, value, mod = result
        out.append(to_timex(text, c.start, c.end, type_, value, mod, anchor))
        ref = value[:10] if "T" in value else value
        if type_ in ("DATE", "TIME") and value not in _NO_REF and granularity(ref) and not _COMPARISON.search(
                text, c.start, c.end):
            ctx.last_ref = ref
    return out
