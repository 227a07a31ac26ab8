"""``normalize`` keeps its answers: the same actor as the normalization itself (``_normalize``) gives, an object
of its own on every call (a caller changing it changes no later answer), and none kept across lexicons."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.actors.lexicon import load_lexicon
from dateline.actors.normalize import _normalize, normalize

_WORDS = ["the", "Iraqi", "security", "forces", "Daesh", "terror", "group", "protesters", "police", "Hawadle", "clan",
          "militia", "Islamic", "State", "coalition", "Baghdad", "government", "'s", "anti", "SNA", "ADF", "Kenya"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join), st.sampled_from([None, "IQ", "SO"]))
def test_kept_answers_equal_the_normalization(text: str, cc: str | None) -> None:
    lex = load_lexicon()
    want = _normalize(text, cc, lex)
    first = normalize(text, cc)
    second = normalize(text, cc, lex)
    assert first == want and second == want
    if first is not None:
        assert first is not second
        first.name = "changed"
        assert normalize(text, cc) == want


def test_no_answer_kept_across_lexicons() -> None:
    lex = load_lexicon()
    assert normalize("Daesh", None, lex) is not None
    other = type(lex)(lex.version, [], lex.countries, lex.categories, lex.modifiers, lex.identities,
                      lex.identity_militia_nouns)
    assert normalize("Daesh", None, other) == _normalize("Daesh", None, other)
