"""Round 6 (issue 10k): event typing and actor1 on short reports, rules found by blind batch 10.

Each test is named after the kind of error (not after a batch sentence) and uses wordings of our own.
"""

from __future__ import annotations

import pytest

from dateline.actors.normalize import countries_named
from dateline.events.detect import detect
from dateline.events.modality import modality_of
from dateline.events.sentences import Sentence, split_sentences
from dateline.events.specificity import generic_reason


def _dets(text: str) -> list[tuple[str, str]]:
    sentence = next(iter(split_sentences(text, None)))
    return [(d.sub_event, d.modality) for d in detect(sentence, "", "", note="")]


def _asserted(text: str) -> set[str]:
    return {sub for sub, mod in _dets(text) if mod == "asserted"}


@pytest.mark.parametrize("text", [
    "Insurgents fired several mortars at the army base in the district.",
    "ISWAP fighters lobbed numerous rockets at the barracks overnight.",
    "The rebels fired many shells into the garrison town.",
])
def test_regression_rounds_fired_are_not_a_plural_of_events(text: str) -> None:  # spec.munitions-count
    sentence = Sentence(0, len(text), text)
    m = next(iter(d for d in detect(sentence, "", "", note="") if d.sub_event.startswith("Shelling")))
    assert generic_reason(sentence, m.start, m.end, True, False, True) is None


def test_several_attacks_stay_plural() -> None:  # spec.munitions-count does not reach event nouns
    text = "Militants carried out several attacks on villages."
    sentence = Sentence(0, len(text), text)
    at = text.index("attacks")
    assert generic_reason(sentence, at, at + len("attacks"), False, False, False) == "plural"


@pytest.mark.parametrize("text", [
    "The Arakan Army captured a police outpost after heavy fighting with the military.",
    "The Kachin Independence Army seized a hilltop camp from junta troops.",
    "Fighters of the Free Syrian Army took control of the village after clashes with the army.",
])
def test_regression_a_named_rebel_army_takes_territory_as_non_state(text: str) -> None:  # named-rebel-army
    assert "Non-state actor overtakes territory" in _asserted(text)


def test_the_national_army_still_regains_territory() -> None:
    assert "Government regains territory" in _asserted("The army recaptured the town from the rebels after heavy "
                                                       "fighting.")


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a community leader outside his home.",
    "Militants shot and wounded a shopkeeper in the old town.",
    "Bandits killed a farmer on his way to the market.",
    "Suspected rebels killed a priest and two catechists in the parish.",
])
def test_regression_civilian_occupations_make_an_attack(text: str) -> None:  # cue.civilian_target.*
    subs = _asserted(text)
    assert "Attack" in subs and "Armed clash" not in subs


@pytest.mark.parametrize("text", [
    "Police arrested 7 activists accused of planning to stage a protest against the tax bill.",
    "Police detained several union leaders ahead of a planned strike in the capital.",
    "Security forces arrested the organisers of a march scheduled for Friday.",
])
def test_regression_a_planned_protest_is_not_a_protest(text: str) -> None:  # modality.planned-window
    found = dict(_dets(text))
    assert not any(sub.startswith(("Protest", "Peaceful")) and mod == "asserted" for sub, mod in _dets(text))
    assert found.get("Arrests") == "asserted"


def test_a_protest_that_happened_stays_asserted() -> None:
    text = "Hundreds of traders staged a protest outside the town hall."
    sentence = Sentence(0, len(text), text)
    at = text.index("staged")
    assert modality_of(sentence, at, at + len("staged a protest")) == "asserted"


def test_countries_named_by_a_mention_s_own_words() -> None:  # acled.demonym-owner
    assert countries_named("a Russian Shahed drone") == {"RU"}
    assert countries_named("drone strike") == set()


slow = pytest.mark.slow


@slow
@pytest.mark.parametrize(("text", "country", "name"), [
    ("On 4 May 2024, Russian troops carried out a drone strike on a village near Sumy (Sumskyi, Sumy), killing a "
     "woman.", "UA", "Military Forces of Russia"),
    ("On 9 June 2024, an Israeli drone strike hit a car near Tyre (Tyre, South), killing two men.", "LB",
     "Military Forces of Israel"),
])
def test_regression_the_named_foreign_attacker_is_actor1(text: str, country: str, name: str) -> None:
    # roles.weapon-mention-yields and acled.demonym-owner: not the event country's own army
    from tests.acled.batch import predict

    ev = predict([{"id": "t", "text": text, "published": text[3:14]}])[0]
    assert ev is not None
    assert ev["actor1"]["name"].startswith(name)
    assert ev["actor1"]["type"] == "External/Other forces"


