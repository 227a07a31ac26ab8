"""A district's or region's point is its seat, where ACLED codes an event told only by that unit."""

from __future__ import annotations

from dateline.places.sources import _inside, _namesakes, _untyped


def test_namesake_capital_is_found_in_its_region() -> None:
    cities = [
        {"countrycode": "MM", "admin1code": "08", "name": "Mandalay", "latitude": 21.97, "longitude": 96.08,
         "population": 1_200_000},
        {"countrycode": "MM", "admin1code": "08", "name": "Mandalay", "latitude": 21.5, "longitude": 95.9,
         "population": 800},  # a hamlet of the same name: the bigger one is the seat
        {"countrycode": "MM", "admin1code": "08", "name": "Meiktila", "latitude": 20.88, "longitude": 95.86,
         "population": 177_000},
    ]
    seats = _namesakes(cities)
    assert seats[("MM", "08", "mandalay")][:2] == (21.97, 96.08)
    assert _untyped("Mandalay Region") == "Mandalay"


def test_a_namesake_outside_the_units_towns_is_no_seat() -> None:
    towns = [(10.0, 20.0, 100), (10.5, 20.5, 100), (11.0, 21.0, 100)]
    assert _inside((10.2, 20.1, 5), towns)
    assert not _inside((14.0, 25.0, 5), towns)  # a county named after a town elsewhere in the state
