"""RSS and Atom feed files (``feedparser``): each entry is a document.

An entry's full content (or, failing that, its summary) becomes an HTML page with the
entry's title, so the article stage reads title and body as from any page; the entry's
link is the document's URL and its publication date the ``published`` date.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import RawInput
from ..settings import Settings

__all__ = ["count_feed", "parse_feed", "read_feed"]


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _page(title: str | None, content: str) -> str:
    head = html.escape(title or "")
    return f"<html><head><title>{head}</title></head><body><article><h1>{head}</h1>\n{content}</article></body></html>"


def parse_feed(data: bytes, source: str) -> Iterator[RawInput | InputError]:
    """The entries of one feed document."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = " ".join(str(parsed.get("bozo_exception", "")).split())[:200]
            yield InputError(source, f"not a valid RSS/Atom feed ({problem})")
        else:
            yield InputError(source, "feed has no entries")
        return
    number = 0
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        name = link or entry.get("id") or f"{source}#{number}"
        contents = entry.get("content") or []
        body = next((c.get("value") for c in contents if c.get("value")), None) or entry.get("summary")
        if not body or not str(body).strip():
            yield InputError(name, "feed entry has neither content nor summary")
            continue
        yield RawInput(name, "html", _page(entry.get("title"), body), published=_date(entry), url=link)
    if parsed.get("bozo") and _damaged(parsed.get("bozo_exception")):
        # a feed cut short (or broken in the middle) parses up to the damage: say so, never drop silently
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: None)()
        where = f" at line {line}" if line else ""
        problem = " ".join(str(exc).split())[:160]
        yield InputError(source, f"feed is cut or malformed{where} ({problem}); read {number} entries before it,"
                                 " any after it are missing")


def _damaged(exc: object) -> bool:
    """Whether feedparser's complaint means entries may be lost (not a mere encoding note)."""
    name = type(exc).__name__
    return name not in ("CharacterEncodingOverride", "NonXMLContentType")


def read_feed(path: Path, data: bytes, settings: Settings) -> Iterator[RawInput | InputError]:
    """The entries of a feed file whose bytes have been read."""
    if len(data) > settings.max_input_bytes:
        yield InputError(str(path), f"too large ({len(data):,} bytes; the limit is {settings.max_input_bytes:,})")
        return
    yield from parse_feed(data, str(path))


def count_feed(data: bytes) -> int:
    import feedparser

    return len(feedparser.parse(data).entries)
