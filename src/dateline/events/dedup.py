"""Within-article de-duplication: one event however many times the article reports it.

Two events are the same when they have the same sub-event type — or, told in different
sentences, the same event type (a "suicide car bomb" in the lead is the "blast" of the next
sentence; not for *Strategic developments*, whose sub-types are different developments) —,
dates that overlap (or one is unknown) and places that agree (same GeoNames id, within 25 km,
one unknown, or one only the country or region the other lies in). The merged event keeps the
type of the most confident report, takes as evidence the fullest report (the one that says
most of where, when, who and how many), keeps the other reports' sentences in
``more_evidence``, and fills what it lacks (actors, place, date, fatalities) from the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..records import Event, Location

__all__ = ["merge_duplicates", "same_event"]

_NEAR_KM = 25.0


def _km(a: Location, b: Location) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _dates_agree(a: Event, b: Event) -> bool:
    da, db = a.date, b.date
    if da is None or db is None or not (da.start and da.end and db.start and db.end):
        return True
    if (da.text is None and not b.historical) or (db.text is None and not a.historical):
        return True  # dedup.unstated-date: a date no sentence states (the publication day) is a guess
    return da.start <= db.end and db.start <= da.end


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid:
        return True
    for coarse, fine in ((a, b), (b, a)):
        if (coarse.geo_precision or 1) >= 3 and coarse.country_code and coarse.country_code == fine.country_code \
                and coarse.admin1 in (None, fine.admin1):
            return True  # "in Turkey" and "in Kayseri"; not Idlib province and Aleppo city
    if None in (a.lat, a.lon, b.lat, b.lon):
        return a.name == b.name
    return _km(a, b) <= _NEAR_KM


#: event types whose sub-types, told in different sentences, may be one occurrence
_ONE_OCCURRENCE_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}


_TERRITORIAL = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def _same_kind(a: Event, b: Event) -> bool:
    if a.sub_event_type == b.sub_event_type:
        return True
    return (a.event_type == b.event_type and a.event_type in _ONE_OCCURRENCE_TYPES
            and a.evidence.start != b.evidence.start)


def _in_passing(ev: Event) -> bool:
    """An undated report placed only in a country that its sentence does not put the event in ("in Niger")."""
    loc = ev.location
    if ev.date is not None or loc is None or loc.name is None or loc.country_code is None:
        return False
    if (loc.geo_precision or 1) < 3 or loc.admin1 is not None:
        return False
    said_in = re.compile(r"\b(?:in|inside|across|throughout) (?:[\w-]+ )?" + re.escape(loc.name.lower()) + r"\b")
    return said_in.search(ev.evidence.text.lower()) is None


def _passing_country(a: Event, b: Event) -> bool:
    """dedup.passing-country: an undated report placed only in a country its sentence names in passing ("a nerve
    agent developed by the Soviet Union", "near the Turkish border", "mediated by Russia"), not as the event's own
    place ("In neighbouring Niger, a bomb ..."), is the same occurrence as a report of the same sub-event elsewhere."""
    return a.sub_event_type == b.sub_event_type and (_in_passing(a) or _in_passing(b))


#: dedup.another-incident: "In another attack", "In a third incident", "Separately,": the writer says it is another
_ANOTHER = re.compile(r"\b(?:another|a second|a third|a fourth|a separate|a further|an earlier|a later|a similar) "
                      r"(?:[\w-]+ )?(?:attack|incident|assault|bombing|blast|explosion|clash|raid|strike|protest|"
                      r"demonstration|rally|ambush|abduction|kidnapping)s?\b|^\W*(?:separately|elsewhere)\b", re.I)


def _distinct(a: Event, b: Event) -> bool:
    later = a if a.evidence.start > b.evidence.start else b
    return a.evidence.start != b.evidence.start and _ANOTHER.search(later.evidence.text) is not None


def same_event(a: Event, b: Event) -> bool:
    """Whether two events of one article report the same happening."""
    return (
        _same_kind(a, b)
        and not _distinct(a, b)
        and a.modality == b.modality  # a threat is not merged into the attack it threatens
        and _dates_agree(a, b)
        and (_places_agree(a.location, b.location) or _passing_country(a, b))
    )


def fullness(ev: Event) -> float:
    """How much a report says: a precise place, a date of its own, actors, a toll (length breaks ties)."""
    said = ((ev.location is not None and (ev.location.geo_precision or 3) <= 2)
            + (ev.date is not None and ev.date.text is not None)
            + (ev.actor1 is not None) + (ev.actor2 is not None) + (ev.fatalities is not None))
    return said + min(len(ev.evidence.text), 400) / 1000


def _absorb(keep: Event, other: Event) -> None:
    if other.evidence.start != keep.evidence.start:
        if fullness(other) > fullness(keep):
            keep.more_evidence.append(keep.evidence)
            keep.evidence = other.evidence
        else:
            keep.more_evidence.append(other.evidence)
        keep.more_evidence.extend(other.more_evidence)
        unique = {e.start: e for e in keep.more_evidence if e.start != keep.evidence.start}
        keep.more_evidence = [unique[k] for k in sorted(unique)]
    if keep.sub_event_type == "Armed clash" and other.sub_event_type in _TERRITORIAL:
        keep.sub_event_type = other.sub_event_type  # ACLED codes a fight that changes who holds a place as the change
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2
    keep.historical = keep.historical and other.historical
    names = {a.name for a in keep.assoc_actors} | {a.name for a in (keep.actor1, keep.actor2) if a is not None}
    keep.assoc_actors.extend(a for a in other.assoc_actors if a.name not in names)
    mine = (keep.location and keep.location.geo_precision) or 3
    better = other.location is not None and (other.location.geo_precision or 3) < mine
    if keep.location is None or better:
        keep.location = other.location or keep.location
    if keep.date is None or (keep.date.text is None and other.date is not None and other.date.text is not None):
        keep.date = other.date or keep.date
    if other.fatalities is not None and (keep.fatalities is None or other.fatalities > keep.fatalities):
        keep.fatalities = other.fatalities
    keep.confidence = max(keep.confidence, other.confidence)


def merge_duplicates(events: Sequence[Event]) -> list[Event]:
    """Events with duplicates merged, in order of their first report."""
    ranked = sorted(range(len(events)), key=lambda i: -events[i].confidence)
    kept: list[tuple[int, Event]] = []
    for i in ranked:
        ev = events[i]
        for j, (first, k) in enumerate(kept):
            if same_event(k, ev):
                _absorb(k, ev)
                kept[j] = (min(first, i), k)
                break
        else:
            kept.append((i, ev))
    return [ev for _, ev in sorted(kept, key=lambda x: x[0])]
