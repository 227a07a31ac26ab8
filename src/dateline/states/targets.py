"""Which place a statement is about: a settlement from the gazetteer, or a facility GeoNames lacks.

A border crossing, bridge, airport, port, dam, checkpoint or road is a place of its own, tied
to a settlement (:func:`facility_id`); a settlement the gazetteer lacks ("the town of Kafr
Nabudah") is known by its name. See docs/states.md, "Places GeoNames lacks".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..records import Document, Place
from ..store.ids import stable_hash
from .model import StatePlace, normalize_name
from .rules import RuleBook

__all__ = ["Context", "facility_id", "target"]

_AREA_FEATURES = {
    "country",
    "river",
    "natural",
    "region",
    "continent",
    "sea",
    "ocean",
    "mountain",
}


def facility_id(kind: str, anchor_name: str) -> str:
    """The stable id of a facility GeoNames lacks: its kind and the name of the settlement it is tied to
    (its own name when the gazetteer knows no settlement), so "a border crossing" datelined Al Qaim and
    "the Al-Qaim crossing" are one place."""
    return "x" + stable_hash("facility", kind, normalize_name(anchor_name))[:15]


@dataclass(slots=True)
class Context:
    """What the extraction of one document carries along."""

    doc: Document
    aid: str
    chash: str
    published: dt.date | None
    known_from: dt.date | None
    source: str | None
    book: RuleBook
    focus: dict[str, StatePlace]  # facility kind -> the facility the article is about
    places: dict[str, StatePlace]
    lookup: Callable[[list[str]], dict[str, Any]] | None = None


def _settlement(p: Place | Any) -> bool:
    named = getattr(p, "geonameid", None) or getattr(p, "feature", None) == "settlement"
    return bool(named) and (getattr(p, "feature", None) or "city") not in _AREA_FEATURES


def _place_of(ctx: Context, p: Any) -> StatePlace:
    pid = str(p.geonameid) if p.geonameid else "n" + stable_hash("settlement", normalize_name(p.name))[:15]
    if pid not in ctx.places:
        ctx.places[pid] = StatePlace(
            pid,
            p.name or getattr(p, "text", pid),
            "settlement",
            str(p.geonameid) if p.geonameid else None,
            None,
            None,
            p.lat,
            p.lon,
            p.country_code,
            p.admin1,
        )
    return ctx.places[pid]


def _facility(ctx: Context, kind: str, anchor: Any) -> StatePlace:
    pid = facility_id(kind, anchor.name)
    if pid not in ctx.places:
        name = f"{anchor.name} {ctx.book.facility_names.get(kind, kind)}"
        gid = str(anchor.geonameid) if anchor.geonameid else None
        ctx.places[pid] = StatePlace(
            pid,
            name,
            kind,
            None,
            gid,
            anchor.name,
            anchor.lat,
            anchor.lon,
            anchor.country_code,
            anchor.admin1,
        )
    return ctx.places[pid]


def _settlements_in(ctx: Context, start: int, end: int) -> list[Place]:
    return [p for p in ctx.doc.places if start <= p.start and p.end <= end and _settlement(p)]


def _nearest(items: list[Any], pos: int) -> Any:
    return min(items, key=lambda p: min(abs(p.start - pos), abs(p.end - pos))) if items else None


def _default_anchor(ctx: Context) -> Any:
    dl = ctx.doc.article.dateline
    if dl and dl.place and _settlement(dl.place):
        return dl.place
    first = [p for p in ctx.doc.places if _settlement(p)]
    return first[0] if first else None


#: a name right before a facility noun: capitalised words, with Arabic and other particles ("Bab al-Hawa")
_NAME_BEFORE = re.compile(
    r"([A-Z][\w’'-]*\s+(?:(?:[A-Z][\w’'-]*|(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|de|del|la|le)-[\w’'-]+)\s+){0,3})$"
)
_CAPITALIZED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")
_TOWN_OF = re.compile(
    r"\b(?:town|city|village|district|camp|neighbou?rhood|suburb|settlement)\s+of\s+$",
    re.IGNORECASE,
)
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "Its",
    "It",
    "On",
    "In",
    "At",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}


@dataclass(slots=True)
class _Named:
    """A facility's own name when the gazetteer does not know it ("the Nasib border crossing")."""

    name: str
    country_code: str | None = None
    geonameid: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None


def _facility_anchor(ctx: Context, s: int, start: int) -> Any:
    """The name right before a facility noun: a gazetteer place when one is mentioned there, else the name."""
    body = ctx.doc.article.body
    m = _NAME_BEFORE.search(body, s, start)
    if m is None:
        return None
    words = m.group(1).split()
    for i, w in enumerate(words):  # "Tripoli's Mitiga airport": the name after the possessive
        if w.endswith(("'s", "’s")):
            words = words[i + 1 :]
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if not words:
        return None
    name_start = start - len(" ".join(words)) - 1
    for p in ctx.doc.places:  # a gazetteer place when its mention is the whole name
        if p.geonameid and p.feature != "country" and p.start <= name_start + 1 and p.end >= start - 2:
            return p
    countries = [p for p in ctx.doc.places if p.feature == "country" and p.country_code]
    return _Named(" ".join(words), countries[0].country_code if countries else None)


