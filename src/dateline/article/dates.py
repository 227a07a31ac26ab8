"""Publication dates as pages write them, to ``datetime.date`` and ISO ``YYYY-MM-DD``.

One function, :func:`parse_date`, is used for every date the article parser reads
(bylines, "Published:" lines, HTML metadata, URLs, the ``published`` of JSONL inputs).
It finds the first complete calendar date in a string: ``Sep 30,2019``, ``30/09/2019``,
``2019-09-30T08:12:00+03:00``, ``Monday 30 September 2019``, ``30 Sept. 2019 14:05 GMT``.

Rules:

* a date needs a day, a month and a year; anything less (``September 2019``, ``2019``,
  ``Sept 4``) gives ``None`` -- a missing part is never filled with today's;
* ambiguous numeric dates (``04/05/2019``) are read day first unless that is impossible
  (``09/30/2019`` is month first);
* numbers are never read as epoch seconds; relative dates ("2 hours ago") give ``None``;
* the date is the one written (a time zone offset does not move it to UTC).

The month names are data (``rules.json``); other languages fall back to ``dateparser``
with every part required.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from typing import Any

from .rules import load_rules

__all__ = ["parse_date", "to_iso"]

log = logging.getLogger(__name__)

MIN_YEAR = 1900
MAX_YEAR = 2100


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    months = sorted(load_rules()["months"], key=len, reverse=True)
    mon = r"(?P<mon>" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20|21)\d\d)"
    return (
        # ISO and year-first: 2019-09-30, 2019/09/30, 2019.09.30, 2019-09-30T08:12:00+03:00
        re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"),
        # Chinese, Japanese, Korean: 2019年10月3日, 2019년 10월 3일
        re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<mon>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"),
        # compact ISO: 20190930 (only as a token of its own)
        re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?![\d.])"),
        # day month year: 30 September 2019, 30 Sept. 2019, 30th of September, 2019, 30-Sep-2019
        re.compile(rf"(?<![\w]){day}(?:\s+of)?[\s\-/.,]*{mon}(?![a-z])[\s\-/.,]*{year}(?!\d)", re.I),
        # month day year: Sep 30,2019, September 30th, 2019, Sept. 30 2019
        re.compile(rf"(?<![\w]){mon}(?![a-z])[\s\-/.,]*{day}(?!\d)[\s,.]*{year}(?!\d)", re.I),
        # numeric day/month/year: 30/09/2019, 30.09.19, 09-30-2019
        re.compile(r"(?<![\d/.\-])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.\-])"),
    )


def _month(token: str) -> int | None:
    value = load_rules()["months"].get(token.lower().rstrip("."))
    return int(value) if value is not None else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    year_text = groups["year"]
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        # day first unless impossible
        return _make(year, b, a) or _make(year, a, b)
    mon = groups["mon"]
    month = int(mon) if mon.isdigit() else _month(mon)
    if month is None:
        return None
    return _make(year, month, int(groups["day"]))


def _own_parse(text: str) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for pattern in _patterns():
        for m in pattern.finditer(text):
            found = _from_match(m)
            if found is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None


_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HAS_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
_HAS_LETTERS = re.compile(r"[^\W\d_]{3,}")
_RELATIVE = re.compile(r"\b(?:ago|today|yesterday|tomorrow|now)\b", re.I)
MAX_FALLBACK_CHARS = 60
MAX_FALLBACK_WORDS = 8


def _worth_fallback(text: str) -> bool:
    """Only short strings with a day, a year and a word can be a foreign-language date."""
    return (
        len(text) <= MAX_FALLBACK_CHARS
        and len(text.split()) <= MAX_FALLBACK_WORDS
        and bool(_HAS_YEAR.search(text))
        and bool(_HAS_DAY.search(_HAS_YEAR.sub(" ", text)))
        and bool(_HAS_LETTERS.search(text))
        and not _RELATIVE.search(text)
    )


@functools.lru_cache(maxsize=4096)
def _dateparser_parse(text: str) -> dt.date | None:
    """Non-English month names: dateparser with day, month and year all required."""
    if not _worth_fallback(text):
        return None
    try:
        import dateparser

        settings: dict[str, Any] = {
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["absolute-time"],
            "STRICT_PARSING": True,
        }
        found = dateparser.parse(text, languages=list(load_rules()["date_languages"]), settings=settings)  # type: ignore[arg-type]
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        return None
    return found.date()


def parse_date(text: str | None, *, fallback: bool = True) -> dt.date | None:
    """The first complete calendar date written in ``text``, or ``None``.

    ``fallback`` lets non-English forms go to dateparser (slower; every part required).
    """
    if not text or not isinstance(text, str):
        return None
    text = text.strip()[:500]
    if not text:
        return None
    found = _own_parse(text)
    if found is None and fallback:
        found = _dateparser_parse(text)
    return found


def to_iso(value: str | dt.date | dt.datetime | None) -> str | None:
    """``YYYY-MM-DD`` for a date, a datetime or a string :func:`parse_date` can read; else ``None``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    found = parse_date(value)
    return found.isoformat() if found else None
