"""Corpus readers: every format yields documents; damaged files yield one clear error each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import count_inputs, file_format, read_corpus
from dateline.records import RawInput
from dateline.settings import Settings

SETTINGS = Settings()


def read(*paths: Path) -> tuple[list[RawInput], list[InputError]]:
    docs: list[RawInput] = []
    errors: list[InputError] = []
    for item in read_corpus(paths, SETTINGS):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors


def test_file_format_from_names() -> None:
    assert file_format(Path("x.warc.gz")) == ("warc", True)
    assert file_format(Path("x.JSONL")) == ("jsonl", False)
    assert file_format(Path("x.html.gz")) == ("page", True)
    assert file_format(Path("x.atom")) == ("feed", False)
    assert file_format(Path("x.md")) == (None, False)


def test_a_folder_mixing_every_format(mixed_folder: Path) -> None:
    docs, errors = read(mixed_folder)
    assert errors == []
    assert len(docs) == 11
    by_id = {d.id: d for d in docs}
    assert by_id["j2"].url == "https://j.example/4" and by_id["j1"].kind == "body"
    assert by_id[str(mixed_folder / "sub" / "d.txt.gz")].content.startswith("Story five")
    assert by_id["https://site.example/a"].kind == "html" and by_id["https://site.example/a"].url
    assert by_id["https://site.example/b"].kind == "text"
    rss = by_id["https://wire.example/1"]
    assert rss.kind == "html" and rss.published == "2019-09-30" and "<title>Clashes near Mosul</title>" in rss.content
    assert by_id["https://atom.example/a"].published == "2019-10-01"
    assert not any("hidden" in d.id or "notes" in d.id for d in docs)


def test_count_inputs_estimates_the_documents(mixed_folder: Path) -> None:
    # WARC records are counted before they are sorted out, so the estimate may be high
    assert 11 <= (count_inputs([mixed_folder], SETTINGS) or 0) <= 13


def test_damaged_files_give_one_error_each_and_the_rest_is_read(bad_folder: Path) -> None:
    docs, errors = read(bad_folder)
    ids = sorted(d.id for d in docs)
    assert "https://site.example/ok" in ids  # the WARC record before the damage
    assert str(bad_folder / "fine.txt") in ids
    assert any(i.startswith("cut") for i in ids)  # the JSONL lines before the cut
    problems = {Path(e.source).name: e.problem for e in errors}
    assert "malformed WARC record" in problems["broken.warc"]
    assert "truncated or corrupt gzip" in problems["cut.txt.gz"]
    assert "truncated or corrupt gzip" in problems["cut.jsonl.gz"]
    assert "not a valid RSS/Atom feed" in problems["junk.rss"]
    assert all("\n" not in str(e) for e in errors)


def test_missing_paths_and_empty_folders_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _, errors = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert [e.problem for e in errors] == ["no such file or folder", errors[1].problem]
    assert "holds no corpus files" in errors[1].problem


def test_a_feed_entry_without_content_is_an_error(tmp_path: Path) -> None:
    feed = tmp_path / "thin.rss"
    feed.write_text('<rss version="2.0"><channel><title>t</title><item><title>Empty</title>'
                    "<link>https://e.example/1</link></item></channel></rss>")  # fmt: skip
    _, errors = read(feed)
    assert len(errors) == 1 and "neither content nor summary" in errors[0].problem


def test_a_warc_page_in_the_charset_its_http_header_names(tmp_path: Path, make_warc: Callable[..., bytes]) -> None:
    page = "<html><body><p>Pénurie à Alep, dit l'ONU.</p></body></html>".encode("latin-1")
    archive = tmp_path / "latin.warc.gz"
    archive.write_bytes(make_warc([("https://fr.example/alep", "200 OK", page, "text/html; charset=ISO-8859-1")]))
    docs, errors = read(archive)
    assert errors == [] and "Pénurie à Alep" in docs[0].content
