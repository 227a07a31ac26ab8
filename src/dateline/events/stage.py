"""The events stage: from a parsed article to the ACLED events a coder would write down.

For each sentence of the body: typed triggers (:mod:`.detect`), their modality
(:mod:`.modality`; only asserted events are reported), parties (:mod:`.participants`),
place (:mod:`.locate`), date (:func:`dateline.timex.dating.date_event`), fatalities
(:mod:`.fatalities`), a confidence; then duplicates are merged (:mod:`.dedup`) and events under the reporting
threshold (option ``events.min_confidence``, default 0.5) are left out.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..records import Document, Event, Evidence, Place, Plover
from ..resources import Resources
from ..settings import Settings
from ..timex.dating import EventDating, date_event
from .dedup import merge_duplicates
from .detect import Detection, detect
from .fatalities import fatalities_in
from .lexicon import cue_patterns, event_type_of, plover_for
from .locate import locate
from .participants import Parties, authorities_of, localize_parties, parties_for
from .sentences import Sentence, split_sentences

__all__ = ["DEFAULT_MIN_CONFIDENCE", "EventsStage", "event_id", "extract_events"]

log = logging.getLogger(__name__)

DEFAULT_MIN_CONFIDENCE = 0.5
#: remote violence against an armed enemy is PLOVER FIGHT (against civilians, ASSAULT)
_FIGHT_MODES = {"Air/drone strike": "aerial", "Shelling/artillery/missile attack": "artillery"}
_NONSTATE = {"Rebel group", "Political militia", "Identity militia"}
_ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}


def event_id(doc_id: str, sub_event: str, start: int, end: int) -> str:
    """Stable id: a hash of the document id, the sub-event type and the evidence offsets."""
    return hashlib.sha1(f"{doc_id}|{sub_event}|{start}|{end}".encode()).hexdigest()[:16]


_NO_CLAIM = re.compile(r"\bno (?:\w+ )?(?:group|one|organi[sz]ation)\b[^.;]{0,40}?claim\w*(?: \w+){0,2} responsibility")


def _attribution_penalty(det: Detection, sentence: Sentence) -> float:
    """How much less sure: the trigger is the object of a claim, denial or accusation ("claimed the attack")."""
    low = _NO_CLAIM.sub(lambda m: " " * len(m.group()), sentence.low)
    at = det.start - sentence.start
    gaps = [at - m.end() for m in cue_patterns()["attribution"].finditer(low) if m.start() <= at]
    if any(gap <= 40 for gap in gaps):
        return 0.45  # the attack claimed or denied: an attribution, not a report of the event
    return 0.2 if any(gap <= 80 for gap in gaps) else 0.0


def _confidence(det: Detection, sentence: Sentence, index: int, has_actor: bool, historical: bool) -> float:
    """The trigger's strength, less for attributions, diplomacy and background, more for the lead."""
    conf = det.strength
    conf -= _attribution_penalty(det, sentence)
    if cue_patterns()["diplomacy"].search(sentence.low):
        conf -= 0.3
    if cue_patterns()["judicial"].search(sentence.low):
        conf -= 0.25  # charges, trials, sentences: a legal proceeding about an event, not the event
    if historical:
        conf -= 0.08
    if index == 0:
        conf += 0.03
    if has_actor:
        conf += 0.02
    return round(min(0.97, max(0.05, conf)), 3)


#: how much less an event counts when a later sentence gives it no who, when, where or toll
VAGUE_PENALTY = 0.1


def _vague(parties: Parties, dating: EventDating, doc: Document, sentence: Sentence,
           places: Sequence[Place] | None = None) -> bool:
    """Nothing but a trigger: no actor, no date of its own, no place and no toll in the sentence.

    ACLED codes an event only when it can say who, where and when; a later sentence with none
    of these is usually background ("another crossing was destroyed in fighting").
    """
    if parties.actor1 is not None or parties.actor2 is not None:
        return False
    if dating.date is not None and dating.date.text:
        return False
    if any(sentence.start <= p.start and p.end <= sentence.end for p in (doc.places if places is None else places)):
        return False
    return fatalities_in(sentence.text) is None


def _evidence(body: str, sentence: Sentence) -> Evidence:
    start, end = sentence.start, sentence.end
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Evidence(body[start:end], start, end)


