"""Regression: a note's background date (an earlier arrest, a takeover "coded separately", "the previous day")
must not date the note's event. Our own notes in ACLED's style, written before any rule was changed for them."""

from __future__ import annotations

from .batch import predict

# (note, published, the date ACLED would give the note's event)
NOTES = [
    ("On 12 May 2023, police arrested three opposition activists in Kisumu (Kisumu). "
     "The activists had been detained before on 2 April 2023 during a rally.", "2023-05-12"),
    ("On 3 March 2022, Al Shabaab militants attacked an AMISOM base near Baidoa (Bay). "
     "The base was established on 14 January 2022 after government forces retook the area.", "2022-03-03"),
    ("Rioters burnt tyres and blocked the main road in Mombasa (Mombasa) over the killing of a boda boda rider. "
     "A similar protest took place the previous day.", "2019-08-14"),
    ("On 9 October 2024, ADF militants killed four civilians in Beni (Nord-Kivu). "
     "The village had been attacked by the ADF on 27 September 2024.", "2024-10-09"),
    ("On 21 June 2020, UPC fighters looted shops in Alindao (Basse-Kotto). "
     "Government forces recaptured the town the following day.", "2020-06-21"),
    ("On 5 February 2025, Arakan Army fighters seized a police outpost in Maungdaw (Rakhine). "
     "The outpost was captured by the military in 2017.", "2025-02-05"),
    ("Students staged a peaceful demonstration in Dhaka (Dhaka) demanding the release of a classmate. "
     "The classmate was arrested by police on 2 July.", "2018-07-09"),
    ("On 17 November 2016, FACA soldiers clashed with anti-Balaka militiamen in Bossangoa (Ouham). "
     "Two soldiers were killed. The militia had taken control of the town on 28 October 2016 - coded separately.",
     "2016-11-17"),
    ("On 30 August 2021, a roadside bomb exploded near a military convoy in Marka (Lower Shabelle), wounding two "
     "soldiers. Al Shabaab had planted a similar device on the same road on 11 August 2021.", "2021-08-30"),
    ("On 14 April 2024, protesters marched in Bulawayo (Bulawayo) against the arrest of a union leader. "
     "Police detained the union leader on 1 April 2024 for organising a strike.", "2024-04-14"),
]

#: how many notes the top event dates right: 8/10 blind (main at 2356aa3, before the change); 10/10 after
#: lead_first (a later sentence's event on another day ranks below the lead)
FLOOR = 10


def _hits() -> list[bool]:
    rows = [{"id": f"bg{i}", "text": text, "published": day} for i, (text, day) in enumerate(NOTES)]
    hits = []
    for (_, day), ev in zip(NOTES, predict(rows), strict=True):
        date = (ev or {}).get("date") or {}
        hits.append(bool(date) and (date.get("start") or "") <= day <= (date.get("end") or "9999"))
    return hits


def test_regression_background_date_does_not_date_the_note() -> None:
    assert sum(_hits()) >= FLOOR


def test_regression_a_date_in_parentheses_does_not_date_the_event_outside_them() -> None:
    from dateline.timex.dating import date_event
    from dateline.timex.tagger import tag

    body = ("On 5 July 2025, government forces clashed with Al Shabaab in Cel Qoxle village. "
            "The forces took over the village (Al Shabaab took control of it on 19 June - coded separately).")
    trigger = body.index("took over")
    sentence = body.index("The forces")
    dating = date_event(body, sentence, len(body), tag(body, "2025-07-05"), "2025-07-05", trigger=trigger)
    assert dating.date is not None and dating.date.start == "2025-07-05"
