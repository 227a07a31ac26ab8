"""The evaluation tasks feed each gold set the way its scorer expects."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.evaluation import DEFAULT_GOLD, TASK_STAGES, gold_inputs


def test_every_task_has_a_default_gold_file() -> None:
    assert set(TASK_STAGES) == set(DEFAULT_GOLD)


def test_news_items_from_extraction_pages_are_fed_as_html(tmp_path: Path) -> None:
    pages = tmp_path / "extract" / "pages"
    pages.mkdir(parents=True)
    (pages / "abc.html").write_text("<html><body><p>Page</p></body></html>", "utf-8")
    gold = tmp_path / "events" / "news.jsonl"
    gold.parent.mkdir()
    items = [
        {"id": "abc", "source": "scrapinghub", "url": "https://example.org/a", "text": "Page", "events": []},
        {"id": "gwn-1", "source": "gwn", "text": "Body text.", "events": []},
    ]
    gold.write_text("\n".join(json.dumps(i) for i in items) + "\n", "utf-8")
    first, second = gold_inputs("news", gold)
    assert (first.kind, first.url) == ("html", "https://example.org/a")
    assert "<p>Page</p>" in first.content
    assert (second.kind, second.content) == ("body", "Body text.")


def test_acled_rows_are_fed_as_body_with_their_publication_date(tmp_path: Path) -> None:
    gold = tmp_path / "acled.jsonl"
    gold.write_text(json.dumps({"id": "X1", "text": "Rioters burned tyres.", "published": "2020-01-02"}) + "\n")
    (raw,) = gold_inputs("acled", gold)
    assert (raw.id, raw.kind, raw.content, raw.published) == ("X1", "body", "Rioters burned tyres.", "2020-01-02")
