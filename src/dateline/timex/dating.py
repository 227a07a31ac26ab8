"""Event dating: which time expression governs an event, and is the event background?

The events stage calls :func:`date_event` with an event's evidence span (and, when it
knows them, the offset of the trigger word and the sentence boundaries). The governing
expression is looked for in the event's own sentence first (same comma-delimited clause
as the trigger, then the nearest), then in the previous sentence of the same paragraph
(narrative carries its date forward); only present-news reporting falls back to the
publication date. Durations and sets never date an event.

An event is *historical* when it ended clearly before publication (more than
:data:`HISTORICAL_DAYS` days) or is told in the past perfect ("had retaken") as background.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import EventDate, Timex
from .tagger import parse_anchor

__all__ = ["HISTORICAL_DAYS", "EventDating", "date_event", "split_sentences"]

#: an event that ended more than this many days before publication is background
HISTORICAL_DAYS = 30

_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|already|never|just|\w+ly)\s+)?(?:been\s+)?\w+(?:ed|en|t|wn|ne|un)\b", re.I)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Gov|Sen|Rep|St|Jr|Sr|Prof|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|"
    r"Dec)|\b[A-Z])\.$")
#: a date that only says when something was reported ("police said on Tuesday")
_REPORTED = re.compile(r"\b(?:said|says|told|announced|reported|added|confirmed|stated)\s+(?:\w+\s+){0,3}?(?:on\s+)?$",
                       re.I)
_FRAME = re.compile(r"\W*(?:(?:on|in|since|by|early|late|last|since|from|during|at)\s+)?", re.I)
_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_SUBORDINATE = re.compile(r"\s*(?:\w+(?:ed|en)\s+by\b|which\b|who\b|whose\b|when\b|after\b|before\b|since\b|until\b|"
                          r"where\b|as\s+part\b)", re.I)


_NAMED_AFTER = re.compile(r"\s+(?:neighbou?rhood|street|square|bridge|district|stadium|avenue|road|camp|hospital|"
                          r"school|university|brigade|battalion|movement|front|revolution|city)\b", re.I)
#: what a note's header line may hold besides its date
_HEADER_REST = re.compile(r"\b(?:on|or|around|about|before|after|as reported|reported|week of|the|of)\b", re.I)


@dataclass(frozen=True, slots=True)
class EventDating:
    date: EventDate | None  # records.EventDate(start, end, precision, text)
    historical: bool  # the event is background, not news of the publication date


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries (offsets into ``body``) for when no parse is at hand."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(body):
        if "\n" not in m.group() and _ABBREVIATION.search(body, max(0, m.start() - 8), m.start()):
            continue  # "Mr. Smith", "Jan. 5"
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(body):
        out.append((start, len(body)))
    return out


def _dates(timexes: Sequence[Timex]) -> list[Timex]:
    """The expressions that can date an event: DATE/TIME with an interval (durations and sets cannot)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.start_date and t.end_date]


