"""Where an event happened: the place of its clause or sentence, else the dateline's place.

Not every place mentioned: the most specific resolved place of the trigger's sentence,
the nearest to the trigger among equals. When the sentence names only countries or
admin-1 regions and the dateline's place lies in one of them (or the sentence names no
place), the dateline place is used. ACLED geo precision: 1 the town itself; 2 near or part
of a town, or a small region (admin-2, a natural feature); 3 an admin-1 region, a country
or larger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import GeoRef, Location, Place

__all__ = ["dateline_end", "locate", "locate_in_note", "precision_of", "road_ends"]

_RANK = {
    "city": 0, "admin2": 1, "natural": 1, "river": 2, "region": 2, "admin1": 3, "sea": 4, "country": 5, "continent": 6,
}
_NEAR = re.compile(r"\b(?:near|nearby|outskirts of|outside|close to|north of|south of|east of|west of|northeast of|"
                   r"northwest of|southeast of|southwest of|km from|kilometres from|kilometers from|miles from|"
                   r"countryside of|rural|suburbs? of|vicinity of|district of|area of|parts of|around)"
                   r"\W*(?:\w+\W+){0,3}$")


#: "Anadolu Agency reported", "told Petra", "Kyodo News said": a news outlet named like a place
#: (and "a 36-year-old sergeant of Austin": where someone comes from)
_OUTLET_AFTER = re.compile(r"^(?:'s)?\s*(?:state-run |state |official )?(?:news agency|agency|news\b|reported|reports|"
                           r"said|says|quoted|cited|television|tv\b|radio|newspaper|daily|wire)")
_OUTLET_BEFORE = re.compile(r"\b(?:told|according to|quoted by|cited by|reported by|state-run|state news agency|"
                            r"news agency|official news agency)\s+(?:the\s+)?$|"
                            r"\b\d+-year-old\b[^;]{0,80}\b(?:of|from)\s+(?:[\w'’.-]+,\s*)?$")  # a person's home town
#: a leading dateline: "BEIRUT (AP) —", "AL QAIM, Iraq -", "GOMA, July 30 (AFP) -"
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .]*?)?\s*(?:,\s*\w+ \d{1,2})?\s*(?:\([^)]{1,30}\))?"
                       r"\s*(?:[—–\ufffd-]+|:)")


#: a road named after its ends: "the Meru-Embu highway", "Dhaka - Barisal highway", "the Mogadishu-War Sheikh road"
_ROAD = re.compile(r"\b[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2} ?[-–] ?[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}"
                   r"(?: [A-Z][\w'’.]*)? (?:highway|road|motorway|expressway|route|corridor|axis)\b")


_ROAD_AFTER = re.compile(r" (?:[Aa]xis|[Aa]xe|[Rr]oad|[Hh]ighway)\b")


def road_ends(body: str, places: Sequence[Place]) -> set[int]:
    """Offsets of the places that are only the ends of a road's name (rule ``locate.road-ends``): the
    event happened on the road, between them, and another place of the note tells where."""
    spans = [(m.start(), m.end()) for m in _ROAD.finditer(body)]
    return {p.start for p in places if any(a <= p.start and p.end <= b for a, b in spans)
            or _ROAD_AFTER.match(body, p.end)}  # "roadblocks around Ippy Axe near Bria", "on Ngong Road"


def _off_road(body: str, places: list[Place]) -> list[Place]:
    """The places that are not a road's ends, or all of them when only road ends are named."""
    ends = road_ends(body, places)
    kept = [p for p in places if p.start not in ends]
    return kept or places


def dateline_end(body: str) -> int:
    """The end of a leading dateline ("BEIRUT (AP) —"), 0 without one: its place is the dateline's."""
    m = _DATELINE.match(body[:120])
    return m.end() if m else 0


#: "near the border with Somalia", "took the bus across the border into Somalia": a country the event happened
#: outside of (rule locate.other-side)
_ELSEWHERE = re.compile(r"\b(?:border with|borders with|border into|fled to|fled into|crossed into)\s+(?:the\s+)?$")


def _outlet(body: str, p: Place) -> bool:
    return bool(_OUTLET_AFTER.match(body[p.end : p.end + 30].lower())
                or _OUTLET_BEFORE.search(body[max(0, p.start - 100) : p.start].lower())
                or (p.feature == "country" and _ELSEWHERE.search(body[max(0, p.start - 40) : p.start].lower())))


def _rank(feature: str | None) -> int:
    return _RANK.get(feature or "city", 0)


def precision_of(feature: str | None, near: bool = False) -> int:
    """ACLED geo precision of a place of this feature class (``near`` = "near/outside X")."""
    rank = _rank(feature)
    if rank == 0:
        return 2 if near else 1
    if rank <= 2:
        return 2
    return 3


def _location(p: Place | GeoRef, precision: int) -> Location:
    return Location(p.name or getattr(p, "text", None), p.geonameid, p.lat, p.lon, p.country_code, p.admin1, precision)


