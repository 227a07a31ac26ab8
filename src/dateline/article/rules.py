"""The article parser's rules, kept as data in ``rules.json`` and compiled once, lazily.

``rules.json`` holds month names, news agencies and their spellings, the roles that follow
an author's name, and the line patterns of breadcrumbs, boilerplate, related-article
headers and photo captions. :func:`load_rules` reads it; :func:`compiled` turns it into
regular expressions on first use (both cached explicitly).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from ..prefilter import literals, lower_same_length
from ..regex_cache import compile_cached

__all__ = ["CompiledRules", "boilerplate_match", "canonical_agency", "caption_search", "compiled", "load_rules",
           "organization_words"]


@functools.cache
def load_rules() -> dict[str, Any]:
    """The parsed ``rules.json`` of this package."""
    text = resources.files(__package__).joinpath("rules.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class CompiledRules:
    breadcrumb: re.Pattern[str]
    boilerplate: re.Pattern[str]
    related_header: re.Pattern[str]
    end_header: re.Pattern[str]
    caption: re.Pattern[str]
    dateline_stopwords: frozenset[str]
    agency: re.Pattern[str]  # any agency spelling, whole
    agency_suffix: re.Pattern[str]  # "... Associated Press" at the end of a name part
    author_role: re.Pattern[str]
    published_label: re.Pattern[str]
    updated_label: re.Pattern[str]
    agency_names: dict[str, str]  # lower-cased spelling -> canonical name


def _any(patterns: list[str], flags: int = re.I) -> re.Pattern[str]:
    return compile_cached("|".join(f"(?:{p})" for p in patterns), flags)


@functools.cache
def compiled() -> CompiledRules:
    """The rules of ``rules.json`` as compiled regular expressions."""
    data = load_rules()
    names: dict[str, str] = {}
    for canonical, spellings in data["agencies"].items():
        for spelling in [canonical, *spellings]:
            names[spelling.lower()] = canonical
    spellings_re = "|".join(re.escape(s) for s in sorted(names, key=len, reverse=True))
    # Short all-capital acronyms (AP, AA, PA) are matched case-sensitively to avoid words.
    agency = re.compile(rf"(?:the\s+)?(?:{spellings_re})", re.I)
    suffix = re.compile(rf"[\s,/|-]+(?P<agency>(?:the\s+)?(?:{spellings_re}))\s*$", re.I)
    labels = data["byline_date_labels"]
    captions = data["caption_patterns"]
    return CompiledRules(
        breadcrumb=_any(data["breadcrumb"]),
        boilerplate=_any([f"^(?:{p})$" for p in data["boilerplate"]]),
        related_header=_any([f"^(?:{p})\\s*[:»>›.]?\\s*$" for p in data["related_headers"]]),
        end_header=_any([f"^(?:{p})\\s*[:»>›.]?\\s*$" for p in data["end_headers"]]),
        caption=_any(captions),
        dateline_stopwords=frozenset(w.upper() for w in data["dateline_stopwords"]),
        agency=agency,
        agency_suffix=suffix,
        author_role=_any([f"^(?:{p})$" for p in data["author_roles"]]),
        published_label=_any([f"^(?:{p})\\b\\s*:?\\s*" for p in labels["published"]]),
        updated_label=_any([f"^(?:{p})\\b\\s*:?\\s*" for p in labels["updated"]]),
        agency_names=names,
    )


def canonical_agency(text: str | None) -> str | None:
    """The canonical name of a news agency spelled ``text`` (whole), else ``None``.

    Short acronyms must be written in capitals (``AP``, not ``ap``).
    """
    if not text:
        return None
    cleaned = re.sub(r"^the\s+", "", text.strip(" .,;:()[]-–—|"), flags=re.I)
    canonical = compiled().agency_names.get(cleaned.lower())
    if canonical is None:
        return None
    if len(cleaned) <= 4 and not cleaned.isupper() and cleaned.lower() not in ("dpa",):
        return None
    return canonical


@functools.cache
def organization_words() -> frozenset[str]:
    """Words that make an author name a desk or an organization ("News Nation Bureau")."""
    return frozenset(w.lower() for w in load_rules()["organization_words"])


_Part = tuple[re.Pattern[str], frozenset[str] | None, frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class _Captions:
    parts: tuple[_Part, ...]  # each pattern, its literals or None, its required characters or None
    free: tuple[str, ...]  # the literals of the patterns without required characters
    led: tuple[str, ...]  # the literals of the others
    leads: tuple[str, ...]  # all those characters


@functools.cache
def _caption_parts() -> _Captions:
    """Each caption pattern of ``compiled().caption``'s alternation on its own, with its literals
    (:func:`dateline.prefilter.literals`: one of them is in every match, lower-cased) or None and its
    required characters (:func:`required_chars`) or None."""
    parts: list[_Part] = []
    for p in load_rules()["caption_patterns"]:
        part = f"(?:{p})"
        parts.append((compile_cached(part, re.I), literals(part, re.I), required_chars(part, re.I)))
    free = sorted(set().union(*(lits for _, lits, lead in parts if lits is not None and lead is None)))
    led = sorted(set().union(*(lits for _, lits, lead in parts if lits is not None and lead is not None)))
    leads = sorted(set().union(*(lead for _, _, lead in parts if lead is not None)))
    return _Captions(tuple(parts), tuple(free), tuple(led), tuple(leads))


@functools.cache
def required_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters without case one of which every match of ``pattern`` holds ("(" for ``\\((?:AFP|AP)\\)``,
    "/" for ``\\b(?:AFP|AP)\\s*/``, "(" or "[" for ``(?:\\(|\\[)AFP``): of the characters or classes of
    characters the pattern's top sequence (and its groups, and its parts repeated at least once) must
    match, those without case, the set of fewest characters that holds no space; None when there is
    none."""
    try:
        items = _parser.parse(pattern, flags)
    except re.error:
        return None
    sets = [chars for chars in _required_sets(list(items)) if all(ch.lower() == ch == ch.upper() for ch in chars)]
    sets = [chars for chars in sets if not any(ch.isspace() for ch in chars)]
    return min(sets, key=len) if sets else None


