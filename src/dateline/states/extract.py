"""Assertions from one processed document: what it says about the state of places.

Two sources of assertions: the document's events (an ACLED sub-event type mapped to a
facet, e.g. *Government regains territory* → control) and phrases of its sentences
(*reopened*, *remains closed*, *imposed a curfew*, *is controlled by* …), both mapped by
``data/rules.json``. Each assertion names its place — a settlement from the gazetteer, or
a facility GeoNames lacks (a border crossing, a bridge) tied to its nearest settlement —,
the part of it when the text says so (*the Syrian side*), its valid time (from the date
the sentence gives, not the publication date), modality and evidence offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..actors.stage import known_as
from ..records import Actor, Document
from ..store.ids import stable_hash
from ..store.rows import to_date
from .model import Assertion, StatePlace
from .rules import PhraseRule, rulebook
from .targets import Context, facility_id, target

__all__ = ["DocumentStates", "extract_states", "facility_id"]

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s+[A-Z\"“‘(]|\s*$)|\n|$)")
_FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planning to|intends? to|set to|scheduled to|due to|going to|"
    r"expected to|is to|are to|would|vow(?:ed|s)? to|pledged? to|promised? to|agreed to|"
    r"ready to|prepar(?:ing|ed|es) to|next week|next month|tomorrow)\b[^,;]*$",
    re.IGNORECASE,
)
_HYPO = re.compile(
    r"\b(?:could|may|might|if|unless|threaten(?:ed|s)? to|fear(?:ed|s)?|warn(?:ed|s)? (?:that|it)|"
    r"possible|risk)\b[^,;]*$",
    re.IGNORECASE,
)
_NEG = re.compile(
    r"\b(?:not|never|n't|no longer|denied|denies|failed to|without)\b(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)
#: "denied that rebels had taken the town": the whole clause after a denial is denied
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\s+(?:(?:earlier\s+)?(?:reports?|claims?)\s+)?that\b[^;]*$",
    re.IGNORECASE,
)
_AFTER_FUTURE = re.compile(
    r"^[^,;.]{0,30}\b(?:next (?:week|month|year)|tomorrow|in the coming (?:days|weeks))\b",
    re.IGNORECASE,
)
_SIDE = re.compile(r"\b(?i:the|its|on the)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+side\b")
_FROM = re.compile(r"\bfrom\b")
_PRESENT = re.compile(r"\b(?:is|are|remains?|still|controls?|holds?|stays?)\b", re.IGNORECASE)


@dataclass(slots=True)
class DocumentStates:
    """What :func:`extract_states` found in one document."""

    assertions: list[Assertion]
    places: list[StatePlace]


def extract_states(
    doc: Document,
    aid: str,
    chash: str,
    *,
    known_from: dt.date | None = None,
    lookup: Callable[[list[str]], dict[str, Any]] | None = None,
) -> DocumentStates:
    """The state assertions of one document (``aid``: its article id, ``chash``: its content hash).

    ``lookup`` resolves names the places stage left unresolved (text -> a place record), e.g.
    from the store's earlier articles; used only for sentences that state something."""
    book = rulebook()
    body = doc.article.body or ""
    has_events = any(e.sub_event_type in book.event_rules for e in doc.events)
    hits = [(m.start(), m.group(0).lower()) for m in book.trigger.finditer(body)]  # the rules' words, one pass
    if not has_events and not hits:
        return DocumentStates([], [])  # the common case: nothing to look at (keeps ingestion cheap)
    published = to_date(doc.article.published)
    ctx = Context(
        doc,
        aid,
        chash,
        published,
        known_from or published,
        doc.article.source,
        book,
        {},
        {},
        lookup,
    )
    found: dict[tuple[Any, ...], Assertion] = {}
    for start, end in _sentences(body) if hits else []:
        words = {w for pos, w in hits if start <= pos < end}
        if not words:
            continue
        for a in _from_phrases(ctx, start, end, words):
            found.setdefault((a.key, a.value, a.evidence_start, a.modality, a.mode), a)
    for event in doc.events:
        rule = book.event_rules.get(event.sub_event_type)
        if rule is None or event.evidence is None:
            continue
        made = _from_event(ctx, event, rule)
        if made is None:
            continue
        a = made
        key = (a.key, a.value, a.evidence_start, a.modality, a.mode)
        rivals = [k for k, p in found.items() if k[0] == a.key and k[2:] == key[2:] and p.value != a.value]
        if any(found[k].prior == a.value for k in rivals):
            continue  # the phrase says "took X from <the event's actor>": the event has the roles swapped
        for k in rivals:  # the same sentence says one thing: the event's (role-resolved) actor stands
            del found[k]
        phrase = found.get(key)
        if phrase is not None and phrase.precision != "reported":
            a.valid_start, a.valid_end, a.precision, a.time_text = (
                phrase.valid_start,
                phrase.valid_end,
                phrase.precision,
                phrase.time_text,
            )
        found[key] = a
    restricted = {(a.key, a.evidence_start) for a in found.values() if a.value == "restricted"}
    kept = [a for a in found.values() if not (a.value == "open" and (a.key, a.evidence_start) in restricted)]
    return DocumentStates(kept, list(ctx.places.values()))


