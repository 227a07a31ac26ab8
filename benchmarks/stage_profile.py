"""dateline's own stages (after the NLP step) timed one by one, and a byte-for-byte output check.

    python3 benchmarks/stage_profile.py --docs 300 --repeat 3          # ms per article per stage
    python3 benchmarks/stage_profile.py --docs 150 --cprofile 40       # the hottest functions
    python3 benchmarks/stage_profile.py --dump /tmp/new.jsonl          # outputs over the eval corpora
    python3 benchmarks/stage_profile.py --dump /tmp/old.jsonl --src /path/to/other/checkout/src
    python3 benchmarks/stage_profile.py --compare /tmp/old.jsonl /tmp/new.jsonl

**Timing.** The corpus is that of ``benchmarks/side_by_side.py`` (the news texts of
``../shared/eval/geo``). The stages up to ``nlp`` run once; the stages after it (places, time,
actors, events) then run ``--repeat`` times over fresh copies of those documents, and the two
before it (article, language) over fresh copies of the raw inputs (their "first pass" is not
one: preparing the documents ran them once), each stage timed on its own in CPU time
(``time.process_time``, which survives a shared machine): CPU milliseconds per article on the
first pass (lexicons, regular expressions and lookup caches built on the way, as in
``side_by_side.py``) and on the fastest later, warm pass (the least disturbed on a shared
machine).
``--cprofile`` profiles one pass before the timed ones (which are then all warm).

**Identical outputs.** ``--dump`` runs the whole pipeline over the inputs of the evaluation
tasks (GeoWebNews and TR-News, the news articles, the ACLED notes, the CASE snippets, the
TimeBank texts: the same ``RawInput`` the ``dateline eval`` command builds) and writes one JSON
line per document: the contract's document (``document_to_dict``, as ``dateline extract``
writes it) plus its actors. ``--src`` runs it with another source tree first on the path (a
checkout of main). ``--compare`` says whether two dumps are byte-identical and, if not, which
documents and fields differ; the exit status is 1 on any difference.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OWN_STAGES = ("places", "time", "actors", "events")
#: dateline's own stages before the NLP step, timed over fresh copies of the raw inputs
PRE_STAGES = ("article", "language")
#: the evaluation tasks whose inputs the dump covers, with their gold files (relative to shared/)
DUMP_TASKS = (
    ("geo", "eval/geo/gwn.jsonl"),
    ("geo", "eval/geo/trnews.jsonl"),
    ("news", "eval/events/news_dev.jsonl"),
    ("acled", "eval/events/acled_notes_dev.jsonl"),
    ("events", "eval/events/case2021_dev.tsv"),
    ("time", "eval/time/timebank.jsonl"),
)


def _corpus(n: int) -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from side_by_side import source_texts

    texts = source_texts()
    return [texts[i % len(texts)] for i in range(n)]


def _raw(texts: list[str]) -> list[Any]:
    """The documents as the pipeline starts them (inputs only)."""
    from dateline import RawInput
    from dateline.records import Article, Document

    docs = []
    for i, text in enumerate(texts):
        raw = RawInput(f"d{i}", "text", text, published="2019-09-30")
        docs.append(Document(raw.id, Article(raw.id, body=""), annotations={"raw": raw}))
    return docs


def _run_pre(pipeline: Any, raw: list[Any], times: dict[str, float]) -> None:
    """The stages before the NLP step over fresh copies of the raw documents, timed stage by stage."""
    from dateline.records import Article, Document

    docs = [Document(d.id, Article(d.id, body=""), annotations=dict(d.annotations)) for d in raw]
    for stage in pipeline.stages:
        if stage.name not in PRE_STAGES:
            continue
        c = time.process_time()
        docs = [stage(doc) for doc in docs]
        times[stage.name] = times.get(stage.name, 0.0) + time.process_time() - c


def _parsed(texts: list[str]) -> tuple[Any, list[Any]]:
    """The pipeline and the documents after its NLP step (computed once)."""
    from dateline import Pipeline, Settings
    from dateline.resources import Resources

    settings = Settings()
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources)
    resources.nlp()
    resources.gazetteer()
    docs = _raw(texts)
    for stage in pipeline.stages:
        if stage.name in OWN_STAGES:
            continue
        results = pipeline._run_stage(stage, docs)
        assert all(not isinstance(r, Exception) for r in results), "a document failed before the own stages"
        docs = results
    return pipeline, docs


def _fresh(docs: list[Any]) -> list[Any]:
    """Copies the own stages may change (the spaCy documents are shared, they only read them)."""
    from dateline.records import Document

    return [Document(d.id, copy.deepcopy(d.article), annotations=dict(d.annotations)) for d in docs]


def _run_own(pipeline: Any, docs: list[Any], times: dict[str, float] | None = None) -> None:
    for stage in pipeline.stages:
        if stage.name not in OWN_STAGES:
            continue
        c = time.process_time()
        for doc in docs:
            stage(doc)
        if times is not None:
            times[stage.name] = times.get(stage.name, 0.0) + time.process_time() - c


def profile(n: int, repeat: int, top: int) -> dict[str, Any]:
    texts = _corpus(n)
    pipeline, docs = _parsed(texts)
    if top:
        fresh = _fresh(docs)
        prof = cProfile.Profile()
        prof.enable()
        _run_own(pipeline, fresh)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
        print(out.getvalue())
    runs: list[dict[str, float]] = []
    raw = _raw(texts)
    for _ in range(repeat):
        fresh = _fresh(docs)
        times: dict[str, float] = {}
        _run_pre(pipeline, raw, times)
        _run_own(pipeline, fresh, times)
        runs.append(times)
    first = {name: round(1000 * runs[0][name] / n, 2) for name in runs[0]}
    warm = {name: round(1000 * min(r[name] for r in runs[1:] or runs) / n, 2) for name in runs[0]}
    return {
        "documents": n,
        "repeat": repeat,
        "first_pass_ms_per_article": first,
        "first_pass_total": round(sum(first.values()), 2),
        "warm_ms_per_article": warm,
        "warm_total": round(sum(warm.values()), 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def dump(out_path: Path) -> dict[str, int]:
    from dateline import Pipeline, Settings
    from dateline.evaluation import gold_inputs
    from dateline.records import document_to_dict

    pipeline = Pipeline.from_settings(Settings())
    counts: dict[str, int] = {}
    with out_path.open("w", encoding="utf-8") as out:
        for task, gold in DUMP_TASKS:
            inputs = gold_inputs(task, SHARED / gold)
            for outcome in pipeline.pipe(inputs):
                if outcome.document is None:
                    obj: dict[str, Any] = {"id": outcome.id, "error": str(outcome.error)}
                else:
                    obj = document_to_dict(outcome.document)
                    obj["actors"] = [asdict(a) for a in outcome.document.actors]
                out.write(json.dumps({"task": task, "gold": gold, **obj}, ensure_ascii=False) + "\n")
                counts[gold] = counts.get(gold, 0) + 1
    return counts


def compare(old: Path, new: Path) -> int:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"different number of documents: {len(a)} vs {len(b)}")
        return 1
    differ = 0
    for line_a, line_b in zip(a, b, strict=True):
        if line_a == line_b:
            continue
        differ += 1
        da, db = json.loads(line_a), json.loads(line_b)
        fields = sorted(k for k in set(da) | set(db) if da.get(k) != db.get(k))
        if differ <= 20:
            print(f"{da.get('gold')} {da.get('id')}: differs in {', '.join(fields)}")
    print(json.dumps({"documents": len(a), "identical": len(a) - differ, "different": differ}))
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the N hottest functions")
    parser.add_argument("--dump", type=Path, metavar="OUT", help="write outputs over the eval corpora")
    parser.add_argument("--src", type=Path, help="with --dump: run with this source tree first on the path")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if args.dump and args.src:
        env = dict(os.environ, PYTHONPATH=str(args.src.resolve()))
        sys.exit(subprocess.run([sys.executable, __file__, "--dump", str(args.dump)], env=env).returncode)
    if args.dump:
        print(json.dumps(dump(args.dump)))
        return
    print(json.dumps(profile(args.docs, args.repeat, args.cprofile)))


if __name__ == "__main__":
    main()
