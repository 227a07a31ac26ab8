"""The places candidate scan made once (:mod:`dateline.nlp_tokens`) and the NER margins of
:mod:`dateline.nlp_windows`: with a blank spaCy pipeline (no model) and an in-memory
gazetteer, then on real text with the model."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as runs
from hypothesis import strategies as st

from dateline import Settings
from dateline.nlp_tokens import DocLabels, KeptTokens, place_mentions, scan_doc
from dateline.nlp_windows import _starts, actor_margins, key_spans, margins
from dateline.places.detect import detect, tokens_from_spacy
from dateline.places.entries import Entry, MemoryGazetteer

TEXT = ("Yesterday President Assad said the army shelled the town of Dayr Hafir on Monday, residents told "
        "reporters in Aleppo.")


def _blank_doc(text: str = TEXT):  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en")(text)


def _gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer([
        (Entry("1", "Dayr Hafir", 36.16, 37.7, "SY", "09", "Aleppo", "city", 20_000), ()),
        (Entry("2", "Aleppo", 36.2, 37.16, "SY", "09", "Aleppo", "city", 1_600_000), ()),
    ])


def test_margin_options() -> None:
    assert margins(Settings()) == (4, 3)
    assert actor_margins(Settings()) == (6, 4)
    settings = Settings().evolve(options=(("nlp.ner_margin", "5:3"), ("nlp.ner_margin_actors", "7")))
    assert margins(settings) == (5, 3)
    assert actor_margins(settings) == (7, 7)


def test_actor_spans_come_widened_by_their_extra_margin() -> None:
    doc = _blank_doc()
    words = [t.text for t in doc]
    spans = key_spans(Settings(), _gazetteer)(doc)
    name, dayr, aleppo = words.index("Assad"), words.index("Dayr"), words.index("Aleppo")
    # places: the candidates themselves (the common margin is added when the windows are made)
    assert (dayr, dayr + 2) in spans and (aleppo, aleppo + 1) in spans
    # actors (the three words after a title): 6:4 in all, 2 more on the left and 1 more on the right
    assert (name - 2, name + 4) in spans
    wide = key_spans(Settings().evolve(options=(("nlp.ner_margin", "6:4"),)), _gazetteer)(_blank_doc())
    assert (name, name + 3) in wide  # nothing more to add


def _lookup(key: str):  # type: ignore[no-untyped-def]
    return _gazetteer().lookup(key)


def test_scan_is_kept_once_and_handed_over() -> None:
    doc = _blank_doc()
    store = KeptTokens()
    found = scan_doc(doc, doc.text, _starts(doc), _lookup, store)
    assert [c.mention.text for c in found] == ["Dayr Hafir", "Aleppo"]
    assert not doc.user_data and doc.to_bytes()  # (nothing kept in the document: msgpack writes it)
    kept = store.pop(doc)
    assert kept is not None and kept[2] is found and store.pop(doc) is None  # handed over once
    assert place_mentions(doc, doc.text, _lookup, kept) == detect(doc.text, tokens_from_spacy(doc), _lookup)


def test_place_mentions_read_the_finished_labels() -> None:
    from spacy.tokens import Span

    doc = _blank_doc()
    store = KeptTokens()
    scan_doc(doc, doc.text, _starts(doc), _lookup, store)
    kept = store.pop(doc)
    words = [t.text for t in doc]
    dayr, aleppo = words.index("Dayr"), words.index("Aleppo")
    doc.set_ents([Span(doc, dayr, dayr + 2, label="GPE"), Span(doc, aleppo - 1, aleppo + 1, label="PERSON")],
                 default="outside")
    doc[aleppo].pos_ = "NOUN"
    mentions = place_mentions(doc, doc.text, _lookup, kept)
    assert mentions == detect(doc.text, tokens_from_spacy(doc), _lookup)
    by_text = {m.text: m for m in mentions}
    assert by_text["Dayr Hafir"].ner == "GPE" and by_text["Aleppo"].ner == "PERSON*"
    assert by_text["Aleppo"].inside_name and by_text["Aleppo"].tagged_common and by_text["Aleppo"].pos == "NOUN"
    assert kept is not None and all(c.mention.ner == "" for c in kept[2])  # the kept candidates are not changed


def test_place_mentions_without_kept_candidates_or_with_stale_ones() -> None:
    doc = _blank_doc()
    expected = detect(doc.text, tokens_from_spacy(doc), _lookup)
    assert place_mentions(doc, doc.text, _lookup) == expected  # nothing kept: a new scan
    assert place_mentions(doc, doc.text, _lookup, (3, doc.text, [])) == expected  # another length
    assert place_mentions(doc, doc.text, _lookup, (len(doc), "other", [])) == expected  # another text
    body = doc.text.replace("Aleppo", "Alepp0")  # a body that is not the document's text: the old way
    assert place_mentions(doc, body, _lookup) == detect(body, tokens_from_spacy(doc), _lookup)
    store = KeptTokens()
    store.keep(_blank_doc(), (0, "", []))
    assert store.pop(doc) is None  # another document's candidates are not this one's


def test_doc_labels_fall_back_when_entity_marks_disagree() -> None:
    doc = _blank_doc()
    doc[0].ent_type_ = "GPE"  # a type without an entity (no IOB mark)
    labels = DocLabels(doc, doc.text)
    if doc.ents:  # (spaCy made an entity of it: nothing to fall back from)
        assert labels.consistent
    else:
        assert not labels.consistent
    assert place_mentions(doc, doc.text, _lookup) == detect(doc.text, tokens_from_spacy(doc), _lookup)


_WORDS = ["the", "of", "al", "-", "in", "and", "Dayr", "Hafir", "Aleppo", "Assad", "United", "Front", "A", "US",
          "town", "shelled", "was", ",", ".", "Olympic", "olympic", "Syria", "Syrian", "Ga", "Ras", "Chen", "Wei"]


@runs(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.data())
def test_place_mentions_equal_detect_on_token_objects(words: list[str], data: st.DataObject) -> None:
    """The fast path (kept candidates, labels read from the entities) equals ``detect`` on the
    token objects of the finished document, whatever the entities and parts of speech."""
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words)
    store = KeptTokens()
    scan_doc(doc, doc.text, _starts(doc), _lookup, store)
    kept = store.pop(doc)
    ents, i = [], 0
    while i < len(doc):
        size = data.draw(st.integers(0, 3))
        if size and i + size <= len(doc):
            ents.append(Span(doc, i, i + size, label=data.draw(st.sampled_from(["GPE", "PERSON", "ORG", "LOC"]))))
            i += size
        i += 1
    doc.set_ents(ents, default="outside")
    for tok in doc:
        tok.pos_ = data.draw(st.sampled_from(["", "PROPN", "NOUN", "ADV"]))
    expected = detect(doc.text, tokens_from_spacy(doc), _lookup)
    assert place_mentions(doc, doc.text, _lookup, kept) == expected
    assert place_mentions(doc, doc.text, _lookup) == expected


def _texts() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    seed = root.parent / "shared" / "seed" / "article.txt"
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    return texts + ([seed.read_text(encoding="utf-8")] if seed.is_file() else [])


@pytest.mark.slow
def test_place_mentions_equal_detect_on_real_text() -> None:
    from dateline.nlp_demand import parse_on_demand, parse_selector
    from dateline.resources import Resources

    settings = Settings()
    resources = Resources(settings)
    texts = _texts()
    store = KeptTokens()
    docs = parse_on_demand(resources.nlp(), texts, parse_selector(settings),
                           ner_spans=key_spans(settings, resources.gazetteer, store), ner_margins=margins(settings))
    for doc in docs:
        kept = store.pop(doc)
        assert kept is not None
        assert any(t.pos_ for t in doc) and doc.ents  # parsed sentences and entities
        assert DocLabels(doc, doc.text).consistent
        look = resources.gazetteer().lookup
        assert place_mentions(doc, doc.text, look, kept) == detect(doc.text, tokens_from_spacy(doc), look)


def test_steady_edges_move_window_edges_out_of_names() -> None:
    from dateline.nlp_windows import steady_edges

    firsts = list("aaaaaaaaaaaaaaaaaaaa")  # 20 lower-case tokens
    assert steady_edges([(10, 11)], firsts, 2, 2) == [(10, 11)]  # window [8, 13): edges in plain words
    firsts[12] = "K"  # the window's last token starts a name: one more token, and the next is plain
    assert steady_edges([(10, 11)], firsts, 2, 2) == [(10, 12)]
    firsts[13] = "7"  # digits count as names too ("7 July")
    assert steady_edges([(10, 11)], firsts, 2, 2) == [(10, 13)]
    firsts[8] = firsts[7] = "B"  # the first token is in a name: out on the left until a plain one
    assert steady_edges([(10, 11)], firsts, 2, 2) == [(8, 13)]
    caps = ["C"] * 20
    assert steady_edges([(10, 11)], caps, 2, 2) == [(6, 15)]  # at most 4 tokens on each side
    assert steady_edges([(1, 2), (18, 19)], caps, 2, 2) == [(1, 6), (14, 19)]  # not beyond the text's ends
    assert steady_edges([(10, 11)], caps, 2, 2, most=0) == [(10, 11)]
