"""Note-level rules (src/dateline/events/note.py) and the detection rules of the fourth ACLED round (our own
sentences, one tested example per rule id)."""

from __future__ import annotations

import pytest

from dateline.events.detect import detect
from dateline.events.note import fought_in
from dateline.events.sentences import split_sentences


def _subs(text: str, armed_group: bool = False) -> list[str]:
    """The asserted sub-events of each sentence, the others of the note given as ``note``."""
    sentences = list(split_sentences(text, None))
    out = []
    for i, s in enumerate(sentences):
        note = " ".join(x.text for j, x in enumerate(sentences) if j != i)
        out += [d.sub_event for d in detect(s, "", "", armed_group=armed_group, note=note) if d.modality == "asserted"]
    return out


def test_note_protest_typing_reads_the_violence_told_earlier() -> None:  # rule note.protest-typing
    text = "Students of a technical college fought running battles with police. The protests began over fees."
    assert "Violent demonstration" in _subs(text)


def test_note_protest_typing_reads_force_told_later() -> None:
    text = "Residents protested against evictions near the market. The protesters were then beaten with sticks."
    assert "Excessive force against protesters" in _subs(text)


def test_scuffles_without_participants_do_not_make_a_riot() -> None:
    text = "Teachers marched to demand their arrears. There were scuffles in town."
    assert "Violent demonstration" not in _subs(text)


def test_no_fight_transfer_when_the_note_tells_no_fighting() -> None:  # rule note.no-fight-transfer
    assert _subs("About 80 rebels occupied the village of Kata. Residents fled to the bush.", armed_group=True) == [
        "Non-violent transfer of territory"]
    assert not fought_in("no clashes were reported. no fatalities reported.")
    assert fought_in("the rebels took control of the town after a clash with the army.")


def test_a_forceful_capture_stays_a_takeover() -> None:
    subs = _subs("The rebels seized control of the border post on Monday.", armed_group=True)
    assert "Non-state actor overtakes territory" in subs


def test_passive_takeover_by_a_named_group() -> None:  # rule detect.taken-by
    subs = _subs("The town of Kaga was taken by CPC forces after a clash with the army.", armed_group=True)
    assert "Non-state actor overtakes territory" in subs


def test_partisan_attack_without_weapons() -> None:  # rule detect.partisan-attack
    text = "An opposition supporter was threatened at a rally. The ZANU supporter later attacked him."
    assert "Attack" in _subs(text)


def test_houses_burnt_by_a_group_are_mob_violence() -> None:  # rule detect.crowd-passive
    text = "Twelve houses were burnt down in the estate by a group of angry motorcycle taxi riders."
    assert "Mob violence" in _subs(text)


def test_crowd_apposition() -> None:  # trigger mob.crowd-apposition-attacked
    assert "Mob violence" in _subs("Youths, armed with sticks and stones, attacked road workers near the quarry.")


def test_pluperfect_relative_clause_is_background() -> None:  # rule detect.pluperfect-background
    from dateline.events.adjust import _AFTER

    assert _AFTER.search("gunmen who had already ")


def test_regression_dated_lead_of_a_note_keeps_a_weak_attack() -> None:  # rule note.dated-lead
    from dateline.events.stage import NOTE_LEAD_MARGIN

    assert 0 < NOTE_LEAD_MARGIN <= 0.1


def test_bond_notes_are_no_court_bond() -> None:  # cue.judicial.bond
    from dateline.events.lexicon import cue_patterns

    assert not cue_patterns()["judicial"].search("she criticised bond notes at a rally")
    assert cue_patterns()["judicial"].search("he was held on bond")


def test_the_grievance_of_a_protest_is_no_event() -> None:  # rule detect.protest-grievance
    text = "Hundreds of residents barricaded streets and burned tires in demonstration against a gang rape in the town."
    assert _subs(text) == ["Violent demonstration"]


def test_party_members_and_police_clashing_at_a_demonstration_riot() -> None:  # detect: "X and police clashed"
    text = "Members of the opposition party and police forces clashed during the march, leaving 20 injured."
    assert "Violent demonstration" in _subs(text)


