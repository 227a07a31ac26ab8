"""Which mentions are places, and which place each one is.

Acceptance (:func:`accept`) weighs the gazetteer match against what the NER model and the
surrounding words say. Disambiguation (:func:`resolve`) scores every candidate entry of a
name with a prior (feature type, population, capital, how well the name matched) plus the
context of the article: the countries it names (also through demonyms and the dateline),
"X, Y" and "X in Y" containment, type words ("the town of", "province") and nearness to the
other places it mentions. Every mention of the same name in an article gets the same place.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .coherence import cohere
from .detect import PLACE_CUES, PLACE_LABELS, TYPE_CUES_AFTER, TYPE_CUES_BEFORE, Mention
from .entries import CITY_POPULATION, TOWN_POPULATION, Entry, Gazetteer, Match
from .hints import (
    _TYPED_PAREN,
    _hint_coherence,
    _hint_country,
    admin_hints,
    chain_coherence,
)
from .lexicon import cue_country, listed_aliases
from .normalize import SKELETON_COUNTRIES
from .scoring import (
    LOCATIVE,
    MISREAD,
    NATURAL,
    TOWN_WORDS,
    Context,
    build_context,
    candidate_score,
    city_of_region,
    demonym_entry,
    holding,
    km,
    leading,
    others_named,
    prior,
)

__all__ = ["accept", "containers", "resolve"]



def _strength(matches: Sequence[Match]) -> int:
    """2: a country, continent, admin-1, curated feature or city of 100k; 1: a town of 15k; 0 else."""
    best = 0
    for m in matches:
        e = m.entry
        if m.quality <= 1 and (e.feature in ("country", "continent", "admin1") or e.feature in NATURAL):
            return 2
        if e.feature == "city" and m.quality <= 1:
            if e.population >= CITY_POPULATION:
                return 2
            if e.population >= TOWN_POPULATION:
                best = max(best, 1)
        elif e.feature in ("admin1", "admin2") and m.quality <= 1:
            if e.feature == "admin2" and m.quality == 0 and e.population >= 250_000:
                return 2  # a county of a quarter of a million people by its own name (Cumbria, Wiltshire)
            best = max(best, 1)
    return best


def _well_known(matches: Sequence[Match]) -> bool:
    """A town of 15,000 or an admin-1 region by its name or an alternate name, or a city of 100,000 by its
    name without its article ("Qamishli" for Al Qāmishlī)."""
    return any(
        (x.quality <= 1 and (x.entry.feature == "admin1"
                             or (x.entry.feature == "city" and x.entry.population >= TOWN_POPULATION)))
        or (x.quality == 2 and x.entry.feature == "city" and x.entry.population >= CITY_POPULATION)
        for x in matches
    )


def accept(m: Mention, contained: bool = False) -> bool:
    """Whether a candidate mention is read as a place."""
    label, embedded = m.ner.rstrip("*"), m.ner.endswith("*")
    if m.container_only:  # "Ga.": only in "Gainesville, Ga." (see resolve)
        return False
    if m.demonym is not None:  # "Azerbaijani soldiers" (even when tagged PERSON), not "Paul French"
        return not (label == "PERSON" and m.inside_name)
    strength = _strength(m.matches)
    if all(x.quality == 3 for x in m.matches):  # a skeleton match needs the model or "X in Y" behind it
        return (label in PLACE_LABELS and not embedded and not m.common) or (contained and label == "PERSON")
    if embedded and m.cue_before in ("'s", "’s") and strength < 2 and m.cue_after in _SITE_WORDS:
        return False  # "Nairobi's Freedom Park": a named site of the place before, no town called Freedom
    if embedded and strength == 1 and m.cue_after in ("city", "town", "village") and not m.common and (
        not m.person_name
    ):
        return True  # "8 KM west of Ain al Arab city" inside a misread title: a town of 15,000 typed as one
    if embedded and strength < 2 and all(x.quality >= 1 for x in m.matches):
        return False  # "Cape Sable Island" is no Sablé-sur-Sarthe: a word of an unknown name, by an alternate name
    if not embedded and not m.person_name and any(x.quality <= (1 if x.entry.gid is None else 0) and _curated(x.entry)
                                                  for x in m.matches):
        return True  # "the Incirlik air base" (tagged PERSON), "Heathrow", "in Kayole": a listed facility or site
    if m.cue_after in ("border", "borders", "frontier") and not embedded and (
        label != "PERSON" or m.cue_before == "the") and any(
        x.quality == 0 and x.entry.feature == "country" for x in m.matches
    ):
        return True  # "on the Chad border"
    if m.acronym:  # BA, NBC, CEO: only the country and region abbreviations of our alias list
        return m.key in listed_aliases() and label != "PERSON"
    if label == "NORP":  # "English", "Kurdish": peoples and languages; "outskirts of Aleppo" is a place
        alone = not m.cue_after[:1].isalpha() or m.cue_after in ("and", "or", "on", "in", "at", "after", "before")
        if not embedded and not m.common and any(x.quality == 0 and (
            x.entry.feature in ("country", "admin1")
            or (alone and x.entry.feature == "city" and x.entry.population >= CITY_POPULATION)
        ) for x in m.matches):
            return True  # a region or a city by its own name is no people ("the Abkhazia boundary", "entered Aleppo,")
        cue = m.cue_before in PLACE_CUES or m.cue_before in TYPE_CUES_BEFORE or contained
        return strength == 2 and cue and any(x.quality == 0 for x in m.matches)
    if m.person_name and not (m.cue_before in PLACE_CUES or contained):
        return False
    if m.target and not embedded and label in MISREAD and not m.acronym and (not m.common or m.tagged_common) and (
        _well_known(m.matches)
    ):
        return True  # rule places.target-*: "shelled Kherson" (PERSON), "Odesa was hit", "bombed Sagaing"
    cue = m.cue_before in PLACE_CUES or m.cue_before in TYPE_CUES_BEFORE or m.cue_after in TYPE_CUES_AFTER
    self_typed = " " in m.text and m.text.rsplit(" ", 1)[1].lower() in TYPE_CUES_AFTER  # "Hamilton County"
    typed = m.cue_before in TYPE_CUES_BEFORE or m.cue_after in TYPE_CUES_AFTER or contained or self_typed
    common = m.common
    if not embedded and m.cue_before in TOWN_WORDS and label != "PERSON" and any(
        x.quality == 0 and x.entry.feature in ("city", "admin2") for x in m.matches
    ):
        return True  # "the Northern Territory town of Katherine", "the city of Florence"
    if m.tagged_common and not embedded and m.cue_after in TYPE_CUES_AFTER and strength >= 1:
        return True  # "Dhubri and Barpeta districts": an unknown name the tagger reads as a word, typed
    if common and (embedded or (label and label not in PLACE_LABELS)):
        return False
    if label in PLACE_LABELS:
        return not (common and strength < 2 and not cue)
    if label == "PERSON":
        if embedded:
            return False
        if contained and any(x.quality <= 1 for x in m.matches):
            return True  # "Ras al-Ain in northeastern Syria"
        if strength == 2 and any(x.entry.feature in ("country", "admin1") and x.quality == 0 for x in m.matches):
            return True
        if strength >= 1 and m.cue_before in PERSON_LOCATIVE and not common and m.cue_after not in ("'s", "’s") and any(
            x.quality == 0 and x.entry.feature == "city" and x.entry.population >= TOWN_POPULATION for x in m.matches
        ):
            return True  # "kidnapped in Kaga Bandoro": a town of 15,000 by its own name after "in", whole
        comma = m.cue_before == "," or m.cue_after == ","  # "University of Technology, Owerri"
        return (strength == 2 and (cue or contained or comma)) or (strength >= 1 and typed)
    if label == "WORK_OF_ART" and not embedded and not common and m.cue_before in PERSON_LOCATIVE | {"between"} and any(
        x.quality == 0 and x.entry.feature == "city" and x.entry.population >= TOWN_POPULATION for x in m.matches
    ):
        return True  # "on the road between Bangui and Boali": a town the tagger reads as a title, after a preposition
    if label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW"):
        return False
    if label:  # ORG, NORP, EVENT, PRODUCT, LANGUAGE: a place inside an organization's name counts
        town_of = not embedded and not common and m.cue_before in TOWN_WORDS  # "the border town of Badme"
        # "signed a truce in Bouar": a town of 15,000 after a place preposition, whole, that the tagger calls an ORG
        located = label == "ORG" and not embedded and not common and m.cue_before in LOCATIVE and not m.acronym
        return (strength == 2 and not common) or (strength >= 1 and (typed or located)) or town_of
    if common:
        return strength >= 1 and typed
    if strength == 2:
        return True
    if strength == 1:
        return cue or contained
    return typed


def _curated(e: Entry) -> bool:
    """A facility, or a neighbourhood of our own list (data/features.tsv: a town without a GeoNames id)."""
    return e.feature == "facility" or (e.feature == "city" and e.gid is None)


#: the last word of a named site inside a place ("Nairobi's Freedom Park")
_SITE_WORDS = frozenset("park square stadium hotel market street road avenue bridge hospital school university "
                        "mosque church prison camp estate garden gardens plaza mall".split())

#: prepositions after which a town the tagger calls a person is read as the town
PERSON_LOCATIVE = frozenset({"in", "near", "outside", "around"})

_REGIONAL_IN = re.compile(r" in (?:the )?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                          r"north-?eastern|north-?western|south-?eastern|south-?western|central) )+")


_TYPE_OF = re.compile(r" (?:city|town|village|port|capital|province|region|district|governorate) of ")


def containers(body: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Index of a mention -> index of the mention that contains it ("X, Y", "X in Y")."""
    out = {}
    for i in range(len(mentions) - 1):
        gap = body[mentions[i].end : mentions[i + 1].start]
        after = body[mentions[i + 1].end : mentions[i + 1].end + 5]
        listed = after.startswith((" and ", " or ")) or (after.startswith(", ") and after[2:3].isupper())
        if gap == ", " and listed and not after.startswith(", D.C"):
            continue  # "Washington, New York and Boston": a list, not a containment ("Athens, Georgia, said" is)
        if gap in (", ", " in ", ", in ", " in the ", " (", ",") or gap.lower() in (" province of ", " region of ") or (
            _REGIONAL_IN.fullmatch(gap) or _TYPED_PAREN.fullmatch(gap)
        ):
            out[i] = i + 1
    return out




