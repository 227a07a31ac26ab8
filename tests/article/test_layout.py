"""Captions, boilerplate, related-story headers and breadcrumbs (invented examples)."""

from __future__ import annotations

import pytest

from dateline.article.layout import is_boilerplate, is_breadcrumb, is_caption, related_header, split_body


@pytest.mark.parametrize(
    "line",
    [
        "Protesters march in central Amman on Friday (AFP photo)",
        "The Prime Minister meets a delegation on Sunday (Petra photo)",
        "A view of the Dead Sea (JT file)",
        "Firefighters at the scene on Tuesday (Photo by Omar Akour)",
        "Photo: Soldiers stand guard at a checkpoint",
        "File photo of the parliament building in Baghdad",
        "Rescuers search the rubble in Idlib on Monday. (Reuters)",
        "A man walks past a mural in Beirut. REUTERS/Jane Doe",
        "Smoke rises over the city (AFP file photo)",
        "Children play in a camp near Mosul. Photo: AFP",
        "Image caption The minister speaks to reporters in Baghdad",
    ],
)
def test_captions(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "A border crossing on a vital highway reopened on Monday, an AFP reporter said.",
        "The photographer said the photo had been taken in 2014.",
        "Police said the file had been handed to prosecutors (the case is pending).",
    ],
)
def test_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize(
    "line",
    ["Related Articles", "Related", "Read more", "More from World", "You may also like", "Recommended",
     "Related stories:", "Most read", "Comments", "12 Comments"],
)
def test_related_headers(line: str) -> None:
    assert related_header(line)


@pytest.mark.parametrize(
    "line",
    ["Share this article", "Subscribe", "Sign up for our daily newsletter and get the news in your inbox",
     "We use cookies to improve your experience on our site.", "Advertisement", "Follow us on Twitter",
     "© 2019 Jordan Times. All rights reserved.", "Tags: Iraq, Syria, border", "Tweet", "Print",
     "Like this story? Share it with a friend!", "Have a tip? Jane Doe may be reached at jdoe@example.com.",
     "(Reporting by Jane Doe in Amman; Editing by John Roe)", "Image copyright Getty Images"],
)
def test_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["The newsletter, published weekly, reached 10,000 readers in Iraq before the war broke out in 2014.",
     "Subscribers to the plan said the cookies were free.", "Read the statement in full."],
)
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
    assert not related_header(line)


@pytest.mark.parametrize("line", ["You are here", "Home > World > Middle East", "Home » News", "Home / Region"])
def test_breadcrumbs(line: str) -> None:
    assert is_breadcrumb(line)


def test_split_body() -> None:
    parts = split_body(
        [
            "Home > World",
            "Headline here",
            "MOSUL, Iraq — Troops entered the old city on Sunday.",
            "Soldiers patrol a street in Mosul (AFP photo)",
            "Share this article",
            "The army said the operation was over.",
            "Read more: Army says the west bank of the city is secure",
            "Officials said 200 families had returned.",
            "Related Articles",
            "BAGHDAD, Iraq — Another story begins here and is cut at one hundred and forty characters, like",
            "Subscribe",
            "ERBIL, Iraq — A second teaser",
        ],
        title="Headline here",
    )
    assert parts.paragraphs == [
        "Troops entered the old city on Sunday.",
        "The army said the operation was over.",
        "Officials said 200 families had returned.",
    ]
    assert parts.dateline is not None and parts.dateline.text == "MOSUL, Iraq"
    assert parts.captions == ["Soldiers patrol a street in Mosul (AFP photo)"]
    assert parts.related[0] == "Army says the west bank of the city is secure"
    assert len(parts.related) == 3


def test_headline_repeated_in_body_and_site_teasers() -> None:
    parts = split_body(["First paragraph.", "Also on example.com Another story entirely", "Harbour reopens",
                        "Second paragraph."], title="Harbour reopens")
    assert parts.paragraphs == ["First paragraph.", "Second paragraph."]
    assert parts.related == ["Another story entirely"]