def _sentences(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(body) if m.group(0).strip()]


_WEEKDAYS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# -- actors and times -----------------------------------------------------------------------------
_MODIFIER = re.compile(r"-(?:backed|led|allied|aligned|affiliated|supported|sponsored)\b")


def _actors_in(ctx: Context, s: int, e: int) -> list[Actor]:
    """Actor mentions in [s, e), without modifiers of another actor ("Turkish" of "Turkish-backed rebels")."""
    body = ctx.doc.article.body
    return [
        a
        for a in ctx.doc.actors
        if a.start is not None
        and a.end is not None
        and s <= a.start
        and a.end <= e
        and not _MODIFIER.match(body, a.end)
    ]


def _actor(ctx: Context, how: str, s: int, e: int, m: re.Match[str]) -> Actor | None:
    actors = _actors_in(ctx, s, e)
    if how == "$by":
        after = sorted(
            (a for a in actors if a.start is not None and a.start >= m.end() - 1 and a.start - m.end() < 60),
            key=lambda a: a.start or 0,
        )
        if len(after) > 1 and (after[1].start or 0) - (after[0].end or 0) <= 1:
            return after[1]  # "the rebel group Hayat Tahrir al-Sham": the name in apposition
        return after[0] if after else None
    if how == "$subject":
        before = sorted(
            (a for a in actors if a.end is not None and a.end <= m.start() + 1 and m.start() - a.end < 150),
            key=lambda a: a.end or 0,
        )
        if not before:
            return None
        subject = before[-1]
        body = ctx.doc.article.body
        for prev in reversed(before[:-1]):  # "government forces and Hezbollah besieged": the first conjunct leads
            if re.fullmatch(
                r"(?:\s+\w+)?\s*(?:,|and|&)\s*",
                body[prev.end or 0 : subject.start or 0],
            ):
                subject = prev
            else:
                break
        return subject
    if how == "$from":
        text = ctx.doc.article.body
        f = _FROM.search(text, m.end(), min(e, m.end() + 80))
        if f is None:
            return None
        after = [a for a in actors if a.start is not None and a.start >= f.end() and a.start - f.end() < 20]
        return min(after, key=lambda a: a.start or 0) if after else None
    return None


