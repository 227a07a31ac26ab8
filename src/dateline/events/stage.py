"""The events stage: from a parsed article to the ACLED events a coder would write down.

For each sentence of the body: typed triggers (:mod:`.detect`), their modality
(:mod:`.modality`; only asserted events are reported), parties (:mod:`.participants`),
place (:mod:`.locate`), date (:func:`dateline.timex.dating.date_event`), fatalities
(:mod:`.fatalities`), a confidence; then duplicates are merged (:mod:`.dedup`) and events under the reporting
threshold (option ``events.min_confidence``, default 0.5) are left out.

Whole articles: the article's relevance is judged first (:mod:`.relevance`); a trigger that is
no specific occurrence (:mod:`.specificity`: trends, habits, background, nominal modifiers) is
no event; in an article of an off-topic genre only an unmistakable sentence yields one
(:func:`unmistakable`), and in an article neither about conflict nor off-topic an event needs
a little more confidence and a time or place of its own.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..actors.conventions import default_actor1
from ..records import Document, Event, EventDate, Evidence, Place, Plover
from ..resources import Resources
from ..settings import Settings
from ..timex.dating import EventDating, date_event
from .dedup import merge_duplicates
from .detect import Detection, detect
from .fatalities import SHORT_REPORT, fatalities_in, report_fatalities
from .lexicon import cue_patterns, event_type_of, plover_for
from .locate import dateline_end, locate, locate_in_note
from .note import harm_over_property, territory_outcome, violence_first
from .participants import Parties, authorities_of, localize_parties, parties_for
from .prefilters import trigger_scan
from .relevance import MIN_SENTENCES, Relevance, judge
from .sentences import Sentence, split_sentences
from .specificity import generic_reason

__all__ = ["DEFAULT_MIN_CONFIDENCE", "EventsStage", "event_id", "extract_events", "lead_first", "unmistakable"]

log = logging.getLogger(__name__)

DEFAULT_MIN_CONFIDENCE = 0.5
#: remote violence against an armed enemy is PLOVER FIGHT (against civilians, ASSAULT)
_FIGHT_MODES = {"Air/drone strike": "aerial", "Shelling/artillery/missile attack": "artillery"}
_NONSTATE = {"Rebel group", "Political militia", "Identity militia"}
_ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
#: actors that make an act political or organized whatever the article's genre
_POLITICAL = _NONSTATE | {"External/Other forces", "Protesters", "Rioters"}
#: a later sentence of a whole article (not its lead) needs this much more confidence
ARTICLE_MARGIN = 0.1
#: a short report's first sentence with a date of its own ("On 6 May 2020, ...") needs this much less confidence
NOTE_LEAD_MARGIN = 0.1
#: in an article neither about conflict nor of an off-topic genre, an event needs this much more confidence
PERIPHERAL_MARGIN = 0.1
#: the confidence of an unmistakable event in an off-topic article
UNMISTAKABLE = 0.8


def event_id(doc_id: str, sub_event: str, start: int, end: int) -> str:
    """Stable id: a hash of the document id, the sub-event type and the evidence offsets."""
    return hashlib.sha1(f"{doc_id}|{sub_event}|{start}|{end}".encode()).hexdigest()[:16]


#: a verb coordinated with the accusation's verb: "accused him of X and (then) beat him"
_COORDINATED = re.compile(r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\b[^.;,]{0,80}? and (?:then |later |also )?$")
_NO_CLAIM = re.compile(r"\bno (?:\w+ )?(?:group|one|organi[sz]ation)\b[^.;]{0,40}?claim\w*(?: \w+){0,2} responsibility")


def _attribution_penalty(det: Detection, sentence: Sentence) -> float:
    """How much less sure: the trigger is the object of a claim, denial or accusation ("claimed the attack")."""
    low = _NO_CLAIM.sub(lambda m: " " * len(m.group()), sentence.low)
    at = det.start - sentence.start
    # rule stage.attribution-clause: a cue in another clause ("believed to be responsible for an attack in 2017,
    # surrendered") does not make the trigger its object
    if _COORDINATED.search(low[max(0, at - 120) : at]) and not low[at:].split(" ", 1)[0].endswith("ing"):
        return 0.0  # rule stage.attribution-coordinated: "accused a youth of being an MDC supporter and assaulted
        # him": the accuser's own next act, not what the accusation is about ("accused of killing and raping")
    gaps = [at - m.end() for m in cue_patterns()["attribution"].finditer(low) if m.start() <= at
            and "," not in low[m.end() : at]]
    if any(gap <= 40 for gap in gaps):
        return 0.45  # the attack claimed or denied: an attribution, not a report of the event
    return 0.2 if any(gap <= 80 for gap in gaps) else 0.0


def _confidence(det: Detection, sentence: Sentence, index: int, has_actor: bool, historical: bool) -> float:
    """The trigger's strength, less for attributions, diplomacy and background, more for the lead."""
    conf = det.strength
    conf -= _attribution_penalty(det, sentence)
    if cue_patterns()["diplomacy"].search(sentence.low):
        conf -= 0.3
    judicial = cue_patterns()["judicial"].search(sentence.low)
    if judicial and not (det.family == "arrest" and judicial.start() > det.start - sentence.start):
        conf -= 0.25  # charges, trials, sentences: a legal proceeding about an event (an arrest told first is one)
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


