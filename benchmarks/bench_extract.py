"""Throughput of ``dateline extract --jsonl``: documents/s, words/s and peak memory.

    python3 benchmarks/bench_extract.py                 # 300 documents, all stages
    python3 benchmarks/bench_extract.py --docs 1000 --stages article

The corpus is built offline from what this machine has: the news texts of the shared
evaluation sets when ``../shared`` is there (fed as scraped ``text``), else the repo's
bundled examples. Each run is a fresh ``dateline`` process, so the figures include model
and gazetteer loading; peak memory is the child's maximum resident set size. Running two
sizes shows whether memory grows with the number of input lines (it must not).
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def source_texts() -> Iterator[str]:
    shared = REPO.parent / "shared" / "eval" / "geo"
    files = sorted(shared.glob("*.jsonl")) if shared.is_dir() else []
    if files:
        for path in files:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)["text"]
    else:
        for path in sorted((REPO / "examples").glob("*.txt")):
            yield path.read_text(encoding="utf-8")


def build_corpus(path: Path, n: int) -> int:
    """Write ``n`` JSONL documents (cycling through the sources); return the word count."""
    texts = list(source_texts())
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i, text in zip(range(n), itertools.cycle(texts), strict=False):
            words += len(text.split())
            out.write(json.dumps({"id": f"bench-{i}", "text": text, "published": "2019-09-30"}) + "\n")
    return words


def run_once(corpus: Path, stages: str | None, workers: int = 1) -> tuple[float, int, int]:
    """Seconds, peak resident KiB and exit status of one ``dateline extract --jsonl`` run."""
    cmd = [sys.executable, "-m", "dateline", "extract", "--jsonl", str(corpus)]
    if stages:
        cmd += ["--stages", stages]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    # a wrapper process per run, so that the peak memory reported is this run's alone
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
        "sys.stderr.write(p.stderr[-500:])\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    seconds, peak, status = proc.stdout.split()
    if int(status) not in (0, 1):
        sys.exit(f"dateline failed: {proc.stderr.strip()}")
    return float(seconds), int(peak), int(status)


def stage_times(n: int, stages: str | None) -> dict[str, float]:
    """Seconds spent in each stage over ``n`` documents, in this process (models loaded first)."""
    from dateline import Pipeline, RawInput, Settings

    settings = Settings() if not stages else Settings(stages=tuple(stages.split(",")))
    pipeline = Pipeline.from_settings(settings)
    pipeline(RawInput("warm-up", "text", "Rebels seized Kidal in Mali on Monday."))  # load models
    spent = dict.fromkeys(pipeline.names, 0.0)
    original = pipeline._run_stage

    def timed(stage, docs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(stage, docs)
        spent[stage.name] += time.perf_counter() - start
        return result

    pipeline._run_stage = timed  # type: ignore[method-assign]
    texts = itertools.cycle(list(source_texts()))
    inputs = (RawInput(f"d{i}", "text", next(texts), published="2019-09-30") for i in range(n))
    for _ in pipeline.pipe(inputs):
        pass
    total = sum(spent.values())
    return {name: round(seconds, 2) for name, seconds in spent.items()} | {"total": round(total, 2),
                                                                          "docs_per_s": round(n / total, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="documents in the larger run")
    parser.add_argument("--stages", help="comma-separated stages (default: all)")
    parser.add_argument("--workers", type=int, default=1, help="dateline extract --workers")
    parser.add_argument("--stage-times", action="store_true", help="time each stage in-process instead")
    args = parser.parse_args()
    if args.stage_times:
        print(json.dumps({"documents": args.docs, "seconds": stage_times(args.docs, args.stages)}, indent=2))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (max(1, args.docs // 3), args.docs):
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = build_corpus(corpus, n)
            seconds, peak_kib, _ = run_once(corpus, args.stages, args.workers)
            rows.append({"documents": n, "words": words, "seconds": round(seconds, 2),
                         "docs_per_s": round(n / seconds, 1), "words_per_s": round(words / seconds),
                         "peak_rss_mib": round(peak_kib / 1024)})
    print(json.dumps({"stages": args.stages or "all", "workers": args.workers, "runs": rows}, indent=2))


if __name__ == "__main__":
    main()
