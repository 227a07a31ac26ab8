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
from .byline import Byline, parse_byline, parse_date_line
from .datelines import split_dateline
from .layout import is_boilerplate, is_breadcrumb, is_caption, related_header, split_body
from .rules import canonical_agency

__all__ = ["Header", "parse_header", "parse_text"]

MAX_HEADER_LINES = 12
MAX_HEADLINE = 250
_SENTENCE_END = re.compile(r"[.:;,]$")


class Header:
    """What the lines above the body say: headline, byline, captions."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.byline = Byline()
        self.captions: list[str] = []
        self.end = 0  # index of the first body line


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return len(words) >= 2 and len(line) <= MAX_HEADLINE and not _SENTENCE_END.search(line)


def parse_header(lines: list[str], *, find_title: bool = True) -> Header:
    """Read the header lines at the top of ``lines`` (stripped, non-empty)."""
    header = Header()
    index = 0
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        if is_breadcrumb(line) or is_boilerplate(line):
            continue
        byline = parse_byline(line) or parse_date_line(line)
        if byline is not None:
            header.byline.merge(byline)
            continue
        agency = canonical_agency(line)
        if agency and len(line) <= 40:
            header.byline.source = header.byline.source or agency
            continue
        if is_caption(line) and index + 1 < len(lines):
            header.captions.append(line)
            continue
        if (
            find_title
            and header.title is None
            and index + 1 < len(lines)
            and _looks_like_headline(line)
            and split_dateline(line) is None
            and not related_header(line)
        ):
            header.title = line
            continue
        break
    else:
        index = min(len(lines), MAX_HEADER_LINES)
    header.end = index
    return header


def parse_text(text: str, doc_id: str) -> Article:
    """Parse a scraped page's text; the body may come out empty (the caller decides)."""
    lines = [line.strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line]
    header = parse_header(lines)
    parts = split_body(lines[header.end :], title=header.title)
    byline = header.byline
    return Article(
        doc_id,
        body=parts.body,
        title=header.title,
        source=byline.source or parts.dateline_source,
        authors=list(byline.authors),
        published=byline.published.isoformat() if byline.published else None,
        updated=byline.updated.isoformat() if byline.updated else None,
        dateline=parts.dateline,
        captions=header.captions + parts.captions,
        related=parts.related,
    )
