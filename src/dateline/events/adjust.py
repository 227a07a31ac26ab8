"""Adjustments of a sentence's detections after each family was resolved: suppression by a more
specific asserted event, property destruction versus an attack, small-arms fire as a clash, events
told as background of another, and unarmed targets of an attack.
"""

from __future__ import annotations

import re

from .detection import Detection
from .lexicon import cue_patterns
from .sentences import Sentence

__all__ = ["background_last", "background_of", "property_or_attack", "small_arms_clash", "suppress", "unarmed_target"]

#: a family present in the sentence suppresses these families (the same incident)
_SUPPRESSES: dict[str, tuple[str, ...]] = {
    "chemical": ("air", "shelling", "ied", "grenade", "attack", "clash"),
    "suicide": ("ied", "grenade", "shelling", "attack", "clash"),
    "air": ("shelling", "attack", "clash"),
    "grenade": ("ied", "attack", "clash"),
    "ied": ("attack", "clash"),
    "clash": ("arrest",),
    "attack": ("arrest",),
    "shelling": ("attack", "clash"),
    "disrupt": ("ied", "grenade", "shelling", "air", "suicide", "attack", "arrest"),
    "sexual": ("attack", "abduct", "arrest", "protest", "clash"),
    "abduct": ("attack", "take", "arrest"),
    "mob": ("attack", "clash", "property", "riot", "protest"),
    "withdraw": ("take", "regain", "clash", "change"),
    "regain": ("take", "clash", "attack", "change"),
    "take": ("clash", "attack", "change", "disrupt"),  # weapons seized with the base are part of its capture
    "hq": ("change",),
    "agreement": ("change", "arrest"),
}
#: "after the massacre", "following a riot": the time of another event of the sentence, told as background
_AFTER = re.compile(r"\b(?:after|following|since|in the wake of|in response to) "
                    r"(?:the |a |an |last \w+'s |this \w+'s )?(?:[\w-]+ ){0,2}$|"
                    # rule detect.pluperfect-background: "men who had already looted a mosque the previous day"
                    r"\b(?:who|which|that) had (?:already |earlier |previously |also )?(?:been )?$")
_CODED_APART = re.compile(r"[^.;,]{0,40}?\(?coded (?:separately|as (?:a )?separate(?: event)?|in a separate event)")
#: harm to people: with it, burning and looting are part of an attack; without it, they are the event
_HARM = re.compile(r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|shot|hurt|massacr\w*|casualt\w*|rap(?:ed|ing)|"
                   r"abduct\w*|kidnap\w*|beat(?:en)?)\b")
_NO_HARM = re.compile(r"\b(?:no|without|nobody|no one|none)\b(?: \w+){0,2} "
                      r"(?:casualt\w*|injur\w*|hurt|killed|dead|deaths)\b")


#: people and vehicles an attack hits that are no armed force (besides the civilian_target cue)
_UNARMED_PEOPLE = (r"supporters?|motorists?|elders?|drivers?|commissioner|chairperson|polling agents?|vendors?|"
                   r"hawkers?|pastoralists?|shepherds?|fishermen|miners")
_UNARMED = re.compile(rf"\b(?:{_UNARMED_PEOPLE}|trucks?|lorr(?:y|ies)|minibus(?:es)?|buses)\b")
#: the attack's object, a few words after the verb: "beat an MDC supporter", "opened gunfire at motorists"
_UNARMED_OBJECT = re.compile(rf"(?:^|\b(?:beat|beaten|attacked|assaulted))\W*(?:[\w-]+\W+){{0,3}}?"
                             rf"(?:{_UNARMED_PEOPLE})\b")
_SMALL_ARMS = re.compile(r"\bsmall arms\b|\b(?:heavy )?machine[- ]?guns?\b|\bassault rifles?\b|\bautomatic weapons\b")


