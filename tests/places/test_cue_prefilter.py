"""The country cues' cheap test (``cue_country`` skips its pattern when no run of word characters and hyphens of
the body is a cue's first run) gives what running the pattern on every body gives."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.places.lexicon import country_cues, cue_country


def _by_pattern(body: str) -> str | None:  # the former function, kept as the reference
    pattern, table = country_cues()
    votes = Counter(table[c] for c in {m.group() for m in pattern.finditer(body)})
    if not votes:
        return None
    cc, top = votes.most_common(1)[0]
    return cc if top * 3 >= 2 * sum(votes.values()) else None


_CUES = sorted(country_cues()[1])
_PIECES = [*_CUES, *(c.split(" ")[0] for c in _CUES), *(c[:-1] for c in _CUES), "anti", "ex", "-", "the", "Mosul",
           "2019", "'s", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from([" ", "-", "", ", ", "_", "("]),
                                                                  min_size=12, max_size=12))
def test_cue_country_equals_the_pattern_alone(pieces: list[str], seps: list[str]) -> None:
    body = "".join(p + s for p, s in zip(pieces, seps, strict=False))
    assert cue_country(body) == _by_pattern(body)


def test_a_cue_glued_to_a_word_is_no_cue() -> None:
    cue = next(c for c in _CUES if " " not in c and "-" not in c)
    assert cue_country(f"pro-{cue} forces and {cue}s") is None
    assert cue_country(f"pro-{cue} forces and {cue}s") == _by_pattern(f"pro-{cue} forces and {cue}s")
