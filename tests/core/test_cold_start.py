"""Cold start: what a run imports and loads (the times are measured in benchmarks/cold_start.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "afp_alqaim_2019.txt"

#: never needed to extract a plain-text article
HEAVY = ("duckdb", "fastapi", "uvicorn", "trafilatura", "dateparser", "pandas", "pyarrow", "dask", "distributed",
         "requests", "httpx", "jinja2", "weasel", "typer", "dateline.store", "dateline.ingest.run",
         "dateline.web", "dateline.evaluation", "dateline.cli.store", "dateline.cli.serve", "dateline.parallel")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=600, check=False)  # fmt: skip


def test_extract_of_a_text_article_imports_nothing_it_does_not_need() -> None:
    code = f"""
import json, sys
sys.argv = ["dateline", "extract", {str(EXAMPLE)!r}]
from dateline.cli import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["events"]  # the run did its work
    loaded = set(json.loads(proc.stderr.strip().splitlines()[-1]))
    assert "spacy" in loaded
    assert not sorted(m for m in HEAVY if m in loaded)


def test_the_cli_imports_a_command_only_when_it_runs() -> None:
    proc = _run("import sys, dateline.cli.main as m; print(sorted(n for n in sys.modules if n.startswith('dateline')))")
    assert proc.returncode == 0, proc.stderr[-2000:]
    for module in ("dateline.cli.store", "dateline.cli.serve", "dateline.cli.places", "dateline.cli.evaluate"):
        assert module not in proc.stdout


def test_every_command_is_listed_and_has_help() -> None:
    from click.testing import CliRunner

    from dateline.cli.main import cli

    runner = CliRunner()
    listing = runner.invoke(cli, ["--help"])
    assert listing.exit_code == 0
    for name in ("extract", "eval", "gazetteer", "ingest", "query", "stats", "events", "export", "places", "serve"):
        assert name in listing.output
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0, name


def test_spacy_imported_without_its_command_line_still_offers_it() -> None:
    code = """
import sys
from dateline.nlp_load import import_spacy
spacy = import_spacy()
assert "weasel" not in sys.modules and "typer" not in sys.modules, "spaCy's CLI was imported"
assert "spacy.cli" not in sys.modules
assert callable(spacy.info)
assert callable(spacy.cli.download)  # the first use imports the real package
import spacy.cli
from spacy.cli import info
assert spacy.cli.download.__module__ == "spacy.cli.download" and info.__module__ == "spacy.cli.info"
print("ok")
"""
    proc = _run(code)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]


@pytest.mark.slow
def test_the_fast_load_gives_the_same_model() -> None:
    code = """
import json
from dateline.nlp import load_model
from dateline.settings import Settings
fast = load_model(Settings())
stock = load_model(Settings(options=(("nlp.stock_load", True),)))
assert fast.tokenizer.to_bytes() == stock.tokenizer.to_bytes()
assert fast.pipe_names == stock.pipe_names and len(fast.vocab) == len(stock.vocab)
text = "Iraq on Monday reopened the Al-Qaim crossing, seized by Daesh in 2014 (AFP). Won't it?"
a, b = fast(text), stock(text)
assert a.to_json() == b.to_json()
print("ok")
"""
    proc = _run(code)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
