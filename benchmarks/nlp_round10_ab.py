"""Round 10's byte-identical savings in the NLP step, each measured in one process against the code it replaced.

    python3 benchmarks/nlp_round10_ab.py                 # 300 articles, 5 alternating rounds
    python3 benchmarks/nlp_parts_ab.py --old-src ...     # the whole pipeline, fresh processes (noisier)

One pipeline run over the corpus of ``side_by_side.py`` records what five functions are given
(NER's decoder batches, the documents before the sentence marks, the new embedding keys of the
three tok2vec networks, the texts the literal prefilters scan, the names the places scan folds);
then each function runs on those same inputs in its new form and in the form main had before
(kept here, or numpy's own calls patched back in), in turn, ``--rounds`` times; the medians, in
CPU ms an article, are printed with their difference. The machine may be shared: both forms of
one function run back to back, so load moves them together.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))


def _old_line_starts(doc: Any) -> list[int]:
    """main's ``nlp_demand._line_starts`` before round 10 (a Python step per token)."""
    from spacy.attrs import IS_SPACE, ORTH

    from dateline.nlp_demand import _FINAL

    if not len(doc):
        return []
    strings = doc.vocab.strings
    finals = {strings.add(ch) for ch in _FINAL}
    cols = doc.to_array([ORTH, IS_SPACE]).tolist()
    starts, pending, last = [0], False, cols[0][0]
    for i in range(1, len(cols)):
        orth, space = cols[i]
        if space:
            pending = pending or "\n" in strings[orth]
        else:
            if pending and last in finals:
                starts.append(i)
            pending = False
            last = orth
    return starts