def _time(ctx: Context, s: int, e: int, m: re.Match[str], snapshot: bool) -> tuple[Any, ...]:
    """(valid_start, valid_end, precision, text) of a match: the sentence's date nearest after it, else before."""
    dates = [t for t in ctx.doc.timexes if t.type in ("DATE", "TIME") and s <= t.start and t.end <= e and t.start_date]
    after = [
        t
        for t in dates
        if t.start >= m.end()
        and t.start - m.end() < 60
        and not re.search(r"\band\b", ctx.doc.article.body[m.end() : t.start])
    ]
    before = [t for t in dates if t.end <= m.start() and m.start() - t.end < 40]
    pick = min(after, key=lambda t: t.start) if after else (max(before, key=lambda t: t.end) if before else None)
    if pick is not None:
        start, end = (
            to_date(pick.start_date),
            to_date(pick.end_date) or to_date(pick.start_date),
        )
        weekday = pick.text.strip().lower().removeprefix("on ") in _WEEKDAYS
        if start and end and ctx.published and start > ctx.published and weekday and not snapshot:
            # "retook Kherson on Friday" in Saturday's paper: the Friday before, not the one after
            week = dt.timedelta(days=7)
            if _modality(ctx, s, m) == "asserted":
                return start - week, end - week, pick.precision, pick.text
        return start, end, pick.precision, pick.text
    if snapshot:
        return (
            ctx.published,
            ctx.published,
            "day",
            None,
        )  # "is controlled by": as observed when published
    return None, ctx.published, "reported", None  # happened by the time it was reported


def _modality(ctx: Context, s: int, m: re.Match[str]) -> str:
    body = ctx.doc.article.body
    window = body[max(s, m.start() - 60) : m.start()]
    if _NEG.search(window) or _DENIAL.search(body[s : m.start()]) or re.search(r"\bnot\b|n't\b", m.group(0)):
        return "negated"
    if _FUTURE.search(window) or _AFTER_FUTURE.search(body[m.end() : m.end() + 40]):
        return "planned"
    if _HYPO.search(window):
        return "hypothetical"
    return "asserted"


def _part(ctx: Context, s: int, e: int, pos: int | None = None) -> str:
    """The part the text names ("the Syrian side"): the mention nearest before ``pos``, else the first after."""
    sides = [m for m in _SIDE.finditer(ctx.doc.article.body, s, e) if m.group(1) in ctx.book.demonyms.values()]
    if not sides:
        return ""
    before = [m for m in sides if pos is None or m.start() <= pos]
    after = [m for m in sides if pos is not None and pos < m.start() < pos + 40]
    if not before and not after:
        return ""
    side = before[-1] if before else after[0]
    return f"{side.group(1)} side"


# -- assertions -----------------------------------------------------------------------------------
def _assertion(
    ctx: Context,
    rule_id: str,
    place: StatePlace,
    facet: str,
    value: str,
    mode: str,
    *,
    part: str = "",
    slot: str = "",
    prior: str | None,
    when: tuple[Any, ...],
    modality: str,
    confidence: float,
    evidence: tuple[int, int],
    anchor: int,
) -> Assertion:
    body = ctx.doc.article.body
    aid = stable_hash(
        "assertion",
        ctx.chash,
        rule_id,
        place.place_id,
        part,
        facet,
        slot,
        value,
        anchor,
    )
    return Assertion(
        assertion_id=aid,
        article_id=ctx.aid,
        content_hash=ctx.chash,
        place_id=place.place_id,
        facet=facet,
        value=value,
        mode=mode,  # type: ignore[arg-type]
        part=part,
        slot=slot,
        prior=prior,
        valid_start=when[0],
        valid_end=when[1],  # type: ignore[arg-type]
        precision=when[2],
        time_text=when[3],
        published=ctx.published,
        known_from=ctx.known_from,
        modality=modality,  # type: ignore[arg-type]
        confidence=confidence,
        source=ctx.source,
        rule_id=rule_id,  # type: ignore[arg-type]
        evidence_start=evidence[0],
        evidence_end=evidence[1],
        evidence_text=body[evidence[0] : evidence[1]].strip(),
    )