def unarmed_target(low: str, rs: int, re_: int) -> str | None:
    """"civilian" when the attack's object ("beat an MDC supporter", "opened gunfire at motorists") or the
    subject of its passive ("a truck was attacked") is an unarmed person or vehicle, else None."""
    before = low[max(0, rs - 60) : rs]
    passive = re.search(r"\b(?:were|was|been)\s+(?:\w+\s+)?$", before)
    if passive and _UNARMED.search(before) and not cue_patterns()["armed_target"].search(before):
        return "civilian"
    if not passive and (_UNARMED_OBJECT.match(low[re_ : re_ + 60]) or _UNARMED_OBJECT.search(low[rs:re_])):
        return "civilian"
    return None


def small_arms_clash(dets: list[Detection], low: str) -> list[Detection]:
    """ACLED codes fire between armed forces with small arms or machine guns as an armed clash, even
    when mortars or grenade launchers are fired too ("fired 82mm mortars, heavy machine guns and small arms
    at the positions of")."""
    small = _SMALL_ARMS.search(low)  # machine guns fired at farms or a town (no armed target) stay shelling
    aimed = [low[m.end() : m.end() + 40] for m in re.finditer(r"\b(?:at|on|towards|targeting|against)\b", low)]
    if small and ("small arms" in small.group() or any(cue_patterns()["armed_target"].search(a) for a in aimed)):
        for d in dets:
            if d.sub_event in ("Shelling/artillery/missile attack", "Grenade"):
                d.sub_event = "Armed clash"
    return dets


#: an event told as another, earlier one: "after an earlier clash", "a chief who had been abducted"
_EARLIER = re.compile(r"\b(?:after|following|since) (?:an? |the )?(?:earlier|previous|prior|last \w+'s) (?:[\w-]+ )?$|"
                      r"\b(?:who|which|that) had (?:already |earlier |previously |also )?(?:been )?$")


def background_of(dets: list[Detection], sentence: Sentence) -> list[Detection]:
    """The detections the sentence tells as another, earlier event ("after an earlier clash", "a chief who had
    been abducted") or as an event "(coded separately)" (not "killed after suicide bombers targeted a wake": the
    cause told after "after" is the same incident)."""
    low, off = sentence.low, sentence.start
    return [d for d in dets if _EARLIER.search(low[max(0, d.start - off - 40) : d.start - off])
            or _CODED_APART.match(low[d.end - off :])]


def background_last(dets: list[Detection], sentence: Sentence) -> list[Detection]:
    """An event the sentence uses as the time of another ("joined the militia after the massacre",
    "a curfew after a riot") counts less than that other event."""
    low, off = sentence.low, sentence.start
    after = [d for d in dets if _AFTER.search(low[max(0, d.start - off - 40) : d.start - off])
             or _CODED_APART.match(low[d.end - off :])]  # "abducted a girl (coded separately)": another event
    if after and len(after) < len(dets):
        for d in after:
            d.strength = round(d.strength * 0.8, 3)
    return dets


def property_or_attack(dets: list[Detection], low: str) -> list[Detection]:
    """ACLED codes burning and looting as *Looting/property destruction* only when no one was
    hurt: with harm to people they are part of the attack; without, the attack is the destruction."""
    kinds = {d.family for d in dets if d.modality == "asserted"}
    if "property" not in kinds or not kinds & {"attack", "clash"}:
        return dets
    drop = ("property",) if _HARM.search(_NO_HARM.sub(" ", low)) else ("attack", "clash")
    return [d for d in dets if d.family not in drop]

def suppress(dets: list[Detection], background: list[Detection] | None = None) -> list[Detection]:
    """Drop the detections that a more specific, asserted one of the sentence accounts for.

    A weak trigger never suppresses a strong one; rule detect.background-suppresses-nothing: an event told as
    background (``background``: "arrested 200 residents after an earlier clash", "found the body of a chief who
    had been abducted") accounts for nothing of the sentence's own event.
    """
    told_before = background or []
    kept = []
    for d in dets:
        beaten = any(
            x is not d and x.modality == "asserted" and d.family in _SUPPRESSES.get(x.family, ())
            and (d.weak or not x.weak) and not any(x is b for b in told_before)
            for x in dets
        )
        if not beaten:
            kept.append(d)
    return kept
