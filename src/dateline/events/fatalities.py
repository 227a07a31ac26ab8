"""Fatalities stated in an event's sentence: "killing 6 civilians" → 6, "a soldier was killed" → 1.

Numbers may be digits ("1,200"), words ("twenty-three", "a dozen", "hundreds" is vague and
ignored) and come with hedges ("at least", "more than", "up to": the stated number is kept,
as ACLED does). Only counts tied to a death word are read; the largest such count in the
sentence is the figure (ACLED takes the most conservative *reported* total of one event, and
a sentence usually reports one total; sums such as "3 soldiers and 2 civilians killed" are added).
"""

from __future__ import annotations

import re

from ..timex.lexicon import parse_number as read_number

__all__ = ["fatalities_in", "parse_number", "report_fatalities"]

_ONE = ("single", "lone", "a single")
#: ACLED codes a vague count ("several soldiers were killed") as 3
_SEVERAL = ("several", "a few")
_NUMBER = (r"(?:\d{1,3}(?:,\d{3})+|\d+|a dozen|a couple of|"
           r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
           r"one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single|lone|several|a few)"
           r"(?:\s+(?:hundred|thousand))?)")
_NOUN = r"(?:\w+[- ]){0,3}?\w+"
# a noun phrase that lists no other count and no verb: "ADF fighters", "police officers"
_WORD = r"(?!and\b|or\b|\w+ed\b|\w+ing\b)[a-z][\w'’/-]*"
# "5 JTF and Kamuku militiamen": two names of one party, not a second count
_PARTY = rf"(?:{_WORD}\s+(?:and\s+(?!{_NUMBER}\b))?){{0,2}}{_WORD}"
_PATTERNS = (
    # killing 6 civilians / killed at least 12 people / left 30 people dead
    re.compile(rf"\b(?:killing|killed|kills|kill|claimed the lives of|left|leaving|massacred|murdered|executed|"
               rf"executing|assassinated|assassinating|shot dead|shooting dead|shot and killed|beat to death|"
               # rule fatalities.killing-verbs: a beheading is a death
               rf"beating to death|lynched|lynching|beheaded|beheading|decapitated|decapitating|gunned down|"
               rf"gunning down|"
               rf"(?:hacked|stabbed|burned|burnt) to death)\s+"
               rf"(?:at least\s+|more than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+|around\s+|up to\s+)?"
               rf"(?P<n>{_NUMBER})\b(?!\s*(?:%|percent|km|kilomet|miles|hours|days|years))(?P<rest>[^.;]{{0,40}})"),
    # at least 12 people were killed / 6 civilians died / two soldiers dead
    re.compile(rf"(?<![/.:-])\b(?:at least\s+|more than\s+|over\s+|nearly\s+|some\s+|about\s+|around\s+)?"
               rf"(?P<n>{_NUMBER})\s+(?:{_PARTY}\s+)?(?:(?:were|was|have been|has been|had been|are|is)\s+)?"
               rf"(?:reportedly\s+|also\s+)?"
               rf"(?:killed|dead|died|shot dead|gunned down|murdered|slain|perished|lost their lives|beheaded|"
               rf"decapitated|lynched|executed)\b"),
    # death toll rose to 30 / 30 deaths / killed 3
    re.compile(rf"\bdeath toll (?:\w+\s+){{0,3}}?(?:to|of|at)\s+(?:at least\s+)?(?P<n>{_NUMBER})\b"),
    re.compile(rf"\b(?P<n>{_NUMBER})\s+(?:deaths|fatalities|dead bodies|bodies)\b"),
    # rule fatalities.object-to-death: "stabbed a human rights lawyer to death", "beat two suspects to death"
    re.compile(rf"\b(?:stabb(?:ed|ing)|hack(?:ed|ing)|beat(?:en|ing)?|burn(?:ed|t|ing)|club(?:bed|bing)|"
               rf"ston(?:ed|ing)|shot|shooting) (?P<n>{_NUMBER}) (?:[\w'’-]+ ){{0,4}}?to death\b"),
    # a coder's note: "fatalities coded as 3"
    re.compile(rf"\bfatalities (?:were )?coded as (?P<n>{_NUMBER})\b"),
    # rule fatalities.bodies-found: "the bodies of two men ... were found" (not "a body of water")
    re.compile(rf"\b(?:dead |lifeless |mutilated |decapitated )?(?:bodies|corpses) of (?:at least\s+|some\s+)?"
               rf"(?P<n>{_NUMBER})\b(?=[^.;]{{0,120}}\b(?:found|discovered|recovered|dumped|exhumed)\b)"),
)
#: "the body of a local chief was found": one death
_ONE_BODY = re.compile(r"\b(?:found|discovered|recovered|dumped|exhumed) (?:the |a )?(?:dead |lifeless |mutilated |"
                       r"decapitated )?(?:body|corpse) of (?:a|an|the|one)\b|"
                       r"\b(?:body|corpse) of (?:a|an|one)\b[^.;]{0,120}\b(?:was|had been|has been) (?:later )?"
                       r"(?:found|discovered|recovered|dumped|exhumed)\b")
