"""The actors detector's dictionary and generic passes, made cheaper (the words that can start a match found
in one pass, the tokens' keys read once): the same candidates as the word-by-word passes they replace (kept
here as references)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.actors.detect import _BACKED, _GROUP_TAIL, MAX_ALIAS, Detector
from dateline.actors.lexicon import load_lexicon
from dateline.actors.normalize import entry_actor, generic_actor, pick_entry
from dateline.actors.tokens import Candidate, Token, tokenize


class _Reference(Detector):
    def _named_reference(self, text: str, toks: list[Token], cc: str | None) -> Iterator[Candidate]:
        lex = self.lex
        n = len(toks)
        i = 0
        while i < n:
            longest = self._alias_starts.get(toks[i].key, 0)
            if not longest or toks[i].glued or not toks[i].text[0].isalnum():
                i += 1
                continue
            best: tuple[int, Any] | None = None
            key = ""
            for j in range(i, min(n, i + min(MAX_ALIAS, longest + 2))):
                tok = toks[j]
                if not tok.text[0].isalnum():
                    break
                key = tok.key if j == i else f"{key} {tok.key}"
                surface = text[toks[i].start : tok.end]
                found = lex.acronym_entries(surface, cc) or lex.by_alias.get(key)
                if not found and cc and key in lex.contextual:
                    named = lex.by_name.get(lex.contextual[key].get(cc, ""))
                    found = [named] if named else None
                if found:
                    best = (j, found)
            if best is None:
                i += 1
                continue
            j, found = best
            entry = pick_entry(found, cc)
            start, end = toks[i].start, toks[j].end
            tail = _GROUP_TAIL.match(text, end)
            if tail:
                end = tail.end()
            yield Candidate(start, end, entry_actor(lex, entry, cc), 0)
            i = j + 1

    def _generic_reference(self, text: str, toks: list[Token], cc: str | None) -> Iterator[Candidate]:
        lex = self.lex
        n = len(toks)
        i = 0
        while i < n:
            if toks[i].key not in self._run_starts and not (i + 1 < n and toks[i + 1].glued):
                i += 1  # no run starts here, nor "X-backed" (the loop below would find nothing)
                continue
            # a run of owner / modifier / noun n-grams
            run_end = i
            last_noun_end: int | None = None
            k = i
            while k < n:
                step = 0
                for size in (3, 2, 1) if toks[k].key in self._run_starts else ():
                    if k + size > n or any(not t.text[0].isalnum() for t in toks[k : k + size]):
                        continue
                    key = " ".join(t.key for t in toks[k : k + size])
                    if key in self._noun_keys:
                        step, last_noun_end = size, k + size
                        break
                    if key in self._word_keys:
                        step = size
                        break
                owned = toks[k].key == "'s" or (toks[k].glued and toks[k].key in ("led", "dominated"))
                if not step and k > i and owned and toks[k - 1].key in self._owner_keys:
                    step = 1  # "Iraq's army", "Vietnamese-led forces"
                if not step or (k > i and toks[k].glued and toks[k].key in _BACKED):
                    break
                k += step
                run_end = k
            if last_noun_end is None:
                # "Iran-backed": the backer is a mention of its own
                tok = toks[i]
                if (
                    i + 1 < n
                    and toks[i + 1].glued
                    and toks[i + 1].key in _BACKED
                    and tok.key in self._owner_keys
                    and tok.text[:1].isupper()
                ):
                    owner = lex.by_demonym.get(tok.key) or lex.by_country_name.get(tok.key)
                    actor = generic_actor(lex, [tok.text, "forces"], cc)
                    if actor is not None and owner:
                        yield Candidate(tok.start, tok.end, actor, 1, "forces")
                i = max(i + 1, run_end)
                continue
            words = [t.text for t in toks[i:last_noun_end]]
            # "Government of Iraq", "the army of Mali"
            end_tok = last_noun_end
            if end_tok + 1 < n and toks[end_tok].key == "of":
                nxt = end_tok + 1 + (1 if toks[end_tok + 1].key == "the" and end_tok + 2 < n else 0)
                if toks[nxt].key in lex.by_country_name and toks[nxt].text[:1].isupper():
                    words += ["of", toks[nxt].text]
                    end_tok = nxt + 1
            start_tok = i
            while start_tok < last_noun_end and toks[start_tok].key in ("'s",):
                start_tok += 1
            if toks[start_tok].glued and start_tok > 0 and toks[start_tok - 1].key in ("anti", "pro"):
                start_tok -= 1  # "anti-regime protesters"
                words = [f"{toks[start_tok].text}-{words[0]}", *words[1:]]
            actor = generic_actor(lex, words, cc)
            if actor is not None:
                head = toks[last_noun_end - 1].key
                yield Candidate(toks[start_tok].start, toks[end_tok - 1].end, actor, 1, head)
                if toks[start_tok].key in self._owner_keys:
                    yield from self._listed_owners(toks, start_tok, words[-1], cc)
            i = max(i + 1, run_end)



_WORDS = ["Iraq", "Iraqi", "Syrian", "army", "security", "forces", "the", "Islamic", "State", "IS", "ISIS", "Daesh",
          "Hashed", "al", "Shaabi", "group", "terror", "militants", "protesters", "police", "'s", "-", "backed", "Iran",
          "led", "Russian", "and", ",", "of", "Government", "anti", "regime", "SDF", "Kurdish", "YPG", "fighters",
          "Boko", "Haram", "UN", "soldiers", "APC", "U.S.", "coalition", "Taliban", "Mali", "Fulani", "militiamen",
          "government", "troops", "pro", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40),
       st.lists(st.sampled_from([" ", "", "-", "\n", " ", " "]), min_size=40, max_size=40),
       st.sampled_from([None, "IQ", "NG", "SY"]))
def test_named_and_generic_passes_equal_the_word_by_word_passes(words: list[str], seps: list[str],
                                                                 cc: str | None) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    toks = tokenize(text)
    new, old = Detector(load_lexicon()), _Reference(load_lexicon())
    assert list(new._named(text, toks, cc)) == list(old._named_reference(text, toks, cc))
    assert list(new._generic(text, toks, cc)) == list(old._generic_reference(text, toks, cc))


def test_seed_sentence_candidates_unchanged() -> None:
    text = ("Iraqi security forces and the Iran-backed Hashed al-Shaabi paramilitary alliance retook the crossing "
            "from the Islamic State group, while Russian and Syrian warplanes struck anti-regime protesters.")
    toks = tokenize(text)
    new, old = Detector(load_lexicon()), _Reference(load_lexicon())
    assert list(new._named(text, toks, "IQ")) == list(old._named_reference(text, toks, "IQ"))
    assert list(new._generic(text, toks, "IQ")) == list(old._generic_reference(text, toks, "IQ"))
    assert list(new._named(text, toks, "IQ"))
