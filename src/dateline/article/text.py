"""Scraped-text article parser (placeholder until the article parser lands)."""

from __future__ import annotations

from ..records import Article

__all__ = ["parse_text"]


def parse_text(text: str, doc_id: str) -> Article:
    return Article(doc_id, body=text.strip())
