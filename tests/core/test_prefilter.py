"""Literal prefilters (dateline.prefilter): a prefilter may only say "cannot match" when the
pattern truly finds nothing; the lower-cased twins find exactly what the patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.lexicon import cue_patterns, families
from dateline.prefilter import LiteralScan, literals, lower_same_length, lowered_twin, may_match, prefilter
from dateline.timex.grammar import _windows, rules


def test_literals_of_simple_patterns() -> None:
    assert literals(r"\bclash(?:ed|es)?\b") == {"clash"}
    assert literals(r"\b(?:sulfur |sulphur )?mustard gas\b") == {"mustard gas"}
    assert literals(r"\bt(?:ook|aken) back\b") == {" back"}  # the most selective literal
    assert literals(r"\bt(?:ook|aken)\b") == {"ook", "aken"}
    assert literals(r"\bair ?strikes?\b|\bwar ?planes?\b") == {"strike", "plane"}
    assert literals(r"(?i:clash)") is None  # case-insensitive inside: nothing said
    assert literals(r"\w+ attack") == {" attack"}
    assert literals(r"\w+ \d") is None  # only classes
    assert literals(r"a|bc") is None  # too short to tell anything
    assert literals("Spring|Fall", re.IGNORECASE) == {"spring", "fall"}


def test_optional_lead_is_not_a_prefix() -> None:
    # "t" + "(?:(?:ook )?back)": the literal after an optional lead is inside, not at the start
    assert literals(r"t(?:(?:ook )?back)") == {"back"}  # never "tback"
    pre = prefilter(r"t(?:(?:ook )?back)")
    assert pre is None or pre.search("tback")


def test_may_match_case_insensitive() -> None:
    pattern = re.compile(r"\bspring\b", re.IGNORECASE)
    assert may_match(pattern, "in SPRING 2019")
    assert not may_match(pattern, "in autumn")
    assert may_match(pattern, "ſpring")  # a long s folds to s for re: no prefilter on such a text


def test_lower_same_length() -> None:
    assert lower_same_length("AbC") == "abc"
    assert lower_same_length("İstanbul") is None  # lower-casing lengthens it
    assert lower_same_length("ıi") is None


def test_scan_names_every_family_that_matches() -> None:
    fams = {name: fam.any for name, fam in families().items()}
    scan = LiteralScan(fams)
    for text in (
        "militants seized the town after heavy shelling",
        "a suicide car bomber struck",
        "troops took back the village",
        "protesters rallied and police fired tear gas",
        "no clashes were reported; mustard gas was used",
        "the grenade went off",
    ):
        present = scan.present(text)
        for name, pattern in fams.items():
            if pattern.search(text):
                assert name in present, (name, text)


_WORDS = [
    "seized",
    "shell",
    "shelling",
    "clash",
    "took",
    "back",
    "taken",
    "air",
    "strikes",
    "gas",
    "mustard",
    "protest",
    "rally",
    "police",
    "arrested",
    "the",
    "a",
    "re",
    "captured",
    "bomb",
    "suicide",
    "-",
    " ",
    "fire",
    "opened",
    "looted",
    "peace",
    "deal",
    "signed",
    "sit-in",
    "ied",
    "mines",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_scan_is_a_necessary_condition(words: list[str]) -> None:
    text = " ".join(words)
    for patterns in ({name: fam.any for name, fam in families().items()}, cue_patterns()):
        present = LiteralScan(patterns).present(text)
        for name, pattern in patterns.items():
            if pattern.search(text):
                assert name in present


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"aAyYdDmMsS 0123456789-:.,'ıİſKµ", "day", "MAY", "Year", "noon", "Q3"]), max_size=30))
def test_time_trigger_twins_find_the_same_windows(parts: list[str]) -> None:
    text = "".join(parts)
    low = lower_same_length(text)
    for rule in rules():
        if rule.trigger is None:
            continue
        twin = lowered_twin(rule.trigger.pattern, rule.trigger.flags)
        if twin is not None and low is not None:
            assert _windows(twin, low) == _windows(rule.trigger, text)


_TIME_WORDS = [
    "On",
    "MONDAY",
    "monday",
    "March",
    "MAY",
    "may",
    "5",
    "2019",
    "Q3",
    "3 PM",
    "last",
    "WEEK",
    "years",
    "ago",
    "İstanbul",
    "ſ",
    "Christmas",
    "Mid-",
    "the",
    "end",
    "of",
    ",",
    ".",
    "1990s",
    "noon",
    "EST",
    "Dec.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=16))
def test_time_grammar_same_candidates_with_and_without_twins(words: list[str]) -> None:
    import dateline.timex.grammar as grammar

    text = " ".join(words)
    fast = grammar.find(text)
    original = grammar.lower_same_length
    grammar.lower_same_length = lambda _text: None  # type: ignore[assignment]  # the plain path
    try:
        plain = grammar.find(text)
    finally:
        grammar.lower_same_length = original
    assert fast == plain