def _named_countries(mentions: Sequence[Mention], flags: list[bool], ctx: Context) -> None:
    """A country by its own name is a place when the article names other places of it, whatever
    the model's label or the word's other uses ("Jordan said ..." in a story naming Amman), in place."""
    for i, m in enumerate(mentions):
        if flags[i] or m.person_name or m.acronym or m.demonym is not None or m.ner.endswith("*"):
            continue
        if any(x.quality == 0 and x.entry.feature == "country" and ctx.countries.get(x.entry.country_code or "")
               for x in m.matches):
            flags[i] = True


def _implicit_country(accepted: Sequence[Mention], ctx: Context) -> None:
    """Local news seldom names its country or state: when the article names no country and two
    thirds of its places (a name found in several countries counts half), or all of them, are
    likeliest in one country, that country counts as named; a state that two of its places are
    likeliest in counts as named, in place."""
    votes: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    for m in accepted:
        if m.demonym is not None or not m.matches:
            continue
        best = max(m.matches, key=prior)
        if best.entry.country_code and best.quality <= 1:
            single = len({x.entry.country_code for x in m.matches if x.quality <= 1}) == 1
            votes[best.entry.country_code] += 1.0 if single else 0.5  # type: ignore[assignment]
            if best.entry.feature in ("city", "admin2") and best.entry.admin1_code:
                regions[(best.entry.country_code, best.entry.admin1_code)] += 1
    for region, n in regions.items():  # two places of one state: the state is as good as named
        if n >= 2 and region not in ctx.admin1s:
            ctx.admin1s[region] = set()
    if votes and not ctx.countries:
        cc, top = votes.most_common(1)[0]
        if (top >= 1 and top * 3 >= 2 * sum(votes.values())) or len(votes) == 1:
            ctx.countries[cc] = 1