def _required_sets(items: list[Any]) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(frozenset(chr(av)))
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            out.append(frozenset(chr(a) for _, a in av))
        elif op is _c.SUBPATTERN and not (av[1] | av[2]):
            out += _required_sets(list(av[3]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            out += _required_sets(list(av[2]))
        # anything else (an alternation, an optional part, an assertion, a class): nothing required from it
    return out


def caption_search(line: str) -> re.Match[str] | None:
    """``compiled().caption.search(line)``, its span found faster: only the patterns with one of their
    literals in the line and, when every match of one holds one of a few characters ("(", "/"), one
    of those in the line, run, each on its own (``re`` tries every alternative of a case-insensitive
    alternation at every position). The alternation's match is the leftmost of its alternatives'
    matches, the first alternative's among those at one position (none of them has a group)."""
    low = lower_same_length(line)
    if low is None or compiled().caption.groups:  # (a group would be numbered otherwise alone)
        return compiled().caption.search(line)
    rules = _caption_parts()
    chars = {ch for ch in rules.leads if ch in line}  # ("(" is in few lines)
    present = {lit for lit in rules.free if lit in low}
    if chars:
        present.update(lit for lit in rules.led if lit in low)
    best: re.Match[str] | None = None
    for pattern, lits, lead in rules.parts:
        if lead is not None and lead.isdisjoint(chars):
            continue  # no match in the line ("(" or "/" for most: their literal "ap" is in many words)
        if lits is not None and lits.isdisjoint(present):
            continue  # surely no match of this pattern in the line
        m = pattern.search(line)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


@functools.cache
def _boilerplate_parts() -> tuple[re.Pattern[str], tuple[_Part, ...]] | None:
    """The boilerplate patterns of ``compiled().boilerplate``'s alternation (as they stand there) that begin
    with ``^``, as one alternation (each fails at once on most lines), and the others (``.*\\bnewsletters?…``:
    tried over the whole line) each on its own with its literals and required characters; None when one
    refers to a group by number (the join renumbers)."""
    anchored: list[str] = []
    loose: list[_Part] = []
    for p in load_rules()["boilerplate"]:
        part = f"(?:^(?:{p})$)"
        if _refers_to_groups(list(_parser.parse(part, re.I))):
            return None
        if p.startswith("^"):
            anchored.append(part)
        else:
            loose.append((compile_cached(part, re.I), literals(part, re.I), required_chars(part, re.I)))
    return compile_cached("|".join(anchored) or "(?!)", re.I), tuple(loose)


def boilerplate_match(line: str) -> bool:
    """``compiled().boilerplate.match(line) is not None``, found faster: the alternation matches where one of
    its patterns does; those not anchored at the start of the line run only when one of their literals and
    of their required characters is in the line."""
    low = lower_same_length(line)
    parts = _boilerplate_parts()
    if low is None or parts is None:
        return compiled().boilerplate.match(line) is not None
    anchored, loose = parts
    if anchored.match(line) is not None:
        return True
    for pattern, lits, chars in loose:
        if chars is not None and not any(ch in line for ch in chars):
            continue
        if lits is not None and not any(lit in low for lit in lits):
            continue
        if pattern.match(line) is not None:
            return True
    return False


_GROUP_REFS = {_c.GROUPREF, _c.GROUPREF_EXISTS, getattr(_c, "GROUPREF_IGNORE", _c.GROUPREF)}


def _refers_to_groups(items: list[Any]) -> bool:
    """Whether a parsed pattern holds a backreference or a condition on a group, anywhere."""
    for op, av in items:
        if op in _GROUP_REFS:
            return True
        for sub in av if isinstance(av, (tuple, list)) else ():
            if isinstance(sub, _parser.SubPattern) and _refers_to_groups(list(sub)):
                return True
            if isinstance(sub, (tuple, list)) and any(
                isinstance(x, _parser.SubPattern) and _refers_to_groups(list(x)) for x in sub
            ):
                return True
    return False
