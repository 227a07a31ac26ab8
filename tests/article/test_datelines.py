"""Datelines of wire and newspaper templates (invented examples)."""

from __future__ import annotations

import pytest

from dateline.article.datelines import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "text", "source", "rest"),
    [
        ("AL QAIM, Iraq — A border crossing reopened.", "AL QAIM, Iraq", None, "A border crossing reopened."),
        ("MOSUL, Iraq – Police said.", "MOSUL, Iraq", None, "Police said."),
        ("BEIRUT (AP) — Lebanese troops deployed.", "BEIRUT", "AP", "Lebanese troops deployed."),
        ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON", "Reuters", "The Senate voted."),
        ("GAZA CITY, Dec 3 (Reuters) - Israeli jets struck.", "GAZA CITY", "Reuters", "Israeli jets struck."),
        ("LONDON, Sept 4 (AFP) - Britain said.", "LONDON", "AFP", "Britain said."),
        ("SAN JUAN, Puerto Rico (AP) — A storm hit.", "SAN JUAN, Puerto Rico", "AP", "A storm hit."),
        ("Kabul, Afghanistan (CNN) — A blast hit.", "Kabul, Afghanistan", "CNN", "A blast hit."),
        ("NEW DELHI: The government said.", "NEW DELHI", None, "The government said."),
        ("ST. LOUIS — Voters went.", "ST. LOUIS", None, "Voters went."),
        ("WASHINGTON -- The House met.", "WASHINGTON", None, "The House met."),
        ("AMMAN (Petra) — The Cabinet met.", "AMMAN", "Petra", "The Cabinet met."),
        ("SANAA, Yemen, March 2 (Xinhua) -- Air strikes hit.", "SANAA, Yemen", "Xinhua", "Air strikes hit."),
        ("WASHINGTON—The Senate voted.", "WASHINGTON", None, "The Senate voted."),
    ],
)
def test_datelines(paragraph: str, text: str, source: str | None, rest: str) -> None:
    got = split_dateline(paragraph)
    assert got is not None and got.dateline is not None
    assert (got.dateline.text, got.source, got.rest) == (text, source, rest)


def test_agency_only() -> None:
    got = split_dateline("(Reuters) - Oil prices rose.")
    assert got is not None and got.dateline is None and got.source == "Reuters" and got.rest == "Oil prices rose."


@pytest.mark.parametrize(
    "paragraph",
    [
        "US-China trade talks stalled on Monday.",
        "US—China trade talks stalled on Monday.",
        "BREAKING: Troops entered the city.",
        "UPDATE: The minister resigned.",
        "The army said — without giving details — that it had won.",
        "Paris — the city of light — was quiet.",
        "Note: this story has been corrected.",
        "A — B",
        "",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph) is None
