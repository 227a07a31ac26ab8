"""The article stage: a raw page (scraped text, HTML, or a clean body) into an :class:`Article`."""

from __future__ import annotations

from ..errors import InputError
from ..records import Article, Document, RawInput
from ..resources import Resources
from ..settings import Settings

__all__ = ["ArticleStage", "parse_input"]


def parse_input(raw: RawInput, settings: Settings | None = None) -> Article:
    """Parse one input into an article; raises :class:`InputError` when there is no article."""
    if raw.kind == "body":
        article = Article(raw.id, body=raw.content)
    elif raw.kind == "html":
        from .html import parse_html

        article = parse_html(raw.content, raw.id)
    else:
        from .text import parse_text

        article = parse_text(raw.content, raw.id)
    if raw.published and not article.published:
        article.published = raw.published
    if raw.url and not article.url:
        article.url = raw.url
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
