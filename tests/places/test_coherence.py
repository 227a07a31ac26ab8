"""One report, one country (places/coherence.py): each rule of RULES on its own example."""

from __future__ import annotations

from dateline.places.coherence import RULES, cohere, dominant_country
from dateline.places.detect import Mention
from dateline.places.entries import Entry, Match


def _e(name: str, cc: str, feature: str = "city", pop: int = 5_000, gid: str | None = None) -> Entry:
    return Entry(gid or f"{name}-{cc}", name, 0.0, 0.0, cc, "01", None, feature, pop)


def _m(text: str, *matches: tuple[Entry, int]) -> Mention:
    return Mention(0, len(text), text, text.lower(), [Match(e, q) for e, q in matches])


KILIFI = _e("Kilifi", "KE", "admin1", 1_400_000)
NAIROBI = _e("Nairobi", "KE", "admin1", 4_000_000)


def test_every_rule_has_an_example() -> None:
    assert set(RULES) == {"coherence.switch", "coherence.drop-loose", "coherence.drop-small", "coherence.keep-states",
                          "coherence.drop-loose-big", "coherence.hint-country", "places.country-cue",
                          "coherence.hint-votes", "coherence.hint-region", "coherence.chain-region",
                          "coherence.cue-over-villages", "coherence.town-of-its-unit"}
    assert all(len(example) > 20 for example in RULES.values())


def test_dominant_country_needs_clear_evidence() -> None:
    kilifi = _m("Kilifi", (KILIFI, 0))
    assert dominant_country([(kilifi, KILIFI)]) == "KE"  # a region votes twice
    town = _m("Boyo", (_e("Boyo", "CM"), 0))
    assert dominant_country([(town, town.matches[0].entry)]) is None  # one town is not enough


def test_switch_to_the_homonym_of_the_report_country() -> None:
    tz, ke = _e("Kisiwani", "TZ", pop=9_000), _e("Kisiwani", "KE", pop=2_000)
    kisiwani = _m("Kisiwani", (tz, 0), (ke, 0))
    out = cohere([(kisiwani, tz, 0.7), (_m("Kilifi", (KILIFI, 0)), KILIFI, 0.9)])
    assert out[0][1] is ke


def test_loose_or_small_matches_abroad_are_dropped() -> None:
    war = _m("War", (_e("War", "US", pop=800), 1))
    konga = _m("Konga", (_e("Konga", "ID", pop=3_000), 0))
    kilifi = _m("Kilifi", (KILIFI, 0))
    nairobi = _m("Nairobi", (NAIROBI, 0))
    out = cohere([(war, war.matches[0].entry, 0.6), (konga, konga.matches[0].entry, 0.6),
                  (kilifi, KILIFI, 0.9), (nairobi, NAIROBI, 0.9)])
    assert [m.text for m, _, _ in out] == ["Kilifi", "Nairobi"]


def test_states_and_places_of_a_named_country_are_kept() -> None:
    turkey = _e("Turkey", "TR", "country", 80_000_000)
    ankara_area = _e("Incirlik", "TR", "facility", 0)
    rows = [(_m("Turkey", (turkey, 0)), turkey, 0.9), (_m("Incirlik", (ankara_area, 0)), ankara_area, 0.8),
            (_m("Kilifi", (KILIFI, 0)), KILIFI, 0.9), (_m("Nairobi", (NAIROBI, 0)), NAIROBI, 0.9),
            (_m("Mombasa", (_e("Mombasa", "KE", "admin1", 1_200_000), 0)),
             _e("Mombasa", "KE", "admin1", 1_200_000), 0.9)]
    assert [m.text for m, _, _ in cohere(rows)] == ["Turkey", "Incirlik", "Kilifi", "Nairobi", "Mombasa"]


