"""The ASCII fast path of ``places.normalize.fold`` gives the general path's key; ``skeleton``
without regular expressions gives theirs."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dateline.places import normalize
from dateline.places.normalize import fold


def _general(text: str) -> str:
    """``fold`` without its fast path (the steps it takes for any text)."""
    text = normalize._MARKS.sub("", text.translate(normalize._SPECIAL))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_fold_equals_the_general_path(text: str) -> None:
    fold.cache_clear()
    assert fold(text) == _general(text)


def test_ascii_marks_dropped_like_the_others() -> None:
    assert fold("Ma'arrat an-Nu`man") == _general("Ma'arrat an-Nu`man") == "maarrat an numan"
    assert fold("Ma\u2019arrat") == fold("Ma'arrat") == "maarrat"


@given(st.text(alphabet=st.sampled_from(list("aeiouywbhlmnrt-' ’ĀāḑṢ")), max_size=30))
def test_skeleton_equals_the_regex_version(text: str) -> None:
    from dateline.places.normalize import ARTICLES, skeleton

    words = ["l" if w in ARTICLES else w for w in fold(text).split()]
    key = "".join(words)
    if key.endswith("h") and len(key) > 3:
        key = key[:-1]
    skeleton.cache_clear()
    assert skeleton(text) == normalize._REPEATS.sub(r"\1", normalize._VOWELS.sub("", key))
