"""The actor dictionary and tables are well-formed data."""

from __future__ import annotations

from collections import defaultdict

from dateline.actors.lexicon import alias_key, build_lexicon, load_lexicon
from dateline.records import ACLED_ACTOR_TYPES


def test_version_and_size() -> None:
    lex = load_lexicon()
    assert lex.version
    assert len(lex.entries) >= 100
    assert len(lex.countries) >= 190


def test_every_entry_has_an_acled_type_and_a_known_country() -> None:
    lex = load_lexicon()
    for entry in lex.entries:
        assert entry.type in ACLED_ACTOR_TYPES, entry.name
        assert entry.aliases or entry.acronyms, entry.name
        for cc in (entry.country, *entry.countries):
            assert cc is None or cc in lex.countries, (entry.name, cc)


def test_generic_categories_use_acled_types() -> None:
    lex = load_lexicon()
    assert {c.type for c in lex.categories.values()} <= set(ACLED_ACTOR_TYPES)
    for category in lex.categories.values():
        assert {n.casefold() for n in category.bare_ok} <= {n.casefold() for n in category.nouns}, category.key


def test_ambiguous_aliases_say_where_they_belong() -> None:
    lex = load_lexicon()
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in lex.entries:
        for alias in entry.aliases:
            owners[alias_key(alias)].add(entry.name)
        for acronym in entry.acronyms:
            owners[acronym].add(entry.name)
    for alias, names in owners.items():
        if len(names) > 1:
            found = lex.entries_for(alias) or lex.by_alias.get(alias, [])
            assert sum(1 for e in found if not e.countries) <= 1, (alias, names)


def test_every_country_has_a_demonym_or_name() -> None:
    lex = load_lexicon()
    for code, country in lex.countries.items():
        assert len(code) == 2 and country.name, code
    assert lex.by_demonym["iraqi"] == "IQ"
    assert lex.by_country_name["dr congo"] == "CD"
    assert lex.by_people["iraqis"] == "IQ"


def test_build_lexicon_from_invented_data() -> None:
    lex = build_lexicon(
        {"version": "t", "entries": [{"name": "Red Hand", "type": "Rebel group", "aliases": ["Red Hand Army"]}]},
        "XX\tFreedonia\t\tFreedonian\t\tFreedon\n",
        {"categories": {}, "modifiers": [], "identities": {}, "identity_militia_nouns": []},
    )
    assert [e.name for e in lex.entries_for("red hand army")] == ["Red Hand"]
    assert lex.by_demonym["freedonian"] == "XX"


def test_regression_central_african_police_unit_by_its_acronym() -> None:
    """"OCRB forces ambushed a vehicle": the CAR police's anti-banditry office is state forces, not an unknown group."""
    lex = load_lexicon()
    entry = next(e for e in lex.entries if "OCRB" in e.acronyms)
    assert (entry.name, entry.type) == ("Police Forces of the Central African Republic", "State forces")
