"""HTML article parser: a news page's HTML into an :class:`Article`.

The main text comes from trafilatura (comments off, ``favor_precision``: the settings
with the best body F1 on the extraction benchmark); metadata from the page's own
declarations (:mod:`dateline.article.metadata`, never a search of the body for dates).
The extracted text then goes through the same header, dateline, caption and teaser
handling as scraped text. The body never carries the headline.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from ..errors import InputError
from ..records import Article
from .byline import is_name, parse_people
from .layout import same_text, split_body
from .metadata import parse_tree, read_metadata
from .rules import canonical_agency, organization_words
from .text import parse_header

__all__ = ["clean_authors", "extract_main_text", "parse_html"]

log = logging.getLogger(__name__)

NO_ARTICLE = "no article text found"
_LETTER = re.compile(r"[^\W\d_]")


def extract_main_text(tree: Any) -> str:
    """The main text of a page as paragraphs separated by newlines ("" when none)."""
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            include_comments=False,
            favor_precision=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura raises assorted errors on odd pages
        log.debug("trafilatura failed: %s", exc)
        return ""
    return text or ""


def clean_authors(names: list[str], site_name: str | None = None) -> tuple[list[str], str | None]:
    """People among the author names a page declares, and an agency among them.

    ``"By TOM ROE, AP Auto Writer"`` gives ``["Tom Roe"]`` and ``"AP"``; the site itself,
    desks and bureaus (``"News Nation Bureau"``) and ``admin`` are not authors.
    """
    authors: list[str] = []
    agency: str | None = None
    org_words = organization_words()
    for raw in names:
        name = re.sub(r"^by\s+", "", raw.strip(), flags=re.I).split("|")[0].strip()
        name = re.split(r"(?<=[a-z]{2})\.\s", name)[0]
        if not name or same_text(name, site_name):
            continue
        as_agency = canonical_agency(name)
        if as_agency:
            agency = agency or as_agency
            continue
        people = parse_people(name)
        if people is None:
            head = re.split(r"[,.;]\s", name)[0].strip()
            people = ([head], None) if is_name(head) else ([], None)
        agency = agency or people[1]
        for person in people[0]:
            words = person.lower().split()
            if person in authors or org_words.intersection(words) or same_text(person, site_name) or "." in words[-1]:
                continue
            authors.append(person)
    if any(" " in a for a in authors):
        authors = [a for a in authors if " " in a]  # "Jane Doe, Futurism": the outlet is no author
    return authors, agency


def parse_html(html: str, doc_id: str) -> Article:
    """Parse one HTML page; raises :class:`InputError` when the page holds no article text."""
    if not isinstance(html, str) or not html.strip():
        raise InputError(doc_id, "empty HTML page")
    tree = parse_tree(html)
    if tree is None:
        raise InputError(doc_id, "not an HTML page that can be parsed")
    meta = read_metadata(tree)
    text = extract_main_text(tree)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while lines and same_text(lines[0], meta.title):
        lines.pop(0)
    header = parse_header(lines, find_title=False)
    parts = split_body(header.rest, title=meta.title)
    if not _LETTER.search(parts.body):
        raise InputError(doc_id, NO_ARTICLE)
    byline = header.byline
    authors = list(dict.fromkeys([*byline.authors, *parts.authors]))
    agency = byline.source or parts.dateline_source or parts.signoff_source
    meta_authors, meta_agency = clean_authors(meta.authors, meta.site_name)
    agency = agency or meta_agency
    authors.extend(name for name in meta_authors if name not in authors)
    # the page's declarations beat a date line in its text; a date line beats the URL
    published: dt.date | None
    if meta.published is not None and meta.date_from != "url":
        published = meta.published
    else:
        published = byline.published or meta.published
    updated = meta.updated or byline.updated
    return Article(
        doc_id,
        body=parts.body,
        title=meta.title,
        source=agency or canonical_agency(meta.site_name) or meta.site_name,
        authors=authors,
        published=published.isoformat() if published else None,
        updated=updated.isoformat() if updated else None,
        dateline=parts.dateline,
        captions=header.captions + parts.captions,
        related=parts.related,
        url=meta.url,
    )