def _local_towns(mentions: Sequence[Mention], flags: list[bool], ctx: Context) -> None:
    """Towns of 15,000 people or more in a country the article names, in place: unlabelled ones
    where names reach English by transliteration (Jarabulus in a Syria story), and anywhere
    after a place preposition whatever the model's label ("near Avdiivka" in a Ukraine story)."""
    for i, m in enumerate(mentions):
        if flags[i] or m.person_name or m.acronym or m.demonym is not None or m.ner.endswith("*"):
            continue
        located = m.cue_before in LOCATIVE and m.ner in MISREAD and (not m.common or m.tagged_common)
        if m.cue_before in LOCATIVE and m.common and not m.ner and not m.tagged_common and any(
            x.quality == 0 and x.entry.feature == "city" and x.entry.population >= CITY_POPULATION
            and ctx.countries.get(x.entry.country_code or "") for x in m.matches
        ):
            flags[i] = True  # "burst its banks in Bath": a city of 100k after a preposition, in a country at hand
            continue
        if not located and (m.ner or m.common):
            continue
        if located and any(
            x.quality == 0 and x.entry.feature == "city" and x.entry.population >= 1_000
            and (x.entry.country_code, x.entry.admin1_code or "") in ctx.admin1s
            for x in m.matches
        ):
            flags[i] = True  # a small town after a place preposition in a state the article names ("from Lititz")
            continue
        if located and m.cue_before in PERSON_LOCATIVE and any(
            x.quality == 0 and x.entry.feature in ("city", "admin2") and (
                ctx.countries.get(x.entry.country_code or "")
                or ((" " in m.text or (m.cue_before == "near" and len(m.key) >= 8)) and _one_country(m.matches)))
            for x in m.matches
        ):
            flags[i] = True  # "in Ouanda Djalle" in a story of that country, "in Mau Narok": a town by its own name
            continue
        if any(x.quality <= 1 and x.entry.population >= TOWN_POPULATION
               and (x.entry.feature == "city" or (located and x.entry.feature == "admin2"))
               and (located or x.entry.country_code in SKELETON_COUNTRIES)
               and ctx.countries.get(x.entry.country_code or "")
               for x in m.matches):
            flags[i] = True


