"""Specific, real occurrences only: generic, habitual, trend and durative mentions are not events.

ACLED codes one occurrence at one place and time. A trigger word is not one when it is

- a trend or a count over a period: "months of protests", "a wave of attacks", "several
  protests", "frequent air strikes" (:data:`_TREND`, :data:`_PLURAL_VAGUE`);
- habitual or durative: "regularly carries out such operations", "over the past three years",
  "in recent months", "since 2011" (:data:`_HABITUAL`, :data:`_DURATIVE`), unless the sentence
  also gives the event a day of its own;
- background of the sentence: "amid unrest", "amid the protests" (:data:`_AMID`);
- a plural without a date of its own ("drone strikes cause embarrassment", "the centre of
  street protests"), a participle describing an actor ("rebel groups fighting to topple
  Assad"), something asked for ("wanted the release of their fighters"), a rule about it ("a
  bill that restricts protests") or the topic of a work ("a book about sexual abuse");
- fiction, games, drills and re-enactments: "a fictional civil war", "players lead a militia"
  (:data:`_FICTION`);
- a photo caption in a whole article ("Photo: ...", a credit, a dated present-tense scene), a
  count inside the trigger ("staged several protests"), a campaign ("the bombing campaign") or
  the same word told as a trend later in the sentence ("after weeks of shelling");
- a nominal modifier, not an occurrence: "protest laws", "attack helicopters", "strike
  force" (the trigger's last word modifies a noun that is not itself an event, read from the
  parse, or from the next word without one: :data:`_MODIFIED_NOUN`).

:func:`generic_reason` returns why a trigger is generic, or None when it may be an occurrence.
"""

from __future__ import annotations

import re

from .sentences import Sentence, token_at

__all__ = ["generic_reason"]

_TREND = re.compile(r"\b(?:hours|days|weeks|months|years|decades|nights|weekends) of (?:[\w-]+ ){0,3}$")
#: "a series of attacks", "a wave of protests": a trend, unless the sentence dates it ("on Sunday")
_SERIES = re.compile(r"\b(?:a |the )?(?:new |fresh |recent |renewed |growing |latest )?"
                     r"(?:wave|waves|spate|string|rash|spiral|cycle|history|pattern|tide|surge|upsurge|flurry|litany|"
                     r"series) of (?:[\w-]+ ){0,3}$")
_PLURAL_VAGUE = re.compile(r"\b(?:several|many|numerous|frequent|repeated|regular|countless|recurring|sporadic|"
                           r"occasional|periodic|constant|persistent|ongoing|continued|continuing|daily|weekly|"
                           r"nightly|widespread|such|similar|other|more|further|previous|past|recent) "
                           r"(?:[\w-]+ ){0,2}$")
#: rule spec.munitions-count: "fired several mortars at the base", "lobbed several rockets": a count of rounds
#: fired in one attack, not a plural of events ("several attacks", "many protests" stay plural)
_MUNITIONS = re.compile(r"\b(?:mortars?|mortar (?:shells|rounds|bombs)|rockets|missiles|shells|rounds|projectiles|"
                        r"grenades|bombs|drones|bullets|shots|katyushas|artillery shells)$")
#: fiction, games and make-believe: "a fictional civil war", "in the game", "the film depicts"
_FICTION = re.compile(r"\b(?:fictional|fictitious|imaginary|make-believe|in the (?:game|film|movie|novel|series|show|"
                      r"book|play|episode|campaign mode)|the (?:game|film|movie|novel|series|show|play|episode|"
                      r"sequel|trailer) (?:depicts|shows|follows|tells|is set|features|lets|drops)|"
                      r"players? (?:can|must|will|lead|control)|you (?:lead|control|play|command)|"
                      r"(?:best|final|first|opening|last) (?:mission|level|chapter)|(?:is|was) set in|"
                      r"plays? (?:a|the) (?:role|part) of|"
                      r"starring|cast as|"
                      r"simulat(?:ion|ed|es)|drills?|exercises?|rehears\w+|re-?enact\w*)\b")
_AMID = re.compile(r"\b(?:amid|amidst|despite|in the midst of|against the backdrop of|in the face of) "
                   r"(?:the |a |an |growing |ongoing |continuing |months of |weeks of |widespread |mass )?"
                   r"(?:[\w-]+ ){0,2}$")
_HABITUAL = re.compile(r"\b(?:regularly|routinely|frequently|often|usually|typically|repeatedly|constantly|"
                       r"habitually|periodically|occasionally|sometimes|increasingly|traditionally|"
                       r"every (?:year|month|week|day|night)|each (?:year|month|week))\b")
