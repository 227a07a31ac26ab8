"""The actor lexicon: curated named actors, country demonyms and generic rules, as data.

Three files under ``data/`` (loaded once, on first use, and cached by :func:`load_lexicon`):

- ``actors.json``: named actors (canonical ``name``, ACLED ``type``, ``country``; ``aliases``
  match case-insensitively, ``acronyms`` case-sensitively; ``countries`` says where an
  ambiguous alias such as "SNA" or "ADF" belongs);
- ``countries.tsv``: ISO code, short name, whether ACLED writes "the" before it, demonyms,
  other names and capitals, for every sovereign country;
- ``generic.json``: head nouns for the generic categories (military, police, government,
  protesters, rioters, civilians, unidentified armed groups, rebels), modifiers and identity
  groups.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from typing import Any

__all__ = ["Category", "Country", "Entry", "Lexicon", "alias_key", "load_lexicon"]

_DASHES = re.compile(r"[\u2010-\u2015\-]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc'`\u00b4]")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)  # a pure function of a word or name, asked for every token
def alias_key(text: str) -> str:
    """A lookup key for an alias: lower case, hyphens as spaces, no apostrophes or dots."""
    text = _QUOTES.sub("", text)
    text = _DASHES.sub(" ", text).replace(".", "")
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor of the dictionary."""

    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    local: bool = False  # acronyms only count in ``country``/``countries``


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    article: str  # "the " or ""
    demonyms: tuple[str, ...]
    names: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: str  # template with {the} and {country}
    type: str
    nouns: tuple[str, ...]
    bare_ok: frozenset[str]


@dataclass(slots=True)
class Lexicon:
    """Everything normalization and detection look up, indexed."""

    version: str
    entries: list[Entry]
    countries: dict[str, Country]
    categories: dict[str, Category]
    modifiers: tuple[str, ...]
    identities: dict[str, str]  # identity word -> usual country code ("" when none)
    identity_militia_nouns: tuple[str, ...]
    religious: frozenset[str] = frozenset()
    communal: dict[str, str] = field(default_factory=dict)  # "clan" -> "Unidentified Clan Militia"
    contextual: dict[str, dict[str, str]] = field(default_factory=dict)  # alias_key -> country -> entry name
    modifier_keys: frozenset[str] = frozenset()
    to_military: frozenset[str] = frozenset()  # modifiers that make a fighter noun state forces
    to_rebels: frozenset[str] = frozenset()  # modifiers that make a force noun a rebel group
    # indexes
    by_alias: dict[str, list[Entry]] = field(default_factory=dict)  # alias_key -> entries
    by_acronym: dict[str, list[Entry]] = field(default_factory=dict)  # exact text -> entries
    by_demonym: dict[str, str] = field(default_factory=dict)  # alias_key -> country code
    by_country_name: dict[str, str] = field(default_factory=dict)  # alias_key -> code
    by_capital: dict[str, str] = field(default_factory=dict)  # alias_key -> code
    by_noun: dict[str, str] = field(default_factory=dict)  # alias_key -> category key
    by_name: dict[str, Entry] = field(default_factory=dict)  # canonical name -> entry
    acts: dict[str, str] = field(default_factory=dict)  # "offensive" -> "military", "proposal" -> "government"
    possessions: frozenset[str] = frozenset()  # "positions", "convoy": stand for their owner
    by_people: dict[str, str] = field(default_factory=dict)  # "iraqis", "kurds" -> country code or ""
    #: :func:`dateline.actors.normalize.normalize`'s answers by (text, country), bounded by the caller
    answers: dict[tuple[str, str | None], Any] = field(default_factory=dict, repr=False, compare=False)

    def entries_for(self, surface: str, country_code: str | None = None) -> list[Entry]:
        """Dictionary entries whose alias or acronym is exactly ``surface``.

        Acronyms of ``local`` entries count only in their countries ("APC" is a Nigerian party
        only in Nigeria).
        """
        found = self.acronym_entries(surface, country_code)
        if found:
            return found
        return self.by_alias.get(alias_key(surface), [])

    def acronym_entries(self, surface: str, country_code: str | None = None) -> list[Entry]:
        """Entries of an acronym; a ``local`` entry's acronyms ("APC", "MIT", "RSF") count only
        in its own countries."""
        found = self.by_acronym.get(surface, [])
        return [e for e in found if not e.local or country_code in (e.country, *e.countries)]

    def country_name(self, code: str | None, with_article: bool = False) -> str | None:
        country = self.countries.get(code or "")
        if country is None:
            return None
        return (country.article if with_article else "") + country.name


