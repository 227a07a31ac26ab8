"""How a protest found in a sentence is typed: peaceful, with intervention, met with excessive force,
violent, or mob violence (ACLED's Protests and Riots), and which other triggers a protest absorbs.

The police's answer is often told in the next sentence; a short note (one event) types the protest
by its other sentences (rule detect.note-protest, :func:`dateline.events.note.protest_in_note`).
"""

from __future__ import annotations

import re

from .detection import Detection, has_cue
from .lexicon import families
from .note import protest_in_note
from .sentences import Sentence

__all__ = ["DEMONSTRATORS", "GRIEVANCE", "OBJECTION", "PROTEST_ABSORBS", "SPOKEN_AT", "WALKOUT", "protest_detection"]

#: families a reported protest accounts for when its trigger is asserted
PROTEST_ABSORBS = (
    "arrest", "attack", "clash", "property", "riot", "mob", "change", "abduct", "take", "regain", "ied", "shelling",
)
#: "opposition lawmakers walked out in protest": a parliamentary act, not a demonstration
WALKOUT = re.compile(r"\b(?:lawmakers|legislators|mps|deputies|senators|delegates|delegations?|ministers|councillors|"
                     r"parliamentarians)\b[^.;]{0,40}\b(?:walked out|walk-?outs?|boycotted|stormed out|left the "
                     r"(?:chamber|session|hall|talks))\b")
#: "remarks made at a rally": where something was said, not a protest
SPOKEN_AT = re.compile(r"\b(?:remarks|speech|speeches|comments|statements?|spoke|addressed|speaking)\b"
                       r"(?: [\w-]+){0,4} $")
#: what a protest is against: the event named there is the grievance, not the note's event
GRIEVANCE = re.compile(r"\b(?:against|protest(?:ing|ed)?|denounc\w*|condemn\w*|justice for|over|decry\w*) "
                       r"(?:the |a |an |alleged |recent )?(?:[\w-]+ ){0,3}$")
#: "summoned the ambassador to protest": a diplomatic objection, not a demonstration
OBJECTION = re.compile(r"\b(?:summon\w*|called in|lodged|sent|issued|handed)\b[^.;]{0,80}\bto protest\b")
#: the police's answer to a protest in the notes' words, besides the intervention cue ("police intervened and
#: moved the protesters out", "fired into the air to scatter a crowd")
_PROTESTERS = r"(?:protesters|protestors|demonstrators)"
_INTERVENTION_MORE = re.compile(rf"\b(?:intervened|removed (?:the )?(?:{_PROTESTERS}|them)|"
                                r"(?:is|was|were) removed by (?:the )?(?:police|security)|"
                                rf"scatter(?:ed)? (?:a |the )?(?:crowd|{_PROTESTERS})|"
                                rf"moved (?:the )?{_PROTESTERS} (?:out|away)|into the air|warning shots)\b")
#: force against protesters, besides the force_strong cue ("the protesters were then beaten", "open fired at
#: protestors")
_FORCE_MORE = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers)\b(?: \w+){0,2} (?:were |was )(?:then )?"
                         r"(?:beaten|shot|stabbed|hacked)\b|"
                         r"\bopen(?:ed)? ?fired? (?:at|on) (?:the )?(?:protestors|crowd)\b|"
                         r"\b(?:live (?:bullets?|rounds)|shot) into the crowd\b")
DEMONSTRATORS = re.compile(r"\b(?:supporters|protesters|demonstrators|rioters|marchers|angry crowds?)\b")
_POLICE = re.compile(r"\b(?:police|policemen|officers|security forces|troops|soldiers|authorities|gendarmes)\b")
def _police_answer(text: str) -> bool:
    """The police (or troops) doing something to a crowd in ``text``: "Government forces fired live bullets to
    disperse ...", not "the release of demonstrators detained ..." (the force must follow its agent)."""
    spans = [text[m.start() : m.end() + 80] for m in _POLICE.finditer(text)]
    return any(has_cue("intervention", span) or has_cue("force_strong", span) for span in spans)


#: the answer to a protest told without naming who gave it
_ANSWERED = re.compile(r"\b(?:were|was) (?:\w+ ){0,2}(?:arrested|detained|dispersed|removed|taken into custody)\b")
_THEM = re.compile(r"\b(?:them|protesters|demonstrators|crowds?|rall(?:y|ies)|marchers|march|protests?|demonstrations?|"
                   r"gathering|participants|students|activists)\b")


def protest_detection(sentence: Sentence, hit: tuple[int, int, bool], ctx: dict[str, bool], following: str = "",
             note: str | None = None) -> Detection:
    s, e, weak = hit
    w = families()["protest"].weight * (0.8 if weak else 1.0)
    low = sentence.low
    nxt = following.lower()
    if nxt and (
        (_POLICE.search(nxt[:50]) and _THEM.search(nxt))  # "…protested. Police fired tear gas to disperse them."
        or _police_answer(nxt)
        or _ANSWERED.search(nxt)  # "… protested. 14 people were arrested."
    ):
        low = f"{low} {nxt}"
        ctx = {**ctx, "protester_violence": ctx["protester_violence"] or has_cue("protester_violence", nxt)}
    elif note:  # rule detect.note-protest: a short note is one event; its other sentences type the protest
        low, ctx = protest_in_note(low, ctx, note.lower())
    if ctx["protester_violence"] or ctx["riot"]:  # violent protesters: a riot, whatever the police did
        sub = "Mob violence" if ctx["mob"] and not DEMONSTRATORS.search(low) else "Violent demonstration"
    elif has_cue("force_strong", low) or _FORCE_MORE.search(low):
        sub = "Excessive force against protesters"
    elif has_cue("intervention", low) or _INTERVENTION_MORE.search(low):
        sub = "Protest with intervention"
    elif ctx["mob"]:
        sub = "Mob violence"
    else:
        sub = "Peaceful protest"
    return Detection(sub, "protest", s + sentence.start, e + sentence.start, w, weak)

