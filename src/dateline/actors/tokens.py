"""A light tokenization of the body for actor matching, and match candidates."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


def tokenize(text: str) -> list[Token]:
    """Words (hyphens dropped but remembered as glue), possessive 's, punctuation."""
    out: list[Token] = []
    append, key, new = out.append, alias_key, tuple.__new__  # (per word: no attribute look-up, no frame)
    prev_end = -1
    prev_dash = False
    for m in _TOKEN.finditer(text):
        t = m.group()
        start, end = m.span()
        if t in _DASH:
            prev_dash = start == prev_end
            prev_end = end
            continue
        # Token(t, start, end, key, glued), made as the tuple it is
        append(new(Token, (t, start, end, key(t) if t[0].isalnum() else t, prev_dash and start == prev_end)))
        prev_end = end
        prev_dash = False
    return out


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    actor: Actor
    priority: int  # lower wins among equal lengths
    generic: str | None = None  # the generic category's head key, for coreference
