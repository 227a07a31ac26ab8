"""Recognition: the rules of ``rules.tsv`` compiled, run over a text, overlaps resolved.

A rule is a regex with named groups plus the name of the normalizer that turns its
groups into a TIMEX3 value (:mod:`.normalize`). Macros such as ``{MONTH}`` expand to
alternations built from ``lexicon.json``. :func:`find` returns the non-overlapping
candidates, longest first, that pass the guards against common false alarms ("may",
"2000 people", "for" + bare plurals).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..prefilter import lower_same_length, lowered_twin
from ..regex_cache import compile_cached
from .lexicon import lexicon, parse_year
from .windows import lead_literals, led_spans, plain_words, word_spans

__all__ = ["Candidate", "Rule", "find", "rules"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    normalizer: str
    pattern: re.Pattern[str]
    priority: int
    trigger: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    normalizer: str
    groups: dict[str, str | None]
    priority: int


def _alt(words: list[str]) -> str:
    # longest first; words of one length in alphabetical order, so the pattern is the same in every
    # process (string hashing differs between processes; the regex cache keys on the pattern)
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


@cache
def _macros() -> dict[str, str]:
    lex = lexicon()
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    numword = _alt([w for w in lex["numbers"] if w not in ("couple", "a", "an")])
    vague = _alt(lex["vague_numbers"])
    units = lex["units"]
    singular = [u for u in units if u in ("second", "minute", "hour", "day", "week", "weekend", "month",
                                           "quarter", "year", "decade", "century")]
    plural = [u for u in units if u not in singular]
    ordw = _alt(list(lex["ordinals"]))
    pm = (r"(?:early|mid-?|late|around|"
          r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+half|second\s+half|latter\s+half|"
          r"last\s+half|first\s+part|latter\s+part|early\s+part)\s+of)")
    return {
        "MONTH": _alt(list(lex["months"])),
        "WEEKDAY": _alt(list(lex["weekdays"])),
        "SEASON": _alt(list(lex["seasons"])),
        "YEAR": (r"(?:1\d{3}|20\d{2})(?![\d])|nineteen[\s-]+(?:" + _alt(tens) + r"(?:[\s-]+" + _alt(ones) + r")?|"
                 + _alt(teens) + ")"),
        "DAY": r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])|" + ordw + ")",
        "ORDW": ordw,
        "ONES": _alt(ones),
        "TEENS": _alt(teens),
        "TENS": _alt(tens),
        "DECW": _alt(list(lex["decade_words"])),
        "NUM": (r"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|" + vague + r"|an?(?:\s+(?:hundred|thousand|dozen))?|" + numword
                + r"(?:(?:[\s-]+|\s+and\s+)" + numword + r")*(?:\s+and\s+a\s+half)?)"),
        "UNIT": _alt(list(units)),
        "UNITSG": _alt(singular),
        "UNITPL": _alt(plural),
        "DURMOD": _alt(list(lex["duration_mods"])),
        "PM": pm,
    }


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules of ``rules.tsv`` (cached)."""
    macros = _macros()
    text = resources.files(__package__).joinpath("rules.tsv").read_text(encoding="utf-8")
    out: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, normalizer, trigger, pattern = line.split("\t")
        expanded = re.sub(r"\{([A-Z]+)\}", lambda m: macros[m.group(1)], pattern)
        compiled = compile_cached(r"(?<![\w'])(?:" + expanded + r")(?![\w])", re.IGNORECASE)
        if trigger == "MONTHS":
            trigger = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
        cue = compile_cached(trigger, re.IGNORECASE) if trigger else None
        out.append(Rule(name, normalizer, compiled, len(out), cue))
    return tuple(out)


_BARE_PLURAL_CUES = {"for", "over", "within", "took", "take", "takes", "taking", "lasted", "lasting", "spent",
                     "after", "wait", "waited", "spend"}
#: verbs after which "decades of …", "years of …" is a stretch of time ("ending decades of neutrality")
_BARE_PLURAL_VERBS = {"ending", "ended", "ends", "end", "following", "despite", "capping", "marking", "marked",
                      "spanning", "spanned", "endured"}
