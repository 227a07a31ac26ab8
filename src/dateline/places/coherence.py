"""One report, one country: homonyms and loose matches abroad give way to the report's country.

A short report ("Bar-Sanguun village (Jamaame, Lower Juba)", "Konga (Bimbo, Ombella M'Poko)")
usually happens in one country, which its regions and districts name even when the country
itself is never written. When the resolved places of a text point clearly to one country
(:func:`dominant_country`), a place resolved elsewhere is re-read (:func:`cohere`):

- ``switch``: its name also fits a place of the dominant country → that place (Kisiwani in
  Kenya, not Tanzania; Tripoli in Lebanon when the text names North Lebanon);
- ``drop``: it only fits abroad and the match is loose (an alternate or stripped name, a
  consonant skeleton) or a small place → it is no place of this text ("Ein Terma" is no
  Eindhoven, "War" in "War Yaung" no American town);
- countries, continents, seas and demonyms are kept: reports name foreign states and forces;
  so are places in a country the text names otherwise too (its name, a demonym, another place),
  and cities of a million people.

The rules are in :data:`RULES` with an id and an example each (tested in tests/places).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .detect import Mention
from .entries import TOWN_POPULATION, Entry
from .normalize import name_key
from .scoring import prior

__all__ = ["RULES", "cohere", "dominant_country", "local_reading"]

#: the coherence rules: id -> an example of what each does
RULES: dict[str, str] = {
    "coherence.switch": "Kisiwani (Kilifi): the Kenyan Kisiwani, since Kilifi is a Kenyan county",
    "coherence.drop-loose": "War Yaung village (Ayadaw township, Sagaing region): no American 'War'",
    "coherence.drop-small": "Konga (Bimbo, Ombella M'Poko): no small foreign Konga without a local one",
    "coherence.keep-states": "Turkish drones struck Al Shabaab near Jilib (Middle Juba): Turkey stays Turkey",
    "coherence.drop-loose-big": "a 'Chi' village (Shindand, Herat): no Chicago by a three-letter alternate "
                                "name; a longer one must be part of the city's own ('New York' for New York City)",
    "coherence.hint-country": "Bolele (Lim, Ngaoundaye): 'Lim' is no Peruvian Lima, the hint's last unit is a "
                              "district of the Central African Republic",
    "places.country-cue": "the OSCE SMM observed explosions near Komsomolets: the Ukrainian Komsomolets, as the "
                          "monitoring mission works in Ukraine (data/country_cues.tsv)",
    "coherence.hint-votes": "in Mandalay city (Mandalay region), explosions hit Thama Kone: the hint's region votes "
                            "twice for Myanmar, so 'Thama' is no Japanese Tama by an alternate name",
    "coherence.chain-region": "in Buenos Aires, Nuevo Chimbote, Ancash: the Peruvian region ending the comma chain "
                              "holds the names before it across a name the gazetteer lacks; no Argentine capital "
                              "(hints.chain_coherence)",
    "coherence.cue-over-villages": "the OSCE SMM observed explosions near Komsomolets: the gazetteer has only "
                                   "Russian villages of that name, and the monitoring mission's Ukraine outweighs "
                                   "them; the village is no place of the note",
    "coherence.town-of-its-unit": "Tripoli (Tripoli): the Libyan capital written before its own district, not the "
                                  "district's point (hints._town_of_its_unit)",
    "coherence.hint-region": "Raga Ceel village (Balcad, Middle Shabelle): no Eyl of Nugaal by an alternate name, "
                             "the village lies in Middle Shabelle (resolve._within_region)",
}

_KEEP = frozenset({"country", "continent", "sea", "river", "region"})
_WEIGHT = {"admin1": 2.0, "admin2": 1.5, "city": 1.0, "facility": 1.0, "natural": 0.5}
MIN_VOTES = 2.0  # evidence needed before a country can overrule a place
MIN_SHARE = 0.6  # and its share of the votes
BIG_CITY = 1_000_000  # a city this big abroad by its own or a full alternate name is a real foreign place
LOOSE_WEIGHT = 0.25  # the vote of a place matched by a stripped name or a short (<= 4 letters) alternate name
VILLAGE = TOWN_POPULATION  # a town smaller than this, by itself, is weaker evidence of its country than a national cue
SHORT_NAME = 3  # an alternate name this short is an abbreviation ("Chi" for Chicago), no evidence of the city


def dominant_country(resolved: Sequence[tuple[Mention, Entry]], dateline_country: str | None = None,
                     cue: str | None = None, hint: str | None = None) -> str | None:
    """The country the places of a text point to, when they clearly point to one.

    Each resolved place votes for its country (regions and districts more than towns, a named
    country once; a loose or short alternate-name match a quarter); demonyms do not vote (foreign
    forces act everywhere). The dateline's country counts twice.
    """
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    villages = 0  # the votes that come from villages (towns under VILLAGE people by their own name) or loose matches
    for m, e in resolved:
        if m.demonym is not None or not e.country_code or m.key in seen:
            continue
        seen.add(m.key)  # a name votes once, however often it is repeated
        w = _WEIGHT.get(e.feature, 1.0 if e.feature == "country" else 0.5)
        quality = min((x.quality for x in m.matches if x.entry.gid == e.gid), default=0)
        if quality >= 2 or (quality == 1 and len(m.key) <= SHORT_NAME + 1):
            w *= LOOSE_WEIGHT  # "Lat" read as Lattes by an alternate name is weak evidence of France
        votes[e.country_code] += w  # type: ignore[assignment]
        if e.feature == "city" and (e.population < VILLAGE or quality >= 1):
            villages += w  # type: ignore[assignment]
    if cue and not dateline_country and not hint and votes and villages == sum(votes.values()) and cue not in votes:
        return cue  # coherence.cue-over-villages: "the OSCE SMM observed explosions near Komsomolets" (only Russian)
    if dateline_country:
        votes[dateline_country] += 2  # type: ignore[assignment]
    if cue:
        votes[cue] += 1  # type: ignore[assignment]  # the country its forces, missions, parties point to
    if hint:
        votes[hint] += 2  # type: ignore[assignment]  # the country of an ACLED "(District, Region)" hint
    if not votes:
        return None
    cc, top = votes.most_common(1)[0]
    if top >= MIN_VOTES and top >= MIN_SHARE * sum(votes.values()):
        return cc
    return None


def local_reading(m: Mention, cc: str) -> Entry | None:
    """The likeliest reading of a mention's name in country ``cc`` (own or alternate names only)."""
    options = [x for x in m.matches if x.entry.country_code == cc and x.quality <= 1
               and x.entry.feature not in ("country", "continent")]
    return max(options, key=prior).entry if options else None


