"""ACLED's names and types for de facto authorities, local militias and gangs (actors/data)."""

from __future__ import annotations

import pytest

from dateline.actors import normalize


@pytest.mark.parametrize(("text", "cc", "name", "kind"), [
    ("Houthi forces", "YE", "Military Forces of Yemen Supreme Political Council", "State forces"),
    ("LNA forces", "LY", "Military Forces of Libya Haftar Faction", "State forces"),
    ("a local PDF unit", "MM", "People's Defense Force", "Political militia"),
    ("a coalition of PDFs", "MM", "People's Defense Force", "Political militia"),
    ("members of a criminal group", "MX", "Unidentified Gang (Mexico)", "Political militia"),
    ("gang members", "HN", "Unidentified Gang (Honduras)", "Political militia"),
    # named parties by ACLED's "ACRONYM: Full Name"; the opposition is not the ruling party
    ("ZANU-PF youths", "ZW", "ZANU-PF: Zimbabwe African National Union-Patriotic Front", "Political militia"),
    ("MDC supporters", "ZW", "MDC: Movement for Democratic Change", "Political militia"),
    ("CCC activists", "ZW", "CCC: Citizens Coalition for Change", "Political militia"),
])
def test_acled_names(text: str, cc: str, name: str, kind: str) -> None:
    got = normalize(text, cc)
    assert got is not None and (got.name, got.type) == (name, kind)


def test_gang_rape_is_no_gang() -> None:
    from dateline.actors.detect import Detector
    from dateline.actors.lexicon import load_lexicon

    found = Detector(load_lexicon()).find("Three soldiers gang-raped a woman in the village.", country_code="CF")
    assert all("Gang" not in a.name for a in found)


def test_a_generic_force_followed_by_its_unit_in_parentheses_is_that_unit() -> None:
    """Rule actors.parenthesized-unit: "government security forces (NISA)" is the NISA; two units in the
    parentheses name no single one."""
    from dateline.actors.detect import Detector
    from dateline.actors.lexicon import load_lexicon

    det = Detector(load_lexicon())
    found = det.find("On 2 May 2024, government security forces (NISA) arrested two men.", country_code="SO")
    assert found[0].text == "government security forces" and "National Intelligence" in found[0].name
    found = det.find("On 2 May 2024, government security forces (SNA and NISA) arrested two men.", country_code="SO")
    assert found[0].name == "Military Forces of Somalia"
