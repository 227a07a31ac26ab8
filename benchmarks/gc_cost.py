"""What Python's garbage collector costs dateline, with and without dateline's collector settings.

    python3 benchmarks/gc_cost.py                      # 300 articles, 4 alternating pairs
    python3 benchmarks/gc_cost.py --runs 6 --off process.gc_threshold=0

Each run is a fresh process (a first pass) over the side-by-side corpus (``side_by_side.py``'s
``build_corpus``), the model and the gazetteer loaded before the clock starts. It prints, per
run, CPU ms per article (all stages, and the NLP step alone) and the CPU the collector itself
took over the whole corpus (``gc.callbacks``, all generations), then the medians. "off" runs
with the options ``--off`` gives (default: ``process.gc_freeze=false process.gc_threshold=0``,
i.e. the collector as Python leaves it), "on" with dateline's defaults
(:mod:`dateline.process_tuning`); the two alternate. CPU time, so a shared machine blurs but
does not bias the figures; the collector's own time is the sharpest of them.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(corpus: Path, options: list[str]) -> dict[str, float]:
    from dateline import Pipeline, RawInput, Settings
    from dateline.resources import Resources

    texts: list[str] = json.loads(corpus.read_text(encoding="utf-8"))
    settings = Settings(options=tuple((k, json.loads(v)) for k, v in (o.split("=", 1) for o in options)))
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources)
    resources.nlp()
    resources.gazetteer()
    spent, start = [0.0], [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            start[0] = time.process_time()
        else:
            spent[0] += time.process_time() - start[0]

    gc.callbacks.append(on_gc)
    nlp_cpu = [0.0]
    run_guarded = pipeline._run_guarded

    def timed(stage, docs):  # type: ignore[no-untyped-def]
        c = time.process_time()
        try:
            return run_guarded(stage, docs)
        finally:
            if stage.name == "nlp":
                nlp_cpu[0] += time.process_time() - c

    pipeline._run_guarded = timed  # type: ignore[method-assign]
    c0 = time.process_time()
    inputs = (RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts))
    assert all(outcome.ok for outcome in pipeline.pipe(inputs))
    cpu = time.process_time() - c0
    n = len(texts)
    return {"ms": 1000 * cpu / n, "nlp_ms": 1000 * nlp_cpu[0] / n, "gc_ms_total": 1000 * spent[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=4, help="alternating off/on pairs")
    parser.add_argument("--off", nargs="*", default=["process.gc_freeze=false", "process.gc_threshold=0"])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--options", nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.options)))
        return
    sys.path.insert(0, str(HERE))
    from side_by_side import build_corpus

    results: dict[str, list[dict[str, float]]] = {"off": [], "on": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.json"
        build_corpus(corpus, args.docs)
        for _ in range(args.runs):
            for label, options in (("off", args.off), ("on", [])):
                cmd = [sys.executable, __file__, "--child", str(corpus), "--options", *options]
                out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ), check=True)
                run = json.loads(out.stdout.strip().splitlines()[-1])
                results[label].append(run)
                print(label, {k: round(v, 2) for k, v in run.items()}, flush=True)
    summary = {label: {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
               for label, runs in results.items()}  # fmt: skip
    print(json.dumps({"off_options": args.off, "median": summary}))


if __name__ == "__main__":
    main()
