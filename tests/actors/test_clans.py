"""Rule ``actors.named-clan``: a named clan's militia keeps its clan's name, as ACLED codes it."""

from __future__ import annotations

from dateline.actors import normalize
from dateline.actors.detect import Detector
from dateline.actors.lexicon import load_lexicon


def test_named_clan_militia_is_named_after_its_clan() -> None:
    got = normalize("Abgaal clan militia", "SO")
    assert got is not None and got.name == "Abgaal Clan Militia (Somalia)" and got.type == "Identity militia"
    got = normalize("Habar Gedir-Saleban sub-clan militiamen", "SO")
    assert got is not None and got.name == "Habar Gedir-Saleban Sub-Clan Militia (Somalia)"


def test_unnamed_or_national_clan_militia_stays_unidentified() -> None:
    for text in ("clan militia", "Unidentified clan militia", "Somali clan militia", "Rival clan militias"):
        got = normalize(text, "SO")
        assert got is not None and got.name == "Unidentified Clan Militia (Somalia)", text


def test_detector_spans_the_clan_name() -> None:
    text = "On 3 March 2024, Marehan clan militia and Ogaden clan militia clashed near the wells."
    found = Detector(load_lexicon()).find(text, country_code="SO")
    names = [(a.text, a.name) for a in found]
    assert ("Marehan clan militia", "Marehan Clan Militia (Somalia)") in names
    assert ("Ogaden clan militia", "Ogaden Clan Militia (Somalia)") in names
