"""End to end with the real pipeline: the seed article goes into the store as extract sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest import ingest, read_corpus
from dateline.pipeline import Pipeline
from dateline.records import document_to_dict
from dateline.settings import Settings
from dateline.store import get_event, open_store, query_events


@pytest.mark.slow
def test_seed_article_is_stored_with_its_events(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed" / "article.txt"
    settings = Settings()
    pipeline = Pipeline.from_settings(settings)
    extracted = document_to_dict(next(iter(pipeline.pipe(read_corpus([seed], settings)))).document)  # type: ignore[arg-type]
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest(pipeline, read_corpus([seed], settings), store, settings=settings)
        assert (summary.added, summary.failed) == (1, 0)
        assert summary.reports == len(extracted["events"])
        article = store.rows("SELECT title, source, published, body FROM articles")[0]
        assert article["body"] == extracted["article"]["body"]
        assert str(article["published"]) == extracted["article"]["published"]
        assert store.counts()["places"] == len(extracted["places"])
        assert store.counts()["timexes"] == len(extracted["timexes"])
        for event in query_events(store):
            shown = get_event(store, event["event_id"])
            report = shown["reports"][0]
            body = article["body"]
            assert body[report["evidence_start"] : report["evidence_end"]] == report["evidence_text"]
        again = ingest(pipeline, read_corpus([seed], settings), store, settings=settings)
        assert (again.added, again.skipped) == (0, 1)
    json.dumps(extracted)  # the contract document stays serializable
