"""The time lexicon (``lexicon.json``): month, weekday, season and unit names, number words.

Loaded on first use and cached; :func:`parse_number` reads cardinal numbers written in
digits or words ("24", "twenty four", "a couple of", "2 1/2").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["VAGUE", "lexicon", "month_number", "parse_number", "parse_ordinal", "parse_year"]

#: what :func:`parse_number` returns for vague quantities ("several", "a few")
VAGUE = -1.0


@cache
def lexicon() -> dict[str, Any]:
    """The parsed ``lexicon.json`` (cached)."""
    text = resources.files(__package__).joinpath("lexicon.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "september"), else None."""
    months: dict[str, int] = lexicon()["months"]
    w = word.lower().strip()
    return months.get(w) or months.get(w.rstrip("."))


_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> float | None:
    """The value of a cardinal number in digits or words; :data:`VAGUE` for vague ones; None if unreadable."""
    lex = lexicon()
    t = text.lower().strip()
    if not t:
        return None
    if t in lex["vague_numbers"] or t == "couple of":
        return 2.0 if "couple" in t else VAGUE
    half = 0.0
    for tail in (" and a half", " 1/2", "½", " and one half"):
        if t.endswith(tail):
            t, half = t[: -len(tail)].strip(), 0.5
            break
    if t.startswith("half a") or t == "half":
        return 0.5
    t = t.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t) + half
    words: dict[str, int] = lex["numbers"]
    total = current = 0
    seen = False
    parts = _SPLIT.split(t)
    if len(parts) > 1 and parts[0] in ("a", "an"):
        parts = parts[1:]  # "a dozen", "a hundred"
    for w in parts:
        if w in ("and", "of"):
            continue
        if w not in words:
            return None
        n = words[w]
        seen = True
        if n == 100:
            current = max(current, 1) * 100
        elif n == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += n
    if not seen:
        return None
    return float(total + current) + half


def parse_ordinal(text: str) -> int | None:
    """1.. for "3rd", "third", "twenty-first"; None if unreadable."""
    t = text.lower().strip().replace(" ", "-")
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    value: int | None = lexicon()["ordinals"].get(t)
    return value


def parse_year(text: str) -> int | None:
    """A year written in digits ("1994") or words ("nineteen ninety-four"); None if unreadable."""
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    words = _SPLIT.split(t)
    if words[:1] == ["nineteen"] and len(words) > 1:
        rest = parse_number(" ".join(words[1:]))
        return 1900 + int(rest) if rest is not None and 0 <= rest < 100 else None
    return None