def _named_before(ctx: Context, kind: str, end: int) -> Any:
    """The anchor of the latest facility of this kind named earlier in the article."""
    found = None
    for m in ctx.book.facility.finditer(ctx.doc.article.body, 0, end):
        if m.lastgroup == kind:
            s = max(0, ctx.doc.article.body.rfind("\n", 0, m.start()) + 1)
            found = _facility_anchor(ctx, s, m.start()) or found
    return found


def _settlements_near(ctx: Context, s: int, e: int) -> list[Any]:
    """Settlements mentioned in the sentence; else names in it that the article or the store resolved elsewhere."""
    near = _settlements_in(ctx, s, e)
    if near:
        return near
    body = ctx.doc.article.body
    mentions: list[Any] = [*ctx.doc.places, *ctx.doc.actors]
    taken = [(x.start, x.end) for x in mentions if x.start is not None and x.end is not None]
    spans = [
        m
        for m in _CAPITALIZED.finditer(body, s, e)
        if m.group(0) not in _NOT_NAMES and not any(a < m.end() and m.start() < b for a, b in taken)
    ]
    if not spans:
        return []
    known = {normalize_name(p.text): p for p in ctx.doc.places if _settlement(p)}
    missing = [m.group(0) for m in spans if normalize_name(m.group(0)) not in known]
    if missing and ctx.lookup is not None:
        for text, p in ctx.lookup(missing).items():
            known.setdefault(normalize_name(text), p)
    out = []
    for m in spans:
        p = known.get(normalize_name(m.group(0)))
        if p is None and _TOWN_OF.search(body, max(s, m.start() - 30), m.start()):
            # "the town of Kafr Nabudah": a settlement the gazetteer lacks, known by its name
            countries = [c for c in ctx.doc.places if c.feature == "country" and c.country_code]
            p = Place(
                m.group(0),
                m.start(),
                m.end(),
                m.group(0),
                None,
                None,
                None,
                countries[0].country_code if countries else None,
                None,
                "settlement",
            )
        if p is not None and _settlement(p):
            out.append(
                Place(
                    m.group(0),
                    m.start(),
                    m.end(),
                    p.name,
                    p.geonameid,
                    p.lat,
                    p.lon,
                    p.country_code,
                    p.admin1,
                    p.feature,
                )
            )
    return out


def target(ctx: Context, rule_target: str, s: int, e: int, pos: int, event_loc: Any = None) -> StatePlace | None:
    """The place a match at ``pos`` in sentence [s, e) is about."""
    body = ctx.doc.article.body
    if rule_target in ("any", "settlement") and event_loc is None:
        obj = [p for p in _settlements_near(ctx, s, e) if pos < p.start <= pos + 40]
        owner = obj and ctx.book.facility.search(body, obj[0].end, min(e, obj[0].end + 25))  # "Tripoli's airport"
        if obj and not owner and not ctx.book.facility.search(body, pos, obj[0].start):
            return _place_of(ctx, min(obj, key=lambda p: p.start))  # the verb's object: "withdrew from Kherson"
    if rule_target in ("facility", "any"):
        mentions = []
        for m in ctx.book.facility.finditer(body, s, e):
            if ctx.book.not_this_place.search(body[s : m.start()]):
                continue  # "another crossing", "the rest of the crossings"
            mentions.append(
                (
                    ctx.book.facility_kinds.index(m.lastgroup or "road"),
                    abs(m.start() - pos),
                    m,
                )
            )
        if mentions:
            _, _, m = min(mentions, key=lambda t: (t[0], t[1]))
            kind = m.lastgroup or "road"
            anchor = _facility_anchor(ctx, s, m.start())
            if anchor is None and kind in ctx.focus:
                return ctx.focus[kind]  # "the crossing", "it": the one the article is about
            if anchor is None:
                anchor = _named_before(ctx, kind, s)  # "... the Antonivskyi Bridge ... The bridge remains"
            if anchor is None:
                near = _settlements_near(ctx, s, e)
                anchor = (
                    _nearest(near, m.end()) or (event_loc if _settlement(event_loc) else None) or _default_anchor(ctx)
                )
            if anchor is None:
                return None
            place = _facility(ctx, kind, anchor)
            ctx.focus.setdefault(kind, place)
            return place
        if rule_target == "facility":
            return None
    if event_loc is not None and getattr(event_loc, "geonameid", None) and (event_loc.geo_precision or 1) <= 2:
        return _place_of(ctx, event_loc)
    near = _settlements_near(ctx, s, e)
    return _place_of(ctx, _nearest(near, pos)) if near else None
