"""Bylines and date lines of many templates (invented examples)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.article.byline import is_name, parse_byline, parse_date_line, parse_people

D = dt.date


@pytest.mark.parametrize(
    ("line", "authors", "source", "published", "updated"),
    [
        ("By AFP - Sep 30,2019 - Last updated at Sep 30,2019", [], "AFP", D(2019, 9, 30), D(2019, 9, 30)),
        ("By - Oct 2,2018 - Last updated at Oct 3,2018", [], None, D(2018, 10, 2), D(2018, 10, 3)),
        ("By , - Jan 5,2020 - Last updated at Jan 5,2020", [], None, D(2020, 1, 5), D(2020, 1, 5)),
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters", None, None),
        ("By JANE DOE Associated Press", ["Jane Doe"], "AP", None, None),
        ("By JANE DOE and JOHN ROE, Associated Press Writers", ["Jane Doe", "John Roe"], "AP", None, None),
        ("By Omar Haddad - Jordan Times - Mar 12,2021", ["Omar Haddad"], None, D(2021, 3, 12), None),
        ("By Lina Saleh in Amman | Published: 12 March 2021", ["Lina Saleh"], None, D(2021, 3, 12), None),
        ("By Jean-Luc de la Tour, AFP correspondent", ["Jean-Luc de la Tour"], "AFP", None, None),
        ("By Reuters Staff", [], "Reuters", None, None),
        ("By The Associated Press", [], "AP", None, None),
        ("by Ahmed Al-Masri and Sara O'Neil", ["Ahmed Al-Masri", "Sara O'Neil"], None, None, None),
        ("By Maria Lopez | Staff Writer | Updated 2 June 2022", ["Maria Lopez"], None, None, D(2022, 6, 2)),
        ("By Xinhua", [], "Xinhua", None, None),
        ("Written by Tom Baker, dpa", ["Tom Baker"], "dpa", None, None),
    ],
)
def test_bylines(line: str, authors: list[str], source: str | None, published: dt.date | None,
                 updated: dt.date | None) -> None:
    got = parse_byline(line)
    assert got is not None
    assert (got.authors, got.source, got.published, got.updated) == (authors, source, published, updated)


@pytest.mark.parametrize(
    "line",
    [
        "By then, the army had taken the town.",
        "By the end of the week, 300 people had fled the fighting in the north of the country.",
        "Bystanders said the blast shook the market.",
        "By 2030 the city plans to double its capacity",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Published: Sept 30, 2019 08:12 GMT   Updated: Oct 1, 2019", D(2019, 9, 30), D(2019, 10, 1)),
        ("Updated 10:15 AM GMT, Sept 30, 2019", None, D(2019, 9, 30)),
        ("Last updated: 2 June 2022", None, D(2022, 6, 2)),
        ("Posted on March 3, 2021", D(2021, 3, 3), None),
        ("First published on Tue 14 Jan 2020 10.52 GMT", D(2020, 1, 14), None),
        ("September 30, 2019", D(2019, 9, 30), None),
        ("Mon 30 Sep 2019 08.12 BST", D(2019, 9, 30), None),
        ("TNN | Updated: Oct 4, 2019, 14:05 IST", None, D(2019, 10, 4)),
        ("Source: Xinhua| 2019-10-04 20:48:55|Editor: huaxia", D(2019, 10, 4), None),
        ("Example News Published Saturday, March 31, 2018 1:19PM CST", D(2018, 3, 31), None),
    ],
)
def test_date_lines(line: str, published: dt.date | None, updated: dt.date | None) -> None:
    got = parse_date_line(line)
    assert got is not None
    assert (got.published, got.updated) == (published, updated)


@pytest.mark.parametrize(
    "line",
    [
        "Published in the Journal of Things",
        "Updated guidance was issued on Monday.",
        "He was first published on 3 March 2020 in a small journal.",
        "The talks resumed on 30 September 2019 in Geneva after a pause of two months.",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_people_and_names() -> None:
    assert parse_people("") == ([], None)
    assert parse_people("AFP") == ([], "AFP")
    assert parse_people("the army had") is None
    assert is_name("Sarah E. Needleman")
    assert not is_name("then the army")
    assert not is_name("Agent 007")
