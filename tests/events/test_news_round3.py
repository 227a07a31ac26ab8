"""News rules of the third round (issue 9): each rule's id and invented examples, written before the code."""

from __future__ import annotations

import pytest

from dateline.events.sentences import Sentence
from dateline.events.specificity import generic_reason

from .helpers import events_of


def _why(text: str, trigger: str) -> str | None:
    start = text.lower().index(trigger)
    return generic_reason(Sentence(0, len(text), text), start, start + len(trigger), article=True)


@pytest.mark.parametrize(("text", "trigger"), [
    # spec.caption: a photo caption describes a picture (often an old one), it is not the report
    ("Photo: Riot police fire tear gas at protesters in Nairobi in March 2024.", "tear gas"),
    ("FILE PHOTO: Soldiers stand guard after a bomb attack in Mogadishu, Somalia, May 2, 2025.", "bomb attack"),
    ("Mourners react at the scene of a suicide bombing in Kabul, Afghanistan, August 26, 2021. REUTERS/Stringer",
     "suicide bombing"),
    ("A woman walks past a building damaged by an air strike in Kharkiv, Ukraine, on March 3, 2022.", "air strike"),
    ("Protesters chant slogans during a rally in Caracas (AP Photo/Ariana Cubillos)", "rally"),
    ("Police detain a demonstrator in Hong Kong. Photo: Getty Images", "detain"),
])
def test_captions(text: str, trigger: str) -> None:
    assert _why(text, trigger) == "caption"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Soldiers stormed the building in Mogadishu on May 2, 2025, killing four gunmen.", "stormed"),
    ("Gunmen kill 20 in church attack", "attack"),  # a headline is present tense too, but has no dated scene
    ("The photographer was shot by police during a protest in Lagos on Monday.", "shot"),
    ("BEIRUT (Reuters) - Protesters hurled rocks at security forces near parliament on Sunday.", "hurled rocks"),
    ("BEIRUT (AP) - Lebanese protesters blocked roads in the capital on Thursday.", "protesters"),
])
def test_reports_are_no_captions(text: str, trigger: str) -> None:
    assert _why(text, trigger) != "caption"


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    # spec.plural-in-trigger: the quantifier inside the trigger phrase makes it a count
    ("Farmers had staged several protests in the province since the harvest began.", "staged several protests",
     "plural"),
    ("Rebels carried out numerous attacks on the road, officials said.", "carried out numerous attacks", "plural"),
    # spec.campaign: a bombing or air campaign is a series, unless the sentence gives it a day
    ("The opposition says a relentless air campaign was waged in which the army used chlorine.", "chlorine", "trend"),
    ("The bombing campaign killed hundreds of civilians in the province.", "bombing", "trend"),
])
def test_counts_and_campaigns(text: str, trigger: str, reason: str) -> None:
    assert _why(text, trigger) == reason


def test_a_snippet_may_be_a_caption() -> None:  # CASE snippets are often a caption and nothing else
    text = "Demonstrators clash with security forces during an opposition rally in Caracas, Venezuela April 4, 2017"
    assert generic_reason(Sentence(0, len(text), text), 13, 18) is None


def test_one_dated_attack_in_a_campaign_is_an_event() -> None:
    text = "An air strike on Monday, part of the army's bombing campaign, killed nine people in the market of Ariha."
    assert _why(text, "air strike") is None


def test_headline_and_lead_are_one_attack() -> None:  # dedup.unstated-date
    body = ("Gunmen kill 20 in church attack\n\nGunmen stormed a church in the village of Owo on Sunday, "
            "killing at least 20 worshippers, officials said. No group has claimed responsibility.")
    assert [e.sub_event_type for e in events_of(body, published="2026-06-06")] == ["Attack"]


def test_a_quantity_of_things_is_no_count_of_events() -> None:  # spec.plural-in-trigger
    assert _why("Armed settlers uprooted dozens of olive trees in the village overnight.",
                "uprooted dozens of olive trees") != "plural"


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    # spec.trend-elsewhere: the same word told as a trend elsewhere in the sentence is that trend
    ("The rebels say the relentless shelling forced them to surrender after weeks of shelling and siege.",
     "shelling", "trend"),
    ("Residents said the bombing had emptied the town, after months of bombing by government jets.", "bombing",
     "trend"),
    ("Shelling killed two children on Monday after weeks of shelling of the district.", "shelling", None),
])
def test_the_trend_told_elsewhere(text: str, trigger: str, reason: str | None) -> None:
    assert _why(text, trigger) == reason


def test_the_upper_hand_is_no_handover() -> None:  # withdraw.hand-it-them
    from .helpers import subs_of
    assert "Non-violent transfer of territory" not in subs_of(
        "Since then the army seems to have gained the upper hand over the insurgents in the hills.")
    assert subs_of("The rebels handed the town over to the army on Friday.") == ["Non-violent transfer of territory"]
