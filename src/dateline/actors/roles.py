"""Who did what to whom: assign actor mentions to the roles of one event, from the parse.

``assign_roles(trigger, mentions, sent)`` walks from each mention's head token up the
dependency tree to the event's trigger and reads the role off the relation that reaches
the trigger: the subject, the agent of a passive ("by X") or a possessor/modifier of a
nominal trigger ("Daesh's offensive", "Israeli airstrikes") is the doer (actor1); the
object, the passive subject or a prepositional target ("against X", "on X", "from X",
"over X") is the target (actor2). A backing word on the way ("backed by X", "with the
support of X", "X-backed", "alongside X") makes the mention an associated actor of the side
it reaches. Conjuncts share their first conjunct's role; the first mention of a side is
its actor, later ones are associated (in a mutual event — "X and Y agreed" — the second
conjunct is actor2). Complement chains ("agreed to provide aid to X") are one event; a
mention inside another clause is not the trigger's. A trigger without a subject of its own
(a participle clause, an infinitive, a light-verb object such as "launched an attack")
borrows the subject of its first governor that has one. Mentions the parse does not
connect fall back on word order. The full rule list is in ``docs/actors.md``.

Works on partial parses (no ``dep_`` values: word order only) and never raises.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Roles", "assign_roles", "role_of_path"]

log = logging.getLogger(__name__)

#: words that make the mention under them a supporter ("backed by X", "X-backed")
BACKING = frozenset(
    {"back", "backed", "support", "supported", "aid", "assist", "help", "arm", "sponsor", "fund", "reinforce",
     "accompany", "assistance", "backing", "cover", "alongside", "escort"}
)
#: verbs whose "with" partner is the other side, not a helper ("clashed with X")
SYMMETRIC = frozenset(
    {"clash", "fight", "battle", "skirmish", "exchange", "engage", "war", "meet", "negotiate", "talk", "agree",
     "sign", "cooperate", "reconcile", "confront", "collide", "spar", "trade", "clashes", "fighting", "talks",
     "agreement", "deal", "truce", "ceasefire", "meeting", "confrontation", "confrontations", "battles"}
)
#: events two sides do together: a conjoined subject ("X and Y agreed") is actor1 and actor2
MUTUAL = frozenset(
    {"agree", "sign", "reach", "renew", "upgrade", "establish", "restore", "resume", "share", "hold", "discuss",
     "conclude", "normalize", "normalise", "exchange", "cooperate", "collaborate", "ally", "unite", "merge",
     "reconcile", "sever", "break", "cut", "consult", "confer", "negotiate", "talk", "meet", "embrace"}
)
#: verbs whose clausal complement's subject is the one addressed ("urged Iraq to …", "demanded that X …")
DIRECTIVE = frozenset(
    {"demand", "urge", "call", "ask", "press", "warn", "tell", "order", "insist", "appeal", "request", "pressure",
     "push", "caution", "instruct", "command", "beg", "implore"}
)
_TARGET_PREPS = frozenset(
    {"against", "on", "upon", "at", "toward", "towards", "into", "over", "from", "targeting", "to", "for"}
)
_HELPER_PREPS = frozenset({"alongside", "along", "beside", "together"})
_OBJ = frozenset({"nsubjpass", "csubjpass", "dobj", "dative", "attr", "oprd", "obj", "iobj"})
_BORROW = frozenset({"xcomp", "advcl", "conj", "pcomp", "ccomp", "dobj", "nsubjpass", "pobj", "acl", "relcl"})
_CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "acomp", "parataxis", "csubj"})
_CHAIN = frozenset({"xcomp", "acomp"})  # "agreed to …", "ready to …": one event with its complement
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
#: participles whose passive subject is the doer ("forces were engaged in fighting", "is opposed to")
STATIVE = frozenset({"engage", "involve", "oppose", "commit", "determine", "prepare", "embroil", "lock", "poise"})
_FREE_BEFORE = frozenset({"", "nsubj", "nsubjpass", "ROOT", "dep", "npadvmod"})
_FREE_AFTER = frozenset({"", "dobj", "pobj", "ROOT", "dep", "attr", "oprd", "dative", "npadvmod"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})


@dataclass(slots=True)
class Roles:
    """The actors of one event. ``assoc`` are associated actors (mostly of actor1's side);
    ``assoc2`` those found backing actor2 (kept apart for callers that want ACLED's assoc_actor_2)."""

    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: list[Actor] = field(default_factory=list)
    assoc2: list[Actor] = field(default_factory=list)


def role_of_path(deps: Sequence[str], words: Sequence[str], trigger_lemma: str, trigger_is_noun: bool) -> str | None:
    """Role of a mention from the relations on its path to the trigger (a pure function).

    ``deps``/``words`` go from the mention's head up to the trigger's child (inclusive);
    the result is "actor1", "actor2", "assoc1", "assoc2" or None.
    """
    if not deps:
        return None
    words = [w.lower() for w in words]
    backing_at = next((k for k, w in enumerate(words) if k and w in BACKING), None)
    if backing_at is not None and words[backing_at - 1] in ("to", "for"):
        backing_at = None  # "aid to X", "support for X": X receives, it does not back
    if backing_at is not None and "against" in words[1:backing_at]:
        return "actor2"  # "backed by a coalition against the extremists": the side being fought
    backing = backing_at is not None
    chain = [k for k, d in enumerate(deps) if d in _CHAIN]
    if chain and not backing and not any(d in _CLAUSES for d in deps[: chain[0]]):
        # "agreed to provide aid to Romania": the role is read off the innermost verb of the chain
        k = chain[0]
        if k == 0:
            return None
        return role_of_path(deps[:k], words[:k], words[k], False)
    if (
        trigger_lemma in DIRECTIVE
        and len(deps) >= 2
        and deps[-1] == "ccomp"
        and deps[-2] in ("nsubj", "nsubjpass")
        and not any(d in _CLAUSES for d in deps[:-2])
    ):
        return "actor2"  # "demanded that Israel ease restrictions": the one addressed
    if not backing and any(d in _CLAUSES for d in deps[:-1]):
        return None  # the mention belongs to a clause of its own ("the crossing, seized by Daesh, reopened")
    top, top_word = deps[-1], words[-1]
    side: str | None
    if top in ("nsubj", "csubj") or top == "agent" or (top == "prep" and top_word == "by"):
        side = "actor1"
    elif top in ("poss", "compound", "amod", "nmod"):
        side = "actor1" if trigger_is_noun else None
    elif top in _OBJ:
        side = "actor1" if top == "nsubjpass" and trigger_lemma in STATIVE else "actor2"
    elif top == "prep":
        if top_word in _TARGET_PREPS:
            side = "actor2"
        elif top_word == "of":
            side = "actor2" if trigger_is_noun else None
        elif top_word == "with":
            if trigger_lemma in SYMMETRIC and not backing:
                side = "actor2"
            else:
                return "assoc1"
        elif top_word in _HELPER_PREPS:
            return "assoc1"
        elif top_word == "between":
            # "clashes between X and Y": the two sides; "mediation between X and Y": both addressed
            side = "actor1" if trigger_lemma in SYMMETRIC or trigger_lemma in MUTUAL else "actor2"
        else:
            side = None
    else:
        side = None
    if backing:
        return "assoc2" if side == "actor2" else "assoc1"
    return side


def _doc_slice(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without building the whole text (which costs the document's length)."""
    if start < 0 or end < 0:
        return doc.text[start:end]
    if end <= start or not len(doc):
        return ""

    def token_index(char: int) -> int:  # the last token starting at or before ``char``
        lo, hi = 0, len(doc) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if doc[mid].idx <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    first, last = token_index(start), token_index(end - 1)
    base = doc[first].idx
    return doc[first : last + 1].text_with_ws[start - base : end - base]


def _head_token(mention: Actor, sent: Span) -> Token | None:
    start, end = mention.start, mention.end
    doc = sent.doc
    surface = _doc_slice(doc, start, end) if start is not None and end is not None else ""
    if start is None or end is None or surface != (mention.text or surface):
        # offsets from another text: find the surface form inside the sentence
        if not mention.text:
            return None
        at = sent.text.find(mention.text)
        if at < 0:
            return None
        start = sent.start_char + at
        end = start + len(mention.text)
    toks = [t for t in sent if start <= t.idx < end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _path(tok: Token, trigger: Token, limit: int = 14) -> list[Token] | None:
    path = [tok]
    cur = tok
    while len(path) <= limit:
        head = cur.head
        if head.i == trigger.i:
            return path
        if head.i == cur.i:
            return None
        cur = head
        path.append(cur)
    return None


def _mutual(trigger: Token) -> bool:
    """Whether the event takes two sides that act together ("agreed", "signed", "clashed", "held talks")."""
    tok = trigger
    for _ in range(3):
        lemma = (tok.lemma_ or tok.text).lower()
        if lemma in SYMMETRIC or lemma in MUTUAL:
            return True
        heads = [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
        if not heads:
            return False
        tok = heads[0]
    return False


def _dep(tok: Token) -> str:
    """The token's relation; a purpose clause ("… to demand X") counts as the event's complement."""
    dep = tok.dep_
    if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "xcomp"
    return dep


def _is_passive(trigger: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)


def _role(head: Token, trigger: Token) -> str | None:
    path = _path(head, trigger)
    if path is None:
        return None
    deps = [_dep(t) for t in path]
    words = [t.lemma_ or t.text for t in path]
    words[-1] = path[-1].text  # the preposition as written
    words[0] = path[0].text
    return role_of_path(deps, words, (trigger.lemma_ or trigger.text).lower(), trigger.pos_ in ("NOUN", "PROPN"))


def _borrowed(heads: dict[int, Token], trigger: Token) -> dict[int, str]:
    """Roles through the trigger's governor when the trigger has no subject of its own."""
    out: dict[int, str] = {}
    gov = trigger.head
    if gov.i == trigger.i or trigger.dep_ not in _BORROW:
        return out
    if trigger.dep_ in ("acl", "relcl"):
        # "the crossing seized by Daesh" (acl: the noun is the patient), "militants who attacked" (relcl)
        rel_subj = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        for i, h in heads.items():
            if h.i == gov.i or (_path(h, gov) == [h] and h.dep_ in ("compound", "amod")):
                if trigger.dep_ == "acl":
                    out[i] = "actor2" if trigger.tag_ == "VBN" else "actor1"
                elif rel_subj and rel_subj[0].lower_ in _RELATIVE:
                    out[i] = "actor1" if rel_subj[0].dep_ == "nsubj" else "actor2"
        return out
    # climb through subjectless governors ("opened fire to disperse …, killing one and arresting 12")
    child = trigger
    for _ in range(3):
        if any(c.dep_ in _SUBJECTS for c in gov.children) or gov.dep_ not in _BORROW or gov.head.i == gov.i:
            break
        child, gov = gov, gov.head
    gov_lemma = (gov.lemma_ or gov.text).lower()
    own_passive = _is_passive(trigger) or trigger.tag_ == "VBN"
    for i, h in heads.items():
        path = _path(h, gov)
        if not path or path[-1].i == child.i:
            continue
        top = path[-1].dep_
        if top in ("nsubj", "agent") or (top == "prep" and path[-1].lower_ == "by"):
            out[i] = "assoc1" if gov_lemma in BACKING else "actor1"
        elif top == "nsubjpass" and child.dep_ == "conj":
            # "was indicted and will resign": the shared subject takes the trigger's own voice
            out[i] = "actor2" if own_passive else "actor1"
    return out


def assign_roles(trigger: Token, mentions: Sequence[Actor], sent: Span, country_code: str | None = None) -> Roles:
    """Actor1, actor2 and associated actors of the event whose trigger word is ``trigger``.

    ``mentions`` are the actor mentions (with body offsets) inside ``sent``. With the event's
    ``country_code`` the chosen actors are seen from there (:func:`dateline.actors.localize`:
    foreign militaries become External/Other forces). Never raises.
    """
    try:
        roles = _assign(trigger, mentions, sent)
    except Exception:  # a partial or odd parse must not stop the pipeline
        log.debug("assign_roles failed", exc_info=True)
        return Roles()
    if country_code:
        from .normalize import localize

        roles = Roles(
            localize(roles.actor1, country_code) if roles.actor1 else None,
            localize(roles.actor2, country_code) if roles.actor2 else None,
            [localize(a, country_code) for a in roles.assoc],
            [localize(a, country_code) for a in roles.assoc2],
        )
    return roles


def _assign(trigger: Token, mentions: Sequence[Actor], sent: Span) -> Roles:
    heads: dict[int, Token] = {}
    for n, mention in enumerate(mentions):
        tok = _head_token(mention, sent)
        if tok is not None:
            heads[n] = tok
    roles: dict[int, str] = {}
    containing: list[int] = []
    for n, mention in enumerate(mentions):
        h = heads.get(n)
        if h is None:
            continue
        if mention.start is not None and mention.end is not None and mention.start <= trigger.idx < mention.end:
            containing.append(n)  # "Israeli airstrikes": the mention contains the nominal trigger
            continue
        role = _role(h, trigger)
        if role:
            roles[n] = role
    if containing and "actor1" not in roles.values():
        # rule roles.weapon-mention-yields: "Russian forces launched a drone strike": the mention made of the
        # trigger itself ("drone strike", named after the article's country) is actor1 only when the verb that
        # governs the strike names no subject of its own
        nominal = trigger.head if trigger.dep_ == "compound" and trigger.head.i != trigger.i else trigger
        free = {n: h for n, h in heads.items() if n not in roles and n not in containing}
        for n, role in _borrowed(free, nominal).items():
            if role == "actor1":
                roles[n] = role
    for n in containing:
        roles[n] = "actor1" if "actor1" not in roles.values() else "assoc1"
    if "actor2" not in roles.values() and _mutual(trigger):
        # "Jordan and Britain agreed …": the second conjunct of a mutual event is the other side
        conj = sorted((n for n, r in roles.items() if r == "actor1" and heads[n].dep_ == "conj"), key=lambda n: n)
        if conj:
            roles[conj[0]] = "actor2"
    if not any(r == "actor1" for r in roles.values()):
        for n, role in _borrowed({n: h for n, h in heads.items() if n not in roles}, trigger).items():
            roles.setdefault(n, role)
    _fallback(trigger, mentions, heads, roles)
    return _collect(mentions, heads, roles)


def _fallback(trigger: Token, mentions: Sequence[Actor], heads: dict[int, Token], roles: dict[int, str]) -> None:
    """Word order for mentions the parse did not connect (partial parses)."""
    has1 = "actor1" in roles.values()
    has2 = "actor2" in roles.values()
    if has1 and has2:
        return
    passive = _is_passive(trigger) or (trigger.tag_ == "VBN" and any(c.lower_ == "by" for c in trigger.children))
    free = [n for n in range(len(mentions)) if n not in roles and n in heads]
    free = [n for n in free if not _in_other_clause(heads[n], trigger)]
    before = [n for n in free if heads[n].i < trigger.i and _np_role(heads[n]) in _FREE_BEFORE]
    after = [n for n in free if heads[n].i > trigger.i and _np_role(heads[n]) in _FREE_AFTER]
    if passive:  # after a passive trigger only an agent ("… by X") is the doer
        after = [n for n in after if any(t.lower_ == "by" for t in trigger.doc[trigger.i : heads[n].i])]
    first_side, second_side = ("actor2", "actor1") if passive else ("actor1", "actor2")
    if before and first_side not in roles.values():
        nearest = max(before, key=lambda n: heads[n].i)
        if trigger.i - heads[nearest].i <= 12:
            roles[nearest] = first_side
    if after and second_side not in roles.values():
        nearest = min(after, key=lambda n: heads[n].i)
        if heads[nearest].i - trigger.i <= 12:
            roles[nearest] = second_side


def _np_role(tok: Token) -> str:
    """The relation of the noun phrase a mention heads (through modifiers, conjuncts, appositions)."""
    for _ in range(6):
        if tok.dep_ in ("amod", "compound", "conj", "appos", "poss", "nmod") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok.dep_


def _in_other_clause(tok: Token, trigger: Token) -> bool:
    """Whether the parse puts ``tok`` under a verb of its own that does not govern the trigger."""
    cur = tok
    for _ in range(14):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.i == trigger.i:
            return False
        if head.tag_.startswith("VB") or head.pos_ in ("VERB", "AUX"):
            return not any(a.i == head.i for a in trigger.ancestors)
        cur = head
    return False


def _collect(mentions: Sequence[Actor], heads: dict[int, Token], roles: dict[int, str]) -> Roles:
    out = Roles()
    order = sorted(roles, key=lambda n: (heads[n].i if n in heads else 0))
    seen: set[str] = set()
    # the sides' actors first: the first mention of each side in text order
    for side in ("actor1", "actor2"):
        for n in order:
            if roles[n] == side:
                if getattr(out, side) is None:
                    setattr(out, side, mentions[n])
                    seen.add(mentions[n].name)
                else:
                    roles[n] = "assoc1" if side == "actor1" else "assoc2"
    for n in order:
        role, actor = roles[n], mentions[n]
        if role in ("assoc1", "assoc2") and actor.name not in seen:
            seen.add(actor.name)
            (out.assoc if role == "assoc1" else out.assoc2).append(actor)
    return out
