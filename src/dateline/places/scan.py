"""The label-free half of toponym detection: gazetteer and demonym matches of capitalised runs.

:func:`scan` finds the candidate place mentions of a text from its tokens' texts and character
offsets alone (no NER label, no part of speech): longest gazetteer or demonym match at each
capitalised position, with the fields that depend on words only (the words around it, listed
or lower-case elsewhere, an acronym, an attack's target). :func:`dateline.places.detect.label`
then adds what the NER labels and parts of speech say. The choice of spans does not depend on
labels, so the NLP step's scan before NER (:func:`dateline.nlp_windows.place_spans`, which
picks the NER windows around these candidates) is the places stage's too: it is made once per
document and handed over (:mod:`dateline.nlp_tokens`). Columns rather than token objects: no
object is made per word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from operator import add
from typing import TYPE_CHECKING, NamedTuple

from .entries import CITY_POPULATION, Match
from .lexicon import common_words, demonyms, listed_aliases, not_places, state_abbreviations, target_cues
from .normalize import fold, name_key, skeleton

if TYPE_CHECKING:
    from .detect import Mention

__all__ = ["Candidate", "columns_of", "scan"]

#: lower-case words allowed inside a multi-word place name
CONNECTORS = frozenset(
    "of de del da do dos du la le les al el ad as ash ez az an ar at au aux upon on the - bin ibn y sur am im & and "
    "di van von der den 's ’s e".split()  # "Pul-e Khumri", "Mazar-e Sharif": the Persian ezafe
)
#: words that make "of" a place preposition ("north of Flagstaff", "the outskirts of Kabul")
COMPASS_OF = frozenset("north south east west northeast northwest southeast southwest north-east north-west "
                       "south-east south-west outskirts".split())
TYPE_CUES_BEFORE = frozenset({"town", "city", "village", "province", "region", "governorate", "district", "capital",
                              "state", "county", "area", "port", "suburb", "island", "border", "department",
                              "towns", "cities", "villages", "provinces", "regions", "districts"})
MAX_TOKENS = 9  # Sainte-Marthe-sur-le-Lac
#: words a place name does not start with ("A US serviceman")
FUNCTION_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those", "and", "but", "or", "if", "as", "at",
                            "in", "on", "of", "for", "by", "to", "with", "from", "he", "she", "we", "they", "it", "his",
                            "her", "their", "its", "our", "my", "your", "mr", "mrs", "ms", "dr", "when", "while",
                            "after", "before", "since", "during", "many", "some", "most", "all", "every", "one"})
#: words that head a longer name ("Gulf of Maine", "Bay of Islands"): alone, they are not that name
GENERIC_HEADS = frozenset({"gulf", "bay", "sea", "lake", "river", "mount", "cape", "isle", "island", "strait",
                           "straits", "port", "gulf's"})


class Candidate(NamedTuple):
    """A candidate mention before labels: tokens ``first..last`` (inclusive) and the mention with
    its label-free fields (``common`` is "listed or written in lower case elsewhere" here).
    :func:`dateline.places.detect.label` makes a labelled copy; the mention itself is not changed."""

    first: int
    last: int
    word: str  # the first token's text
    mention: Mention


#: the words whose lower case is "al" or "el" and that do not start with a capital (str.lower
#: gives an ASCII "a", "e" or "l" only for that letter)
_AL_EL = frozenset({"al", "aL", "el", "eL"})


def columns_of(text: str, starts: Sequence[int], lengths: Sequence[int]) -> tuple[list[str], list[int]]:
    """The tokens' texts and end offsets from their start offsets and lengths in ``text``."""
    if len(starts) != len(lengths):
        raise ValueError(f"{len(starts)} token starts but {len(lengths)} lengths")
    ends = list(map(add, starts, lengths))
    return list(map(text.__getitem__, map(slice, starts, ends))), ends


def _major(matches: Sequence[Match]) -> bool:
    """Whether a match is a country, continent, first-order region or city of 100,000 by name."""
    return any(
        (m.quality <= 1 and m.entry.feature in ("country", "continent", "admin1"))
        or (m.quality == 0 and m.entry.population >= CITY_POPULATION)
        for m in matches
    )


