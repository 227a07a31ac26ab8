"""The NLP step's parts on a first pass, this tree against another checkout, fresh processes in turn.

    python3 benchmarks/nlp_parts_ab.py --old-src /path/to/main/src              # 300 articles, 3 rounds
    python3 benchmarks/nlp_parts_ab.py --old-src /path/to/main/src --rounds 5 --docs 150

Each measurement is a fresh process (a *first pass*: new words become lexemes, the gazetteer's
look-ups and the lemmatizer's memo start empty) running the whole pipeline over the corpus of
``side_by_side.py`` in batches of 32, its model and gazetteer loaded before the clock. The
functions of the NLP step are wrapped by name and timed in CPU time (``time.process_time``):
the tokenizer (``nlp_demand._made``), the sentence split, the parse selection (the test
``parse_selector`` returns), the sub-documents, the rule components, NER's windows and scans
(``nlp_windows``), the parser's decoder, spaCy's tok2vec and tagger; and each stage. The two
trees alternate, ``--rounds`` times each (a machine shared with other work disturbs both alike;
compare medians). Prints a table and, with ``--json``, the raw figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = r"""
import collections, json, sys, time
sys.path.insert(0, BENCH)
from side_by_side import source_texts
from dateline import Pipeline, RawInput, Settings
from dateline.resources import Resources
import dateline.nlp as dn
import dateline.nlp_demand as nd
import dateline.nlp_windows as nw
import dateline.nlp_parse as npar

T = collections.Counter()

def timed(f, label):
    def g(*a, **k):
        c = time.process_time()
        try:
            return f(*a, **k)
        finally:
            T[label] += time.process_time() - c
    return g

for mod, names in ((nd, ["_made", "_split", "_sentence_texts", "_sub_docs", "_rules", "parse_on_demand"]),
                   (nw, ["run_ner", "place_spans", "actor_spans", "merge_windows"]), (npar, ["parse"])):
    for name in names:
        if hasattr(mod, name):
            setattr(mod, name, timed(getattr(mod, name), name))
dn.parse_on_demand = nd.parse_on_demand
selector = nd.parse_selector
dn.parse_selector = lambda settings: timed(selector(settings), "select")
texts = source_texts()[:DOCS]
settings = Settings(batch_size=32)
res = Resources(settings)
pipe = Pipeline.from_settings(settings, res)
nlp = res.nlp()
res.gazetteer()
for name in ("tok2vec", "tagger"):
    if name in nlp.pipe_names:
        proc = nlp.get_pipe(name)
        def run(docs, _orig=proc.pipe, _name=name, **k):
            c = time.process_time()
            out = list(_orig(docs, **k))
            T[_name] += time.process_time() - c
            return iter(out)
        proc.pipe = run
stages = collections.Counter()
guarded = pipe._run_guarded
def stage_timed(stage, docs):
    c = time.process_time()
    try:
        return guarded(stage, docs)
    finally:
        stages[stage.name] += time.process_time() - c
pipe._run_guarded = stage_timed
inputs = [RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts)]
c = time.process_time()
n = sum(1 for _ in pipe.pipe(iter(inputs)))
total = time.process_time() - c
out = {"total": total, **{"stage " + k: v for k, v in stages.items()}, **dict(T)}
print("RESULT " + json.dumps({k: 1000 * v / n for k, v in out.items()}))
"""


def _run(src: Path, docs: int) -> dict[str, float]:
    code = _CHILD.replace("BENCH", repr(str(REPO / "benchmarks"))).replace("DOCS", str(docs))
    env = dict(os.environ, PYTHONPATH=str(src))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode or not lines:
        raise SystemExit(f"the run with {src} failed:\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT "):])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-src", type=Path, required=True, help="the other checkout's src folder")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="also print every run's figures")
    args = parser.parse_args()
    trees = {"old": args.old_src.resolve(), "new": REPO / "src"}
    runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    for r in range(args.rounds):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            runs[name].append(_run(trees[name], args.docs))
            print(f"round {r + 1} {name}: {runs[name][-1]['total']:.2f} CPU ms an article", file=sys.stderr, flush=True)
    keys = sorted({k for side in runs.values() for run in side for k in run}, key=lambda k: -runs["old"][0].get(k, 0))
    print(f"CPU ms an article, first pass, {args.docs} articles, median of {args.rounds} fresh processes each")
    print(f"{'part':<20} {'old':>8} {'new':>8} {'new-old':>8}")
    for key in keys:
        old = statistics.median(run.get(key, 0.0) for run in runs["old"])
        new = statistics.median(run.get(key, 0.0) for run in runs["new"])
        print(f"{key:<20} {old:8.2f} {new:8.2f} {new - old:+8.2f}")
    if args.json:
        print(json.dumps(runs))


if __name__ == "__main__":
    main()