def unmistakable(det: Detection, conf: float, parties: Parties, own_place: bool, own_date: bool,
                 relevance: Relevance, sentence: Sentence) -> bool:
    """An event an off-topic article may still report: a specific trigger, high confidence, a time or
    place of its own, and armed or political actors (in a crime or court story: non-state or political ones)."""
    if det.weak or conf < UNMISTAKABLE or not (own_place or own_date):
        return False
    types = {a.type for a in (parties.actor1, parties.actor2, *parties.assoc) if a is not None}
    if relevance.genre == "crime_court":
        return bool(types & _POLITICAL) or cue_patterns()["nonstate"].search(sentence.low) is not None
    return bool(types & (_ARMED | _POLITICAL))


def _gate(det: Detection, conf: float, min_confidence: float, parties: Parties, own_place: bool, own_date: bool,
          relevance: Relevance, sentence: Sentence, index: int) -> bool:
    """Whether the article's relevance lets this event through."""
    if relevance.verdict == "off":
        return unmistakable(det, conf, parties, own_place, own_date, relevance, sentence)
    if relevance.verdict == "peripheral":
        return conf >= min_confidence + PERIPHERAL_MARGIN
    return True


def _disjoint(a: EventDate, b: EventDate) -> bool:
    """Whether two dates share no day (ISO strings compare in order)."""
    if not (a.start and a.end and b.start and b.end):
        return False
    return a.end < b.start or b.end < a.start


