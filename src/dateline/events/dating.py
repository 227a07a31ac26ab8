"""The date of an event, through the time stage's ``dateline.timex.dating.date_event``.

When that function is not available (the time stage not installed or older), a simple
stand-in is used: the date expression nearest the trigger in the sentence, else the
publication date; an expression whose interval ends before the publication date marks the
event historical.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..records import EventDate, Timex

__all__ = ["EventDating", "date_of"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class EventDating:
    date: EventDate | None
    historical: bool


@cache
def _date_event() -> Callable[..., Any] | None:
    try:
        return importlib.import_module("dateline.timex.dating").date_event  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        log.debug("dateline.timex.dating.date_event not available; events use the nearest date expression")
        return None


def _distance(body: str, timex: Timex, anchor: int) -> int:
    """Characters between a date expression and the trigger; each clause boundary counts 30 more."""
    lo, hi = (timex.end, anchor) if timex.end <= anchor else (anchor, timex.start)
    gap = body[lo:hi]
    return len(gap) + 30 * sum(gap.count(c) for c in ",;()—")


def _fallback(
    body: str, start: int, end: int, timexes: Sequence[Timex], published: str | None, trigger: int | None
) -> EventDating:
    inside = [t for t in timexes if t.type == "DATE" and t.start_date and start <= t.start and t.end <= end]
    if inside:
        anchor = trigger if trigger is not None else start
        t = min(inside, key=lambda x: _distance(body, x, anchor))
        historical = bool(published and t.end_date and t.end_date < published[:10])
        return EventDating(EventDate(t.start_date, t.end_date, t.precision, t.text), historical)
    if published:
        return EventDating(EventDate(published[:10], published[:10], "day", None), False)
    return EventDating(None, False)


def date_of(
    body: str,
    start: int,
    end: int,
    timexes: Sequence[Timex],
    published: str | None,
    *,
    trigger: int | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> EventDating:
    """When the event with evidence [start, end) happened, and whether it is background."""
    fn = _date_event()
    if fn is not None:
        try:
            got = fn(body, start, end, timexes, published, trigger=trigger, sentences=sentences)
            return EventDating(got.date, bool(got.historical))
        except Exception:  # another module's function: a failure must not sink the event
            log.debug("date_event failed; using the nearest date expression", exc_info=True)
    return _fallback(body, start, end, timexes, published, trigger)
