"""Literal prefilters of the events stage: which trigger families and cue sets may match a text,
from one scan of it for all their literals (:class:`dateline.prefilter.LiteralScan`). A family
or cue set left out surely finds nothing there, so its patterns need not run: the outcome is
exactly that of running them. Built on first use from the compiled lexicons."""

from __future__ import annotations

from functools import cache

from ..prefilter import LiteralScan
from .lexicon import cue_patterns, families

__all__ = ["cue_scan", "trigger_scan"]


@cache
def trigger_scan() -> LiteralScan:
    """Names of the trigger families (:func:`~dateline.events.lexicon.families`) that may match."""
    return LiteralScan({name: fam.any for name, fam in families().items()})


@cache
def cue_scan() -> LiteralScan:
    """Names of the cue sets (:func:`~dateline.events.lexicon.cue_patterns`) that may match."""
    return LiteralScan(cue_patterns())