def _abroad_targets(mentions: Sequence[Mention], flags: list[bool], ctx: Context, contained: set[int]) -> None:
    """Rule ``places.target-abroad``: a name read as a place only because an attack acts on it is dropped when
    the article names other countries (not by adjectives alone) and none of its well-known readings lies in
    one of them: "regime forces shelled Bara in the southern countryside of Idleb" is no Sudanese Bara."""
    for i, m in enumerate(mentions):
        if not flags[i] or not m.target or accept(replace(m, target=False), i in contained):
            continue
        named = others_named(ctx, m.matches)
        if named and not any(_well_known([x]) and x.entry.country_code in named for x in m.matches):
            flags[i] = False


def _one_country(matches: Sequence[Match]) -> bool:
    """Whether every exact match of a name lies in one country."""
    return len({x.entry.country_code for x in matches if x.quality == 0}) == 1


LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})


def _coordinate(body: str, mentions: Sequence[Mention], flags: list[bool]) -> None:
    """Names listed with places are places ("Manbij, Kobani and Jarabulus"), in place."""
    changed = True
    while changed:
        changed = False
        for i, m in enumerate(mentions):
            if flags[i] or m.demonym is not None or m.person_name or m.acronym or (
                m.common and not (m.tagged_common and m.pos == "NOUN")
            ):
                continue
            if m.container_only:
                continue
            if m.ner.rstrip("*") in ("DATE", "TIME", "CARDINAL", "MONEY") or m.ner.endswith("*"):
                continue
            if all(x.quality == 3 for x in m.matches):
                continue
            if m.ner in ("PERSON", "NORP") and not any(x.quality <= 1 for x in m.matches):
                continue  # spaCy's small model calls "Tal Afar" a person: the list says otherwise
            for j in (i - 1, i + 1):
                if 0 <= j < len(mentions) and flags[j] and mentions[j].demonym is None:
                    a, b = (mentions[j], m) if j < i else (m, mentions[j])
                    if body[a.end : b.start] in LIST_GAPS:
                        flags[i] = changed = True
                        break


