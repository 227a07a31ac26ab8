"""Body F1 of bare trafilatura settings on the extraction dev pages (the baseline rows of docs/article.md).

    python tests/article/trafilatura_settings.py [SHARED_DIR]

Uses score.py's own shingle metric (imported from ``SHARED_DIR/eval``); prints one line a setting.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

__all__ = ["score_settings"]

SETTINGS: list[dict[str, Any]] = [
    {},
    {"include_comments": False},
    {"include_comments": False, "favor_recall": True},
    {"include_comments": False, "favor_precision": True},
]


def score_settings(shared: Path, options: dict[str, Any]) -> tuple[float, float, float]:
    import trafilatura

    sys.path.insert(0, str(shared / "eval"))
    import score  # type: ignore[import-not-found]

    rows = []
    for page in sorted((shared / "eval" / "extract" / "pages").glob("*.html")):
        gold = json.loads(page.with_suffix(".json").read_text("utf-8"))
        body = trafilatura.extract(page.read_text("utf-8", errors="replace"), **options) or ""
        rows.append(score.tp_fp_fn(gold["articleBody"], body))
    p = statistics.mean(score.prec(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(score.rec(*x) for x in rows if x[0] + x[2] > 0)
    return round(2 * p * r / (p + r), 4), round(p, 4), round(r, 4)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared"
    for options in SETTINGS:
        print(options, *score_settings(root, options))
