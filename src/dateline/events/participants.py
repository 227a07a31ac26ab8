"""Who took part in an event: actor1, actor2 and associated actors.

The actors stage (:mod:`dateline.actors`) finds and normalizes actor mentions and
:func:`dateline.actors.roles.assign_roles` reads their roles off the dependency parse; a
sentence without a parse (unit tests with a blank pipeline) falls back on word order. When
the actors stage found nothing in a sentence, mentions are made from the context cues
(state / non-state words), so that events still name their parties. Sub-event conventions
are then applied (ACLED): in protests actor1 is the protesters; in *Government regains
territory* actor1 is the state force and in *Non-state actor overtakes territory* the
non-state group. Finally the parties are seen from the event's country
(:func:`dateline.actors.localize`): a country's military abroad is External/Other forces,
generic mentions are named after the country ("Protesters (Nigeria)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..actors import localize, normalize
from ..actors.normalize import countries_named
from ..actors.roles import assign_roles
from ..records import Actor
from .lexicon import cue_patterns
from .sentences import Sentence, token_at

__all__ = ["Parties", "authorities_of", "cue_mentions", "localize_parties", "parties_for"]

_ASSOC = re.compile(r"\b(?:backed by|with the (?:support|backing|help) of|supported by|alongside|together with|"
                    r"assisted by|aided by|with help from|with air support from|and (?:its |their )?allied)\b")
_STATE, _NONSTATE, _CIVIL = "State forces", "Rebel group", "Civilians"
_GENERIC = {"Protesters", "Rioters", "Civilians"}
_POLICE_WORD = re.compile(r"police|security|troops|soldiers|army|military|gendarm|forces|guard", re.I)
_PLACE_WORD = re.compile(r"church|mosque|school|market|bus|village|home|hospital|wedding|funeral|centre|center|camp|"
                         r"restaurant|concert|hotel|cafe", re.I)


@dataclass(slots=True)
class Parties:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: list[Actor] = field(default_factory=list)


def authorities_of(country_code: str) -> Actor | None:
    """The government of a country: who reopens a crossing, declares a curfew or an emergency."""
    from ..actors import normalize

    return normalize("authorities", country_code)


def _named_elsewhere(actor: Actor, country_code: str) -> bool:
    """A generic mention ("rebel positions", "police") named after another country than the event's:
    its words name no country, so the actors stage used the article's dominant country."""
    if actor.text is None or actor.country_code in (None, country_code):
        return False
    alone = normalize(actor.text)
    if (alone is None or alone.country_code is None) and actor.country_code in countries_named(actor.text):
        return False  # rule acled.demonym-owner: "a Russian Shahed drone" names Russia, whatever the normalizer made
    return alone is None or alone.country_code is None


def localize_parties(parties: Parties, country_code: str | None) -> Parties:
    """The parties as seen from the event's country ("Protesters" → "Protesters (Iraq)"; a
    country's army abroad → External/Other forces), through ``dateline.actors.localize``."""
    if not country_code:
        return parties

    def one(actor: Actor | None) -> Actor | None:
        if actor is None:
            return None
        made = actor.text is None and actor.name in _GENERIC  # a convention's actor, not written in the text
        if _named_elsewhere(actor, country_code):
            actor = replace(actor, country_code=None)  # named after the article's country, not the event's
        got = localize(replace(actor, text=actor.name.lower()) if made else actor, country_code)
        return replace(got, text=None, start=None, end=None) if made else got

    return Parties(one(parties.actor1), one(parties.actor2), [a for a in map(one, parties.assoc) if a is not None])


