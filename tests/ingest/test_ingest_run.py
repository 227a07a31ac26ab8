"""Ingestion: idempotent, updates replace, bad inputs skipped and named, interruptions resumable."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.ingest import IngestSummary, ingest, read_corpus
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus
from dateline.pipeline import Outcome
from dateline.records import RawInput
from dateline.settings import Settings
from dateline.store import Store, integrity, open_store

SETTINGS = Settings()


def run(store: Store, *paths: Path, pipeline: Any = None, **kw: Any) -> IngestSummary:
    return ingest(pipeline or SyntheticPipeline(), read_corpus(paths, SETTINGS), store, settings=SETTINGS, **kw)


def snapshot(store: Store) -> dict[str, Any]:
    assert integrity(store) == []
    events = store.rows("SELECT event_id, n_reports, n_articles, fatalities FROM events ORDER BY event_id")
    counts = store.counts()
    counts.pop("runs")
    return {"counts": counts, "events": events}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(60, seed=3)) + "\n")
    return path


class Spy:
    """A pipeline that remembers what it was asked to process."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.inner = SyntheticPipeline()

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        def note() -> Iterator[RawInput | InputError]:
            for item in inputs:
                if isinstance(item, RawInput):
                    self.seen.append(item.id)
                yield item

        return self.inner.pipe(note())


def test_ingesting_twice_gives_the_same_counts_and_skips_the_nlp(tmp_path: Path, corpus: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        first = run(store, corpus)
        assert (first.added, first.failed, first.status) == (60, 0, "done")
        before = snapshot(store)
        spy = Spy()
        second = run(store, corpus, pipeline=spy)
        assert (second.added, second.skipped) == (0, 60)
        assert spy.seen == []  # nothing re-analysed
        assert snapshot(store) == before
        assert store.scalar("SELECT count(*) FROM runs WHERE status = 'done'") == 2


def test_synthetic_events_reported_by_several_outlets_become_one(tmp_path: Path, corpus: Path) -> None:
    truth = {d["id"].split("-")[0] for d in synthetic_corpus(60, seed=3)}
    with open_store(tmp_path / "s.duckdb") as store:
        summary = run(store, corpus)
        assert store.counts()["events"] == len(truth)
        assert summary.merged == 60 - len(truth)


def test_a_mixed_folder_twice(tmp_path: Path, mixed_folder: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert run(store, mixed_folder).added == 11
        before = snapshot(store)
        assert run(store, mixed_folder).skipped == 11
        assert snapshot(store) == before


def test_an_updated_article_replaces_its_events(tmp_path: Path) -> None:
    url = "https://wire.example/mosul"
    first = "MOSUL (AFP) - Military Forces clashed with Islamic State near Mosul on 3 March 2019, leaving 4 dead."
    fixed = "KIRKUK (AFP) - Unidentified Armed Group attacked Civilians in Kirkuk on 3 March 2019, killing 9."
    path = tmp_path / "one.jsonl"
    with open_store(tmp_path / "s.duckdb") as store:
        for body in (first, fixed):
            path.write_text(json.dumps({"id": "story", "url": url, "body": body}))
            summary = run(store, path)
        assert summary.replaced == 1
        counts = store.counts()
        assert (counts["articles"], counts["article_versions"], counts["events"], counts["reports"]) == (1, 2, 1, 1)
        row = store.rows("SELECT sub_event_type, location_name, fatalities FROM events")[0]
        assert row == {"sub_event_type": "Attack", "location_name": "Kirkuk", "fatalities": 9}


def test_bad_inputs_are_named_skipped_and_never_touch_earlier_data(
    tmp_path: Path, corpus: Path, bad_folder: Path
) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        run(store, corpus)
        before = store.rows("SELECT * FROM events ORDER BY event_id")
        articles = store.counts()["articles"]
        errors: list[str] = []
        summary = run(store, bad_folder, on_error=lambda e: errors.append(str(e)))
        assert summary.failed == 4 == len(errors)
        assert summary.added >= 3  # the WARC record before the damage, fine.txt, the JSONL lines before the cut
        assert store.rows("SELECT * FROM events ORDER BY event_id") == before
        assert store.counts()["articles"] == articles + summary.added
        assert {Path(e.split(":")[0]).name for e in errors} == {"broken.warc", "cut.txt.gz", "cut.jsonl.gz", "junk.rss"}


class Interrupting:
    """A pipeline that is interrupted (Ctrl-C) before its ``stop_at``-th document."""

    def __init__(self, stop_at: int) -> None:
        self.stop_at = stop_at
        self.inner = SyntheticPipeline()

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        for n, outcome in enumerate(self.inner.pipe(inputs), start=1):
            if n == self.stop_at:
                raise KeyboardInterrupt
            yield outcome


def test_ctrl_c_then_resume_gives_the_counts_of_one_clean_run(tmp_path: Path, corpus: Path) -> None:
    with open_store(tmp_path / "clean.duckdb") as store:
        run(store, corpus)
        clean = snapshot(store)
    with open_store(tmp_path / "cut.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            run(store, corpus, pipeline=Interrupting(stop_at=25))
        assert store.counts()["articles"] == 24
        assert store.scalar("SELECT status FROM runs") == "interrupted"
        resumed = run(store, corpus)
        assert (resumed.skipped, resumed.added) == (24, 36)
        assert snapshot(store) == clean


def test_duplicates_within_one_run_are_stored_once(tmp_path: Path) -> None:
    doc = synthetic_corpus(1)[0]
    path = tmp_path / "dups.jsonl"
    path.write_text("\n".join(json.dumps({**doc, "id": f"copy{i}"}) for i in range(3)))
    with open_store(tmp_path / "s.duckdb") as store:
        summary = run(store, path)
        assert (summary.added, summary.skipped) == (1, 2)
        assert store.counts()["articles"] == 1


def test_reprocess_analyses_stored_content_again_and_replaces_its_results(tmp_path: Path, corpus: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        run(store, corpus)
        before = snapshot(store)
        spy = Spy()
        again = ingest(spy, read_corpus([corpus], SETTINGS), store, settings=SETTINGS, reprocess=True)
        assert len(spy.seen) == 60 and (again.replaced, again.added, again.skipped) == (60, 0, 0)
        after = snapshot(store)
        assert after["counts"] == before["counts"]
        assert [e["n_reports"] for e in after["events"]] == [e["n_reports"] for e in before["events"]]


def test_reprocess_replaces_an_article_stored_under_another_id(tmp_path: Path) -> None:
    body = "MOSUL (AFP) - Military Forces clashed with Islamic State near Mosul on 3 March 2019, leaving 4 dead."
    path = tmp_path / "one.jsonl"
    with open_store(tmp_path / "s.duckdb") as store:
        path.write_text(json.dumps({"id": "story", "body": body}))
        run(store, path)
        path.write_text(json.dumps({"id": "story", "body": body, "url": "https://wire.example/mosul"}))
        summary = ingest(SyntheticPipeline(), read_corpus([path], SETTINGS), store, settings=SETTINGS, reprocess=True)
        assert summary.replaced == 1
        counts = store.counts()
        assert (counts["articles"], counts["article_versions"], counts["events"]) == (1, 1, 1)
        assert store.scalar("SELECT url FROM articles") == "https://wire.example/mosul"