def test_parenthesized_admin_hint_makes_places() -> None:
    from dateline.places.resolve import admin_hints

    body = "Rebels took Bria (Bria, Haute-Kotto) on Monday."
    bria = _e("Bria", "CF")
    region = _e("Haute-Kotto", "CF", "admin1", 100_000)
    mentions = [Mention(12, 16, "Bria", "bria", [Match(bria, 0)], ner="WORK_OF_ART*"),
                Mention(18, 22, "Bria", "bria", [Match(bria, 0)], ner="WORK_OF_ART*"),
                Mention(24, 35, "Haute-Kotto", "haute kotto", [Match(region, 0)], ner="WORK_OF_ART*")]
    assert admin_hints(body, mentions) == {0, 1, 2}
    # without a region at the end, ACLED's "(District, Region)" shape still makes the name before it a
    # place when the gazetteer has that name as its own (a town, district or region), not the rest
    other = "Rebels took Bria (Bria, Kotto) on Monday."
    assert admin_hints(other, [*mentions[:2], Mention(24, 29, "Kotto", "kotto", [Match(bria, 0)])]) == {0}
    loose = [Mention(12, 16, "Bria", "bria", [Match(bria, 1)]), *mentions[1:2]]
    assert admin_hints(other, loose) == set()  # only an alternate name: no hint


def test_regression_kasoa_village_before_unknown_district_is_a_place() -> None:
    """ACLED's "Kasoa (Awutu Efutu Senya, Central)": the district is not in the gazetteer and
    "Central" is no mention, yet the shape says Kasoa is the place."""
    from dateline.places.resolve import admin_hints

    body = "On 29 April 2020, residents of Kasoa (Awutu Efutu Senya, Central) demonstrated."
    kasoa = Mention(31, 36, "Kasoa", "kasoa", [Match(_e("Kasoa", "GH", pop=86_000), 0)], ner="PERSON")
    assert admin_hints(body, [kasoa]) == {0}
    assert admin_hints("a report by Kasoa (AFP) said", [Mention(12, 17, "Kasoa", "kasoa", kasoa.matches)]) == set()


def test_a_town_the_tagger_calls_an_organization_after_in_is_a_place() -> None:
    from dateline.places.resolve import accept

    bouar = Mention(60, 65, "Bouar", "bouar", [Match(_e("Bouar", "CF", pop=40_000), 0)], ner="ORG", cue_before="in")
    assert accept(bouar)
    party = Mention(0, 5, "Bouar", "bouar", [Match(_e("Bouar", "CF", pop=40_000), 0)], ner="ORG", cue_before="the")
    assert not accept(party)


def test_a_big_city_abroad_by_an_alternate_name_is_dropped() -> None:
    # regression: "Chi" (an alternate name of Chicago) in a report about Afghan districts stayed Chicago
    chicago = _e("Chicago", "US", pop=2_700_000)
    chi = _m("Chi", (chicago, 1))
    shindand = _e("Shindand", "AF", "admin2", 200_000)
    herat = _e("Herat", "AF", "admin1", 1_800_000)
    rows = [(chi, chicago, 0.7), (_m("Shindand", (shindand, 0)), shindand, 0.9), (_m("Herat", (herat, 0)), herat, 0.9)]
    assert [m.text for m, _, _ in cohere(rows)] == ["Shindand", "Herat"]
    # by its own name, or a full alternate name ("New York" for New York City), it is a real foreign place
    nyc = _e("New York City", "US", pop=8_000_000)
    for text, entry, quality in (("Chicago", chicago, 0), ("New York", nyc, 1)):
        rows[0] = (_m(text, (entry, quality)), entry, 0.9)
        assert [m.text for m, _, _ in cohere(rows)] == [text, "Shindand", "Herat"]
    # but not by an unrelated alternate name ("Bali" for Paris in some language)
    paris = _e("Paris", "FR", pop=2_100_000)
    rows[0] = (_m("Bali", (paris, 1)), paris, 0.9)
    assert [m.text for m, _, _ in cohere(rows)] == ["Shindand", "Herat"]


def test_loose_matches_vote_little() -> None:
    # "Man Mai Sai Lat village (Kyaukme District, Shan State)": word-by-word alternate-name matches abroad
    # do not outvote the district and the state
    shan = _e("Shan", "MM", "admin1", 5_000_000)
    kyaukme = _e("Kyaukme District", "MM", "admin2", 500_000)
    loose = [_m(w, (_e(w + "-x", cc), 1)) for w, cc in (("Man", "JO"), ("Mai", "KE"), ("Lat", "FR"))]
    rows = [(m, m.matches[0].entry) for m in loose] + [(_m("Kyaukme District", (kyaukme, 0)), kyaukme),
                                                       (_m("Shan State", (shan, 0)), shan)]
    assert dominant_country(rows) == "MM"


