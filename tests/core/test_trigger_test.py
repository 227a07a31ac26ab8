"""The trigger test that picks the sentences to parse (dateline.nlp_demand.needs_parse, through
dateline.events.prefilters.any_trigger): its prefilters never change its answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.lexicon import families
from dateline.events.prefilters import any_trigger
from dateline.nlp_demand import needs_parse


def _plain(text: str) -> bool:
    """The test without prefilters: every family's one-pattern test on the lower-cased text."""
    low = text.lower()
    return any(fam.any.search(low) is not None for fam in families().values())


def test_any_trigger_on_news_sentences() -> None:
    for text in (
        "Militants seized the town after heavy shelling.",
        "A suicide car bomber struck a checkpoint on Monday.",
        "Troops took back the village.",
        "Protesters rallied and police fired tear gas.",
        "The minister said the economy grew by 3 percent.",
        "The crossing reopened on Monday.",
        "",
        "İstanbul ſhelling",
    ):
        assert needs_parse(text) == _plain(text), text


_WORDS = [
    "seized", "shell", "shelling", "clash", "clashes", "took", "back", "taken", "air", "strikes", "gas",
    "mustard", "protest", "rally", "police", "arrested", "the", "a", "re", "captured", "bomb", "suicide",
    "-", " ", "fire", "opened", "looted", "peace", "deal", "signed", "sit-in", "ied", "mines", "killed",
    "attack", "Attacked", "Riot", "mob", "drone", "grenade", "abducted", "kidnapped", "ſ", "İ", ",", ".",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=16), st.sampled_from([" ", "", "-"]))
def test_any_trigger_equals_the_plain_test(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert any_trigger(text.lower()) == _plain(text)
