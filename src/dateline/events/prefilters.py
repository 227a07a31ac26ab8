"""Literal prefilters of the events stage: which trigger families and cue sets may match a text,
from one scan of it for all their literals (:class:`dateline.prefilter.LiteralScan`). A family
or cue set left out surely finds nothing there, so its patterns need not run: the outcome is
exactly that of running them. Built on first use from the compiled lexicons."""

from __future__ import annotations

import re
from functools import cache

from ..prefilter import LiteralScan
from .lexicon import cue_patterns, families

__all__ = ["any_trigger", "cue_scan", "pattern_scan", "trigger_scan", "union_safe"]


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
def cue_scan() -> LiteralScan:
    """Names of the cue sets (:func:`~dateline.events.lexicon.cue_patterns`) that may match."""
    return LiteralScan(cue_patterns())


@cache
def pattern_scan() -> LiteralScan:
    """The trigger patterns (named by their regex) that may match, one by one."""
    return LiteralScan({p.pattern: p for fam in families().values() for p in (*fam.strong, *fam.weak)}, _BATCH_MEMO)


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


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
            if pat.pattern in present and pat.search(low) is not None:
                return True
    return False
