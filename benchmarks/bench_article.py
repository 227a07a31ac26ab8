"""Speed of the article parser alone: pages/s and ms per page for HTML and scraped text.

    python3 benchmarks/bench_article.py [--repeat 3]

HTML: the 50 pages of the shared extraction benchmark (``../shared/eval/extract/pages``).
Text: the seed article and the news texts of the shared geo set, fed as scraped text.
Parsing runs in this process after one warm-up page (imports and rule compilation are
not counted); results are written as a table to standard output.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from pathlib import Path

from dateline.article import parse_input
from dateline.errors import InputError
from dateline.records import RawInput

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def corpus() -> dict[str, list[RawInput]]:
    html = [RawInput(p.stem, "html", p.read_text("utf-8", errors="replace"))
            for p in sorted((SHARED / "eval" / "extract" / "pages").glob("*.html"))]
    texts = [RawInput("seed", "text", (SHARED / "seed" / "article.txt").read_text("utf-8"))]
    with (SHARED / "eval" / "geo" / "gwn.jsonl").open(encoding="utf-8") as fh:
        texts += [RawInput(str(i), "text", json.loads(line)["text"]) for i, line in enumerate(fh) if line.strip()]
    return {"html": html, "text": texts}


def run(inputs: list[RawInput], repeat: int) -> dict[str, float]:
    parse_input(inputs[0])  # warm-up: imports, rules
    times = []
    for _ in range(repeat):
        for raw in inputs:
            start = time.perf_counter()
            with contextlib.suppress(InputError):
                parse_input(raw)
            times.append(time.perf_counter() - start)
    total = sum(times)
    return {"pages": len(inputs), "pages_per_s": len(times) / total, "mean_ms": 1000 * statistics.mean(times),
            "p95_ms": 1000 * sorted(times)[int(0.95 * (len(times) - 1))],
            "mb": sum(len(r.content) for r in inputs) / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| input | pages | MB | pages/s | mean ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for kind, inputs in corpus().items():
        r = run(inputs, args.repeat)
        cells = [kind, r["pages"], f"{r['mb']:.1f}", f"{r['pages_per_s']:.0f}",
                 f"{r['mean_ms']:.1f}", f"{r['p95_ms']:.1f}"]
        print("| " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
