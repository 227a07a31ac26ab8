"""assign_roles() on hand-built parses (no model) and role_of_path() as a pure function."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from dateline.actors.roles import Roles, assign_roles, role_of_path
from dateline.records import Actor

VOCAB = spacy.blank("en").vocab


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str] | None = None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words))


def mention(doc: Doc, first: int, last: int, name: str) -> Actor:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Actor(name, "Rebel group", doc.text[start:end], start, end)


@pytest.mark.parametrize(
    ("deps", "words", "lemma", "noun", "role"),
    [
        (["nsubj"], ["forces"], "retake", False, "actor1"),
        (["nsubjpass"], ["soldiers"], "kill", False, "actor2"),
        (["pobj", "agent"], ["militants", "by"], "kill", False, "actor1"),
        (["dobj"], ["villagers"], "kill", False, "actor2"),
        (["pobj", "prep"], ["protesters", "at"], "fire", False, "actor2"),
        (["pobj", "prep"], ["Kurds", "with"], "clash", False, "actor2"),
        (["pobj", "prep"], ["allies", "with"], "attack", False, "assoc1"),
        (["pobj", "prep"], ["allies", "alongside"], "fight", False, "assoc1"),
        (["pobj", "agent", "acl", "nsubj"], ["coalition", "by", "backed", "forces"], "retake", False, "assoc1"),
        (["pobj", "prep", "pobj", "agent", "acl", "nsubj"], ["IS", "against", "coalition", "by", "backed", "forces"],
         "retake", False, "actor2"),
        (["pobj", "prep", "pobj", "prep"], ["coalition", "of", "support", "with"], "repel", False, "assoc1"),
        (["poss"], ["Daesh"], "offensive", True, "actor1"),
        (["compound"], ["Taliban"], "attack", True, "actor1"),
        (["pobj", "prep"], ["village", "on"], "attack", True, "actor2"),
        (["pobj", "prep"], ["Baghdad", "in"], "attack", True, None),
        ([], [], "attack", True, None),
        (["pobj", "agent", "acl", "nsubj"], ["Daesh", "by", "seized", "crossing"], "reopen", False, None),
        (["pobj", "prep", "dobj", "xcomp"], ["Mozambique", "to", "aid", "continue"], "promise", False, "actor2"),
        (["nsubj", "ccomp"], ["Israel", "ease"], "demand", False, "actor2"),
        (["nsubj", "ccomp"], ["Israel", "ease"], "say", False, None),
        (["pobj", "prep"], ["Emirates", "between"], "mediation", True, "actor2"),
        (["pobj", "prep"], ["Houthis", "between"], "clash", True, "actor1"),
    ],
)
def test_role_of_path(deps: list[str], words: list[str], lemma: str, noun: bool, role: str | None) -> None:
    assert role_of_path(deps, words, lemma, noun) == role


def test_active_subject_and_object() -> None:
    doc = parsed(
        ["Gunmen", "killed", "three", "villagers", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
    )
    a, b = mention(doc, 0, 0, "Unidentified Armed Group"), mention(doc, 3, 3, "Civilians")
    assert assign_roles(doc[1], [a, b], doc[:]) == Roles(a, b, [])


def test_passive_with_agent() -> None:
    doc = parsed(
        ["Soldiers", "were", "killed", "by", "militants", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        ["NNS", "VBD", "VBN", "IN", "NNS", "."],
    )
    soldiers, militants = mention(doc, 0, 0, "Military Forces"), mention(doc, 4, 4, "Rebels")
    roles = assign_roles(doc[2], [soldiers, militants], doc[:])
    assert (roles.actor1, roles.actor2) == (militants, soldiers)


def test_backed_by_and_conjunction() -> None:
    # Iraqi forces backed by the Hashed and the coalition retook Rawa .
    words = ["Iraqi", "forces", "backed", "by", "the", "Hashed", "and", "the", "coalition", "retook", "Rawa", "."]
    heads = [1, 9, 1, 2, 5, 3, 5, 8, 5, 9, 9, 9]
    deps = ["amod", "nsubj", "acl", "agent", "det", "pobj", "cc", "det", "conj", "ROOT", "dobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "ADP", "DET", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PROPN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    iraq, pmf, coal = mention(doc, 0, 1, "Iraq"), mention(doc, 5, 5, "PMF"), mention(doc, 8, 8, "Coalition")
    roles = assign_roles(doc[9], [iraq, pmf, coal], doc[:])
    assert roles.actor1 == iraq and roles.actor2 is None
    assert roles.assoc == [pmf, coal]


def test_subjects_in_conjunction_make_one_actor_and_associates() -> None:
    # Iraqi forces and the PMF retook Rawa .
    words = ["Iraqi", "forces", "and", "the", "PMF", "retook", "Rawa", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 5]
    deps = ["amod", "nsubj", "cc", "det", "conj", "ROOT", "dobj", "punct"]
    doc = parsed(words, heads, deps, ["ADJ", "NOUN", "CCONJ", "DET", "PROPN", "VERB", "PROPN", "PUNCT"])
    iraq, pmf = mention(doc, 0, 1, "Iraq"), mention(doc, 4, 4, "PMF")
    roles = assign_roles(doc[5], [iraq, pmf], doc[:])
    assert (roles.actor1, roles.assoc) == (iraq, [pmf])


def test_unparsed_sentence_falls_back_on_word_order() -> None:
    doc = Doc(VOCAB, words=["Rebels", "attacked", "soldiers"])
    a, b = mention(doc, 0, 0, "Rebels"), mention(doc, 2, 2, "Soldiers")
    roles = assign_roles(doc[1], [a, b], doc[:])
    assert (roles.actor1, roles.actor2) == (a, b)


def test_never_raises_on_nonsense() -> None:
    doc = Doc(VOCAB, words=["x"])
    bad = Actor("X", None, "not there", 99, 120)
    assert assign_roles(doc[0], [bad], doc[:]) == Roles()
    assert assign_roles(None, [bad], doc[:]) == Roles()  # type: ignore[arg-type]


def test_country_code_localizes_the_chosen_actors() -> None:
    doc = parsed(
        ["Turkish", "troops", "shelled", "Kurds", "."],
        [1, 2, 2, 2, 2],
        ["amod", "nsubj", "ROOT", "dobj", "punct"],
        ["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
    )
    turks = Actor("Military Forces of Turkey", "State forces", "Turkish troops", 0, 14, "TR")
    roles = assign_roles(doc[2], [turks], doc[:], country_code="SY")
    assert roles.actor1 is not None and roles.actor1.type == "External/Other forces"
    assert assign_roles(doc[2], [turks], doc[:]).actor1 == turks


@given(
    st.lists(st.sampled_from(["Rebels", "attacked", "the", "army", "by", "with", "and", "police", "."]), min_size=1,
             max_size=12),
    st.data(),
)
def test_assign_roles_never_raises_and_returns_given_mentions(words: list[str], data: st.DataObject) -> None:
    n = len(words)
    heads = [data.draw(st.integers(0, n - 1)) for _ in range(n)]
    deps = [data.draw(st.sampled_from(["nsubj", "dobj", "prep", "pobj", "conj", "amod", "ROOT", "agent", ""]))
            for _ in range(n)]
    try:
        doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    except Exception:  # spaCy refuses some random trees; those are not ours to test
        return
    mentions = [mention(doc, i, i, words[i]) for i in range(n) if words[i][0].isupper()]
    trigger = doc[data.draw(st.integers(0, n - 1))]
    roles = assign_roles(trigger, mentions, doc[:])
    chosen = [roles.actor1, roles.actor2, *roles.assoc, *roles.assoc2]
    assert all(a is None or a in mentions for a in chosen)
