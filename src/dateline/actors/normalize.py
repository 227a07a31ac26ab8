"""Normalize an actor's surface form to an ACLED-style name and actor type.

``normalize("the Daesh terror group")`` → ``Actor("Islamic State", "Rebel group")``;
``normalize("Iraqi security forces")`` → ``Actor("Military Forces of Iraq", "State forces", country_code="IQ")``;
``normalize("protesters", "IQ")`` → ``Actor("Protesters (Iraq)", "Protesters", country_code="IQ")``.

Order: a dictionary alias for the whole text; a dictionary alias inside it (longest first);
a contextual alias ("the coalition" in Iraq); the generic rules (head noun → category,
demonym / country name / identity group / context country → owner). Naming conventions
are documented in ``docs/actors.md``.
"""

from __future__ import annotations

import re

from ..records import Actor
from .lexicon import Entry, Lexicon, alias_key, load_lexicon

__all__ = ["countries_named", "entry_actor", "generic_actor", "localize", "normalize", "pick_entry"]

_LEADING = re.compile(
    r"^(?:(?:the|a|an|some|several|many|dozens|hundreds|thousands|scores|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|of|other|more|all|both|its|their|his|her|these|those|numerous|suspected|alleged|so-called)\s+)+",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources"})
_MILITIA = frozenset({"militia", "militias", "militiamen", "fighters", "gunmen", "paramilitaries"})
_PRO = frozenset({"pro government", "pro regime", "allied", "loyalist", "pro army", "government allied"})
_TRIM = " \t\n\"'“”‘’()[],.;:"


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(_TRIM)
    text = _LEADING.sub("", text)
    return _POSSESSIVE.sub("", text).strip(_TRIM)


def pick_entry(entries: list[Entry], country_code: str | None) -> Entry:
    """The entry an ambiguous alias means in ``country_code`` (else the first)."""
    if country_code and len(entries) > 1:
        for entry in entries:
            if country_code in entry.countries or entry.country == country_code:
                return entry
    return entries[0]


def entry_actor(lex: Lexicon, entry: Entry, country_code: str | None = None) -> Actor:
    """The :class:`Actor` of a dictionary entry (foreign state forces become External/Other forces)."""
    type_ = entry.type
    foreign = bool(country_code and entry.country and entry.country != country_code)
    if type_ == "State forces" and foreign and entry.name.startswith("Military Forces"):
        type_ = "External/Other forces"
    return Actor(name=entry.name, type=type_, country_code=entry.country or country_code)


def _named(lex: Lexicon, text: str, country_code: str | None) -> Entry | None:
    found = lex.entries_for(text, country_code)
    return pick_entry(found, country_code) if found else None


def _country_of(lex: Lexicon, phrase: str) -> str | None:
    """The country a demonym, country name or capital stands for (capitals only as whole phrases)."""
    key = alias_key(phrase)
    return lex.by_demonym.get(key) or lex.by_country_name.get(key)


def countries_named(text: str, lexicon: Lexicon | None = None) -> set[str]:
    """The countries a mention's own words name by demonym or country name ("a Russian Shahed drone" → RU)."""
    lex = lexicon or load_lexicon()
    words = re.findall(r"[\w'’-]+", text or "")
    found = {_country_of(lex, " ".join(words[i : i + n])) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    return {c for c in found if c}


#: "Hawadle clan militia", "Habar Gedir-Ayr sub-clan militiamen", "Rahanweyn-Digil-Shanta Caleemo clan militia":
#: a named clan's (or sub-clan's) militia, which ACLED names "X Clan Militia (Country)" / "X Sub-Clan Militia (Country)"
NAMED_CLAN = re.compile(
    r"((?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*[ -]){1,5})(sub-clan|subclan|clan)[ -]"
    r"(?:militia|militias|militiamen|fighters|gunmen|members)\b"
)


_NOT_CLANS = frozenset({"unidentified", "unknown", "rival", "local", "armed", "several", "two", "both", "other",
                        "allied", "government", "pro", "anti", "major", "minority", "majority", "opposing"})


def clan_actor(surface: str, country_code: str | None, lex: Lexicon) -> Actor | None:
    """A named clan's militia (rule ``actors.named-clan``), or None when ``surface`` is no such phrase."""
    m = NAMED_CLAN.fullmatch(surface) if "clan" in surface else None  # (every match holds "clan")
    if m is None:
        return None
    clan = m.group(1).strip(" -")
    first = alias_key(clan.split()[0])
    if first in _NOT_CLANS or alias_key(clan) in lex.by_demonym or alias_key(clan) in lex.by_country_name:
        return None  # "Unidentified clan militia", "Somali clan militia": no clan's name
    kind = "Clan" if m.group(2) == "clan" else "Sub-Clan"
    name = f"{clan} {kind} Militia"
    if country_code and country_code in lex.countries:
        name += f" ({lex.countries[country_code].name})"
    return Actor(name=name, type="Identity militia", country_code=country_code)


def _format(template: str, lex: Lexicon, country: str | None) -> str:
    if not country or country not in lex.countries:
        return template.replace(" of {the}{country}", "").replace(" ({country})", "")
    c = lex.countries[country]
    return template.replace("{the}", c.article).replace("{country}", c.name)


def generic_actor(lex: Lexicon, words: list[str], country_code: str | None) -> Actor | None:
    """The generic rules over the words of a mention (see the module docstring)."""
    keys = [alias_key(w) for w in words]
    n = len(keys)
    # the head: the rightmost (longest) noun phrase of a category
    head: tuple[int, int, str] | None = None
    owner: str | None = None
    if n >= 2 and keys[-1] in lex.possessions:
        # "rebel positions", "government convoy": the possession stands for its owner
        before = keys[-2]
        shift = "rebels" if before in lex.to_rebels else "military" if before in lex.to_military else None
        if before in lex.by_demonym or before in lex.by_country_name:
            shift = "military"  # "Ukrainian positions"
        if before in lex.by_noun and lex.by_noun[before] in ("police", "government"):
            keys, words, n, shift = keys[:-1], words[:-1], n - 1, None  # "police station" → the police
        if shift:
            keys = [*keys[:-2], "rebels" if shift == "rebels" else "troops"]
            words = [*words[:-2], keys[-1]]
            n -= 1
    for end in range(n, 0, -1):
        for start in range(max(0, end - 3), end):
            cat = lex.by_noun.get(" ".join(keys[start:end]))
            if cat is not None:
                head = (start, end, cat)
                break
        if head:
            break
        if keys[end - 1] in lex.by_people and words[end - 1][:1].isupper():
            head = (end - 1, end, "civilians")  # "Iraqi Kurds", "Palestinians"
            owner = lex.by_people[keys[end - 1]] or None
            break
    if head is None:
        return None
    h_start, h_end, cat = head
    speaker = False
    if cat == "government" and keys[h_start] in _SPEAKERS:
        # "military spokesman", "police official": the speaker's own institution
        for k in range(h_start - 1, -1, -1):
            other = lex.by_noun.get(keys[k])
            if other in ("military", "police"):
                cat, speaker = other, True
                break
    category = lex.categories[cat]
    people_owner, owner = owner, None
    identity: str | None = None
    modified = False
    mods: set[str] = set()
    i = 0
    while i < n:
        if h_start <= i < h_end:
            i += 1
            continue
        matched = False
        for size in (3, 2, 1):
            if i + size > n:
                continue
            phrase = " ".join(words[i : i + size])
            cc = _country_of(lex, phrase) if phrase[:1].isupper() else None
            if cc is None and size == 1 and i >= h_end:
                cc = lex.by_capital.get(alias_key(phrase))
            if cc:
                owner = owner or cc
                i += size
                matched = True
                break
        if matched:
            continue
        word = words[i]
        if word in lex.identities and identity is None:
            identity = word
        elif word.casefold() in lex.communal and identity is None:
            identity = word.casefold()
        if i < h_start:
            two = alias_key(" ".join(words[i : i + 2])) if i + 1 < h_start else ""
            mods.update(k for k in (alias_key(word), two) if k)
            if alias_key(word) in lex.modifier_keys:
                modified = True
        i += 1
    owner = owner or people_owner
    head_text = " ".join(keys[h_start:h_end])
    if head_text in lex.by_people or h_end - h_start > 1:
        modified = True  # "Palestinians", "opposition supporters", "aid workers": specific enough
    country = owner or (lex.identities.get(identity or "") or None) or country_code
    # "government fighters" are state forces; "opposition soldiers" and "ethnic militia forces" are not
    if cat in ("unidentified", "rebels") and head_text in _MILITIA and mods & _PRO:
        name = "Pro-Government Militia" + (f" ({lex.countries[country].name})" if country in lex.countries else "")
        return Actor(name=name, type="Political militia", country_code=country)
    if cat in ("rebels", "unidentified") and mods & lex.to_military:
        cat, category = "military", lex.categories["military"]
    elif cat == "military" and mods & lex.to_rebels:
        cat, category = "rebels", lex.categories["rebels"]
    elif cat == "military" and identity is not None and head_text in ("forces", "fighters"):
        cat = "unidentified"
    if owner is None and identity is None and not (modified or speaker) and head_text not in category.bare_ok:
        return None
    if (identity is not None and cat in ("unidentified", "rebels")) or (
        identity is not None and head_text in lex.identity_militia_nouns
    ):
        assert identity is not None
        if identity in lex.communal:
            name = lex.communal[identity]
        elif identity in lex.religious:
            name = f"{identity} Religious Militia"
        else:
            name = f"{identity} Ethnic Militia"
        if country and country in lex.countries:
            name += f" ({lex.countries[country].name})"
        return Actor(name=name, type="Identity militia", country_code=country)
    type_ = category.type
    if cat == "military" and owner and country_code and owner != country_code:
        type_ = "External/Other forces"
    return Actor(name=_format(category.name, lex, country), type=type_, country_code=country)


#: answers :func:`normalize` keeps in a lexicon (``Lexicon.answers``) before it starts again
_MEMO_SIZE = 1 << 15


def normalize(text: str, country_code: str | None = None, lexicon: Lexicon | None = None) -> Actor | None:
    """Normalized name and ACLED type of an actor's surface form (no offsets), or None.

    ``country_code`` is the country the mention is about (an event's location), used to
    name generic mentions ("protesters" → "Protesters (Iraq)") and to tell foreign state
    forces (External/Other forces) from a country's own. (Answers are kept; each call gets
    an :class:`Actor` of its own.)
    """
    lex = lexicon or load_lexicon()
    memo, key = lex.answers, (text, country_code)
    if key in memo:
        a = memo[key]
    else:
        a = _normalize(text, country_code, lex)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = a
    return None if a is None else Actor(a.name, a.type, a.text, a.start, a.end, a.country_code)


def _normalize(text: str, country_code: str | None, lex: Lexicon) -> Actor | None:
    surface = _clean(text or "")
    if not surface:
        return None
    entry = _named(lex, surface, country_code)
    if entry is not None:
        return entry_actor(lex, entry, country_code)
    clan = clan_actor(surface, country_code, lex)
    if clan is not None:
        return clan
    key = alias_key(surface)
    if key in lex.contextual and country_code in lex.contextual[key]:
        named = lex.by_name.get(lex.contextual[key][country_code or ""])
        if named is not None:
            return entry_actor(lex, named, country_code)
    words = surface.split()
    # a dictionary alias inside the mention, longest first ("the Hashed Al Shaabi paramilitary alliance")
    for size in range(min(len(words), 8), 0, -1):
        for start in range(len(words) - size + 1):
            if start > 0 and alias_key(words[start - 1]) in {"anti", "against", "pro", "opposed to", "by"}:
                continue
            sub = " ".join(words[start : start + size]).strip(_TRIM)
            sub = _POSSESSIVE.sub("", sub)
            entry = _named(lex, sub, country_code) if sub else None
            if entry is not None:
                return entry_actor(lex, entry, country_code)
    actor = generic_actor(lex, [_POSSESSIVE.sub("", w) or w for w in words], country_code)
    if actor is not None:
        return actor
    # a country or its capital alone, in the political sense
    cc = lex.by_country_name.get(key) or lex.by_capital.get(key)
    if cc and surface[:1].isupper() and not (len(surface) > 3 and surface.isupper()):  # not "BEIRUT (AP)"
        template = lex.categories["government"].name
        return Actor(name=_format(template, lex, cc), type="State forces", country_code=cc)
    return None


def localize(actor: Actor, country_code: str | None, lexicon: Lexicon | None = None) -> Actor:
    """The mention ``actor`` (offsets kept) as seen from an event in ``country_code``.

    A country's military acting in another country becomes External/Other forces (ACLED's
    codebook: state forces active outside their main country of operation), and a generic
    mention found without any country ("protesters") is named after ``country_code``.
    """
    if not country_code:
        return actor
    if actor.country_code is None and actor.text:
        again = normalize(actor.text, country_code, lexicon)
        if again is not None:
            return Actor(again.name, again.type, actor.text, actor.start, actor.end, again.country_code)
        return actor
    if (
        actor.type == "State forces"
        and actor.country_code
        and actor.country_code != country_code
        and actor.name.startswith("Military Forces")
    ):
        return Actor(actor.name, "External/Other forces", actor.text, actor.start, actor.end, actor.country_code)
    return actor