def resolve(
    body: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    dateline_country: str | None = None,
    fixed: dict[str, str] | None = None,
) -> list[tuple[Mention, Entry, float]]:
    """Accepted mentions with the entry each one resolves to (one sense per name and article)
    and a confidence in [0.5, 1].
    ``fixed`` maps a name key to the GeoNames id it must take (the dateline's place)."""
    contain = containers(body, mentions)
    contained = set(contain)
    read = [accept(m, i in contained) for i, m in enumerate(mentions)]  # (once a mention: a pure function)
    accepted = [m for m, ok in zip(mentions, read, strict=True) if ok]
    # one sense per discourse: a name read as a place once is a place everywhere in the article
    keys = {m.key for m in accepted}
    flags = [
        ok or (
            m.key in keys and not m.person_name and m.ner != "PERSON*" and not m.common and not m.container_only
        )
        for m, ok in zip(mentions, read, strict=True)
    ]
    hinted = admin_hints(body, mentions)
    for i in hinted:
        flags[i] = True
    _coordinate(body, mentions, flags)
    so_far = [m for m, ok in zip(mentions, flags, strict=True) if ok]
    cue = None if dateline_country else cue_country(body)
    ctx0 = _cued(build_context(so_far, gazetteer, dateline_country), cue)
    _implicit_country(so_far, ctx0)
    _abroad_targets(mentions, flags, ctx0, contained)
    _local_towns(mentions, flags, ctx0)
    _named_countries(mentions, flags, ctx0)
    _coordinate(body, mentions, flags)
    for i, j in contain.items():  # "Gainesville, Ga.": a state abbreviation that holds a place
        if mentions[j].container_only and flags[i] and body[mentions[i].end : mentions[j].start] == ", ":
            flags[j] = True
    accepted = [m for m, ok in zip(mentions, flags, strict=True) if ok]
    ctx = _cued(build_context(accepted, gazetteer, dateline_country), cue)
    _implicit_country(accepted, ctx)
    if ctx.countries:  # a loose match abroad in a story about elsewhere: "Besham" is no Tunisian town by its
        # skeleton, nor "Tawila" a Yemeni hamlet; an ACLED "(District, Region)" hint stays: it names its own country
        hints = {id(mentions[i]) for i in hinted}
        accepted = [m for m in accepted if not m.matches or id(m) in hints or any(
            x.quality == 0 or (x.quality == 1 and x.entry.population >= TOWN_POPULATION) or _curated(x.entry)
            # "struck Qamishli" (Al Qāmishlī)
            or (m.target and x.quality == 2 and x.entry.population >= CITY_POPULATION)
            or x.entry.feature not in ("city", "admin1", "admin2")
            or ctx.countries.get(x.entry.country_code or "", 0) >= 1 for x in m.matches)]  # (its own vote is 0.5)
    accepted_ids = {id(m) for m in accepted}

    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in accepted:
        groups[(m.demonym and "dem:" + m.demonym) or m.key].append(m)

    # containers: the country/admin-1 entries a container mention can be
    held: dict[int, list[Entry]] = {}
    for i, j in contain.items():
        inner, outer = mentions[i], mentions[j]
        if id(inner) in accepted_ids and id(outer) in accepted_ids and inner.demonym is None:
            entries = [x.entry for x in outer.matches if x.entry.feature in ("country", "admin1") and x.quality <= 1]
            if entries and groups.get(inner.key):
                head = id(groups[inner.key][0])
                held[head] = held.get(head, []) + entries
    for a, b in itertools.pairwise(mentions):  # "the northern Lebanese city of Tripoli"
        if a.demonym and len(a.demonym) == 2 and id(b) in accepted_ids and b.demonym is None and (
            _TYPE_OF.fullmatch(body[a.end : b.start])
        ):
            country = gazetteer.country(a.demonym)
            if country is not None and groups.get(b.key):
                head = id(groups[b.key][0])
                held[head] = [*held.get(head, []), country]
    holds: dict[str, list[Mention]] = defaultdict(list)  # a container's key -> the mentions it contains
    for i, j in contain.items():
        inner, outer = mentions[i], mentions[j]
        if id(inner) in accepted_ids and id(outer) in accepted_ids and inner.demonym is None:
            holds[outer.key].append(inner)

    chosen: dict[str, Entry] = {}
    scores: dict[str, list[tuple[float, Match]]] = {}
    lead = leading(ctx)  # (the context does not change while its candidates are scored)
    for key, group in groups.items():
        first = group[0]
        if first.demonym is not None:
            entry = demonym_entry(first.demonym, gazetteer)
            if entry is not None:
                chosen[key] = entry
            continue
        ranked = sorted(((candidate_score(x, group, ctx, held, lead) + holding(x.entry, holds.get(key, ())), x)
                         for x in first.matches), key=lambda s: -s[0])
        scores[key] = ranked
        chosen[key] = ranked[0][1].entry

    # second pass: nearness to the other places of the article
    local = {k: e for k, e in chosen.items() if e.feature in ("city", "admin2", "admin1", "facility")}
    for key, ranked in scores.items():
        if len(ranked) < 2 or ranked[0][0] - ranked[1][0] > 2.5:
            continue
        others = [e for k, e in local.items() if k != key]
        if not others:
            continue
        best, best_score = None, -1e9
        for score, x in ranked[:25]:
            if x.entry.feature == "admin1":
                inside = any((o.country_code, o.admin1_code) == (x.entry.country_code, x.entry.admin1_code)
                             for o in others if o.gid != x.entry.gid)
                score += 1.0 if inside else 0.0
            elif x.entry.feature in ("city", "admin2"):
                near = min((km(x.entry, o) for o in others if o.gid != x.entry.gid), default=1e9)
                score += 1.0 if near < 150 else 0.5 if near < 400 else 0.0
            if score > best_score:
                best, best_score = x.entry, score
        if best is not None:
            chosen[key] = best

    for key, entry in list(chosen.items()):  # places.target-city, places.city-over-alias; not "Vesele, Donetsk"
        city = city_of_region(entry, groups[key]) if key in scores and not holds.get(key) else None
        if city is not None:
            chosen[key] = city

    for key, gid in (fixed or {}).items():  # the dateline's place is the body's place of that name
        same = [x.entry for x in (groups[key][0].matches if groups.get(key) else []) if x.entry.gid == gid]
        if same:
            chosen[key] = same[0]

    out = []
    for m in accepted:
        key = (m.demonym and "dem:" + m.demonym) or m.key
        if key in chosen:
            out.append((m, chosen[key], _confidence(scores.get(key))))
    out = _hint_coherence(body, mentions, cohere(out, dateline_country, cue, _hint_country(body, mentions, out)))
    return chain_coherence(body, mentions, out)


def _cued(ctx: Context, cue: str | None) -> Context:
    """Rule ``places.country-cue``: the country a text's forces, missions and parties point to counts as named once."""
    if cue and ctx.countries.get(cue, 0) < 1:  # a place's own half vote is no naming (regression: Buhera)
        ctx.countries[cue] = 1
    ctx.demonym_only.discard(cue or "")
    return ctx


def _confidence(ranked: list[tuple[float, Match]] | None) -> float:
    """How sure the choice is: the logistic of the winner's lead over the runner-up."""
    if not ranked:
        return 0.9  # a demonym: its country is certain
    lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 4.0
    return round(1.0 / (1.0 + math.exp(-lead)), 3)
