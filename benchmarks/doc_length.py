"""Cost against document length: time and peak memory of the whole pipeline on one document.

Real-looking text: the articles of ``../shared/eval/events/news_dev.jsonl`` (falling back to the
seed) joined paragraph by paragraph until the wanted size. Each size runs in its own process
so its peak resident memory (``ru_maxrss``) is its own. See benchmarks/doc_length.md.

    python3 benchmarks/doc_length.py                      # 10 KB ... 5 MB (over 400 KB: refused)
    python3 benchmarks/doc_length.py --sizes 10K,100K     # a quick look
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _texts(name: str) -> list[str]:
    path = SHARED / "eval" / "events" / name
    if not path.exists():
        return []
    return [json.loads(line).get("text") or "" for line in path.read_text(encoding="utf-8").splitlines()]


def real_text(size: int) -> str:
    """About ``size`` characters of news text, whole paragraphs: news articles with, every third
    paragraph, an ACLED note (so the event stage has conflict reports to find, as in a war story)."""
    news = [p.strip() for text in _texts("news_dev.jsonl") for p in text.split("\n") if len(p.strip()) > 40]
    notes = [t.strip() for t in _texts("acled_notes_dev.jsonl") if len(t.strip()) > 40]
    paras: list[str] = []
    for i, para in enumerate(news):
        paras.append(para)
        if notes and i % 2 == 1:
            paras.append(notes[(i // 2) % len(notes)])
    if not paras:
        paras = [p for p in (SHARED / "seed" / "article.txt").read_text().split("\n") if p.strip()]
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)[:size]


def _parse(size: str) -> int:
    size = size.strip().upper()
    mult = {"K": 1_000, "M": 1_000_000}.get(size[-1], 1)
    return int(float(size.rstrip("KM")) * mult)


def one(size: int) -> dict[str, object]:
    """Run in a child: the pipeline on one document of ``size`` characters."""
    from dateline.pipeline import Pipeline
    from dateline.records import RawInput
    from dateline.settings import Settings

    pipeline = Pipeline.from_settings(Settings())
    pipeline(RawInput("warm-up", "text", real_text(2_000)))  # load the models outside the measure
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = real_text(size)
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = next(pipeline.pipe([RawInput(f"doc-{size}", "text", text)]))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = outcome.document
    return {
        "bytes": len(text.encode()),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_rss_mb": round(peak / 1024, 1),
        "models_rss_mb": round(base / 1024, 1),
        "error": str(outcome.error) if outcome.error else None,
        "events": len(doc.events) if doc else None,
        "places": len(doc.places) if doc else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10K,50K,100K,200K,400K,1M,5M")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print("| size | wall s | CPU s | CPU s per MB | peak RSS MB | events | places | error |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for size in (_parse(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True)
        if done.returncode:
            print(f"| {size:,} | failed: {done.stderr.strip().splitlines()[-1:]} |", flush=True)
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        per_mb = r["cpu_s"] / (r["bytes"] / 1e6)  # type: ignore[operator]
        print(f"| {r['bytes']:,} | {r['wall_s']} | {r['cpu_s']} | {per_mb:.0f} | {r['peak_rss_mb']} | "
              f"{r['events']} | {r['places']} | {r['error'] or ''} |", flush=True)


if __name__ == "__main__":
    main()
