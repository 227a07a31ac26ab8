"""LiteralScan's search loop names what a zero-width lookahead scan of its literals names."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dateline.prefilter import LiteralScan, _trie

_PATTERNS = {p: re.compile(p) for p in [r"\bkill(?:ed|ing)?\b", r"\bki\b", r"shell(?:ed|ing)", r"\bshe\b", r"attack",
                                        r"tack(?:le)?", r"a\b", r"\bair ?strikes?\b", r"strike", r"\bjan\b", r"janu"]}
_SCAN = LiteralScan(_PATTERNS)


def _lookahead_names(text: str) -> frozenset[str]:
    """The former scan: ``(?=(trie))`` at every position."""
    names = set(_SCAN.always)
    lits = sorted(_SCAN._names)
    for m in re.finditer("(?=(" + _trie(lits) + "))", text):
        names |= _SCAN._names[m.group(1)]
    return frozenset(names)


@given(st.lists(st.sampled_from(["kill", "killed", "ki", "she", "shelling", "attack", "tackle", "a", "air strike",
                                 "airstrikes", "jan", "january", " ", "x", "at", "tac"]), max_size=20),
       st.sampled_from(["", " "]))
def test_search_loop_equals_the_lookahead_scan(words: list[str], sep: str) -> None:
    text = sep.join(words)
    _SCAN._memo.clear()
    assert _SCAN.present(text) == _lookahead_names(text)
