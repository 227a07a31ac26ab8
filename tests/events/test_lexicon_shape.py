"""The lexicons keep the shape that makes the stage cheap (no timing: the rule itself)."""

from __future__ import annotations

import json
from importlib import resources


def _patterns() -> list[str]:
    data = resources.files("dateline.events").joinpath("data")
    triggers = json.loads(data.joinpath("triggers.json").read_text("utf-8"))["families"]
    cues = json.loads(data.joinpath("cues.json").read_text("utf-8"))
    out = [p for fam in triggers.values() for key in ("patterns", "weak") for p in fam.get(key, ())]
    return out + [p for name, pats in cues.items() if name[0] != "_" for p in pats]


def test_regression_no_pattern_starts_with_a_lookbehind() -> None:
    """A leading lookbehind is tried at every position of every sentence; check it after the literal."""
    assert not [p for p in _patterns() if p.startswith("(?<")]
