"""ACLED's place hints: "Village (District, Region)", "in X district of Y" — which mentions are the
units of a hint, and how the hinted region confines the place before it (rules
``places.admin-hint``, ``coherence.hint-votes``, and the village-in-region check). Split out of
:mod:`dateline.places.resolve`, which calls these while resolving.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .coherence import local_reading
from .detect import Mention
from .entries import TOWN_POPULATION, Entry, Match
from .lexicon import listed_aliases
from .scoring import km, prior

__all__ = ["ADMIN_TYPE_WORDS", "HINT_REACH_KM", "admin_hints", "chain_coherence", "hint_groups"]

# "Bar-Sanguun village (Jamaame, Lower Juba)", "Hpakant township (Mohnyin District": a typed place, then its units
_TYPED_PAREN = re.compile(r" (?:town|village|city|locality|area|township|district|sub-county|county|commune|"
                          r"upazila|neighbou?rhood|camp|municipality|province|region|state|LGA) ?\((?:coded as )?",
                          re.I)

#: the rest of a name the gazetteer lacks, then its type word: "Hargeysa| Yare town (" (its first word alone is
#: some other place, which the hint's region then rules out)
_PARTIAL_NAME = re.compile(r"(?: [A-Z][\w'’-]*){1,2} (?:town|village|locality|area|neighbou?rhood|camp) ?\(")

_PAREN = re.compile(r"\(([^()]{2,120})\)?")
_PAREN_SKIP = re.compile(r"^(?:coded as|near|in|the|as reported|from)\s+", re.I)


def admin_hints(body: str, mentions: Sequence[Mention]) -> set[int]:
    """Mentions that a parenthesized hint makes places: "Bria (Bria, Haute-Kotto)", "Cadale (Cadale,
    Middle Shabelle)", "Hpakant township (Mohnyin District, Kachin State)". When the last name in
    the parentheses is a region (admin-1) by its own or an alternate name, or a district (admin-2) by
    its own name, every name in them, and
    the name just before them, is read as a place, whatever the tagger calls them (it often reads
    the whole "Bria (Bria, Haute-Kotto" as a title)."""
    at = {(m.start, m.end): i for i, m in enumerate(mentions)}
    starts = {m.start: i for i, m in enumerate(mentions)}
    ends = {m.end: i for i, m in enumerate(mentions)}
    out: set[int] = set()
    for paren in _PAREN.finditer(body):
        inner_start = paren.start(1)
        parts = []
        pos = inner_start
        for raw in paren.group(1).split(","):
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            skip = _PAREN_SKIP.match(text)
            if skip:
                lead, text = lead + skip.end(), text[skip.end():]
            parts.append((pos + lead, pos + lead + len(text)))
            pos += len(raw) + 1
        found = [at.get(span, _article_less(body, span, ends)) for span in parts]
        # a trailing type word: "Kachin State", "Mohnyin District" are found as "Kachin", "Mohnyin"
        for k, (a, b) in enumerate(parts):
            if found[k] is None and a in starts:
                tail = body[mentions[starts[a]].end : b].strip().lower()
                if tail in ADMIN_TYPE_WORDS:
                    found[k] = starts[a]
        last = found[-1] if found else None
        if last is None or _bare_acronym(mentions[last]) or not any(_hint_unit(x) for x in mentions[last].matches):
            _acled_shape(body, paren, mentions, found, out)
            continue
        out.update(i for i in found if i is not None and mentions[i].matches)
        before = [i for i, m in enumerate(mentions) if m.end <= paren.start()]
        if before:
            j = before[-1]
            gap = body[mentions[j].end : paren.start()]
            if gap.strip() == "" or _TYPED_PAREN.fullmatch(gap + "(") or (
                _PARTIAL_NAME.fullmatch(gap + "(") and any(x.quality == 0 and x.entry.feature == "city"
                                                           for x in mentions[j].matches)
            ):  # "Kakuma Refugee camp (Turkana)": a town's name begins the camp's (hint-region then checks it)
                out.add(j)
    return out


def _bare_acronym(m: Mention) -> bool:
    """An acronym that is not a region abbreviation of our alias list ("J&K" is one, "SNA" is not)."""
    return m.acronym and m.key not in listed_aliases()


#: ACLED's "Village (District, Region)": one to three capitalized names of a few words each, comma-separated
_UNIT_LIST = re.compile(r"[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}(?:, ?[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}){0,2}")


def _acled_shape(body: str, paren: re.Match[str], mentions: Sequence[Mention], found: list[int | None],
                 out: set[int]) -> None:
    """A parenthesis of the shape "(District, Region)" whose last name the gazetteer lacks or cannot
    tell ("Kasoa (Awutu Efutu Senya, Central)", "Harande (Boali, Ombrella-M'Poko)"): the names in it
    that are districts, regions or towns of 15,000 are places, and so is the name just before it
    when the gazetteer has it by its own name (a town, a district or a region), in place."""
    inner = paren.group(1)
    if not _UNIT_LIST.fullmatch(inner):
        return
    units = [i for i in found if i is not None and not _bare_acronym(mentions[i])
             and any(_hint_unit(x) for x in mentions[i].matches)]
    if "," not in inner and not units:
        return  # "Smith (Reuters)": one name, not a known unit
    out.update(units)
    before = [i for i, m in enumerate(mentions) if m.end <= paren.start()]
    if not before:
        return
    j = before[-1]
    gap = body[mentions[j].end : paren.start()]
    if (gap.strip() == "" or _TYPED_PAREN.fullmatch(gap + "(")) and not mentions[j].acronym and any(
        x.quality == 0 and x.entry.feature in ("city", "admin2", "admin1") for x in mentions[j].matches
    ):
        out.add(j)


def hint_groups(body: str, mentions: Sequence[Mention]) -> list[list[int]]:
    """The mentions of each ACLED-shaped hint, in text order: the name before "(District, Region)" and the
    names inside the parentheses (two at least)."""
    groups = []
    for paren in _PAREN.finditer(body):
        if not _UNIT_LIST.fullmatch(paren.group(1)):
            continue
        members = [i for i, m in enumerate(mentions) if paren.start(1) <= m.start and m.end <= paren.end(1)]
        before = [i for i, m in enumerate(mentions) if m.end <= paren.start()]
        if before:
            gap = body[mentions[before[-1]].end : paren.start()]
            if gap.strip() == "" or _TYPED_PAREN.fullmatch(gap + "(") or _PARTIAL_NAME.fullmatch(gap + "("):
                members.insert(0, before[-1])  # (also the first word of a longer unknown name: "Hargeysa Yare town")
        if len(members) >= 2:
            groups.append(members)
    return groups


def _hint_coherence(body: str, mentions: Sequence[Mention],
                    resolved: list[tuple[Mention, Entry, float]]) -> list[tuple[Mention, Entry, float]]:
    """Rule ``coherence.hint-country``: the names of one "Village (District, Region)" hint lie in the
    country of its last resolved unit; a name of it resolved abroad ("Bolele (Lim, Ngaoundaye)": no
    Peruvian Lima) takes its reading in that country, or is no place of the text."""
    at = {id(m): k for k, (m, _, _) in enumerate(resolved)}
    out: list[tuple[Mention, Entry, float] | None] = list(resolved)
    for group in hint_groups(body, mentions):
        members = [mentions[i] for i in group if id(mentions[i]) in at]
        if len(members) < 2:
            continue
        _town_of_its_unit(body, members, at, out)
        anchor = resolved[at[id(members[-1])]][1]
        cc = anchor.country_code
        if not cc or anchor.feature not in ("admin1", "admin2", "city"):
            continue
        for m in members[:-1]:
            k = at[id(m)]
            row = out[k]
            if row is None:
                continue
            e, conf = row[1], row[2]
            if m.demonym is not None or not e.country_code or e.feature in ("country", "continent"):
                continue
            if e.country_code == cc:
                if _before_paren(body, m):  # the village, not a unit inside the hint (ACLED's own may be off)
                    out[k] = _within_region(m, e, anchor, conf)
                continue
            local = local_reading(m, cc)
            out[k] = (m, local, conf) if local is not None else None
    return [r for r in out if r is not None]


def _town_of_its_unit(body: str, members: Sequence[Mention], at: dict[int, int],
                      out: list[tuple[Mention, Entry, float] | None]) -> None:
    """Rule ``coherence.town-of-its-unit``: "Tripoli (Tripoli)", "Jenin camp (Jenin, West Bank)": the name before
    the hint, written again inside it, is the unit's town, not the unit (one name, one sense, made both the
    region), in place."""
    first = members[0]
    k = at[id(first)]
    row = out[k]
    if row is None or not _before_paren(body, first) or row[1].feature not in ("admin1", "admin2"):
        return
    unit = row[1]
    if not any(m.key == first.key for m in members[1:]):
        return
    towns = [x for x in first.matches if x.quality <= 1 and x.entry.feature == "city"
             and x.entry.country_code == unit.country_code and x.entry.admin1_code == unit.admin1_code]
    if towns:
        out[k] = (first, max(towns, key=prior).entry, row[2])


def _before_paren(body: str, m: Mention) -> bool:
    """Whether a mention stands before a parenthesis rather than inside one."""
    opening, closing = body.find("(", m.end), body.find(")", m.end)
    return opening != -1 and (closing == -1 or opening < closing)


#: a hinted place this close to its region's point is taken as inside it (GeoNames and ACLED borders differ)
HINT_REACH_KM = 120.0


def _within_region(m: Mention, e: Entry, anchor: Entry, conf: float) -> tuple[Mention, Entry, float] | None:
    """Rule ``coherence.hint-region``: a town named before "(District, Region)" lies in that region
    ("Raga Ceel village (Balcad, Middle Shabelle)" is no Eyl of Nugaal by an alternate name): a
    town read in another region takes its reading in the hinted one, or is no place of the text
    (the hint's district then places the event)."""
    if anchor.feature not in ("admin1", "admin2") or e.feature not in ("city", "facility") or not anchor.admin1_code:
        return (m, e, conf)
    if e.admin1_code == anchor.admin1_code or km(e, anchor) <= HINT_REACH_KM:
        return (m, e, conf)
    options = [x for x in m.matches if x.quality <= 1 and x.entry.country_code == anchor.country_code
               and x.entry.admin1_code == anchor.admin1_code and x.entry.feature in ("city", "facility")]
    return (m, max(options, key=prior).entry, conf) if options else None


_ARTICLES = frozenset({"an", "al", "el", "as", "ad", "ar", "ash", "at", "az", "the"})


def _article_less(body: str, span: tuple[int, int], ends: dict[int, int]) -> int | None:
    """The mention of a parenthesized name found without its article ("An Nuqat al Khams" as "Nuqat al Khams")."""
    i = ends.get(span[1])
    if i is None:
        return None
    head = body[span[0] : span[1]].split(" ", 1)[0].lower()
    return i if head in _ARTICLES and len(body[span[0] : span[1]]) > len(head) + 1 else None


def _hint_unit(x: Match) -> bool:
    """Whether a gazetteer match can end an admin hint: a region (also by an article-less name), a
    district by its own name, or a town of 15,000 ("Al Qarya (Misrata)")."""
    e = x.entry
    return ((x.quality <= 2 and e.feature == "admin1") or (x.quality == 0 and e.feature == "admin2")
            or (x.quality <= 1 and e.feature == "city" and e.population >= TOWN_POPULATION))


ADMIN_TYPE_WORDS = frozenset({"state", "region", "district", "province", "county", "governorate", "division",
                              "prefecture", "department", "township", "sub-county", "upazila", "lga"})


def _hint_country(body: str, mentions: Sequence[Mention], out: Sequence[tuple[Mention, Entry, float]]) -> str | None:
    """Rule ``coherence.hint-votes``: the country of the region or district that ends a text's first ACLED hint."""
    chosen = {id(m): e for m, e, _ in out}
    for group in hint_groups(body, mentions):
        last = chosen.get(id(mentions[group[-1]]))
        if last is not None and last.feature in ("admin1", "admin2") and last.country_code:
            return last.country_code
    return None


#: the unknown middle of "Town, Locality, Region": one or two capitalized names the gazetteer lacks
_CHAIN_GAP = re.compile(r", (?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}, ){1,2}")


def chain_coherence(body: str, mentions: Sequence[Mention],
                    resolved: list[tuple[Mention, Entry, float]]) -> list[tuple[Mention, Entry, float]]:
    """Rule ``coherence.chain-region``: in "Buenos Aires, Nuevo Chimbote, Ancash" the region that ends a comma
    chain holds the names before it, across names the gazetteer lacks: a town read in another country
    ("Buenos Aires" of Argentina, a big city kept abroad by :func:`cohere`) takes its reading in the region's
    country and region, or is no place of the text (the region then places the event)."""
    at = {id(m): k for k, (m, _, _) in enumerate(resolved)}
    order = sorted((m.start, m.end, id(m)) for m, _, _ in resolved)
    out: list[tuple[Mention, Entry, float] | None] = list(resolved)
    for (_, end, a), (start, stop, b) in itertools.pairwise(order):
        gap = _CHAIN_GAP.fullmatch(body[end:start])
        after = body[stop : stop + 6]
        if gap is None or after.startswith((" and ", " or ", ", and ", ", or ")) or (
            after.startswith(", ") and after[2:3].isupper()
        ):
            continue  # "Paris, Lyon, Marseille and Nice": a list, not a chain of units
        (m, e, conf), unit = resolved[at[a]], resolved[at[b]][1]
        if unit.feature != "admin1" or not unit.country_code or e.country_code == unit.country_code or (
            m.demonym is not None or e.feature not in ("city", "admin2")
        ):
            continue
        options = [x for x in m.matches if x.quality <= 1 and x.entry.country_code == unit.country_code
                   and x.entry.admin1_code == unit.admin1_code and x.entry.feature in ("city", "admin2")]
        out[at[a]] = (m, max(options, key=prior).entry, conf) if options else None
    return [r for r in out if r is not None]
