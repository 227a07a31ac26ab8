"""Modality of an event trigger: asserted, negated, hypothetical (incl. threats) or future.

Read from the dependency parse when there is one (negation, modal and future auxiliaries,
governing verbs such as *threaten*, *plan*, *deny*, *fear*, conditional *if*), and from the
words of the clause before the trigger otherwise. Only asserted events are reported by the
stage (see ``docs/events.md``).
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Modality
from .sentences import Sentence, token_at

__all__ = ["modality_of"]

_NEG_VERBS = {"deny", "refute", "dismiss", "reject", "oppose", "refuse", "veto"}
#: "willing to withdraw", "ready to sign", "prepared to impose": an offer, not an event
_READY = {"willing", "ready", "prepared", "eager", "poised", "due", "likely", "determined", "able", "unable"}
_FUTURE_VERBS = {"plan", "intend", "prepare", "schedule", "aim", "expect", "vow", "pledge", "promise", "decide", "seek",
                 "want", "hope", "propose", "consider", "agree", "set", "call", "urge", "demand", "ask", "order"}
#: "tried to seize", "an attack to capture", "an offensive to retake": the goal is not an achieved event
_ATTEMPTS = {"try", "attempt", "bid", "effort", "strive", "push", "attack", "assault", "offensive", "operation",
             "campaign", "drive", "move", "fight", "battle", "struggle", "mission"}
_THREAT_VERBS = {"threaten", "warn", "fear", "risk", "could", "may", "might", "would", "allege"}
_THREAT_NOUNS = {"threat", "fear", "risk", "possibility", "plan", "plot", "call", "calls", "demand", "warning",
                 "prospect", "danger", "spectre", "specter", "rumour", "rumor"}
#: "a planned strike", "a possible attack": the trigger's own modifier says it has not happened
_PLANNED_MODS = {"planned", "proposed", "upcoming", "scheduled", "expected", "imminent", "forthcoming", "intended"}
_POSSIBLE_MODS = {"threatened", "possible", "potential", "feared", "attempted", "foiled", "thwarted"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
_HYPO_AUX = {"could", "may", "might", "would", "should", "must", "can"}

_CLAUSE_BREAK = re.compile(r"[,;:—–]|\b(?:and|but|while|after|before|as|when|which|who)\b")
#: "paving the way for the withdrawal", "a timetable for the handover": the event is in prospect
_PROSPECT = re.compile(r"\b(?:(?:pav|clear|open)(?:e|es|ed|ing|s)? the way|timetables?|deadlines?|schedules?|roadmap|"
                       r"conditions?) (?:for|to) (?:the |a |an )?(?:[\w-]+ ){0,3}$")
#: rule modality.planned-window: "accused of planning to stage a protest", "ahead of a planned march", "on the
#: eve of a demonstration", "a protest scheduled for Monday": the trigger is an event in prospect, whatever the
#: parse makes of the clause (the arrests told around it are the event)
_PLANNED_WINDOW = re.compile(r"\b(?:(?:plann|plott|prepar|intend|schedul|threaten)(?:ing|ed) (?:to |for )?|plans? to |"
                             r"mobili[sz](?:ing|ed) (?:supporters |people |residents )?(?:for |to )|"
                             r"ahead of |on the eve of |in the run-up to |in anticipation of |in preparation for )"
                             r"(?:(?:an?|the|their|its|his|her|planned|upcoming|proposed|nationwide|mass|new|"
                             r"stage|hold|organi[sz]e|lead|join) ){0,3}$")
_PLANNED_AFTER = re.compile(r"^\W*(?:(?:scheduled|planned|slated) (?:for|to|on|the next|next|tomorrow|later)|"
                            r"(?:set|due) for|for (?:the )?(?:following|next) (?:day|week|morning)|for tomorrow|"
                            r"(?:called|announced) for "
                            r"(?:next|tomorrow|(?:this|on) (?:coming )?(?:monday|tuesday|wednesday|thursday|friday|"
                            r"saturday|sunday)))\b")
#: "had announced a sit-in", "announced a strike": a protest announced is in prospect (a change announced is done)
_ANNOUNCED = re.compile(r"\bannounc(?:ed|ing|es) (?:(?:an?|the|their|its|his|her|new|general|nationwide|mass|"
                        r"indefinite|\w+-day) ){0,3}$")
_PROTEST_WORD = re.compile(r"(?:sit-?ins?|protests?|march(?:es)?|rall(?:y|ies)|demonstrations?|strikes?|walkouts?|"
                           r"boycotts?|stay-aways?|shutdowns?)\b")
_NEG_IN_TRIGGER = re.compile(r"\b(?:not|never|no)\b")
_WINDOW_NEG = re.compile(r"\b(?:not|no|never|denied|denies|deny|without|opposed?|refused?|rejected)\b"
                         r"(?:\W+\w+){0,3}\W*$")
#: rule modality.failed-agreement: "failed to agree on a ceasefire", "talks failed to reach a deal": none was made
_FAILED_DEAL = re.compile(r"\b(?:fail(?:ed|s|ing)?|unable|no closer) to (?:agree|reach|sign|seal|strike|secure|clinch|"
                          r"conclude|broker)\b(?:\W+\w+){0,4}\W*$")
_WINDOW_FUTURE = re.compile(r"\b(?:will|shall|plans? to|planning to|planned to|intends? to|set to|scheduled to|"
                            r"to be held|going to|vow(?:ed|s)? to|pledged? to|prepar(?:ing|es|ed) to|"
                            r"expected to|would|willing to|ready to|prepared to)\b")
_WINDOW_HYPO = re.compile(r"\b(?:could|may|might|if|unless|threat(?:en(?:ed|s|ing)?)?(?: of| to)?|fear(?:ed|s|ing)?|"
                          r"warn(?:ed|s|ing)?|risk(?:s|ed)? of|possible|possibility|alleged plot|calls? for|urged?|"
                          r"demand(?:ed|s)?)\b")


def _from_parse(tok: Any) -> Modality | None:
    node = tok
    infinitive = False  # reached the current node through an infinitive ("plans to reopen", "bid to seize")
    for depth in range(5):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return "future"
        if aux & _HYPO_AUX:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
            return "hypothetical"
        if depth == 0:
            noun = node.head if node.dep_ in ("amod", "compound") else node  # "general" of "general strike"
            mods = {c.lower_ for c in (*children, *noun.children) if c.dep_ in ("amod", "compound")}
            if mods & _PLANNED_MODS:
                return "future"
            if mods & _POSSIBLE_MODS:
                return "hypothetical"
        if depth > 0:
            lemma = node.lemma_.lower()
            if lemma in _NEG_VERBS:
                return "negated"
            if lemma in _THREAT_VERBS or lemma in _THREAT_NOUNS:
                return "hypothetical"
            if infinitive and lemma in _FUTURE_VERBS and node.tag_ != "VBN":
                return "future"
            if infinitive and lemma in _ATTEMPTS:
                return "hypothetical"
            if infinitive and (lemma in _READY or node.lower_ in _READY):
                return "future"
        if node.dep_ == "ROOT" or node.head is node:
            return None
        if depth > 0 and node.dep_ in ("conj", "advcl", "relcl", "appos", "parataxis"):
            return None
        infinitive = node.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        if node.dep_ == "acl" and not infinitive:
            return None
        node = node.head
    return None


def modality_of(sentence: Sentence, start: int, end: int) -> Modality:
    """Modality of the trigger at body offsets [start, end) of ``sentence``."""
    low, rs, re_ = sentence.low, start - sentence.start, end - sentence.start
    lead = low[max(0, rs - 60) : rs]  # the 60 characters before the trigger
    if _PROSPECT.search(lead) or _PLANNED_WINDOW.search(lead) or _PLANNED_AFTER.match(low[re_ : re_ + 50]):
        return "future"
    if _ANNOUNCED.search(lead) and _PROTEST_WORD.match(low[rs : re_ + 12]):
        return "future"
    if _FAILED_DEAL.search(low[max(0, rs - 60) : re_]):
        return "negated"
    tok = token_at(sentence, start)
    if tok is not None:
        found = _from_parse(tok)
        if found == "negated" and _NEG_IN_TRIGGER.search(low[rs:re_]):
            found = None  # "has not been seen since": the trigger phrase is itself the negation
        if found is not None:
            return found
    before = low[:rs]
    cut = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    clause = before[cut[-1] :] if cut else before
    if _WINDOW_NEG.search(clause):
        return "negated"
    if tok is None:
        if _WINDOW_FUTURE.search(clause):
            return "future"
        if _WINDOW_HYPO.search(clause):
            return "hypothetical"
    return "asserted"