_NO_PLURAL = ("sh", "ch", "ese", "ss", "s", "x", "z", "o")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _read_text(name: str) -> str:
    return importlib_resources.files("dateline.actors").joinpath("data", name).read_text(encoding="utf-8")


def _is_cased(alias: str) -> bool:
    """One-word aliases that start upper case are matched case-sensitively ("Hashed" ≠ "hashed")."""
    return " " not in alias and alias[:1].isupper() and "-" not in alias


def build_lexicon(actors: dict[str, Any], countries_tsv: str, generic: dict[str, Any]) -> Lexicon:
    """Index the three data files (exposed for tests with invented data)."""
    entries = [
        Entry(
            name=e["name"],
            type=e["type"],
            country=e.get("country"),
            aliases=tuple(e.get("aliases", ())),
            acronyms=tuple(e.get("acronyms", ())),
            countries=tuple(e.get("countries", ())),
            local=bool(e.get("local", False)),
        )
        for e in actors["entries"]
    ]
    countries: dict[str, Country] = {}
    for row in csv.reader(countries_tsv.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        row += [""] * (6 - len(row))
        code, name, article, demonyms, names, capitals = row[:6]
        countries[code] = Country(
            code, name, "the " if article.strip() else "", _split(demonyms), _split(names), _split(capitals)
        )
    categories = {
        key: Category(key, c["name"], c["type"], tuple(c["nouns"]), frozenset(n.casefold() for n in c["bare_ok"]))
        for key, c in generic["categories"].items()
    }
    lex = Lexicon(
        version=str(actors.get("version", "")),
        entries=entries,
        countries=countries,
        categories=categories,
        modifiers=tuple(generic["modifiers"]),
        identities=dict(generic["identities"]),
        identity_militia_nouns=tuple(generic["identity_militia_nouns"]),
        religious=frozenset(generic.get("religious", ())),
        communal=dict(generic.get("communal", {})),
        contextual={alias_key(k): dict(v) for k, v in generic.get("contextual", {}).items()},
        acts={w: cat for cat, words in generic.get("acts", {}).items() for w in words},
        possessions=frozenset(alias_key(p) for p in generic.get("possessions", ())),
        modifier_keys=frozenset(alias_key(m) for m in generic["modifiers"]),
        to_military=frozenset(alias_key(m) for m in generic.get("category_shifts", {}).get("to_military", ())),
        to_rebels=frozenset(alias_key(m) for m in generic.get("category_shifts", {}).get("to_rebels", ())),
    )
    for entry in entries:
        lex.by_name.setdefault(entry.name, entry)
        for alias in entry.aliases:
            if _is_cased(alias):
                for form in {alias, alias.upper()}:
                    lex.by_acronym.setdefault(form, []).append(entry)
            else:
                lex.by_alias.setdefault(alias_key(alias), []).append(entry)
        for acronym in entry.acronyms:
            lex.by_acronym.setdefault(acronym, []).append(entry)
    for country in countries.values():
        for dem in country.demonyms:
            lex.by_demonym.setdefault(alias_key(dem), country.code)
        for nm in (country.name, *country.names):
            lex.by_country_name.setdefault(alias_key(nm), country.code)
        for cap in country.capitals:
            lex.by_capital.setdefault(alias_key(cap), country.code)
    for country in countries.values():
        for dem in country.demonyms:
            plural = alias_key(dem + "s")
            if plural in lex.by_country_name:  # "Philippines" is the country, not its people
                continue
            if " " not in dem and not dem.isupper() and not dem.endswith(_NO_PLURAL):
                lex.by_people.setdefault(plural, country.code)
    for people, code in generic.get("peoples", {}).items():
        lex.by_people[alias_key(people)] = code
    for key, category in categories.items():
        for noun in category.nouns:
            lex.by_noun.setdefault(alias_key(noun), key)
    return lex


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read and indexed once per process)."""
    return build_lexicon(
        json.loads(_read_text("actors.json")), _read_text("countries.tsv"), json.loads(_read_text("generic.json"))
    )
