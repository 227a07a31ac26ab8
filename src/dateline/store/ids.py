"""Content-hash identifiers: articles by URL or normalized content, reports by their content.

Ids are stable across runs and machines, so ingesting the same thing twice finds the
same rows instead of adding new ones.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_id", "content_hash", "normalize_text", "normalize_url", "stable_hash"]

_SPACE = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ocid|cmpid|ref|src)$", re.I)


def stable_hash(*parts: object, size: int = 32) -> str:
    """A hex digest of ``parts`` (joined by a separator that cannot occur in text)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:size]


def normalize_text(text: str) -> str:
    """NFC, whitespace collapsed, trimmed: two copies of one page differing only in spacing match."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """The id of one version of a document's content."""
    return stable_hash("content", normalize_text(text))


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, query, ""))


def article_id(url: str | None, chash: str) -> str:
    """An article is its URL when it has one (updated content replaces it), else its content hash."""
    if url and url.strip():
        return "u" + stable_hash("url", normalize_url(url), size=31)
    return "c" + chash[:31]
