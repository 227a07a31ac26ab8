"""A small synthetic corpus (JSONL files and page files) for the engine tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest.synthetic import synthetic_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """40 documents: two JSONL files (one with a broken line) and a folder of 6 page files."""
    docs = synthetic_corpus(40)
    root = tmp_path / "corpus"
    (root / "pages").mkdir(parents=True)
    lines = [json.dumps(d) for d in docs[:20]]
    lines.insert(5, json.dumps({"id": "broken"}))
    lines.insert(9, "")
    (root / "a.jsonl").write_text("\n".join(lines) + "\n")
    (root / "b.jsonl").write_text("\n".join(json.dumps(d) for d in docs[20:34]) + "\n")
    for i, d in enumerate(docs[34:]):
        (root / "pages" / f"p{i}.txt").write_text(d["body"] + "\n")
    return root
