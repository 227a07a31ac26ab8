"""The dateline that opens a wire story, split off its first paragraph.

    AL QAIM, Iraq — A border crossing ...        -> "AL QAIM, Iraq"
    BEIRUT (AP) — ...                            -> "BEIRUT", source AP
    WASHINGTON (Reuters) - ...                   -> "WASHINGTON", source Reuters
    GAZA CITY, Dec 3 (Reuters) - ...             -> "GAZA CITY" (the day without a year is kept apart)
    Beirut, Lebanon (CNN) — ...                  -> "Beirut, Lebanon" (title case only with an agency)
    NEW DELHI: ...                               -> "NEW DELHI"
    (Reuters) - ...                              -> no place, source Reuters

The place is resolved later by the places stage.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..records import Dateline
from .rules import canonical_agency, compiled, load_rules

__all__ = ["DatelineSplit", "split_dateline"]

_UP = "A-ZÀ-ÖØ-Þ"
MIN_TIGHT_LETTERS = 4
_WORD = rf"[{_UP}][\w'’.\-]*"


@functools.cache
def _pattern() -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in load_rules()["months"]), key=len, reverse=True))
    region = rf"(?:,\s*{_WORD}(?:\s{_WORD}){{0,3}})"
    place = rf"(?P<place>{_WORD}(?:\s{_WORD}){{0,4}}{region}?)"
    date = rf"(?:,\s*(?P<date>(?i:{months})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))"
    agency = r"(?:\s*\((?P<agency>[^()\n]{1,40})\))"
    dash = r"(?P<dash>\s*(?:[—–]|--?)\s+|\s*:\s+|\s*[—–](?=[A-Z\"“‘']))"
    return re.compile(rf"^{place}?{date}?{agency}?{dash}")


@dataclass(slots=True)
class DatelineSplit:
    dateline: Dateline | None
    source: str | None
    date_text: str | None
    rest: str


def split_dateline(paragraph: str) -> DatelineSplit | None:
    """Split the dateline off the start of ``paragraph``; ``None`` when it has none."""
    m = _pattern().match(paragraph)
    if not m:
        return None
    place = (m.group("place") or "").strip()
    agency_text = m.group("agency")
    colon = ":" in m.group("dash")
    if place:
        head = place.split(",")[0].strip()
        letters = [c for c in head if c.isalpha()]
        caps = head.upper() == head
        if len(letters) < 2 or len(head) > 40 or head.upper() in compiled().dateline_stopwords:
            return None
        if not caps and agency_text is None:
            return None  # "Beirut — ..." reads as a sentence; title case needs "(Agency)"
        if not m.group("dash")[-1:].isspace() and len(letters) < MIN_TIGHT_LETTERS:
            return None  # "US—China talks": a tight dash needs a longer place ("BEIJING—China's …")
    elif agency_text is None:
        return None
    if colon and (agency_text is not None or not place or m.group("date")):
        return None
    source: str | None = None
    if agency_text is not None:
        source = canonical_agency(agency_text)
        if source is None:
            cleaned = agency_text.strip()
            if not (cleaned.isupper() and 2 <= len(cleaned) <= 12):
                return None
            source = cleaned
    rest = paragraph[m.end() :].strip()
    dateline = Dateline(text=place) if place else None
    return DatelineSplit(dateline=dateline, source=source, date_text=m.group("date"), rest=rest)
