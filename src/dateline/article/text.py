"""Scraped-text article parser: a page saved as text (the seed's form) into an :class:`Article`.

The page is read top down. The *header* holds breadcrumbs ("You are here",
"Home > World"), the headline, bylines and date lines, and photo captions; the first
line that is none of these starts the *body*. The body's first paragraph may open with a
dateline ("AL QAIM, Iraq — "), which is split off; a related-stories header ("Related
Articles", "Read more", …) ends the body and what follows are teasers; share, subscribe,
cookie and newsletter lines are dropped (see :mod:`dateline.article.layout`).
"""

from __future__ import annotations

import re

from ..records import Article
from .byline import Byline, parse_byline, parse_date_line, parse_people
from .datelines import split_dateline
from .layout import is_boilerplate, is_breadcrumb, related_header, split_body, split_caption
from .rules import canonical_agency

__all__ = ["Header", "parse_header", "parse_text"]

MAX_HEADER_LINES = 12
MAX_HEADLINE = 200
MAX_HEADLINE_WORDS = 30
MAX_STANDFIRST = 300
MAX_BARE_HEADLINE = 140  # a headline with no byline or date line under it
MAX_BARE_HEADLINE_WORDS = 18
_SENTENCE_END = re.compile(r"(?:[.:;,(\-–—]|[.!?][\"”’)])$")
_IN_PLACE_LINE = re.compile(r"^(?P<names>.+?)\s+in\s+(?P<place>[A-Z][\w .'’-]{1,40})$")
_AGENCY_END = re.compile(r"\((?P<agency>[^()]{1,40})\)$")
_FUNCTION_WORDS = frozenset(
    "a an the to of in on for and or but with by at from that as his her its their our your my is are was were "
    "be has have had will would this these those which who whose".split()
)
_SENTENCE_BREAK = re.compile(r"[a-z0-9)\"”’][.!?]\s+[A-Z]")


class Header:
    """What the lines above the body say: headline, byline, captions."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.byline = Byline()
        self.captions: list[str] = []
        self.rest: list[str] = []  # the lines after the header: the body and what follows it


def _looks_like_headline(line: str, next_line: str | None) -> bool:
    """A short line, not a sentence, not the first half of a hard-wrapped sentence.

    A headline with no byline or date line under it must be shorter still.
    """
    words = line.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE:
        return False
    if _SENTENCE_END.search(line) or _SENTENCE_BREAK.search(line) or words[-1].lower() in _FUNCTION_WORDS:
        return False
    agency = _AGENCY_END.search(line)
    if agency and canonical_agency(agency.group("agency")):
        return False  # "Washington (CNN)": a dateline on a line of its own
    if not next_line or next_line[:1].islower():
        return False
    confirmed = parse_byline(next_line) is not None or parse_date_line(next_line) is not None
    return confirmed or (len(words) <= MAX_BARE_HEADLINE_WORDS and len(line) <= MAX_BARE_HEADLINE)


def _is_label(line: str) -> bool:
    """A section label above a headline ("World", "Middle East"): 1-3 words, no punctuation."""
    words = line.split()
    return 1 <= len(words) <= 3 and len(line) <= 30 and not re.search(r"[\d.,;:!?\"”’]", line)


def _bare_byline(line: str) -> Byline | None:
    """A byline without "By": ``Jane Doe in Baghdad`` or ``Jane Doe, Reuters``."""
    if len(line) > 80:
        return None
    m = _IN_PLACE_LINE.match(line)
    people = parse_people(m.group("names") if m else line)
    if people is None or not people[0] or not (m or people[1]):
        return None
    return Byline(authors=people[0], source=people[1])


def _header_line(line: str, title_found: bool) -> Byline | None:
    byline = parse_byline(line) or parse_date_line(line)
    if byline is None and title_found:
        byline = _bare_byline(line)
    return byline


def parse_header(lines: list[str], *, find_title: bool = True) -> Header:
    """Read the header lines at the top of ``lines`` (stripped, non-empty)."""
    header = Header()
    index = 0
    seen_byline = False
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_breadcrumb(line) or is_boilerplate(line):
            continue
        byline = _header_line(line, header.title is not None)
        if byline is not None:
            header.byline.merge(byline)
            seen_byline = True
            continue
        agency = canonical_agency(line)
        if agency and len(line) <= 40:
            header.byline.source = header.byline.source or agency
            continue
        caption, glued = split_caption(line)
        if caption is not None and (glued or following is not None):
            header.captions.append(caption)
            if glued:  # a caption glued to the first paragraph
                header.rest = [glued, *lines[index + 1 :]]
                return header
            continue
        if not find_title or following is None:
            break
        if header.title is None:
            if (
                _is_label(line)
                and not seen_byline
                and not _SENTENCE_END.search(following)
                and _header_line(following, True) is None
            ):
                continue  # "World", "Middle East" above the headline
            if _looks_like_headline(line, following) and split_dateline(line) is None and not related_header(line):
                header.title = line
                continue
        elif not seen_byline and len(line) <= MAX_STANDFIRST and _header_line(following, True) is not None:
            continue  # a standfirst between the headline and the byline
        break
    else:
        index = min(len(lines), MAX_HEADER_LINES)
    header.rest = lines[index:]
    return header


def parse_text(text: str, doc_id: str) -> Article:
    """Parse a scraped page's text; the body may come out empty (the caller decides)."""
    lines = [line.strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    header = parse_header(lines)
    parts = split_body(header.rest, title=header.title)
    byline = header.byline
    return Article(
        doc_id,
        body=parts.body,
        title=header.title,
        source=byline.source or parts.dateline_source or parts.signoff_source,
        authors=list(dict.fromkeys([*byline.authors, *parts.authors])),
        published=byline.published.isoformat() if byline.published else None,
        updated=byline.updated.isoformat() if byline.updated else None,
        dateline=parts.dateline,
        captions=header.captions + parts.captions,
        related=parts.related,
    )
