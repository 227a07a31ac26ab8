"""Codebook rules added after the sixth and later blind invented batches (plain splitter, no parse)."""

from __future__ import annotations

import pytest

from .helpers import top_sub


@pytest.mark.parametrize(("text", "sub"), [
    # sixth batch: trading fire is fighting, whatever adjective the fire has
    ("Soldiers and rebels traded heavy gunfire near the airport on Monday.", "Armed clash"),
    ("Police and gunmen exchanged intense fire for two hours.", "Armed clash"),
    ("The army wrested back two villages from the insurgents.", "Government regains territory"),
    # people seized, counted in hyphenated words, are abducted, not attacked
    ("Bandits seized thirty-one farmers from their fields and marched them away.", "Abduction/forced disappearance"),
    # a crowd armed with machetes or clubs attacking someone is mob violence
    ("Residents armed with sticks and stones attacked two men they accused of theft.", "Mob violence"),
    # cutting communications is ACLED's Other
    ("Authorities cut off the internet in the region ahead of the operation.", "Other"),
    ("An internet blackout was imposed on the province on Friday.", "Other"),
    # a missile launched by an armed party is fired, even when it hits a warehouse
    ("Rebels fired a rocket at the port, where it struck a warehouse.", "Shelling/artillery/missile attack"),
    # seventh batch
    ("Armed youths killed nine traders on the highway on Friday, officials said.", "Attack"),
    ("A girl was killed when unexploded ordnance she found in a field went off.", "Remote explosive/landmine/IED"),
    ("A man wearing an explosives vest blew up a checkpoint, killing four guards.", "Suicide bomb"),
    ("Army units entered the rebel-held town of Marib on Tuesday after weeks of fighting.",
     "Government regains territory"),
    ("Nurses began a nationwide strike on Monday over unpaid wages.", "Peaceful protest"),
    ("Two clans fought with machetes and sticks over a water point, leaving four dead.", "Mob violence"),
    ("The army moved two artillery batteries closer to the frontier, officials said.", "Change to group/activity"),
    ("Police found a cache of landmines buried near the road to the airport.", "Disrupted weapons use"),
    ("Militants erected tents and fortified positions on the hill, a local official said.",
     "Headquarters or base established"),
    ("Armed settlers uprooted dozens of olive trees in the village overnight.", "Looting/property destruction"),
    # eighth batch
    ("Two nurses were shot dead by gunmen as they drove back from a clinic, the hospital said.", "Attack"),
    ("A roadside device exploded under an army truck, killing three soldiers.", "Remote explosive/landmine/IED"),
    ("The attacker walked into the hall and set off his explosives among the guests.", "Suicide bomb"),
    ("Rebels used mustard agents against army positions, investigators said.", "Chemical weapon"),
    ("Troops dislodged the militants from the hilltop village on Sunday.", "Government regains territory"),
    ("Government forces took back the airport from the rebels after a week of fighting.",
     "Government regains territory"),
    ("The rebels handed the border town over to a joint force on Friday.", "Non-violent transfer of territory"),
    ("Twenty pupils were snatched from their school by armed men on Monday.", "Abduction/forced disappearance"),
    ("Families of the disappeared held a candlelight vigil outside the ministry.", "Peaceful protest"),
    ("Opposition supporters went on the rampage in the capital, smashing windows.", "Violent demonstration"),
    ("A crowd stripped and beat a man accused of theft before police arrived.", "Mob violence"),
    ("Students fought each other with iron rods on the campus, leaving ten hurt.", "Mob violence"),
    ("The rebel movement split into two rival wings, its spokesman said.", "Change to group/activity"),
    ("Hundreds of soldiers were deployed to the border region on Tuesday.", "Change to group/activity"),
    ("Police thwarted a plot to bomb a railway station and arrested two men.", "Disrupted weapons use"),
    ("The government ordered the closure of the border with its neighbour.", "Other"),
    # ninth batch
    ("The US military said it carried out a precision strike against militants in the south.", "Air/drone strike"),
    ("A barrage of rockets was fired at the base overnight, the coalition said.",
     "Shelling/artillery/missile attack"),
    ("A bomber drove an explosives-laden truck into the police station, killing nine.", "Suicide bomb"),
    ("Rebel fighters have taken the town of Kaga Bandoro, a spokesman said.", "Non-state actor overtakes territory"),
    ("Government forces recovered the district of Ayun from the militants.", "Government regains territory"),
    ("A lawyer was picked up by men in civilian clothes outside court on Monday.", "Abduction/forced disappearance"),
    ("A crowd of demonstrators stormed the town hall before police regained control.", "Violent demonstration"),
    ("A protester died after being struck by a rubber bullet fired by police.", "Excessive force against protesters"),
    ("Residents set upon a man suspected of theft and beat him to death.", "Mob violence"),
    ("Clashes between Christian and Muslim youths erupted after the football match, leaving two dead.",
     "Mob violence"),
    ("The rebels handed over their weapons and accepted the peace terms.", "Agreement"),
    ("The militia appointed a new military commander on Sunday.", "Change to group/activity"),
    ("Kenyan troops crossed into Somalia on Tuesday, the army said.", "Change to group/activity"),
    # the withdrawal is only in prospect: the deal is the event
    ("The rebels and the army signed a deal paving the way for the withdrawal of foreign troops.", "Agreement"),
    # tenth batch
    ("Russian strikes on the port killed three dockworkers overnight.", "Air/drone strike"),
    ("A bomb placed under a minibus went off in the market, wounding six.", "Remote explosive/landmine/IED"),
    ("After the shelling a greenish gas filled the streets and many were treated for choking.", "Chemical weapon"),
    ("The insurgents took control of the town after the army withdrew following heavy fighting.",
     "Non-state actor overtakes territory"),
    ("The army regained the border town of Ras from the rebels.", "Government regains territory"),
    ("Dock workers staged a strike at the port demanding safer conditions.", "Peaceful protest"),
    ("The militant group announced the appointment of a new emir on Friday.", "Change to group/activity"),
    ("Two hundred former rebels joined the national army on Monday, officials said.", "Change to group/activity"),
    ("Saboteurs blew up a section of the gas pipeline overnight, causing no casualties.",
     "Looting/property destruction"),
    # eleventh batch
    ("Police battled gang members who control the neighbourhood through the night.", "Armed clash"),
    ("A U.S. drone killed two militant commanders in the north, the Pentagon said.", "Air/drone strike"),
    ("The rebels now control the hill above the town after the troops fled under fire.",
     "Non-state actor overtakes territory"),
    ("Protesters ransacked the offices of the electoral commission after the results.", "Violent demonstration"),
    ("Men dragged a suspected thief from his shop and beat him unconscious.", "Mob violence"),
    ("Police arrested an opposition MP over remarks made at a rally on Sunday.", "Arrests"),
    ("Sappers cleared 300 mines from farmland near the front line.", "Disrupted weapons use"),
    ("Russian mercenaries have set up a base at the airport, residents said.", "Headquarters or base established"),
    # twelfth batch
    ("A suicide car bombing hit a police academy in the capital on Monday.", "Suicide bomb"),
    ("Troops fired grenades containing chloropicrin at the trenches, the general staff said.", "Chemical weapon"),
    ("The army said it had restored control over the northern hills.", "Government regains territory"),
    ("Police fired rubber bullets to disperse supporters of the jailed candidate.", "Protest with intervention"),
    ("A prominent Uyghur scholar has been detained by the authorities, her family said.", "Arrests"),
    ("Russian troops began arriving in Niamey on Sunday, officials said.", "Change to group/activity"),
    ("Air defences destroyed a drone launched towards the airport, the coalition said.", "Disrupted weapons use"),
    ("The militia set up a roadblock on the highway linking the two towns.", "Headquarters or base established"),
    ("Militiamen burned a mosque and a school in the village overnight.", "Looting/property destruction"),
    # thirteenth batch
    ("The air force struck rebel camps in the east, killing twenty fighters.", "Air/drone strike"),
    ("Explosives buried under the road detonated as a patrol passed, killing two soldiers.",
     "Remote explosive/landmine/IED"),
])
def test_blind_batch_rule(text: str, sub: str) -> None:
    assert top_sub(text) == sub


