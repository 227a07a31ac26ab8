"""Properties of ingestion: batch size and order do not change the outcome; random sequences
of additions, updates and reprocessing always leave the tables consistent."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import ingest, read_corpus
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus
from dateline.settings import Settings
from dateline.store import integrity, open_store

DOCS = synthetic_corpus(40, seed=21)


def events_after(folder: Path, batches: list[list[dict[str, str]]], batch_docs: int = 32, **kw: Any) -> Any:
    options = Settings().evolve(options=(("store.batch_docs", batch_docs),))
    with open_store(folder / "s.duckdb") as store:
        for number, docs in enumerate(batches):
            path = folder / f"in{number}.jsonl"
            path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
            ingest(SyntheticPipeline(), read_corpus([path], options), store, settings=options, **kw)
        assert integrity(store) == []
        rows = store.rows("SELECT event_id, n_reports, n_articles, fatalities, location_name FROM events")
        return sorted(rows, key=lambda r: r["event_id"])


def test_batch_size_does_not_change_the_events(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "many").mkdir()
    assert events_after(tmp_path / "one", [DOCS], batch_docs=1) == events_after(tmp_path / "many", [DOCS])


@settings(max_examples=10, deadline=None)
@given(st.permutations(DOCS))
def test_order_does_not_change_how_reports_group(docs: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = events_after(Path(tmp), [docs])
    assert sorted(r["n_reports"] for r in rows) == sorted(n for n in _truth_sizes())


def _truth_sizes() -> list[int]:
    sizes: dict[str, int] = {}
    for d in DOCS:
        key = d["id"].split("-")[0]
        sizes[key] = sizes.get(key, 0) + 1
    return list(sizes.values())


_EDITS = st.lists(
    st.tuples(st.sampled_from(["add", "update", "reprocess"]), st.lists(st.integers(0, len(DOCS) - 1), max_size=8)),
    min_size=1,
    max_size=5,
)


@settings(max_examples=15, deadline=None)
@given(_EDITS)
def test_random_additions_updates_and_reprocessing_keep_the_store_consistent(
    edits: list[tuple[str, list[int]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with open_store(folder / "s.duckdb") as store:
            for number, (kind, picks) in enumerate(edits):
                docs = [dict(DOCS[i]) for i in picks]
                if kind == "update":  # same URL, another death toll: the article's events change
                    for d in docs:
                        d["body"] = d["body"].replace(" killing ", " killing 1").replace(" leaving ", " leaving 1")
                path = folder / f"in{number}.jsonl"
                path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
                options = Settings().evolve(options=(("store.batch_docs", 3),))
                ingest(SyntheticPipeline(), read_corpus([path], options), store, settings=options,
                       reprocess=kind == "reprocess")  # fmt: skip
                assert integrity(store) == []
            counts = store.counts()
            assert counts["articles"] == len({DOCS[i]["url"] for _, picks in edits for i in picks})
            assert counts["reports"] <= counts["articles"] and counts["events"] <= counts["reports"]
