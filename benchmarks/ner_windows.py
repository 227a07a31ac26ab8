"""NER in windows alone: CPU milliseconds per article and the share of tokens NER sees, per option set.

    python3 benchmarks/ner_windows.py                      # spaCy's NER decoder vs the numpy one, 3 times, alternating
    python3 benchmarks/ner_windows.py --set nlp.ner_margin=3:2 --set nlp.ner_margin=4:3,nlp.ner_steady_edges=0
    python3 benchmarks/ner_windows.py --whole              # NER on whole documents (nlp.ner = "all"), us per token

The corpus is that of ``benchmarks/side_by_side.py`` (the news texts of ``../shared/eval/geo``).
The documents are tokenized and split into sentences once; then, for each option set in turn
(``--repeat`` rounds, alternating, so that a shared machine's load falls on every set alike):
the key spans (:func:`dateline.nlp_windows.key_spans`), the windows, and NER on them
(:func:`dateline.nlp_windows.run_ner`) on fresh copies of the documents, timed in CPU time.
Printed per set: the share of the tokens inside windows, the share that went through NER
(second runs of widened windows included: deterministic, whatever the load), the median CPU
ms per article of the NER call and whether its entities are those of the first set.
``--whole``: NER on the whole documents instead (``dateline.nlp_ner.ner_pipe``), CPU
microseconds per token, per decoder (option ``nlp.ner_decoder``).
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
#: today's defaults with spaCy's own NER decoder, and with the numpy one (dateline.nlp_ner)
DEFAULT_SETS = ("nlp.ner_decoder=spacy", "")


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
    parser.add_argument("--whole", action="store_true", help="NER on whole documents, per token")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from side_by_side import source_texts
    from spacy.tokens import Doc

    from dateline import nlp_ner, nlp_windows
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
    pipe = nlp_ner.ner_pipe

    def counting(component: Any, subs: Any, batch_size: int = 256, decoder: str = "numpy") -> Any:
        subs = list(subs)  # (the NER call, counting the tokens it is given)
        seen[0] += sum(len(s) for s in subs)
        return pipe(component, subs, batch_size, decoder)

    nlp_ner.ner_pipe = counting  # type: ignore[assignment]
    results: dict[str, dict[str, Any]] = {}
    first: list[Any] = []
    for _ in range(args.repeat):
        for name in args.set or DEFAULT_SETS:
            settings = Settings().evolve(options=_options(name))
            decoder = nlp_ner.ner_decoder(settings)
            fresh = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]
            row = results.setdefault(name or "defaults", {"ms": []})
            seen[0] = 0
            if args.whole:
                c = time.process_time()
                counting(ner, fresh, 32, decoder)
                row.setdefault("us_per_token", []).append(round(1e6 * (time.process_time() - c) / tokens, 1))
            else:
                left, right = nlp_windows.margins(settings)
                spans = nlp_windows.key_spans(settings, resources.gazetteer)
                windows = [nlp_windows.merge_windows(spans(d), len(d), left, right) for d in docs]
                c = time.process_time()
                nlp_windows.run_ner(nlp, fresh, windows, 32, decoder=decoder)
                row["windows_share"] = round(sum(b - a for w in windows for a, b in w) / tokens, 3)
            row["ms"].append(round(1000 * (time.process_time() - c) / len(docs), 1))
            row["through_ner_share"] = round(seen[0] / tokens, 3)
            ents = [[(e.start, e.end, e.label) for e in d.ents] for d in fresh]
            first = first or ents
            row["same_entities_as_first"] = ents == first
    for row in results.values():
        row["median_ms"] = statistics.median(row["ms"])
        if "us_per_token" in row:
            row["median_us_per_token"] = statistics.median(row["us_per_token"])
    print(json.dumps({"docs": args.docs, "tokens": tokens, "sets": results}, indent=1))


if __name__ == "__main__":
    main()
