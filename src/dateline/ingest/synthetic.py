"""A synthetic news corpus and a matching fake pipeline, for benchmarks and tests.

:func:`synthetic_corpus` writes templated wire stories about made-up events, several
outlets reporting many of them (so de-duplication has work to do);
:class:`SyntheticPipeline` "extracts" those events again by reading the template back,
at almost no cost, so the store can be measured apart from the NLP. Nothing here is
used by a normal run.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
import re
import time
from collections.abc import Iterable, Iterator
from importlib import resources

from ..errors import InputError
from ..pipeline import Outcome
from ..records import Actor, Article, Document, Event, EventDate, Evidence, Location, Plover, RawInput

__all__ = ["SyntheticPipeline", "synthetic_corpus"]

_OUTLETS = ("AFP", "Reuters", "AP", "Xinhua", "Anadolu", "BBC", "Al Jazeera", "DPA")
_PAIRS = (
    ("Military Forces", "State forces", "Islamic State", "Rebel group"),
    ("Police Forces", "State forces", "Protesters", "Protesters"),
    ("Unidentified Armed Group", "Political militia", "Civilians", "Civilians"),
    ("Boko Haram", "Rebel group", "Military Forces", "State forces"),
    ("Al Shabaab", "Rebel group", "Military Forces", "State forces"),
    ("Ethnic Militia", "Identity militia", "Civilians", "Civilians"),
)
_TEMPLATES = (
    ("Battles", "Armed clash", "FIGHT", "{a1} clashed with {a2} near {place} on {date}, leaving {n} dead."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT",
     "{a1} shelled positions held by {a2} outside {place} on {date}, killing {n}."),
    ("Violence against civilians", "Attack", "ASSAULT", "{a1} attacked {a2} in {place} on {date}, killing {n}."),
)  # fmt: skip
_FILLER = (
    "Officials said the situation remained tense.",
    "Residents described hours of gunfire before calm returned.",
    "The area has seen repeated fighting in recent months.",
    "No group immediately claimed responsibility.",
    "Aid agencies warned of further displacement.",
)
_SENTENCE = re.compile(
    r"(?P<a1>[A-Z][\w ]+?) (?P<verb>clashed with|shelled positions held by|attacked) (?P<a2>[A-Z][\w ]+?)"
    r" (?:near|outside|in) (?P<place>[A-Z][\w' -]+?) on (?P<date>\d{1,2} [A-Z][a-z]+ \d{4}),"
    r" (?:leaving|killing) (?P<n>\d+)(?: dead)?\."
)
_VERBS = {"clashed with": 0, "shelled positions held by": 1, "attacked": 2}


@functools.cache
def _places() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("synthetic_places.tsv").read_text("utf-8")
    return {row["name"]: row for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def synthetic_corpus(n_docs: int, *, seed: int = 7, reports_per_event: int = 3) -> list[dict[str, str]]:
    """``n_docs`` JSONL-ready stories (``id``, ``url``, ``published``, ``body``) about fewer events."""
    rng = random.Random(seed)
    places = list(_places())
    docs: list[dict[str, str]] = []
    event = 0
    while len(docs) < n_docs:
        event += 1
        kind = rng.randrange(len(_TEMPLATES))
        a1, _, a2, _ = rng.choice(_PAIRS)
        place = rng.choice(places)
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        deaths = rng.randrange(0, 30)
        for outlet in rng.sample(_OUTLETS, k=min(len(_OUTLETS), rng.randint(1, reports_per_event))):
            if len(docs) >= n_docs:
                break
            published = day + dt.timedelta(days=rng.randint(0, 2))
            sentence = _TEMPLATES[kind][3].format(a1=a1, a2=a2, place=place, date=f"{day.day} {day:%B %Y}", n=deaths)
            filler = " ".join(rng.sample(_FILLER, k=3))
            body = f"{place.upper()} ({outlet}) - {sentence} {filler}"
            slug = f"{event}-{outlet.lower().replace(' ', '-')}"
            docs.append({"id": slug, "url": f"https://news.example.org/{slug}", "published": published.isoformat(),
                         "body": body})  # fmt: skip
    return docs


def _extract(raw: RawInput) -> Document:
    body = raw.content
    outlet = re.match(r"[^(]*\(([^)]+)\)", body)
    article = Article(raw.id, body=body, source=outlet.group(1) if outlet else None, published=raw.published,
                      url=raw.url, language="en")  # fmt: skip
    doc = Document(raw.id, article)
    for index, m in enumerate(_SENTENCE.finditer(body)):
        etype, sub, plover, _ = _TEMPLATES[_VERBS[m["verb"]]]
        place = _places().get(m["place"])
        day = dt.datetime.strptime(m["date"], "%d %B %Y").date().isoformat()
        actors = {a1: t1 for a1, t1, a2, t2 in _PAIRS} | {a2: t2 for a1, t1, a2, t2 in _PAIRS}
        location = None
        if place:
            location = Location(place["name"], place["geonameid"], float(place["lat"]), float(place["lon"]),
                                place["country_code"], place["admin1"], 1)  # fmt: skip
        doc.events.append(
            Event(
                id=f"{raw.id}-{index}",
                event_type=etype,
                sub_event_type=sub,
                plover=Plover(plover),
                evidence=Evidence(m.group(0), m.start(), m.end()),
                date=EventDate(day, day, "day", m["date"]),
                location=location,
                actor1=Actor(m["a1"], actors.get(m["a1"])),
                actor2=Actor(m["a2"], actors.get(m["a2"])),
                fatalities=int(m["n"]),
                confidence=0.8,
            )
        )
    return doc


class SyntheticPipeline:
    """A stand-in for :class:`dateline.Pipeline` that reads :func:`synthetic_corpus` stories.

    ``delay`` seconds are spent per document (to simulate the NLP in interruption tests).
    """

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def pipe(self, inputs: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        for item in inputs:
            if isinstance(item, InputError):
                yield Outcome(item.source, error=item)
                continue
            if self.delay:
                time.sleep(self.delay)
            if not item.content.strip():
                yield Outcome(item.id, error=InputError(item.id, "no article text found"))
                continue
            yield Outcome(item.id, document=_extract(item))
