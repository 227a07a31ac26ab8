"""Metadata of an HTML news page: title, site name, authors, dates, canonical URL.

Read from the page's own declarations, strongest first:

* dates: JSON-LD ``datePublished``/``dateModified`` of the article object, then
  ``<meta>`` tags (``article:published_time`` and the names listed in ``rules.json``),
  microdata ``itemprop``, a ``<time>`` in the article header (next to the ``<h1>``), and
  last a date in the URL (``/2019/11/19/``). Dates of related links or of the body are
  never searched: a wrong date is worse than none;
* title: JSON-LD ``headline``, ``og:title``, the ``<h1>``, ``<title>`` without its site suffix;
* url: ``<link rel=canonical>``, ``og:url``.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as html_lib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from .dates import parse_date
from .rules import load_rules

__all__ = ["PageMeta", "parse_tree", "read_metadata", "url_date"]

log = logging.getLogger(__name__)

_ARTICLE_TYPES = ("newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
                  "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle", "techarticle")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=[/\-_.]|$)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=/)")
_SPACE = re.compile(r"\s+")
_NOT_HEADER = frozenset({"a", "li", "aside", "nav", "footer"})
MAX_BYLINE_ELEMENTS = 4
_BYLINE_XPATH = (
    '//*[@rel="author"] | //*[@itemprop="author"] | '
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline ") '
    'or contains(@class, "byline__name") or contains(@class, "author-name") or contains(@class, "author__name") '
    'or contains(@class, "byline-name")]'
)
_UTC_STAMP = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)?$")


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    updated: dt.date | None = None
    url: str | None = None
    date_from: str | None = None  # where the published date came from
    published_raw: str | None = None  # the published value as written


def url_date(url: str | None) -> dt.date | None:
    """The date in a URL path (``/2019/11/19/``, ``/2019-11-19/``, ``/20191119/``), else ``None``."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0].split("#")[0])
    for pattern in (_URL_DATE, _URL_COMPACT):
        m = pattern.search(path)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


@functools.cache
def _meta_names() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    data = load_rules()["html_date_meta"]
    return frozenset(data["published"]), frozenset(data["updated"]), tuple(data["published"])


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = _SPACE.sub(" ", html_lib.unescape(text)).strip()
    return text or None


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = script.text_content() or ""
        try:
            data = json.loads(raw.strip().rstrip(";"))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])
                main = item.get("mainEntity")
                if isinstance(main, dict | list):
                    stack.append(main)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [str(k).lower() for k in kinds if k]


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        cleaned = _clean(name)
        if cleaned and not cleaned.startswith("http") and len(cleaned) <= 80:
            out.append(cleaned)
    return out


def _read_json_ld(tree: Any, meta: PageMeta) -> None:
    objects = list(_json_ld_objects(tree))
    articles = [o for o in objects if any(t in _ARTICLE_TYPES for t in _types(o))]
    for obj in articles:
        if meta.published is None:
            meta.published_raw = _clean(obj.get("datePublished"))
            meta.published = parse_date(meta.published_raw, fallback=False)
            if meta.published:
                meta.date_from = "json-ld"
        meta.updated = meta.updated or parse_date(_clean(obj.get("dateModified")), fallback=False)
        meta.title = meta.title or _clean(obj.get("headline"))
        if not meta.authors:
            meta.authors = _names(obj.get("author"))
        if not meta.site_name:
            names = _names(obj.get("publisher"))
            meta.site_name = names[0] if names else None


def _read_meta_tags(tree: Any, meta: PageMeta) -> None:
    _, updated_names, order = _meta_names()
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = _clean(el.get("content"))
        if key and content and key not in found:
            found[key] = content
    meta.title = meta.title or found.get("og:title") or found.get("twitter:title")
    meta.site_name = meta.site_name or found.get("og:site_name") or found.get("application-name")
    meta.url = meta.url or found.get("og:url")
    if not meta.authors and found.get("author") and not found["author"].startswith("http"):
        meta.authors = [found["author"]]
    if meta.published is None:
        for name in order:
            if name in found:
                meta.published = parse_date(found[name], fallback=False)
                if meta.published:
                    meta.published_raw = found[name]
                    meta.date_from = f"meta {name}"
                    break
    if meta.updated is None:
        for name in updated_names:
            if name in found:
                meta.updated = parse_date(found[name], fallback=False)
                if meta.updated:
                    break


