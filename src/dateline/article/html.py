"""HTML article parser (placeholder until the article parser lands)."""

from __future__ import annotations

from ..records import Article

__all__ = ["parse_html"]


def parse_html(html: str, doc_id: str) -> Article:
    import trafilatura

    body = trafilatura.extract(html) or ""
    return Article(doc_id, body=body)
