"""Units reproduce the single-process read; parts are written once and loaded in input order."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from dateline.engine.load import load_parts, write_jsonl
from dateline.engine.parts import part_path, read_part, settings_key
from dateline.engine.units import plan_units, read_unit
from dateline.engine.work import process_unit
from dateline.errors import InputError
from dateline.ingest import read_corpus
from dateline.settings import Settings
from dateline.store import open_store

SETTINGS = Settings(stages=("article",))


def _key(item: object) -> tuple[str, str]:
    if isinstance(item, InputError):
        return ("error", str(item))
    return (item.id, item.content)  # type: ignore[attr-defined]


def test_units_read_exactly_what_read_corpus_reads(corpus: Path) -> None:
    for range_bytes in (200, 1000, 10**7):
        units = plan_units([corpus], range_bytes=range_bytes, group_files=4)
        got = [_key(x) for u in units for x in read_unit(u, SETTINGS)]
        assert got == [_key(x) for x in read_corpus([corpus], SETTINGS)]
    assert len(plan_units([corpus], range_bytes=200)) > 4  # the JSONL files were cut into ranges


def test_a_changed_input_is_a_new_unit(corpus: Path) -> None:
    before = {u.key for u in plan_units([corpus])}
    (corpus / "b.jsonl").write_text((corpus / "b.jsonl").read_text() + '{"id": "late", "body": "More."}\n')
    assert before != {u.key for u in plan_units([corpus])}


def test_settings_key_ignores_what_does_not_change_the_output() -> None:
    assert settings_key(SETTINGS) == settings_key(SETTINGS.evolve(workers=4, batch_size=8))
    assert settings_key(SETTINGS) != settings_key(SETTINGS.evolve(stages=("article", "language")))


def test_parts_then_load_equal_a_single_process_ingest(corpus: Path, tmp_path: Path) -> None:
    from dateline.ingest import ingest
    from dateline.pipeline import Pipeline

    units = plan_units([corpus], range_bytes=300, group_files=4)
    out = tmp_path / "parts"
    results = [process_unit(u, SETTINGS, str(out)) for u in units]
    assert sum(r.rows for r in results) == 41  # 40 documents and the broken line
    assert sum(pq.read_metadata(part_path(out, u.key, SETTINGS)).num_rows for u in units) == 41
    again = [process_unit(u, SETTINGS, str(out)) for u in units]
    assert all(r.skipped and r.rows == 0 for r in again)  # finished work is not redone
    parts = [part_path(out, u.key, SETTINGS) for u in units]
    ids = [r.input_id for p in parts for r in read_part(p, documents=False)]
    assert ids == [x.source if isinstance(x, InputError) else x.id for x in read_corpus([corpus], SETTINGS)]
    with open_store(tmp_path / "d.duckdb") as store:
        loaded = load_parts(parts, store, SETTINGS)
        assert (loaded.added, loaded.failed) == (40, 1)
        assert load_parts(parts, store, SETTINGS).skipped == 40  # loading twice adds nothing
        got = store.rows("SELECT input_id, content_hash FROM articles ORDER BY input_id")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(Pipeline.from_settings(SETTINGS), read_corpus([corpus], SETTINGS), store, settings=SETTINGS)
        want = store.rows("SELECT input_id, content_hash FROM articles ORDER BY input_id")
    assert got == want
    assert write_jsonl(parts, tmp_path / "docs.jsonl") == 40
