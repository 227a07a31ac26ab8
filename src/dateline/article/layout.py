"""Sorting a page's paragraphs into body, photo captions, related-article teasers and boilerplate.

Used on scraped text and on the text trafilatura extracts from HTML alike. The line
patterns are data in ``rules.json`` (see :mod:`dateline.article.rules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Dateline
from .datelines import split_dateline
from .rules import boilerplate_match, canonical_agency, caption_search, compiled

__all__ = [
    "BodyParts",
    "is_boilerplate",
    "is_breadcrumb",
    "is_caption",
    "related_header",
    "same_text",
    "split_body",
    "split_caption",
]

MAX_CAPTION = 600
MAX_BOILERPLATE = 300
MIN_GLUED_TEXT = 40
MAX_TEASER = 250
TEASER_LOOKAHEAD = 6
_PARAGRAPH_END = re.compile(r"[.!?][\"”’)]?$")
_INLINE_RELATED = re.compile(
    r"^(?:(?:related|read more|read also|also read|see also|more|recommended|watch|listen)\s*[:|»>›]"
    r"|also on [\w.-]+\.[a-z]{2,}\b)\s*(?P<teaser>.+)$",
    re.I,
)
_NORM = re.compile(r"\W+")
_GLUED_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){0,3}?)\s*[.,|–—-]\s+(?=[A-Z(])")


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two strings are the same words (case and punctuation aside)."""
    if not a or not b:
        return False
    return _NORM.sub(" ", a).strip().lower() == _NORM.sub(" ", b).strip().lower()


def is_breadcrumb(line: str) -> bool:
    return len(line) <= 200 and bool(compiled().breadcrumb.search(line.strip()))


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_BOILERPLATE and boilerplate_match(line)


def related_header(line: str) -> bool:
    """A header that opens a block of other stories ("Related Articles", "Read more") or comments."""
    line = line.strip()
    rules = compiled()
    return len(line) <= 80 and bool(rules.related_header.match(line) or rules.end_header.match(line))


def _ends_article(lines: list[str], index: int) -> bool:
    """Whether the header at ``lines[index]`` ends the article.

    Comment headers always do; a related-stories header does when the lines after it are
    teasers (short), not more paragraphs of the story ("More from the interview:").
    """
    if compiled().end_header.match(lines[index].strip()):
        return True
    following = [line for line in lines[index + 1 : index + 1 + TEASER_LOOKAHEAD] if line.strip()]
    return all(len(line) <= MAX_TEASER or not _PARAGRAPH_END.search(line) for line in following)


def is_caption(line: str) -> bool:
    """A photo caption: a line that carries a photo credit ("(AFP photo)", "Photo: …")."""
    return split_caption(line)[0] is not None


def split_caption(line: str) -> tuple[str | None, str]:
    """``(caption, rest)``: a caption glued to the text after it is cut after its credit.

    ``"A man walks (Image: Jane Doe/Agency) The police said …"`` gives the caption up to
    the credit and the rest as text; a line that is no caption gives ``(None, line)``.
    """
    line = line.strip()
    if not line:
        return None, line
    m = caption_search(line)
    if m is None:
        return None, line
    rest = line[m.end() :].strip()
    if len(rest) >= MIN_GLUED_TEXT and line[m.end() - 1 : m.end()] == ")":
        caption = line[: m.end()].strip()
        return (caption, rest) if len(caption) <= MAX_CAPTION else (None, line)
    return (line, "") if len(line) <= MAX_CAPTION else (None, line)


@dataclass(slots=True)
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    dateline_source: str | None = None
    dateline_date: str | None = None
    signoff_source: str | None = None  # a lone "— AFP" / "(Reuters)" line in the body
    authors: list[str] = field(default_factory=list)  # from a byline glued to the dateline

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def split_body(
    lines: Iterable[str], *, title: str | None = None, cut_related: bool = True, captions: bool = True
) -> BodyParts:
    """Sort paragraphs (in page order) into the parts of an article.

    ``cut_related``: a related-stories header ends the body; what follows are teasers.
    ``captions``: lines with a photo credit are captions, not body.
    """
    out = BodyParts()
    in_related = in_comments = False
    lines = list(lines)
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if in_comments or compiled().end_header.match(line):
            in_comments = True  # comments end the article and are no teasers
            continue
        if in_related:
            if related_header(line) or is_boilerplate(line) or is_caption(line):
                continue
            out.related.append(line)
            continue
        if related_header(line):
            in_related = cut_related and _ends_article(lines, index)
            continue
        inline = _INLINE_RELATED.match(line)
        if inline and len(line) <= 250:
            out.related.append(inline.group("teaser").strip())
            continue
        if is_boilerplate(line):
            continue
        signoff = canonical_agency(line.strip(" -–—()[]/.,")) if len(line) <= 40 else None
        if signoff:
            out.signoff_source = out.signoff_source or signoff
            continue
        if same_text(line, title) or (not out.paragraphs and is_breadcrumb(line)):
            continue
        if captions:
            caption, line = split_caption(line)
            if caption is not None:
                out.captions.append(caption)
            if not line:
                continue
        if not out.paragraphs and out.dateline is None and out.dateline_source is None:
            glued = _GLUED_BYLINE.match(line)
            if glued and split_dateline(line[glued.end() :]) is not None:
                out.authors.append(glued.group("name"))  # "By Jane Doe. BEIRUT (Reuters) - …"
                line = line[glued.end() :]
            split = split_dateline(line)
            if split is not None:
                out.dateline = split.dateline
                out.dateline_source = split.source
                out.dateline_date = split.date_text
                line = split.rest
                if not line:
                    continue
        out.paragraphs.append(line)
    return out