def cohere(
    resolved: Sequence[tuple[Mention, Entry, float]], dateline_country: str | None = None, cue: str | None = None,
    hint: str | None = None,
) -> list[tuple[Mention, Entry, float]]:
    """The resolved places re-read against the text's dominant country (see the module docstring); ``cue`` is
    the country the text's non-place names point to (:func:`dateline.places.lexicon.cue_country`)."""
    cc = dominant_country([(m, e) for m, e, _ in resolved], dateline_country, cue, hint)
    if cc is None:
        return list(resolved)
    support: Counter[str] = Counter()  # how many mentions of other names point to each country
    for m, e, _ in resolved:
        code = e.country_code or (m.demonym if m.demonym and len(m.demonym) == 2 else None)
        if code:
            support[code] += 1
    names: Counter[tuple[str, str]] = Counter((m.key, e.country_code or "") for m, e, _ in resolved)
    out: list[tuple[Mention, Entry, float]] = []
    for m, e, conf in resolved:
        if m.demonym is not None or e.country_code == cc or e.feature in _KEEP or not e.country_code:
            out.append((m, e, conf))
            continue
        quality = min((x.quality for x in m.matches if x.entry.gid == e.gid), default=0)
        if support[e.country_code] > names[(m.key, e.country_code)] or (e.population >= BIG_CITY and (
            quality == 0 or (quality == 1 and len(m.key) > SHORT_NAME and name_key(m.text) in name_key(e.name)))):
            out.append((m, e, conf))  # the text speaks of that country elsewhere too: a real place abroad
            continue
        local = local_reading(m, cc)
        if local is not None:  # coherence.switch
            out.append((m, local, conf))
            continue
        if quality >= 1:  # coherence.drop-loose
            continue
        if e.feature in ("city", "admin2", "facility", "natural"):
            continue  # coherence.drop-small
        out.append((m, e, conf))
    return out