@pytest.mark.parametrize(("text", "n"), [
    ("Militants beheaded three villagers near the river.", 3),  # fatalities.killing-verbs
    ("Two farmers were decapitated by the insurgents.", 2),
    ("The fighters slaughtered 40 goats.", None),  # animals: no fatalities
])
def test_regression_beheadings_count_as_deaths(text: str, n: int | None) -> None:
    from dateline.events.fatalities import fatalities_in

    assert fatalities_in(text) == n


@slow
def test_regression_the_owner_s_police_is_actor1() -> None:  # acled.compound-head
    from tests.acled.batch import predict

    ev = predict([{"id": "t", "text": "On 5 May 2024, Houthi police arrested two aid workers in Sanaa.",
                   "published": "2024-05-05"}])[0]
    assert ev is not None and ev["sub_event_type"] == "Arrests"
    assert ev["actor1"]["name"].startswith("Police Forces of Yemen")


def test_regression_a_day_month_date_is_no_death_count() -> None:  # "on 24/02 lynched": 02 is a date
    from dateline.events.fatalities import fatalities_in

    assert fatalities_in("Two suspects were on 14/03 lynched by a crowd.") != 3
    assert fatalities_in("Two suspects were on 14/03 lynched by a crowd.") != 14


@pytest.mark.parametrize(("text", "n"), [
    ("Unknown assailants stabbed a local journalist to death near the market.", 1),  # fatalities.object-to-death
    ("Villagers beat two suspected cattle thieves to death.", 2),
    ("Gunmen gunned down a village chief in front of his house.", 1),  # fatalities.killing-verbs
    ("The attackers stabbed a trader and fled.", None),
])
def test_regression_an_object_killed_to_death_is_counted(text: str, n: int | None) -> None:
    from dateline.events.fatalities import fatalities_in

    assert fatalities_in(text) == n


@pytest.mark.parametrize("text", [
    "Gendarmes detained 9 students who were mobilising for a march scheduled the next day.",
    "Police arrested two union officials ahead of a strike set for Monday.",
])
def test_regression_mobilising_for_a_scheduled_protest_is_not_a_protest(text: str) -> None:  # planned-window
    assert not any(sub.startswith(("Protest", "Peaceful")) and mod == "asserted" for sub, mod in _dets(text))


@slow
def test_regression_a_named_group_s_troops_take_territory_as_non_state() -> None:  # sides.named-group-first
    from tests.acled.batch import predict

    ev = predict([{"id": "t", "text": "On 9 January 2024, TNLA troops overran a junta base near Namhsan and took "
                   "control of the town.", "published": "2024-01-09"}])[0]
    assert ev is not None and ev["sub_event_type"] == "Non-state actor overtakes territory"


def test_regression_set_on_fire_is_no_schedule() -> None:  # modality.planned-window: "set for", not "set on fire"
    text = "Dozens of shops were looted, set on fire and destroyed by militiamen in the town."
    assert "Looting/property destruction" in _asserted(text)


@slow
@pytest.mark.parametrize("name", ["news_negatives_batch10.jsonl", "news_negatives_batch10b.jsonl"])
def test_planned_threatened_and_hypothetical_violence_yields_no_event(name: str) -> None:
    from pathlib import Path

    from tests.acled.batch import load
    from tests.acled.negatives import events_of

    rows = load(Path(__file__).parent / "data" / name)
    found = {row["id"]: [e["sub_event_type"] for e in evs] for row, evs in zip(rows, events_of(rows), strict=True)}
    assert not any(found.values()), found


@pytest.mark.parametrize("text", [
    "Rebels took control of the border post after the soldiers withdrew.",
    "The militia seized the village of Kembe after government troops pulled out.",
])
def test_regression_a_takeover_after_a_withdrawal_is_told_by_its_taker(text: str) -> None:
    # detect.taker-over-withdrawal: one change of hands; the withdrawing side's own event is not reported besides
    sentence = next(iter(split_sentences(text, None)))
    assert {d.family for d in detect(sentence, "", "", note="")} & {"take", "withdraw"} == {"take"}


@slow
def test_regression_the_taker_after_a_withdrawal_is_actor1() -> None:  # detect.taker-over-withdrawal
    from tests.acled.batch import predict

    ev = predict([{"id": "t", "text": "On 2 June 2024, Al Shabaab fighters took control of the town of Mahas "
                   "(Mahas, Hiraan) after Somali troops withdrew.", "published": "2024-06-02"}])[0]
    assert ev is not None and "Shabaab" in ev["actor1"]["name"]


def test_regression_an_announced_sit_in_is_in_prospect() -> None:  # modality.planned-window
    text = "Soldiers arrested 6 members of a citizens' movement who had announced a sit-in for the following day."
    assert not any(sub.startswith(("Protest", "Peaceful")) and mod == "asserted" for sub, mod in _dets(text))
    assert ("Arrests", "asserted") in _dets(text)
