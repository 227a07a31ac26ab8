"""The events stage skips a sentence with no trigger family's literal (``trigger_scan``) before it
makes ``detect``'s arguments: exact only if ``detect`` then finds nothing, whatever its arguments."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.detect import detect
from dateline.events.prefilters import trigger_scan
from dateline.events.sentences import Sentence

_WORDS = ["police", "said", "killed", "clashes", "protest", "the", "village", "on", "Monday", "fired", "attack",
          "troops", "seized", "crossing", "reopened", "a", "bomb", "exploded", "near", "market", ",", ".", "rebels"]
_text = st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_text, _text, _text, st.booleans(), st.sampled_from([None, "", "Police fired tear gas."]))
def test_no_family_literal_means_no_detection(text: str, context: str, following: str, armed: bool,
                                              note: str | None) -> None:
    sentence = Sentence(0, len(text), text)
    if not trigger_scan().present(sentence.low):
        assert detect(sentence, context, following, armed_group=armed, note=note) == []


def test_the_gate_lets_a_trigger_through() -> None:
    assert trigger_scan().present("militants attacked the village, killing three")
    assert not trigger_scan().present("the minister said on monday that talks would resume")
