"""Cold start of ``dateline extract`` of one article: wall and CPU seconds over fresh processes.

    python3 benchmarks/cold_start.py                 # 7 runs of each measurement, medians
    python3 benchmarks/cold_start.py --runs 11 --phases
    python3 benchmarks/cold_start.py --src /tmp/old/src   # another checkout's sources (before/after)

Measures, each run a new ``python3`` process (the gazetteer index is built beforehand; the
example is ``examples/afp_alqaim_2019.txt``):

- ``extract``: ``python3 -m dateline extract EXAMPLE`` — the figure of issue 14 (≤ 1.5 s wall);
- ``floor_spacy``: ``python3 -c "import spacy; spacy.load(MODEL)"`` — spaCy's own import and
  model load, the part of the cold start dateline does not control;
- ``floor_spacy_as_dateline_loads_it``: ``dateline.nlp.load_model`` alone (spaCy imported
  without its command line, the model loaded without the throw-away default tokenizer);
- ``floor_python``: ``python3 -c pass`` — the interpreter and its site packages;

wall seconds (``time.perf_counter`` around the child) and CPU seconds (user + system of the
child, from ``getrusage``): the median, min and max over ``--runs``. With ``--phases`` also
one in-process breakdown per run (CPU seconds, median): importing the CLI, ``import spacy``,
the model load, building the pipeline, the gazetteer, the first document stage by stage.
CPU time survives a shared machine; wall time does not — note the load average printed.

Python compiles a module's source on every import when there is no ``.pyc`` for it and
``PYTHONDONTWRITEBYTECODE`` is set (this machine sets it; a pip install, or a first run
otherwise, leaves ``.pyc`` files): ``--bytecode cached`` (default) measures with dateline's
bytecode caches written and used, ``--bytecode none`` with them removed and not written.
A warm-up run comes first (it also writes the regular-expression cache, :mod:`dateline.regex_cache`);
``extract_regex_cache_empty`` is the extract with that cache file removed before each run,
as the first run after an install.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "afp_alqaim_2019.txt"


SRC = REPO / "src"
#: "cached": Python's bytecode caches (``__pycache__``) written and used; "none": removed and not written
BYTECODE = "cached"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if BYTECODE == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def default_cache_dir() -> Path:
    value = os.environ.get("DATELINE_CACHE")
    if value:
        return Path(value)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dateline"))


def _model() -> str:
    sys.path.insert(0, str(SRC))
    import importlib.util

    from dateline.settings import Settings

    return next(n for n in Settings().spacy_models if importlib.util.find_spec(n) is not None)


def timed(cmd: list[str]) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=_env())
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def summary(runs: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    return {key: {"median": round(statistics.median(r[key] for r in runs), 3),
                  "min": round(min(r[key] for r in runs), 3),
                  "max": round(max(r[key] for r in runs), 3)} for key in ("wall", "cpu")}  # fmt: skip


def phases_child() -> dict[str, float]:
    """One cold run split into phases (CPU seconds), as ``dateline extract`` does them."""
    marks: dict[str, float] = {}
    t = time.process_time()

    def mark(name: str) -> None:
        nonlocal t
        now = time.process_time()
        marks[name] = round(now - t, 4)
        t = now

    import dateline.cli.main  # noqa: F401

    mark("import_cli")
    try:
        from dateline.nlp_load import import_spacy
    except ImportError:  # sources from before dateline.nlp_load (--src)
        import spacy
    else:
        try:
            from dateline.nlp_load import regexes_from_cache
        except ImportError:  # sources from before round 7 (--src)
            spacy = import_spacy()
        else:
            with regexes_from_cache():  # as dateline.nlp.load_model imports it
                spacy = import_spacy()
    mark("import_spacy")
    from dateline import Pipeline, RawInput, Settings
    from dateline.resources import Resources

    settings = Settings()
    resources = Resources(settings)
    resources.nlp()
    mark("load_model")
    pipeline = Pipeline.from_settings(settings, resources)
    mark("build_pipeline")
    resources.gazetteer()
    mark("gazetteer")
    raw = RawInput(str(EXAMPLE), "text", EXAMPLE.read_text(encoding="utf-8"))
    # the first document, stage by stage (regular expressions compiled on first use land here)
    from dateline.records import Article, Document

    document = Document(raw.id, Article(raw.id, body=""), annotations={"raw": raw})
    for stage in pipeline.stages:
        document = stage(document)
        mark(f"doc.{stage.name}")
    assert spacy
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--phases", action="store_true", help="also the in-process breakdown")
    parser.add_argument("--src", type=Path, help="measure the dateline sources in this folder (default: ours)")
    parser.add_argument("--bytecode", choices=["cached", "none"], default="cached",
                        help="cached: Python writes and reads dateline's .pyc files (a warm-up run writes them); "
                             "none: they are removed and every run compiles the sources (PYTHONDONTWRITEBYTECODE=1)")
    parser.add_argument("--child-phases", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global SRC, BYTECODE
    BYTECODE = args.bytecode
    if args.src:
        SRC = args.src.resolve()
    if args.child_phases:
        print(json.dumps(phases_child()))
        return
    subprocess.run([sys.executable, "-m", "dateline", "gazetteer", "info"], check=True, env=_env(),
                   stdout=subprocess.DEVNULL)  # fmt: skip  # build the index first
    model = _model()
    commands = {
        "extract": [sys.executable, "-m", "dateline", "extract", str(EXAMPLE)],
        "floor_spacy": [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
        "floor_spacy_as_dateline_loads_it": [sys.executable, "-c", "from dateline.nlp import load_model; "
                                             "from dateline.settings import Settings; load_model(Settings())"],
        "floor_python": [sys.executable, "-c", "pass"],
    }
    if BYTECODE == "none":
        for folder in (SRC / "dateline").rglob("__pycache__"):
            shutil.rmtree(folder)
    for cmd in commands.values():  # warm-up: writes the .pyc files (when cached) and the regex cache
        timed(cmd)
    commands["extract_regex_cache_empty"] = commands["extract"]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    phases: list[dict[str, float]] = []
    for _ in range(args.runs):  # interleaved, so a burst of load hits every measurement alike
        for name, cmd in commands.items():
            if name == "extract_regex_cache_empty":  # as the very first run after an install
                saved = {f: f.read_bytes() for f in default_cache_dir().glob("regex-*.marshal")}
                for f in saved:
                    f.unlink()
                runs[name].append(timed(cmd))
                for f, data in saved.items():
                    f.write_bytes(data)
                continue
            runs[name].append(timed(cmd))
        if args.phases:
            proc = subprocess.run([sys.executable, __file__, "--child-phases"], capture_output=True, text=True,
                                  env=_env(), check=True)  # fmt: skip
            phases.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    regex_files = sorted(f.name for f in default_cache_dir().glob("regex-*.marshal"))
    result: dict[str, object] = {"runs": args.runs, "model": model, "src": str(SRC), "bytecode": BYTECODE,
                                 "regex_cache_files": regex_files}
    result.update({name: summary(r) for name, r in runs.items()})
    if phases:
        result["phases_cpu_s_median"] = {k: round(statistics.median(p[k] for p in phases), 3) for k in phases[0]}
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print("| measurement | wall s (median, min–max) | CPU s (median, min–max) |\n|---|---|---|")
    for name in commands:
        w, c = result[name]["wall"], result[name]["cpu"]  # type: ignore[index]
        print(f"| {name} | {w['median']:.2f} ({w['min']:.2f}–{w['max']:.2f}) "
              f"| {c['median']:.2f} ({c['min']:.2f}–{c['max']:.2f}) |")  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
