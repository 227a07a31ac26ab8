"""The numpy-batched parse decoder (dateline.nlp_parse) gives exactly spaCy's parse: heads, labels,
sentence starts, on real sentences, on generated ones, and through parse on demand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.nlp_demand import parse_on_demand
from dateline.nlp_parse import parse, parse_decoder, supported
from dateline.settings import Settings

pytestmark = pytest.mark.slow  # loads the spaCy model

SHARED_GEO = Path(__file__).resolve().parents[3] / "shared" / "eval" / "geo" / "gwn.jsonl"
EDGE = ["", " ", "\n\n", "A.", "Attack!", "  Rebels  shelled\n\nIdlib .  ", "Don't y'know? I'd've gone.\nHe said so"]


@pytest.fixture(scope="module")
def nlp() -> Any:
    from dateline.nlp import load_model

    return load_model(Settings())


def _tensed(nlp: Any, texts: list[str]) -> list[Any]:
    """The texts with tok2vec run (what the parser's listener reads), as parse on demand leaves them."""
    return list(nlp.get_pipe("tok2vec").pipe([nlp.make_doc(t) for t in texts]))


def _compare(nlp: Any, texts: list[str], **kwargs: Any) -> None:
    from spacy.attrs import DEP, HEAD, SENT_START

    parser = nlp.get_pipe("parser")
    docs = _tensed(nlp, texts)
    ours = parse(parser, [d.copy() for d in docs], **kwargs)
    theirs = list(parser.pipe([d.copy() for d in docs], batch_size=32))
    for text, a, b in zip(texts, theirs, ours, strict=True):
        assert (a.to_array([HEAD, DEP, SENT_START]) == b.to_array([HEAD, DEP, SENT_START])).all(), text[:80]
        assert a.has_annotation("DEP") == b.has_annotation("DEP")
        assert [t.dep_ for t in a] == [t.dep_ for t in b]


def _sentences(example: Path) -> list[str]:
    texts = [example.read_text(encoding="utf-8")]
    if SHARED_GEO.is_file():  # real news text when ../shared is here
        with SHARED_GEO.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(8), fh, strict=False)]
    return [line for text in texts for line in text.split("\n") if line.strip()]


def test_supported_by_the_model(nlp: Any) -> None:
    assert supported(nlp.get_pipe("parser"))
    assert not supported(object())  # a component without a transition model: spaCy's own pipe


def test_identical_to_spacy_on_real_sentences(nlp: Any, example_path: Path) -> None:
    texts = _sentences(example_path) + EDGE
    _compare(nlp, texts)
    _compare(nlp, texts, max_tokens=40)  # decoded in many short runs (a long document alone)


_TEXT = (
    "Iraqi forces retook the town of Al-Qaim on Monday and said that rebels attacked a convoy near Idlib , . \" ( ) "
    "'s who were killed U.S. 5 people Protesters gathered - ? in 2019 : he"
)
_WORDS = [*_TEXT.split(), " ", "\n"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=45).map(" ".join), min_size=1, max_size=6))
def test_identical_to_spacy_on_generated_sentences(nlp: Any, texts: list[str]) -> None:
    _compare(nlp, texts)


def test_parse_on_demand_identical_with_either_decoder(nlp: Any, example_path: Path) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA, POS, SENT_START, TAG

    texts = [example_path.read_text(encoding="utf-8"), *EDGE]
    attrs = [HEAD, DEP, TAG, POS, LEMMA, SENT_START]
    every = lambda text: bool(text.strip())  # noqa: E731  (parse every sentence)
    a = parse_on_demand(nlp, texts, every, parse_decoder="spacy")
    b = parse_on_demand(nlp, texts, every, parse_decoder="numpy")
    for x, y in zip(a, b, strict=True):
        assert (x.to_array(attrs) == y.to_array(attrs)).all()


def test_decoder_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_NLP_PARSE_DECODER", raising=False)
    assert parse_decoder(Settings()) == "numpy"
    assert parse_decoder(Settings(options=(("nlp.parse_decoder", "spacy"),))) == "spacy"
    monkeypatch.setenv("DATELINE_NLP_PARSE_DECODER", "spacy")
    assert parse_decoder(Settings()) == "spacy"
