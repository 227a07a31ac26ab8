"""Cost of the time stage next to the spaCy parse it reads: expressions/s and documents/s.

    python3 benchmarks/bench_time.py                 # the TimeBank texts of ../shared/eval/time
    python3 benchmarks/bench_time.py --repeat 5

The article and nlp stages run first (the parse is the reference cost); then the time
stage is timed alone over the parsed documents, with the parse available for tense (as
in a full run) and without it. Rules are compiled before timing starts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline.article import ArticleStage
from dateline.evaluation import gold_inputs
from dateline.nlp import NlpStage
from dateline.records import Article, Document, RawInput
from dateline.resources import Resources
from dateline.settings import Settings
from dateline.timex import TimeStage, tag

REPO = Path(__file__).resolve().parents[1]


def corpus() -> list[RawInput]:
    """TimeBank's texts as bodies, published on their document creation time."""
    return list(gold_inputs("time", REPO.parent / "shared" / "eval" / "time" / "timebank.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    resources = Resources(settings)
    resources.nlp()
    tag("warm up the rules on Monday", "2019-09-30")
    raws = corpus()
    docs = [Document(r.id, Article(r.id, body=""), annotations={"raw": r}) for r in raws]
    article = ArticleStage(settings, resources)
    docs = [article(d) for d in docs]
    t0 = time.perf_counter()
    docs = list(NlpStage(settings, resources).pipe(docs))
    nlp_s = time.perf_counter() - t0
    stage = TimeStage(settings, resources)
    chars = sum(len(d.article.body) for d in docs)

    def run(with_parse: bool) -> tuple[float, int]:
        best, found = float("inf"), 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            found = 0
            for d in docs:
                parse = d.annotations.get("nlp")
                if not with_parse:
                    d.annotations.pop("nlp", None)
                found += len(stage(d).timexes)
                if parse is not None:
                    d.annotations["nlp"] = parse
            best = min(best, time.perf_counter() - t)
        return best, found

    with_parse, n = run(True)
    without_parse, _ = run(False)
    print(f"documents: {len(docs)}, characters: {chars}, time expressions: {n}")
    print(f"spaCy parse (nlp stage): {nlp_s:.2f} s  ({len(docs) / nlp_s:.0f} docs/s)")
    for label, secs in (("time stage, with parse", with_parse), ("time stage, no parse", without_parse)):
        print(f"{label}: {secs:.3f} s  ({len(docs) / secs:.0f} docs/s, {n / secs:.0f} expressions/s, "
              f"{chars / secs / 1e6:.2f} M chars/s, {100 * secs / nlp_s:.1f}% of the parse)")


if __name__ == "__main__":
    main()