def test_a_town_the_tagger_calls_a_person_after_in_is_a_place() -> None:
    # regression: "seized in Kaga Bandoro" (tagged PERSON, a town of 50,000, no country named) gave no place
    from dateline.places.resolve import accept

    town = _e("Kaga-Bandoro", "CF", pop=55_000)
    assert accept(Mention(40, 52, "Kaga Bandoro", "kaga bandoro", [Match(town, 0)], ner="PERSON", cue_before="in"))
    # not a person's house, nor a name without a place preposition
    assert not accept(Mention(40, 52, "Kaga Bandoro", "kaga bandoro", [Match(town, 0)], ner="PERSON",
                              cue_before="in", cue_after="'s"))
    assert not accept(Mention(0, 12, "Kaga Bandoro", "kaga bandoro", [Match(town, 0)], ner="PERSON", cue_before="by"))
    hamlet = _e("Beloko", "CF", pop=2_000)
    assert not accept(Mention(40, 46, "Beloko", "beloko", [Match(hamlet, 0)], ner="PERSON", cue_before="in"))


def test_a_town_or_an_article_less_region_in_parentheses_is_a_hint() -> None:
    from dateline.places.resolve import admin_hints

    body = "Militias shelled Zawiya (Misrata) and Tarhuna (An Nuqat al Khams) at dawn."
    zawiya = _e("Zawiya", "LY", pop=200_000)
    misrata = _e("Misratah", "LY", pop=350_000)
    region = _e("An Nuqat al Khams", "LY", "admin1", 300_000)
    mentions = [Mention(17, 23, "Zawiya", "zawiya", [Match(zawiya, 0)], ner="PERSON"),
                Mention(25, 32, "Misrata", "misrata", [Match(misrata, 1)], ner="PERSON"),
                Mention(38, 45, "Tarhuna", "tarhuna", [Match(zawiya, 1)], ner="PERSON"),
                Mention(50, 64, "Nuqat al Khams", "nuqat al khams", [Match(region, 2)])]
    assert body[50:64] == "Nuqat al Khams"
    assert admin_hints(body, mentions) == {0, 1, 2, 3}
    # an acronym in parentheses is no hint, whatever town it spells
    acronym = "Troops of the army (SNA) arrived."
    sna = Mention(20, 23, "SNA", "sna", [Match(_e("Santa Ana", "US", pop=300_000), 1)], acronym=True)
    assert admin_hints(acronym, [sna]) == set()


def test_hint_country_names_of_one_parenthesis_lie_in_its_last_units_country() -> None:
    """coherence.hint-country: "Bolele (Lim, Ngaoundaye)": Lim read as Lima (Peru) is dropped; a name of the
    hint with a reading in the hint's country takes it."""
    from dateline.places.resolve import _hint_coherence

    body = "Herders raped 15 women in Bolele (Lim, Ngaoundaye). No fatalities."
    lima, ngaoundaye = _e("Lima", "PE", pop=7_000_000), _e("Ngaoundaye", "CF", "admin2", 60_000)
    lim = Mention(34, 37, "Lim", "lim", [Match(lima, 1)])
    ngd = Mention(39, 49, "Ngaoundaye", "ngaoundaye", [Match(ngaoundaye, 0)])
    out = _hint_coherence(body, [lim, ngd], [(lim, lima, 0.8), (ngd, ngaoundaye, 0.9)])
    assert [e.name for _, e, _ in out] == ["Ngaoundaye"]
    tz, cf = _e("Samba", "AO", pop=20_000), _e("Samba", "CF", pop=900)
    samba = Mention(34, 39, "Samba", "samba", [Match(tz, 0), Match(cf, 0)])
    ngd2 = Mention(41, 51, "Ngaoundaye", "ngaoundaye", [Match(ngaoundaye, 0)])
    body2 = "Herders raped 15 women in Bolele (Samba, Ngaoundaye)."
    out = _hint_coherence(body2, [samba, ngd2], [(samba, tz, 0.8), (ngd2, ngaoundaye, 0.9)])
    assert [e.country_code for _, e, _ in out] == ["CF", "CF"]


def test_regression_a_named_site_after_a_possessive_place_is_no_town() -> None:
    """"in Nairobi's Freedom Park": "Freedom" inside the park's name is no American town Freedom."""
    from dateline.places.resolve import accept

    freedom = Mention(20, 27, "Freedom", "freedom", [Match(_e("Freedom", "US", pop=1_400), 0)], ner="FAC*",
                      cue_before="'s", cue_after="park")
    assert not accept(freedom)


