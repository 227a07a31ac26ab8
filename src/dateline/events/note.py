"""Note-level rules: an ACLED-style note (a short report) tells one event across its sentences.

ACLED's coders write one note per event: the protest in one sentence, the police's answer or the
protesters' violence in the next; the fighting first, the town changing hands after it. Sentence by
sentence those read as separate, weaker events. These rules read the note as a whole:

- rule note.protest-typing: a protest is typed by what the rest of the note tells of it (stones thrown or
  running battles two sentences later make it a *Violent demonstration*; "the protesters were then beaten"
  makes it *Excessive force against protesters*);
- rule note.territory-outcome: a battle that ends with a town changing hands is coded as the change of
  territory (ACLED's *Government regains territory* / *Non-state actor overtakes territory*), so the
  takeover, not the clash, is the note's main event;
- rule note.no-fight-transfer: a place taken when nothing in the note tells of fighting changed hands
  without a fight (*Non-violent transfer of territory*).
"""

from __future__ import annotations

import re

from ..records import Event
from .lexicon import cue_patterns

__all__ = ["FIGHT", "fought_in", "harm_over_property", "protest_in_note", "territory_outcome", "violence_first"]

#: who answers a protest: police, troops, guards ("members of Indian Border Security Force open fired at ...")
_ANSWERERS = re.compile(r"\b(?:police\w*|officers|security forces?|troops|soldiers|authorities|gendarmes?|guards?|"
                        r"army|military|(?:border|security) force)\b")
#: force on protesters told without naming the force's agent first
_FORCE_ON_THEM = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|students|crowds?)\b(?: \w+){0,2} "
                            r"(?:were |was )(?:then |later |also )?(?:beaten|shot|stabbed|hacked|whipped|teargassed)\b|"
                            r"\bopen(?:ed)? ?fired? (?:at|on|into) (?:the )?(?:protest\w*|demonstrators|crowds?)\b|"
                            r"\b(?:live (?:bullets?|rounds)|shot) into the crowd\b")
#: the protesters named in a sentence of the note (their violence is the protest's)
_PARTICIPANTS = re.compile(r"\b(?:they|them|protest\w*|demonstrat\w*|students|youths?|crowds?|participants|marchers|"
                           r"supporters|members|residents|strikers|drivers|traders|workers|rioters)\b")
#: the answer told without its agent, in the past or in the present of older notes ("The chairperson is removed by
#: the police"), or tear gas, which only the police fire
_ANSWERED = re.compile(r"\b(?:were|was|is|are) (?:\w+ ){0,2}(?:arrested|detained|dispersed|removed|"
                       r"taken into custody)\b|\btear[- ]?gas\b|\bteargas\b")
#: fighting told anywhere in a note (a place taken with it is taken by force)
FIGHT = re.compile(r"\b(?:clash\w*|fight\w*|fought|battl\w*|attack\w*|assault\w*|ambush\w*|gunfire|gun ?fights?|"
                   r"exchange[sd]? (?:of )?(?:fire|gunfire)|firefights?|shoot\w*|shot|fir(?:ed|ing) (?:on|at)|kill\w*|"
                   r"dead|died|wound\w*|injur\w*|casualt\w*|combat(?:s|ed|ing)?\b|overr(?:an|un)|stormed|offensive|resistance|"
                   r"shell\w*|bomb\w*|air ?strikes?|drove|driven|dislodg\w*|forced (?:\w+ ){0,2}out|under fire|"
                   r"repel\w*|repuls\w*)\b")
#: a negated clause ("No fatalities and/or injuries reported", "without firing a shot") tells no fighting
_NO_FIGHT = re.compile(r"\b(?:no|without|nor)\b[^.;]{0,60}")


def _answer(low: str) -> bool:
    """The police (or troops, guards) doing something to a crowd, or force on protesters told passively."""
    cues = cue_patterns()
    for m in _ANSWERERS.finditer(low):
        span = low[m.start() : m.end() + 80]
        if cues["intervention"].search(span) or cues["force_strong"].search(span):
            return True
    return bool(_FORCE_ON_THEM.search(low) or _ANSWERED.search(low))