def test_violent_unrest_makes_the_protest_violent() -> None:  # cue.protester_violence.violent-protests-demonstrations
    text = "Police guarded the college following violent unrest. The students were demonstrating against high fees."
    assert "Violent demonstration" in _subs(text)


def test_one_sentence_note_occupation_without_fighting() -> None:  # rule note.no-fight-transfer, one sentence
    assert _subs("About 100 armed men occupied the village of Bitiyo.", armed_group=True) == [
        "Non-violent transfer of territory"]
    assert "Non-state actor overtakes territory" in _subs("Rebels have taken over four localities in the territory.",
                                                         armed_group=True)


def test_no_note_no_transfer_rule() -> None:  # a longer text (note=None) keeps the takeover
    sentence = next(iter(split_sentences("About 100 armed men occupied the village of Bitiyo.", None)))
    assert [d.sub_event for d in detect(sentence, "", "", armed_group=True)] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("text", [
    "Peacekeepers retrieved an IED planted by suspected militiamen near the village.",  # disrupt.retrieved-ied
    "An IED exploded while the militants were planting it near the road.",  # disrupt.exploded-while-planting
    "A bomb carried by the militants detonated prematurely, killing four of them.",  # disrupt.detonated-prematurely
])
def test_disrupted_weapons_use(text: str) -> None:
    assert "Disrupted weapons use" in _subs(text, armed_group=True)


@pytest.mark.parametrize(("text", "sub"), [
    ("Regime forces targeted two bulldozers with ATGMs on the front line.", "Shelling/artillery/missile attack"),
    ("A telecom tower owned by the military was bombed and destroyed overnight.", "Remote explosive/landmine/IED"),
    ("Militiamen led by a local commander injured a soldier and the leader of a youth group.", "Armed clash"),
    ("A contingent of the presidential guard arrived in the town on Thursday.", "Change to group/activity"),
    ("RRR occupied the city after some clashes with a local militia.", "Non-state actor overtakes territory"),
])
def test_fourth_round_triggers(text: str, sub: str) -> None:
    assert sub in _subs(text, armed_group="RRR" not in text)


def test_attribution_in_another_clause_does_not_lower_the_event() -> None:  # rule stage.attribution-clause
    from dateline.events.stage import _attribution_penalty

    text = "A militia leader believed to be responsible for an attack in 2017, surrendered to the peacekeepers."
    sentence = next(iter(split_sentences(text, None)))
    det = next(d for d in detect(sentence, "", "", armed_group=True) if d.sub_event == "Agreement")
    assert _attribution_penalty(det, sentence) == 0.0


def test_note_header_dates_the_event_over_a_background_year() -> None:  # rule dating.note-header
    from dateline.timex.dating import date_event
    from dateline.timex.tagger import tag

    body = "20 January. A militia leader, blamed for an attack in 2017, surrendered to the peacekeepers."
    timexes = tag(body, "2018-01-25")
    at = body.index("surrendered")
    dating = date_event(body, body.index("A militia"), len(body), timexes, "2018-01-25", trigger=at)
    assert dating.date is not None and dating.date.start == "2018-01-20"


def test_a_date_in_a_place_name_dates_nothing() -> None:  # rule dating.named-date
    from dateline.timex.dating import date_event
    from dateline.timex.tagger import tag

    body = "On 28 April 2020, forces fired 19 shells at the July 7 neighbourhood of the port city."
    timexes = tag(body, "2020-04-28")
    dating = date_event(body, 0, len(body), timexes, "2020-04-28", trigger=body.index("fired"))
    assert dating.date is not None and dating.date.start == "2020-04-28"


def test_negated_clauses_and_combatants_are_no_fighting() -> None:  # note.FIGHT, note._NO_FIGHT
    assert not fought_in("militia combatants occupied the locality. no fatalities and/or injuries reported.")
    assert fought_in("the combatants clashed with the army before they occupied the locality.")


