"""The named-clan pattern runs only on text holding "clan": exact only if every match holds it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.actors.lexicon import Lexicon, load_lexicon
from dateline.actors.normalize import NAMED_CLAN, clan_actor

_PIECES = ["Hawadle", "Abgaal", "Sub", "clan", "sub-clan", "subclan", "Clan", "CLAN", "militia", "fighters",
           "members", " ", "-", "The", "Marehan", "'", "gunmen", "Habar Gidir"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_every_named_clan_match_holds_clan(text: str) -> None:
    for m in NAMED_CLAN.finditer(text):
        assert "clan" in m.group()
    if "clan" not in text:
        assert NAMED_CLAN.search(text) is None
        assert clan_actor(text, "SO", _lexicon()) is None


def _lexicon() -> Lexicon:
    return load_lexicon()


def test_a_named_clan_still_found() -> None:
    actor = clan_actor("Hawadle clan militia", "SO", _lexicon())
    assert actor is not None and actor.name.startswith("Hawadle Clan Militia")