def _segment(body: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    """The comma-delimited clause of [lo, hi) that contains ``pos``."""
    left, right = lo, hi
    for m in _CLAUSE_BREAK.finditer(body, lo, hi):
        if m.end() <= pos:
            left = m.end()
        elif m.start() >= pos:
            right = m.start()
            break
    return left, right


def _breaks_between(body: str, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return len(_CLAUSE_BREAK.findall(body, lo, hi))


def _pick(body: str, cands: list[Timex], lo: int, hi: int, trigger: int | None) -> Timex | None:
    if not cands:
        return None
    if trigger is not None:
        trigger_background = _past_perfect(body, lo, hi, trigger)
        word = _WORD.match(body, trigger)
        trigger_end = word.end() if word else trigger

        def cost(t: Timex) -> tuple[int, int, int]:
            after = t.start >= trigger
            gap = t.start - trigger_end if after else trigger - t.end
            breaks = _breaks_between(body, trigger, t.start if after else t.end)
            if not after and _FRAME.fullmatch(body, lo, t.start):
                breaks = 0  # a sentence-initial "On Monday," frames the main clause
            # a date told in the past perfect belongs to a background clause, unless the trigger's is too
            window = max(lo, t.start - 40)
            told_before = [m for m in _PAST_PERFECT.finditer(body, window, t.start)
                           if not m.end() <= trigger < t.start]  # "who had seized … withdrew on Sunday"
            background = 0 if trigger_background else int(bool(told_before))
            return background, breaks, max(gap, 0)
        if not _aside(body, lo, trigger):  # "(… took control on 19 June - coded separately)": another event's date
            cands = [t for t in cands if not _aside(body, lo, t.start)]
        return min(cands, key=cost) if cands else None

    def subordinate(t: Timex) -> int:
        s, _ = _segment(body, lo, hi, t.start)
        return 1 if s > lo and _SUBORDINATE.match(body, s) else 0
    return min(cands, key=lambda t: (subordinate(t), t.start))


#: how many sentences back a later sentence of a short report (at most REPORT_SENTENCES) looks for its date
REPORT_REACH = 3
REPORT_SENTENCES = 6


def _aside(body: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` sits inside parentheses opened after ``lo``."""
    return body.rfind("(", lo, pos) > body.rfind(")", lo, pos)


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]]) -> int | None:
    for i, (s, e) in enumerate(sentences):
        if s <= pos < e or (pos == e and i == len(sentences) - 1):
            return i
    return None


def _past_perfect(body: str, lo: int, hi: int, trigger: int | None) -> bool:
    """Whether the event is told in the past perfect: the trigger is (or directly precedes) "had …"."""
    if trigger is None:
        return bool(_PAST_PERFECT.search(body, lo, hi))
    s, e = _segment(body, lo, hi, trigger)
    for m in _PAST_PERFECT.finditer(body, max(s, trigger - 40), min(e, trigger + 40)):
        if m.start() <= trigger < m.end() or 0 <= m.start() - trigger <= 25:
            return True
    return False


def _header_date(body: str, sents: Sequence[tuple[int, int]], usable: Sequence[Timex]) -> Timex | None:
    """The day a short report opens with as a sentence of its own ("20 January.", "01 March (on or around)."),
    ACLED's header of a note: it dates the note's event unless the event's sentence gives a day."""
    if not sents or len(sents) > REPORT_SENTENCES:
        return None
    lo, hi = sents[0]
    days = [t for t in usable if lo <= t.start and t.end <= hi and t.precision == "day"]
    if len(days) != 1 or _WORD.search(_HEADER_REST.sub(" ", body[lo:days[0].start] + body[days[0].end : hi])):
        return None
    return days[0]


def _event_date(t: Timex) -> EventDate:
    return EventDate(t.start_date, t.end_date, t.precision, t.text)


def _historical(date: EventDate | None, anchor: dt.date | None, past_perfect: bool) -> bool:
    if date is None or date.end is None or anchor is None:
        return past_perfect
    try:
        end = dt.date.fromisoformat(date.end)
    except ValueError:
        return past_perfect
    if end < anchor - dt.timedelta(days=HISTORICAL_DAYS):
        return True
    return past_perfect and end < anchor - dt.timedelta(days=3)


def date_event(body: str, evidence_start: int, evidence_end: int, timexes: Sequence[Timex],
               published: str | None, *, trigger: int | None = None,
               sentences: Sequence[tuple[int, int]] | None = None) -> EventDating:
    """When the event told in ``body[evidence_start:evidence_end]`` happened, and whether it is background."""
    anchor = parse_anchor(published)
    sents = list(sentences) if sentences else split_sentences(body)
    pivot = trigger if trigger is not None and evidence_start <= trigger < max(evidence_end, trigger + 1) else None
    first = _sentence_of(evidence_start, sents)
    last = _sentence_of(max(evidence_start, evidence_end - 1), sents)
    lo = sents[first][0] if first is not None else evidence_start
    hi = sents[last][1] if last is not None else evidence_end
    lo, hi = min(lo, evidence_start), max(hi, evidence_end)
    # rule dating.named-date: "July 7 neighbourhood", "the 6 October bridge": a date in a place's name
    usable = [t for t in _dates(timexes) if not _NAMED_AFTER.match(body, t.end)]
    if pivot is not None:
        at = _sentence_of(pivot, sents)
        if at is not None:
            lo, hi = min(lo, sents[at][0]), max(hi, sents[at][1])
    past_perfect = _past_perfect(body, lo, hi, pivot)
    own = [t for t in usable if lo <= t.start and t.end <= hi]
    chosen = _pick(body, own, lo, hi, pivot)
    back = first
    while chosen is None and back is not None and back > 0 and (first or 0) - back < REPORT_REACH:
        back -= 1  # the previous sentence of the paragraph, then (a short report) the one before it
        prev_lo, prev_hi = sents[back]
        if "\n" in body[prev_hi:lo]:
            break
        prev = [t for t in usable if prev_lo <= t.start and t.end <= prev_hi and not _aside(body, prev_lo, t.start)]
        if prev:
            told = [t for t in prev if not _REPORTED.search(body, max(prev_lo, t.start - 40), t.start)]
            chosen = (told or prev)[-1]  # the narrative's date, not the day it was reported
        elif len(sents) > REPORT_SENTENCES:
            break
    header = _header_date(body, sents, usable)
    if header is not None and header is not chosen and (chosen is None or chosen.precision in ("year", "month")):
        chosen = header  # rule dating.note-header: "20 January. X, behind an attack in 2017, surrendered"
    if chosen is not None:
        date = _event_date(chosen)
        return EventDating(date, _historical(date, anchor, past_perfect))
    if past_perfect or anchor is None:
        return EventDating(None, past_perfect)
    day = anchor.isoformat()
    return EventDating(EventDate(day, day, "day", None), False)
