"""Toponym detection: gazetteer matches over capitalized spans, checked against NER and context.

spaCy's small model is not trusted alone (it labels Albu Kamal PERSON and Daesh GPE): every
capitalized run of tokens is matched against the gazetteer (longest match first), demonyms are
matched against their list, and each match is then kept or dropped by what the NER model says
about it, the words around it and the stop-lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .entries import CITY_POPULATION, Match
from .lexicon import common_words, demonyms, listed_aliases, not_places, state_abbreviations, target_cues
from .normalize import fold, name_key, skeleton

__all__ = ["Mention", "Token", "detect", "tokens_from_spacy"]

#: lower-case words allowed inside a multi-word place name
CONNECTORS = frozenset(
    "of de del da do dos du la le les al el ad as ash ez az an ar at au aux upon on the - bin ibn y sur am im & and "
    "di van von der den 's ’s e".split()  # "Pul-e Khumri", "Mazar-e Sharif": the Persian ezafe
)
#: Words before a name that say it is a place
PLACE_CUES = frozenset({"in", "near", "from", "to", "at", "outside", "across", "into", "towards", "toward", "via",
                        "around", "throughout", "inside", "between", "and", "of", "nearby", "neighbouring",
                        "neighboring", "off", *"north south east west northeast northwest southeast southwest".split(),
                        "outskirts", "downtown"})
#: words that make "of" a place preposition ("north of Flagstaff", "the outskirts of Kabul")
COMPASS_OF = frozenset("north south east west northeast northwest southeast southwest north-east north-west "
                       "south-east south-west outskirts".split())
TYPE_CUES_BEFORE = frozenset({"town", "city", "village", "province", "region", "governorate", "district", "capital",
                              "state", "county", "area", "port", "suburb", "island", "border", "department",
                              "towns", "cities", "villages", "provinces", "regions", "districts"})
TYPE_CUES_AFTER = frozenset({"province", "governorate", "region", "district", "city", "town", "county", "state",
                             "river", "valley", "area", "border", "crossing", "countryside", "airport", "suburb",
                             "department", "oblast", "prefecture", "municipality", "provinces", "regions", "states",
                             "districts", "governorates", "counties", "departments", "estuary", "delta", "basin",
                             "coast", "peninsula", "island", "islands", "mountains", "plateau", "desert", "lake",
                             "sub", "subprefecture", "sub-prefecture", "upazila", "lga", "township", "commune",
                             "subprefectures", "sub-prefectures", "upazilas", "lgas", "townships", "communes"})
#: last words of names the small model takes for people that name organizations ("Manchester United",
#: "the Tigray People's Liberation Front"): their places are embedded in an organization's name
ORG_HEADS = frozenset({"front", "party", "movement", "army", "forces", "council", "union", "united", "city", "villa",
                       "rovers", "athletic", "fc", "club", "brigade", "brigades", "committee", "ministry", "university",
                       "college", "company", "corporation", "bank", "group", "league", "association", "alliance",
                       "times", "post", "herald", "tribune", "news", "airlines", "airways"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_TOKENS = 9  # Sainte-Marthe-sur-le-Lac
#: parts of speech of a capitalized word that is not a name
COMMON_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "INTJ", "NUM"})
#: words a place name does not start with ("A US serviceman")
FUNCTION_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those", "and", "but", "or", "if", "as", "at",
                            "in", "on", "of", "for", "by", "to", "with", "from", "he", "she", "we", "they", "it", "his",
                            "her", "their", "its", "our", "my", "your", "mr", "mrs", "ms", "dr", "when", "while",
                            "after", "before", "since", "during", "many", "some", "most", "all", "every", "one"})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    ent: str = ""  # NER label of the entity the token is in ("" outside entities)
    ent_start: int = -1  # character span of that entity
    ent_end: int = -1
    sent_start: bool = False
    pos: str = ""  # coarse part of speech ("PROPN", "NOUN" …; "" unknown)


@dataclass(slots=True)
class Mention:
    """A candidate place mention: a span of the body and the gazetteer matches of its name."""

    start: int
    end: int
    text: str
    key: str
    matches: list[Match] = field(default_factory=list)
    demonym: str | None = None  # the demonym's target (country code or name), for adjectival uses
    ner: str = ""  # NER label covering the mention ("" none)
    cue_before: str = ""  # the word before the mention (lower-case)
    cue_after: str = ""  # the word after the mention (lower-case)
    common: bool = False  # also a common word (listed, or written in lower case elsewhere in the text)
    person_name: bool = False  # a word of a person's name found elsewhere in the text
    acronym: bool = False  # written in capitals only, four letters or fewer (BA, NBC …)
    inside_name: bool = False  # inside a longer NER entity, not at its start ("Paul French")
    tagged_common: bool = False  # common only by the tagger's part of speech (unknown names: "Bakhmut" ADV)
    pos: str = ""  # the tagger's part of speech of a one-word mention
    container_only: bool = False  # a state abbreviation ("Ga."): a place only in "City, Abbr."
    target: bool = False  # what an attack acts on or forces leave ("shelled Kherson", "Odesa was hit", "fled from X")


def tokens_from_spacy(doc: Any) -> list[Token]:
    out = []
    for t in doc:
        out.append(Token(t.text, t.idx, t.idx + len(t.text), t.ent_type_ or "", -1, -1, bool(t.is_sent_start), t.pos_))
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            tok = out[i]
            out[i] = Token(tok.text, tok.start, tok.end, ent.label_, ent.start_char, ent.end_char, tok.sent_start,
                           tok.pos)
    return out


def _capitalized(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _major(matches: Sequence[Match]) -> bool:
    """Whether a match is a country, continent, first-order region or city of 100,000 by name."""
    return any(
        (m.quality <= 1 and m.entry.feature in ("country", "continent", "admin1"))
        or (m.quality == 0 and m.entry.population >= CITY_POPULATION)
        for m in matches
    )


def _word_at(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].text.lower() if 0 <= i < len(tokens) else ""


def _text_at(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


#: words that head a longer name ("Gulf of Maine", "Bay of Islands"): alone, they are not that name
GENERIC_HEADS = frozenset({"gulf", "bay", "sea", "lake", "river", "mount", "cape", "isle", "island", "strait",
                           "straits", "port", "gulf's"})


def detect(body: str, tokens: Sequence[Token], lookup: Callable[[str], list[Match]]) -> list[Mention]:
    """Candidate place mentions of ``body``: longest gazetteer or demonym match at each position."""
    stop, dem, aliases = not_places(), demonyms(), listed_aliases()
    tokens = _org_names(tokens)
    lower_words = {t.text for t in tokens if t.text.islower()}
    person_words = {t.text for t in tokens if t.ent == "PERSON" and t.text[:1].isupper() and " " in body[
        t.ent_start : t.ent_end].strip()}  # words of multi-word person names ("Chen" of "Chen Wei")
    mentions: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not _capitalized(tok.text) and not (tok.text.lower() in ("al", "el") and _word_at(tokens, i + 1) == "-"):
            i += 1
            continue
        found = None
        skip_to = i + 1
        # the longest run of capitalized words and connectors starting here
        j = i
        while j < n and j - i < MAX_TOKENS:
            t = tokens[j].text
            if j > i and tokens[j].start > tokens[j - 1].end + 1:
                break  # a line break or double space ends a name
            if not (_capitalized(t) or t.lower() in CONNECTORS):
                break
            j += 1
        fallback: Mention | None = None
        for k in range(j, i, -1):
            last = tokens[k - 1].text
            if not _capitalized(last):
                continue
            text = body[tok.start : tokens[k - 1].end]
            folded = fold(text)
            if folded in stop:
                skip_to = k
                break
            if k - i > 1 and tok.text.lower() in FUNCTION_WORDS:
                continue  # "A US serviceman": a name does not start with a function word
            if text in dem:
                found = Mention(tok.start, tokens[k - 1].end, text, name_key(text), demonym=dem[text])
                break
            abbreviation = _abbreviation(body, text, tokens[k - 1].end, lookup)
            if abbreviation is not None:
                found = Mention(tok.start, tok.start + len(abbreviation[0]), abbreviation[0],
                                name_key(abbreviation[0]), abbreviation[1], container_only=True)
                break
            key = name_key(text)
            if not key or (len(key) < 3 and not text.isupper() and key not in aliases):
                continue
            matches = lookup(key)
            if matches:
                found = Mention(tok.start, tokens[k - 1].end, text, key, matches)
                break
            if fallback is None and len(key) >= 5:  # Ras al-Ain = Ra’s al ‘Ayn: the consonant skeleton
                bones = skeleton(text)
                bone_matches = lookup("~" + bones) if len(bones) >= 4 else []
                if bone_matches:
                    fallback = Mention(tok.start, tokens[k - 1].end, text, key, bone_matches)
        if fallback is not None and skip_to == i + 1 and (found is None or (
            fallback.end > found.end and found.demonym is None and not _major(found.matches)
        )):
            found = fallback  # "Ras al-Ain" by its skeleton rather than a town called "Ras"
        if found is not None and found.end == tok.end and tok.text.lower() in GENERIC_HEADS and (
            _word_at(tokens, i + 1) == "of" and _capitalized(_text_at(tokens, i + 2))
        ):
            found = None  # "Gulf of Maine": not "the Gulf" when the gazetteer lacks the whole name
        if found is None:
            i = skip_to
            continue
        last_index = i
        while last_index < n and tokens[last_index].end < found.end:
            last_index += 1
        found.ner = _covering_label(tok, tokens[last_index], found, body)
        found.cue_before = _word_at(tokens, i - 1)
        if found.cue_before == "of" and _word_at(tokens, i - 2) in TYPE_CUES_BEFORE:
            found.cue_before = _word_at(tokens, i - 2)  # "the town of Al-Qaim"
        elif found.cue_before == "of" and _word_at(tokens, i - 2) in COMPASS_OF:
            found.cue_before = _word_at(tokens, i - 2)  # "north of Flagstaff"
        found.cue_after = _word_at(tokens, last_index + 1)
        single = last_index == i
        found.inside_name = tok.ent_start >= 0 and tok.ent_start < found.start
        listed_or_lower = is_common_word(found.text) or (single and tok.text.lower() in lower_words)
        found.common = listed_or_lower or (single and tok.pos in COMMON_POS)  # "Olympic", "Patrol", "Rest"
        found.tagged_common = found.common and not listed_or_lower  # unknown names: NOUN, ADV …
        found.pos = tok.pos if single else ""
        found.person_name = single and tok.text in person_words and not found.ner.startswith(("GPE", "LOC"))
        letters = found.text.replace(".", "").replace("&", "")
        found.acronym = len(letters) <= 4 and letters.isalpha() and not letters.islower() and sum(
            c.isupper() for c in letters) >= 2
        found.target = _target(tokens, i, last_index)
        mentions.append(found)
        i = last_index + 1
    return mentions


def _target(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the name at tokens ``first..last`` is what an attack verb acts on (data/target_cues.tsv):
    "shelled Kherson" (``places.target-verb``), "Kherson was shelled", "Kharkiv has been hit again"
    (``places.target-passive``), "the attack on Bakhmut" (``places.target-noun``), "withdrew from
    Beledweyne" (``places.target-leave``). A name followed by
    another capitalized word ("attacked Aden Hassan") is no target."""
    cues = target_cues()
    after = _text_at(tokens, last + 1)
    if after[:1].isupper() or (after in ("'s", "’s")):
        return False
    before = _word_at(tokens, first - 1)
    if before in cues["verb"] or (before in ("on", "against") and _word_at(tokens, first - 2) in cues["noun"]):
        return True
    if before == "from" and _word_at(tokens, first - 2) in cues["leave"]:
        return True  # places.target-leave: "withdrew from Beledweyne"
    if _word_at(tokens, last + 1) not in cues["aux"]:
        return False
    for k in range(last + 2, min(last + 5, len(tokens))):
        word = tokens[k].text.lower()
        if word in cues["passive"]:
            return True
        if word not in cues["skip"]:
            return False
    return False


