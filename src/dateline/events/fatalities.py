"""Fatalities stated in an event's sentence: "killing 6 civilians" → 6, "a soldier was killed" → 1.

Numbers may be digits ("1,200"), words ("twenty-three", "a dozen", "hundreds" is vague and
ignored) and come with hedges ("at least", "more than", "up to": the stated number is kept,
as ACLED does). Only counts tied to a death word are read; the largest such count in the
sentence is the figure (ACLED takes the most conservative *reported* total of one event, and
a sentence usually reports one total; sums such as "3 soldiers and 2 civilians killed" are added).
"""

from __future__ import annotations

import re

from ..timex.lexicon import parse_number as read_number

__all__ = ["fatalities_in", "parse_number"]

_ONE = ("single", "lone", "a single")
_NUMBER = (r"(?:\d{1,3}(?:,\d{3})+|\d+|a dozen|a couple of|"
           r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
           r"one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single|lone)"
           r"(?:\s+(?:hundred|thousand))?)")
_NOUN = r"(?:\w+[- ]){0,3}?\w+"
_PATTERNS = (
    # killing 6 civilians / killed at least 12 people / left 30 people dead
    re.compile(rf"\b(?:killing|killed|kills|kill|claimed the lives of|left|leaving|massacred|murdered)\s+"
               rf"(?:at least\s+|more than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+|around\s+|up to\s+)?"
               rf"(?P<n>{_NUMBER})\b(?!\s*(?:%|percent|km|kilomet|miles|hours|days|years))(?P<rest>[^.;]{{0,40}})"),
    # at least 12 people were killed / 6 civilians died / two soldiers dead
    re.compile(rf"\b(?:at least\s+|more than\s+|over\s+|nearly\s+|some\s+|about\s+|around\s+)?(?P<n>{_NUMBER})\s+"
               rf"(?:{_NOUN}\s+)?(?:(?:were|was|have been|has been|had been|are|is)\s+)?(?:reportedly\s+|also\s+)?"
               rf"(?:killed|dead|died|shot dead|gunned down|murdered|slain|perished|lost their lives)\b"),
    # death toll rose to 30 / 30 deaths / killed 3
    re.compile(rf"\bdeath toll (?:\w+\s+){{0,3}}?(?:to|of|at)\s+(?:at least\s+)?(?P<n>{_NUMBER})\b"),
    re.compile(rf"\b(?P<n>{_NUMBER})\s+(?:deaths|fatalities|dead bodies|bodies)\b"),
)
_NO_DEATH = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|injuries)|nobody was (?:killed|hurt|injured)|"
                       r"without (?:causing )?casualties|caused no casualties)\b")
_VAGUE_REST = re.compile(r"^\s*(?:percent|%|years?|months?|days?|km)\b")


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for ("1,200", "twenty-three", "a dozen", "two hundred").

    The time stage's number reader, plus the words that only count people ("a single", "lone").
    """
    t = text.lower().strip()
    if t in _ONE:
        return 1
    value = read_number(t)
    if value is None or value <= 0 or value != int(value):
        return None  # unreadable, vague ("hundreds") or not a count
    return int(value)


def fatalities_in(sentence: str) -> int | None:
    """Deaths stated in ``sentence`` (None when no count is tied to a death word; 0 for "no casualties")."""
    low = sentence.lower()
    counts: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(low):
            rest = m.groupdict().get("rest") or ""
            if _VAGUE_REST.match(rest):
                continue
            if pattern is _PATTERNS[0] and not re.search(rf"^(?:\s+{_NOUN})?\s*(?:dead|$|[,.]|\w)", rest):
                continue
            if pattern is _PATTERNS[0] and rest and re.match(r"^\s*(?:wounded|injured|hurt)\b", rest):
                continue
            n = parse_number(m.group("n"))
            if n is not None and n < 100000:
                counts.append((m.start("n"), n))
    if not counts:
        if re.search(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:killed|shot dead|murdered|slain)\b", low) and re.search(
            r"\b(?:a|an|one)\s+(?:\w+\s+){0,3}?(?:was|has been|had been)\s+(?:\w+\s+)?"
            r"(?:killed|shot dead|murdered|slain)\b",
            low,
        ):
            return 1
        return 0 if _NO_DEATH.search(low) else None
    seen: dict[int, int] = {}
    for pos, n in counts:
        seen[pos] = n
    values = sorted(seen.items())
    # "3 soldiers and 2 civilians were killed": several counts in one list are added
    if len(values) > 1 and all(values[i + 1][0] - values[i][0] < 40 for i in range(len(values) - 1)) and re.search(
        r"\band\b", low[values[0][0] : values[-1][0]]
    ):
        return sum(n for _, n in values)
    return max(n for _, n in values)