def test_regression_plural_unit_words_and_a_long_name_after_near() -> None:
    """"in the Bocaranga and Koui subprefectures": a plural unit word types the names before it;
    "near Novoluhanske": a long name of one country after "near" is that town."""
    from dateline.places.detect import TYPE_CUES_AFTER

    assert {"subprefectures", "townships", "upazilas"} <= TYPE_CUES_AFTER


def test_hint_region_a_village_before_the_hint_lies_in_its_region() -> None:
    """coherence.hint-region: "Dhagax Weyne village (Jowhar, Middle Shabelle)": a far town of another region
    read by an alternate name is no place of the note; a reading inside the region is taken instead."""
    from dateline.places.resolve import _hint_coherence

    def at(name: str, lat: float, lon: float, a1: str, feature: str = "city") -> Entry:
        return Entry(f"{name}-{a1}", name, lat, lon, "SO", a1, None, feature, 5_000)

    far, near = at("Weyne", 8.0, 49.8, "18"), at("Weyne", 2.9, 45.6, "13")
    jowhar, region = at("Jowhar", 2.78, 45.5, "13", "admin2"), at("Middle Shabelle", 2.9, 45.9, "13", "admin1")
    body = "Militants attacked Weyne village (Jowhar, Middle Shabelle)."
    weyne = Mention(19, 24, "Weyne", "weyne", [Match(far, 1)])
    jw = Mention(34, 40, "Jowhar", "jowhar", [Match(jowhar, 0)])
    ms = Mention(42, 57, "Middle Shabelle", "middle shabelle", [Match(region, 0)])
    out = _hint_coherence(body, [weyne, jw, ms], [(weyne, far, 0.8), (jw, jowhar, 0.9), (ms, region, 0.9)])
    assert [e.name for _, e, _ in out] == ["Jowhar", "Middle Shabelle"]
    weyne2 = Mention(19, 24, "Weyne", "weyne", [Match(far, 1), Match(near, 1)])
    out = _hint_coherence(body, [weyne2, jw, ms], [(weyne2, far, 0.8), (jw, jowhar, 0.9), (ms, region, 0.9)])
    assert out[0][1] is near


def test_country_cue_names_that_are_no_places_point_to_a_country() -> None:
    """places.country-cue: forces, missions and parties of one country tell where a report happens."""
    from dateline.places.lexicon import cue_country

    assert cue_country("The OSCE SMM recorded 12 explosions near a village.") == "UA"
    assert cue_country("FACA soldiers and MINUSCA peacekeepers patrolled the town.") == "CF"
    assert cue_country("NISA and KDF troops clashed with militants.") is None  # two countries, no two thirds
    assert cue_country("The smm was small.") is None  # case-sensitive whole words


def test_hint_votes_make_the_hints_country_dominant() -> None:
    """coherence.hint-votes: a hint's region votes twice, enough to drop a far city read by an alternate name."""
    region = _e("Sagaing", "MM", "admin1", 5_000_000)
    far = _e("Tamu-JP", "JP", pop=148_000)
    kone_e = _e("Kone", "LR", "admin2", 30_000)
    sag, tamu, kone = _m("Sagaing", (region, 0)), _m("Thamu", (far, 1)), _m("Kone", (kone_e, 0))
    pairs = [(sag, region), (tamu, far), (kone, kone_e)]
    assert dominant_country(pairs) is None
    assert dominant_country(pairs, hint="MM") == "MM"
    out = cohere([(sag, region, 0.9), (tamu, far, 0.8), (kone, kone_e, 0.7)], hint="MM")
    assert [e.country_code for _, e, _ in out] == ["MM"]


def test_cue_over_villages() -> None:
    """A national cue outweighs a lone foreign village (no Ukrainian Komsomolets in the gazetteer): it is dropped."""
    ru = _e("Komsomolets", "RU", pop=3_678)
    village = _m("Komsomolets", (ru, 0))
    assert dominant_country([(village, ru)], cue="UA") == "UA"
    assert cohere([(village, ru, 0.8)], cue="UA") == []
    big = _e("Rostov", "RU", pop=1_100_000)
    city = _m("Rostov", (big, 0))
    assert dominant_country([(city, big)], cue="UA") is None  # a city is real evidence of its own country
