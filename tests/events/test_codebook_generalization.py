"""Codebook rules added after the invented-snippet check (plain splitter, no parse)."""

from __future__ import annotations

import pytest

from .helpers import top_sub


@pytest.mark.parametrize(("text", "sub"), [
    # burning and looting: part of an attack when people are hurt, the event itself when not
    ("Gunmen set fire to a school and destroyed classrooms overnight.", "Looting/property destruction"),
    ("Gunmen attacked the village, killing 12 people and burning houses.", "Attack"),
    # a fire, a storm or a warehouse does not veto looting by armed men
    ("Armed groups looted the warehouse of an aid agency, the UN said.", "Looting/property destruction"),
    ("Suspected separatists burned down a health centre in the town.", "Looting/property destruction"),
    # an explosive device is remote violence whatever the verb
    ("A bus ran over an explosive device planted on a road, killing 11 passengers.",
     "Remote explosive/landmine/IED"),
    ("The two sides exchanged 50 prisoners of war, officials said.", "Agreement"),
    ("Soldiers sexually assaulted displaced women at a camp, a rights group reported.", "Sexual violence"),
    ("Army troops cleared the district centre of Taliban fighters on Saturday.", "Government regains territory"),
    ("UN peacekeepers handed over their camp to the government.", "Non-violent transfer of territory"),
    ("The Houthis launched a ballistic missile at the city of Jazan.", "Shelling/artillery/missile attack"),
    ("An activist was taken by armed men in plain clothes and has not been seen since.",
     "Abduction/forced disappearance"),
    ("Residents set fire to the home of a suspected witch, killing her, police said.", "Mob violence"),
    # second batch
    ("Three soldiers were killed when their vehicle struck a mine near the border.", "Remote explosive/landmine/IED"),
    ("The whereabouts of the opposition activist remain unknown, three days after he was taken from his home "
     "by masked men.", "Abduction/forced disappearance"),
    ("Hundreds of women gathered in front of the governor's office to demand the return of missing relatives.",
     "Peaceful protest"),
    # the air support of a recapture is not the event
    ("The army, supported by coalition aircraft, recaptured the last neighbourhood held by the militants.",
     "Government regains territory"),
    # third batch
    ("A woman detonated explosives strapped to her body at a checkpoint, killing herself and two guards.",
     "Suicide bomb"),
    ("Police used water cannon against thousands of farmers who drove tractors towards the capital.",
     "Protest with intervention"),
    ("Angry residents blocked roads, burned tyres and threw stones at police after a teenager was killed.",
     "Violent demonstration"),
    ("Supporters of the defeated candidate ransacked the electoral commission office.", "Violent demonstration"),
    ("An angry crowd dragged two suspected thieves from a police station and set them on fire.", "Mob violence"),
    ("The jihadist group announced a change of name and pledged allegiance to Islamic State.",
     "Change to group/activity"),
    ("Air defences shot down 18 of 20 cruise missiles launched overnight, the air force said.",
     "Disrupted weapons use"),
    ("Settlers vandalised cars and sprayed graffiti on a mosque in the village.", "Looting/property destruction"),
    ("Troops have left the area around the plant, handing it over to a state company.",
     "Non-violent transfer of territory"),
    ("Hundreds of houses were looted, set on fire and destroyed after the fighting, the rights group said.",
     "Looting/property destruction"),
    # fourth batch
    ("Gunmen burned down 40 houses in a village but there were no casualties, police said.",
     "Looting/property destruction"),
    ("Soldiers shot and killed four men taking part in a protest against the military government.",
     "Excessive force against protesters"),
    ("Hindu and Muslim groups clashed after a religious procession, leaving two people dead and shops burned.",
     "Mob violence"),
    ("The militants released 12 soldiers under an exchange deal mediated by tribal elders.", "Agreement"),
    ("The group said it was suspending all military operations for the holy month.", "Change to group/activity"),
    ("The lawyer was forcibly disappeared after being taken away by plainclothes officers.",
     "Abduction/forced disappearance"),
    ("Several hundred people held a candlelight vigil in the capital to demand justice for the journalist.",
     "Peaceful protest"),
    ("Police arrested 17 climate activists who had glued themselves to the road.", "Protest with intervention"),
    ("Unknown assailants destroyed a telecommunications mast, cutting phone services for thousands.",
     "Looting/property destruction"),
    # fifth batch
    ("Government forces pushed al-Shabaab out of the town in a dawn offensive, officials said.",
     "Government regains territory"),
    ("Patients arrived foaming at the mouth after rockets carrying a toxic substance landed overnight.",
     "Chemical weapon"),
    ("The coalition said its aircraft destroyed a weapons depot near the capital in a series of raids.",
     "Air/drone strike"),
    ("Gunmen seized a group of 15 worshippers from a church on Sunday.", "Abduction/forced disappearance"),
    ("Hundreds of new recruits joined the militia's ranks after the massacre, a commander said.",
     "Change to group/activity"),
    ("Hezbollah set up new positions along the border, the military said.", "Headquarters or base established"),
    ("Authorities declared a state of emergency in the prisons after a riot.", "Other"),
])
def test_codebook_rule(text: str, sub: str) -> None:
    assert top_sub(text) == sub


@pytest.mark.parametrize("text", [
    "The foreign ministry summoned the British ambassador to protest against the seizure of a tanker.",
    "A fire at a crowded hospital killed 82 people after oxygen tanks exploded.",
    "Saudi Arabia signed a deal to buy 48 fighter jets from Britain.",
    "A fire destroyed a market overnight, causing millions in damage, the fire service said.",
    "A gunman killed two people at a nightclub; police are treating it as a criminal case.",
])
def test_not_an_event(text: str) -> None:
    assert top_sub(text) is None
