"""Gazetteer entries and the in-memory gazetteer used by tests (and by small custom runs).

An :class:`Entry` is one place of the gazetteer; a lookup by name key (see
:mod:`dateline.places.normalize`) returns :class:`Match` es: the entry and how well the
key matched (0 the entry's own name, 1 one of its alternate names, 2 a name without its
article or generic suffix).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ..records import GeoRef
from .normalize import SKELETON_COUNTRIES, fold, name_keys, skeleton

__all__ = [
    "CITY_POPULATION", "FEATURES", "TOWN_POPULATION", "Entry", "Gazetteer", "Match", "MemoryGazetteer", "keyed_names",
]

#: population tiers the places rules share: a town (strength 1) and a city (strength 2)
TOWN_POPULATION = 15_000
CITY_POPULATION = 100_000

#: The feature values a place can have (the events stage derives geo-precision from them).
FEATURES = ("country", "admin1", "admin2", "city", "river", "sea", "region", "natural", "continent", "facility")


@dataclass(frozen=True, slots=True)
class Entry:
    gid: str | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1_code: str | None  # GeoNames admin-1 code within the country ("01", "CA"), if known
    admin1: str | None  # the admin-1 region's name
    feature: str
    population: int = 0

    def georef(self) -> GeoRef:
        return GeoRef(
            name=self.name,
            geonameid=self.gid,
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            country_code=self.country_code,
            admin1=self.admin1,
            feature=self.feature,
            population=self.population or None,
        )


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    quality: int  # 0 own name, 1 alternate name, 2 stripped variant, 3 consonant skeleton


class Gazetteer(Protocol):
    """What the places stage needs from a gazetteer."""

    def lookup(self, key: str) -> list[Match]:
        """Entries indexed under a name key (:func:`~dateline.places.normalize.name_key`)."""
        ...

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO 3166 alpha-2 code."""
        ...


def keyed_names(primary: str, alternates: Iterable[str], country: str | None = None) -> dict[str, int]:
    """Every key of a place's names with the best quality it is reached with; places of
    :data:`~dateline.places.normalize.SKELETON_COUNTRIES` also get ``~skeleton`` keys."""
    out: dict[str, int] = {}
    alternates = list(alternates)
    if country in SKELETON_COUNTRIES:
        for name in [primary, *alternates]:
            bones = skeleton(name)
            if len(bones) >= 4:
                out["~" + bones] = 3
    short = primary.split(",")[0].strip()  # "Washington, D.C." is also simply "Washington"
    for rank, name in enumerate([primary, short, *alternates]):
        for i, key in enumerate(name_keys(name)):
            q = (0 if rank <= 1 else 1) if i == 0 else 2
            if q < out.get(key, 9):
                out[key] = q
    words = fold(primary).split()
    if country in SKELETON_COUNTRIES and "ayn" in words:  # Arabic 'ayn is written Ain or Ein too: Ra's al 'Ayn is
        for spelling in ("ain", "ein"):  # Ras al Ain (its own name only: alternates spell too loosely)
            out.setdefault("".join(spelling if w == "ayn" else w for w in words), 1)
    return out


class MemoryGazetteer:
    """A gazetteer held in dictionaries: for tests and small custom gazetteers."""

    def __init__(self, places: Iterable[tuple[Entry, Iterable[str]]] = ()) -> None:
        self._index: dict[str, list[Match]] = {}
        self._countries: dict[str, Entry] = {}
        for entry, alternates in places:
            self.add(entry, alternates)

    def add(self, entry: Entry, alternates: Iterable[str] = ()) -> None:
        for key, q in keyed_names(entry.name, alternates, entry.country_code).items():
            self._index.setdefault(key, []).append(Match(entry, q))
        if entry.feature == "country" and entry.country_code:
            self._countries.setdefault(entry.country_code, entry)

    def lookup(self, key: str) -> list[Match]:
        return list(self._index.get(key, ()))

    def country(self, code: str) -> Entry | None:
        return self._countries.get(code)

    def __len__(self) -> int:
        return len({id(m.entry) for ms in self._index.values() for m in ms})
