"""Which way a time expression points: the tense of the verb that governs it.

With a spaCy parse, climb from the expression to its governing verb and read its
tense and auxiliaries; without one, look for cues in the words around the expression.
Returns "past", "future" or None (present or unknown).
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp_demand import is_parsed

__all__ = ["Direction", "direction", "sentence_bounds"]

Direction = str | None

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "aim", "hope", "want", "set", "due", "prepare",
                 "propose", "seek", "go", "agree", "promise", "vow", "threaten", "likely", "able", "need"}
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|won't|would|is\s+to|are\s+to|going\s+to|plans?\s+to|expected\s+to|scheduled\s+to|"
    r"due\s+to|set\s+to|intends?\s+to)\b", re.I)
_PAST_CUE = re.compile(r"\b(?:said|was|were|had|did|ago|told|announced|\w{3,}ed)\b", re.I)


_STOP = re.compile(r"(?<!\ba\.m)(?<!\bp\.m)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])[.?!]\s|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence around [start, end) when no parse is available ("p.m.", "Mr.", initials do not end one)."""
    left = -1
    for m in _STOP.finditer(text, max(0, start - 400), start):
        left = m.start()
    right = _STOP.search(text, end)
    return (left + 1 if left >= 0 else 0), (right.start() if right else len(text))


def _from_parse(nlp_doc: Any, start: int, end: int) -> Direction | str:
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not is_parsed(span[0]):
        return "unknown"  # no parse here (parse on demand; Token.children would crash without heads)
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            break
        if tok.head is tok:
            return "unknown"
        tok = tok.head
    else:
        return "unknown"
    if tok.pos_ not in ("VERB", "AUX"):
        return "unknown"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or "going" in words:
        return "future"
    if tok.tag_ == "VB" and "to" in words:
        head = tok.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.tag_ in ("VBZ", "VBP", "MD"):
            return "future"
    if tok.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}:
        return "perfect" if words & {"has", "have"} else "past"
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl"):
        return "past"
    if ((tok.tag_ == "VBZ" or (tok.tag_ == "VBP" and tok.lower_ not in _SAME_PAST)) and not auxes
            and tok.lemma_.lower() not in _STATIVE and not any(c.dep_ == "neg" for c in tok.children)):
        return "scheduled"  # "trading resumes on Friday", "the company reports on Wednesday"
    return None


#: present-tense verbs that report or describe a state rather than schedule an event
_STATIVE = {"be", "have", "say", "tell", "show", "remain", "stand", "know", "think", "believe", "see",
            "seem", "appear", "include", "mean", "need", "want", "hold", "keep", "accuse", "claim", "insist",
            "argue", "deny", "warn", "add", "note", "estimate", "suggest", "indicate", "live", "lie", "own",
            "contain", "depend", "cost", "trade", "rise", "fall", "continue", "write", "declare", "follow"}
#: present forms that are also the past tense ("the cuts hurt sales on Friday")
_SAME_PAST = {"hurt", "cut", "put", "set", "hit", "cost", "let", "shut", "quit", "spread", "read", "beat", "bet",
              "cast", "split", "burst", "upset", "broadcast", "forecast", "bid", "lead", "led"}


_LOCAL_PAST = re.compile(r"\b(?:ended|since|ago|earlier|last|(?:said|told|announced|reported)(?:\s+on)?)\s+$", re.I)
_LOCAL_FUTURE = re.compile(
    r"\b(?:ending|next|upcoming|due|starting|beginning|effective|payable)\s+(?:at\s+|on\s+|from\s+)?$", re.I)
#: "until Friday", "through March", "by Saturday": the future unless the governing verb is in the past
_UNTIL = re.compile(r"\b(?:until|till|through|by)\s+$", re.I)
_IS_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+)?$", re.I)
_WEEKDAY_LIKE = re.compile(r"(?:\w+\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _scheduled_ok(text: str, start: int, end: int) -> bool:
    """A present-tense event verb schedules only a weekday or a clock time on one, not a possessive
    ("follows Tuesday's declaration")."""
    if text.startswith("'s", end) or text.startswith("\u2019s", end):
        return False
    return _WEEKDAY_LIKE.match(text, start) is not None or re.match(r"\d", text[start:start + 1]) is not None


def direction(text: str, start: int, end: int, nlp_doc: Any = None) -> Direction:
    """"past", "future" or None for the expression at [start, end) of ``text``.

    A cue word right before the expression ("ended Jan. 31", "payable Dec. 1") wins over
    the tense of the governing verb.
    """
    left = text[max(0, start - 16):start]
    if _LOCAL_PAST.search(left):
        return "past"
    if _LOCAL_FUTURE.search(left):
        return "future"
    if _IS_ON.search(left) and _WEEKDAY_LIKE.match(text, start):
        return "future"  # "the final is on Sunday"
    until = _UNTIL.search(left) is not None
    if nlp_doc is not None:
        try:
            found = _from_parse(nlp_doc, start, end)
        except (IndexError, ValueError):
            found = "unknown"
        if until:
            return "past" if found == "past" else "future"  # "rose through August"; "has extended … through January"
        if found == "scheduled":
            return "future" if _scheduled_ok(text, start, end) else None
        if found != "unknown":
            return "past" if found == "perfect" else found
    if until:
        return "future"
    s, e = sentence_bounds(text, start, end)
    left, right = text[max(s, start - 80):start], text[end:min(e, end + 40)]
    if _FUTURE_CUE.search(left) or _FUTURE_CUE.search(right):
        return "future"
    if _PAST_CUE.search(left) or _PAST_CUE.search(right):
        return "past"
    return None
