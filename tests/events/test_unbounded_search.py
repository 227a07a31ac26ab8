"""``matches`` and ``search`` (a pattern that begins with a word boundary tried only where its unbounded twin
matches, which ``re`` finds by skipping ahead to a literal) give exactly ``finditer`` and ``search``."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.lexicon import families, pattern_specs
from dateline.events.prefilters import _unbounded, matches, search

_PATTERNS = sorted({p for fam in families().values() for p in (*fam.strong, *fam.weak)}, key=lambda p: p.pattern)
_EXAMPLES = sorted({ex.lower() for spec in pattern_specs() for ex in spec.examples})
_WORDS = sorted({w for ex in _EXAMPLES for w in ex.split()})


def _same(pattern: re.Pattern[str], text: str) -> None:
    want = list(pattern.finditer(text))
    got = matches(pattern, text)
    assert [(m.span(), m.groups()) for m in got] == [(m.span(), m.groups()) for m in want]
    first, found = pattern.search(text), search(pattern, text)
    assert (found.span() if found else None) == (first.span() if first else None)


def test_most_trigger_patterns_have_an_unbounded_twin() -> None:
    assert sum(_unbounded(p.pattern, p.flags) is not None for p in _PATTERNS) > len(_PATTERNS) // 2


def test_trigger_patterns_on_the_examples() -> None:
    for text in _EXAMPLES:
        for pattern in _PATTERNS:
            _same(pattern, text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=20).map(" ".join))
def test_trigger_patterns_on_word_salads(text: str) -> None:
    for pattern in _PATTERNS:
        _same(pattern, text)


_PIECES = st.lists(st.sampled_from(["a", "b", "ab", "(?:a|b)", "(?:ab|ba)", "x?", r"\b", r"\w*", "b+", "[ab]", "|"]),
                   min_size=1, max_size=5).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PIECES, st.text(alphabet="ab x-", max_size=25))
def test_any_pattern_that_begins_with_a_boundary(rest: str, text: str) -> None:
    try:
        pattern = re.compile(r"\b" + rest)
    except re.error:
        return
    _same(pattern, text)
