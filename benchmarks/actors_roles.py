"""Agreement of dateline's actor roles with the PLOVER gold source/target markup.

    python benchmarks/actors_roles.py [GOLD] [--limit N] [--mode gold|detected|both]

GOLD defaults to ../shared/eval/events/plover_gsr.json. See docs/actors.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dateline.actors.agreement import role_agreement
from dateline.nlp import load_model
from dateline.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "plover_gsr.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--mode", choices=("gold", "detected", "both"), default="both")
    args = ap.parse_args(argv)
    nlp = load_model(Settings())
    for mode in ("gold", "detected") if args.mode == "both" else (args.mode,):
        t0 = time.perf_counter()
        figures = role_agreement(args.gold, nlp, mode, args.limit)
        took = time.perf_counter() - t0
        shown = "  ".join(f"{k}={v:.3f}" if v < 1.5 else f"{k}={int(v)}" for k, v in figures.items())
        print(f"{mode:9} {shown}  ({took:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
