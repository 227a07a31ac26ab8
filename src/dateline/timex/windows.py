"""Trigger hits found without a regular expression, for the triggers of the time grammar that are
plain alternations of lower-case words (``"day|week|month|year"``), on the lower-cased text.

``re`` tries every alternative of such a pattern at every position of the text; ``str.find``
looks for each word with a fast substring search. :func:`word_spans` then gives exactly what
``re.finditer`` gives for the alternation: leftmost hits, the first alternative (in pattern
order) that matches at a position, the scan going on after each hit (no overlaps).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["plain_words", "word_spans"]

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
