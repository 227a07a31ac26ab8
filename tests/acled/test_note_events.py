"""Event kinds of ACLED notes that earlier rounds missed (our own sentences)."""

from __future__ import annotations

import pytest

from dateline.events.detect import detect
from dateline.events.sentences import split_sentences


def _subs(text: str, armed_group: bool = False) -> set[str]:
    sentence = next(iter(split_sentences(text, None)))
    return {d.sub_event for d in detect(sentence, "", "", armed_group=armed_group) if d.modality == "asserted"}


@pytest.mark.parametrize(("text", "sub"), [
    # a named group at the start of the sentence: the verb is the trigger, not the capitalized name
    ("On 2 March 2024, Al Shabaab imposed a levy (heavy taxation) on herders near the wells.", "Other"),
    ("ISWAP fighters collected zakat from farmers after the harvest.", "Other"),
    ("Twelve hostages were freed from a Taliban prison during the operation.", "Other"),
])
def test_regression_armed_group_governance_is_other(text: str, sub: str) -> None:
    assert sub in _subs(text)


def test_regression_an_armed_group_withdrawing_is_a_transfer_of_territory() -> None:
    assert "Non-violent transfer of territory" in _subs("The UPC withdrew from the town of Kembe overnight.",
                                                        armed_group=True)


def test_regression_violence_against_a_party_supporter_is_an_attack() -> None:
    assert "Attack" in _subs("An opposition party supporter was attacked by three men outside his house.")
    assert not _subs("A man was attacked by his neighbour over a debt.")  # no political side: a crime


@pytest.mark.parametrize(("text", "n"), [
    ("As a result, several militia leaders were killed and others injured.", 3),  # ACLED: "several" is 3
    ("4 CJTF and vigilante members were killed in the ambush.", 4),  # one party named twice, one count
    ("2 FPRC/Goula fighters were killed and a peacekeeper was injured.", 2),
    ("The wounded boy later died in hospital.", 1),
    ("Gunmen assassinated a local councillor outside his home.", 1),
    ("The rally died down by the evening.", None),
])
def test_regression_note_tolls(text: str, n: int | None) -> None:
    from dateline.events.fatalities import fatalities_in

    assert fatalities_in(text) == n


@pytest.mark.parametrize(("text", "sub"), [
    ("The militia started the disarmament and demobilization process in the district capital.", "Agreement"),
    ("Militants hijacked a bus carrying twenty passengers near the border.", "Other"),
    ("Soldiers opened gunfire at civilians near the junction.", "Attack"),
])
def test_regression_more_note_events(text: str, sub: str) -> None:
    assert sub in _subs(text, armed_group=True)


def test_a_stalled_disarmament_process_is_no_agreement() -> None:
    assert "Agreement" not in _subs("There is a total blockage in the disarmament process, the group said.")


@pytest.mark.parametrize(("text", "sub"), [
    ("Soldiers beat an opposition supporter for handing out leaflets.", "Attack"),
    ("A minibus was attacked by suspected militants on the highway.", "Attack"),
    ("Rebel forces fired 82mm mortars, heavy machine guns and small arms at the army positions near the village.",
     "Armed clash"),  # ACLED: small arms in the exchange make it a clash
])
def test_regression_attack_targets_and_small_arms(text: str, sub: str) -> None:
    assert sub in _subs(text, armed_group=True)


def test_regression_party_members_wrecking_a_house_is_mob_violence() -> None:
    assert "Mob violence" in _subs("Members of the ruling party vandalized the house of an opposition leader.")
    # an armed group destroying property stays looting/property destruction
    assert "Looting/property destruction" in _subs("Militants set fire to the houses of the village chief.",
                                                   armed_group=True)


@pytest.mark.parametrize(("text", "sub"), [
    ("Teachers held a sit-in at the ministry and police intervened and moved the protesters out of the building.",
     "Protest with intervention"),
    ("Villagers protested against the new tax, and the protesters were then beaten with sticks by guards.",
     "Excessive force against protesters"),
])
def test_regression_police_answer_words(text: str, sub: str) -> None:
    assert sub in _subs(text)
