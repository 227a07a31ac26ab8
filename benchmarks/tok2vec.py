"""spaCy's tok2vec against dateline's (:mod:`dateline.nlp_tok2vec`), in CPU time.

    python3 benchmarks/tok2vec.py                      # 300 articles, 3 rounds
    python3 benchmarks/tok2vec.py --docs 300 --rounds 3 --skip-pipeline

Prints, as a table and as JSON:

- **per network** (NER's own tok2vec, the shared one, the senter's), CPU µs a token of
  ``model.predict`` (spaCy) and of :class:`~dateline.nlp_tok2vec.FastTok2Vec` with an empty
  embedding cache (a first pass over the corpus) and with a warm one, with BLIS' and with numpy's
  matrix product, over the corpus's texts tokenized, in batches of 32; whether the vectors equal
  spaCy's bit for bit (BLIS) and their largest difference (numpy).
- **the whole pipeline in one process**, the variants alternating ``--rounds`` times, each
  round with fresh resources (empty caches: a first pass; the model and gazetteer loaded once
  before): option ``nlp.tok2vec`` = "spacy" against "dateline" with ``nlp.gemm`` = "blis" and
  "numpy": CPU ms an article of the whole pipeline and of the NLP step (medians), and the
  number of documents whose places, events, times or actors differ from spaCy's variant.

Corpus: the texts ``benchmarks/side_by_side.py`` builds (the news of ``../shared/eval/geo``).
CPU time (``time.process_time``) survives a machine shared with other work.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from side_by_side import source_texts


def _networks(nlp: Any) -> dict[str, Any]:
    return {
        "ner": nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0],
        "tok2vec": nlp.get_pipe("tok2vec").model,
        "senter": nlp.get_pipe("senter").model.layers[0],
    }


def per_network(nlp: Any, texts: list[str]) -> dict[str, dict[str, float | bool]]:
    import numpy as np

    from dateline.nlp_tok2vec import FastTok2Vec

    docs = [nlp.make_doc(t) for t in texts]
    batches = [docs[i : i + 32] for i in range(0, len(docs), 32)]
    tokens = sum(len(d) for d in docs)
    out: dict[str, dict[str, float | bool]] = {}
    for name, t2v in _networks(nlp).items():
        row: dict[str, float | bool] = {}
        start = time.process_time()
        theirs = [t2v.predict(b) for b in batches]
        row["spacy_us"] = 1e6 * (time.process_time() - start) / tokens
        for gemm in ("blis", "numpy"):
            fast = FastTok2Vec(t2v, gemm)
            for label in ("cold", "warm"):
                start = time.process_time()
                ours = [fast.predict(b) for b in batches]
                row[f"{gemm}_{label}_us"] = 1e6 * (time.process_time() - start) / tokens
            pairs = [(a, b) for x, y in zip(theirs, ours, strict=True) for a, b in zip(x, y, strict=True)]
            if gemm == "blis":
                row["blis_identical"] = all(np.array_equal(a.view("uint32"), b.view("uint32")) for a, b in pairs)
            else:
                row["numpy_max_diff"] = max(float(np.abs(a - b).max()) for a, b in pairs if len(a))
            row["keys_per_token"] = len(fast.cache) / tokens
        out[name] = row
    return out


def pipeline_ab(texts: list[str], rounds: int) -> dict[str, Any]:
    from dateline import Pipeline, RawInput, Settings
    from dateline.resources import Resources

    base = Resources(Settings(batch_size=32))
    nlp, gaz = base.nlp(), base.gazetteer()
    inputs = [RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts)]
    variants = {"spacy": (("nlp.tok2vec", "spacy"),), "dateline+blis": (("nlp.gemm", "blis"),),
                "dateline+numpy": (("nlp.gemm", "numpy"),)}
    times: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    outputs: dict[str, list[Any]] = {}
    for r in range(rounds):
        for name, options in variants.items():
            settings = Settings(batch_size=32, options=options)
            pipe = Pipeline.from_settings(settings, Resources(settings, nlp=nlp, gazetteer=gaz))
            per_stage: collections.Counter[str] = collections.Counter()
            guarded = pipe._run_guarded

            def timed(stage: Any, docs: Any, guarded: Any = guarded, per_stage: Any = per_stage) -> Any:
                start = time.process_time()
                try:
                    return guarded(stage, docs)
                finally:
                    per_stage[stage.name] += time.process_time() - start

            pipe._run_guarded = timed  # type: ignore[method-assign]
            start = time.process_time()
            done = list(pipe.pipe(iter(inputs)))
            total = time.process_time() - start
            times[name].append((1000 * total / len(texts), 1000 * per_stage["nlp"] / len(texts)))
            outputs.setdefault(name, [(repr(o.document.places), repr(o.document.events), repr(o.document.timexes),
                                       repr(o.document.actors)) if o.document else None for o in done])
            print(f"round {r} {name:15s} total {times[name][-1][0]:6.2f}  nlp {times[name][-1][1]:6.2f} "
                  "CPU ms/article", flush=True)
    ref = outputs["spacy"]
    return {name: {"total_ms": round(statistics.median(t for t, _ in times[name]), 2),
                   "nlp_ms": round(statistics.median(n for _, n in times[name]), 2),
                   "rounds": [[round(t, 2), round(n, 2)] for t, n in times[name]],
                   "documents_differing_from_spacy": sum(a != b for a, b in zip(ref, outputs[name], strict=True))}
            for name in variants}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-pipeline", action="store_true")
    args = parser.parse_args()
    texts = list(source_texts())
    texts = (texts * (args.docs // max(len(texts), 1) + 1))[: args.docs]

    from dateline import Settings
    from dateline.nlp import load_model

    nlp = load_model(Settings())  # (dateline's process settings: one-thread native pools)
    result: dict[str, Any] = {"docs": len(texts), "per_network_us_per_token": per_network(nlp, texts)}
    print(f"{'network':8s} {'spaCy':>7s} {'blis cold':>10s} {'blis warm':>10s} {'numpy cold':>11s} "
          f"{'numpy warm':>11s}  (CPU µs a token)")
    for name, row in result["per_network_us_per_token"].items():
        print(f"{name:8s} {row['spacy_us']:7.2f} {row['blis_cold_us']:10.2f} {row['blis_warm_us']:10.2f} "
              f"{row['numpy_cold_us']:11.2f} {row['numpy_warm_us']:11.2f}  blis identical: {row['blis_identical']}, "
              f"numpy max diff {row['numpy_max_diff']:.1e}, cache keys a token {row['keys_per_token']:.2f}")
    if not args.skip_pipeline:
        result["pipeline_cpu_ms_per_article"] = pipeline_ab(texts, args.rounds)
        for name, row in result["pipeline_cpu_ms_per_article"].items():
            print(f"median {name:15s} total {row['total_ms']:6.2f}  nlp {row['nlp_ms']:6.2f}  "
                  f"documents differing from spaCy's tok2vec: {row['documents_differing_from_spacy']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
