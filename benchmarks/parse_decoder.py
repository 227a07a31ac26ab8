"""The on-demand parse's parser step: spaCy's own decoder against dateline.nlp_parse, in CPU time.

    python3 benchmarks/parse_decoder.py --docs 300 --repeat 5
    python3 benchmarks/parse_decoder.py --component ner     # the same decoder on NER (not wired)

Builds the sub-documents parse on demand gives the parser (the chosen sentences of the corpus of
``benchmarks/side_by_side.py``, in batches of 32 articles, tok2vec and tagger run), then times,
alternating, CPU milliseconds per article (the fastest of ``--repeat`` passes: the least disturbed
on a shared machine):

- ``spacy``: ``parser.pipe(subs, batch_size=32)`` (what parse on demand ran before);
  ``spacy_predict`` its ``model.predict`` on the same groups of 8 (tok2vec listener + the
  precomputed lower layer), ``spacy_greedy`` its ``predict`` (that + the Cython loop): the loop
  is their difference;
- ``numpy``: :func:`dateline.nlp_parse.parse` on the same sub-documents; ``numpy_r7`` the same
  decode stepped by the public :func:`dateline.nlp_parse.step_scores` (round 7's step: context
  tokens, ``sum_features``, maxout, ``upper_scores``), what round 10 cut the per-step overhead of;

each on fresh copies of the sub-documents (made before the clock starts), and whether the heads, labels and
sentence starts are identical (with ``--component ner``: the entities; parse on demand does not
use the decoder for NER, this only measures what it would do there).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def sub_documents(nlp: Any, texts: list[str], batch: int = 32) -> list[list[Any]]:
    """The tok2vec'd and tagged sub-documents of parse on demand, one list per batch of articles."""
    from dateline import nlp_demand as nd
    from dateline.settings import Settings

    select = nd.parse_selector(Settings())
    out = []
    for i in range(0, len(texts), batch):
        docs = nd._split(nlp, [nlp.make_doc(t) for t in texts[i : i + batch]], batch)
        chosen = [(k, a, b) for k, d in enumerate(docs) for a, b, text in nd._sentence_texts(d, nd._sentences(d))
                  if select(text)]  # fmt: skip
        subs = nd._sub_docs(nlp, docs, chosen)
        for name in ("tok2vec", "tagger"):
            subs = list(nlp.get_pipe(name).pipe(subs, batch_size=batch))
        out.append(subs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--component", choices=["parser", "ner"], default="parser")
    args = ap.parse_args()
    from side_by_side import source_texts
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START

    from dateline import nlp_parse as np_parse
    from dateline.nlp import load_model
    from dateline.nlp_parse import parse
    from dateline.settings import Settings

    nlp = load_model(Settings())
    parser: Any = nlp.get_pipe(args.component)
    texts = list(itertools.islice(itertools.cycle(source_texts()), args.docs))
    batches = sub_documents(nlp, texts)

    def by_eight(fn: Callable[[list[Any]], Any]) -> Callable[[list[Any]], None]:
        def run(subs: list[Any]) -> None:
            ordered = sorted(subs, key=len)
            for j in range(0, len(ordered), 8):
                fn(ordered[j : j + 8])

        return run

    def predict_only(docs: list[Any]) -> None:
        parser.model.predict(docs).clear_memory()

    def round7(docs: list[Any]) -> None:
        parser._ensure_labels_are_added(docs)
        weights = np_parse.read_step_weights(parser.model)
        cached = np_parse.precompute(parser.model, docs, weights)
        states = parser.moves.init_batch(docs)
        active = [s for s in states if not s.is_final()]
        while active:
            ids = np_parse._token_ids(active, weights.nF)
            active = parser.transition_states(active, np_parse.step_scores(cached, ids, weights))
        parser.set_annotations(docs, states)

    runs: dict[str, Callable[[list[Any]], Any]] = {
        "spacy": lambda subs: list(parser.pipe(subs, batch_size=32)),
        "spacy_predict": by_eight(predict_only),
        "spacy_greedy": by_eight(parser.predict),
        "numpy": lambda subs: parse(parser, subs),
        "numpy_r7": round7,
    }
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            copies = [[d.copy() for d in b] for b in batches]
            c = time.process_time()
            for b in copies:
                fn(b)
            best[name] = min(best[name], time.process_time() - c)
    ms = {name: round(1000 * v / args.docs, 2) for name, v in best.items()}
    attrs = [HEAD, DEP, SENT_START] if args.component == "parser" else [ENT_IOB, ENT_TYPE]
    ref = [d.to_array(attrs) for b in batches for d in parser.pipe([x.copy() for x in b], batch_size=32)]
    new = [d.to_array(attrs) for b in batches for d in parse(parser, [x.copy() for x in b])]
    result = {
        "component": args.component,
        "articles": args.docs,
        "sub_documents": sum(map(len, batches)),
        "tokens": sum(len(d) for b in batches for d in b),
        "cpu_ms_per_article": ms,
        "spacy_loop_ms": round(ms["spacy_greedy"] - ms["spacy_predict"], 2),
        "identical": all((a == b).all() for a, b in zip(ref, new, strict=True)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
