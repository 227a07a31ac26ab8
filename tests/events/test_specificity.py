"""Specific occurrences only: trends, habits, background, fiction, modifiers, requests are not events."""

from __future__ import annotations

import pytest

from dateline.events.sentences import Sentence
from dateline.events.specificity import generic_reason


def _why(text: str, trigger: str, **kw: bool) -> str | None:
    start = text.lower().index(trigger)
    return generic_reason(Sentence(0, len(text), text), start, start + len(trigger), **kw)


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    ("The bourse has been hit by months of anti-government protests.", "protests", "trend"),
    ("The shootings were the latest in a series of attacks on the kingdom.", "attacks", "trend"),
    ("Stocks fell amid protests over fuel prices.", "protests", "background"),
    ("Turkey regularly carries out air strikes in the region.", "air strikes", "habitual"),
    ("India has seen caste protests over the past three years.", "protests", "durative"),
    ("The new strategy game drops players into a fictional civil war with air strikes.", "air strikes", "fiction"),
    ("The government also wanted the release of its fighters held by rebels.", "release", "desired"),
    ("The bill restricts protests near government buildings.", "protests", "regulated"),
    ("South Dakota drops pipeline protest laws after a lawsuit.", "protest", "modifier"),
    ("She spoke at the launch of a book by a journalist about sexual abuse.", "sexual abuse", "topic"),
])
def test_generic_mentions(text: str, trigger: str, reason: str) -> None:
    assert _why(text, trigger) == reason


def test_a_plural_without_a_date_or_place_is_generic_only_in_a_later_sentence() -> None:
    text = "US drone strikes cause embarrassment to the government."
    assert _why(text, "drone strikes", in_article=True) == "plural"
    assert _why(text, "drone strikes") is None  # a short report: "fierce clashes broke out" is its event
    assert _why(text, "drone strikes", in_article=True, placed=True) is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Protests erupted in Tehran on Monday.", "protests"),
    ("A series of attacks in central Jordan on Sunday killed ten people.", "attacks"),
    ("Government forces used chlorine gas on the town.", "chlorine"),
    ("During the shoot-out four soldiers were injured.", "shoot-out"),
    ("Turkey, which regularly strikes the region, bombed Gara on Sunday.", "bombed"),
])
def test_specific_occurrences(text: str, trigger: str) -> None:
    assert _why(text, trigger) is None
