"""Intervals from assertions: per place, part and facet, the timeline of values.

Never edited in place: :func:`derive_intervals` rebuilds a key's whole timeline from its
assertions, so adding, replacing or retracting a report just means deriving again.

Walking a key's usable assertions in valid-time order:

* a **transition** to another value closes the current interval (its end is the window in
  which the change happened) and opens one; its ``prior`` ("reopened" → closed before,
  "retook from X" → X held it) opens an **implied** interval when nothing was known;
* a **snapshot** of the current value confirms it (``last_confirmed``); of another value,
  it starts a new interval *as observed* on its date (the change fell since the last
  confirmation);
* a report of another value about the same time from another outlet (valid windows
  overlapping; within :data:`CONTEMPORARY` days when one is an observation), published
  within :data:`CONTEMPORARY` days of the current one's latest support, **contests** the
  interval instead of ending it; the value with more outlets (then the latest) leads;
  a later report (beyond those days) of one of the contested values settles the
  contest for that value (the other claims are dropped from the interval);
* planned, hypothetical and negated assertions never make a state (negated ones contest
  the value they deny); a **retraction** removes the matching reports published up to
  :data:`RETRACTION_WINDOW` days before it about that time (not older states they recall).

The last interval stays open: control (and any facet) persists until contrary evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from .model import Assertion, Interval, normalize_name

__all__ = ["CONTEMPORARY", "RETRACTION_WINDOW", "derive_intervals", "usable"]

#: days within which two conflicting reports count as about the same moment
CONTEMPORARY = 3
#: days before a retraction in which the reports it withdraws were published
RETRACTION_WINDOW = 60


def usable(assertions: Iterable[Assertion]) -> list[Assertion]:
    """The asserted assertions that no retraction withdraws."""
    items = list(assertions)
    retractions = [a for a in items if a.modality == "retracted"]
    out = []
    for a in items:
        if a.modality != "asserted":
            continue
        if any(_withdraws(r, a) for r in retractions):
            continue
        out.append(a)
    return out


def _withdraws(r: Assertion, a: Assertion) -> bool:
    if (r.place_id, r.part, r.facet, r.value) != (a.place_id, a.part, a.facet, a.value):
        return False
    if r.known_from is None or a.known_from is None:
        return True
    since = r.known_from - dt.timedelta(days=RETRACTION_WINDOW)
    recent = a.valid_end is None or a.valid_end >= since  # "closed since 2015" is not the report retracted
    return since <= a.known_from <= r.known_from and recent


def derive_intervals(assertions: Iterable[Assertion]) -> list[Interval]:
    """Every key's timeline (sorted by key, then time) from these assertions."""
    items = list(assertions)
    good = usable(items)
    denials = [a for a in items if a.modality == "negated"]
    by_key: dict[tuple[str, str, str, str], list[Assertion]] = defaultdict(list)
    for a in good:
        by_key[a.key].append(a)
    out: list[Interval] = []
    for key in sorted(by_key):
        out += _timeline(key, by_key[key], [d for d in denials if d.key == key])
    return out


def _order(a: Assertion) -> tuple[dt.date, int, int, dt.date, str]:
    # at one date: an undated change ("closed ... and reopened on Thursday": by then) before a dated one
    return (
        a.when,
        0 if a.mode == "transition" else 1,
        0 if a.valid_start is None else 1,
        a.known_from or dt.date.min,
        a.assertion_id,
    )


class _Open:
    """An interval being built, with its claims per value (several when contested)."""

    def __init__(self, a: Assertion, implied_value: str | None = None) -> None:
        self.claims: dict[str, list[Assertion]] = defaultdict(list)
        self.value = implied_value or a.value
        self.implied = implied_value is not None
        self.observed = a.mode == "snapshot" and implied_value is None
        if implied_value is None:
            self.start, self.start_latest, self.start_text = a.valid_start, a.valid_end, a.time_text
            self.claims[a.value].append(a)
        else:
            self.start, self.start_latest, self.start_text = None, None, None
        if self.observed:
            self.start = self.start_latest = a.valid_end or a.valid_start
        self.end: dt.date | None = None
        self.end_latest: dt.date | None = None

    def last_date(self) -> dt.date | None:
        last = self.latest_support()
        return (last.valid_end or last.when) if last else self.start

    def latest_support(self) -> Assertion | None:
        claims = [c for cs in self.claims.values() for c in cs]
        return max(claims, key=lambda c: (c.valid_end or c.when, c.known_from or dt.date.min)) if claims else None


def _same(a: str, b: str) -> bool:
    """One name within the other ("Unidentified Rebel Group" and "Unidentified Rebel Group (Syria)")."""
    x, y = set(normalize_name(a).split()), set(normalize_name(b).split())
    return bool(x and y) and (x <= y or y <= x)


