"""Property tests: the normalizer never raises, offsets always point at the text, and every
interval contains the value it was made from."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex import tag
from dateline.timex.anchoring import start_of
from dateline.timex.intervals import interval
from dateline.timex.lexicon import parse_number

WORDS = [
    "on", "in", "the", "a", "an", "of", "last", "next", "this", "early", "late", "mid-", "mid", "end", "beginning",
    "Monday", "Friday", "Sunday", "yesterday", "today", "tomorrow", "tonight", "morning", "night", "week",
    "weeks", "month", "months", "year", "years", "quarter", "third", "first", "fourth", "half", "decade",
    "century", "20th", "summer", "winter", "fall", "spring", "January", "March", "May", "Sept.", "Dec.", "30",
    "1", "31", "2014", "1990s", "'80s", "nineteen", "ninety-six", "two", "three", "several", "few", "ago",
    "earlier", "later", "every", "each", "now", "currently", "recent", "past", "future", "fiscal", "year-ago",
    "5", "p.m.", "noon", "midnight", "about", "nearly", "more", "than", "-", ",", ".", "and", "or", "2019-09-30",
    "30/09/2019", "Q3", "H1", "days", "hours", "-year-old", "1/2", "Feb.", "29", "0", "99", "9999",
]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31)).map(
    dt.date.isoformat), st.text(max_size=12))


@settings(max_examples=400, deadline=None)
@given(texts, published)
def test_tagging_never_raises_and_offsets_hold(text: str, pub: str | None) -> None:
    for t in tag(text, pub):
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if t.start_date is not None:
            assert t.end_date is not None and t.start_date <= t.end_date
            assert t.precision


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), published)
def test_arbitrary_text_never_raises(text: str, pub: str | None) -> None:
    for t in tag(text, pub):
        assert text[t.start:t.end] == t.text


@settings(max_examples=400, deadline=None)
@given(texts, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_interval_contains_the_value(text: str, day: dt.date) -> None:
    for t in tag(text, day.isoformat()):
        if t.start_date is None or t.value in ("PRESENT_REF",):
            continue
        first = start_of(t.value[:10] if "T" in t.value else t.value)
        assert first is not None
        span = interval(t.value)
        assert span is not None
        # the unmodified interval contains the (possibly narrowed) one
        assert span[0] <= t.start_date <= t.end_date <= span[1]
        assert span[0] == first.isoformat()


@given(st.integers(min_value=0, max_value=10**6))
def test_parse_number_reads_digits(n: int) -> None:
    assert parse_number(str(n)) == n


@given(st.text(max_size=30))
def test_parse_number_never_raises(text: str) -> None:
    parse_number(text)


SENTENCES = [
    "Rebels seized the town in 2014.", "Troops had retaken it in late 2017.", "On Monday the road reopened.",
    "Fighting continued.", "It will reopen next week.", "Mr. Smith said on Jan. 5 that it lasted three weeks.",
    "Protests are held every Friday.", "\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join), published,
       st.integers(min_value=-5, max_value=400), st.integers(min_value=-5, max_value=400),
       st.one_of(st.none(), st.integers(min_value=-5, max_value=400)))
def test_date_event_never_raises(body: str, pub: str | None, a: int, b: int, trigger: int | None) -> None:
    from dateline.timex.dating import date_event

    got = date_event(body, a, b, tag(body, pub), pub, trigger=trigger)
    if got.date is not None and got.date.start and got.date.end:
        assert got.date.start <= got.date.end