@pytest.mark.parametrize("text", [
    # the crime that an arrest is for, by a suspect: not political violence by the police
    "Police arrested a woman suspected of stabbing her brother in a dispute over land.",
    "Residents were attacked by a swarm of bees in the village.",
    "A fire destroyed a warehouse at the port, the fire brigade said.",
    # police against robbers is crime; a walkout of lawmakers is politics
    "Police shot dead a suspected robber in a shootout at a bank.",
    "Opposition lawmakers walked out of parliament in protest at the ruling.",
    # an event remembered is not reported
    "The minister attended the funeral of the policemen killed last week.",
    "Hundreds gathered to mark the anniversary of the massacre of 1995.",
])
def test_blind_batch_not_an_event(text: str) -> None:
    assert top_sub(text) is None


@pytest.mark.slow
def test_regression_disappearance_told_by_a_negation_with_parser() -> None:
    """'has not been heard from since' is the disappearance itself, not its negation (parse)."""
    from dateline.events import extract_events
    from dateline.resources import Resources

    from .helpers import doc_of

    text = "A blogger was pushed into a van by armed men and has not been heard from since, his wife said."
    doc = doc_of(text)
    doc.annotations["nlp"] = Resources().nlp()(text)
    assert [e.sub_event_type for e in extract_events(doc)] == ["Abduction/forced disappearance"]