def test_a_named_place_taken_by_a_group() -> None:  # detect: weak "taken by" with a named subject
    subs = _subs("Rafai was taken by UPC after battling against the local self-defense militia.", armed_group=True)
    assert subs == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(("text", "sub"), [
    ("A local defence force launched a mine attack on soldiers patrolling the road.", "Remote explosive/landmine/IED"),
    ("The militia bombed and destroyed a telecom tower operated by the military.", "Remote explosive/landmine/IED"),
    ("Unidentified gunmen assassinated a colonel of the air force intelligence.", "Armed clash"),
])
def test_fifth_round_triggers(text: str, sub: str) -> None:
    assert sub in _subs(text, armed_group=True)


def test_machine_guns_at_farms_stay_shelling() -> None:  # adjust.small_arms_clash needs an armed target
    text = "Government forces fired 6 artillery shells and machine guns at farms near the village."
    assert "Shelling/artillery/missile attack" in _subs(text)
    text = "Rebels fired mortars and heavy machine guns at army positions near the village."
    assert "Armed clash" in _subs(text, armed_group=True)


def test_a_deadly_fight_outranks_the_weapons_seized() -> None:  # rule note.violence-first
    from dataclasses import replace

    from dateline.events.note import violence_first
    from dateline.records import Event, Evidence, Plover

    base = Event(id="a", event_type="Battles", sub_event_type="Armed clash", evidence=Evidence("s", 0, 1),
                 plover=Plover("FIGHT", None), fatalities=1, confidence=0.6)
    seized = replace(base, id="b", event_type="Strategic developments", sub_event_type="Disrupted weapons use",
                     fatalities=None, confidence=0.89)
    ranked = violence_first([base, seized])
    assert max(ranked, key=lambda e: e.confidence).sub_event_type == "Armed clash"


def test_partisan_note_makes_a_beating_political() -> None:  # rule note.partisan
    text = ("Ten ruling party youths came to the house of an opposition polling agent. "
            "They beat them heavily with sticks.")
    assert "Attack" in _subs(text)


def test_prison_guards_are_no_court_story() -> None:  # cue.judicial.prison
    from dateline.events.lexicon import cue_patterns

    assert not cue_patterns()["judicial"].search("senior prison guards tortured a colleague")
    assert cue_patterns()["judicial"].search("he was sent to prison")


@pytest.mark.parametrize(("text", "sub"), [  # from invented batch 4, after its blind scoring
    ("Hindu and Muslim groups clashed and pelted each other with stones during a procession.", "Mob violence"),
    ("Taliban authorities publicly flogged twelve people in a stadium for alleged theft.", "Attack"),
    ("ISWAP militants distributed leaflets warning residents not to collaborate with the army.", "Other"),
    ("Police forcibly evicted residents of a settlement and demolished their houses.", "Looting/property destruction"),
])
def test_batch4_rules(text: str, sub: str) -> None:
    assert sub in _subs(text)


def test_tear_gas_grenades_are_no_grenade_attack() -> None:
    assert "Grenade" not in _subs("Police fired tear gas grenades at students protesting outside the school.")


def test_an_event_coded_separately_is_background() -> None:  # adjust._CODED_APART
    text = ("Clan elders reached an agreement in the town after two militiamen abducted a girl (coded separately), "
            "ending the dispute.")
    sentence = next(iter(split_sentences(text, None)))
    dets = {d.sub_event: d.strength for d in detect(sentence, "", "", armed_group=True)}
    assert dets["Agreement"] > dets.get("Abduction/forced disappearance", 0)


def test_mortar_shells_handed_over_are_not_fired() -> None:  # ctx handover
    text = "Militiamen handed over their weapons, including 13 mortar shells, to the peacekeepers."
    assert "Shelling/artillery/missile attack" not in _subs(text, armed_group=True)


def test_party_youths_assaulting_a_supporter_attack() -> None:  # rule detect.party-youths
    assert "Attack" in _subs("ZANU-PF youths assaulted a CCC supporter in the township, accusing him of campaigning.")


def test_regression_goods_seized_in_a_town_are_no_takeover() -> None:  # sides._GOODS
    text = "Al Shabaab destroyed and set fire to food commodities seized from shops and stores in Saakow town."
    assert "Non-state actor overtakes territory" not in _subs(text, armed_group=True)


def test_a_guard_contingent_is_military() -> None:  # cue.military.guards-contingent
    text = "A contingent of the presidential guard arrived in the town on Thursday."
    assert "Change to group/activity" in _subs(text)