def _read_microdata(tree: Any, meta: PageMeta) -> None:
    for prop, updated in (("datePublished", False), ("dateModified", True)):
        if (meta.updated if updated else meta.published) is not None:
            continue
        for el in tree.xpath(f'//*[@itemprop="{prop}"]'):
            value = el.get("content") or el.get("datetime") or el.text_content()
            found = parse_date(_clean(value), fallback=False)
            if found is None:
                continue
            if updated:
                meta.updated = found
            else:
                meta.published = found
                meta.date_from = "itemprop"
            break


def _time_rank(el: Any) -> int:
    marks = f"{el.get('class') or ''} {el.get('itemprop') or ''}".lower()
    if "publish" in marks or "created" in marks:
        return 0
    if "updated" in marks or "modified" in marks:
        return 2
    return 1


def _read_header_time(tree: Any, meta: PageMeta) -> None:
    """A ``<time>`` next to the headline (within two levels above the first ``<h1>``).

    Times inside links, list items, asides, navigation or footers (related stories) are skipped.
    """
    if meta.published is not None:
        return
    headings = tree.xpath("//h1")
    if not headings:
        return
    node = headings[0]
    for _ in range(2):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        node = parent
        times = [el for el in node.iter("time") if not any(a.tag in _NOT_HEADER for a in el.iterancestors())]
        # "published" before unmarked before "updated"/"modified" times
        times.sort(key=_time_rank)
        for el in times:
            found = parse_date(_clean(el.get("datetime")) or _clean(el.text_content()), fallback=False)
            if found and _time_rank(el) == 2:
                meta.updated = meta.updated or found
        for el in times:
            found = parse_date(_clean(el.get("datetime")) or _clean(el.text_content()), fallback=False)
            if found and _time_rank(el) < 2:
                meta.published = found
                meta.date_from = "header time"
                return


def _read_byline_elements(tree: Any, meta: PageMeta) -> None:
    """Author names marked up in the page (``rel=author``, ``itemprop=author``, a byline class)."""
    if meta.authors:
        return
    names: list[str] = []
    for el in tree.xpath(_BYLINE_XPATH)[:MAX_BYLINE_ELEMENTS]:
        if any(a.tag in _NOT_HEADER and a.tag != "a" for a in el.iterancestors()):
            continue
        inner = el.xpath('.//*[@itemprop="name"]')
        text = _clean((inner[0] if inner else el).text_content())
        if text and len(text) <= 100 and text not in names:
            names.append(text)
    meta.authors = names


def _read_title(tree: Any, meta: PageMeta) -> None:
    if meta.title:
        return
    for h1 in tree.xpath("//h1"):
        text = _clean(h1.text_content())
        if text:
            meta.title = text
            return
    titles = tree.xpath("//title")
    if titles:
        text = _clean(titles[0].text_content())
        if text:
            meta.title = re.split(r"\s+[|–—-]\s+[^|–—-]+$", text)[0]


def _strip_site(title: str, site: str) -> str:
    """``"Headline | Site"`` -> ``"Headline"`` (only when the suffix is the site's name)."""
    m = re.match(r"^(?P<head>.+?)\s+[|–—-]\s+(?P<site>[^|–—]+)$", title)
    if m and m.group("site").strip().lower() in (site.lower(), site.lower().replace(" ", "")):
        return m.group("head").strip()
    return title


def read_metadata(tree: Any) -> PageMeta:
    """Everything :class:`PageMeta` holds that the page declares."""
    meta = PageMeta()
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        meta.url = _clean(link.get("href"))
        break
    steps = (_read_json_ld, _read_meta_tags, _read_microdata, _read_header_time, _read_byline_elements, _read_title)
    for step in steps:
        try:
            step(tree, meta)
        except Exception as exc:  # a malformed page must not stop the article
            log.debug("metadata step %s failed: %s", step.__name__, exc)
    if meta.title and meta.site_name:
        meta.title = _strip_site(meta.title, meta.site_name)
    in_url = url_date(meta.url)
    if meta.published is None:
        meta.published = in_url
        if meta.published:
            meta.date_from = "url"
    elif (
        in_url is not None
        and meta.published - in_url == dt.timedelta(days=1)
        and _UTC_STAMP.search(meta.published_raw or "")
    ):
        # a UTC timestamp past midnight of the day the URL (the newsroom's clock) names
        meta.published = in_url
        meta.date_from = "url (local day of a UTC timestamp)"
    return meta


def parse_tree(html: str) -> Any:
    """An lxml tree of ``html`` (never raises on bad markup; ``None`` when there is none)."""
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:
        # "Unicode strings with encoding declaration are not supported": parse the bytes
        try:
            return lxml_html.document_fromstring(html.encode("utf-8", errors="replace"))
        except Exception:
            return None
    except Exception:  # lxml raises ParserError on empty or odd documents
        return None
