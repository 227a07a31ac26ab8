"""dateline side by side with a bare spaCy full parse of the same texts, in one run.

    python3 benchmarks/side_by_side.py                  # 300 articles, 2 repeats
    python3 benchmarks/side_by_side.py --docs 300 --repeat 3 --big-batch 1000
    python3 benchmarks/side_by_side.py --ab-components --docs 100   # stock vs faster spaCy components

Prints, as a table and as JSON:

- **throughput** in documents per CPU-second of a bare ``en_core_web_sm`` full pipeline
  (``nlp.pipe(texts, batch_size=32)``) and of the whole dateline pipeline over the same
  texts, and their ratio (dateline / spaCy). Both run under the same process settings: the
  bare spaCy child loads the model through ``dateline.nlp.load_model`` too, which applies
  :mod:`dateline.process_tuning` (native thread pools to one thread, malloc keeping its
  memory), so that the ratio measures dateline, not those settings. The bare
  spaCy parse with the stock process settings (``process.stock``) is measured too and printed,
  labelled; ``--ab-process`` also runs dateline with the stock process settings (before/after).
  Each measurement is a fresh process (a *first pass*: no warm caches), the model loaded
  before the clock starts; the children alternate, ``--repeat`` times. CPU time
  (``time.process_time``) survives a machine shared with other work, wall time does not: the
  ratio is taken of CPU-time rates.
- **peak RSS** of a dateline process over the corpus at the default batch and at
  ``--big-batch`` documents per batch (memory must not grow with the batch).
- with ``--ab-components`` instead: dateline with spaCy's stock attribute ruler and
  lemmatizer against dateline with their faster twins (``dateline.nlp_speed``), in one
  process, alternating, CPU seconds per pass.
- **cold start**: wall and CPU seconds of ``dateline extract`` of one article
  (``examples/afp_alqaim_2019.txt``) in a fresh process, gazetteer index built beforehand.
- dateline's **CPU per stage** in ms per document (the NLP step is ``nlp``). $DATELINE_NLP_NER=all
  measures NER over the whole text instead of its windows (likewise $DATELINE_NLP_PARSE=all).

The corpus is built offline: the news texts of ``../shared/eval/geo`` (GeoWebNews and
TR-News) when ``../shared`` is there, else the repo's bundled examples, cycled to ``--docs``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "afp_alqaim_2019.txt"


def source_texts() -> list[str]:
    shared = REPO.parent / "shared" / "eval" / "geo"
    texts = []
    for path in sorted(shared.glob("*.jsonl")) if shared.is_dir() else []:
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts or [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]


def build_corpus(path: Path, n: int) -> dict[str, int]:
    texts = list(itertools.islice(itertools.cycle(source_texts()), n))
    path.write_text(json.dumps(texts), encoding="utf-8")
    return {"documents": n, "words": sum(len(t.split()) for t in texts)}


# --- the measured children -------------------------------------------------------------


#: the option that leaves the process settings stock (dateline.process_tuning)
STOCK_PROCESS = (("process.stock", True),)


def _child(
    kind: str, corpus: Path, batch: int, parse: str | None, warm: bool = False, stock_process: bool = False
) -> dict[str, float]:
    texts: list[str] = json.loads(corpus.read_text(encoding="utf-8"))
    process_options = STOCK_PROCESS if stock_process else ()
    c0 = time.process_time()
    if kind == "spacy":
        import spacy

        from dateline.nlp import load_model
        from dateline.settings import Settings

        nlp = load_model(Settings(options=process_options))
        load = time.process_time() - c0
        c1, w1 = time.process_time(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        assert spacy  # the same model package dateline loads
        cpu, wall = time.process_time() - c1, time.perf_counter() - w1
        if warm:  # a second pass in the same process: warm caches
            c2 = time.process_time()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            warm_cpu = time.process_time() - c2
    else:
        from dateline import Pipeline, RawInput, Settings
        from dateline.resources import Resources

        settings = Settings(batch_size=batch, options=process_options)
        if parse:
            settings = settings.evolve(options=(("nlp.parse", parse), *process_options))
        resources = Resources(settings)
        pipeline = Pipeline.from_settings(settings, resources)
        resources.nlp()
        resources.gazetteer()
        load = time.process_time() - c0
        stage_cpu: dict[str, float] = {}
        run_guarded = pipeline._run_guarded

        def timed(stage: Any, docs: list[Any]) -> list[Any]:  # CPU seconds per stage (the NLP step's share)
            c = time.process_time()
            try:
                return run_guarded(stage, docs)
            finally:
                stage_cpu[stage.name] = stage_cpu.get(stage.name, 0.0) + time.process_time() - c

        pipeline._run_guarded = timed  # type: ignore[method-assign]
        c1, w1 = time.process_time(), time.perf_counter()
        inputs = (RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts))
        failed = sum(1 for outcome in pipeline.pipe(inputs) if not outcome.ok)
        assert failed == 0, f"{failed} documents failed"
        cpu, wall = time.process_time() - c1, time.perf_counter() - w1
        stage_ms = {name: round(1000 * v / len(texts), 1) for name, v in stage_cpu.items()}
        if warm:
            c2 = time.process_time()
            inputs = (RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts))
            assert all(outcome.ok for outcome in pipeline.pipe(inputs))
            warm_cpu = time.process_time() - c2
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out = {"docs": len(texts), "cpu": cpu, "wall": wall, "load_cpu": load, "peak_rss_mib": usage.ru_maxrss / 1024,
           "sys_cpu": usage.ru_stime, "minor_faults": usage.ru_minflt}  # fmt: skip
    if warm:
        out["warm_cpu"] = warm_cpu
    if kind != "spacy":
        out["stage_cpu_ms_per_doc"] = stage_ms  # type: ignore[assignment]
    return out


def run_child(
    kind: str,
    corpus: Path,
    batch: int = 32,
    parse: str | None = None,
    warm: bool = False,
    ner: str | None = None,
    stock_process: bool = False,
) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--batch", str(batch)]
    if parse:
        cmd += ["--parse", parse]
    if warm:
        cmd += ["--warm"]
    if stock_process:
        cmd += ["--stock-process"]
    env = _env()
    if ner:
        env["DATELINE_NLP_NER"] = ner
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"{kind} child failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    return env


def cold_start(repeat: int) -> list[dict[str, float]]:
    """``dateline extract`` of one article, each in a fresh process: wall and CPU seconds (after one
    unmeasured run that writes the caches a first run leaves: regular expressions, bytecode).
    ``benchmarks/cold_start.py`` measures it in more detail (floors, phases, empty caches)."""
    runs = []
    subprocess.run([sys.executable, "-m", "dateline", "extract", str(EXAMPLE)], check=True,
                   stdout=subprocess.DEVNULL, env=_env())  # fmt: skip
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dateline", "extract", str(EXAMPLE)], check=True,
                       stdout=subprocess.DEVNULL, env=_env())  # fmt: skip
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        runs.append({"wall": round(wall, 2), "cpu": round(cpu, 2)})
    return runs


def ab_components(corpus: Path, repeat: int) -> dict[str, list[float]]:
    """CPU seconds of the whole pipeline per pass, stock components vs the faster twins."""
    from dateline import Pipeline, RawInput, Settings
    from dateline.resources import Resources

    texts: list[str] = json.loads(corpus.read_text(encoding="utf-8"))
    pipelines = {}
    for name, options in (("stock", (("nlp.stock_components", True),)), ("fast", ())):
        settings = Settings(options=options)
        resources = Resources(settings)
        pipelines[name] = Pipeline.from_settings(settings, resources)
        resources.nlp()
        resources.gazetteer()
    times: dict[str, list[float]] = {"stock": [], "fast": []}
    for _ in range(repeat):
        for name, pipeline in pipelines.items():
            c = time.process_time()
            for _outcome in pipeline.pipe(RawInput(f"d{i}", "text", t, published="2019-09-30")
                                          for i, t in enumerate(texts)):  # fmt: skip
                pass
            times[name].append(round(time.process_time() - c, 2))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2, help="alternating spaCy/dateline measurements")
    parser.add_argument("--big-batch", type=int, default=1000, help="the large batch for the memory check")
    parser.add_argument("--parse", choices=["all", "on_demand"], help="dateline's nlp.parse option")
    parser.add_argument("--ab-components", action="store_true", help="stock vs faster spaCy components")
    parser.add_argument("--warm", action="store_true", help="also time a second pass in the same process")
    parser.add_argument("--compare-ner", action="store_true",
                        help="also run dateline with NER over the whole text (DATELINE_NLP_NER=all) each repeat")
    parser.add_argument("--no-memory", action="store_true", help="skip the big-batch memory run and cold start")
    parser.add_argument("--ab-process", action="store_true",
                        help="also run dateline with stock process settings (process.stock)")  # fmt: skip
    parser.add_argument("--stock-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=["spacy", "dateline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, default=32, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.corpus, args.batch, args.parse, args.warm, args.stock_process)))
        return
    if args.ab_components:
        sys.path.insert(0, str(REPO / "src"))
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.json"
            build_corpus(corpus, args.docs)
            print(json.dumps({"documents": args.docs, "cpu_s_per_pass": ab_components(corpus, args.repeat),
                              "load_average": [round(x, 2) for x in os.getloadavg()]}))  # fmt: skip
        return

    subprocess.run([sys.executable, "-m", "dateline", "gazetteer", "info"], check=True, env=_env(),
                   stdout=subprocess.DEVNULL)  # fmt: skip  # build the index first
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.json"
        info = build_corpus(corpus, args.docs)
        spacy_runs, dateline_runs, ner_all_runs, spacy_stock_runs, dateline_stock_runs = [], [], [], [], []
        for _ in range(args.repeat):
            spacy_runs.append(run_child("spacy", corpus, warm=args.warm))
            dateline_runs.append(run_child("dateline", corpus, parse=args.parse, warm=args.warm))
            spacy_stock_runs.append(run_child("spacy", corpus, stock_process=True))
            if args.ab_process:
                dateline_stock_runs.append(run_child("dateline", corpus, parse=args.parse, stock_process=True))
            if args.compare_ner:
                ner_all_runs.append(run_child("dateline", corpus, parse=args.parse, warm=args.warm, ner="all"))
        big = None if args.no_memory else run_child("dateline", corpus, batch=args.big_batch, parse=args.parse)
    cold = [] if args.no_memory else cold_start(3)

    def rate(run: dict[str, float]) -> float:
        return run["docs"] / run["cpu"]

    spacy_rate = statistics.median(rate(r) for r in spacy_runs)
    dateline_rate = statistics.median(rate(r) for r in dateline_runs)
    spacy_stock_rate = statistics.median(rate(r) for r in spacy_stock_runs)
    ratios = [rate(d) / rate(s) for s, d in zip(spacy_runs, dateline_runs, strict=True)]
    result = {
        "corpus": info,
        "parse": args.parse or "default",
        "spacy_docs_per_cpu_s": [round(rate(r), 1) for r in spacy_runs],
        "dateline_docs_per_cpu_s": [round(rate(r), 1) for r in dateline_runs],
        "ratio_per_repeat": [round(x, 2) for x in ratios],
        "ratio_of_medians": round(dateline_rate / spacy_rate, 2),
        "stock_process": {  # the bare spaCy parse (and with --ab-process dateline) without dateline.process_tuning
            "spacy_docs_per_cpu_s": [round(rate(r), 1) for r in spacy_stock_runs],
            "dateline_docs_per_cpu_s": [round(rate(r), 1) for r in dateline_stock_runs],
            "ratio_of_dateline_to_stock_spacy": round(dateline_rate / spacy_stock_rate, 2),
            "spacy_peak_rss_mib": round(spacy_stock_runs[0]["peak_rss_mib"]),
            "dateline_peak_rss_mib": round(max(r["peak_rss_mib"] for r in dateline_stock_runs))
            if dateline_stock_runs else None,
        },
        "sys_cpu_s": {"spacy": [round(r["sys_cpu"], 2) for r in spacy_runs],
                      "dateline": [round(r["sys_cpu"], 2) for r in dateline_runs],
                      "spacy_stock_process": [round(r["sys_cpu"], 2) for r in spacy_stock_runs],
                      "dateline_stock_process": [round(r["sys_cpu"], 2) for r in dateline_stock_runs]},
        "minor_faults": {"spacy": [r["minor_faults"] for r in spacy_runs],
                         "dateline": [r["minor_faults"] for r in dateline_runs],
                         "spacy_stock_process": [r["minor_faults"] for r in spacy_stock_runs],
                         "dateline_stock_process": [r["minor_faults"] for r in dateline_stock_runs]},
        "load_cpu_s": {"spacy": round(spacy_runs[0]["load_cpu"], 2),
                       "dateline": round(dateline_runs[0]["load_cpu"], 2)},
        "peak_rss_mib": {"spacy": round(spacy_runs[0]["peak_rss_mib"]),
                         "dateline_batch_32": round(max(r["peak_rss_mib"] for r in dateline_runs)),
                         f"dateline_batch_{args.big_batch}": round(big["peak_rss_mib"]) if big else None},
        "dateline_stage_cpu_ms_per_doc": [r.get("stage_cpu_ms_per_doc") for r in dateline_runs],
        "spacy_ms_per_doc": [round(1000 * r["cpu"] / r["docs"], 1) for r in spacy_runs],
        "ner": os.environ.get("DATELINE_NLP_NER") or "default",
        "cold_start_extract_one_article": cold,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip
    if ner_all_runs:  # the same corpus with NER over the whole text, in the same session
        result["ner_all"] = {
            "dateline_docs_per_cpu_s": [round(rate(r), 1) for r in ner_all_runs],
            "ratio_per_repeat": [round(rate(d) / rate(s), 2) for s, d in zip(spacy_runs, ner_all_runs, strict=True)],
            "ratio_of_medians": round(statistics.median(rate(r) for r in ner_all_runs) / spacy_rate, 2),
            "stage_cpu_ms_per_doc": [r.get("stage_cpu_ms_per_doc") for r in ner_all_runs],
        }
    if args.warm:
        pairs = zip(spacy_runs, dateline_runs, strict=True)
        warm = [s["warm_cpu"] / d["warm_cpu"] for s, d in pairs]  # same documents: the ratio of rates
        result["warm_ratio_per_repeat"] = [round(x, 2) for x in warm]
    lines = ["| | docs per CPU-second | ratio |", "|---|---|---|",
             f"| bare spaCy full parse (nlp.pipe, batch 32) | {spacy_rate:.1f} | 1.00 |",
             f"| dateline, whole pipeline | {dateline_rate:.1f} | {dateline_rate / spacy_rate:.2f} |",
             f"| (bare spaCy full parse, stock process settings) | {spacy_stock_rate:.1f} | "
             f"({dateline_rate / spacy_stock_rate:.2f}: dateline to it) |"]  # fmt: skip
    if dateline_stock_runs:
        stock_rate = statistics.median(rate(r) for r in dateline_stock_runs)
        lines.append(f"| (dateline, stock process settings) | {stock_rate:.1f} | {stock_rate / spacy_stock_rate:.2f} "
                     "(to the stock spaCy parse) |")  # fmt: skip
    print("\n".join(lines))  # the ratio: both under dateline's process settings (dateline.process_tuning)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
