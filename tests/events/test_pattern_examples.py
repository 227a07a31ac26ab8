"""Every lexicon pattern has an id and example sentences it matches: an audit of the rules as a test."""

from __future__ import annotations

import re

from dateline.events.lexicon import pattern_specs


def test_every_pattern_has_a_unique_id_and_an_example() -> None:
    specs = pattern_specs()
    ids = [s.id for s in specs]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert not [s.id for s in specs if not s.examples or not all(e.strip() for e in s.examples)]


def test_every_pattern_matches_its_own_examples() -> None:
    """The sentence is lower-cased, as the events stage matches it."""
    failing = [
        (s.id, ex) for s in pattern_specs() for ex in s.examples if re.search(s.regex, ex.lower()) is None
    ]
    assert not failing, failing