_DURATIVE = re.compile(r"\b(?:over|in|during|for) the (?:past|last) (?:[\w-]+ )?(?:years?|months|decades?|weeks)\b|"
                       r"\bin recent (?:years|months|weeks|decades)\b|\bfor (?:years|decades|months)\b|"
                       r"\bsince (?:19|20)\d\d\b|\bsince the (?:start|beginning|outbreak) of\b")
#: nouns that make a trigger word name a kind of thing ("protest laws", "attack helicopters"): the head of the
#: trigger in the parse, or the next word without one
_MODIFIED_NOUN = re.compile(r"^[\s\"'”’]*(?:laws?|bills?|legislation|rules?|regulations?|songs?|music|movements?|"
                            r"culture|groups?|leaders?|organi[sz]ers?|signs?|banners?|season|policy|policies|"
                            r"helicopters?|drills?|exercises?|training|videos?|games?|films?|movies?|novels?|"
                            r"simulator|scene|scenes|photos?|pictures?|footage|insurance|rights?|permits?|"
                            r"zones?|dogs?|shelters?|sirens?|capabilit(?:y|ies)|programmes?|programs?|"
                            r"tactics|technology|systems?|flights?|manufacturers?)\b")
_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|overnight|"
                  r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|"
                  r"(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}|"
                  r"\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|"
                  r"december))\b")


#: plural event nouns: without a date of their own they are a count or a trend, not one occurrence
_PLURAL_EVENTS = re.compile(r"(?:protests|demonstrations|rallies|marches|attacks|strikes|airstrikes|air strikes|"
                            r"air raids|raids|clashes|bombings|explosions|blasts|riots|killings|abductions|kidnappings|"
                            r"arrests|ambushes|assaults|offensives|battles|shellings|incursions)$")
#: "wanted the release of", "demanded the withdrawal of", "called for a ceasefire": asked for, not done
_DESIRED = re.compile(r"\b(?:want(?:s|ed|ing)?|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|call(?:s|ed|ing)? for|"
                      r"ask(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|"
                      r"hop(?:e|es|ed|ing) for|insist(?:s|ed|ing)? on) "
                      r"(?:the |a |an |their |its |his |her |an immediate |a new )?(?:[\w-]+ ){0,2}$|"
                      # rule spec.desired-release: "wanted the release of their fighters taken hostage"
                      r"\b(?:want(?:s|ed|ing)?|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|call(?:s|ed|ing)? for|"
                      r"ask(?:s|ed|ing)? for) (?:the )?(?:release|return|freedom) of (?:[\w-]+ ){0,4}$")
#: rule spec.legal-charges: "held on two counts of assault ... charges related to the police shootout": the
#: subject of a charge or a trial, not the report of the occurrence
_CHARGED = re.compile(r"\b(?:counts? of|charges? (?:of|related to|over|stemming from|in connection with|for)|"
                      r"charged (?:with|over|in connection with)|convicted (?:of|over|for)|indicted (?:for|on|over)|"
                      r"on trial (?:for|over)|acquitted (?:of|over))\b[^.;:]{0,60}$")
#: rule spec.centre-of-protests: "the town was the main centre of street protests", "the cradle of the uprising":
#: where events used to happen, not one occurrence
_HUB = re.compile(r"\b(?:centre|center|centres|centers|hub|heart|cradle|birthplace|epicent(?:re|er)|hotbed|"
                  r"stronghold|bastion|focal point) of (?:the )?(?:[\w-]+ ){0,2}$")
#: rule spec.protection-against: "a modicum of protection to civilians against Russian airstrikes": the threat
#: guarded against, not an occurrence
_PROTECTED = re.compile(r"\b(?:protection|protect(?:s|ed|ing)?|shield(?:s|ed|ing)?|safe|safety|sheltere?d?|"
                        r"immune|immunity|insurance) (?:[\w-]+ ){0,4}(?:from|against) (?:[\w-]+ ){0,3}$")
#: rule spec.desired-coordinated: "wanted the release of their fighters ... as well as the handover of": the second
#: object of a request is asked for too
_DESIRE_VERB = re.compile(r"\b(?:want(?:s|ed)?|demand(?:s|ed)?|seek(?:s)?|sought|call(?:s|ed)? for|ask(?:s|ed)? for|"
                          r"insist(?:s|ed)? on)\b")
_AS_WELL_AS = re.compile(r"\bas well as (?:the |a |an |their |its )?(?:[\w-]+ ){0,1}$")
#: rule spec.glued-headline: "US drone strikes cause embarrassment The command centre incident ...": a headline
#: or sub-head glued to the sentence after it (no stop between them), not a report of its own
_GLUED = re.compile(r"[a-z] (?:The|A|An) [a-z]")
#: rule spec.live-blog-header: "The Latest on teachers rallying ... (all times local)": a live blog's
#: summary line, not a report of one occurrence
_LIVE_HEADER = re.compile(r"^\W*(?:[a-z.,' -]{0,40} )?the latest(?: on\b|:)")


