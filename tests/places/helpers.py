"""A small fake gazetteer and a regex tokenizer, so most places tests need no model or index."""

from __future__ import annotations

import re

from dateline.places.detect import Token
from dateline.places.entries import Entry, MemoryGazetteer


def entry(gid, name, lat, lon, cc, feature="city", pop=0, a1=None, admin1=None):
    return Entry(gid, name, lat, lon, cc, a1, admin1, feature, pop)


def fake_gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (entry("99237", "Iraq", 33.0, 44.0, "IQ", "country", 38_000_000), []),
            (entry("163843", "Syria", 35.0, 38.0, "SY", "country", 17_000_000), ["Syrian Arab Republic"]),
            (entry("6252001", "United States", 39.76, -98.5, "US", "country", 327_000_000), ["US", "U.S.", "America"]),
            (entry("614540", "Georgia", 42.0, 43.5, "GE", "country", 3_700_000), []),
            (
                entry("4197000", "Georgia", 32.75, -83.5, "US", "admin1", 10_000_000, "GA", "Georgia"),
                ["State of Georgia"],
            ),
            (entry("4684888", "Texas", 31.25, -99.25, "US", "admin1", 28_000_000, "TX", "Texas"), []),
            (entry("92138", "Al Qā’im", 34.39251, 40.98945, "IQ", "city", 74_100, "01", "Al Anbār"), ["Al Qaim"]),
            (
                entry("174448", "Ālbū Kamāl", 34.45226, 40.91854, "SY", "city", 57_572, "07"),
                ["Abu Kamal", "Al Bukamal"],
            ),
            (entry("99592", "Al Anbār", 33.4, 42.0, "IQ", "admin1", 600_000, "01", "Al Anbār"), ["Anbar"]),
            (entry("98182", "Baghdad", 33.34058, 44.40088, "IQ", "city", 7_216_000, "07"), []),
            (entry("170654", "Damascus", 33.5102, 36.29128, "SY", "city", 1_569_394, "13"), ["Dimashq"]),
            (entry("4191124", "Damascus", 34.21, -83.0, "US", "city", 15_257, "GA", "Georgia"), []),
            (entry("4733313", "Paris", 33.66, -95.56, "US", "city", 25_000, "TX", "Texas"), []),
            (entry("2988507", "Paris", 48.85341, 2.3488, "FR", "city", 2_138_551, "11"), []),
            (entry("2988508", "France", 46.0, 2.0, "FR", "country", 66_000_000), []),
            (entry(None, "Euphrates", 34.4, 40.9, "IQ", "river"), ["Euphrates River"]),
            (entry("5000000", "Daesh", 10.0, 10.0, "XX", "city", 500_000), []),
            (entry("4500000", "Carolina", 18.4, -65.9, "PR", "city", 150_000), []),
            (entry("4482348", "North Carolina", 35.5, -79.25, "US", "admin1", 10_000_000, "NC", "North Carolina"), []),
            (entry("6255148", "Europe", 48.69, 9.14, None, "continent", 741_000_000), ["EU"]),
            (entry("4671654", "Austin", 30.27, -97.74, "US", "city", 931_830, "TX", "Texas"), ["US"]),
        ]
    )


_TOKEN = re.compile(r"\w+(?:\.\w+)*\.?(?=\s|$|[,;:'’])|\w+|[^\w\s]")


def tokenize(text: str, ents: dict[str, str] | None = None) -> list[Token]:
    """Tokens of ``text``; ``ents`` gives NER labels to exact substrings (every occurrence)."""
    spans = []
    for surface, label in (ents or {}).items():
        spans += [(m.start(), m.end(), label) for m in re.finditer(re.escape(surface), text)]
    tokens = []
    first = True
    for m in re.finditer(r"\w+(?:\.\w)+\.?|\w+|[^\w\s]", text):
        label, es, ee = "", -1, -1
        for s, e, lab in spans:
            if s <= m.start() and m.end() <= e:
                label, es, ee = lab, s, e
        tokens.append(Token(m.group(), m.start(), m.end(), label, es, ee, first))
        first = m.group() == "."
    return tokens