def protest_in_note(low: str, ctx: dict[str, bool], note: str) -> tuple[str, dict[str, bool]]:
    """rule note.protest-typing: the protest sentence ``low`` read with the rest of its short note (lower-cased):
    the answer to the protest and the protesters' own violence told in other sentences count too."""
    violent = any(cue_patterns()["protester_violence"].search(part) and _PARTICIPANTS.search(part)
                  for part in re.split(r"(?<=[.!?])\s+", note))  # "There were scuffles in Paris": whose?
    if _answer(note):
        low = f"{low} {note}"
    if violent:
        ctx = {**ctx, "protester_violence": True}
    return low, ctx


_TAKEOVER = ("Government regains territory", "Non-state actor overtakes territory")


#: rule note.fight-intended: a fight planned or purposed ("to plan a new offensive", "to dislodge UPC fighters")
#: is no fighting told
_INTENDED = re.compile(r"\b(?:(?<!led )(?<!leading )(?<!lead )(?<!due )(?<!owing )(?<!prior )(?<!according )"
                       r"(?<!response )(?<!return )(?<!returned )(?<!resorted )(?<!close )(?<!next )to|plan\w*|"
                       r"prepar\w*|intend\w*|vow\w*|threat\w*)(?: [\w-]+){0,3} $")


def fought_in(text: str) -> bool:
    """Whether a (lower-cased) note tells of any fighting, once "no clashes", "no fatalities" and fights only
    intended are set aside."""
    text = _NO_FIGHT.sub(" ", text)
    return any(not _INTENDED.search(text[max(0, m.start() - 40) : m.start()]) for m in FIGHT.finditer(text))


def territory_outcome(events: list[Event]) -> list[Event]:
    """rule note.territory-outcome: when a short report tells a fight (a clash, shelling, IEDs) and a
    takeover, the takeover is the event (ranked just above the fight): ACLED codes a battle that changes who
    holds a place as the change."""
    takeovers = [e for e in events if e.sub_event_type in _TAKEOVER]
    clashes = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence")
               and e.sub_event_type not in _TAKEOVER]  # the fight, its shelling and its IEDs
    if takeovers and clashes:
        top = max(e.confidence for e in clashes)
        for ev in takeovers:
            if ev.confidence <= top:
                ev.confidence = round(min(0.97, top + 0.01), 3)
    return events


_AFTERMATH = ("Disrupted weapons use", "Arrests")


def violence_first(events: list[Event]) -> list[Event]:
    """rule note.violence-first: in a short report, a fight or attack that killed someone outranks the weapons
    seized or the arrests made with it ("a suspect was killed ... in a gun battle. Police recovered 1,000
    bullets"): ACLED codes the deadly event."""
    if not events:
        return events
    top = max(events, key=lambda e: e.confidence)
    if top.sub_event_type not in _AFTERMATH:
        return events
    deadly = [e for e in events if e.fatalities and e.event_type in (
        "Battles", "Explosions/Remote violence", "Violence against civilians")]
    if deadly:
        best = max(deadly, key=lambda e: e.confidence)
        best.confidence = round(min(0.97, top.confidence + 0.01), 3)
    return events


#: harm to people told in a note, once "no casualties", "nobody was hurt" are set aside
_HARMED = re.compile(r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|shot|massacr\w*|casualt\w*|hurt)\b")
_UNHARMED = re.compile(r"\b(?:no|without|nobody|no one|none)\b(?: \w+){0,3} (?:casualt\w*|injur\w*|hurt|killed|dead|"
                       r"deaths|fatalit\w*)\b")


def harm_over_property(events: list[Event], note: str) -> list[Event]:
    """rule note.harm-over-property: in a short report where people were killed or hurt, the attack or the fight
    outranks the burning and looting told with it ("attacked a truck ..., 1 killed. The truck was also set on
    fire"): ACLED codes property destruction only when no one was harmed."""
    if not events:
        return events
    top = max(events, key=lambda e: e.confidence)
    if top.sub_event_type != "Looting/property destruction":
        return events
    if not (any(e.fatalities for e in events) or _HARMED.search(_UNHARMED.sub(" ", note.lower()))):
        return events
    violent = [e for e in events if e.event_type in ("Violence against civilians", "Battles")]
    if violent:
        best = max(violent, key=lambda e: e.confidence)
        best.confidence = round(min(0.97, top.confidence + 0.01), 3)
    return events
