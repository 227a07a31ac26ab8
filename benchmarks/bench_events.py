"""Cost of the events stage next to the NLP it needs: seconds per stage over a news corpus.

    python3 benchmarks/bench_events.py                  # the GeoWebNews texts of ../shared/eval/geo
    python3 benchmarks/bench_events.py --docs 100

Every stage is built from ``STAGE_FACTORIES`` and run in process, one after the other over
the whole corpus (the NLP stage with its batched ``pipe``), each timed separately; the
spaCy model and the gazetteer are loaded before timing starts.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from pathlib import Path

from dateline.pipeline import STAGE_FACTORIES
from dateline.records import Article, Document, RawInput
from dateline.resources import Resources
from dateline.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[RawInput]:
    path = REPO.parent / "shared" / "eval" / "geo" / "gwn.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and len(out) < n:
                rec = json.loads(line)
                out.append(RawInput(str(rec["id"]), "body", rec["text"], published="2019-09-30"))
    return out


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
        module, _, attr = STAGE_FACTORIES[name].partition(":")
        stages.append(getattr(importlib.import_module(module), attr)(settings, resources))
    raws = corpus(args.docs)
    docs = [Document(r.id, Article(r.id, body=""), annotations={"raw": r}) for r in raws]
    words = sum(len(r.content.split()) for r in raws)
    timings = {}
    for stage in stages:
        t = time.perf_counter()
        pipe = getattr(stage, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [stage(d) for d in docs]
        timings[stage.name] = time.perf_counter() - t
    events = sum(len(d.events) for d in docs)
    print(f"{len(docs)} documents, {words} words, {events} events")
    for name, secs in timings.items():
        print(f"  {name:10s} {secs:7.2f} s  {1000 * secs / len(docs):7.1f} ms/doc")
    print(f"  events / nlp = {timings['events'] / timings['nlp']:.2f}")


if __name__ == "__main__":
    main()