#: rule spec.caption: a photo caption describes a picture (often an old one), not the report: it starts with
#: "Photo:" / "File photo:", carries a credit ("REUTERS/Name", "(AP Photo/...)", "Photo: Getty Images"), or is a
#: wire caption: a present-tense scene ("mourners react", "a woman walks past") dated with a full date and a year
_CAPTION_START = re.compile(r"^\W*(?:(?:file |handout |archive )?(?:photo|picture|image|pic)s?|file|caption|pictured|"
                            r"above|top|main picture)\s*(?::|\||—|–|-)\s")
_CREDIT = re.compile(r"\b(?:reuters|afp|ap|epa|efe|anadolu|xinhua|getty|sputnik|tass|ansa|dpa|aa)(?: photo)?"
                     r"\s?/\s?[a-z]|"
                     r"\((?:ap|afp|reuters|epa) photo\b|\b(?:photo|picture|image)s?(?: credit)?\s?:\s?[\w ]{0,40}"
                     r"(?:getty|reuters|afp|ap|epa|images|handout|supplied)\b|\bphoto(?:graph)? by [a-z]|"
                     r"\b(?:afp|epa|ap) photo\b|\bgetty images\b")
_FULL_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d\b|"
                        r"\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? (?:19|20)\d\d\b")
_SCENE_VERB = re.compile(r"^(?:[\w'’-]+\s+){0,6}(?:reacts?|stands?|stand guard|gathers?|walks?|looks? on|looks?|"
                         r"inspects?|holds?|sits?|waves?|chants?|shouts?|carr(?:y|ies)|mourns?|attends?|poses?|"
                         r"(?:is|are) seen|gestures?|rests?|prays?|waits?|takes? part|checks?|surveys?|clears?|"
                         r"searches|search|cr(?:y|ies)|weeps?|hugs?|embraces?|flees|flee|runs?|rides?|patrols?|"
                         r"guards?|fire|fires|detains?|clash|clashes|march|marches|throws?|burns?|block|blocks|"
                         r"remove|removes|pass|passes|stand|sit|walk|look)\b")


def _caption(low: str) -> bool:
    """Whether a lower-cased sentence is a photo caption (rule spec.caption)."""
    if _CAPTION_START.match(low) or _CREDIT.search(low):
        return True
    return _FULL_DATE.search(low) is not None and _SCENE_VERB.match(low.lstrip("\"'“‘ ")) is not None


#: rule spec.plural-in-trigger: "staged several protests", "carried out numerous attacks": a count, not one
_PLURAL_INSIDE = re.compile(r"\b(?:several|many|numerous|frequent|repeated|countless|dozens of|hundreds of|scores of|"
                            r"a number of|a series of|a wave of|multiple|various) ")
#: rule spec.campaign: "a relentless air campaign was waged", "the bombing campaign": a series of strikes over time
_CAMPAIGN = re.compile(r"\b(?:air|aerial|bombing|bombardment|shelling|drone|military|artillery|missile|terror|"
                       r"assassination|kidnapping|insurgent|guerrilla) campaigns?\b")


#: activities that, as a participle of an actor, describe what the actor does ("fighters battling the army")
_ONGOING = {"fight", "battle", "wage", "operate", "struggle", "combat", "resist"}


#: "a bill that restricts protests", "banned the rally": a rule about the event, not the event
_REGULATED = re.compile(r"\b(?:bans?|banned|banning|restrict(?:s|ed|ing)?|outlaw(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|"
                        r"criminali[sz](?:e|es|ed|ing)|curb(?:s|ed|ing)?|regulat(?:e|es|ed|ing)|"
                        r"legali[sz](?:e|es|ed|ing)) (?:[\w-]+ ){0,2}$")


#: "a book about sexual abuse", "a debate on the attacks": the subject of a work or a talk
_TOPIC = re.compile(r"\b(?:book|books|film|documentary|report|study|article|essay|novel|series|talk|lecture|debate|"
                    r"conference|workshop|seminar|campaign|exhibition|song|play|podcast|survey)s? "
                    r"(?:[\w'’-]+ ){0,4}(?:about|on|concerning|regarding) (?:[\w-]+ ){0,2}$")


def _participle(sentence: Sentence, start: int, end: int) -> bool:
    """"rebel groups fighting to topple Assad": a participle describing who someone is, not an occurrence."""
    tok = token_at(sentence, start)
    return (tok is not None and tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.i < tok.i
            and tok.lemma_.lower() in _ONGOING)