def locate(
    body: str,
    places: Sequence[Place],
    sent_start: int,
    sent_end: int,
    trigger: int,
    dateline: GeoRef | None = None,
    previous: tuple[int, int] | None = None,
    actors: Sequence[tuple[int, int]] = (),
    skip_before: int = 0,
) -> Location | None:
    """The location of an event triggered at ``trigger`` in the sentence [sent_start, sent_end).

    A place inside an actor mention (``actors``: their offsets) is the actor's country, not
    where the event happened ("*Turkish* troops shelled villages in northern Syria"); it is
    used only when nothing else places the event. A news outlet named like a place ("Anadolu
    Agency reported", "told Petra") is no place, nor is the dateline's (places before
    ``skip_before``, see :func:`dateline_end`): the dateline place is used only as the fallback.
    """
    lo = min(sent_start, previous[0]) if previous is not None else sent_start
    hi = max(sent_end, previous[1]) if previous is not None else sent_end
    # only places of this sentence or the one before can be chosen: check just those against the actors
    resolved = [p for p in places if p.lat is not None and p.lon is not None and lo <= p.start and p.end <= hi
                and p.start >= skip_before and not _outlet(body, p)]
    resolved = _off_road(body, resolved)
    near = [(s, e) for s, e in actors if s < hi and e > lo]
    own = [p for p in resolved if not any(s <= p.start and p.end <= e for s, e in near)]
    if len(own) < len(resolved):
        found = _locate(body, own, sent_start, sent_end, trigger, dateline, previous)
        if found is not None:
            return found
    return _locate(body, resolved, sent_start, sent_end, trigger, dateline, previous)


def _locate(
    body: str,
    resolved: Sequence[Place],
    sent_start: int,
    sent_end: int,
    trigger: int,
    dateline: GeoRef | None,
    previous: tuple[int, int] | None,
) -> Location | None:
    inside = [p for p in resolved if sent_start <= p.start and p.end <= sent_end]
    if not inside and previous is not None:
        inside = [p for p in resolved if previous[0] <= p.start and p.end <= previous[1]]
    best = min(inside, key=lambda p: (_rank(p.feature), abs(p.start - trigger))) if inside else None
    if best is not None:
        best = _contained(body, inside, best)
    if best is not None and _rank(best.feature) == 2 and previous is not None:
        # rule locate.specific-before: "… in Hargeysa Yare town (Jilib, Middle Juba). […] near the Juba river":
        # a river or region told after a town of the same country in the sentence before is where that town is
        before = [p for p in resolved if previous[0] <= p.start and p.end <= previous[1] and _rank(p.feature) <= 1
                  and p.country_code == best.country_code]
        if before:
            town = min(before, key=lambda p: (_rank(p.feature), -p.start))
            return _location(town, 2)
    if best is not None and _rank(best.feature) <= 2:
        near = bool(_NEAR.search(body[max(sent_start, best.start - 40) : best.start].lower()))
        return _location(best, precision_of(best.feature, near))
    if dateline is not None and dateline.lat is not None and dateline.lon is not None:
        countries = {p.country_code for p in inside if p.country_code}
        if best is None or not countries or dateline.country_code in countries:
            precision = 2 if _rank(dateline.feature) == 0 else precision_of(dateline.feature)
            return _location(dateline, precision)
    if best is not None:
        return _location(best, precision_of(best.feature))
    return None


#: "Gulran district, Herat", "Kisiwani, Kilifi": the gap between a place and the unit that holds it
_HELD_BY = re.compile(r"(?: (?:district|sub-?district|county|sub-county|township|upazila|province|region|area|"
                      r"division|department|prefecture|municipality|commune|LGA))?,? (?:in )?", re.I)


def _contained(body: str, inside: Sequence[Place], best: Place) -> Place:
    """Rule ``locate.inner-unit``: the place written just before the one chosen and held by it ("in the Toti-Chi
    village of Gulran district, Herat": Herat is the province holding Gulran, though read as its city)."""
    for p in inside:
        if p.end <= best.start and p.country_code == best.country_code and _rank(p.feature) <= 1 and (
            _HELD_BY.fullmatch(body[p.end : best.start])
        ) and p.name != best.name:
            return p
    return best


def locate_in_note(body: str, places: Sequence[Place], trigger: int, actors: Sequence[tuple[int, int]] = (),
                   skip_before: int = 0) -> Location | None:
    """The place of an event in a short report (an ACLED-style note of a few sentences) whose own
    sentence names none: the nearest town, district or natural feature of the whole note, else its
    nearest region or country ("A baby was injured by police during a protest. [...] in Kisumu.").
    A place inside an actor mention or a news outlet's name is not used."""
    resolved = [p for p in places if p.lat is not None and p.lon is not None and p.start >= skip_before
                and not _outlet(body, p) and not any(s <= p.start and p.end <= e for s, e in actors)]
    if not resolved:
        return _capital(body) if not any(p.lat is not None for p in places) else None
    resolved = _off_road(body, resolved)
    best = min(resolved, key=lambda p: (_rank(p.feature) > 2, abs(p.start - trigger), _rank(p.feature)))
    near = bool(_NEAR.search(body[max(0, best.start - 40) : best.start].lower()))
    return _location(best, precision_of(best.feature, near))


def _capital(body: str) -> Location | None:
    """Rule ``locate.capital-fallback``: a short note that names no place but forces, missions or parties of one
    country ("MDC Alliance officials were arrested", "a MINUSCA peacekeeper …") happened in that country; it is
    placed at its capital with ACLED's country-level precision 3."""
    from ..places.lexicon import capital_of, cue_country

    cc = cue_country(body)
    capital = capital_of(cc) if cc else None
    if cc is None or capital is None:
        return None
    name, lat, lon, admin1, gid = capital
    return Location(name, gid, lat, lon, cc, admin1, 3)
