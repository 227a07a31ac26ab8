"""Literal prefilters: a cheap test that tells when a regular expression cannot match.

Most of the stages' patterns begin with a word boundary and a literal (``\\bclash(?:ed|es)?``,
``\\bsuicide (?:bomb…)``), or hold a literal no match can skip. Python's ``re`` cannot skip
ahead to a pattern that begins with ``\\b`` or with an alternation of such words: it tries every
alternative at every position. :func:`literals` derives from a pattern the literal strings one
of which every match must contain (in each alternative, the most selective run of literal
characters, or group of them, that no match can skip); :class:`LiteralScan` finds the literals
of many patterns in one scan of a text, and :func:`prefilter` compiles those of one pattern
into a plain alternation. When none is in the text, the pattern cannot match and need not
run: the outcome is exactly that of running it (a necessary condition, never a different rule).

A pattern with no such literal (an alternative made only of classes, optional parts, repeats)
has no prefilter (``None``): it always runs. Case-insensitive patterns get their literals
lower-cased; they must then be tested on a lower-cased text (:func:`lower_same_length` says
when lower-casing keeps every match findable).
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from .regex_cache import cached_value, compile_cached

__all__ = ["LiteralScan", "literals", "lower_same_length", "lowered_twin", "may_match", "prefilter"]

#: characters that a case-insensitive ``re`` matches to an ASCII letter but ``str.lower`` does
#: not turn into it (dotless i, long s, dotted capital I): a text with one gets no prefilter
_FOLD_ODD = ("ı", "ſ", "İ")
#: a literal this short tells too little to be worth a scan
_MIN_LITERAL = 2


def _score(lits: set[str]) -> tuple[int, int]:
    """How selective a set of literals is: its shortest literal, then the fewer the better."""
    return min(len(lit) for lit in lits), -len(lits)


def _required(items: Any) -> set[str] | None:
    """The most selective set of literal strings one of which every match of the parsed sequence
    ``items`` contains (a run of literal characters, or a group, that no match can skip), or None."""
    best: set[str] | None = None
    run = ""

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or _score(cand) > _score(best)):
            best = cand

    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is _c.SUBPATTERN:
            _group_id, add_flags, del_flags, sub = av
            if not (add_flags | del_flags) & (re.IGNORECASE | re.LOCALE):
                consider(_required(sub))
        elif op is _c.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))  # repeated at least once
        # anything else (a class, an optional part, an assertion): no literal here, look further
    consider({run} if run else None)
    return best


@cache
def literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The literals one of which every match of ``pattern`` contains (lower-cased when the
    pattern ignores case), or None when no such set is known. Kept between processes with the
    compiled patterns (parsing ~600 patterns costs a cold start ~0.3 CPU-s)."""
    got = cached_value("literals", f"{flags}:{pattern}", lambda: _literals(pattern, flags))
    return frozenset(got) if got is not None else None


def _literals(pattern: str, flags: int) -> frozenset[str] | None:
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    all_flags = parsed.state.flags
    if all_flags & (re.LOCALE | re.VERBOSE):
        return None
    icase = bool(all_flags & re.IGNORECASE)
    got = _required(parsed)
    if not got or any(len(lit) < _MIN_LITERAL or (icase and not lit.isascii()) for lit in got):
        return None
    return frozenset(lit.lower() for lit in got) if icase else frozenset(got)


@cache
def prefilter(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """One plain alternation of :func:`literals` (longest first), or None. Test it on the text the
    pattern runs on, lower-cased first when the pattern ignores case."""
    lits = literals(pattern, flags)
    if lits is None:
        return None
    return compile_cached("|".join(re.escape(lit) for lit in sorted(lits, key=lambda s: (-len(s), s))))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``pattern`` surely finds nothing in ``text`` (its :func:`prefilter` finds nothing);
    True otherwise."""
    pre = prefilter(pattern.pattern, pattern.flags)
    if pre is None:
        return True
    if pattern.flags & re.IGNORECASE:
        low = lower_same_length(text)
        return low is None or pre.search(low) is not None
    return pre.search(text) is not None


def lower_same_length(text: str) -> str | None:
    """``text`` lower-cased, character for character (offsets unchanged), for the lower-cased
    prefilters and :func:`lowered_twin` patterns; None when lower-casing could hide a match
    from them (a dotless i, a long s, a dotted capital I) or changes the length."""
    if not text.isascii() and any(ch in text for ch in _FOLD_ODD):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


@cache
def lowered_twin(pattern: str, flags: int) -> re.Pattern[str] | None:
    """A case-insensitive pattern written in ASCII lower case only, compiled case-sensitive: on
    the text lower-cased by :func:`lower_same_length` it finds exactly what the pattern finds on
    the text, faster (``re`` skips ahead to a literal only when it need not fold case)."""
    if not flags & re.IGNORECASE or flags & (re.LOCALE | re.VERBOSE) or not pattern.isascii():
        return None
    if _BACKREF.search(pattern):
        return None  # a backreference compares case-insensitively
    bare = _GROUP_NAME.sub("", pattern)  # group names do not match anything
    if bare != bare.lower() or "(?-" in pattern:
        return None
    return compile_cached(pattern, flags & ~re.IGNORECASE)


_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _trie(words: list[str]) -> str:
    """One regex for ``words`` that, where several begin at one position, matches the longest."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _cached_trie(words: list[str]) -> str:
    """:func:`_trie`, kept between processes with the compiled patterns."""
    result: str = cached_value("trie", "\n".join(words), lambda: _trie(words))
    return result


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    alts = [re.escape(ch) + _trie_regex(node[ch]) for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:  # a word ends here too: try the longer ones first
        return "(?:" + body + ")?" if len(alts) == 1 else body + "?"
    return body


class LiteralScan:
    """The names of the patterns (case-sensitive ones) that may match a text, found in one scan of
    it for all their :func:`literals` at once; a pattern without literals, or one that ignores
    case, is always named. ``present(text)`` is exact as a prefilter: a pattern left out surely
    finds nothing in ``text``. The last ``memo`` texts' answers are kept (the callers ask several
    times about one sentence)."""

    def __init__(self, patterns: dict[str, re.Pattern[str]], memo: int = 64) -> None:
        self._memo_size = memo
        always: set[str] = set()
        by_literal: dict[str, set[str]] = {}
        for name, pattern in patterns.items():
            lits = None if pattern.flags & re.IGNORECASE else literals(pattern.pattern, pattern.flags)
            if lits is None:
                always.add(name)
                continue
            for lit in lits:
                by_literal.setdefault(lit, set()).add(name)
        self.always = frozenset(always)
        # a scan finds the longest literal at each position: it also stands for the literals it begins with
        self._names = {
            lit: frozenset().union(*(by_literal.get(lit[:k], ()) for k in range(1, len(lit) + 1))) for lit in by_literal
        }
        # the longest literal at a position; searched from one position past the last one found, which
        # finds the literals at every position, as a zero-width lookahead scan would (in fewer steps:
        # the search skips, in C, the positions where nothing starts)
        self._scan = compile_cached(_cached_trie(sorted(by_literal))) if by_literal else None
        self._memo: dict[str, frozenset[str]] = {}

    def present(self, text: str) -> frozenset[str]:
        found = self._memo.get(text)
        if found is not None:
            return found
        names = set(self.always)
        if self._scan is not None:
            search, table, at = self._scan.search, self._names, 0
            while (m := search(text, at)) is not None:
                names |= table[m.group()]
                at = m.start() + 1
        found = frozenset(names)
        if len(self._memo) >= self._memo_size:
            self._memo.clear()
        self._memo[text] = found
        return found
