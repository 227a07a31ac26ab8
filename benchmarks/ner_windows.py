"""NER in windows alone: CPU milliseconds per article and the share of tokens NER sees, per option set.

    python3 benchmarks/ner_windows.py                      # round 4's settings vs today's, 3 times, alternating
    python3 benchmarks/ner_windows.py --set nlp.ner_margin=3:2 --set nlp.ner_margin=4:3,nlp.ner_steady_edges=0

The corpus is that of ``benchmarks/side_by_side.py`` (the news texts of ``../shared/eval/geo``).
The documents are tokenized and split into sentences once; then, for each option set in turn
(``--repeat`` rounds, alternating, so that a shared machine's load falls on every set alike):
the key spans (:func:`dateline.nlp_windows.key_spans`), the windows, and NER on them
(:func:`dateline.nlp_windows.run_ner`) on fresh copies of the documents, timed in CPU time.
Printed per set: the share of the tokens inside windows, the share that went through NER
(second runs of widened windows included: deterministic, whatever the load) and the median CPU
ms per article of the NER call.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
#: round 4's settings (6:4 around every span, no edge moves) and today's defaults
DEFAULT_SETS = ("nlp.ner_margin=6:4,nlp.ner_steady_edges=0", "")


def _options(text: str) -> tuple[tuple[str, object], ...]:
    out: list[tuple[str, object]] = []
    for item in filter(None, text.split(",")):
        key, _, value = item.partition("=")
        out.append((key, value not in ("0", "false") if key == "nlp.ner_steady_edges" else value))
    return tuple(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--set", action="append", help="options k=v,k=v (repeatable; '' = the defaults)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from side_by_side import source_texts
    from spacy.tokens import Doc

    from dateline import nlp_windows
    from dateline.nlp_demand import _split
    from dateline.resources import Resources
    from dateline.settings import Settings

    texts = list(itertools.islice(itertools.cycle(source_texts()), args.docs))
    resources = Resources(Settings())
    nlp = resources.nlp()
    resources.gazetteer()
    docs = _split(nlp, [nlp.make_doc(t) for t in texts], 32)
    tokens = sum(len(d) for d in docs)
    ner: Any = nlp.get_pipe("ner")
    seen = [0]

    class Counting:  # the NER component, counting the tokens it is given
        @staticmethod
        def pipe(subs: Any, **kwargs: Any) -> Any:
            subs = list(subs)
            seen[0] += sum(len(s) for s in subs)
            return ner.pipe(subs, **kwargs)

    class Model:  # what run_ner asks of the pipeline
        vocab = nlp.vocab

        @staticmethod
        def get_pipe(name: str) -> Any:
            return Counting

    results: dict[str, dict[str, Any]] = {}
    for _ in range(args.repeat):
        for name in args.set or DEFAULT_SETS:
            settings = Settings().evolve(options=_options(name))
            left, right = nlp_windows.margins(settings)
            spans = nlp_windows.key_spans(settings, resources.gazetteer)
            windows = [nlp_windows.merge_windows(spans(d), len(d), left, right) for d in docs]
            fresh = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]
            seen[0] = 0
            c = time.process_time()
            nlp_windows.run_ner(Model, fresh, windows, 32)  # type: ignore[arg-type]
            ms = 1000 * (time.process_time() - c) / len(docs)
            row = results.setdefault(name or "defaults", {"ms": []})
            row["windows_share"] = round(sum(b - a for w in windows for a, b in w) / tokens, 3)
            row["through_ner_share"] = round(seen[0] / tokens, 3)
            row["ms"].append(round(ms, 1))
    for row in results.values():
        row["median_ms"] = statistics.median(row["ms"])
    print(json.dumps({"docs": args.docs, "tokens": tokens, "sets": results}, indent=1))


if __name__ == "__main__":
    main()
