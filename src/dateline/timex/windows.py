"""Trigger hits found without a scan of every position, for the triggers of the time grammar that are
plain alternations of lower-case words (``"day|week|month|year"``) or whose every alternative begins
with a literal (``"ago\\b|earlier|from\\s+now"``), on the lower-cased text.

``re`` tries every alternative of such a pattern at every position of the text; ``str.find``
looks for each word with a fast substring search. :func:`word_spans` then gives exactly what
``re.finditer`` gives for the alternation: leftmost hits, the first alternative (in pattern
order) that matches at a position, the scan going on after each hit (no overlaps).
:func:`led_spans` does the same for a pattern whose matches all begin with one of its
:func:`lead_literals`: the pattern itself is tried (``match``) only where one of them is.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

__all__ = ["lead_literals", "led_spans", "plain_words", "word_spans"]

_PLAIN = re.compile(r"[a-z]+(?:\|[a-z]+)*")


@cache
def plain_words(pattern: str) -> tuple[str, ...] | None:
    """The alternatives of ``pattern`` when it is a plain alternation of lower-case ASCII words, else None."""
    return tuple(pattern.split("|")) if _PLAIN.fullmatch(pattern) else None


def word_spans(words: tuple[str, ...], low: str) -> list[tuple[int, int]]:
    """The spans ``re.finditer("|".join(words), low)`` matches (``words`` as :func:`plain_words` gives)."""
    first: dict[int, int] = {}  # a position -> the length of the first alternative found there
    find = low.find
    for word in words:  # in pattern order: the first alternative that matches at a position wins
        at = find(word)
        while at >= 0:
            if at not in first:
                first[at] = len(word)
            at = find(word, at + 1)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for at in sorted(first):
        if at >= cursor:  # the scan goes on after the last hit
            cursor = at + first[at]
            spans.append((at, cursor))
    return spans


@cache
def lead_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The literal strings the alternatives of ``pattern`` (case-sensitive) begin with, one of which begins
    every match; None when an alternative begins otherwise (a class, a group, an optional part)."""
    if flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None
    items = list(parsed)
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is _c.BRANCH else [items]
    leads: set[str] = set()
    for alternative in alternatives:
        lead = ""
        for op, av in alternative:
            if op is not _c.LITERAL:
                break
            lead += chr(av)
        if not lead:
            return None
        leads.add(lead)
    return tuple(sorted(leads))


def led_spans(pattern: re.Pattern[str], leads: tuple[str, ...], low: str) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(low)`` matches, for a pattern whose matches all begin with one of
    ``leads`` (:func:`lead_literals`): the leftmost position from which it matches, the scan going on
    after each hit, with the pattern tried only where a lead begins."""
    starts: set[int] = set()
    find = low.find
    for lead in leads:
        at = find(lead)
        while at >= 0:
            starts.add(at)
            at = find(lead, at + 1)
    spans: list[tuple[int, int]] = []
    cursor = 0
    match = pattern.match
    for at in sorted(starts):
        if at >= cursor:
            m = match(low, at)
            if m is not None:
                cursor = m.end()
                spans.append((at, cursor))
    return spans
