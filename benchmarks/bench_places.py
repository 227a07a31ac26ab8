"""Benchmark of the places stage alone: gazetteer build (cold) and load (warm), documents/s of
the stage on pre-parsed GeoWebNews texts next to spaCy's parse of the same texts, and memory.

    python3 benchmarks/bench_places.py [--docs 100] [--shared ../shared]
    python3 benchmarks/bench_places.py --warm    # a fresh process with the index already built:
                                                  # load time, capitalized-word lookups, memory

Results are written down in benchmarks/places.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from dateline.evaluation import find_shared
from dateline.places import PlacesStage
from dateline.places.gazetteer import build_index, index_path, load_gazetteer
from dateline.records import Article, Document
from dateline.resources import Resources
from dateline.settings import Settings


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_warm(texts: list[str]) -> None:
    import re

    from dateline.places.normalize import name_key

    rss0 = rss_mb()
    t0 = time.perf_counter()
    gaz = load_gazetteer(Settings())
    load_s = time.perf_counter() - t0
    words = {w for t in texts for w in re.findall(r"[A-Z][a-z]+", t)}
    t0 = time.perf_counter()
    for w in words:
        gaz.lookup(name_key(w))
    print(json.dumps({
        "gazetteer_load_s": round(load_s, 4), "distinct_capitalized_words_looked_up": len(words),
        "lookup_s": round(time.perf_counter() - t0, 3), "max_rss_mb_before_load": round(rss0, 1),
        "max_rss_mb_after_lookups": round(rss_mb(), 1),
    }, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--shared")
    parser.add_argument("--warm", action="store_true", help="measure a process that finds the index built")
    args = parser.parse_args()
    gold = find_shared(args.shared) / "eval" / "geo" / "gwn.jsonl"
    texts = [json.loads(line)["text"] for line in gold.open(encoding="utf-8") if line.strip()][: args.docs]
    if args.warm:
        measure_warm(texts)
        return

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(cache_dir=Path(tmp))
        t0 = time.perf_counter()
        stats = build_index(index_path(settings))
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        gaz = load_gazetteer(settings)
        warm = time.perf_counter() - t0
        rss_before = rss_mb()

        resources = Resources(settings, gazetteer=gaz)
        nlp = resources.nlp()
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=32))
        parse_s = time.perf_counter() - t0
        stage = PlacesStage(settings, resources)
        docs = [Document(str(i), Article(str(i), body=t), annotations={"nlp": p}) for i, (t, p) in
                enumerate(zip(texts, parsed, strict=True))]
        t0 = time.perf_counter()
        n_places = sum(len(stage(d).places) for d in docs)
        places_s = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(json.dumps({
        "documents": len(texts), "characters": chars, "places": n_places,
        "gazetteer_build_s": round(cold, 1), "gazetteer_entries": stats["entries"], "gazetteer_names": stats["names"],
        "gazetteer_load_s": round(warm, 4),
        "spacy_parse_docs_per_s": round(len(texts) / parse_s, 1),
        "places_stage_docs_per_s": round(len(texts) / places_s, 1),
        "places_share_of_parse_plus_places": round(places_s / (parse_s + places_s), 3),
        "max_rss_mb_after_gazetteer_load": round(rss_before, 1), "max_rss_mb_end": round(rss_mb(), 1),
    }, indent=1))


if __name__ == "__main__":
    main()