def _contemporary(a: Assertion, current: _Open, any_source: bool = False) -> bool:
    last = current.latest_support()
    if last is None or (last.source == a.source and not any_source):
        return False
    days = dt.timedelta(days=CONTEMPORARY)
    if a.known_from and last.known_from and abs(a.known_from - last.known_from) > days:
        return False
    # two reported changes conflict only when their windows overlap; an observation within a few days of the
    # other report ("still control" the day "captured" is reported) conflicts with it
    slack = dt.timedelta(0) if a.mode == last.mode == "transition" else days
    a_start, a_end = a.valid_start or a.valid_end or a.when, a.valid_end or a.when
    l_start, l_end = last.valid_start or last.valid_end or last.when, last.valid_end or last.when
    return a_start <= l_end + slack and l_start <= a_end + slack


def _timeline(key: tuple[str, str, str, str], items: list[Assertion], denials: list[Assertion]) -> list[Interval]:
    done: list[_Open] = []
    current: _Open | None = None
    for a in sorted(items, key=_order):
        if current is not None and a.value in current.claims:
            if len(current.claims) > 1 and not _contemporary(a, current, any_source=True):
                current.claims = defaultdict(list, {a.value: current.claims[a.value]})  # a later report settles it
                current.value = a.value
            current.claims[a.value].append(a)
            continue
        if current is not None and a.value == current.value:
            current.claims[a.value].append(a)
            continue
        if current is not None and _contemporary(a, current):
            current.claims[a.value].append(a)
            continue
        if (
            a.mode == "transition"
            and a.prior
            and a.prior != a.value
            and not (current and _same(current.value, a.prior))
        ):
            before = current
            if current is not None:
                _close(current, a.valid_start, a.valid_start)
                done.append(current)
            current = _Open(a, implied_value=a.prior)
            if before is not None:  # "reopened": closed since the last report of what it was before
                current.start = current.start_latest = before.last_date()
                before.end = before.end_latest = current.start
        previous = current
        if current is not None:
            if a.mode == "transition":
                _close(current, a.valid_start, a.valid_end)
            else:
                last = current.latest_support()
                _close(current, (last.valid_end if last else None) or a.valid_start, a.valid_end)
            done.append(current)
        current = _Open(a)
        if current.start is None and previous is not None:  # an undated change: after what came before
            current.start = previous.last_date()
            if previous.end is None or (current.start and previous.end > current.start):
                previous.end = current.start
    if current is not None:
        done.append(current)
    return [_interval(key, o, denials) for o in done]


def _close(o: _Open, end: dt.date | None, end_latest: dt.date | None) -> None:
    o.end, o.end_latest = end or end_latest, end_latest or end


def _interval(key: tuple[str, str, str, str], o: _Open, denials: list[Assertion]) -> Interval:
    place_id, part, facet, slot = key
    ranked = sorted(
        o.claims.items(),
        key=lambda kv: (len({c.source for c in kv[1]}), max((c.valid_end or c.when) for c in kv[1])),
        reverse=True,
    )
    value = ranked[0][0] if ranked else o.value
    support = o.claims.get(value, [])
    sources = sorted({c.source or "unknown source" for c in support})
    alternatives = {v: sorted({c.source or "unknown source" for c in cs}) for v, cs in ranked[1:]}
    for d in denials:  # "denied that rebels had taken the town": contests the value it denies
        if d.value == value and d.source not in sources and _overlaps(d, o):
            alternatives.setdefault(f"not {value}", []).append(d.source or "unknown source")
    if o.implied and not support:
        status = "implied"
    elif alternatives:
        status = "contested"
    elif len(sources) >= 2:
        status = "confirmed"
    else:
        status = "single-source"
    last = max((c.valid_end or c.when for c in support), default=None)
    start, start_latest, start_text = o.start, o.start_latest, o.start_text
    if value != o.value and support:  # a contested start: date it from the leading value's first report
        first = min(support, key=_order)
        start, start_latest, start_text = first.valid_start, first.valid_end, first.time_text
    return Interval(
        place_id,
        part,
        facet,
        slot,
        value,
        start,
        start_latest,
        start_text,
        o.end,
        o.end_latest,
        status,
        o.observed,
        sources,
        last,
        alternatives,
        sorted(c.assertion_id for cs in o.claims.values() for c in cs),
    )


def _overlaps(d: Assertion, o: _Open) -> bool:
    when = d.valid_end or d.when
    return (o.start is None or when >= o.start) and (o.end is None or when <= (o.end_latest or o.end))