def _expand(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Grow a cue match to its noun phrase ("forces" → "Iraqi security forces")."""
    span = sentence.span
    if span is None:
        return start, end
    chunker = getattr(span.doc, "noun_chunks_iterator", None)  # on the sentence only: Span.noun_chunks walks the doc
    chunks = (span.doc[a:b] for a, b, _ in chunker(span)) if chunker is not None else span.noun_chunks
    for chunk in chunks:
        if chunk.start_char <= start and end <= chunk.end_char:
            toks = [t for t in chunk if t.dep_ not in ("det", "poss") and t.pos_ != "DET"]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end


def cue_mentions(body: str, sentence: Sentence) -> list[Actor]:
    """Actor mentions of a sentence made from the state / non-state / civilian cue words."""
    cues = cue_patterns()
    found: list[Actor] = []
    for cue, kind in (("nonstate", _NONSTATE), ("state", _STATE), ("civilian_target", _CIVIL)):
        for m in cues[cue].finditer(sentence.low):
            s, e = _expand(sentence, sentence.start + m.start(), sentence.start + m.end())
            if any(a.start is not None and a.end is not None and a.start < e and s < a.end for a in found):
                continue
            text = body[s:e]
            if kind == _CIVIL:
                if _PLACE_WORD.search(m.group()):
                    continue  # "a market", "a church": where civilians were, not who
                found.append(Actor(name="Civilians", type=kind, text=text, start=s, end=e))
            else:
                found.append(Actor(name=text, type=kind, text=text, start=s, end=e))
    found.sort(key=lambda a: a.start or 0)
    return found


def _normalized(actor: Actor) -> Actor:
    norm = normalize(actor.text) if actor.text is not None else None
    if norm is None:
        return actor
    return replace(actor, name=norm.name, type=norm.type or actor.type, country_code=norm.country_code)


def _by_word_order(sentence: Sentence, trigger: int, mentions: Sequence[Actor]) -> Parties:
    """Without a parse: the first armed mention before the trigger acts ("… by X" after it), the next one suffers."""
    parties = Parties()
    before = [m for m in mentions if (m.end or 0) <= trigger and m.type != _CIVIL]
    parties.actor1 = before[0] if before else None
    if parties.actor1 is None and re.match(r"\W*\w+\s+by\b", sentence.text[trigger - sentence.start :]):
        later = [m for m in mentions if (m.start or 0) > trigger]
        parties.actor1 = later[0] if later else None
    after = [m for m in mentions if (m.start or 0) >= trigger and m is not parties.actor1]
    parties.actor2 = after[0] if after else None
    return parties


def _assoc(sentence: Sentence, mentions: Sequence[Actor], taken: Sequence[Actor | None]) -> list[Actor]:
    out: list[Actor] = []
    for m in _ASSOC.finditer(sentence.text.lower()):
        pos = sentence.start + m.end()
        nxt = [a for a in mentions if (a.start or 0) >= pos and (a.start or 0) - pos < 40 and a not in taken]
        if nxt and nxt[0] not in out:
            out.append(nxt[0])
    return out


def parties_for(sub_event: str, body: str, sentence: Sentence, trigger: int, doc_actors: Sequence[Actor]) -> Parties:
    """actor1, actor2 and associated actors of the event triggered at body offset ``trigger``."""
    mentions = [a for a in doc_actors if a.start is not None and sentence.start <= a.start < sentence.end]
    if not mentions:
        mentions = [_normalized(a) for a in cue_mentions(body, sentence)]
    tok = token_at(sentence, trigger)
    if tok is not None:
        roles = assign_roles(tok, mentions, sentence.span)
        parties = Parties(roles.actor1, roles.actor2, list(roles.assoc))
        if parties.actor1 is None and sub_event in _REMOTE:
            # rule acled.remote-fire-word-order: the parse lost the shooter ("the troops stationed in X village
            # fired shells at …"); the armed mention told nearest before the trigger fired
            before = [m for m in mentions if (m.end or trigger + 1) <= trigger and m.type in _PERPETRATORS
                      and m is not parties.actor2]
            parties.actor1 = before[-1] if before else None  # the nearest one, not a place hint in parentheses
    else:
        parties = _by_word_order(sentence, trigger, mentions)
        parties.assoc = _assoc(sentence, mentions, (parties.actor1, parties.actor2))
    parties.actor1 = _compound_head(parties.actor1, mentions, body)
    parties = _conventions(sub_event, parties, mentions, body)
    if parties.actor1 is None and (sub_event in _CIVILIANS_SUFFER or sub_event == "Armed clash"):
        parties.actor1 = _claimant(body, parties.actor2)
    main = {a.name for a in (parties.actor1, parties.actor2) if a is not None}
    assoc: list[Actor] = []
    for a in parties.assoc:
        if a.name not in main and a.name not in {x.name for x in assoc}:
            assoc.append(a)
    parties.assoc = assoc
    return parties


def _compound_head(actor: Actor | None, mentions: Sequence[Actor], body: str) -> Actor | None:
    """Rule ``acled.compound-head``: "Taliban police", "Houthi police": the owner named right before a state force
    of its own country modifies it; the force (ACLED's "Police Forces of Afghanistan (2021-) Taliban") acts."""
    if actor is None or actor.end is None or actor.type != _STATE:
        return actor
    for m in mentions:
        if (m is not actor and m.start is not None and m.type == _STATE and m.country_code == actor.country_code
                and 0 < m.start - actor.end <= 1 and not body[actor.end : m.start].strip()
                and _POLICE_WORD.fullmatch((m.text or "").lower())):
            return m
    return actor


def _pick(mentions: Sequence[Actor], kinds: tuple[str, ...]) -> Actor | None:
    for m in mentions:
        if m.type in kinds:
            return m
    return None


def _lead(parties: Parties, mentions: Sequence[Actor], kinds: tuple[str, ...]) -> None:
    """Make the first mention of one of ``kinds`` actor1 (the side that takes or regains territory)."""
    if parties.actor1 is not None and parties.actor1.type in kinds:
        return
    cand = _pick(mentions, kinds)
    if cand is not None:
        if parties.actor2 is cand:
            parties.actor2 = parties.actor1
        parties.actor1 = cand


#: the sentence tells the protest as its own act ("residents protested …", "locals staged a sit-in")
_STAGED = re.compile(r"\b(?:protest(?:ed|ing)|demonstrat(?:ed|ing)|march(?:ed|ing)|rallied|took to the streets|"
                     r"(?:staged|held|organi[sz]ed|joined|blocked)\b)")
_SURRENDER_TO = re.compile(r"\b(?:surrender(?:ed|s)?|defected|turned themselves in|handed themselves over)\b"
                           r"(?: \w+){0,4} to\b")
_CIVILIANS_SUFFER = frozenset({"Attack", "Sexual violence", "Abduction/forced disappearance", "Grenade",
                               "Remote explosive/landmine/IED", "Suicide bomb", "Looting/property destruction",
                               "Shelling/artillery/missile attack", "Air/drone strike"})
_STATE_SIDE = ("State forces", "External/Other forces")
_REMOTE = ("Shelling/artillery/missile attack", "Air/drone strike")
_NONSTATE_KINDS = ("Rebel group", "Political militia", "Identity militia")
_PERPETRATORS = _STATE_SIDE + _NONSTATE_KINDS


_CLAIMED = re.compile(r"\b((?:[A-Z][\w'-]*\s+){0,4}[A-Z][\w'-]*)\s+(?:(?:has|have|later|reportedly|also|subsequently|"
                      r"then)\s+)*claimed\s+(?:responsibility|the attack|it\b)")


def _claimant(body: str, actor2: Actor | None) -> Actor | None:
    """Rule ``acled.claimed-attack``: an attack whose sentence names no author, in a note where an armed
    group "claimed responsibility" / "claimed the attack": ACLED codes the claimant as actor1."""
    for m in _CLAIMED.finditer(body):
        words = m.group(1).split()
        for i in range(len(words)):  # the longest tail that names a group ("and Al Shabaab" → Al Shabaab)
            got = normalize(" ".join(words[i:]))
            if got is not None and got.type in _PERPETRATORS and (actor2 is None or got.name != actor2.name):
                return replace(got, text=None, start=None, end=None)
    return None


def _force_told_first(mentions: Sequence[Actor], body: str) -> Actor | None:
    """Rule ``acled.excessive-force-agent``: a note that opens on the force's act ("Police shot two
    demonstrators during a protest", "two demonstrators were shot by police") codes the force as actor1 and the
    protesters as actor2; a note that first tells the protest as its own act ("residents protested …; the
    police fired …") keeps the protesters as actor1 (ACLED's notes do both; the note's own order decides).
    Returns the force told first, or None."""
    perp = next((m for m in mentions if m.type in _PERPETRATORS and m.start is not None), None)
    if perp is None or perp.start is None or _STAGED.search(body[: perp.start].lower()):
        return None
    crowd = next((m for m in mentions if m.type in ("Protesters", "Rioters") and m.start is not None), None)
    if crowd is None or crowd.start is None or perp.start < crowd.start:
        return perp
    return perp if re.search(r"\bby\W*$|\bby (?:the )?$", body[max(0, perp.start - 20) : perp.start].lower()) else None


def _police(mentions: Sequence[Actor]) -> Actor | None:
    """The first state force named as police."""
    return next((m for m in mentions if m.type == "State forces" and _POLICE_WORD.search(m.text or m.name)), None)


def _conventions(sub_event: str, parties: Parties, mentions: Sequence[Actor], body: str = "") -> Parties:
    state = ("State forces",)
    nonstate = _NONSTATE_KINDS
    if sub_event == "Government regains territory":
        _lead(parties, mentions, state)
        parties.assoc = [a for a in parties.assoc if a is not parties.actor1]
    elif sub_event == "Non-state actor overtakes territory":
        _lead(parties, mentions, nonstate)
    elif sub_event in ("Peaceful protest", "Protest with intervention", "Violent demonstration"):
        kind = "Rioters" if sub_event == "Violent demonstration" else "Protesters"
        police = _police(mentions)
        parties.actor1 = Actor(name=kind, type=kind)
        parties.actor2 = police if sub_event != "Peaceful protest" else None
    elif sub_event == "Excessive force against protesters" and (first := _force_told_first(mentions, body)):
        parties.actor1, parties.actor2 = first, Actor(name="Protesters", type="Protesters")
    elif sub_event == "Excessive force against protesters":
        police = _police(mentions)
        # ACLED codes the protesters as actor1 of every protest event, the force that met them as actor2
        parties.actor2 = police or _pick(mentions, state) or (parties.actor1 if parties.actor1 is not None
                                                               and parties.actor1.type in state else None)
        parties.actor1 = Actor(name="Protesters", type="Protesters")
    elif sub_event == "Agreement" and parties.actor1 is not None and parties.actor2 is not None \
            and parties.actor1.type not in _STATE_SIDE and parties.actor2.type in _STATE_SIDE \
            and _SURRENDER_TO.search(body[parties.actor1.start or 0 : parties.actor2.start or 0].lower()):
        # rule acled.surrender-state-first: in a surrender ("militants surrendered to the army", "soldiers
        # surrendered to Al Shabaab") ACLED codes the state's side as actor1, whichever side gave up
        parties.actor1, parties.actor2 = parties.actor2, parties.actor1
    elif sub_event == "Disrupted weapons use" and not any(m.type in _STATE_SIDE for m in mentions) \
            and (own := _pick(mentions, nonstate)) is not None:
        # rule acled.own-device-disrupted: no force intercepted anything ("a bomb carried by the Taliban
        # detonated prematurely", "an IED exploded while IS fighters were planting it"): the group whose
        # weapon it was is ACLED's actor1
        parties.actor1 = own
        if parties.actor2 is own:
            parties.actor2 = None
    elif sub_event == "Mob violence":
        parties.actor1 = Actor(name="Rioters", type="Rioters")
    if parties.actor1 is not None and parties.actor1.type == _CIVIL and sub_event in _CIVILIANS_SUFFER:
        # rule acled.civilians-never-perpetrate: in ACLED civilians are the targets of violence, never its
        # actor1; the civilians read as the subject ("villagers were wounded by a grenade") are the actor2, and
        # ACLED's default actor1 (an unidentified armed group) is coded for the unnamed perpetrator
        parties.actor2 = parties.actor2 or parties.actor1
        parties.actor1 = None
    if parties.actor2 is parties.actor1:
        parties.actor2 = None
    return parties
