"""The language guess: one tally of the words gives each language's score (as counting each
language's function words word by word did)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.language import _MARKERS, _WORD, guess_language

_VOCABULARY = [*sorted(set().union(*_MARKERS.values())), "Mosul", "forces", "Ankara", "İstanbul", "über", "2019"]


def _word_by_word(text: str, default: str = "en") -> str:  # the former scoring, kept as the reference
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < 12:
        return default
    scores = {lang: sum(w in marks for w in words) for lang, marks in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < 0.08 * len(words):
        return "und" if not any(ch.isascii() for ch in text[:200]) else default
    return best


@given(st.lists(st.sampled_from(_VOCABULARY), max_size=60), st.sampled_from([" ", ", ", "\n"]))
def test_guess_equals_word_by_word_scoring(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert guess_language(text) == _word_by_word(text)


def test_guesses() -> None:
    assert guess_language("The army said on Monday that it had retaken the town from the militants, and that the "
                          "road was open again for the first time in years.") == "en"
    assert guess_language("Le gouvernement a annoncé que les forces de sécurité sont dans la ville pour la "
                          "protection des habitants et que la route est ouverte.") == "fr"
    assert guess_language("short") == "en"


@given(st.text(alphabet=st.sampled_from(list("aAbBİIıiß éÉ1_-.\n")), max_size=80))
def test_ascii_fast_path_equals_word_by_word(text: str) -> None:
    # the words of the lower-cased text (ASCII) or the lower-cased words (otherwise): the same guess
    assert guess_language(text * 3) == _word_by_word(text * 3)
