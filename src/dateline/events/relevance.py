"""Article-level relevance: is the article about political violence, protest or conflict at all?

Most news reports no event. Before sentences are coded, the article is judged from its title,
its URL's section, and its vocabulary: the share of sentences that speak of armed actors,
fighting, protest or political violence (cue set ``topic_conflict``) against the signs of a
genre that reports none (``genre_*`` cue sets: sports, markets, entertainment, games, recipes,
obituaries, science, ordinary crime and courts). The verdict is one of

- ``"core"``: the article is about conflict or protest; events are coded as usual;
- ``"peripheral"``: neither clearly about conflict nor of an off-topic genre; an event needs
  a little more confidence;
- ``"off"``: an off-topic genre (ordinary crime and courts: only without terrorism, cue set
  ``terror``); an event is reported only when its sentence is unmistakable
  (see :func:`unmistakable` in :mod:`dateline.events.stage`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .lexicon import cue_patterns
from .prefilters import cue_matches

__all__ = ["GENRES", "Relevance", "judge"]

Verdict = Literal["core", "peripheral", "off"]

#: the off-topic genres (cue sets ``genre_<name>``) and the URL path sections that announce them
GENRES: dict[str, tuple[str, ...]] = {
    "sports": ("sport", "sports", "football", "soccer", "cricket", "tennis", "golf", "rugby", "nba", "nfl", "olympics"),
    "markets": ("business", "markets", "market", "money", "finance", "economy", "companies", "investing", "stocks",
                "ajimpact", "tech", "technology"),
    "entertainment": ("entertainment", "arts", "culture", "movies", "film", "music", "tv", "television", "celebrity",
                      "style", "fashion", "books", "showbiz", "lifestyle", "life"),
    "games": ("games", "gaming", "videogames"),
    "food": ("food", "recipes", "recipe", "cooking", "dining"),
    "obituary": ("obituaries", "obituary", "obits"),
    "science": ("science", "space", "health", "environment"),
    "crime_court": ("crime", "courts", "court", "police", "justice"),
}
_SECTIONS = {word: genre for genre, words in GENRES.items() for word in words}
_PATH_WORD = re.compile(r"[a-z]+")
#: share of the sentences that must speak of conflict for the article to be about it
CORE_SHARE = 0.3
#: a genre is the article's when its title or section says so, or when its words fill this share of the sentences
GENRE_SHARE = 0.25


@dataclass(slots=True)
class Relevance:
    verdict: Verdict
    conflict_share: float
    genre: str | None = None
    reasons: list[str] = field(default_factory=list)


def _section_genres(url: str | None) -> set[str]:
    if not url:
        return set()
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower()).split("?")[0]
    segments = path.strip("/").split("/")[:-1] or []  # the last segment is the article's slug
    words = {w for seg in segments for w in _PATH_WORD.findall(seg)}
    return {_SECTIONS[w] for w in words if w in _SECTIONS}


def _share(name: str, matched: Sequence[frozenset[str]]) -> float:
    """The share of the sentences the cue set ``name`` matches (``matched``: each sentence's matching cue sets,
    from :func:`~dateline.events.prefilters.cue_matches`)."""
    return sum(1 for m in matched if name in m) / len(matched) if matched else 0.0


#: a title that announces fiction, a review or a work of art: its conflict words describe the work
_WORK_TITLE = re.compile(r"^review\b|\breview:|\b(?:film|movie|novel|video ?game|game|series|documentary|biopic|"
                         r"trailer|album|book|play|musical|memoir|exhibition|episode|season \d+)\b")
#: shorter texts (snippets, notes) are focused reports: judged by their title and section only
MIN_SENTENCES = 4
#: what the title adds to a score, and what a section of the URL adds
TITLE_WEIGHT, SECTION_WEIGHT = 0.3, 0.5


def judge(title: str | None, url: str | None, sentences: Sequence[str]) -> Relevance:
    """The article's relevance from its title, URL and (lower-cased) sentences.

    The conflict score is the share of sentences with conflict vocabulary (plus the title's
    weight when the title has it); each genre's score is the share of sentences with its
    vocabulary (plus the title's and the URL section's weights). The article is off-topic when
    its best genre scores at least ``GENRE_SHARE`` and above the conflict score; about conflict
    when the conflict score is at least ``CORE_SHARE``.
    """
    cues = cue_patterns()
    low_title = (title or "").lower()
    work = bool(low_title) and _WORK_TITLE.search(low_title) is not None
    matched = [cue_matches(s) for s in sentences]  # one literal scan a sentence for all cue sets
    share = _share("topic_conflict", matched)
    conflict = share
    if low_title and not work and cues["topic_conflict"].search(low_title):
        conflict += TITLE_WEIGHT
    reasons: list[str] = []
    sections = _section_genres(url)
    best: tuple[float, str] | None = None
    for name in GENRES:
        pattern = cues[f"genre_{name}"]
        score = _share(f"genre_{name}", matched)
        if name in sections:
            score += SECTION_WEIGHT
            reasons.append(f"section:{name}")
        if low_title and pattern.search(low_title):
            score += TITLE_WEIGHT
            reasons.append(f"title:{name}")
        if work and name in ("entertainment", "games"):
            score += TITLE_WEIGHT
            reasons.append("title:work")
        if best is None or score > best[0]:
            best = (score, name)
    genre = best[1] if best and best[0] >= GENRE_SHARE else None
    if len(sentences) < MIN_SENTENCES and not reasons:
        return Relevance("core", round(share, 3), None, ["short text"])  # a snippet or a note: a focused report
    if genre is not None and best is not None and best[0] > conflict:
        if genre == "crime_court" and any("terror" in m for m in matched):
            reasons.append("terrorism")  # a terror plot or attack before the courts is no ordinary crime
            return Relevance("peripheral", round(share, 3), genre, reasons)
        return Relevance("off", round(share, 3), genre, reasons)
    if conflict >= CORE_SHARE:
        return Relevance("core", round(share, 3), genre, reasons)
    return Relevance("peripheral", round(share, 3), genre, reasons)
