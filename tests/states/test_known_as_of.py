"""No hindsight: adding articles published after K never changes an answer with known_as_of=K (property)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.states import find_places, state_of
from dateline.store import open_store

from .conftest import make_doc, put

SENTENCES = [
    ("The Al Qaim border crossing reopened on {day}, officials said.", {}),
    ("The Al Qaim border crossing was closed on {day} after clashes.", {}),
    ("The Al Qaim border crossing remains closed, officials said.", {}),
    (
        "Government forces recaptured Al Qaim from the rebels on {day}.",
        {"Government forces": "Government", "the rebels": "Rebels"},
    ),
    ("Rebel fighters seized Al Qaim on {day}.", {"Rebel fighters": "Rebels"}),
    ("Al Qaim is controlled by government forces.", {"government forces": "Government"}),
    ("AFP retracted its report that the Al Qaim border crossing had been closed.", {}),
    ("Authorities will reopen the Al Qaim border crossing next week.", {}),
]
OUTLETS = ["AFP", "Reuters", "AP"]
START = dt.date(2020, 1, 1)

article = st.tuples(st.integers(0, len(SENTENCES) - 1), st.integers(0, 40), st.sampled_from(OUTLETS), st.integers(0, 5))


def _doc(n: int, kind: int, offset: int, outlet: str, url_slot: int) -> object:
    published = START + dt.timedelta(days=offset)
    text, actors = SENTENCES[kind]
    day = published.strftime("%A")
    # each article's text is its own: the store keeps one copy of identical content (the first ingested)
    return make_doc(
        text.format(day=day) + f" Report {n}.",
        places=["Al Qaim"],
        actors=actors,
        published=published.isoformat(),
        source=outlet,
        doc_id=f"d{n}",
        url=f"https://wire.example/{url_slot}-{n}",
    )


def _answers(db: Path, known: dt.date) -> list[tuple]:
    out = []
    with open_store(db, read_only=True) as store:
        for place in find_places(store.conn, "Al Qaim"):
            for as_of in (known - dt.timedelta(days=20), known - dt.timedelta(days=3), known, known + dt.timedelta(5)):
                for a in state_of(store.conn, place.place_id, as_of=as_of, known_as_of=known):
                    out.append(
                        (
                            place.place_id,
                            as_of,
                            a.facet,
                            a.part,
                            a.value,
                            a.status,
                            a.since,
                            a.last_confirmed,
                            tuple(a.sources),
                        )
                    )
    return sorted(out, key=repr)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(article, min_size=1, max_size=6), cut=st.integers(0, 45), seed=st.integers(0, 1000))
def test_later_articles_never_change_a_known_as_of_answer(tmp_path_factory, articles, cut, seed) -> None:  # type: ignore[no-untyped-def]
    known = START + dt.timedelta(days=cut)
    docs = [_doc(n, *a) for n, a in enumerate(articles)]
    early = [d for d in docs if dt.date.fromisoformat(d.article.published) <= known]  # type: ignore[attr-defined]
    everything = list(docs)
    random.Random(seed).shuffle(everything)  # ingestion order need not be publication order
    tmp = tmp_path_factory.mktemp("k")
    with open_store(tmp / "early.duckdb") as s:
        for d in early:
            put(s, d)  # type: ignore[arg-type]
    with open_store(tmp / "all.duckdb") as s:
        for d in everything:
            put(s, d)  # type: ignore[arg-type]
    assert _answers(tmp / "early.duckdb", known) == _answers(tmp / "all.duckdb", known)


def test_an_update_published_later_does_not_reach_back(tmp_path: Path) -> None:
    url = "https://wire.example/u"
    first = make_doc(
        "The Al Qaim border crossing reopened on Monday.", places=["Al Qaim"], published="2020-01-06", url=url
    )
    update = make_doc(
        "The Al Qaim border crossing remains closed.",
        places=["Al Qaim"],
        published="2020-01-06",
        updated="2020-01-09",
        url=url,
        doc_id="d2",
    )
    with open_store(tmp_path / "a.duckdb") as s:
        put(s, first)
    with open_store(tmp_path / "b.duckdb") as s:
        put(s, first)
        put(s, update)
    known = dt.date(2020, 1, 7)
    assert _answers(tmp_path / "a.duckdb", known) == _answers(tmp_path / "b.duckdb", known)
    assert _answers(tmp_path / "a.duckdb", dt.date(2020, 1, 10)) != _answers(
        tmp_path / "b.duckdb", dt.date(2020, 1, 10)
    )
