"""Actor mentions that need the spaCy parse: participants the dictionary cannot name.

- a country or capital (found by our own country table: the small model often tags
  "Sri Lanka" or "Benin" as a person) that is a participant of a clause — subject, object,
  agent, or the object of "against/on/at/with/to/from" — is that country's government
  ("Iraq and Syria reopened the crossing", "fired a missile at Saudi Arabia");
- a person introduced by a title of state ("Iraqi President Saddam Hussein", "Prime
  Minister X") is that country's government (the demonym's, else the context country's);
- an organisation the model tags (ORG/NORP) whose name says it is armed ("… Liberation
  Front", "… Brigades") keeps its own name as a rebel group or militia; other organisations
  in a participant position keep their name too, typed by their kind (international
  organisations: External/Other forces; parties: Political militia; others: Civilians).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import compress, count
from operator import itemgetter
from typing import Any

from ..nlp_demand import is_parsed
from ..records import Actor
from .lexicon import Lexicon, alias_key
from .normalize import generic_actor, normalize
from .tokens import Candidate, Token

__all__ = ["parsed_candidates"]

_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_ROLE_PREPS = frozenset({"by", "against", "on", "at", "with", "toward", "towards", "to", "from"})
_ARMED_ORG = re.compile(
    r"\b(?:Army|Front|Brigades?|Battalions?|Militias?|Forces|Liberation|Jihad|Mujahideen|Resistance|"
    r"Tigers|Rebels|Guards?|Legion|Martyrs)\b"
)
_ORG_MILITIA = re.compile(r"\b(?:Brigades?|Battalions?|Militias?|Guards?|Legion)\b")
_IGO = re.compile(
    r"\b(?:United Nations|European Union|European Commission|European Community|African Union|Arab League|"
    r"League of Arab States|Organi[sz]ation of Islamic Cooperation|Security Council|General Assembly|OSCE|ASEAN|"
    r"APEC|Asia-Pacific Economic Cooperation|IGAD|ECOWAS|SADC|IAEA|International Atomic Energy Agency|"
    r"International Criminal Court|International Monetary Fund|World Bank|International Labou?r Office|"
    r"International Labou?r Organi[sz]ation|World Health Organi[sz]ation|World Food Programme|Commonwealth)\b"
)
_NGO = re.compile(
    r"\b(?:Red Cross|Red Crescent|ICRC|Amnesty International|Human Rights Watch|Doctors Without Borders|"
    r"M[ée]decins Sans Fronti[èe]res|MSF|Oxfam|Save the Children|Norwegian Refugee Council|CARE International)\b"
)
_STATE_BODY = re.compile(
    r"\b(?:Ministry|Department|Parliament|Senate|Congress|Assembly|Cabinet|Supreme Court|High Court|"
    r"Constitutional Court|Interior|Presidency|Kremlin|White House|Pentagon|State Department|Foreign Office)\b"
)
_NOT_ACTOR = re.compile(
    r"\b(?:Treaty|Agreement|Accords?|Act|Law|Conference|Summit|Day|Festival|Museum|University|School|College|"
    r"Hospital|Company|Corp|Corporation|Inc|Ltd|Airlines?|Airways|News|Radio|Television|TV|Times|Post|Stadium|"
    r"Hotel|Airport|Station|Market|Church|Mosque|Temple|Prize|Cup|Games|Index|Exchange|Devices?)\b"
)
_PARTY = re.compile(r"\S\s+(?:Party|Congress|Movement|Alliance|Coalition|Rally|Front)\b")
_TITLE = re.compile(
    r"(?:(?P<owner>(?:(?!(?:Prime|Vice|Deputy|Foreign|Defen[cs]e|Interior|Finance|Crown|Supreme|Field)\b)"
    r"[A-Z][\w.'’-]+ ){0,2})?)"
    r"(?:(?:new|former|late|interim|acting|outgoing|incoming|ousted|deposed|exiled|then)\s+)?"
    r"(?P<title>(?:Vice[- ])?(?:President|Prime Minister|Premier|King|Queen|Emir|Sultan|Crown Prince|Chancellor|"
    r"(?:Foreign|Defen[cs]e|Interior|Finance|Deputy|Vice) Minister|Minister|Secretary of State|Supreme Leader|"
    r"Governor|Ayatollah|leader)) $"
)
#: the last word of every title of ``_TITLE``
_TITLE_ENDS = ("President", "Minister", "Premier", "King", "Queen", "Emir", "Sultan", "Prince", "Chancellor", "State",
               "Leader", "Governor", "Ayatollah", "leader")


def title_before(text: str, end: int) -> re.Match[str] | None:
    """``_TITLE.search(text, max(0, end - 60), end)``: a title (and its owner) just before ``end``. A match
    ends in a title's last word and a space (``$`` matches at ``end``, or before a newline there): without
    them, the search need not run."""
    start = max(0, end - 60)
    cut = end - 1 if text[end - 1 : end] == "\n" else end
    if text[cut - 1 : cut] != " " or not text[start : cut - 1].endswith(_TITLE_ENDS):
        return None
    return _TITLE.search(text, start, end)


def _participant(tok: Any, owners: bool = False) -> bool:
    """Whether the token (through conjunctions and appositions; with ``owners``, also through
    possessives and adjectives) fills a role of its clause."""
    if not is_parsed(tok):
        return False  # an unparsed sentence (parse on demand): no parse-based role
    climb = ("conj", "appos", "poss", "amod", "compound") if owners else ("conj", "appos")
    for _ in range(6):
        if tok.dep_ in climb and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    dep = tok.dep_
    return dep in _ROLE_DEPS or (dep == "pobj" and tok.head.lower_ in _ROLE_PREPS)


def _owner_country(lex: Lexicon, words: list[str]) -> str | None:
    """The country of the words before a title ("Iraqi", "South African", "Lebanon"), if they name one."""
    phrase = " ".join(words)
    key = alias_key(phrase)
    if not phrase[:1].isupper():
        return None
    return lex.by_demonym.get(key) or lex.by_country_name.get(key)


_HEADS: dict[int, tuple[Lexicon, int, frozenset[str]]] = {}
_KEY = itemgetter(3)  # Token.key


def _name_heads(lex: Lexicon) -> frozenset[str]:
    """The keys of ``lex``'s country names, capitals and demonyms and their leading words ("united",
    "united arab"): a run of words that is none of them cannot begin one (cached per lexicon)."""
    size = len(lex.by_country_name) + len(lex.by_capital) + len(lex.by_demonym)
    got = _HEADS.get(id(lex))
    if got is not None and got[0] is lex and got[1] == size:
        return got[2]
    heads: set[str] = set()
    for key in (*lex.by_country_name, *lex.by_capital, *lex.by_demonym):
        heads.add(key)
        words = key.split(" ")
        heads.update(" ".join(words[:k]) for k in range(1, len(words)))
    _HEADS[id(lex)] = (lex, size, frozenset(heads))
    return _HEADS[id(lex)][2]


def _countries(lex: Lexicon, text: str, toks: list[Token]) -> Iterator[tuple[int, int, str]]:
    """Country names, capitals and demonyms in the text (capitalised), with their country."""
    n = len(toks)
    heads = _name_heads(lex)
    firsts = list(compress(count(), map(heads.__contains__, map(_KEY, toks))))  # (elsewhere nothing begins)
    p = 0
    while p < len(firsts):
        i = firsts[p]
        hit = None
        key = ""
        for j in range(i, min(n, i + 5)):
            if not toks[j].text[:1].isalnum():
                break
            key = toks[j].key if j == i else f"{key} {toks[j].key}"
            if key not in heads:  # no country name, capital or demonym is or begins with these words
                break
            code = lex.by_country_name.get(key) or lex.by_capital.get(key) or lex.by_demonym.get(key)
            if code and toks[i].text[:1].isupper() and toks[j].text[:1].isupper():
                hit = (j, code)
        surface = text[toks[i].start : toks[hit[0]].end] if hit else ""
        shouting = surface.isupper() and sum(ch.isalpha() for ch in surface) > 3  # not "U.S.", "UAE"
        if hit and not toks[i].glued and not shouting:  # "BEIRUT (AP) —" is a dateline, not a government
            yield toks[i].start, toks[hit[0]].end, hit[1]
            p = bisect_left(firsts, hit[0] + 1, p + 1)
        else:
            p += 1


def _org_actor(lex: Lexicon, name: str, cc: str | None, participant: bool) -> tuple[Actor | None, int]:
    actor = normalize(name, cc, lex)
    if actor is not None and actor.type not in ("Civilians", "Protesters", "Rioters"):
        return actor, 3  # (an organisation is not "civilians" because its name contains "civilian")
    if not name[:1].isupper() or _NOT_ACTOR.search(name):
        return None, 3
    if _ARMED_ORG.search(name):
        kind = "Political militia" if _ORG_MILITIA.search(name) else "Rebel group"
        return Actor(name=name, type=kind, country_code=cc), 3
    if not participant:
        return None, 3
    if _IGO.search(name):
        return Actor(name=name, type="External/Other forces"), 4
    if _NGO.search(name):
        return Actor(name=name, type="Civilians"), 4  # aid organisations: civilians with a name
    if _PARTY.search(name):
        return Actor(name=name, type="Political militia", country_code=cc), 4
    if _STATE_BODY.search(name):
        owner = [w.removesuffix("'s") for w in name.split()]
        return generic_actor(lex, [*owner, "government"], cc) or generic_actor(lex, ["government"], cc), 4
    return None, 4  # companies, agencies, leagues the model took for organisations: not actors


def parsed_candidates(
    lex: Lexicon, text: str, toks: list[Token], nlp_doc: Any, cc: str | None
) -> Iterator[Candidate]:
    """Candidates of the parse-based rules (see the module docstring)."""
    for start, end, code in _countries(lex, text, toks):
        span = nlp_doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if not is_parsed(span[0]):
            continue
        root = span.root
        surface = text[start:end]
        if _participant(root) and lex.by_demonym.get(alias_key(surface)) is None:
            actor = normalize(surface, cc, lex)  # "Iraq and Syria reopened …": the governments
            priority = 2
        elif root.dep_ in ("poss", "amod", "compound") and _participant(root.head, owners=True):
            act = lex.acts.get(root.head.lower_)  # "Serbia's suppression", "an Indian proposal"
            noun = {"military": "troops", "government": "government"}.get(act or "", act or "")
            actor = generic_actor(lex, [surface, noun], cc) if act else None
            priority = 6
        else:
            continue
        if actor is not None and actor.country_code == code:
            yield Candidate(start, end, actor, priority)
    for ent in nlp_doc.ents:
        label = ent.label_
        if label == "PERSON":
            m = title_before(text, ent.start_char)
            if m:
                owner = [w.removesuffix("'s").removesuffix("’s") for w in (m.group("owner") or "").split()]
                known = bool(owner) and _owner_country(lex, owner) is not None
                if m.group("title") == "leader" and not known:
                    continue  # "leader Gerry Adams": a party's leader, not a state's
                words = [*owner, "president"] if known else ["government"]
                actor = generic_actor(lex, words, cc)
                if actor is not None and actor.type == "State forces":
                    yield Candidate(m.start("owner") if known else m.start("title"), ent.end_char, actor, 2)
        elif label in ("ORG", "NORP"):
            name = re.sub(r"^(?:the|The)\s+", "", ent.text).strip(" \t\n(),.;:'\"")
            if not name:
                continue
            actor, priority = _org_actor(lex, name, cc, label == "ORG" and _participant(ent.root))
            if actor is not None:
                start = ent.start_char + max(0, ent.text.find(name))
                yield Candidate(start, start + len(name), actor, priority)
