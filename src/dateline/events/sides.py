"""Who gains, whom an attack hits, what a capture takes: the sides of an event trigger.

Read from the dependency parse when there is one (subject, passive agent, object of the
trigger's governing verb), else from the words around the trigger, with the state /
non-state / target cue sets of ``data/cues.json``.
"""

from __future__ import annotations

import re
from typing import Any

from ..actors import normalize
from .lexicon import cue_patterns
from .sentences import Sentence, token_at

__all__ = ["agent_side", "side_of", "target_kind", "territory_taken", "winner_by_loser"]

#: passive verbs whose subject is the side that lost ground ("the rebels were driven out")
_LOSER_SUBJECT_PASSIVE = {"push", "drive", "oust", "expel", "clear", "rout", "dislodge", "evict", "beat", "repel"}
_ANTI = re.compile(r"\b(?:anti|counter|pro)-[\w-]+")
_BY = re.compile(r"^\s+by\b")
_CAPITAL_AFTER = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:[A-Z][\w'’-]+)")


def _cue(name: str, text: str) -> bool:
    return cue_patterns()[name].search(text) is not None


def side_of(text: str) -> str | None:
    """state / nonstate by the first actor cue in ``text`` ("anti-Daesh coalition" names no Daesh)."""
    cues = cue_patterns()
    text = _ANTI.sub(" ", text)
    st, ns = cues["state"].search(text), cues["nonstate"].search(text)
    if st and ns:
        return "state" if st.start() < ns.start() else "nonstate"
    return "state" if st else ("nonstate" if ns else None)


_NONSTATE_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia"})


def _phrase_side(text: str) -> str | None:
    """rule sides.named-group-first: "KNLA troops", "the Arakan Army", "MNDAA fighters": a group the actor
    lexicon names as non-state is non-state whatever its head noun ("troops", "army"); else the cue words."""
    first = re.split(r",| and | with | alongside | backed by ", text, maxsplit=1)[0]  # "army and allied fighters"
    named = normalize(first)
    if named is not None and named.type in _NONSTATE_TYPES and not named.name.startswith("Pro-"):
        return "nonstate"
    return side_of(text.lower())


def agent_side(sentence: Sentence, start: int, end: int) -> str | None:
    """Whether the agent of the trigger at body offsets [start, end) is state or non-state."""
    low = sentence.low
    rs, re_ = start - sentence.start, end - sentence.start
    tok = token_at(sentence, start)
    if tok is not None:
        verb = _governing_verb(tok)
        for child in verb.children:
            if child.dep_ == "agent":
                side = _phrase_side(" ".join(t.text for t in child.subtree))
                if side:
                    return side
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                side = _phrase_side(" ".join(t.text for t in child.subtree))
                if side and child.dep_ == "nsubjpass" and verb.lemma_.lower() in _LOSER_SUBJECT_PASSIVE:
                    return "state" if side == "nonstate" else "nonstate"  # "rebels were pushed back"
                if side and child.dep_ == "nsubj":
                    return side
    after = low[re_:]
    if _BY.match(after):
        side = side_of(after[:80])
        if side:
            return side
    return side_of(low[:rs])


#: who lost the place: "drove these rebels out of", "captured the village from Al Shabaab"
_LOSER = re.compile(r"^(?:pushed|forced|drove|chased|kicked|flushed|dislodg\w*) (?P<out>(?:[\w'’-]+[- ]){1,3})out\b|"
                    r"^[^.;]{0,50}?\bfrom (?P<from>(?:[\w'’-]+ ?){1,4})")


def winner_by_loser(low: str, rs: int, re_: int) -> str | None:
    """rule sides.winner-by-loser: the side that took a place, told by the side it was taken from ("The state
    forces drove the rebels out", "The SNA and UPDF captured the village from Al Shabaab": state), or None."""
    m = _LOSER.match(low[rs:]) if low[rs:re_].startswith(("push", "forc", "drov", "chas", "kick", "flush", "dislod")) \
        else _LOSER.match(low[re_:])
    loser = m and side_of(m.group("out") or m.group("from") or "")
    return {"nonstate": "state", "state": "nonstate"}.get(loser or "")


def _governing_verb(tok: Any) -> Any:
    """The verb whose subject is the trigger's agent ("forces waged a campaign to retake X" → waged)."""
    verb = tok
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children) or verb.head is verb:
            break
        climb = verb.dep_ == "pobj" and verb.head.head is not verb
        if verb.dep_ in ("conj", "xcomp", "acl", "advcl", "pcomp") or climb:
            verb = verb.head if verb.dep_ != "pobj" else verb.head.head
            if verb.pos_ == "NOUN" and verb.head is not verb:
                verb = verb.head
        else:
            break
    return verb


def target_kind(low: str, rs: int, re_: int) -> str | None:
    """civilian / armed: what the attack at [rs, re_) hits (object after, or passive subject before)."""
    cues = cue_patterns()
    before = low[max(0, rs - 90) : rs]
    civs = [m.start() for m in cues["civilian_target"].finditer(before)]
    arms = [m.start() for m in cues["armed_target"].finditer(before)]
    passive = re.search(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", before) is not None
    if passive and (civs or arms):  # "ten men were shot dead": the subject is the target
        # rule sides.armed-among-victims: "four soldiers and a woman were killed": an attack that kills
        # security forces is a battle for ACLED, whoever else died with them
        return "armed" if arms else "civilian"
    after = low[re_ : re_ + 90]
    civ, arm = cues["civilian_target"].search(after), cues["armed_target"].search(after)
    if civ or arm:
        if civ and arm:
            return "civilian" if civ.start() < arm.start() else "armed"
        return "civilian" if civ else "armed"
    if civs or arms:
        return "civilian" if (max(civs) if civs else -1) > (max(arms) if arms else -1) else "armed"
    return None


#: goods seized (the head word of what is taken): not territory
_GOODS = re.compile(r"(?:commodit|goods|food|items|suppl|livestock|cattle|goats|camels|money|cash|vehicles?$|"
                    r"motorcycles?|trucks?$|boats?$|property|drugs|marijuana|cannabis|cocaine|fuel|tons?$|tonnes?$)")


def territory_taken(sentence: Sentence, rs: int, re_: int) -> bool:
    """Whether what the capture verb at [rs, re_) (sentence offsets) takes is territory."""
    tok = token_at(sentence, sentence.start + rs)
    if tok is not None:
        # "a crossing seized by X" / "the town was captured"
        owner = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if owner is None:  # "captured the town" / "advanced into the city"
            owner = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if owner is None:
            preps = ("into", "on", "over")
            prep = next((c for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None)
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if owner is not None:
            text = " ".join(t.text for t in owner.subtree).lower()
            if _cue("weapons_object", text) or _GOODS.match(owner.lower_):
                return False  # "food commodities seized from shops in the town": goods, not the town
            return _cue("territory", text) or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in owner.subtree)
        return False
    before = re.search(r"([\w-]+)\s+$", sentence.low[max(0, rs - 30) : rs])
    if before and _GOODS.match(before.group(1)):
        return False  # "food commodities seized from shops in the town"
    after_low = sentence.low[re_ : re_ + 70]
    if _cue("weapons_object", after_low[:40]) and not _cue("territory", after_low[:25]):
        return False
    if _cue("territory", after_low):
        return True
    return bool(_CAPITAL_AFTER.match(sentence.text[re_ : re_ + 50]))
