"""The article stage: a raw page (scraped text, HTML, or a clean body) into an :class:`Article`.

* ``text``: :func:`dateline.article.text.parse_text` (headline, byline, dateline, captions,
  teasers and boilerplate of a scraped page);
* ``html``: :func:`dateline.article.html.parse_html` (trafilatura for the main text, the
  page's own metadata, then the same handling);
* ``body``: used verbatim, so that offsets refer to it exactly.

The ``published`` date an input carries (JSONL) is normalized to ``YYYY-MM-DD`` with
:func:`dateline.article.dates.to_iso`; it wins over a date read from the page. An
unreadable one is dropped with a warning naming the input, never guessed. When neither
gives a date, a full date in the input's ``url`` (``/2019/09/30/``) is the last resort.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from ..records import Article, Document, RawInput
from ..resources import Resources
from ..settings import Settings
from .dates import to_iso

__all__ = ["ArticleStage", "normalize_published", "parse_input"]

log = logging.getLogger(__name__)


def normalize_published(raw: RawInput) -> str | None:
    """The input's ``published`` as ISO ``YYYY-MM-DD``; ``None`` (with a warning) when unreadable."""
    if raw.published is None or not str(raw.published).strip():
        return None
    iso = to_iso(str(raw.published))
    if iso is None:
        log.warning("%s: ignoring published date %r (not a complete calendar date)", raw.id, raw.published)
    return iso


def parse_input(raw: RawInput, settings: Settings | None = None) -> Article:
    """Parse one input into an article; raises :class:`InputError` when there is no article."""
    if not isinstance(raw.content, str):
        raise InputError(raw.id, f"content must be text, not {type(raw.content).__name__}")
    if raw.kind == "body":
        article = Article(raw.id, body=raw.content)
    elif raw.kind == "html":
        from .html import parse_html

        article = parse_html(raw.content, raw.id)
    elif raw.kind == "text":
        from .text import parse_text

        article = parse_text(raw.content, raw.id)
    else:
        raise InputError(raw.id, f"unknown input kind {raw.kind!r} (expected text, html or body)")
    published = normalize_published(raw)
    if published:
        article.published = published
    if raw.url and not article.url:
        article.url = raw.url
    if article.published is None and raw.url:
        from .metadata import url_date

        in_url = url_date(raw.url)
        article.published = in_url.isoformat() if in_url else None
    if not article.body.strip():
        raise InputError(raw.id, "no article text found")
    return article


class ArticleStage:
    name = "article"
    requires = ("raw",)
    produces = ("article",)

    def __init__(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        raw: RawInput = doc.annotations["raw"]
        doc.article = parse_input(raw, self.settings)
        return doc
