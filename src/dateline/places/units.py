"""ACLED's first-level units where they split a GeoNames region (``data/admin1_splits.json``).

ACLED codes Myanmar's Shan State as Shan-North, Shan-South or Shan-East and Bago Region as
Bago-East or Bago-West. A town or district inside such a region is given the part whose box
holds its point; the region itself (a place named only "Shan State") keeps its own name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Split", "acled_admin1", "splits"]

_SPLIT_FEATURES = frozenset({"city", "admin2", "facility", "natural"})


@dataclass(frozen=True, slots=True)
class Split:
    id: str
    country: str
    admin1: str
    part: str
    lat_min: float = -90.0
    lat_max: float = 90.0
    lon_min: float = -180.0
    lon_max: float = 180.0
    example: tuple[str, float, float] = ("", 0.0, 0.0)

    def holds(self, lat: float, lon: float) -> bool:
        return self.lat_min <= lat <= self.lat_max and self.lon_min <= lon <= self.lon_max


@cache
def splits() -> tuple[Split, ...]:
    """The rules of ``data/admin1_splits.json``, in file order."""
    raw = json.loads(resources.files("dateline.places").joinpath("data/admin1_splits.json").read_text("utf-8"))
    out = []
    for r in raw["rules"]:
        box = {k: float(r[k]) for k in ("lat_min", "lat_max", "lon_min", "lon_max") if k in r}
        name, lat, lon = r["example"]
        out.append(Split(r["id"], r["country"], r["admin1"], r["part"], **box, example=(name, float(lat), float(lon))))
    return tuple(out)


def acled_admin1(country: str | None, admin1: str | None, feature: str | None, lat: float | None,
                 lon: float | None) -> str | None:
    """The admin-1 name ACLED would code for a place: the part of a split region holding it, else ``admin1``."""
    if not country or not admin1 or feature not in _SPLIT_FEATURES or lat is None or lon is None:
        return admin1
    for rule in splits():
        if rule.country == country and rule.admin1 == admin1 and rule.holds(lat, lon):
            return rule.part
    return admin1
