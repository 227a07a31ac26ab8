"""Find actor mentions in an article body, with offsets.

Passes over one light tokenization of the body (a regular expression, not spaCy), so
detection costs a small fraction of the parse:

1. dictionary aliases: n-grams of up to :data:`MAX_ALIAS` words looked up in the lexicon's
   alias index (case-insensitive, hyphen/space/apostrophe-insensitive) and acronym index
   (case-sensitive), tried only from words that start some alias; a match may not start
   glued to a word before it ("anti-Daesh"), and it swallows a trailing group noun ("the
   Daesh *terror group*", "Hashed al-Shaabi *paramilitary alliance*", "UN *soldiers*");
2. generic phrases: runs of owner words (demonyms, country names, identity groups),
   modifiers and head nouns ("Iraqi security forces", "Fulani militiamen", "protesters"),
   named by :func:`dateline.actors.normalize.generic_actor`; "Iran-backed" yields a mention
   of Iran's forces; "forces loyal to X"; "the group" (resolved by coreference, below);
3. with a spaCy parse (:mod:`dateline.actors.parsed`): countries and demonyms as
   participants or doers of acts, titled persons, organisations; generic phrases that only
   modify another noun are dropped.

Overlaps are resolved longest first, then dictionary before generic before parse; bare
"the militants"/"the group" then take the name of the last named armed group before them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import compress, count
from operator import itemgetter, or_
from typing import Any

from ..nlp_demand import is_parsed
from ..prefilter import may_match
from ..records import Actor
from .lexicon import Lexicon, alias_key
from .normalize import NAMED_CLAN, clan_actor, entry_actor, generic_actor, normalize, pick_entry
from .parsed import parsed_candidates
from .tokens import Candidate, Token, tokenize

__all__ = ["Detector", "Token", "tokenize"]

MAX_ALIAS = 10
_GROUP_TAIL = re.compile(
    r"(?:[ \-](?:terror|terrorist|jihadist|extremist|militant|armed|rebel|insurgent|paramilitary|Islamist|militia|"
    r"group|umbrella))*[ \-](?:group|groups|organi[sz]ation|movement|alliance|militia|militias|militiamen|militants|"
    r"fighters|jihadists|rebels|insurgents|network|members|extremists|terrorists|gunmen|forces|troops|coalition|"
    r"soldiers|peacekeepers|personnel|officials|spokesman|spokeswoman|envoy|officers|commanders?|leaders?|"
    r"supporters|militiamen|units|air strikes|airstrikes|strikes|warplanes|jets|aircraft|drones|planes)\b"
)
_LOYAL = re.compile(
    r"\b(?i:forces|fighters|troops|militias?|militiamen|gunmen|soldiers|units|militants|rebels|insurgents|jihadists|"
    r"groups|factions)\s+(?:loyal|allied|close|affiliated|linked)\s+"
    r"(?:to|with)\s+(?:the\s+)?(?:(?:former|ousted|late|renegade|dissident|rebel)\s+)?"
    r"((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+|government|regime|junta)"
)
_THE_GROUP = re.compile(
    r"\b(?:the|The)\s+((?:(?:militant|jihadist|extremist|armed|terror|terrorist|rebel|insurgent|Islamist|"
    r"militia)\s+)?(?:group|organi[sz]ation|movement|militia))\b"
)
_ARMED = frozenset({"Rebel group", "Political militia", "Identity militia"})
_BACKED = frozenset({"backed", "supported", "sponsored", "armed", "trained", "funded"})


#: each token's key, and whether its text begins with a letter or digit (read once by both passes)
_Words = tuple[list[str], list[bool]]


def _words(toks: list[Token]) -> _Words:
    return list(map(_KEY, toks)), [t.text[0].isalnum() for t in toks]


_KEY, _GLUED = itemgetter(3), itemgetter(4)  # Token.key, Token.glued (read without a Python loop)


def _where(flags: Iterable[object]) -> list[int]:
    """The indices of the true ``flags``, in order (``compress``: no Python loop)."""
    return list(compress(count(), flags))


def _specified(text: str, mentions: list[Actor]) -> list[Actor]:
    """Rule ``actors.parenthesized-unit``: "government security forces (NISA)": a generic state force followed by
    the one named state force of its country in parentheses is that force (ACLED codes the unit named)."""
    out = list(mentions)
    for i, m in enumerate(mentions[:-1]):
        nxt = mentions[i + 1]
        if m.type != "State forces" or nxt.type != "State forces" or m.end is None or nxt.start is None:
            continue
        if text[m.end : nxt.start] != " (" or text[nxt.end or 0 : (nxt.end or 0) + 1] != ")":
            continue  # only a single unit in the parentheses ("(SNA and NISA)" names two)
        if nxt.country_code == m.country_code and nxt.name.startswith(m.name) and nxt.name != m.name:
            out[i] = Actor(nxt.name, nxt.type, m.text, m.start, m.end, m.country_code)
    return out


class Detector:
    """Finds actor mentions; build once per lexicon (the stage caches one)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._word_keys = (
            set(lexicon.modifier_keys)
            | set(lexicon.by_demonym)
            | set(lexicon.by_country_name)
            | {alias_key(i) for i in lexicon.identities}
        )
        self._noun_keys = set(lexicon.by_noun) | set(lexicon.by_people) | set(lexicon.possessions)
        self._owner_keys = set(lexicon.by_demonym) | set(lexicon.by_country_name)
        self._run_starts = {k.split()[0] for k in self._noun_keys | self._word_keys if k}
        # the longest alias (in words) that starts with a given first word: most words start none
        self._alias_starts: dict[str, int] = {}
        for surface in [*lexicon.by_acronym, *lexicon.contextual]:
            words = tokenize(surface)
            if words:
                first = words[0].key
                self._alias_starts[first] = max(self._alias_starts.get(first, 0), len(words))
        for key in lexicon.by_alias:
            parts = key.split()
            self._alias_starts[parts[0]] = max(self._alias_starts.get(parts[0], 0), len(parts))

    # --- passes -------------------------------------------------------------------------
    def _named(self, text: str, toks: list[Token], cc: str | None, cols: _Words | None = None) -> Iterator[Candidate]:
        lex = self.lex
        by_acronym, by_alias = lex.by_acronym, lex.by_alias
        n = len(toks)
        keys, alnum = cols or _words(toks)
        starts = self._alias_starts
        # the words that start some alias (elsewhere nothing is tried: one pass), taken in order
        firsts = _where(map(starts.__contains__, keys))
        p = 0
        while p < len(firsts):
            i = firsts[p]
            longest = starts[keys[i]]
            if not longest or toks[i].glued or not alnum[i]:
                p += 1
                continue
            best: tuple[int, Any] | None = None
            key = ""
            for j in range(i, min(n, i + min(MAX_ALIAS, longest + 2))):
                if not alnum[j]:
                    break
                key = keys[j] if j == i else f"{key} {keys[j]}"
                surface = text[toks[i].start : toks[j].end]
                # (an acronym's entries when the surface is one: most are not)
                found = (lex.acronym_entries(surface, cc) if surface in by_acronym else None) or by_alias.get(key)
                if not found and cc and key in lex.contextual:
                    named = lex.by_name.get(lex.contextual[key].get(cc, ""))
                    found = [named] if named else None
                if found:
                    best = (j, found)
            if best is None:
                p += 1
                continue
            j, found = best
            entry = pick_entry(found, cc)
            start, end = toks[i].start, toks[j].end
            tail = _GROUP_TAIL.match(text, end)
            if tail:
                end = tail.end()
            yield Candidate(start, end, entry_actor(lex, entry, cc), 0)
            p = bisect_left(firsts, j + 1, p + 1)

    def _generic(self, text: str, toks: list[Token], cc: str | None, cols: _Words | None = None) -> Iterator[Candidate]:
        lex = self.lex
        n = len(toks)
        keys, alnum = cols or _words(toks)
        run_starts = self._run_starts
        # where a run starts, or "X-backed" (elsewhere the loop below would find nothing): one pass
        glued_next = list(map(_GLUED, toks[1:]))
        glued_next.append(False)
        firsts = _where(map(or_, map(run_starts.__contains__, keys), glued_next))
        p = 0
        while p < len(firsts):
            i = firsts[p]
            # a run of owner / modifier / noun n-grams
            run_end = i
            last_noun_end: int | None = None
            k = i
            while k < n:
                step = 0
                for size in (3, 2, 1) if keys[k] in run_starts else ():
                    if k + size > n or False in alnum[k : k + size]:
                        continue
                    key = " ".join(keys[k : k + size])
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
                p = bisect_left(firsts, max(i + 1, run_end), p + 1)
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
            p = bisect_left(firsts, max(i + 1, run_end), p + 1)

    def _modifier_only(self, cand: Candidate, nlp_doc: Any) -> bool:
        """A generic phrase the parse shows modifying another noun ("joint *military* exercises")."""
        if cand.priority != 1 or cand.generic in (None, "forces", "the group"):
            return False
        span = nlp_doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not len(span) or not is_parsed(span[-1]):
            return False
        last = span[-1]
        head = last.head
        return (
            last.dep_ in ("amod", "compound", "nmod")
            and head.i > span.end - 1
            and head.pos_ in ("NOUN", "PROPN")
            and alias_key(head.text) not in self._noun_keys
        )

    def _loyal(self, text: str, cc: str | None) -> Iterator[Candidate]:
        """"forces loyal to X": X's forces (a known actor, the government's, or a militia named after X)."""
        for m in _LOYAL.finditer(text) if may_match(_LOYAL, text) else ():
            patron = m.group(1)
            actor = normalize(patron, cc, self.lex)
            if actor is not None and actor.name.startswith("Government"):
                actor = generic_actor(self.lex, ["government", "forces"], cc) if patron.islower() else None
                if actor is None:
                    actor = normalize(f"{patron} forces", cc, self.lex)
            elif actor is None:
                name = re.sub(r"^(?:President|General|Gen\.|Colonel|Marshal|Field Marshal|Commander)\s+", "", patron)
                actor = Actor(name=f"Militia (Pro-{name})", type="Political militia", country_code=cc)
            if actor is not None:
                yield Candidate(m.start(), m.end(), actor, 0)

    def _clans(self, text: str, cc: str | None) -> Iterator[Candidate]:
        """"Hawadle clan militia": the clan's militia, named after it (not an unidentified clan militia)."""
        for m in NAMED_CLAN.finditer(text) if "clan" in text else ():  # (every match holds "clan")
            start = m.start()
            while text[start : m.start(1) + len(m.group(1))].split(" ", 1)[0] in ("The", "A", "An", "On", "In"):
                start = text.index(" ", start) + 1  # a capitalized sentence-initial article is no clan name
            actor = clan_actor(text[start : m.end()], cc, self.lex)
            if actor is not None:
                yield Candidate(start, m.end(), actor, 0)

    def _listed_owners(self, toks: list[Token], first: int, noun: str, cc: str | None) -> Iterator[Candidate]:
        """"Russian and Syrian warplanes": the owners listed before the phrase share its noun."""
        k = first - 1
        while k >= 1 and toks[k].key in ("and", ",", "&", "or"):
            owner = toks[k - 1]
            if owner.key not in self._owner_keys or not owner.text[:1].isupper():
                return
            actor = generic_actor(self.lex, [owner.text, noun], cc)
            if actor is None:
                return
            yield Candidate(owner.start, owner.end, actor, 1, alias_key(noun))
            k -= 2

    # --- public -------------------------------------------------------------------------
    def find(self, text: str, nlp_doc: Any | None = None, country_code: str | None = None) -> list[Actor]:
        """Actor mentions in ``text`` (offsets into it), in text order, without overlaps."""
        toks = tokenize(text)
        cols = _words(toks)
        cands = list(self._named(text, toks, country_code, cols))
        cands += self._generic(text, toks, country_code, cols)
        cands += self._loyal(text, country_code)
        cands += self._clans(text, country_code)
        cands += (
            Candidate(m.start(1), m.end(1), Actor("Unidentified Rebel Group", "Rebel group"), 5, "the group")
            for m in (_THE_GROUP.finditer(text) if may_match(_THE_GROUP, text) else ())
        )
        if nlp_doc is not None:
            cands = [c for c in cands if not self._modifier_only(c, nlp_doc)]
            cands += parsed_candidates(self.lex, text, toks, nlp_doc, country_code)
        cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
        taken: list[Candidate] = []
        for c in cands:
            if all(c.end <= t.start or c.start >= t.end for t in taken):
                taken.append(c)
        taken.sort(key=lambda c: c.start)
        out = []
        for c in taken:
            a = c.actor
            # mentions keep their own-country type; localize() applies the event's country
            foreign = a.type == "External/Other forces" and a.name.startswith("Military Forces")
            kind = "State forces" if foreign else a.type
            out.append(Actor(a.name, kind, text[c.start : c.end], c.start, c.end, a.country_code))
        return self._corefer(_specified(text, out), [c.generic for c in taken])

    def _corefer(self, mentions: list[Actor], generic: list[str | None]) -> list[Actor]:
        """Bare "the militants"/"the extremists"/"the group" are the last named armed group mentioned
        before them; "the group" with none before is dropped."""
        out: list[Actor] = []
        last_named: Actor | None = None
        for m, kind in zip(mentions, generic, strict=True):
            named = kind is None and m.type in _ARMED and not m.name.startswith(("Unidentified", "Militia ("))
            if named:
                last_named = m
            elif kind is not None and last_named is not None and (m.text or "X")[:1].islower() and (
                kind == "the group" or m.name.startswith("Unidentified Rebel Group")
            ):
                m = Actor(last_named.name, last_named.type, m.text, m.start, m.end, last_named.country_code)
            elif kind == "the group":
                continue
            out.append(m)
        return out