def _old_split_lines(doc: Any, lines: list[int]) -> Any:
    """main's ``nlp_demand._split_lines`` before round 10."""
    from spacy.attrs import IS_SPACE, SENT_START

    if len(doc) < 2:
        return doc
    cols = doc.to_array([IS_SPACE, SENT_START])
    marks = cols[:, 1].astype("int64").tolist()
    start_next = False
    for i, space in enumerate(cols[:, 0].tolist()):
        if not i:
            continue
        if space:
            start_next = start_next or marks[i] == 1
            marks[i] = -1
        else:
            if start_next:
                marks[i] = 1
            start_next = False
    for i in lines[1:]:
        marks[i] = 1
    doc.from_array([SENT_START], np.array(marks, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _old_fold(text: str) -> str:
    from dateline.places import normalize as pn

    text = pn._MARKS.sub("", text.translate(pn._SPECIAL))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(pn._NON_ALNUM.sub(" ", text.lower()).split())


def _old_skeleton(text: str) -> str:
    from dateline.places import normalize as pn

    words = ["l" if w in pn.ARTICLES else w for w in _old_fold(text).split()]
    key = "".join(words)
    if key.endswith("h") and len(key) > 3:
        key = key[:-1]
    return pn._REPEATS.sub(r"\1", pn._VOWELS.sub("", key))


def _record(docs: int) -> tuple[dict[str, list[Any]], Any, int]:
    """One pipeline run; the inputs of the functions measured."""
    from side_by_side import source_texts

    import dateline.nlp_demand as nd
    import dateline.nlp_ner as nn
    import dateline.nlp_windows as nw
    import dateline.places.scan as ps
    import dateline.prefilter as pf
    from dateline import Pipeline, RawInput, Settings
    from dateline.nlp_tok2vec import FastTok2Vec
    from dateline.resources import Resources

    seen: dict[str, list[Any]] = {k: [] for k in ("decode", "docs", "embed", "scan", "names", "bones", "ents")}
    decode, split, embed, present = nn.decode, nd._split, FastTok2Vec._embed, pf.LiteralScan.present
    fold, bones, set_entities = ps.fold, ps.skeleton, nw._set_entities

    def rec_decode(*a: Any) -> Any:
        seen["decode"].append(a)
        return decode(*a)

    def rec_split(nlp: Any, docs: list[Any], *a: Any) -> Any:
        out = split(nlp, docs, *a)
        seen["docs"].extend(out)
        return out

    def rec_embed(self: Any, feats: np.ndarray) -> np.ndarray:
        seen["embed"].append((self, feats.copy()))
        return embed(self, feats)

    def rec_present(self: Any, text: str) -> frozenset[str]:
        if text not in self._memo:
            seen["scan"].append((self, text))
        return present(self, text)

    def rec_fold(text: str) -> str:
        seen["names"].append(text)
        return fold(text)

    def rec_ents(doc: Any, ents: Any) -> None:
        seen["ents"].append((doc, list(ents)))
        set_entities(doc, ents)

    def rec_bones(text: str) -> str:
        seen["bones"].append(text)
        return bones(text)

    nn.decode, nd._split = rec_decode, rec_split  # type: ignore[assignment]
    FastTok2Vec._embed, pf.LiteralScan.present = rec_embed, rec_present  # type: ignore[method-assign]
    ps.fold, ps.skeleton = rec_fold, rec_bones  # type: ignore[assignment]
    nw._set_entities = rec_ents  # type: ignore[assignment]
    settings = Settings(batch_size=32)
    res = Resources(settings)
    pipe = Pipeline.from_settings(settings, res)
    nlp = res.nlp()
    res.gazetteer()
    texts = source_texts()[:docs]
    inputs = [RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts)]
    n = sum(1 for _ in pipe.pipe(iter(inputs)))
    nn.decode, nd._split, FastTok2Vec._embed, pf.LiteralScan.present = decode, split, embed, present
    ps.fold, ps.skeleton, nw._set_entities = fold, bones, set_entities
    return seen, nlp, n


def _old_scan(scanner: Any, text: str) -> frozenset[str]:
    """``LiteralScan.present`` before round 10: a zero-width lookahead tried at every position."""
    names = set(scanner.always)
    for m in scanner._old.finditer(text):
        names |= scanner._names[m.group(1)]
    return frozenset(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import dateline.nlp_ner as nn
    from dateline.nlp_demand import _line_starts, _split_lines
    from dateline.nlp_windows import _set_entities
    from dateline.places.normalize import fold, skeleton
    from dateline.prefilter import _cached_trie

    seen, nlp, n = _record(args.docs)
    for scanner in {id(s): s for s, _ in seen["scan"]}.values():
        scanner._old = re.compile("(?=(" + _cached_trie(sorted(scanner._names)) + "))")
    names, skeletons = list(dict.fromkeys(seen["names"])), list(dict.fromkeys(seen["bones"]))
    labels, unique_rows = nn._labels, nn._unique_rows

    def numpy_tables(on: bool) -> None:
        nn._labels = (lambda m: np.unique(m.label[m.label != 0])) if on else labels  # type: ignore[assignment]
        nn._unique_rows = (lambda k: np.unique(k, axis=0, return_inverse=True)) if on else unique_rows  # type: ignore

    def run_decode(old: bool) -> None:
        numpy_tables(old)
        for a in seen["decode"]:
            nn.decode(*a)
        numpy_tables(False)

    def run_lines(old: bool) -> None:
        starts, split = (_old_line_starts, _old_split_lines) if old else (_line_starts, _split_lines)
        for doc in seen["docs"]:
            split(doc, starts(doc))

    def run_embed(old: bool) -> None:
        for fast, feats in seen["embed"]:
            if old:
                mix = fast._t2v_mix
                mix.predict(fast._hash.predict(feats))
            else:
                fast._embed(feats)

    def run_scan(old: bool) -> None:
        for scanner, text in seen["scan"]:
            if old:
                _old_scan(scanner, text)
            else:
                scanner._memo.clear()
                scanner.present(text)

    def run_ents(old: bool) -> None:
        from spacy.tokens import Span

        for doc, ents in seen["ents"]:
            if old:
                doc.set_ents([Span(doc, a, z, label=label) for a, z, label in ents], default="outside")
            else:
                _set_entities(doc, ents)

    def run_names(old: bool) -> None:
        fold.cache_clear()
        skeleton.cache_clear()
        for t in names:
            _old_fold(t) if old else fold(t)
        for t in skeletons:
            _old_skeleton(t) if old else skeleton(t)

    for fast, _ in seen["embed"]:  # thinc's mix layer, as main called it
        fast._t2v_mix = next(m.layers[0].layers[3].layers[0] for m in _models(nlp)
                             if m.layers[0].layers[2].layers[0] is fast._hash)
    parts: dict[str, Callable[[bool], None]] = {
        "NER decoder tables (nlp_ner.decode)": run_decode,
        "line starts + sentence marks (nlp_demand)": run_lines,
        "embed of new keys, 3 tok2vecs (nlp_tok2vec)": run_embed,
        "literal prefilter scans (prefilter)": run_scan,
        "NER entities written back (nlp_windows)": run_ents,
        "fold + skeleton of scanned names (places.normalize)": run_names,
    }
    print(f"CPU ms an article, {n} articles, median of {args.rounds} alternating rounds (same inputs)")
    print(f"{'part':<52} {'main':>7} {'round 10':>9} {'change':>7}")
    total_old = total_new = 0.0
    for label, run in parts.items():
        times: dict[bool, list[float]] = {True: [], False: []}
        for r in range(args.rounds):
            for old in (True, False) if r % 2 == 0 else (False, True):
                c = time.process_time()
                run(old)
                times[old].append(1000 * (time.process_time() - c) / n)
        old_ms, new_ms = statistics.median(times[True]), statistics.median(times[False])
        total_old, total_new = total_old + old_ms, total_new + new_ms
        print(f"{label:<52} {old_ms:7.3f} {new_ms:9.3f} {new_ms - old_ms:+7.3f}")
    print(f"{'together':<52} {total_old:7.3f} {total_new:9.3f} {total_new - total_old:+7.3f}")


def _models(nlp: Any) -> list[Any]:
    return [nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0], nlp.get_pipe("tok2vec").model,
            nlp.get_pipe("senter").model.layers[0]]


if __name__ == "__main__":
    main()