def scan(body: str, texts: Sequence[str], starts: Sequence[int], ends: Sequence[int],
         lookup: Callable[[str], list[Match]]) -> list[Candidate]:
    """Candidate place mentions of ``body`` (tokens given as their texts and character offsets):
    the longest gazetteer or demonym match at each position, without labels."""
    from .detect import Mention

    stop, dem, aliases, abbreviations = not_places(), demonyms(), listed_aliases(), state_abbreviations()
    words = set(texts)  # (a word "written in lower case elsewhere": its lower case is here and is lower)
    n = len(texts)

    def word_at(i: int) -> str:
        return texts[i].lower() if 0 <= i < n else ""

    # the positions a name can start at: a capital, or "al-"/"el-" (one pass, no call per word)
    heads = [i for i, t in enumerate(texts) if t[:1].isupper() or (
        t in _AL_EL and i + 1 < n and texts[i + 1] == "-")]
    out: list[Candidate] = []
    p, h = 0, len(heads)
    while p < h:
        i = heads[p]
        word = texts[i]
        start = starts[i]
        found = None
        skip_to = i + 1
        # the longest run of capitalized words and connectors starting here
        j = i
        while j < n and j - i < MAX_TOKENS:
            t = texts[j]
            if j > i and starts[j] > ends[j - 1] + 1:
                break  # a line break or double space ends a name
            if not (t[:1].isupper() or t.lower() in CONNECTORS):
                break
            j += 1
        fallback: Mention | None = None
        unmatched: list[tuple[int, str, str]] = []  # (end, text, key) of the runs to try by skeleton
        for k in range(j, i, -1):
            if not texts[k - 1][:1].isupper():
                continue
            end = ends[k - 1]
            text = body[start:end]
            if fold(text) in stop:
                skip_to = k
                break
            if k - i > 1 and word.lower() in FUNCTION_WORDS:
                continue  # "A US serviceman": a name does not start with a function word
            if text in dem:
                found = Mention(start, end, text, name_key(text), demonym=dem[text])
                break
            abbreviation = _abbreviation(body, text, end, lookup) if (
                text in abbreviations or text + "." in abbreviations) else None
            if abbreviation is not None:
                found = Mention(start, start + len(abbreviation[0]), abbreviation[0],
                                name_key(abbreviation[0]), abbreviation[1], container_only=True)
                break
            key = name_key(text)
            if not key or (len(key) < 3 and not text.isupper() and key not in aliases):
                continue
            matches = lookup(key)
            if matches:
                found = Mention(start, end, text, key, matches)
                break
            if len(key) >= 5:  # Ras al-Ain = Ra’s al ‘Ayn: the consonant skeleton (tried below)
                unmatched.append((end, text, key))
        if unmatched and skip_to == i + 1 and (found is None or (found.demonym is None and not _major(found.matches))):
            # the longest run whose skeleton matches (looked up only when it could be taken)
            for end, text, key in unmatched:
                bones = skeleton(text)
                bone_matches = lookup("~" + bones) if len(bones) >= 4 else []
                if bone_matches:
                    fallback = Mention(start, end, text, key, bone_matches)
                    break
        if fallback is not None and (found is None or fallback.end > found.end):
            found = fallback  # "Ras al-Ain" by its skeleton rather than a town called "Ras"
        if found is not None and found.end == ends[i] and word.lower() in GENERIC_HEADS and (
            word_at(i + 1) == "of" and (texts[i + 2] if i + 2 < n else "")[:1].isupper()
        ):
            found = None  # "Gulf of Maine": not "the Gulf" when the gazetteer lacks the whole name
        if found is None:
            p = bisect_left(heads, skip_to, p + 1)
            continue
        last = i
        while last < n and ends[last] < found.end:
            last += 1
        found.cue_before = word_at(i - 1)
        if found.cue_before == "of" and word_at(i - 2) in TYPE_CUES_BEFORE:
            found.cue_before = word_at(i - 2)  # "the town of Al-Qaim"
        elif found.cue_before == "of" and word_at(i - 2) in COMPASS_OF:
            found.cue_before = word_at(i - 2)  # "north of Flagstaff"
        found.cue_after = word_at(last + 1)
        # listed, or written in lower case elsewhere (the tagger's part of speech is added by the labels)
        low = word.lower()
        found.common = fold(found.text) in common_words() or (last == i and low in words and low.islower())
        letters = found.text.replace(".", "").replace("&", "")
        found.acronym = len(letters) <= 4 and letters.isalpha() and not letters.islower() and sum(
            c.isupper() for c in letters) >= 2
        found.target = _target(texts, i, last)
        out.append(Candidate(i, last, word, found))
        p = bisect_left(heads, last + 1, p + 1)
    return out


def _target(texts: Sequence[str], first: int, last: int) -> bool:
    """Whether the name at tokens ``first..last`` is what an attack verb acts on (data/target_cues.tsv):
    "shelled Kherson" (``places.target-verb``), "Kherson was shelled", "Kharkiv has been hit again"
    (``places.target-passive``), "the attack on Bakhmut" (``places.target-noun``), "withdrew from
    Beledweyne" (``places.target-leave``). A name followed by
    another capitalized word ("attacked Aden Hassan") is no target."""
    cues = target_cues()
    n = len(texts)

    def word_at(i: int) -> str:
        return texts[i].lower() if 0 <= i < n else ""

    after = texts[last + 1] if 0 <= last + 1 < n else ""
    if after[:1].isupper() or (after in ("'s", "’s")):
        return False
    before = word_at(first - 1)
    if before in cues["verb"] or (before in ("on", "against") and word_at(first - 2) in cues["noun"]):
        return True
    if before == "from" and word_at(first - 2) in cues["leave"]:
        return True  # places.target-leave: "withdrew from Beledweyne"
    if word_at(last + 1) not in cues["aux"]:
        return False
    for k in range(last + 2, min(last + 5, n)):
        word = texts[k].lower()
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
