"""Recently created admin-1 regions are reported under the region they were carved from (data/admin1_former.tsv)."""

from __future__ import annotations

from dateline.places.sources import _former_admin1, carve_back


def test_new_regions_map_to_the_unit_they_were_carved_from() -> None:
    former = _former_admin1()
    assert former["CF.20"] == "CF.12"  # Ouham-Fafa, from Ouham
    assert all(old.split(".")[0] == new.split(".")[0] for new, old in former.items())  # within one country


def test_towns_of_a_new_region_count_in_the_former_one() -> None:
    towns = [{"countrycode": "CF", "admin1code": "20", "name": "Kabo"},
             {"countrycode": "CF", "admin1code": "12", "name": "Bossangoa"},
             {"countrycode": "KE", "admin1code": "20", "name": "Kakamega"}]
    out = carve_back(towns, {"CF.20": "CF.12"})
    assert [t["admin1code"] for t in out] == ["12", "12", "20"]