def _from_phrases(ctx: Context, s: int, e: int, words: set[str]) -> list[Assertion]:
    """The assertions of the phrase rules in sentence [s, e), which holds these of the rules' words."""
    body = ctx.doc.article.body
    out: list[Assertion] = []
    retraction = next((r for r in ctx.book.phrase_rules if r.modality == "retracted"), None)
    cue = None
    if retraction is not None and (not retraction.need_words or retraction.need_words & words):
        cue = retraction.pattern.search(body, s, e)
    for rule in ctx.book.phrase_rules:
        if rule.modality == "retracted" or (rule.need_words and not rule.need_words & words):
            continue
        for m in rule.pattern.finditer(body, s, e):
            out += _phrase_assertions(ctx, rule, s, e, m, retracted=bool(cue and cue.start() < m.start()))
    return out


def _phrase_assertions(
    ctx: Context, rule: PhraseRule, s: int, e: int, m: re.Match[str], retracted: bool
) -> list[Assertion]:
    snapshot = rule.mode == "snapshot"
    place = target(ctx, rule.target, s, e, m.start())
    if place is None:
        return []
    when = _time(ctx, s, e, m, snapshot)
    if snapshot and when[2] != "day" and when[0] is not None and _PRESENT.search(m.group(0)):
        when = (ctx.published, ctx.published, "day", None)
    modality = "retracted" if retracted else _modality(ctx, s, m)
    common: dict[str, Any] = {
        "when": when,
        "modality": modality,
        "confidence": 0.6,
        "evidence": (s, e),
        "anchor": m.start(),
    }
    if rule.value == "$parts":
        out = []
        for actor in _actors_in(ctx, m.start(), e):
            adjective = ctx.book.demonyms.get(actor.country_code or "")
            if adjective:
                out.append(
                    _assertion(
                        ctx,
                        rule.id,
                        place,
                        rule.facet,
                        known_as(actor),
                        rule.mode,
                        part=f"{adjective} side",
                        prior=None,
                        **common,
                    )
                )
        return out
    value = rule.value
    if value.startswith("$"):
        subject = _actor(ctx, value, s, e, m)
        if subject is None:
            return []
        value = known_as(subject)
    prior = rule.prior
    if prior and prior.startswith("$"):
        found = _actor(ctx, prior, s, e, m)
        prior = known_as(found) if found else None
    slot = ""
    if rule.slot:
        who = _actor(ctx, rule.slot, s, e, m)
        if who is None:
            return []
        slot = known_as(who)
    return [
        _assertion(
            ctx,
            rule.id,
            place,
            rule.facet,
            value,
            rule.mode,
            part=_part(ctx, s, e, m.start()),
            slot=slot,
            prior=prior,
            **common,
        )
    ]


def _from_event(ctx: Context, event: Any, rule: Any) -> Assertion | None:
    ev = event.evidence
    place = target(ctx, "any", ev.start, ev.end, ev.start, event.location)
    if place is None:
        return None

    def who(how: str | None) -> str | None:
        actor = {"$actor1": event.actor1, "$actor2": event.actor2}.get(how or "")
        return known_as(actor) if actor else (how if how and not how.startswith("$") else None)

    value = who(rule.value)
    if value is None:
        return None
    a1 = event.actor1
    if rule.unless_near_actor1 is not None and a1 is not None and a1.start is not None and a1.end is not None:
        body = ctx.doc.article.body
        if rule.unless_near_actor1.search(body[max(ev.start, a1.start - 30) : min(ev.end, a1.end + 30)]):
            return None
    d = event.date
    when = (
        (to_date(d.start), to_date(d.end) or to_date(d.start), d.precision, d.text)
        if d and d.start
        else (None, ctx.published, "reported", None)
    )
    modality = {"future": "planned"}.get(event.modality, event.modality)
    slot = value if rule.facet == "presence" else ""
    return _assertion(
        ctx,
        rule.id,
        place,
        rule.facet,
        value,
        rule.mode,
        part=_part(ctx, ev.start, ev.end),
        slot=slot,
        prior=who(rule.prior),
        when=when,
        modality=modality,
        confidence=float(event.confidence),
        evidence=(ev.start, ev.end),
        anchor=ev.start,
    )
