"""The actors stage's word scans, made cheaper: the same tokens and the same country names as the
word-by-word versions they replace (kept here as references)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from dateline.actors.lexicon import alias_key, load_lexicon
from dateline.actors.parsed import _countries, _name_heads
from dateline.actors.tokens import _DASH, _TOKEN, Token, tokenize

_WORDS = ["Iraq", "Syria", "Syrian", "United", "States", "Arab", "Emirates", "the", "U.S.", "IRAQ", "-", "‐", "anti",
          "army", "'s", "’s", "Kabul", "Baghdad", ",", ".", "and", "pro", "Iran-backed", "of", "UAE", "BEIRUT", "(AP)"]


def _tokenize_reference(text: str) -> list[Token]:
    out: list[Token] = []
    prev_end, prev_dash = -1, False
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t in _DASH:
            prev_dash = m.start() == prev_end
            prev_end = m.end()
            continue
        key = alias_key(t) if t[0].isalnum() else t
        out.append(Token(t, m.start(), m.end(), key, prev_dash and m.start() == prev_end))
        prev_end, prev_dash = m.end(), False
    return out


def _countries_reference(lex, text: str, toks: list[Token]) -> Iterator[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    n, i, heads = len(toks), 0, _name_heads(lex)
    while i < n:
        hit, key = None, ""
        for j in range(i, min(n, i + 5)):
            if not toks[j].text[:1].isalnum():
                break
            key = toks[j].key if j == i else f"{key} {toks[j].key}"
            if key not in heads:
                break
            code = lex.by_country_name.get(key) or lex.by_capital.get(key) or lex.by_demonym.get(key)
            if code and toks[i].text[:1].isupper() and toks[j].text[:1].isupper():
                hit = (j, code)
        surface = text[toks[i].start : toks[hit[0]].end] if hit else ""
        shouting = surface.isupper() and sum(ch.isalpha() for ch in surface) > 3
        if hit and not toks[i].glued and not shouting:
            yield toks[i].start, toks[hit[0]].end, hit[1]
            i = hit[0] + 1
        else:
            i += 1


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(st.sampled_from([" ", "", "-", "\n"]), min_size=40,
                                                                 max_size=40))
def test_tokens_and_country_names_equal_the_word_by_word_scans(words: list[str], seps: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    toks = tokenize(text)
    assert toks == _tokenize_reference(text) and all(type(t) is Token for t in toks)
    lex = load_lexicon()
    assert list(_countries(lex, text, toks)) == list(_countries_reference(lex, text, toks))
