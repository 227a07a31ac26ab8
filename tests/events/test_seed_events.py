"""End to end on the seed article: every event check of check_seed.py passes (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.records import RawInput, document_to_dict

pytestmark = pytest.mark.slow


def test_seed_event_checks_pass(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed" / "article.txt"
    doc = Pipeline.from_settings()(RawInput(str(seed), "text", seed.read_text("utf-8")))
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(document_to_dict(doc)), "utf-8")
    proc = subprocess.run([sys.executable, str(shared_dir / "seed" / "check_seed.py"), str(out), "events"],
                          capture_output=True, text=True, check=False)
    lines = proc.stdout.splitlines()
    assert lines[-1].endswith("0 failed"), proc.stdout
    assert not [line for line in lines if line.startswith("warn")], proc.stdout


def test_regression_reopening_not_dated_by_the_seizure_year() -> None:
    """Bug: "seized ... in 2014, reopened on Monday" dated the reopening 2014 (nearest date by offset)."""
    from dateline.records import Timex
    from dateline.timex.dating import date_event

    body = "A crossing, seized by the group in 2014, reopened on Monday, a reporter said."
    y, m = body.index("2014"), body.index("Monday")
    timexes = [Timex("2014", y, y + 4, "DATE", "2014", None, "2014-01-01", "2014-12-31", "year"),
               Timex("Monday", m, m + 6, "DATE", "2019-09-30", None, "2019-09-30", "2019-09-30", "day")]
    got = date_event(body, 0, len(body), timexes, "2019-09-30", trigger=body.index("reopened"))
    assert got.date is not None and got.date.start == "2019-09-30"
