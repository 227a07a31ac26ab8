"""ACLED note conventions of issue 10 (round 10h): notes that yielded no event, and their news-style negatives.

Each rule is pinned by our own sentences (not dev rows); the negatives are news-style sentences (background,
policy talk, hypotheticals, words not blows) that must not yield the events these rules add.
"""

from __future__ import annotations

import pytest
from tests.events.helpers import events_of, subs_of, top_sub

from dateline.events.sentences import _rejoined


@pytest.mark.parametrize(("text", "sub"), [
    # detect.found-dead (note scope): bodies found are ACLED's attack on civilians by an unidentified group
    ("On 8 July 2021, the bodies of three men with gunshot wounds were found on a dirt road outside Tepic.", "Attack"),
    ("On 2 June 2022, residents found the body of a village chief in the bush near Mambasa.", "Attack"),
    ("Around 4 March 2020, a man and a woman were killed and dumped in a ravine near Uruapan.", "Attack"),
    # the lockdown, the blockade and the toll checkpoint are ACLED's Other
    ("On 6 May 2021, the de facto authorities announced a 24-hour lockdown in five districts of the capital.", "Other"),
    ("On 10 March 2023, militants imposed a blockade on Diapaga, preventing food and fuel from entering the town.",
     "Other"),
    ("On 4 April 2024, a clan militia established an illegal checkpoint on the Afgooye road, extorting drivers.",
     "Other"),
    ("On 2 May 2021, al Shabaab set up roadblocks near Garissa to extort money from truck drivers.", "Other"),
    # weak Other of notes: gunshots heard, evictions, when nothing else is told
    ("On 14 July 2020, heavy gunfire was heard near the presidential palace in Bissau for an hour.", "Other"),
    ("On 9 March 2019, the county government started a second phase of evictions in the forest near Narok.",
     "Other"),
    # detect.unarmed-clash: unarmed parties clashing (no armed group, no troops) are a mob
    ("On 3 May 2020, journalists and park rangers clashed near Puri town.", "Mob violence"),
    ("On 15 April 2024, members of the party's student wing clashed in front of the stadium; one was injured.",
     "Mob violence"),
    ("On 22 November 2019, police tried to remove opposition politicians, prompting scuffles in the chamber.",
     "Mob violence"),
    # a deliberate fire is no disaster; livestock raided by armed youths is looting
    ("On 1 May 2020, an anarchist cell carried out an arson attack targeting a power plant near Izmir.",
     "Looting/property destruction"),
    ("On 2 August 2022, armed Toposa youths raided a cattle camp near Kapoeta and stole 300 heads of cattle.",
     "Looting/property destruction"),
    # fire into a crowd hits civilians, not an armed party
    ("On 9 June 2019, the guards fired live bullets into the crowd at the airport gate, killing two.", "Attack"),
])
def test_note_conventions(text: str, sub: str) -> None:
    assert top_sub(text) == sub


def test_regression_an_accusers_coordinated_act_is_no_attribution() -> None:
    """"accused a youth of being an MDC supporter and assaulted him": the assault is reported, not alleged."""
    evs = events_of("On 3 May 2021, the ruling party's youth chairperson accused a youth of being an opposition "
                    "supporter and assaulted him in Murehwa.")
    assert [e.sub_event_type for e in evs] == ["Attack"]


def test_note_scope_patterns_stay_out_of_whole_articles() -> None:
    """A "bodies found" or "gunshots heard" sentence inside a whole article is no event by itself."""
    filler = ("The city council met on Monday to discuss the budget. Officials said the new bridge would open in "
              "spring. Traffic was heavy on the ring road. Schools reopened after the holidays. ")
    for sentence in ("Later that day the bodies of two men were found on a road outside the town.",
                     "Residents said gunshots were heard in the district."):
        assert subs_of(filler + sentence + " The weather stayed mild.") == []
        assert top_sub(sentence) is not None  # the same sentence as a short note is one


@pytest.mark.parametrize("text", [
    "The ministry said it would consider imposing a lockdown if infections kept rising.",
    "The government plans to impose a lockdown on the capital next week.",
    "Analysts say a blockade of the port could push food prices even higher.",
    "Critics fear the new law will let the police evict thousands of families without notice.",
    "Lawmakers and ministers clashed over the budget in a heated session of parliament.",
    "Students and their teachers clashed on social media about the new exam rules.",
    "Officials warned that rustlers could steal hundreds of cattle during the dry season.",
    "Rescuers recovered the bodies of twelve miners after the mine collapsed.",
    "There was a suspicion the body was his because his uniform and ID card were found near the body.",
    "A man was arrested after his mother's body was found in a freezer at their home.",
    "Residents say gunshots are often heard at night in the district.",
])
def test_news_style_negatives(text: str) -> None:
    assert subs_of(text) == []


def test_rejoin_sentences_the_parser_cut() -> None:
    """rule sentences.rejoin-broken: "... townships [north-eastern Kenya] for purposes of ..." is one sentence."""
    body = "Militants erected road blocks between two townships [north-eastern Kenya] for extortion. Date unknown."
    cut = body.index("[")
    end = body.index(" Date")
    pieces = [(0, cut - 1, None), (cut, end, None), (end + 1, len(body), None)]
    assert [(a, b) for a, b, _ in _rejoined(body, pieces)] == [(0, end), (end + 1, len(body))]
    headline = "Rebels seize town\n\nrebels seized the town on Monday."
    pieces = [(0, 17, None), (19, len(headline), None)]
    assert len(_rejoined(headline, pieces)) == 2  # a paragraph break stays a break


