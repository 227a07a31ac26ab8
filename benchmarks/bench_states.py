"""Benchmark of place states: rebuilding a place's intervals after one new article on a big store,
the "as of" queries, and what recording assertions costs ingestion.

* builds a store of ``--events`` (default 100,000) synthetic events (``dateline.ingest.synthetic``,
  de-duplication off so every report is an event), then ``--state-docs`` articles that assert
  states (control, access, curfew, siege) about the corpus's 24 places;
* stores one new state article at a time about one place (the whole write: article, rows, its
  assertions, the rebuild of that place's intervals) and times it, and the rebuild alone;
* times ``state_of`` (derived from the assertions, with ``known_as_of``) and ``list_states``;
* ingests ``--docs`` synthetic documents into fresh stores with the hook on and off (alternating,
  CPU seconds per document), the hook's share of ingestion.

Usage::

    python benchmarks/bench_states.py                      # 100,000 events
    python benchmarks/bench_states.py --events 5000 --docs 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.ingest import ingest, read_corpus
from dateline.ingest.synthetic import SyntheticPipeline, _places, synthetic_corpus
from dateline.records import Actor, Article, Document, Place, Timex
from dateline.settings import Settings
from dateline.states import find_places, list_states, state_of
from dateline.states.storage import rebuild_intervals
from dateline.store import content_hash, open_store
from dateline.store.write import Pending, store_documents

SENTENCES = [
    (
        "Government forces recaptured {place} from the rebels on {day}.",
        {"Government forces": "Government", "the rebels": "Rebels"},
    ),
    ("Rebel fighters seized {place} on {day}, residents said.", {"Rebel fighters": "Rebels"}),
    ("{place} is controlled by government forces, officials said.", {"government forces": "Government"}),
    ("The {place} border crossing reopened on {day}.", {}),
    ("The {place} border crossing was closed on {day} after clashes.", {}),
    ("Authorities imposed a curfew in {place} on {day}.", {}),
    ("Authorities lifted the curfew in {place} on {day}.", {}),
]


def state_doc(n: int, place: dict[str, str], rng: random.Random, day: dt.date) -> Document:
    template, actors = SENTENCES[rng.randrange(len(SENTENCES))]
    body = template.format(place=place["name"], day=day.isoformat()) + f" Report {n}."
    doc = Document(
        f"s{n}",
        Article(
            f"s{n}",
            body=body,
            source=rng.choice(["AFP", "Reuters", "AP"]),
            published=(day + dt.timedelta(days=1)).isoformat(),
            url=f"https://states.example/{n}",
        ),
    )
    at = body.index(place["name"])
    doc.places.append(
        Place(
            place["name"],
            at,
            at + len(place["name"]),
            place["name"],
            place["geonameid"],
            float(place["lat"]),
            float(place["lon"]),
            place["country_code"],
            place["admin1"],
            "city",
            0.9,
        )
    )
    for text, name in actors.items():
        at = body.index(text)
        doc.actors.append(Actor(name, "State forces", text, at, at + len(text)))
    iso = day.isoformat()
    if iso in body:
        at = body.index(iso)
        doc.timexes.append(Timex(iso, at, at + len(iso), "DATE", iso, None, iso, iso, "day"))
    return doc


def put(store: Any, doc: Document) -> None:
    store_documents(store, [Pending(doc, content_hash(doc.article.body), doc.id, doc.article.url)])


def timed(fn: Any, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn()``."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def hook_share(work: Path, docs: int, rounds: int) -> tuple[float, float]:
    """CPU seconds per 1000 documents with the hook and without it (the hook made a no-op), alternating."""
    import dateline.states.storage as storage

    corpus = work / "hook.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(docs, seed=3)) + "\n")
    real = storage.record_states
    on, off = [], []
    for r in range(rounds):
        for enabled in (True, False) if r % 2 == 0 else (False, True):
            storage.record_states = real if enabled else (lambda *a, **k: set())  # type: ignore[assignment]
            db = work / f"hook-{r}-{enabled}.duckdb"
            with open_store(db) as store:
                c = time.process_time()
                ingest(SyntheticPipeline(), read_corpus([corpus], Settings()), store)
                (on if enabled else off).append((time.process_time() - c) / docs * 1000)
    storage.record_states = real  # type: ignore[assignment]
    return statistics.median(on), statistics.median(off)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events in the big store")
    parser.add_argument("--state-docs", type=int, default=5000, help="articles asserting states in the big store")
    parser.add_argument("--docs", type=int, default=3000, help="documents for the ingestion overhead")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds of the overhead measure")
    parser.add_argument("--repeat", type=int, default=20, help="repetitions of each timing")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-states-"))
    rows: list[tuple[str, str]] = []

    corpus = work / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in synthetic_corpus(args.events, seed=1, reports_per_event=1)))
    settings = Settings(options=(("store.dedup", False),))
    db = work / "big.duckdb"
    rng = random.Random(5)
    places = list(_places().values())
    with open_store(db) as store:
        t0 = time.perf_counter()
        summary = ingest(SyntheticPipeline(), read_corpus([corpus], settings), store, settings=settings)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        batch: list[Pending] = []
        for n in range(args.state_docs):
            day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
            doc = state_doc(n, rng.choice(places), rng, day)
            batch.append(Pending(doc, content_hash(doc.article.body), doc.id, doc.article.url))
            if len(batch) == 32 or n == args.state_docs - 1:  # as ingestion does: a batch per transaction
                store_documents(store, batch)
                batch = []
        states_s = time.perf_counter() - t0
        counts = store.counts()
        n_assert = store.scalar("SELECT count(*) FROM state_assertions")
        n_int = store.scalar("SELECT count(*) FROM state_intervals")
        rows += [
            (
                "store",
                f"{counts['events']:,} events, {counts['articles']:,} articles; {n_assert:,} assertions,"
                f" {n_int:,} intervals over {store.scalar('SELECT count(*) FROM state_places')} places",
            ),
            (
                "building it",
                f"{summary.added:,} synthetic docs in {build:.0f} s ({summary.rate:.0f} docs/s);"
                f" {args.state_docs:,} state articles in {states_s:.0f} s",
            ),
        ]
        target = places[0]
        pid = target["geonameid"]
        per_place = store.scalar("SELECT count(*) FROM state_assertions WHERE place_id = ?", [pid])
        counter = iter(range(10**6))

        def one_article() -> None:
            n = args.state_docs + next(counter)
            put(store, state_doc(n, target, rng, dt.date(2023, 1, 1) + dt.timedelta(days=n % 300)))

        wall, cpu = timed(one_article, args.repeat)
        rows.append(
            (
                f"store 1 new article about {target['name']} (write + rebuild of its intervals)",
                f"median {wall:.1f} ms wall, {cpu:.1f} ms CPU ({per_place} assertions on that place)",
            )
        )
        wall, cpu = timed(lambda: rebuild_intervals(store.conn, [pid], store.arrow_schemas), args.repeat)
        rows.append(("rebuild the intervals of that place alone", f"median {wall:.1f} ms wall, {cpu:.1f} ms CPU"))
        known = dt.date(2020, 6, 1)
        wall, cpu = timed(lambda: state_of(store.conn, pid, as_of=known, known_as_of=known), args.repeat)
        rows.append(("state_of(place, as_of, known_as_of)", f"median {wall:.1f} ms wall, {cpu:.1f} ms CPU"))
        wall, cpu = timed(lambda: find_places(store.conn, target["name"]), args.repeat)
        rows.append(("find_places(name)", f"median {wall:.1f} ms wall, {cpu:.1f} ms CPU"))
        wall, cpu = timed(lambda: list_states(store.conn, facet="control", country="IQ", as_of=known), 5)
        rows.append(("list_states(control, IQ, as_of)", f"median {wall:.1f} ms wall, {cpu:.1f} ms CPU"))

    with_hook, without = hook_share(work, args.docs, args.rounds)
    rows.append(
        (
            f"ingest {args.docs:,} synthetic docs: CPU ms per doc, hook on / off",
            f"{with_hook:.3f} / {without:.3f} ({(with_hook / without - 1) * 100:+.1f} %)",
        )
    )

    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    print(f"\n(work files in {work})")


if __name__ == "__main__":
    main()
