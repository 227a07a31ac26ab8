"""Bylines and date lines: who wrote a story, for which agency, and when.

Reads the lines news pages put under a headline::

    By AFP - Sep 30,2019 - Last updated at Sep 30,2019
    By , - Sep 30,2019 - Last updated at Sep 30,2019
    By Jane Doe, Reuters
    By JANE DOE and JOHN ROE Associated Press
    By Jane Doe in Beirut | Published: 30 September 2019
    Published: Sept 30, 2019 08:12 GMT   Updated: Oct 1, 2019

Agencies (data in ``rules.json``) become the ``source``, never an author. A line that
starts with "By" but whose names are not names ("By then, the army had ...") is not a byline.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from .dates import parse_date
from .rules import canonical_agency, compiled, load_rules

__all__ = ["Byline", "is_name", "parse_byline", "parse_date_line", "parse_people"]

MAX_BYLINE = 250


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None

    def merge(self, other: Byline) -> None:
        for name in other.authors:
            if name not in self.authors:
                self.authors.append(name)
        self.source = self.source or other.source
        self.published = self.published or other.published
        self.updated = self.updated or other.updated


_BY = re.compile(r"^(?:(?:written|words|story|text|reporting|report)\s+)?by\b\s*:?\s*(?P<rest>.*)$", re.I | re.S)
_SEGMENT_SPLIT = re.compile(r"(?:^|\s)[-–—|•·](?=\s|$)|\s*\|\s*|\s+[–—]\s*")
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b|/)\s*", re.I)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")
_ROLE_END = re.compile(r"\b(?:writers?|reporters?|correspondents?|editors?|staff|columnists?|photographers?)$", re.I)
_OUTLET_PREFIX = re.compile(r"^(?:[A-Z][\w.&'’-]*\s*){1,4}(?:[|•·,:-]\s*)?$")
_PARTICLES = frozenset(
    "al el de da das do dos del della der den di du la le van von bin ibn bint abu ben y e st st. mc mac o".split()
)
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$|^[A-Z]\.$")


@functools.cache
def _label_finder() -> re.Pattern[str]:
    labels = load_rules()["byline_date_labels"]
    alts = [f"(?P<{kind}_{i}>{p})" for kind in ("updated", "published") for i, p in enumerate(labels[kind])]
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")\b\s*:?\s*", re.I)


def _title_case(name: str) -> str:
    if not name.isupper():
        return name

    def cap(word: str) -> str:
        return re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word.lower())

    return " ".join(cap(w) for w in name.split())


def is_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: 1-6 capitalized words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    capital = 0
    for word in words:
        if _NAME_TOKEN.match(word):
            capital += 1
        elif word.lower() not in _PARTICLES:
            return False
    return capital >= 1


def _agency_with_role(part: str) -> str | None:
    """``Associated Press Writers`` or ``AFP correspondent`` -> the agency."""
    rules = compiled()
    m = rules.agency.match(part)
    while m:
        rest = part[m.end() :].strip(" ,")
        if (not rest or rules.author_role.match(rest) or _ROLE_END.search(rest)) and canonical_agency(part[: m.end()]):
            return canonical_agency(part[: m.end()])
        return None
    return None


def parse_people(text: str) -> tuple[list[str], str | None] | None:
    """Authors and agency of a byline's people part; ``None`` when it is not a list of names."""
    rules = compiled()
    authors: list[str] = []
    source: str | None = None
    text = text.strip(" \t,;:-–—|")
    if not text:
        return authors, source
    if len(text) > 2 * MAX_BYLINE:  # a page's <meta name="author"> of 100 KB is no list of names
        return None
    for raw_part in _PEOPLE_SPLIT.split(text):
        part = raw_part.strip(" .,;:()[]-–—|")
        if not part:
            continue
        agency = canonical_agency(part) or _agency_with_role(part)
        if agency:
            source = source or agency
            continue
        if rules.author_role.match(part):
            continue
        m = rules.agency_suffix.search(part)
        if m and canonical_agency(m.group("agency")):
            source = source or canonical_agency(m.group("agency"))
            part = part[: m.start()].strip()
        part = _IN_PLACE.sub("", part).strip()
        if not is_name(part):
            return None
        name = _title_case(part)
        if name not in authors:
            authors.append(name)
    return authors, source


def parse_date_line(line: str) -> Byline | None:
    """A line of labelled dates (``Published: … Updated: …``), or a bare date; else ``None``."""
    line = line.strip()
    if not line or len(line) > MAX_BYLINE:
        return None
    matches = list(_label_finder().finditer(line))
    if matches and matches[0].start() > 0 and _OUTLET_PREFIX.match(line[: matches[0].start()]):
        line = line[matches[0].start() :]  # "TNN | Updated: …", "CTV News Published …"
        matches = list(_label_finder().finditer(line))
    if not matches or matches[0].start() > 0:
        # a bare date line: "September 30, 2019 08:12 GMT", "Mon 30 Sep 2019"
        if len(line) <= 60 and not re.search(r"[.!?]\s+\S", line):
            found = parse_date(line)
            if found and len(re.findall(r"[^\W\d_]{4,}", line)) <= 4:
                return Byline(published=found)
        return None
    out = Byline()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        found = parse_date(line[m.end() : end])
        kind = next(k for k, v in m.groupdict().items() if v is not None).split("_")[0]
        if found is None:
            continue
        if kind == "updated":
            out.updated = out.updated or found
        else:
            out.published = out.published or found
    if out.published is None and out.updated is None:
        return None
    return out


def parse_byline(line: str) -> Byline | None:
    """The byline a line holds, or ``None`` when the line is not a byline."""
    line = line.strip()
    m = _BY.match(line)
    if not m or len(line) > MAX_BYLINE:
        return None
    segments = _SEGMENT_SPLIT.split(m.group("rest"))
    out = Byline()
    for index, segment in enumerate(segments):
        segment = segment.strip()
        if not segment:
            continue
        dates = parse_date_line(segment)
        if dates is not None:
            out.merge(dates)
            continue
        if index > 0:
            # later segments name the outlet or a role ("Jordan Times", "Staff Writer"); only an agency counts
            people = parse_people(segment)
            if people is not None:
                out.source = out.source or people[1]
            continue
        people = parse_people(segment)
        if people is None:
            return None
        out.merge(Byline(authors=people[0], source=people[1]))
    return out