#: rule spec.participle-adjective: "Jailed journalist Aziz Orujov released from prison": a participle before a
#: person's noun says who the person is, not that the arrest happened here
_DESCRIBED = re.compile(r"^(?:jailed|imprisoned|detained|arrested) (?:[\w-]+ )?(?:journalists?|activists?|bloggers?|"
                        r"reporters?|dissidents?|lawyers?|opposition|politicians?|students?|poets?|writers?|"
                        r"academics?|editors?|photographers?|clerics?|priests?|pastors?|leaders?|rights)\b")


#: what comes before such a participle: the sentence's start (a caption) or a determiner, not a verb's subject
_DESCRIBED_BEFORE = re.compile(r"(?:^|\b(?:the|a|an|former|of|for|with|to|and|by)\s)[\W]*$")


def _described(sentence: Sentence, start: int) -> bool:
    at = start - sentence.start
    return (_DESCRIBED.match(sentence.low[at:]) is not None
            and _DESCRIBED_BEFORE.search(sentence.low[max(0, at - 20) : at].lstrip("\"'“‘ ")) is not None)


def _modifier(sentence: Sentence, start: int, end: int) -> bool:
    """The trigger's last word modifies a noun that names a kind of thing, not an event ("protest laws")."""
    tok = token_at(sentence, max(start, end - 1))
    if tok is not None:
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            return _MODIFIED_NOUN.fullmatch(tok.head.lower_) is not None
        return False
    rest = sentence.low[end - sentence.start :]
    return _MODIFIED_NOUN.match(rest) is not None


def generic_reason(sentence: Sentence, start: int, end: int, dated: bool = False,
                   in_article: bool = False, placed: bool = False, *, article: bool = False) -> str | None:
    """Why the trigger at body offsets [start, end) of ``sentence`` is no specific occurrence (or None).

    ``dated``: the sentence gives the event a date of its own (then habitual and durative words
    elsewhere in it are about something else). ``in_article``: a later sentence of a whole
    article (a short report's plural "fierce clashes broke out" is its event). ``placed``: the
    sentence names a place below the country of its own (a plural with one is a report). ``article``: the
    sentence is part of a whole article (a caption there is no report; a snippet may be only a caption).
    """
    low = sentence.low
    at = start - sentence.start
    before = low[max(0, at - 60) : at]
    if _TREND.search(before):
        return "trend"
    day = dated or _DAY.search(low) is not None
    if not day and _SERIES.search(before):
        return "trend"
    if (_PLURAL_VAGUE.search(before[-30:]) and low[at:end - sentence.start].rstrip().endswith("s")
            and not _MUNITIONS.search(low[at:end - sentence.start].rstrip())):
        return "plural"
    trigger = low[at : end - sentence.start].rstrip()
    if _PLURAL_INSIDE.search(trigger) and _PLURAL_EVENTS.search(trigger):  # not "uprooted dozens of olive trees"
        return "plural"
    if article and _caption(low):
        return "caption"
    if not day and _CAMPAIGN.search(low):
        return "trend"
    head = re.findall(r"[a-z]+", trigger)
    if not day and head and re.search(r"\b(?:hours|days|weeks|months|years|decades) of (?:[\w-]+ ){0,2}"
                                      + re.escape(head[-1]) + r"\b", low[end - sentence.start :]):
        return "trend"  # rule spec.trend-elsewhere: "the shelling forced them out after weeks of shelling"
    if _AMID.search(before[-45:]):
        return "background"
    if _FICTION.search(low):
        return "fiction"
    if _DESIRED.search(before[-50:]):
        return "desired"
    if _REGULATED.search(before[-40:]):
        return "regulated"
    if _TOPIC.search(before):
        return "topic"
    if _AS_WELL_AS.search(before[-40:]) and _DESIRE_VERB.search(low[max(0, at - 200) : at]):
        return "desired"
    glued = _GLUED.search(sentence.text)
    if glued and end - sentence.start <= glued.start() + 1 and not _DAY.search(low[: glued.start() + 1]):
        return "headline"
    if _PROTECTED.search(before[-70:]):
        return "protection"
    if _HUB.search(before[-50:]):
        return "habitual"
    if _CHARGED.search(before):
        return "legal"
    if _LIVE_HEADER.search(low[:60]):
        return "summary"
    if _described(sentence, start):
        return "description"
    if in_article and not day and not placed and _PLURAL_EVENTS.search(low[at : end - sentence.start]):
        return "plural"
    if _participle(sentence, start, end):
        return "participle"
    if not day and _HABITUAL.search(low[max(0, at - 50) : end - sentence.start + 40]):
        return "habitual"
    if not day and _DURATIVE.search(low):
        return "durative"
    if _modifier(sentence, start, end):
        return "modifier"
    return None
