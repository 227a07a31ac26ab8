"""``word_spans`` (a substring search per word) gives exactly the hits ``re.finditer`` gives for a
trigger that is a plain alternation of words, and the grammar's trigger windows are unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.prefilter import lower_same_length
from dateline.timex import grammar
from dateline.timex.windows import plain_words, word_spans

_word = st.text(alphabet="aby", min_size=1, max_size=4)


@settings(max_examples=500, deadline=None)
@given(st.lists(_word, min_size=1, max_size=5), st.text(alphabet="aby .", max_size=40))
def test_word_spans_equal_finditer(words: list[str], text: str) -> None:
    pattern = "|".join(words)
    got = plain_words(pattern)
    assert got == tuple(words)
    assert word_spans(got, text) == [m.span() for m in re.finditer(pattern, text)]


def test_plain_words_only_for_plain_alternations() -> None:
    assert plain_words("day|week") == ("day", "week")
    for pattern in (r"ago\b|earlier", r"new\s+year", r"\d{4}", "Day", "a||b", ""):
        assert plain_words(pattern) is None


_TRIGGER_WORDS = ["may", "mayor", "day", "today", "Monday", "days", "last", "past", "now", "known", "another",
                  "night", "tonight", "march", "marched", "quarter", "half", "once", "sometimes", "ago", "before",
                  "2019", "İ", " ", ", ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TRIGGER_WORDS), max_size=30).map(" ".join))
def test_trigger_windows_equal_the_regex_windows(text: str) -> None:
    low = lower_same_length(text)
    for rule in grammar.rules():
        if rule.trigger is None:
            continue
        want = grammar._windows(rule.trigger, text)  # the trigger itself, case-insensitive, on the text
        assert grammar._trigger_windows(rule.trigger, text, low) == want
