"""Literal prefilters of the events stage: which trigger families and cue sets may match a text,
from one scan of it for all their literals (:class:`dateline.prefilter.LiteralScan`). A family
or cue set left out surely finds nothing there, so its patterns need not run: the outcome is
exactly that of running them. Built on first use from the compiled lexicons."""

from __future__ import annotations

import re
from functools import cache

from ..prefilter import LiteralScan
from .lexicon import cue_patterns, families

__all__ = ["cue_scan", "pattern_scan", "trigger_scan", "union_safe"]


class _FamilyScan:
    """Names of the trigger families that may match: those with a pattern that may (one scan, by
    :func:`pattern_scan`, serves both questions)."""

    def __init__(self) -> None:
        self._keys = {name: frozenset(p.pattern for p in (*fam.strong, *fam.weak)) for name, fam in families().items()}
        self._memo: dict[str, frozenset[str]] = {}

    def present(self, text: str) -> frozenset[str]:
        found = self._memo.get(text)
        if found is None:
            patterns = pattern_scan().present(text)
            found = frozenset(name for name, keys in self._keys.items() if not keys.isdisjoint(patterns))
            if len(self._memo) >= 64:
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
    return LiteralScan({p.pattern: p for fam in families().values() for p in (*fam.strong, *fam.weak)})


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


@cache
def union_safe(any_pattern: str) -> bool:
    """Whether a family's one-pattern test (``Family.any``, given by its regex) matches exactly where one
    of its patterns does, so that running the patterns alone gives the same hits (no backreference
    renumbered by the join)."""
    return _BACKREF.search(any_pattern) is None