#: "a man and a woman were killed": two deaths
_TWO_KILLED = re.compile(r"\b(?:a|an|one) (?:[\w-]+ ){0,2}?(?:man|woman|boy|girl|child|civilian|farmer|trader|driver|"
                         r"soldier|officer|policeman) and (?:a|an|one|his|her) (?:[\w-]+ ){0,2}?(?:man|woman|boy|girl|"
                         r"child|civilian|farmer|trader|driver|soldier|officer|policeman|wife|husband|son|daughter) "
                         r"(?:were|have been|had been) (?:\w+ )?(?:killed|shot dead|murdered|slain)\b")
_ONE_DIED = re.compile(r"\b(?:he|she|the victim|(?:a|an|one|the) (?:[\w-]+ ){0,2}?(?:man|woman|boy|girl|baby|child|"
                       r"son|daughter|victim|civilian|soldier|officer|policeman|driver|trader|farmer|student|"
                       r"protester|fighter|militant|leader|member))\b[^.;]{0,40}?\b(?:later |subsequently |"
                       r"eventually |also )?(?:died|succumbed)\b(?! down| out)")
_NO_DEATH = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|injuries)|nobody was (?:killed|hurt|injured)|"
                       r"without (?:causing )?casualties|caused no casualties)\b")
_VAGUE_REST = re.compile(r"^\s*(?:percent|%|years?|months?|days?|km)\b")


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for ("1,200", "twenty-three", "a dozen", "two hundred").

    The time stage's number reader, plus the words that only count people ("a single", "lone").
    """
    t = text.lower().strip()
    if t in _ONE:
        return 1
    if t in _SEVERAL:
        return 3
    value = read_number(t)
    if value is None or value <= 0 or value != int(value):
        return None  # unreadable, vague ("hundreds") or not a count
    return int(value)


def fatalities_in(sentence: str) -> int | None:
    """Deaths stated in ``sentence`` (None when no count is tied to a death word; 0 for "no casualties")."""
    low = sentence.lower()
    counts: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(low):
            rest = m.groupdict().get("rest") or ""
            if _VAGUE_REST.match(rest):
                continue
            if pattern is _PATTERNS[0] and not re.search(rf"^(?:\s+{_NOUN})?\s*(?:dead|$|[,.]|\w)", rest):
                continue
            if pattern is _PATTERNS[0] and rest and re.match(r"^\s*(?:wounded|injured|hurt)\b", rest):
                continue
            n = parse_number(m.group("n"))
            if n is not None and n < 100000:
                counts.append((m.start("n"), n))
    two = _TWO_KILLED.search(low)  # "a man and a woman were killed": the pair, not the second "a"
    if two:
        counts = [(pos, n) for pos, n in counts if not two.start() <= pos < two.end()] + [(two.start(), 2)]
    if not counts:
        if _ONE_BODY.search(low):
            return 1
        if re.search(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:killed|shot dead|murdered|slain)\b", low) and re.search(
            r"\b(?:a|an|one)\s+(?:\w+\s+){0,3}?(?:was|has been|had been)\s+(?:\w+\s+)?"
            r"(?:killed|shot dead|murdered|slain)\b",
            low,
        ):
            return 1
        if _ONE_DIED.search(low):
            return 1  # "The baby later died in hospital", "the victim ... died after a few hours"
        return 0 if _NO_DEATH.search(low) else None
    seen: dict[int, int] = {}
    for pos, n in counts:
        seen[pos] = n
        for before_pos, before_n in _listed_before(low, pos):
            seen[before_pos] = before_n
        number_end = pos + len(re.match(_NUMBER, low[pos:]).group())  # type: ignore[union-attr]
        after = _LISTED_AFTER.match(low, number_end)
        extra = parse_number(after.group("n")) if after is not None and after.group("n") not in ("a", "an") else None
        if after is not None and extra is not None and not re.match(r"\s*(?:were |was )?(?:wounded|injured|hurt)",
                                                                    low[after.end():]):
            seen[after.start("n")] = extra
    values = sorted(seen.items())
    # "3 soldiers and 2 civilians were killed": several counts in one list are added
    if len(values) > 1 and all(values[i + 1][0] - values[i][0] < 40 for i in range(len(values) - 1)) and re.search(
        r"\band\b", low[values[0][0] : values[-1][0]]
    ):
        return sum(n for _, n in values)
    return max(n for _, n in values)


# "25 ADF fighters and 6 soldiers were killed": the counts listed before a death count share its verb
_LISTED = re.compile(rf"(?P<n>{_NUMBER})\s+{_PARTY}(?:,\s*(?:and\s+)?|\s+and\s+)$")
# "killing 6 civilians and 2 soldiers": a count listed after a killing verb's count
_LISTED_AFTER = re.compile(rf"\s+{_PARTY}(?:,\s*(?:and\s+)?|\s+and\s+)(?P<n>{_NUMBER})\s+{_PARTY}")


def _listed_before(low: str, pos: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while True:
        m = _LISTED.search(low[max(0, pos - 60) : pos])
        if m is None:
            return out
        start = max(0, pos - 60) + m.start("n")
        if start > 0 and low[start - 1].isalnum():
            return out
        n = parse_number(m.group("n"))
        if n is None or m.group("n") in ("a", "an"):
            return out
        out.append((start, n))
        pos = start


#: the longest report (in sentences) whose toll may sit in a later sentence than its event's
SHORT_REPORT = 6
_NEW_EVENT = re.compile(r"^\W*(?:on|around|in the (?:night|morning|evening)|later|meanwhile|separately|earlier|"
                        r"the (?:next|following|previous) day)\b", re.I)


def report_fatalities(sentences: list[str], index: int) -> int | None:
    """Deaths of the event of ``sentences[index]``: its own sentence's toll, else, in a short report
    (an ACLED note, a wire brief: one happening), the toll of the next sentence or the one after
    that, unless that sentence opens another dated episode ("On 5 May ...", "Later ..."), else the
    toll of one of the two sentences before."""
    own = fatalities_in(sentences[index])
    if own is not None or len(sentences) > SHORT_REPORT:
        return own
    for later in sentences[index + 1 : index + 3]:
        if _NEW_EVENT.match(later):
            break
        found = fatalities_in(later)
        if found is not None:
            return found
    # the toll told before the event's own sentence ("A soldier was killed when ... . Police recovered ...")
    for earlier in reversed(sentences[max(0, index - 2) : index]):
        found = fatalities_in(earlier)
        if found is not None:
            return found
    return None
