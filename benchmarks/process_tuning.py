"""What dateline.process_tuning saves: CPU per document under each process setting, fresh processes.

    python3 benchmarks/process_tuning.py --mode ner --docs 150 --repeat 4
    python3 benchmarks/process_tuning.py --mode pipeline --docs 150 --repeat 5 --variants stock tuned
    python3 benchmarks/process_tuning.py --mode pipeline --variants dask_default dask_dateline

Each measurement is a new ``python3`` process that loads the model through
``dateline.nlp.load_model`` (the clock starts after the load) and then runs, over the corpus of
``side_by_side.py`` (``--docs`` news texts):

- ``ner``: spaCy's NER component alone over the whole documents (``nlp.pipe``, batch 32);
- ``spacy``: spaCy's full pipeline (the bare parse of side_by_side.py);
- ``pipeline``: dateline's whole pipeline.

Variants (alternating, ``--repeat`` times): ``stock`` (``process.stock``: nothing tuned),
``threads`` (native thread pools to one thread only), ``malloc`` (threads and malloc's
thresholds), ``no_huge`` (threads and no huge pages for numpy), ``tuned`` (the default: all
three), ``dask_default`` (the environment a Dask nanny gives its workers by default:
``MALLOC_TRIM_THRESHOLD_=65536``, one-thread pools), ``dask_dateline`` (the environment of the
local cluster dateline starts itself: :func:`dateline.process_tuning.child_environment`).

Printed per variant: CPU seconds (median and min), user and system CPU, minor page faults, peak
RSS, and the CPU seconds of threads other than the main one (the BLAS pool's spinning would show
there). CPU time survives a shared machine better than wall time; repeat, and note the load.
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
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

VARIANTS: dict[str, tuple[tuple[tuple[str, object], ...], dict[str, str]]] = {
    "stock": ((("process.stock", True),), {}),
    "threads": ((("process.malloc", False), ("process.hugepages", True)), {}),
    "malloc": ((("process.hugepages", True),), {}),
    "no_huge": ((("process.malloc", False),), {}),
    "tuned": ((), {}),
    "dask_default": ((), {"MALLOC_TRIM_THRESHOLD_": "65536", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                          "MKL_NUM_THREADS": "1"}),
}  # fmt: skip


def _thread_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process (Linux; empty elsewhere)."""
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for task in os.listdir("/proc/self/task") if os.path.isdir("/proc/self/task") else []:
        with open(f"/proc/self/task/{task}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        out[task] = (int(fields[11]) + int(fields[12])) / tick
    return out


def child(mode: str, docs: int, options: list[list[object]]) -> dict[str, float]:
    from side_by_side import source_texts

    from dateline.nlp import load_model
    from dateline.settings import Settings

    texts = list(itertools.islice(itertools.cycle(source_texts()), docs))
    settings = Settings(options=tuple((str(k), v) for k, v in options))
    nlp = load_model(settings)
    if mode == "pipeline":
        from dateline import Pipeline, RawInput
        from dateline.resources import Resources

        resources = Resources(settings, nlp=nlp)
        pipeline = Pipeline.from_settings(settings, resources)
        resources.gazetteer()
    before, threads_before = resource.getrusage(resource.RUSAGE_SELF), _thread_cpu()
    cpu = time.process_time()
    if mode == "pipeline":
        inputs = (RawInput(f"d{i}", "text", t, published="2019-09-30") for i, t in enumerate(texts))
        assert all(outcome.ok for outcome in pipeline.pipe(inputs))
    else:
        disable = [p for p in nlp.pipe_names if p != "ner"] if mode == "ner" else []
        with nlp.select_pipes(disable=disable):
            for _ in nlp.pipe(texts, batch_size=32):
                pass
    cpu = time.process_time() - cpu
    after, threads_after = resource.getrusage(resource.RUSAGE_SELF), _thread_cpu()
    main = str(os.getpid())
    others = sum(v - threads_before.get(k, 0.0) for k, v in threads_after.items() if k != main)
    return {"cpu": cpu, "user": after.ru_utime - before.ru_utime, "sys": after.ru_stime - before.ru_stime,
            "minor_faults": after.ru_minflt - before.ru_minflt, "peak_rss_mib": after.ru_maxrss / 1024,
            "other_threads_cpu": others}  # fmt: skip


def run(variant: str, mode: str, docs: int) -> dict[str, float]:
    if variant == "dask_dateline":
        from dateline.process_tuning import child_environment
        from dateline.settings import Settings

        options: tuple[tuple[str, object], ...] = ()
        extra = child_environment(Settings(), {}, before_start=True)
    else:
        options, extra = VARIANTS[variant]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and not k.endswith("_NUM_THREADS")}
    env.update(extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))
    cmd = [sys.executable, __file__, "--child", mode, "--docs", str(docs), "--options", json.dumps(options)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode:
        sys.exit(f"{variant} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["ner", "spacy", "pipeline"], default="pipeline")
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--variants", nargs="+", default=["stock", "threads", "tuned"],
                        choices=[*VARIANTS, "dask_dateline"])  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--options", default="[]", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.docs, json.loads(args.options))))
        return
    runs: dict[str, list[dict[str, float]]] = {v: [] for v in args.variants}
    loads = []
    for _ in range(args.repeat):
        for variant in args.variants:
            runs[variant].append(run(variant, args.mode, args.docs))
            loads.append(os.getloadavg()[0])
    print(f"| {args.mode}, {args.docs} docs | CPU s median (min) | user | sys | minor faults | peak RSS MiB "
          "| other threads CPU s |\n|---|---|---|---|---|---|---|")  # fmt: skip
    result = {}
    for variant, rs in runs.items():

        def med(key: str, rs: list[dict[str, float]] = rs) -> float:
            return statistics.median(r[key] for r in rs)

        result[variant] = {k: round(med(k), 3) for k in rs[0]} | {"cpu_min": round(min(r["cpu"] for r in rs), 3)}
        print(f"| {variant} | {med('cpu'):.2f} ({min(r['cpu'] for r in rs):.2f}) | {med('user'):.2f} "
              f"| {med('sys'):.3f} | {med('minor_faults'):.0f} | {max(r['peak_rss_mib'] for r in rs):.0f} "
              f"| {med('other_threads_cpu'):.2f} |")  # fmt: skip
    result["load_average_range"] = [round(min(loads), 2), round(max(loads), 2)]  # type: ignore[assignment]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