_NOT_CURRENT = re.compile(r"\s+(?:accounts?|affairs|events|assets|liabilities|members?|prices?)\b", re.I)
_PREV_WORD = re.compile(r"([\w']+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _ok(c: Candidate, text: str) -> bool:
    """Guards against frequent false alarms, rule by rule."""
    g = c.groups
    lex = lexicon()
    month = g.get("m")
    if month is not None:
        low = month.lower().rstrip(".")
        if low in lex["ambiguous_months"] and not month[0].isupper():
            return False
        if (c.rule == "month" and not month.endswith(".") and low not in _FULL_MONTHS
                and not (g.get("y") or g.get("yrel"))):
            return False  # a bare "Jan" is more often a name than January
        if low in ("may", "march") and c.rule == "month" and not (g.get("pm") or g.get("rel") or g.get("y")):
            prev = _prev_word(text, c.start)
            if prev.lower() not in _MONTH_PREP:
                if prev[:1].isupper():
                    return False  # "Theresa May", "Long March"
                nxt = text[c.end:c.end + 12].lstrip()
                if low == "may" and nxt[:1].islower():
                    return False  # the modal verb
    for key in ("wd", "day"):
        word = g.get(key)
        if word and word.lower() in lex["weekdays"] and not word[0].isupper():
            return False
    if c.rule == "year" and not (g.get("pm") or g.get("fy")):
        return _year_ok(c, text)
    if c.rule == "season" and (g.get("s") or "").lower() in ("fall", "spring") and not (
            g.get("rel") or g.get("pm") or g.get("pm2") or g.get("y") or g.get("yrel")):
        return _prev_word(text, c.start).lower() in ("in", "this", "last", "next", "the")
    if c.rule == "bare_plural":
        prev = _prev_word(text, c.start).lower()
        if prev in _BARE_PLURAL_CUES or (prev == "in" and re.match(r"\s*[.,;:!?)]", text[c.end:]) is not None):
            return True
        return prev.lower() in _BARE_PLURAL_VERBS and text.startswith(" of ", c.end)  # "ending decades of"
    if c.rule == "duration":
        after = text[c.end:c.end + 8]
        unit = (g.get("u") or "").lower()
        if re.match(r"\s+old\b", after) or (unit.startswith("quarter") and re.match(r"\s+of\b|-to-", after)):
            return False  # ages, fractions ("three-quarters of")
        if unit == "second" and (g.get("n") or "").lower() in ("a", "an", "one"):
            return False  # "a second group"
        if unit.startswith("second") and (g.get("u") or "")[:1].isupper():
            return False  # "914 Second Avenue"
        if unit.startswith("quarter") and re.search(r"\w-quarters?$", text[c.start:c.end], re.I):
            return False  # "one-quarter", "three-quarters": fractions
    if c.rule == "set" and low_q(g) == "per" and _SPEED_UNIT.search(text, max(0, c.start - 16), c.start):
        return False  # "315 kilometres per hour": a speed, not a frequency
    if c.rule in ("quarter", "quarter_rel") and text.startswith("-to-", c.end):
        return False
    if c.rule == "present_ref" and (g.get("r") or "").lower() == "current":
        return not _NOT_CURRENT.match(text, c.end)
    return not (c.rule in ("clock", "clock24") and g.get("h") and int(g["h"] or 0) > 24)


_SPEED_UNIT = re.compile(r"\b(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|knots)\s+$", re.I)


def low_q(g: dict[str, str | None]) -> str:
    return (g.get("q") or "").lower()


_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"}
_MONTH_PREP = {"in", "since", "by", "until", "till", "from", "through", "of", "on", "to", "before", "after",
               "during", "early", "late", "mid", "last", "next", "this", "and", "or", "between", "the"}


_YEAR_PREP = {"in", "since", "by", "until", "till", "from", "through", "of", "before", "after", "during", "between",
              "and", "to", "early", "late", "mid", "around", "circa", "year"}
_COUNT_CUES = {"about", "some", "nearly", "almost", "over", "than", "least", "approximately", "roughly", "only",
               "just", "another", "additional", "extra"}


def _year_ok(c: Candidate, text: str) -> bool:
    y = parse_year(c.groups.get("y") or "") or 0
    before = text[max(0, c.start - 3):c.start]
    after = text[c.end:c.end + 16]
    if re.search(r"[$£€#¥]\s*$|No\.\s*$", before) or re.match(r"\s*(?:%|percent|per\s+cent|[.,:]\d)", after):
        return False
    if re.match(r"\s*(?:GMT|UTC|hrs|hours|local|[ap]\.?m\b)", after, re.I):
        return False
    prev = _prev_word(text, c.start).lower()
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    if nxt and nxt.group(1).lower() in lexicon()["year_count_nouns"] and prev not in _YEAR_PREP:
        return False  # "2000 people", but "in 2014 militants seized"
    if prev in _COUNT_CUES:
        return False  # "some 2000 protesters"
    if 1900 <= y <= 2099:
        return True
    return prev in _YEAR_PREP


#: how far around a trigger hit a rule's pattern is run
_WINDOW = 90


def _windows(trigger: re.Pattern[str], text: str) -> list[list[int]]:
    """The merged windows of ``text`` around the trigger's hits."""
    return _merged((hit.span() for hit in trigger.finditer(text)), len(text))


def _merged(hits: Iterable[tuple[int, int]], size: int) -> list[list[int]]:
    """The merged windows around ``hits`` (spans, in text order) in a text of ``size`` characters."""
    windows: list[list[int]] = []
    for start, end in hits:
        lo, hi = max(0, start - _WINDOW), min(size, end + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


def _trigger_windows(trigger: re.Pattern[str], text: str, low: str | None) -> list[list[int]]:
    """:func:`_windows`, on the lower-cased text with a case-sensitive twin of the trigger when there
    is one (the same hits, found faster: :mod:`dateline.prefilter`). (No literal scan of the text
    first: a substring search of a trigger's words or leads finds their absence as fast, and the
    triggers searched otherwise, led by digits, have no literal to scan for.)"""
    twin = lowered_twin(trigger.pattern, trigger.flags) if low is not None else None
    if twin is None or low is None:
        return _windows(trigger, text)
    words = plain_words(twin.pattern)
    if words is not None:  # "day|week|month": the same hits from a substring search of each word
        return _merged(word_spans(words, low), len(low))
    leads = lead_literals(twin.pattern, twin.flags)
    if leads is not None:  # "ago\b|earlier": the same hits, the trigger tried only where a lead word is
        return _merged(led_spans(twin, leads, low), len(low))
    return _windows(twin, low)


def _matches(
    rule: Rule, text: str, seen: dict[str, list[list[int]]] | None = None, low: str | None = None
) -> list[re.Match[str]]:
    """The rule's matches, looked for only in windows around its trigger's hits (``seen`` caches the
    windows of triggers shared by several rules, such as the month names; ``low`` is the text
    lower-cased by :func:`~dateline.prefilter.lower_same_length`, for a faster trigger scan)."""
    twin = lowered_twin(rule.pattern.pattern, rule.pattern.flags) if low is not None else None
    # the same matches, faster: the rule's case-sensitive twin on the lower-cased text
    pattern, subject = (twin, low) if twin is not None and low is not None else (rule.pattern, text)
    if rule.trigger is None:
        return list(pattern.finditer(subject))
    if seen is None:
        windows = _windows(rule.trigger, text)
    else:
        key = rule.trigger.pattern
        if key not in seen:
            seen[key] = _trigger_windows(rule.trigger, text, low)
        windows = seen[key]
    found: list[re.Match[str]] = []
    for lo, hi in windows:
        for m in pattern.finditer(subject, lo, hi):
            if m.end() >= hi and hi < len(subject):  # cut by the window: match again on the whole text
                m = pattern.match(subject, m.start()) or m
            found.append(m)
    return found


def _groups(m: re.Match[str], text: str) -> dict[str, str | None]:
    """``m.groupdict()`` read from ``text`` (the match may come from its lower-cased twin)."""
    out: dict[str, str | None] = {}
    for name in m.re.groupindex:
        a, b = m.span(name)
        out[name] = text[a:b] if a >= 0 else None
    return out


def find(text: str) -> list[Candidate]:
    """Non-overlapping time expression candidates in ``text``, in text order."""
    cands: list[Candidate] = []
    seen: dict[str, list[list[int]]] = {}
    low = lower_same_length(text)
    for rule in rules():
        for m in _matches(rule, text, seen, low):
            if m.end() > m.start():
                cands.append(Candidate(m.start(), m.end(), rule.name, rule.normalizer, _groups(m, text), rule.priority))
    cands.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        if not _ok(c, text):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
