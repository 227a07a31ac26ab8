"""A light tokenization of the body for actor matching, and match candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count, repeat
from typing import NamedTuple

from ..records import Actor
from .lexicon import alias_key

__all__ = ["Candidate", "Token", "tokenize"]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
_DASH = frozenset("-‐‑‒–")


class Token(NamedTuple):  # a tuple: built for every word of every article, it must be cheap
    text: str
    start: int
    end: int
    key: str  # alias_key of the text
    glued: bool  # touches the previous word through a hyphen ("anti-Daesh": Daesh is glued)


class _Keys(dict[str, str]):
    """Token text -> its key (``alias_key`` of a word, the text itself otherwise), filled on first sight."""

    def __missing__(self, t: str) -> str:
        k = alias_key(t) if t[0].isalnum() else t
        if len(self) >= 1 << 16:
            self.clear()
        self[t] = k
        return k


_KEYS = _Keys()
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def tokenize(text: str) -> list[Token]:
    """Words (hyphens dropped but remembered as glue), possessive 's, punctuation.

    Column by column (``map``, no Python loop a token): the matches' texts, offsets and keys; then only
    the dashes are looked at: a dash is dropped, and the word right after it is glued when the dash
    touches both it and the token before."""
    ms = list(_TOKEN.finditer(text))
    strs = list(map(_GROUP, ms))
    starts = list(map(_START, ms))
    ends = list(map(_END, ms))
    keys = list(map(_KEYS.__getitem__, strs))
    dashes = list(compress(count(), map(_DASH.__contains__, strs)))
    if not dashes:  # Token(t, start, end, key, False), made as the tuples they are
        return list(map(_NEW, repeat(Token), zip(strs, starts, ends, keys, repeat(False))))
    n = len(strs)
    glued = [False] * n
    keep = [True] * n
    for i in dashes:
        keep[i] = False
        j = i + 1
        if j < n and strs[j] not in _DASH:
            glued[j] = starts[i] == (ends[i - 1] if i else -1) and starts[j] == ends[i]
    return list(map(_NEW, repeat(Token), compress(zip(strs, starts, ends, keys, glued, strict=True), keep)))


_NEW = tuple.__new__


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    actor: Actor
    priority: int  # lower wins among equal lengths
    generic: str | None = None  # the generic category's head key, for coreference
