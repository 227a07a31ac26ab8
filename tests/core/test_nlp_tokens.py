"""The places stage's tokens made once (:mod:`dateline.nlp_tokens`) and the NER margins of
:mod:`dateline.nlp_windows`: with a blank spaCy pipeline (no model) and an in-memory
gazetteer, then on real text with the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import Settings
from dateline.nlp_tokens import KeptTokens, base_tokens, place_tokens
from dateline.nlp_windows import _starts, actor_margins, key_spans, margins
from dateline.places.detect import tokens_from_spacy
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


def test_place_tokens_reuse_the_label_free_ones() -> None:
    doc = _blank_doc()
    store = KeptTokens()
    base = base_tokens(doc, doc.text, _starts(doc), store)
    assert not doc.user_data and doc.to_bytes()  # (nothing kept in the document: msgpack writes it)
    kept = store.pop(doc)
    assert kept is not None and kept[0] is base and store.pop(doc) is None  # handed over once
    assert place_tokens(doc, kept) == tokens_from_spacy(doc) == base  # nothing added since
    from spacy.tokens import Span

    words = [t.text for t in doc]
    dayr, shelled = words.index("Dayr"), words.index("shelled")
    doc.set_ents([Span(doc, dayr, dayr + 2, label="GPE")], default="outside")
    doc[shelled].pos_ = "VERB"
    tokens = place_tokens(doc, kept)
    assert tokens == tokens_from_spacy(doc)
    assert tokens[dayr].ent == "GPE" and tokens[dayr].ent_start == doc[dayr].idx and tokens[shelled].pos == "VERB"
    assert tokens[0] is base[0] and tokens[dayr] is not base[dayr]  # untouched tokens are the kept objects


def test_place_tokens_without_kept_tokens_or_with_stale_ones() -> None:
    doc = _blank_doc()
    assert place_tokens(doc) == tokens_from_spacy(doc)  # nothing kept: made from the document
    assert place_tokens(doc, ([], [])) == tokens_from_spacy(doc)  # kept for another document (lengths differ)
    store = KeptTokens()
    store.keep(_blank_doc(), ([], []))
    assert store.pop(doc) is None  # another document's tokens are not this one's


def _texts() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    seed = root.parent / "shared" / "seed" / "article.txt"
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    return texts + ([seed.read_text(encoding="utf-8")] if seed.is_file() else [])


@pytest.mark.slow
def test_place_tokens_equal_tokens_from_spacy_on_real_text() -> None:
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
        assert any(t.pos_ for t in doc) and doc.ents  # parsed sentences and entities: both paths are taken
        assert place_tokens(doc, kept) == tokens_from_spacy(doc)


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
