"""What normalizers share: the :class:`Context` of a document and small readers of
rule groups (point modifiers, units, ISO durations, the direction a relative name looks)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .anchoring import at, coarser, granularity, shift
from .grammar import Candidate
from .lexicon import VAGUE, lexicon
from .tense import direction, sentence_bounds

__all__ = ["Context", "G", "Normalized", "duration_value", "habitual", "half_of", "look", "low", "point_mod",
           "unit_code"]

Normalized = tuple[str, str, str | None]  # type, value, mod
G = dict[str, str | None]


@dataclass(slots=True)
class Context:
    """What normalization needs beyond the candidate: the text, the anchor, the discourse."""

    text: str
    anchor: dt.date | None
    nlp_doc: Any = None
    last_ref: str | None = None
    _directions: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def direction(self, c: Candidate) -> str | None:
        key = (c.start, c.end)
        if key not in self._directions:
            self._directions[key] = direction(self.text, c.start, c.end, self.nlp_doc)
        return self._directions[key]

    def ref(self, unit: str) -> str | None:
        """The last mentioned date at ``unit`` granularity (None if it was coarser), else the anchor's."""
        gran = granularity(self.last_ref)
        if self.last_ref and gran is not None:
            if coarser(gran, unit):
                return None
            return shift(self.last_ref, 0, "D", unit) if unit != gran else self.last_ref
        return at(self.anchor, unit) if self.anchor else None


def low(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


def point_mod(pm: str | None) -> str | None:
    """START/MID/END (or APPROX) for "early", "mid-", "the end of" …: the first listed word found."""
    t = low(pm)
    if not t:
        return None
    for word, mod in lexicon()["point_mods"]:
        if word in t:
            return str(mod)
    return None


def half_of(pm: str | None) -> str | None:
    t = low(pm)
    if "first half" in t:
        return "H1"
    if any(w in t for w in ("second half", "latter half", "last half")):
        return "H2"
    return None


def unit_code(word: str | None) -> str | None:
    w = low(word)
    code: str | None = lexicon()["units"].get(w)
    if code == "M" and w.startswith("minute"):
        return "MIN"
    if code == "S" and w.startswith("second"):
        return "SEC"
    return code


def duration_value(n: float, unit: str) -> str:
    """An ISO 8601 duration: n units (VAGUE gives "PX...")."""
    if n == VAGUE:
        return {"MIN": "PTXM", "SEC": "PTXS", "H": "PTXH", "DE": "PXDE", "CE": "PXCE"}.get(unit, f"PX{unit}")
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    whole, frac = int(n), n - int(n)
    sub = {"Y": (12, "M", False), "M": (30, "D", False), "W": (7, "D", False), "D": (24, "H", True),
           "H": (60, "M", True), "MIN": (60, "S", True), "Q": (3, "M", False)}
    if unit in ("H", "MIN", "SEC"):
        letter = {"H": "H", "MIN": "M", "SEC": "S"}[unit]
        out = f"PT{whole}{letter}"
        if frac and unit in sub:
            k, small, _ = sub[unit]
            out += f"{round(frac * k)}{small}"
        return out
    out = f"P{whole}{unit}" if whole else "P"
    if frac and unit in sub:
        k, small, timey = sub[unit]
        if unit == "W":
            return f"P{round(n * 7)}D"
        out += ("T" if timey else "") + f"{round(frac * k)}{small}"
    return out


def look(rel: str | None, ctx: Context, c: Candidate) -> str | None:
    r = low(rel)
    if r in ("last", "this past", "past"):
        return "before"
    if r in ("next", "this coming", "coming"):
        return "after"
    if r == "this":
        return None
    return ctx.direction(c)


_HABITUAL = re.compile(r"\b(?:usually|typically|normally|traditionally|generally|customarily|each\s+year|every\s+year|"
                       r"annually|tends?\s+to)\b", re.I)


def habitual(ctx: Context, c: Candidate) -> bool:
    """Whether the sentence of a bare month or season tells what happens every year
    ("the tournament usually takes place in June"): then it is generic, ``XXXX-06``."""
    s, e = sentence_bounds(ctx.text, c.start, c.end)
    return _HABITUAL.search(ctx.text, s, e) is not None
