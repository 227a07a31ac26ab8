"""Parse on demand copies only the token attributes a document can have at each step
(dateline.nlp_demand._sub_docs, _join): with the real model, the sub-documents equal
``Span.as_doc()`` and the joined sentences equal ``Doc.from_docs``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.nlp_demand import _join, _made, _sentences, _split, _sub_docs

pytestmark = pytest.mark.slow  # loads the spaCy model

TEXT = ("Gunmen didn't stop: they're shelling Idlib, U.S. officials said on Monday.\n\n"
        "\"We can't,\" he said. Y'all gonna see (AFP) 3.5km away... Dr. Smith's 'n' co. ain't there.")


@pytest.fixture(scope="module")
def nlp() -> Any:
    from dateline.nlp import load_model
    from dateline.settings import Settings

    return load_model(Settings())


def test_sub_docs_equal_as_doc_with_the_model(nlp: Any, example_path: Path) -> None:
    docs = _split(nlp, [_made(nlp, TEXT), _made(nlp, example_path.read_text(encoding="utf-8"))], 8)
    chosen = [(k, a, b) for k, doc in enumerate(docs) for a, b in _sentences(doc)]
    for sub, (k, a, b) in zip(_sub_docs(nlp, docs, chosen), chosen, strict=True):
        assert sub.to_bytes(exclude=["tensor", "user_data"]) == docs[k][a:b].as_doc().to_bytes(
            exclude=["tensor", "user_data"])


def test_join_equals_from_docs_after_the_parse(nlp: Any) -> None:
    from spacy.tokens import Doc

    docs = _split(nlp, [_made(nlp, TEXT)], 8)
    subs = _sub_docs(nlp, docs, [(0, a, b) for a, b in _sentences(docs[0])])
    for name in ("tok2vec", "tagger", "parser"):
        subs = list(nlp.get_pipe(name).pipe(subs))
    ours, theirs = _join(subs), Doc.from_docs(subs, ensure_whitespace=True)
    assert ours.to_bytes(exclude=["tensor", "user_data"]) == theirs.to_bytes(exclude=["tensor", "user_data"])
