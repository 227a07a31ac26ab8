"""The language stage: a light, dependency-free guess of the body's language.

dateline analyses English; other languages keep their parsed article but later stages
see ``article.language`` and may skip them.
"""

from __future__ import annotations

import re
from collections import Counter

from .records import Document
from .resources import Resources
from .settings import Settings

__all__ = ["LanguageStage", "guess_language"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for on was with as by at from said it are have has be".split()),
    "fr": frozenset("le la les des et en du un une est dans pour que qui sur au par pas".split()),
    "de": frozenset("der die das und ist nicht mit von zu den im ein eine auf sich dem".split()),
    "es": frozenset("el la los las de y en que del un una por con para se es".split()),
    "pt": frozenset("o a os as de e em que do da um uma para com por não".split()),
    "it": frozenset("il la di e che in un una per non del della con sono".split()),
}


def guess_language(text: str, default: str = "en") -> str:
    """The language whose function words are most frequent; ``default`` for short texts."""
    head = text[:5000]
    # lower-casing ASCII text maps letters to letters one for one: the words of the lower-cased text are
    # the lower-cased words (not so elsewhere: "İ" lower-cases to "i" and a combining dot, no word character)
    words = _WORD.findall(head.lower()) if head.isascii() else [w.lower() for w in _WORD.findall(head)]
    if len(words) < 12:
        return default
    counts = Counter(words)  # (each language's function words counted from one tally of the words)
    scores = {lang: sum(counts[w] for w in marks) for lang, marks in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < 0.08 * len(words):
        return "und" if not any(ch.isascii() for ch in text[:200]) else default
    return best


class LanguageStage:
    name = "language"
    requires = ("article",)
    produces = ("language",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.default = settings.language

    def __call__(self, doc: Document) -> Document:
        if not doc.article.language:
            doc.article.language = guess_language(doc.article.body, self.default)
        return doc
