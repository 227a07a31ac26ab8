"""Cost of the actors stage next to the spaCy parse it sits on.

    python3 benchmarks/bench_actors.py               # the GeoWebNews texts of ../shared/eval/geo
    python3 benchmarks/bench_actors.py --docs 100 --repeat 3

Parses the corpus once with the spaCy model (batched ``pipe``), then times, separately:
the parse, actor detection without the parse (dictionary + generic passes), and the whole
actors stage (with the parse-based pass). The model and the lexicon are loaded before
timing starts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline.actors import ActorsStage
from dateline.actors.detect import Detector
from dateline.actors.lexicon import load_lexicon
from dateline.evaluation import gold_inputs
from dateline.records import Article, Document
from dateline.resources import Resources
from dateline.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[str]:
    """The first ``n`` GeoWebNews texts."""
    gold = REPO.parent / "shared" / "eval" / "geo" / "gwn.jsonl"
    return [raw.content for raw in gold_inputs("geo", gold, n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.docs)
    settings = Settings()
    resources = Resources(settings)
    nlp = resources.nlp()
    detector = Detector(load_lexicon())
    stage = ActorsStage(settings, resources)
    stage.detector  # noqa: B018  (build the matcher before timing)

    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=settings.batch_size))
    t_parse = time.perf_counter() - t0

    best_plain = best_stage = float("inf")
    mentions = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for text in texts:
            detector.find(text)
        best_plain = min(best_plain, time.perf_counter() - t0)
        docs = [Document(str(i), Article(str(i), body=t), annotations={"nlp": p}) for i, (t, p) in
                enumerate(zip(texts, parsed, strict=True))]
        t0 = time.perf_counter()
        for doc in docs:
            stage(doc)
        best_stage = min(best_stage, time.perf_counter() - t0)
        mentions = sum(len(d.actors) for d in docs)
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars} characters, {mentions} actor mentions")
    print(f"spaCy parse          {t_parse:7.3f} s  ({len(texts) / t_parse:7.1f} docs/s)")
    print(f"detection, no parse  {best_plain:7.3f} s  ({len(texts) / best_plain:7.1f} docs/s)"
          f"  = {100 * best_plain / t_parse:.1f}% of the parse")
    print(f"actors stage         {best_stage:7.3f} s  ({len(texts) / best_stage:7.1f} docs/s)"
          f"  = {100 * best_stage / t_parse:.1f}% of the parse")


if __name__ == "__main__":
    main()