def lead_first(events: list[Event], min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[Event]:
    """A later sentence's event dated on other days than the report's lead event is background to it.

    ACLED notes (and news leads) open with the reported event; "an activist arrested on 16 April
    claimed on 29 April …", "forces recaptured the town the following day" tell another day's event,
    which then ranks just below the lead instead of above it. A lead that is itself background
    (historical, or undated) leaves the ranking as it is.
    """
    if len(events) < 2:
        return events
    lead = min(events, key=lambda e: e.evidence.start)
    if lead.historical or lead.date is None:
        return events
    for ev in events:
        if (ev.evidence.start > lead.evidence.start and ev.date is not None and ev.date.text
                and _disjoint(ev.date, lead.date) and ev.confidence >= lead.confidence):
            ev.confidence = round(max(min_confidence, lead.confidence - 0.01), 3)
    return events


def _dropped(doc: Document, det: Detection, sentence: Sentence, why: str) -> None:
    log.debug("%s: %s not reported (%s): %s", doc.id, det.sub_event, why, sentence.text[:120])


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
    relevance: Relevance | None = None  # judged on the first trigger: most articles have none
    skip = dateline_end(body)
    # per-sentence look-ups by offset (bisect), so the stage stays linear in the document's length
    places_at = _ByStart(doc.places)
    actors_at = _ByStart([a for a in doc.actors if a.start is not None])
    nonstate_at = _ByStart([a for a in doc.actors if a.type in _NONSTATE and a.start is not None])
    spans_at = _ByStart([_Span(s, e) for s, e in actor_spans])
    texts = [s.text for s in sentences]
    found: list[Event] = []
    families_in = trigger_scan().present  # (its answers kept: detect() asks it again about the same sentence)
    for index, sentence in enumerate(sentences):
        if not families_in(sentence.low):
            continue  # no trigger family's literal in the sentence: detect() finds nothing; skip making its arguments
        context = " ".join(s.text for s in sentences[max(0, index - 1) : index + 2] if s is not sentence)
        # a short report (an ACLED-style note) tells the police's answer to a protest in its next two sentences
        reach = 3 if len(sentences) <= SHORT_REPORT else 2
        following = " ".join(texts[index + 1 : index + reach])
        armed_group = bool(nonstate_at.within(sentence.start, sentence.end))
        lo = bounds[index - 1][0] if index else sentence.start
        near_places = places_at.within(lo, sentence.end)
        near_spans = [(x.start, x.end) for x in spans_at.within(lo - _LONGEST_MENTION, sentence.end)]
        sentence_actors = actors_at.within(sentence.start, sentence.end)
        note = " ".join(t for i, t in enumerate(texts) if i != index) if len(sentences) <= SHORT_REPORT else None
        for det in detect(sentence, context, following, armed_group=armed_group, note=note):
            relevance = relevance or judge(doc.article.title, doc.article.url, [s.low for s in sentences])
            modality = det.modality
            if modality != "asserted" and not keep_unasserted:
                _dropped(doc, det, sentence, modality)
                continue
            evidence = _evidence(body, sentence)
            dating = date_event(body, evidence.start, evidence.end, doc.timexes, doc.article.published,
                             trigger=det.start, sentences=bounds)
            date_text = dating.date.text if dating.date is not None else None
            own_date = date_text is not None and date_text in sentence.text
            in_article = index > 0 and len(sentences) >= MIN_SENTENCES
            loose = in_article and relevance.verdict != "core"  # a later sentence of an article not about conflict
            own_places = [p for p in places_at.within(sentence.start, sentence.end) if p.end <= sentence.end
                          and p.lat is not None and not any(a <= p.start and p.end <= b for a, b in near_spans)]
            placed = any(p.feature not in ("country", "continent", "sea") for p in own_places)
            generic = generic_reason(sentence, det.start, det.end, own_date, loose, placed,
                                     article=len(sentences) >= MIN_SENTENCES)
            if generic and not keep_unasserted:
                _dropped(doc, det, sentence, generic)
                continue
            parties = parties_for(det.sub_event, body, sentence, det.start, sentence_actors)
            conf = _confidence(det, sentence, index, parties.actor1 is not None, dating.historical)
            if modality != "asserted":
                conf = round(conf * 0.4, 3)
            floor = min_confidence + ARTICLE_MARGIN if in_article else min_confidence
            if len(sentences) <= SHORT_REPORT and index == 0 and own_date:
                floor -= NOTE_LEAD_MARGIN  # rule note.dated-lead: an ACLED-style note's dated lead tells its event
            if conf < floor and not keep_unasserted:
                _dropped(doc, det, sentence, f"confidence {conf}")
                continue
            own_place = bool(own_places)
            if not keep_unasserted and not _gate(det, conf, min_confidence, parties, own_place, own_date, relevance,
                                                 sentence, index):
                _dropped(doc, det, sentence, f"relevance {relevance.verdict} {relevance.genre}")
                continue
            previous = bounds[index - 1] if index else None
            location = locate(body, near_places, sentence.start, sentence.end, det.start, dateline, previous,
                              near_spans, skip)
            if (location is None and not keep_unasserted and len(sentences) >= MIN_SENTENCES
                    and (dating.historical or relevance.verdict != "core")):
                _dropped(doc, det, sentence, "no place")
                continue  # background, or an article not about conflict: an event needs a place of its own
            if location is None and len(sentences) <= SHORT_REPORT:  # a short note: its place may come later
                location = locate_in_note(body, doc.places, det.start, actor_spans, skip)
            if index and _vague(parties, dating, doc, sentence, near_places):
                conf = round(conf - VAGUE_PENALTY, 3)
                if conf < min_confidence and not keep_unasserted:
                    _dropped(doc, det, sentence, "vague")
                    continue
            if (det.sub_event == "Looting/property destruction" and in_article and not keep_unasserted
                    and (parties.actor1 is None or parties.actor1.type == "Civilians")):
                _dropped(doc, det, sentence, "no political actor")
                continue  # ACLED's property destruction is by political or armed actors
            parties = localize_parties(parties, location.country_code if location else None)
            if det.sub_event == "Other" and parties.actor1 is None and location and location.country_code:
                parties = replace(parties, actor1=authorities_of(location.country_code))
            if parties.actor1 is None:  # ACLED always codes an actor1 (actors/data/conventions.json)
                named = [a for a in sentence_actors if parties.actor2 is None or a.name != parties.actor2.name]
                parties = replace(parties, actor1=default_actor1(det.sub_event, location.country_code if location
                                                                 else None, named, parties.actor2))
                if parties.actor1 is parties.actor2:  # "troops were deployed": the moved force is the actor1
                    parties = replace(parties, actor2=None)
            toll = report_fatalities(texts, index)
            if toll and det.sub_event in ("Peaceful protest", "Protest with intervention"):
                det.sub_event = "Excessive force against protesters"  # ACLED: protesters killed by the force met
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
                fatalities=toll
                if event_type_of(det.sub_event) != "Protests"
                or det.sub_event == "Excessive force against protesters" else None,
                modality=modality,
                historical=dating.historical,
                confidence=conf,
            ))
    if len(sentences) <= SHORT_REPORT:
        found = violence_first(territory_outcome(found))  # rules note.territory-outcome, note.violence-first
        found = harm_over_property(found, body)  # rule note.harm-over-property
    return lead_first(merge_duplicates(found), min_confidence)


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
