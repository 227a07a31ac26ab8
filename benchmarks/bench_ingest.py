"""Benchmark of the store: ingestion rate, store size, query latency (and the real pipeline's share).

Builds a synthetic corpus offline (templated wire stories, several outlets per event, see
``dateline.ingest.synthetic``), then measures

* ingestion with the synthetic pipeline (the store's own cost: hashing, de-duplication,
  writing), a second run over the same corpus (everything skipped), and with the real
  pipeline on the first few hundred documents (NLP included);
* the store's size per thousand events;
* query latency for a country-and-year filter, and the time to export everything;
* de-duplication against the corpus's truth (pairwise precision and recall of "same event").

Usage::

    python benchmarks/bench_ingest.py                  # 3000 synthetic, 200 real
    python benchmarks/bench_ingest.py --docs 500 --real 0
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from dateline.export import export_events
from dateline.ingest import ingest, read_corpus
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus
from dateline.settings import Settings
from dateline.store import Filters, open_store, query_events


def write_corpus(path: Path, docs: list[dict[str, str]]) -> None:
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")


def pairwise(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of "these two reports are one event" over all report pairs."""
    same_true = {frozenset(p) for group in _groups(truth) for p in itertools.combinations(group, 2)}
    same_pred = {frozenset(p) for group in _groups(predicted) for p in itertools.combinations(group, 2)}
    hit = len(same_true & same_pred)
    return (hit / len(same_pred) if same_pred else 1.0), (hit / len(same_true) if same_true else 1.0)


def _groups(labels: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return list(groups.values())


def size_of(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=3000, help="synthetic documents (fake pipeline)")
    parser.add_argument("--real", type=int, default=200, help="documents through the real pipeline (0: skip)")
    parser.add_argument("--queries", type=int, default=30, help="repetitions of the query timing")
    args = parser.parse_args()
    settings = Settings()
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    docs = synthetic_corpus(args.docs, seed=1)
    corpus = work / "corpus.jsonl"
    write_corpus(corpus, docs)
    rows: list[tuple[str, str]] = [
        ("synthetic corpus", f"{len(docs)} documents, {len({d['id'].split('-')[0] for d in docs})} distinct events")
    ]

    db = work / "fake.duckdb"
    with open_store(db) as store:
        first = ingest(SyntheticPipeline(), read_corpus([corpus], settings), store, settings=settings)
        second = ingest(SyntheticPipeline(), read_corpus([corpus], settings), store, settings=settings)
        store.conn.execute("CHECKPOINT")
        counts = store.counts()
        predicted = {
            aid: eid
            for aid, eid in store.conn.execute(
                "SELECT input_id, event_id FROM reports JOIN articles USING (article_id)"
            ).fetchall()
        }
    truth = {d["id"]: d["id"].split("-")[0] for d in docs}
    precision, recall = pairwise(truth, predicted)
    rows += [
        ("ingest, synthetic pipeline (store cost)", f"{first.rate:.0f} docs/s ({first.seconds:.1f} s)"),
        ("re-ingest the same corpus (all skipped)", f"{second.rate:.0f} docs/s ({second.seconds:.2f} s)"),
        ("reports / events after de-duplication", f"{counts['reports']} / {counts['events']}"),
        ("de-duplication pairwise precision / recall", f"{precision:.3f} / {recall:.3f}"),
        (
            "store size",
            f"{size_of(db) / 1e6:.1f} MB, {size_of(db) / counts['events'] * 1000 / 1e6:.2f} MB per 1000 events",
        ),
    ]

    with open_store(db, read_only=True) as store:
        filters = Filters(country="IQ", date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 12, 31))
        timings, found = [], 0
        for _ in range(args.queries):
            t0 = time.perf_counter()
            found = len(query_events(store, filters))
            timings.append(time.perf_counter() - t0)
        everything = query_events(store)
        t0 = time.perf_counter()
        export_events("acled", everything, work / "all.csv")
        export_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        export_events("parquet", everything, work / "all.parquet")
        parquet_s = time.perf_counter() - t0
    rows += [
        ("query country=IQ, year=2019", f"median {statistics.median(timings) * 1000:.1f} ms ({found} events)"),
        (
            "export all as ACLED CSV / Parquet",
            f"{export_s * 1000:.0f} ms / {parquet_s * 1000:.0f} ms ({len(everything)} events)",
        ),
    ]

    if args.real:
        from dateline.pipeline import Pipeline

        real_corpus = work / "real.jsonl"
        write_corpus(real_corpus, docs[: args.real])
        pipeline = Pipeline.from_settings(settings)
        t0 = time.perf_counter()
        list(pipeline.pipe(read_corpus([real_corpus], settings)))  # warm up: loads models and gazetteer
        warm = time.perf_counter() - t0
        with open_store(work / "real.duckdb") as store:
            real = ingest(pipeline, read_corpus([real_corpus], settings), store, settings=settings)
        share = (1 / first.rate) / (1 / real.rate) if first.rate and real.rate else 0.0
        rows += [
            (
                f"ingest, real pipeline ({args.real} docs)",
                f"{real.rate:.1f} docs/s; {real.reports} events, {real.failed} failed",
            ),
            ("  first pass incl. model loading", f"{warm:.1f} s"),
            ("  store's share of the real ingestion time", f"{share:.1%}"),
        ]

    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    print(f"\n(work files in {work})")


if __name__ == "__main__":
    main()