@pytest.mark.parametrize(("text", "sub"), [
    # sides.winner-by-loser: the side a place was taken from tells who took it
    ("The state forces drove the rebels out of the locality.", "Government regains territory"),
    ("The latter drove these militiamen out of the town and fully controlled it.", "Government regains territory"),
    ("The SNA and AU troops' allies captured the village from Al Shabaab on Friday.", "Government regains territory"),
    ("The rebels captured the town from the army on Sunday.", "Non-state actor overtakes territory"),
    ("Insurgents drove the soldiers out of the district headquarters.", "Non-state actor overtakes territory"),
])
def test_winner_by_loser(text: str, sub: str) -> None:
    assert top_sub(text) == sub


def test_a_clash_of_words_is_no_mob() -> None:
    assert subs_of("Ministers clashed over the new tax plan on Monday.") == []
    assert top_sub("On 15 April 2024, members of the student wing clashed outside the stadium over unknown "
                   "reasons.") == "Mob violence"


@pytest.mark.parametrize(("text", "sub"), [
    # detect.grenade-launchers: launchers fired at positions are shelling; a launcher in an attack stays a grenade
    ("On 4 May 2021, the separatists fired grenade launchers at the positions of the army near Avdiivka.",
     "Shelling/artillery/missile attack"),
    ("On 10 June 2022, gunmen attacked a police post with a grenade launcher near Mandalay.", "Grenade"),
    # aircraft that fire or drop bombs: the air strike, not the clash or the attack told with it
    ("On 28 March 2021, two fighter jets of the air force fired at a rebel base camp near Hpapun.",
     "Air/drone strike"),
    ("On 3 May 2022, soldiers attacked civilians in two villages, also dropping bombs from helicopters.",
     "Air/drone strike"),
])
def test_weapons_of_the_event(text: str, sub: str) -> None:
    assert top_sub(text) == sub


def test_note_harm_over_property() -> None:
    """rule note.harm-over-property: people killed in the note make the attack, not the burning, its event."""
    note = ("On 5 November 2022, gunmen attacked a truck on the road to Bria, leaving one dead and two injured. "
            "The truck was also set on fire by the assailants.")
    assert top_sub(note) == "Attack"
    unharmed = "On 5 November 2022, gunmen set fire to a truck on the road to Bria. No casualties were reported."
    assert top_sub(unharmed) == "Looting/property destruction"


@pytest.mark.parametrize(("text", "n"), [
    ("On 8 July 2023, the bodies of two men with gunshot wounds were found dumped on a road.", 2),
    ("Residents found the body of a local chief in the bush.", 1),
    ("The body of a young trader was found in a ditch.", 1),
    ("A man and a woman were killed and left inside a burned-out car.", 2),
    ("The lake is the largest body of water in the region.", None),
    ("The governing body of the party met on Monday.", None),
])
def test_regression_tolls_of_bodies_found(text: str, n: int | None) -> None:
    from dateline.events.fatalities import fatalities_in

    assert fatalities_in(text) == n


def test_regression_supporters_exchanging_fire_clash_armed() -> None:
    """Unarmed parties clash as a mob, but parties that exchange fire are armed (batch 1's b1-18 pattern)."""
    from dateline.events.detect import detect
    from dateline.events.sentences import split_sentences

    sentence = next(iter(split_sentences("On 3 March 2022, supporters of two rival clans exchanged fire in the old "
                                         "market.", None)))
    assert [d.sub_event for d in detect(sentence, armed_group=True, note="")] == ["Armed clash"]


def test_a_date_alone_is_the_next_sentences_date() -> None:
    """rule sentences.date-lead: "26 October." opening a note dates its next sentence (one sentence with it)."""
    from dateline.events.sentences import split_sentences

    texts = [s.text for s in split_sentences("26 October. Sporadic gunshots heard in Bria. The mayor was dismissed.")]
    assert texts == ["26 October. Sporadic gunshots heard in Bria.", "The mayor was dismissed."]
    assert top_sub("26 October. Sporadic gunshots heard for a few minutes in Bria. The mayor, a Muslim, was seen "
                   "as a balancing force. His dismissal was criticized by some.") == "Other"


@pytest.mark.parametrize(("text", "sub"), [
    # note.protest-typing: the answer told in the present of older notes, or tear gas told anywhere in the note
    ("Graduates protest and disrupt the ceremony in Harare, demanding jobs. Their leader is removed by the police.",
     "Protest with intervention"),
    ("Dozens of pupils in Bangui were choking from tear gas. They protested the bullying they suffer.",
     "Protest with intervention"),
    # cutting telephone services is ACLED's Other, like cutting the internet
    ("On 3 October 2025, the militants suspended Hormuud Telecom services in a village near Jamaame.", "Other"),
])
def test_more_note_conventions(text: str, sub: str) -> None:
    assert top_sub(text) == sub


@pytest.mark.parametrize(("text", "fought"), [
    # note.fight-intended: a fight planned or purposed is no fight told
    ("rebels occupied the locality. they were regrouping to plan a new offensive against the town.", False),
    ("the group took control of the town ahead of its advance to dislodge rival fighters.", False),
    ("they vowed to attack the base.", False),
    ("the dispute over the land led to clashes.", True),
    ("rebels occupied the town after clashes with the army.", True),
])
def test_fight_intended_is_no_fight(text: str, fought: bool) -> None:
    from dateline.events.note import fought_in

    assert fought_in(text) is fought


def test_regression_background_suppresses_nothing() -> None:
    """rule detect.background-suppresses-nothing: the abduction in "a chief who had been abducted two days
    earlier" is background and does not hide the body found, the note's event."""
    assert top_sub("On 19 November 2022, residents found the body of a village chief who had been abducted two "
                   "days earlier near Oicha. The killing is attributed to the ADF.") == "Attack"
