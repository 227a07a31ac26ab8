"""News rules of the second round (issue 9): each rule's id and an example of its own, not a dev sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events.sentences import Sentence
from dateline.events.specificity import generic_reason

from .helpers import subs_of, top_sub


def _why(text: str, trigger: str) -> str | None:
    start = text.lower().index(trigger)
    return generic_reason(Sentence(0, len(text), text), start, start + len(trigger))


@pytest.mark.parametrize(("rule", "text", "sub"), [
    ("detect.downed-aircraft", "Rebels shot down a government warplane over Idlib province on Monday.", "Armed clash"),
    ("detect.targeted-poisoning", "The dissident was poisoned with a nerve agent in a Berlin cafe on Friday.",
     "Attack"),
    ("detect.fired-on-towns", "The army fired on two border villages overnight, the governor said.",
     "Shelling/artillery/missile attack"),
    ("detect.evacuation-truce", "A deal was brokered on Sunday for the evacuation of rebels from the old city.",
     "Agreement"),
    ("detect.evacuation-truce", "Rebels began leaving the old city on Sunday under an evacuation deal with the army.",
     "Non-violent transfer of territory"),
    ("disrupt.failed-to-detonate", "A bomb planted near the police station failed to explode on Tuesday.",
     "Disrupted weapons use"),
])
def test_subtype_rules(rule: str, text: str, sub: str) -> None:
    assert top_sub(text) == sub, rule


def test_chemical_weapons_on_a_battlefield_stay_chemical() -> None:
    assert top_sub("Regime aircraft dropped bombs with a nerve agent on the town, killing dozens.") == "Chemical weapon"


@pytest.mark.parametrize(("rule", "text", "trigger", "reason"), [
    ("spec.legal-charges", "She faces three counts of attempted murder over the riot at the stadium.", "riot", "legal"),
    ("spec.legal-charges", "The two men were charged with taking part in the attack on the convoy.", "attack", "legal"),
    ("spec.live-blog-header", "WASHINGTON The Latest on the protests over police killings (all times local):",
     "protests", "summary"),
    ("spec.desired-release", "The families demanded the release of relatives abducted by the militia.", "abducted",
     "desired"),
])
def test_specificity_rules(rule: str, text: str, trigger: str, reason: str) -> None:
    assert _why(text, trigger) == reason, rule


def test_family_body_makes_an_arrest_a_crime() -> None:  # cue.crime.relative-body
    assert top_sub("A man was arrested on Friday after his wife's body was found in the garden of the house.") is None


def test_participle_adjective_is_a_description() -> None:  # spec.participle-adjective
    assert _why("Jailed blogger Omar Said freed from prison in Cairo, May 3, 2018.", "jailed") == "description"
    assert _why("Police detained protesters in Cairo on May 3.", "detained") is None


def test_one_of_several_failing_is_no_disruption() -> None:  # disrupt.failed-to-detonate
    assert "Disrupted weapons use" not in subs_of("Two grenades were thrown at the crowd, but one of them failed to "
                                                  "detonate.")


@pytest.mark.parametrize("text", [
    "Police arrested an opposition MP over remarks made at a rally on Sunday.",
    "Police arrested opposition leaders in the capital on Monday.",
])
def test_an_arrest_of_a_journalist_is_no_description(text: str) -> None:  # spec.participle-adjective
    assert _why(text, "arrested") is None


def test_centre_of_protests_is_habitual() -> None:  # spec.centre-of-protests
    assert _why("The square became the hub of anti-government protests last year.", "protests") == "habitual"


def test_armed_among_victims_is_a_clash() -> None:  # sides.armed-among-victims
    assert top_sub("Gunmen attacked a checkpoint on Sunday: two soldiers and a shepherd were killed in the attack.") \
        == "Armed clash"


def test_protection_against_strikes_is_no_event() -> None:  # spec.protection-against
    assert _why("The shelters give residents some protection against government air strikes.", "air strikes") \
        == "protection"


def test_gunmen_without_an_act_are_no_attack() -> None:  # detect.gunmen-without-violence
    assert top_sub("Police said three gunmen were believed to be hiding in the farmhouse on Monday.") is None
    assert top_sub("Gunmen stormed a village in Zamfara state on Monday.") is not None


def test_drones_flying_and_fortifications_owned() -> None:  # air.russian-syrian-israeli, change.fortif-ied-ying
    assert top_sub("Officials confirmed that US drones were flying missions along the border in March.") is None
    assert top_sub("The army said it destroyed their fortifications near the river on Monday.") != \
        "Change to group/activity"


def test_second_object_of_a_request_is_asked_for() -> None:  # spec.desired-coordinated
    assert _why("The families demanded the return of the bodies as well as the handover of the checkpoint.",
                "handover") == "desired"


def test_glued_headline_is_no_report() -> None:  # spec.glued-headline
    assert _why("Militia raids spark anger The governor said on Friday that roads would reopen.", "raids") == "headline"
    assert _why("Militia raids on Friday killed four The governor said roads would reopen.", "raids") is None


def _blind_rows() -> list[tuple[str, str, str]]:
    path = Path(__file__).parent / "data" / "round2_rules_blind.tsv"
    lines = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [(r, e, t) for r, e, t in lines[1:]]


def test_round2_rules_blind_batch_floor() -> None:
    """The audit batch (written before the rules were run on it): 30/41 before the audit, 40/41 after."""
    rows = _blind_rows()
    right = sum((top_sub(text) or "none") == expected for _, expected, text in rows)
    assert len(rows) == 41
    assert right >= 39


@pytest.mark.parametrize(("text", "sub"), [
    # detect.downed-aircraft, generalized: any manned aircraft shot down or downed, whatever names the weapon
    ("Insurgents shot down an army helicopter near Kidal on Thursday, killing its two pilots.", "Armed clash"),
    ("Ukrainian air defences downed a Russian Su-25 jet over the Donetsk region on Saturday.", "Armed clash"),
    ("Houthi forces said they had shot down a US MQ-9 Reaper drone over Marib on Sunday.", "Disrupted weapons use"),
    # detect.targeted-poisoning, generalized: the agents of targeted poisonings, even when someone "collapsed"
    ("The opposition leader collapsed on a flight after being poisoned with Novichok, his aides said.", "Attack"),
    # detect.evacuation-truce, generalized: the deal made in either word order
    ("Negotiators reached an evacuation agreement for the besieged district late Tuesday, the UN said.", "Agreement"),
    ("The army and the rebels signed an accord on Thursday for the evacuation of wounded fighters from the enclave.",
     "Agreement"),
    # detect.gunmen-without-violence: spraying bullets is an act
    ("The gunmen fled on motorcycles after spraying the market with bullets on Wednesday.", "Attack"),
])
def test_generalized_round2_rules(text: str, sub: str) -> None:
    assert top_sub(text) == sub


def test_failed_agreement_is_negated() -> None:  # modality.failed-agreement
    assert top_sub("The two sides failed to agree on a ceasefire after three days of talks.") is None
    assert top_sub("The two sides agreed on a ceasefire on Monday after three days of talks.") == "Agreement"


def test_a_gas_leak_is_no_poisoning() -> None:  # detect.targeted-poisoning
    assert top_sub("At least 280 people were affected after inhaling poisonous gas leaked from a chemical factory in "
                   "the port city on Wednesday, police said. The leak was caused by a broken pipe.") is None
