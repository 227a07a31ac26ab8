"""The time stage on documents, and regression tests named after the bugs they pin down."""

from __future__ import annotations

from dateline.records import Article, Document
from dateline.resources import Resources
from dateline.settings import Settings
from dateline.timex import TimeStage, tag


def _doc(body: str, published: str | None) -> Document:
    return Document("d", Article("d", body=body, published=published))


def test_stage_fills_timexes_with_offsets_into_the_body() -> None:
    stage = TimeStage(Settings(), Resources(Settings()))
    body = "Seized in 2014, the crossing reopened on Monday."
    doc = stage(_doc(body, "2019-09-30T08:00:00Z"))
    assert [(t.text, t.value) for t in doc.timexes] == [("2014", "2014"), ("Monday", "2019-09-30")]
    assert all(body[t.start:t.end] == t.text for t in doc.timexes)


def test_stage_skips_other_languages() -> None:
    stage = TimeStage(Settings(), Resources(Settings()))
    doc = _doc("Le poste a rouvert lundi 30 septembre 2019.", "2019-09-30")
    doc.article.language = "fr"
    assert stage(doc).timexes == []


def test_stage_uses_the_parse_for_tense() -> None:
    import spacy

    stage = TimeStage(Settings(), Resources(Settings()))
    body = "The talks will resume on Monday."
    doc = _doc(body, "2019-10-02")
    doc.annotations["nlp"] = spacy.blank("en")(body)  # no tags: falls back to cue words
    assert [t.value for t in stage(doc).timexes] == ["2019-10-07"]


def test_stage_on_an_empty_body() -> None:
    stage = TimeStage(Settings(), Resources(Settings()))
    assert stage(_doc("", None)).timexes == []


def test_regression_article_a_is_not_chained_into_the_number() -> None:
    # "a five year low" was read as 1 + 5 years
    [t] = tag("stocks hit a five year low", "1998-01-08")
    assert (t.text, t.value) == ("five year", "P5Y")


def test_regression_seven_a_year_ago() -> None:
    found = {t.text: t.value for t in tag("up from seven a year ago", "1989-11-01")}
    assert found == {"a year ago": "1988"}


def test_regression_month_with_year_beats_year_and_later() -> None:
    found = {t.text: t.value for t in tag("in October 1984 and later served", "1998-04-18")}
    assert found == {"October 1984": "1984-10"}


def test_regression_year_ago_comparison_does_not_move_the_reference_quarter() -> None:
    text = ("Net rose in the third quarter from a year ago. A year earlier, net was lower. "
            "Sales in the latest quarter rose.")
    values = [t.value for t in tag(text, "1989-11-02")]
    assert values == ["1989-Q3", "1988-Q3", "1988-Q3", "1989-Q3"]


def test_regression_the_1988_quarter_is_not_a_duration() -> None:
    found = {t.text: t.value for t in tag("Net for the third quarter rose from the 1988 quarter.", "1989-10-30")}
    assert found["the 1988 quarter"] == "1988-Q3"


def test_regression_future_tense_does_not_push_third_quarter_into_next_year() -> None:
    [t] = tag("It expects to report a third-quarter loss.", "1989-11-02")
    assert t.value == "1989-Q3"


def test_regression_today_possessive_is_the_publication_day() -> None:
    [t] = tag("in today's editions", "1989-11-02")
    assert (t.text, t.value) == ("today", "1989-11-02")


def test_regression_may_after_preposition_is_the_month() -> None:
    [t] = tag("Milton Roy disclosed in May that it was approached.", "1989-10-30")
    assert t.value == "1989-05"


def test_regression_ages_are_not_durations_but_hyphenated_forms_keep_no_article() -> None:
    assert [t.text for t in tag("The 50-year-old man", "2019-09-30")] == ["50-year-old"]


def test_regression_that_day_without_a_day_reference_is_dropped() -> None:
    assert [t.text for t in tag("In 1987 trades made that day fell.", "1989-10-30")] == ["1987"]


def test_timestamps_as_publication_dates() -> None:
    [t] = tag("yesterday", "1998-02-13T14:26:00")
    assert t.value == "1998-02-12"


def test_regression_bare_month_abbreviation_is_a_name() -> None:
    found = {t.text: t.value for t in tag("Jan Smith came in June and in Jan 2018.", "2018-06-15")}
    assert found == {"June": "2018-06", "Jan 2018": "2018-01"}


def test_regression_vague_hours_later_is_a_duration() -> None:
    [t] = tag("The bomb went off some hours later.", "2018-06-15")
    assert (t.type, t.value) == ("DURATION", "PTXH")


def test_a_crashing_normalizer_costs_only_its_candidate(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dateline.timex import normalize

    def boom(*_: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setitem(normalize.NORMALIZERS, "year", boom)
    found = [t.text for t in tag("In 2014, on Monday, it fell.", "2019-09-30")]
    assert found == ["Monday"]


def test_regression_a_dozen_and_a_hundred() -> None:
    found = {t.text: t.value for t in tag("It took almost a hundred years and a dozen days.", "2019-09-30")}
    assert found == {"almost a hundred years": "P100Y", "a dozen days": "P12D"}


def test_spans_leave_out_within_over_and_its() -> None:
    found = [t.text for t in tag("Its third-quarter profit rose over three years, within a week.", "1989-11-02")]
    assert found == ["third-quarter", "three years", "a week"]
