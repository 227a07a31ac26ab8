"""Cost of the events stage next to the NLP it needs: seconds per stage over a news corpus.

    python3 benchmarks/bench_events.py                  # the GeoWebNews texts of ../shared/eval/geo
    python3 benchmarks/bench_events.py --docs 100

Every stage is built by name (``build_stage``) and run in process, one after the other over
the whole corpus (the NLP stage with its batched ``pipe``), each timed separately; the
spaCy model and the gazetteer are loaded before timing starts.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from dateline.evaluation import gold_inputs
from dateline.pipeline import build_stage
from dateline.records import Article, Document, RawInput
from dateline.resources import Resources
from dateline.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[RawInput]:
    """The first ``n`` GeoWebNews texts, fed as bodies published on 2019-09-30."""
    gold = REPO.parent / "shared" / "eval" / "geo" / "gwn.jsonl"
    return [replace(raw, published="2019-09-30") for raw in gold_inputs("geo", gold, n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    resources = Resources(settings)
    resources.nlp()
    resources.gazetteer()
    stages = []
    for name in settings.stages:
        stages.append(build_stage(name, settings, resources))
    raws = corpus(args.docs)
    docs = [Document(r.id, Article(r.id, body=""), annotations={"raw": r}) for r in raws]
    words = sum(len(r.content.split()) for r in raws)
    timings, cpu = {}, {}
    for stage in stages:
        t, c = time.perf_counter(), time.process_time()
        pipe = getattr(stage, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [stage(d) for d in docs]
        timings[stage.name] = time.perf_counter() - t
        cpu[stage.name] = time.process_time() - c
    events = sum(len(d.events) for d in docs)
    print(f"{len(docs)} documents, {words} words, {events} events")
    for name, secs in timings.items():
        print(f"  {name:10s} {secs:7.2f} s  {1000 * secs / len(docs):7.1f} ms/doc  cpu {cpu[name]:7.2f} s")
    print(f"  events / nlp = {timings['events'] / timings['nlp']:.2f}")


if __name__ == "__main__":
    main()
