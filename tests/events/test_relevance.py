"""Article-level relevance: off-topic genres, articles about conflict, short reports."""

from __future__ import annotations

import pytest

from dateline.events.relevance import judge

from .helpers import events_of


def _low(*sentences: str) -> list[str]:
    return [s.lower() for s in sentences]


SPORTS = _low("City beat Rovers 3-2 on Saturday.", "The striker scored twice in the second half.",
              "The visitors attacked relentlessly before the break.", "The coach said his team fought like soldiers.")
MARKETS = _low("Shares tumbled on Monday as investors fled risk.", "Bank stocks were battered in Frankfurt.",
               "Analysts said the selloff followed months of protests last year.", "Gold rose 1.2 percent.")
CONFLICT = _low("Militants attacked an army post on Sunday.", "Troops returned fire and killed four attackers.",
                "The army said the clashes lasted two hours.", "Residents fled the town.")


@pytest.mark.parametrize(("title", "url", "sentences", "verdict", "genre"), [
    ("City edge Rovers in derby", None, SPORTS, "off", "sports"),
    ("Stocks slide as oil shock hits markets", None, MARKETS, "off", "markets"),
    (None, "https://example.org/business/markets/stocks-slide-123", MARKETS, "off", "markets"),
    ("Militants attack army post", None, CONFLICT, "core", None),
    (None, None, CONFLICT, "core", None),
])
def test_verdicts(title: str | None, url: str | None, sentences: list[str], verdict: str, genre: str | None) -> None:
    rel = judge(title, url, sentences)
    assert rel.verdict == verdict, rel
    if genre is not None:
        assert rel.genre == genre


def test_a_review_title_is_off_topic_whatever_its_war_words() -> None:
    sents = _low("The game drops players into a civil war.", "Rebel armies storm cities.",
                 "Air strikes rain down on towns.", "Its menus are clumsy.")
    assert judge("Review: 'Siege of Varn' is a bloody war epic", None, sents).verdict == "off"


def test_a_terror_case_in_court_is_not_ordinary_crime() -> None:
    sents = _low("The boy left a nail bomb at the market, prosecutors said.", "The court heard he was radicalised.",
                 "A judge ordered him held.", "Prosecutors said he had links to Islamist militants.")
    assert judge(None, None, sents).verdict == "peripheral"


def test_a_short_report_is_judged_a_focused_report() -> None:
    assert judge(None, None, _low("Al Shabaab took control of the village.")).verdict == "core"


def test_regression_market_story_hit_by_months_of_protests_yields_no_event() -> None:
    body = ("Alibaba to raise up to $12.9bn in landmark Hong Kong listing\n\n"
            "Shares of the company rose on Wednesday as investors welcomed the listing. "
            "The deal represents a boost for the city's bourse, which has been hit by months of anti-government "
            "protests. Analysts said the valuation was high. The stock exchange said trading starts next week.")
    assert events_of(body) == []


def test_regression_kidnapping_trial_yields_no_event() -> None:
    body = ("Man jailed for 12 years over kidnapping\n\n"
            "A man was sentenced on Tuesday to 12 years in prison for kidnapping a teenager last year. "
            "The jury convicted him of kidnapping and assault after a two-week trial. "
            "Prosecutors said he had abducted the girl outside a cinema. His lawyer said he would appeal.")
    assert events_of(body) == []
