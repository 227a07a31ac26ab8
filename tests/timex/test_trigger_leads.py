"""``led_spans`` (the trigger tried only where one of its lead literals begins) gives exactly the hits
``re.finditer`` gives, for the grammar's triggers whose every alternative begins with a literal and for
random alternations of that kind; ``lead_literals`` is None for any other pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.prefilter import lowered_twin
from dateline.timex import grammar
from dateline.timex.windows import lead_literals, led_spans


def _led_triggers() -> list[re.Pattern[str]]:
    out = {}
    for rule in grammar.rules():
        twin = lowered_twin(rule.trigger.pattern, rule.trigger.flags) if rule.trigger is not None else None
        if twin is not None and lead_literals(twin.pattern, twin.flags) is not None:
            out[twin.pattern] = twin
    return list(out.values())


_PIECES = ["ago", "agony", "earlier", "later", "laterally", "from", "now", "from now", "hence", "year", "years",
           "year-ago", "year ago", "year earlier", "end", "ending", "turn", "every", "each", "per", "percent",
           "future", "term", "later date", "christmas", "new", "new year", "may", "may day", "boxing", "0", "0s",
           "0's", "1990s", "sixties", "ties", " ", "  ", "-", ".", ",", "\n", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_grammar_triggers_led_spans_equal_finditer(text: str) -> None:
    triggers = _led_triggers()
    assert len(triggers) >= 6
    for twin in triggers:
        leads = lead_literals(twin.pattern, twin.flags)
        assert leads is not None
        assert led_spans(twin, leads, text) == [m.span() for m in twin.finditer(text)]


_alt = st.tuples(st.text(alphabet="ab", min_size=1, max_size=3),
                 st.sampled_from(["", r"\b", "b*", "(?:a|ba)?", r"\s+a", "b?a"]))


@settings(max_examples=500, deadline=None)
@given(st.lists(_alt, min_size=1, max_size=4), st.text(alphabet="ab .", max_size=40))
def test_led_spans_equal_finditer(alternatives: list[tuple[str, str]], text: str) -> None:
    pattern = "|".join(lead + rest for lead, rest in alternatives)
    leads = lead_literals(pattern)
    if leads is None:  # "a|b": re parses single-character alternatives as a class (no literal leads)
        assert all(len(lead) == 1 and not rest for lead, rest in alternatives)
        return
    assert led_spans(re.compile(pattern), leads, text) == [m.span() for m in re.finditer(pattern, text)]


def test_lead_literals_only_when_every_alternative_begins_with_one() -> None:
    assert lead_literals(r"ago\b|earlier") == ("ago", "earlier")
    assert lead_literals(r"year-?\s?(?:ago|earlier)") == ("year",)
    for pattern in (r"\d{4}|nineteen", r"(?:a|b)c", r"a?b", r"ago|\s+x", "[ab]c"):
        assert lead_literals(pattern) is None
    assert lead_literals("ago", re.IGNORECASE) is None
    assert lead_literals("(?i)ago") is None