def extract_events(doc: Document, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                   keep_unasserted: bool = False) -> list[Event]:
    """The events of a document whose article, places, timexes and actors are filled in."""
    body = doc.article.body
    if not body.strip():
        return []
    sentences = list(split_sentences(body, doc.annotations.get("nlp")))
    bounds = [(s.start, s.end) for s in sentences]
    dateline = doc.article.dateline.place if doc.article.dateline else None
    actor_spans = [(a.start, a.end) for a in doc.actors if a.start is not None and a.end is not None]
    # per-sentence look-ups by offset (bisect), so the stage stays linear in the document's length
    places_at = _ByStart(doc.places)
    actors_at = _ByStart([a for a in doc.actors if a.start is not None])
    nonstate_at = _ByStart([a for a in doc.actors if a.type in _NONSTATE and a.start is not None])
    spans_at = _ByStart([_Span(s, e) for s, e in actor_spans])
    found: list[Event] = []
    for index, sentence in enumerate(sentences):
        context = " ".join(s.text for s in sentences[max(0, index - 1) : index + 2] if s is not sentence)
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        armed_group = bool(nonstate_at.within(sentence.start, sentence.end))
        lo = bounds[index - 1][0] if index else sentence.start
        near_places = places_at.within(lo, sentence.end)
        near_spans = [(x.start, x.end) for x in spans_at.within(lo - _LONGEST_MENTION, sentence.end)]
        for det in detect(sentence, context, following, armed_group=armed_group):
            modality = det.modality
            if modality != "asserted" and not keep_unasserted:
                continue
            evidence = _evidence(body, sentence)
            dating = date_event(body, evidence.start, evidence.end, doc.timexes, doc.article.published,
                             trigger=det.start, sentences=bounds)
            parties = parties_for(det.sub_event, body, sentence, det.start,
                                  actors_at.within(sentence.start, sentence.end))
            conf = _confidence(det, sentence, index, parties.actor1 is not None, dating.historical)
            if modality != "asserted":
                conf = round(conf * 0.4, 3)
            if conf < min_confidence and not keep_unasserted:
                continue
            previous = bounds[index - 1] if index else None
            location = locate(body, near_places, sentence.start, sentence.end, det.start, dateline, previous,
                              near_spans)
            if index and _vague(parties, dating, doc, sentence, near_places):
                conf = round(conf - VAGUE_PENALTY, 3)
                if conf < min_confidence and not keep_unasserted:
                    continue
            parties = localize_parties(parties, location.country_code if location else None)
            if det.sub_event == "Other" and parties.actor1 is None and location and location.country_code:
                parties = replace(parties, actor1=authorities_of(location.country_code))
            ptype, pmode = plover_for(det.sub_event, body[det.start : det.end])
            if det.sub_event in _FIGHT_MODES and parties.actor2 is not None and parties.actor2.type in _ARMED:
                ptype, pmode = "FIGHT", _FIGHT_MODES[det.sub_event]  # bombarding an armed enemy is fighting
            found.append(Event(
                id=event_id(doc.id, det.sub_event, evidence.start, evidence.end),
                event_type=event_type_of(det.sub_event),
                sub_event_type=det.sub_event,
                evidence=evidence,
                plover=Plover(ptype, pmode),
                date=dating.date,
                location=location,
                actor1=parties.actor1,
                actor2=parties.actor2,
                assoc_actors=parties.assoc,
                fatalities=fatalities_in(sentence.text) if event_type_of(det.sub_event) != "Protests"
                or det.sub_event == "Excessive force against protesters" else None,
                modality=modality,
                historical=dating.historical,
                confidence=conf,
            ))
    return merge_duplicates(found)


class EventsStage:
    """Finds ACLED-coded events in ``doc.article.body`` into ``doc.events``."""

    name = "events"
    requires = ("article", "nlp", "places", "timexes", "actors")
    produces = ("events",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources
        self.min_confidence = float(settings.option("events.min_confidence", DEFAULT_MIN_CONFIDENCE))  # type: ignore[arg-type]
        self.keep_unasserted = bool(settings.option("events.keep_unasserted", False))

    def __call__(self, doc: Document) -> Document:
        doc.events = extract_events(doc, min_confidence=self.min_confidence, keep_unasserted=self.keep_unasserted)
        return doc

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        return [self(doc) for doc in docs]


#: actor mentions are short: one starting this far before a sentence cannot hold a place inside it
_LONGEST_MENTION = 500


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


class _ByStart:
    """Items with a ``start`` offset, found by offset range in O(log n + k), in their original order."""

    def __init__(self, items: Sequence[Any]) -> None:
        order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.items = items
        self.order = order
        self.starts = [items[i].start for i in order]

    def within(self, lo: int, hi: int) -> list[Any]:
        """The items with ``lo <= start < hi``."""
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [self.items[i] for i in sorted(self.order[a:b])]
