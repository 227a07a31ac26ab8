"""Normalizers for durations ("three weeks", "the past two years", "a months-long"),
sets ("every Friday", "twice a year") and the vague references PRESENT_REF, PAST_REF
and FUTURE_REF."""

from __future__ import annotations

import re

from .context import Context, G, Normalized, duration_value, low, unit_code
from .grammar import Candidate
from .lexicon import VAGUE, lexicon, month_number, parse_number

__all__ = ["n_another", "n_bare_plural", "n_duration", "n_future_ref", "n_past_ref", "n_present_ref", "n_set",
           "n_set_freq", "n_vague_dur"]

_RATE_BEFORE = re.compile(
    r"(?:\d|million|billion|trillion|percent|%|dollars?|cents?|times|once|twice|pounds|euros|barrels|tons|"
    r"tonnes|miles|people|units|shares)\W{0,3}$", re.I)


def n_duration(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    n = parse_number(g.get("n") or "")
    unit = unit_code(g.get("u"))
    if n is None or unit is None or unit == "WE" or n == 0:
        return None
    num = low(g.get("n"))
    word = low(g.get("u"))
    if num in ("a", "an") and word.endswith("s") and word in lexicon()["units"] and word not in ("hours",):
        n = VAGUE  # "a months-long campaign"
    elif num in ("a", "an") and word == "hours":
        n = VAGUE
    if g.get("half2"):
        n += 0.5
    mods: dict[str, str] = lexicon()["duration_mods"]
    mod = mods.get(low(g.get("dm")))
    if num in ("a", "an", "one") and not (g.get("the") or g.get("rel") or g.get("dm")):
        before = ctx.text[max(0, c.start - 30):c.start]
        if _RATE_BEFORE.search(before) or re.search(r"\bper\s*$", before, re.I):
            return "SET", duration_value(1, unit), None
    return "DURATION", duration_value(n, unit), mod


def n_another(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    """"another week", "at least another month": one more unit."""
    unit = unit_code(g.get("u"))
    if unit is None or unit == "WE":
        return None
    return "DURATION", duration_value(1, unit), lexicon()["duration_mods"].get(low(g.get("dm")))


def n_vague_dur(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    rel = low(g.get("rel"))
    word = low(g.get("u") or g.get("u2"))
    unit = unit_code(word)
    if unit is None or unit == "WE":
        return None
    if (rel == "recent" and unit in ("Y", "D")) or (rel == "past" and not g.get("the") and unit in ("Y", "DE", "CE")):
        return "DATE", "PAST_REF", None
    return "DURATION", duration_value(VAGUE, unit), None


def n_bare_plural(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    unit = unit_code(g.get("u"))
    return ("DURATION", duration_value(VAGUE, unit), None) if unit else None


def n_set(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    x = low(g.get("x"))
    lex = lexicon()
    if x in lex["weekdays"]:
        return "SET", f"XXXX-WXX-{lex['weekdays'][x]}", None
    month = month_number(x)
    if month and x[:1] and (g.get("x") or "")[:1].isupper():
        return "SET", f"XXXX-{month:02d}", None
    if x in lex["seasons"]:
        return "SET", f"XXXX-{lex['seasons'][x]}", None
    if x in lex["parts_of_day"]:
        return "SET", f"XXXX-XX-XXT{lex['parts_of_day'][x]}", None
    unit = unit_code(x)
    if unit is None or unit == "WE":
        return None
    n = 2.0 if low(g.get("other")) == "other" else parse_number(g.get("n") or "") or 1.0
    return "SET", duration_value(n, unit), None


def n_set_freq(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    unit = unit_code(g.get("x"))
    return ("SET", duration_value(1, unit), None) if unit and unit != "WE" else None


def n_present_ref(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    return "DATE", "PRESENT_REF", None


def n_past_ref(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    return "DATE", "PAST_REF", None


def n_future_ref(c: Candidate, g: G, ctx: Context) -> Normalized | None:
    return "DATE", "FUTURE_REF", None