def _abbreviation(
    body: str, text: str, end: int, lookup: Callable[[str], list[Match]]
) -> tuple[str, list[Match]] | None:
    """A state or province abbreviation at this span ("Ga." or "Ga" followed by a dot) and the
    region it stands for, else None."""
    table = state_abbreviations()
    full = text if text in table else text + "." if body[end : end + 1] == "." and text + "." in table else None
    if full is None:
        return None
    regions = [Match(m.entry, 1) for m in lookup(name_key(table[full]))
               if m.entry.feature == "admin1" and m.entry.country_code in ("US", "CA")]
    return (full, regions) if regions else None


def _org_names(tokens: Sequence[Token]) -> Sequence[Token]:
    """Tokens with PERSON entities that end in an organization word ("Manchester United") relabelled ORG."""
    out: list[Token] | None = None
    for i, tok in enumerate(tokens):
        if tok.ent != "PERSON" or tok.end != tok.ent_end or tok.text.lower() not in ORG_HEADS:
            continue
        out = out if out is not None else list(tokens)
        j = i
        while j >= 0 and tokens[j].ent == "PERSON" and tokens[j].ent_start == tok.ent_start:
            t = tokens[j]
            out[j] = Token(t.text, t.start, t.end, "ORG", t.ent_start, t.ent_end, t.sent_start, t.pos)
            j -= 1
    return out if out is not None else tokens


_LIST_BEFORE = (" and ", ", ", " or ")
_LIST_AFTER = (" and ", ", ", " or ", "'s", "’s")


def _covering_label(first: Token, last: Token, mention: Mention, body: str) -> str:
    """The NER label of an entity that covers the mention ("" when none), marked ``*`` when the
    entity is larger than the mention (the mention is embedded in a longer name). An entity that
    only adds a possessive ("Sri Lanka's") or is a list of names ("Belvidere and Loves Park") is
    the mention's own."""
    if first.ent and first.ent == last.ent and first.ent_start == last.ent_start:
        before, after = body[first.ent_start : mention.start], body[mention.end : last.ent_end]
        own_start = not before or before.endswith(_LIST_BEFORE)
        own_end = not after or (
            after.startswith(_LIST_AFTER) and (len(after) <= 2 or " and " in after or ", " in after)
        )
        return first.ent if own_start and own_end else first.ent + "*"
    partial = first.ent or last.ent  # an entity that covers a part of the name ("Spanish" of "Spanish Town")
    return partial if partial in ("GPE", "LOC", "FAC") else ""


def is_common_word(text: str) -> bool:
    return fold(text) in common_words()
