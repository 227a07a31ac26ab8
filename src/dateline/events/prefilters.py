"""Literal prefilters of the events stage: which trigger families and cue sets may match a text,
from one scan of it for all their literals (:class:`dateline.prefilter.LiteralScan`). A family
or cue set left out surely finds nothing there, so its patterns need not run: the outcome is
exactly that of running them (:func:`cue_matches` then runs only the cue sets' alternatives whose
literals are there, each on its own). Built on first use from the compiled lexicons."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from ..prefilter import LiteralScan
from ..regex_cache import cached_value, compile_cached
from .lexicon import cue_parts, cue_patterns, families

__all__ = ["any_trigger", "cue_matches", "matches", "pattern_scan", "search", "trigger_scan", "union_safe"]


#: answers kept for this many sentences: a batch's worth (the NLP step's parse selection asks about
#: every sentence of a batch before the events stage asks again about the same sentences)
_BATCH_MEMO = 4096


class _FamilyScan:
    """Names of the trigger families that may match: those with a pattern that may (one scan, by
    :func:`pattern_scan`, serves both questions)."""

    def __init__(self) -> None:
        owners: dict[str, set[str]] = {}  # pattern -> the families that hold it
        for name, fam in families().items():
            for p in (*fam.strong, *fam.weak):
                owners.setdefault(p.pattern, set()).add(name)
        self._owners = {pattern: frozenset(names) for pattern, names in owners.items()}
        self._memo: dict[str, frozenset[str]] = {}

    def present(self, text: str) -> frozenset[str]:
        found = self._memo.get(text)
        if found is None:
            owners = self._owners
            found = frozenset().union(*(owners[p] for p in pattern_scan().present(text) if p in owners))
            if len(self._memo) >= _BATCH_MEMO:
                self._memo.clear()
            self._memo[text] = found
        return found


@cache
def trigger_scan() -> _FamilyScan:
    """Names of the trigger families (:func:`~dateline.events.lexicon.families`) that may match."""
    return _FamilyScan()


@cache
def pattern_scan() -> LiteralScan:
    """The trigger patterns (named by their regex) that may match, one by one."""
    return LiteralScan({p.pattern: p for fam in families().values() for p in (*fam.strong, *fam.weak)}, _BATCH_MEMO)


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
#: a backreference, or a condition on a group (its number would change when an alternative runs alone)
_NUMBERED = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@cache
def _cue_part_scan() -> LiteralScan:
    """The cue sets' alternatives (named by their regex) that may match, one by one."""
    return LiteralScan({p.pattern: p for parts in cue_parts().values() for p in parts})


@cache
def _cue_owners() -> tuple[dict[str, tuple[tuple[str, re.Pattern[str]], ...]], frozenset[str]]:
    """Each alternative's regex -> the cue sets that hold it (with the alternative); and the cue sets whose
    alternation must run whole (a backreference or a condition on a group, renumbered by the join)."""
    owners: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, parts in cue_parts().items():
        for p in parts:
            owners.setdefault(p.pattern, []).append((name, p))
    whole = frozenset(name for name, pat in cue_patterns().items() if _NUMBERED.search(pat.pattern))
    return {k: tuple(v) for k, v in owners.items()}, whole


@lru_cache(maxsize=256)
def cue_matches(text: str) -> frozenset[str]:
    """The cue sets of :func:`~dateline.events.lexicon.cue_patterns` that match ``text``: exactly
    ``{name for name, p in cue_patterns().items() if p.search(text)}``, with only the alternatives whose
    literals are in the text searched (one scan, :class:`~dateline.prefilter.LiteralScan`), each on its own
    (``re`` tries every alternative of an alternation at every position; the alternation matches where one
    of them does). The last texts' answers are kept (an LRU cache)."""
    owners, whole = _cue_owners()
    names: set[str] = set()
    for pattern in _cue_part_scan().present(text):
        for name, part in owners[pattern]:
            if name not in names and name not in whole and part.search(text) is not None:
                names.add(name)
    if whole:
        cues = cue_patterns()
        names.update(name for name in whole if cues[name].search(text) is not None)
    return frozenset(names)


@cache
def union_safe(any_pattern: str) -> bool:
    """Whether a family's one-pattern test (``Family.any``, given by its regex) matches exactly where one
    of its patterns does, so that running the patterns alone gives the same hits (no backreference
    renumbered by the join)."""
    return _BACKREF.search(any_pattern) is None


