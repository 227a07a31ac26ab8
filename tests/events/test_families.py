"""One invented sentence per sub-event family: the most confident event has the right type."""

from __future__ import annotations

import pytest

from dateline.events.lexicon import ACLED_SUB_EVENTS, event_type_of

from .helpers import top_sub

CASES = [
    ("Government warplanes bombed a market in the northern town on Tuesday, killing nine people.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders near the border.", "Air/drone strike"),
    ("Rebels fired mortar shells at an army post overnight, residents said.", "Shelling/artillery/missile attack"),
    ("Artillery pounded the outskirts of the city for a third day.", "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a police vehicle on the highway, wounding three officers.",
     "Remote explosive/landmine/IED"),
    ("A landmine exploded under a minibus, killing four passengers.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the entrance of a mosque, killing 12 worshippers.", "Suicide bomb"),
    ("Unknown attackers hurled a grenade into a crowded bar late on Friday.", "Grenade"),
    ("Activists said chlorine gas was dropped on the rebel-held district, leaving dozens choking.", "Chemical weapon"),
    ("Fierce clashes broke out between the army and insurgents in the hills, officials said.", "Armed clash"),
    ("Militants ambushed a military patrol, killing five soldiers.", "Armed clash"),
    ("Government troops recaptured the town from the rebels on Sunday.", "Government regains territory"),
    ("Insurgents seized control of the district headquarters after a night of fighting.",
     "Non-state actor overtakes territory"),
    ("Army units withdrew from the base, handing control to a local militia without a fight.",
     "Non-violent transfer of territory"),
    ("Gunmen opened fire on villagers returning from the market, killing seven.", "Attack"),
    ("Armed men kidnapped a priest and two teachers from the parish on Monday.", "Abduction/forced disappearance"),
    ("Soldiers raped at least three women during the raid, a rights group said.", "Sexual violence"),
    ("Thousands of teachers marched peacefully to the ministry to demand higher pay.", "Peaceful protest"),
    ("Police used tear gas to disperse hundreds of demonstrators outside parliament.", "Protest with intervention"),
    ("Security forces opened fire on protesters in the capital, killing four of them.",
     "Excessive force against protesters"),
    ("Protesters hurled stones at police and set tyres ablaze during the demonstration.", "Violent demonstration"),
    ("A mob lynched a man accused of stealing a goat in the village.", "Mob violence"),
    ("The two sides signed a ceasefire agreement in the capital on Thursday.", "Agreement"),
    ("Police arrested the opposition leader and six of his aides at dawn.", "Arrests"),
    ("Hundreds of fighters defected from the rebel group to the government side.", "Change to group/activity"),
    ("Soldiers defused a bomb planted near the school gate.", "Disrupted weapons use"),
    ("Troops seized a large cache of weapons and ammunition in a raid on a hideout.", "Disrupted weapons use"),
    ("Turkish forces set up a new military observation post near the village.", "Headquarters or base established"),
    ("Armed men looted shops and torched several houses in the town.", "Looting/property destruction"),
    ("The border crossing between the two countries reopened on Monday after five years.", "Other"),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_family(sentence: str, expected: str) -> None:
    assert top_sub(sentence) == expected


def test_every_sub_event_is_covered() -> None:
    covered = {expected for _, expected in CASES}
    assert covered == set(ACLED_SUB_EVENTS)


def test_event_types_are_acled_names() -> None:
    assert event_type_of("Grenade") == "Explosions/Remote violence"
    assert {event_type_of(s) for s in ACLED_SUB_EVENTS} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }


NON_EVENTS = [
    "A strong earthquake killed eight people and damaged hundreds of buildings.",
    "The ministry expelled two diplomats over alleged spying.",
    "A gas leak at a chemical factory left dozens of workers in hospital.",
    "The roughly 600-kilometre frontier runs through desert and mountains, making it hard to control.",
    "Two cars collided on the motorway, killing a driver, police said.",
    "A man robbed a bank and was arrested hours later.",
    "The ceasefire brokered by the two powers collapsed less than a day after it was implemented.",
    "Arson investigators were back at the scene of the warehouse fire on Thursday.",
    "A man was stabbed in a bar fight and the suspect fled, police said.",
    "The driver was arrested after his car went off the road and hit a tree.",
]


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_non_events(sentence: str) -> None:
    assert top_sub(sentence) is None
