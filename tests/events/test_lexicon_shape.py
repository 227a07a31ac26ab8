"""The lexicons keep the shape that makes the stage cheap (no timing: the rule itself)."""

from __future__ import annotations

from dateline.events.lexicon import pattern_specs


def _patterns() -> list[str]:
    return [s.regex for s in pattern_specs()]


def test_regression_no_pattern_starts_with_a_lookbehind() -> None:
    """A leading lookbehind is tried at every position of every sentence; check it after the literal."""
    assert not [p for p in _patterns() if p.startswith("(?<")]