@cache
def _family_patterns() -> dict[str, tuple[re.Pattern[str], ...] | None]:
    """Each family's patterns, to be searched one by one in place of its one-pattern test, or None
    when that test is not :func:`union_safe` (then the test itself runs)."""
    return {name: (*fam.strong, *fam.weak) if union_safe(fam.any.pattern) else None for name, fam in families().items()}


def any_trigger(low: str) -> bool:
    """Whether some trigger family's one-pattern test (``Family.any``) matches the lower-cased
    sentence ``low``: exactly ``any(fam.any.search(low) for fam in families().values())``, with only
    the families and patterns whose literals are in the sentence searched (:func:`trigger_scan`,
    :func:`pattern_scan`), each pattern on its own (``re`` cannot skip ahead in a long alternation)."""
    names = trigger_scan().present(low)
    if not names:
        return False
    present = pattern_scan().present(low)
    fams = families()
    for name, patterns in _family_patterns().items():
        if name not in names:
            continue
        if patterns is None:
            if fams[name].any.search(low) is not None:
                return True
            continue
        for pat in patterns:
            if pat.pattern in present and search(pat, low) is not None:
                return True
    return False


@cache
def _family_twins() -> dict[tuple[str, int], re.Pattern[str] | None]:
    """:func:`_unbounded` of every trigger pattern, made at once on first use (so that a process that reads one
    reads them all from the compiled-regex cache, whatever its texts: :mod:`dateline.regex_cache` keeps the
    entries a process used)."""
    pats = {(p.pattern, p.flags) for fam in families().values() for p in (*fam.strong, *fam.weak)}
    return {key: _unbounded_one(*key) for key in sorted(pats)}


def _unbounded(pattern: str, flags: int) -> re.Pattern[str] | None:
    """:func:`_unbounded_one`, the trigger patterns' twins made at once (:func:`_family_twins`)."""
    twins = _family_twins()
    key = (pattern, flags)
    return twins[key] if key in twins else _unbounded_one(pattern, flags)


@cache
def _unbounded_one(pattern: str, flags: int) -> re.Pattern[str] | None:
    """``pattern`` without the word boundary it begins with (``\\bsuicide bomb…`` → ``suicide bomb…``), when
    what follows begins with a literal or with one of a few literals: ``re`` then skips ahead to them
    (it cannot skip ahead to a pattern that begins with an assertion). Wherever the pattern matches, it
    does too (a constraint fewer). None for any other pattern."""
    if not pattern.startswith("\\b") or flags & re.IGNORECASE:
        return None
    # (the answer kept between processes with the compiled patterns: parsing ~500 patterns costs ~35 CPU-ms)
    if not cached_value("literal-first", f"{flags}:{pattern[2:]}", lambda: _begins_with_literal(pattern[2:], flags)):
        return None
    return compile_cached(pattern[2:], flags)


def _begins_with_literal(pattern: str, flags: int) -> bool:
    try:
        items = list(_parser.parse(pattern, flags))
    except re.error:
        return False
    return bool(items) and _literal_first(items)


def _literal_first(items: list[Any]) -> bool:
    op, av = items[0]
    if op is _c.LITERAL:
        return True
    if op is _c.IN:
        return all(o is _c.LITERAL for o, _ in av)
    if op is _c.SUBPATTERN and not (av[1] | av[2]):
        return bool(av[3]) and _literal_first(list(av[3]))
    if op is _c.BRANCH:
        return all(branch and _literal_first(list(branch)) for branch in av[1])
    return False


def matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, found faster for a pattern that begins with a word boundary and a
    literal (:func:`_unbounded`): the pattern is tried (``match``) only where its unbounded twin, which
    ``re`` finds by skipping ahead, matches — the leftmost position from which the pattern matches, the
    scan going on after each match."""
    loose = _unbounded(pattern.pattern, pattern.flags)
    if loose is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    find, match = loose.search, pattern.match
    while (m := find(text, pos)) is not None:
        start = m.start()
        full = match(text, start)
        if full is None:
            pos = start + 1
        elif full.end() == start:  # an empty match: leave re's own iteration to it
            return list(pattern.finditer(text))
        else:
            out.append(full)
            pos = full.end()
    return out


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, found as :func:`matches` finds its matches."""
    loose = _unbounded(pattern.pattern, pattern.flags)
    if loose is None:
        return pattern.search(text)
    pos = 0
    find, match = loose.search, pattern.match
    while (m := find(text, pos)) is not None:
        full = match(text, m.start())
        if full is not None:
            return full
        pos = m.start() + 1
    return None
