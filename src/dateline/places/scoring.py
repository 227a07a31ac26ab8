"""How well a gazetteer candidate fits a mention in its article: prior, context, score.

The evidence a resolver weighs — population and feature type (:func:`prior`), the countries
and places the article names (:class:`Context`), containers ("X, Y", "X in Y"), nearness to
places already held — is computed here; :mod:`.resolve` decides with it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .detect import Mention
from .entries import TOWN_POPULATION, Entry, Gazetteer, Match
from .lexicon import capitals
from .normalize import name_key

__all__ = [
    "ADMIN_WORDS",
    "LOCATIVE",
    "MISREAD",
    "NATURAL",
    "TOWN_WORDS",
    "Context",
    "build_context",
    "candidate_score",
    "city_of_region",
    "demonym_entry",
    "holding",
    "is_capital",
    "km",
    "leading",
    "others_named",
    "prior",
]

NATURAL = frozenset({"river", "sea", "region", "natural", "facility"})
ADMIN_WORDS = frozenset({"province", "governorate", "region", "district", "state", "county", "countryside"})
TOWN_WORDS = frozenset({"town", "city", "village", "suburb", "port", "capital"})


def prior(match: Match) -> float:
    """How likely an entry is, before any context."""
    e, q = match.entry, match.quality
    if e.feature == "country":
        return 12.0 - q * 0.5
    if e.feature == "continent":
        return 9.5 - q * 0.5
    if e.feature in NATURAL:
        return (7.0, 6.5, 4.5, 4.0)[q]
    if e.feature == "admin1":  # a small region (a Jamaican parish) is no likelier than a big city
        base = (6.0, 5.7, 5.0, 4.5)[q]
        return min(base, math.log10(e.population) + 0.3 - (0.0, 0.3, 1.0, 1.5)[q]) if e.population > 0 else base
    if e.feature == "admin2":  # population: of its towns
        return (4.2, 3.8, 3.0, 2.5)[q] + (0.5 * math.log10(e.population / 10_000) if e.population > 10_000 else 0.0)
    return math.log10(e.population + 10) - (0.0, 0.8, 1.2, 1.5)[q]


def is_capital(e: Entry) -> bool:
    cap = capitals().get(e.country_code or "")
    return bool(cap) and e.population >= 10_000 and name_key(e.name).startswith(cap)  # type: ignore[arg-type]


def km(a: Entry, b: Entry) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(slots=True)
class Context:
    """What the article says about where it is."""

    countries: Counter[str]
    dateline_country: str | None = None
    admin1s: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # admin-1 -> keys naming it
    demonym_only: set[str] = field(default_factory=set)  # countries named only by adjectives ("Russian forces")

    @property
    def focus(self) -> str | None:
        if self.dateline_country:
            return self.dateline_country
        top = self.countries.most_common(1)
        return top[0][0] if top else None


def demonym_entry(target: str, gazetteer: Gazetteer) -> Entry | None:
    if len(target) == 2 and target.isupper():
        return gazetteer.country(target)
    matches = gazetteer.lookup(name_key(target))
    return max(matches, key=prior).entry if matches else None


def build_context(mentions: Iterable[Mention], gazetteer: Gazetteer, dateline_country: str | None) -> Context:
    counts: Counter[str] = Counter()
    adjectives: set[str] = set()
    for m in mentions:
        if m.demonym is not None:
            cc = m.demonym if len(m.demonym) == 2 else None
            if cc:
                counts[cc] += 1
                adjectives.add(cc)
            continue
        best = max(m.matches, key=prior, default=None)
        if best is None:
            continue
        if best.entry.feature == "country" and best.entry.country_code:
            counts[best.entry.country_code] += 1
        elif len({x.entry.country_code for x in m.matches}) == 1 and best.entry.country_code:
            counts[best.entry.country_code] += 0.5  # type: ignore[assignment]
    named = {max(m.matches, key=prior).entry.country_code for m in mentions if m.demonym is None and m.matches}
    if dateline_country:
        counts[dateline_country] += 2
    admin1s: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        best = max(m.matches, key=prior, default=None)
        if best is not None and best.entry.feature == "admin1" and best.entry.country_code and best.entry.admin1_code:
            admin1s[(best.entry.country_code, best.entry.admin1_code)].add(m.key)
    return Context(counts, dateline_country, dict(admin1s), adjectives - named - {dateline_country})


#: what :func:`candidate_score` reads of a context's counts: ``countries.most_common(1)`` and ``focus``
Leading = tuple[list[tuple[str, int]], str | None]


def leading(ctx: Context) -> Leading:
    """``ctx.countries.most_common(1)`` and ``ctx.focus``, for :func:`candidate_score` (worked out once for all
    the candidates scored in one unchanged context, not once a candidate)."""
    return ctx.countries.most_common(1), ctx.focus


def candidate_score(
    match: Match, mention_group: Sequence[Mention], ctx: Context, held: dict[int, list[Entry]],
    lead: Leading | None = None,
) -> float:
    top, focus = lead or leading(ctx)
    e = match.entry
    score = prior(match)
    if e.feature == "city" and is_capital(e):
        score += 0.8
    cc = e.country_code
    # rule places.attacker-demonym: the forces' adjective ("Russian troops advanced on Pokrovsk") says who
    # attacks, not where: no evidence for the place of an attack
    attacker = cc in ctx.demonym_only and any(m.target for m in mention_group)
    if cc and e.feature != "country":
        if ctx.countries.get(cc) and not attacker:
            score += 1.0
        elif ctx.countries and top[0][1] >= 2 and not ctx.countries.get(cc):
            score -= 1.0  # a country the article never names, when it clearly names another
        if cc == focus and not attacker:
            score += 0.5
        if e.feature in ("city", "admin2") and ctx.admin1s.get((cc, e.admin1_code or ""), set()) - {
            mention_group[0].key
        }:
            score += 1.5  # Edmonton in a story that names Kentucky
    for m in mention_group:
        if m.cue_after in ADMIN_WORDS or m.cue_before in ("province", "region", "governorate"):
            score += 1.5 if e.feature in ("admin1", "admin2") else 0.0
        if m.cue_before in TOWN_WORDS or m.cue_after in ("town", "city"):
            score += 1.5 if e.feature == "city" else 0.0
        if m.cue_after == "river" or m.cue_before == "river":
            score += 3.0 if e.feature == "river" else 0.0  # "the Benue river" is not Benue state
    region_named = any(m.cue_after in ADMIN_WORDS or m.cue_before in ("province", "region", "governorate")
                       for m in mention_group)
    if e.feature == "city" and not region_named and any(
        x.entry.feature == "admin1" and x.entry.country_code == cc and x.entry.admin1_code == e.admin1_code
        and e.population >= 0.25 * x.entry.population for x in mention_group[0].matches
    ):
        score += 1.5  # the city that makes up much of its namesake region (Aleppo, Kirkuk, Idlib)
    if e.feature == "admin1" and match.quality == 0 and any(
        x.entry.feature == "admin1" and x.quality == 0 and x.entry.country_code != cc for x in mention_group[0].matches
    ) and all(e.population > 2 * x.entry.population for x in mention_group[0].matches
              if x.entry.feature == "admin1" and x.entry.country_code != cc):
        score += 0.5  # the larger of namesake regions: Maryland (US) over Maryland (Liberia)
    if e.feature == "admin1" and match.quality == 0 and cc == focus and any(
        x.entry.feature == "country" and x.entry.country_code != cc for x in mention_group[0].matches
    ):
        score += 5.0  # Georgia in an American story is the state
    for container in held.get(id(mention_group[0]), ()):
        if container.feature == "country" and container.country_code == cc:
            score += 3.0
        elif container.feature == "admin1" and container.country_code == cc and container.admin1_code == e.admin1_code:
            score += 3.5
    return score


def others_named(ctx: Context, matches: Sequence[Match]) -> set[str]:
    """The countries an article names apart from a name's own half vote (build_context) and apart from
    adjectives alone ("Russian forces")."""
    own = {x.entry.country_code for x in matches}
    own_vote = 0.5 if len(own) == 1 else 0.0
    return {c for c, v in ctx.countries.items()
            if v - (own_vote if c in own else 0.0) >= 0.5 and c not in ctx.demonym_only}


def city_of_region(e: Entry, mention_group: Sequence[Mention]) -> Entry | None:
    """The city a region chosen for a name stands for, when the region's word is not written (the region
    gives way to its own city, never to a namesake abroad): rule ``places.target-city`` (an admin-1 or
    admin-2 region) when the name is what an attack acts on ("bombed Sagaing", "raided Monguno");
    rule ``places.city-over-alias`` (an admin-1 region) when the city goes by that name and the region
    only by an alternate one ("killed in Kherson": not Khersonska oblast). None when neither holds. (A town
    read only by its verb in a country the article does not name is dropped before: places.target-abroad.)"""
    if e.feature not in ("admin1", "admin2") or any(
        m.cue_after in ADMIN_WORDS or m.cue_before in ("province", "region", "governorate") for m in mention_group
    ):
        return None
    matches = mention_group[0].matches
    cities = [x for x in matches if x.entry.feature == "city" and x.quality <= 1
              and x.entry.population >= TOWN_POPULATION
              and x.entry.country_code == e.country_code and x.entry.admin1_code == e.admin1_code]
    if not cities:
        return None
    city = max(cities, key=lambda x: x.entry.population).entry
    if any(m.target for m in mention_group):
        return city
    quality = min((x.quality for x in matches if x.entry.gid == e.gid), default=0)
    if e.feature == "admin1" and quality >= 1 and any(x.quality == 0 for x in cities):
        return city
    return None


#: prepositions that put the next name on a map ("near Bakhmut", "fighting around Avdiivka")
LOCATIVE = frozenset({"in", "near", "outside", "around", "at", "into", "inside", "towards", "toward", "across",
                      "throughout", "to", "from", "nearby", "neighbouring", "neighboring", "between", "off",
                      *"north south east west northeast northwest southeast southwest".split(), "outskirts",
                      "downtown"})
#: labels the small model gives towns it does not know
MISREAD = frozenset({"", "ORG", "PRODUCT", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "FAC"})


def holding(e: Entry, inner: Iterable[Mention]) -> float:
    """A bonus for a container that holds a namesake of what it contains: "Athens, Georgia" is the
    state that has an Athens, not the country that has none."""
    if e.feature not in ("country", "admin1"):
        return 0.0
    for m in inner:
        for x in m.matches:
            if x.quality <= 1 and x.entry.feature in ("city", "admin2") and x.entry.country_code == e.country_code and (
                e.feature == "country" or x.entry.admin1_code == e.admin1_code
            ):
                return 7.0
    return 0.0


