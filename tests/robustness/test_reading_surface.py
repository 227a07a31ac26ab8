"""Issue 15, one reading surface: ``extract`` reads what ``ingest`` reads (WARC, gzip, JSONL,
feeds), a WARC is never read as text, and nothing is lost silently: cut WARC, gzip and feed
files, a record whose length runs past the next header, unreadable files and folders are reported.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import read_file
from dateline.records import RawInput
from dateline.settings import Settings

from ..ingest.conftest import RSS, warc_bytes
from .conftest import assert_one_line_errors, docs, errors, extract, ingest

RECORDS = [(f"https://site.example/{i}", "200 OK", f"Story {i}: clashes near Mosul. ".encode() * 20, "text/plain")
           for i in range(4)]


def test_extract_reads_gzip_warc_and_jsonl_gz_like_ingest(tmp_path: Path, good: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Story in a gzip'd page.\n"))
    (tmp_path / "b.warc.gz").write_bytes(warc_bytes(RECORDS, gz=True))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"id": "j", "text": "Story in JSONL."}\n'))
    files = [str(tmp_path / n) for n in ("a.txt.gz", "b.warc.gz", "c.jsonl.gz")]
    result = extract(*files, str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 0, result.stderr
    ids = [d["id"] for d in docs(result)]
    assert ids == [files[0], *[u for u, *_ in RECORDS], "j", str(good)]


@pytest.mark.parametrize("name", ["archive.warc", "archive.bin", "archive.txt"])
def test_a_warc_is_never_read_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(warc_bytes(RECORDS, gz=False))
    result = extract(str(path))
    assert result.exit_code == 0, result.stderr
    out = docs(result)
    assert [d["id"] for d in out] == [u for u, *_ in RECORDS]
    assert all("WARC/1" not in d["article"]["body"] for d in out)


@pytest.mark.parametrize("gz", [False, True])
def test_a_cut_warc_is_reported_at_every_cut_point(tmp_path: Path, gz: bool) -> None:
    data = warc_bytes(RECORDS, gz=gz)
    whole = [r for r in read_file(_write(tmp_path / "w.warc", data), Settings())]
    assert all(isinstance(r, RawInput) for r in whole) and len(whole) == 4
    texts = {r.id: r.content for r in whole}  # type: ignore[union-attr]
    step = max(1, len(data) // 33)
    boundaries = _record_ends(data)  # a cut exactly between records leaves a valid, shorter archive
    for cut in range(step, len(data) - 1, step):
        if any(0 <= cut - end <= 4 for end in boundaries):
            continue
        items = list(read_file(_write(tmp_path / (f"cut{cut}.warc" + (".gz" if gz else "")), data[:cut]), Settings()))
        errs = [i for i in items if isinstance(i, InputError)]
        assert len(errs) == 1, (cut, items)
        assert f"cut{cut}.warc" in str(errs[0])
        for item in items:  # what was read is whole: never a shortened article
            if isinstance(item, RawInput):
                assert item.content == texts[item.id], cut


def test_a_record_longer_than_its_content_length_swallows_nothing(tmp_path: Path) -> None:
    data = warc_bytes(RECORDS, gz=False)
    first = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    end = data.index(b"\r\n", first)
    length = int(data[first + 16 : end])
    bad = data[:first] + f"Content-Length: {length + 600}".encode() + data[end:]
    items = list(read_file(_write(tmp_path / "long.warc", bad), Settings()))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "runs past the next record's header" in str(items[0])


def test_a_feed_cut_in_half_says_what_is_missing(tmp_path: Path, good: Path) -> None:
    items = "".join(f"<item><title>T{i}</title><link>https://w.example/{i}</link><description>Clashes {i}."
                    "</description></item>" for i in range(20))
    feed = RSS.replace("</channel></rss>", items + "</channel></rss>")
    path = tmp_path / "cut.rss"
    path.write_text(feed[: len(feed) // 2])
    result = extract(str(path), str(good))
    assert_one_line_errors(result)
    assert result.exit_code == 1
    errs = errors(result)
    assert any("cut.rss: feed is cut or malformed at line" in e and "any after it are missing" in e for e in errs)
    assert str(good) in [d["id"] for d in docs(result)]


def test_unreadable_file_and_folder_are_reported_and_the_rest_ingested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_text("Never seen.")
    (corpus / "a.txt").write_text("A good story.")
    (corpus / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Another."}) + "\n")
    if os.geteuid() != 0:
        (corpus / "b.jsonl").chmod(0)
        (corpus / "locked").chmod(0)
    else:  # root reads everything: make the same two calls fail as they would for a user
        real_scandir, real_open = os.scandir, Path.open

        def scandir(path: object) -> object:
            if str(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[arg-type]

        def path_open(self: Path, *a: object, **k: object) -> object:
            if self.name == "b.jsonl":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *a, **k)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(Path, "open", path_open)
    try:
        result = ingest(tmp_path / "s.duckdb", str(corpus))
    finally:
        for p in (corpus / "b.jsonl", corpus / "locked"):
            p.chmod(0o755)
    assert_one_line_errors(result)
    assert result.exit_code == 1
    errs = errors(result)
    assert any("b.jsonl: permission denied" in e for e in errs), errs
    assert any("locked: folder cannot be read (permission denied)" in e for e in errs), errs
    assert "1 added" in result.stderr


def _record_ends(data: bytes) -> list[int]:
    import io

    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(data))
    return [records.get_record_offset() + records.get_record_length() for _ in records]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_file_with_no_documents_is_reported_not_skipped(tmp_path: Path) -> None:
    empty_warc = _write(tmp_path / "empty.warc", b"")
    blank = _write(tmp_path / "blank.jsonl", b"\n\n  \n")
    images = _write(tmp_path / "img.warc", warc_bytes([("https://s.example/a.png", "200 OK", b"\x89PNG", "image/png")],
                                                      gz=False))
    for path in (empty_warc, blank, images):
        items = list(read_file(path, Settings()))
        assert len(items) == 1 and isinstance(items[0], InputError), (path, items)
        assert "holds no documents" in str(items[0])
