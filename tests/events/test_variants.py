"""Wording variants per sub-event, as reporters write them (invented sentences), with the parse."""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.resources import Resources

from .helpers import doc_of

pytestmark = pytest.mark.slow

VARIANTS = {
    "Air/drone strike": [
        "Coalition aircraft struck a weapons depot outside the city overnight.",
        "A helicopter gunship fired on a rebel convoy on the highway.",
        "Three people were killed in a drone attack on a car in the province.",
        "An air raid flattened two houses in the village, residents said.",
    ],
    "Shelling/artillery/missile attack": [
        "Grad rockets slammed into a residential district, wounding eleven people.",
        "Separatist forces shelled government positions along the front line.",
        "A ballistic missile hit an oil facility near the port.",
        "Mortar rounds landed near the presidential palace on Thursday.",
    ],
    "Remote explosive/landmine/IED": [
        "An improvised explosive device went off near a police checkpoint, killing two officers.",
        "A car bomb exploded outside a government building in the capital.",
        "Two children were killed when a landmine exploded in a field.",
        "A bomb hidden in a motorcycle exploded in a busy market, wounding 20 people.",
    ],
    "Suicide bomb": [
        "A suicide car bomber rammed an army convoy, killing six soldiers.",
        "A man wearing an explosive vest detonated it at a wedding party.",
    ],
    "Grenade": [
        "Unidentified men lobbed a hand grenade at a police station late on Sunday.",
        "A grenade exploded at a crowded bus terminal, injuring nine people.",
    ],
    "Armed clash": [
        "Heavy fighting erupted between the army and rebels near the airport.",
        "Soldiers and insurgents exchanged fire for several hours in the forest.",
        "Militants attacked a military checkpoint, killing three soldiers.",
        "Two rival militias fought a gun battle in the old city.",
    ],
    "Government regains territory": [
        "Government forces regained control of the strategic town after a week of fighting.",
        "The army said it had liberated three villages from the militants.",
    ],
    "Non-state actor overtakes territory": [
        "The town fell to the rebels after a three-day siege.",
        "Jihadists overran a military base in the north and seized its weapons.",
    ],
    "Attack": [
        "Gunmen massacred twelve villagers in an overnight raid on their settlement.",
        "Militants executed five civilians accused of spying.",
        "Armed herders hacked a farmer to death in his field.",
    ],
    "Abduction/forced disappearance": [
        "Gunmen abducted 20 students from their dormitory.",
        "An aid worker was kidnapped by armed men on the road to the camp.",
        "Pirates seized twelve crew members from a tanker off the coast.",
        "Security agents took the activist away from his home and his whereabouts remain unknown.",
    ],
    "Peaceful protest": [
        "Hundreds of workers staged a sit-in outside the factory to demand unpaid wages.",
        "Demonstrators rallied in the capital against the new tax law.",
        "Nurses went on strike over working conditions on Monday.",
    ],
    "Protest with intervention": [
        "Police detained dozens of protesters who gathered outside the election commission.",
        "Riot police broke up a demonstration by opposition supporters with water cannon.",
        "Security forces dispersed a sit-in by unemployed graduates in front of the ministry.",
    ],
    "Excessive force against protesters": [
        "Troops fired live rounds at demonstrators, killing at least five.",
        "Police beat peaceful protesters with batons outside parliament, injuring dozens.",
        "Soldiers shot dead two protesters at a sit-in on Friday.",
    ],
    "Violent demonstration": [
        "Rioters torched cars and smashed shop windows during the protest.",
        "Demonstrators clashed with police and set fire to a government office.",
        "Stone-throwing youths clashed with police during a protest over power cuts.",
    ],
    "Mob violence": [
        "A mob beat a man to death after accusing him of witchcraft.",
        "Angry villagers set fire to the house of a man suspected of theft and beat him.",
        "A crowd lynched a suspected thief in the market.",
    ],
    "Agreement": [
        "The government and the rebel group signed a peace deal in the capital.",
        "The two sides carried out a prisoner swap at the border.",
        "Some 300 fighters laid down their weapons and surrendered to the army.",
    ],
    "Arrests": [
        "Security forces arrested a prominent opposition journalist at his home.",
        "Authorities rounded up dozens of suspected militants in dawn raids.",
    ],
    "Change to group/activity": [
        "A senior rebel commander defected to the government with 200 fighters.",
        "The army sent reinforcements to the northern front.",
        "The two armed groups announced that they had merged into a single movement.",
        "The rebel group named a new leader after its founder was killed.",
    ],
    "Disrupted weapons use": [
        "Bomb disposal experts defused an explosive device found under a bridge.",
        "Police found an arms cache containing rifles and grenades in a farmhouse.",
        "Air defences intercepted two drones launched towards the airport.",
        "Security forces discovered a bomb-making workshop in the suburb.",
    ],
    "Headquarters or base established": [
        "The militants established a new base in the forest near the border.",
        "Foreign troops are constructing a military outpost on the hill overlooking the valley.",
    ],
    "Looting/property destruction": [
        "Militiamen looted the market and burned dozens of homes.",
    ],
    "Non-violent transfer of territory": [
        "The army pulled out of the town and handed control to a local militia.",
        "Buses evacuated hundreds of rebels and their families from the besieged district under a deal.",
    ],
    "Chemical weapon": [
        "Residents reported a strong smell of chlorine after a barrel bomb attack on the district.",
    ],
    "Other": [
        "Authorities imposed a curfew on the city after the unrest.",
    ],
}
CASES = [(sentence, sub) for sub, sentences in VARIANTS.items() for sentence in sentences]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return Resources().nlp()


def test_variants(nlp) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for sentence, expected in CASES:
        doc = doc_of(sentence)
        doc.annotations["nlp"] = nlp(sentence)
        evs = extract_events(doc)
        got = max(evs, key=lambda e: e.confidence).sub_event_type if evs else None
        if got != expected:
            wrong.append((sentence, expected, got))
    assert len(wrong) <= len(CASES) // 10, wrong
