"""Table-driven tests: expressions in context, a publication date, the expected TIMEX3."""

from __future__ import annotations

import pytest

from dateline.timex import tag

PUB = "2019-09-30"  # a Monday

# text, published, expected span, type, value, mod, start_date, end_date, precision
CASES = [
    # weekdays and days, anchored on publication and tense
    ("The crossing reopened on Monday.", PUB, "Monday", "DATE", "2019-09-30", None, "2019-09-30", "2019-09-30", "day"),
    ("Rebels attacked the town on Saturday.", PUB, "Saturday", "DATE", "2019-09-28", None, "2019-09-28",
     "2019-09-28", "day"),
    ("The talks will resume on Monday.", "2019-10-02", "Monday", "DATE", "2019-10-07", None, "2019-10-07",
     "2019-10-07", "day"),
    ("He will travel next Tuesday.", PUB, "next Tuesday", "DATE", "2019-10-01", None, "2019-10-01", "2019-10-01",
     "day"),
    ("They met last Friday.", PUB, "last Friday", "DATE", "2019-09-27", None, "2019-09-27", "2019-09-27", "day"),
    ("He arrived yesterday.", PUB, "yesterday", "DATE", "2019-09-29", None, "2019-09-29", "2019-09-29", "day"),
    ("He arrives tomorrow.", PUB, "tomorrow", "DATE", "2019-10-01", None, "2019-10-01", "2019-10-01", "day"),
    ("It happened two days ago.", PUB, "two days ago", "DATE", "2019-09-28", None, "2019-09-28", "2019-09-28",
     "day"),
    ("Troops left 10 days ago.", "1998-03-22", "10 days ago", "DATE", "1998-03-12", None, "1998-03-12",
     "1998-03-12", "day"),
    ("They met earlier this week.", "1989-11-02", "earlier this week", "DATE", "1989-W44", "START", None, None,
     "part-of-week"),
    # weeks, months, years relative to publication
    ("They met last week.", PUB, "last week", "DATE", "2019-W39", None, "2019-09-23", "2019-09-29", "week"),
    ("Prices fell this month.", PUB, "this month", "DATE", "2019-09", None, "2019-09-01", "2019-09-30", "month"),
    ("Sales rose last month.", "1998-02-27", "last month", "DATE", "1998-01", None, "1998-01-01", "1998-01-31",
     "month"),
    ("They met earlier this month.", PUB, "earlier this month", "DATE", "2019-09", "START", "2019-09-01",
     "2019-09-10", "part-of-month"),
    ("Profit doubled last year.", PUB, "last year", "DATE", "2018", None, "2018-01-01", "2018-12-31", "year"),
    ("It will open next year.", PUB, "next year", "DATE", "2020", None, "2020-01-01", "2020-12-31", "year"),
    ("Output grew this year.", PUB, "this year", "DATE", "2019", None, "2019-01-01", "2019-12-31", "year"),
    ("It closed late last year.", PUB, "late last year", "DATE", "2018", "END", "2018-09-01", "2018-12-31",
     "part-of-year"),
    ("It will be done by the end of the year.", PUB, "the end of the year", "DATE", "2019", "END", "2019-09-01",
     "2019-12-31", "part-of-year"),
    ("Sales rose a year ago.", PUB, "a year ago", "DATE", "2018", None, "2018-01-01", "2018-12-31", "year"),
    ("It fell five months ago.", "1998-03-31", "five months ago", "DATE", "1997-10", None, "1997-10-01",
     "1997-10-31", "month"),
    # months without a year: nearest, unless the tense points the other way
    ("It was seized in March.", PUB, "March", "DATE", "2019-03", None, "2019-03-01", "2019-03-31", "month"),
    ("Elections will be held in March.", PUB, "March", "DATE", "2020-03", None, "2020-03-01", "2020-03-31",
     "month"),
    ("The dividend is payable Jan. 2.", "1989-11-02", "Jan. 2", "DATE", "1990-01-02", None, "1990-01-02",
     "1990-01-02", "day"),
    ("The offer was extended to Nov. 20.", "1989-11-02", "Nov. 20", "DATE", "1989-11-20", None, "1989-11-20",
     "1989-11-20", "day"),
    ("It was worth more in October.", "1998-01-08", "October", "DATE", "1997-10", None, "1997-10-01", "1997-10-31",
     "month"),
    ("Talks begin in early December.", PUB, "early December", "DATE", "2019-12", "START", "2019-12-01",
     "2019-12-10", "part-of-month"),
    ("He resigned in mid-November.", "1989-10-30", "mid-November", "DATE", "1989-11", "MID", "1989-11-11",
     "1989-11-20", "part-of-month"),
    ("It came last December.", "1989-10-30", "last December", "DATE", "1988-12", None, "1988-12-01",
     "1988-12-31", "month"),
    # absolute dates
    ("The deal was signed on 12 March 2018.", PUB, "12 March 2018", "DATE", "2018-03-12", None, "2018-03-12",
     "2018-03-12", "day"),
    ("The deal was signed on March 12, 2018.", PUB, "March 12, 2018", "DATE", "2018-03-12", None, "2018-03-12",
     "2018-03-12", "day"),
    ("The vote is on Friday, April 6.", "2018-06-15", "Friday, April 6", "DATE", "2018-04-06", None, "2018-04-06",
     "2018-04-06", "day"),
    ("The blast came at around 1.30pm today.", PUB, "around 1.30pm today", "TIME", "2019-09-30T13:30", "APPROX",
     "2019-09-30", "2019-09-30", "day"),
    ("By AFP - Sep 30,2019", None, "Sep 30,2019", "DATE", "2019-09-30", None, "2019-09-30", "2019-09-30", "day"),
    ("Filed 2019-09-30.", None, "2019-09-30", "DATE", "2019-09-30", None, "2019-09-30", "2019-09-30", "day"),
    ("Seen on 30/09/2019.", None, "30/09/2019", "DATE", "2019-09-30", None, "2019-09-30", "2019-09-30", "day"),
    ("He flew in August 1988.", PUB, "August 1988", "DATE", "1988-08", None, "1988-08-01", "1988-08-31", "month"),
    ("In 2014 militants seized the town.", PUB, "2014", "DATE", "2014", None, "2014-01-01", "2014-12-31", "year"),
    ("It was seized by the group in 2014.", PUB, "2014", "DATE", "2014", None, "2014-01-01", "2014-12-31", "year"),
    ("It was retaken in late 2017.", PUB, "late 2017", "DATE", "2017", "END", "2017-09-01", "2017-12-31",
     "part-of-year"),
    ("Growth slowed in mid-2015.", PUB, "mid-2015", "DATE", "2015", "MID", "2015-05-01", "2015-08-31",
     "part-of-year"),
    ("It began in early 1990.", PUB, "early 1990", "DATE", "1990", "START", "1990-01-01", "1990-04-30",
     "part-of-year"),
    ("They fought the summer of 2014.", PUB, "the summer of 2014", "DATE", "2014-SU", None, "2014-06-01",
     "2014-08-31", "season"),
    ("It froze in the winter of 2014.", PUB, "the winter of 2014", "DATE", "2014-WI", None, "2014-12-01",
     "2015-02-28", "season"),
    ("It rained last fall.", "1998-02-06", "last fall", "DATE", "1997-FA", None, "1997-09-01", "1997-11-30",
     "season"),
    ("Prices rose in the 1990s.", PUB, "the 1990s", "DATE", "199", None, "1990-01-01", "1999-12-31", "decade"),
    ("Rates peaked in the early 1980s.", PUB, "the early 1980s", "DATE", "198", "START", "1980-01-01",
     "1982-12-31", "part-of-decade"),
    ("It was built in the 1800s.", PUB, "the 1800s", "DATE", "18", None, "1800-01-01", "1899-12-31", "century"),
    ("It was built in the 20th century.", PUB, "the 20th century", "DATE", "19", None, "1900-01-01", "1999-12-31",
     "century"),
    ("in nineteen ninety-six", PUB, "nineteen ninety-six", "DATE", "1996", None, "1996-01-01", "1996-12-31",
     "year"),
    ("Sales for 1994 or later", PUB, "1994 or later", "DATE", "1994", "ON_OR_AFTER", "1994-01-01", "1994-12-31",
     "year"),
    # quarters and halves (financial news)
    ("Profit rose in the third quarter of 2019.", PUB, "the third quarter of 2019", "DATE", "2019-Q3", None,
     "2019-07-01", "2019-09-30", "quarter"),
    ("Third-quarter profit rose.", "1989-11-02", "Third-quarter", "DATE", "1989-Q3", None, "1989-07-01",
     "1989-09-30", "quarter"),
    ("Q3 2019 results", PUB, "Q3 2019", "DATE", "2019-Q3", None, "2019-07-01", "2019-09-30", "quarter"),
    ("Net fell in the quarter.", "1989-11-01", "the quarter", "DATE", "1989-Q3", None, "1989-07-01",
     "1989-09-30", "quarter"),
    ("Sales fell in the first half of 2018.", PUB, "the first half of 2018", "DATE", "2018-H1", None,
     "2018-01-01", "2018-06-30", "part-of-year"),
    # durations
    ("The siege lasted three weeks.", PUB, "three weeks", "DURATION", "P3W", None, None, None, None),
    ("a months-long campaign", PUB, "a months-long", "DURATION", "PXM", None, None, None, None),
    ("It rose over the past two years.", PUB, "the past two years", "DURATION", "P2Y", None, None, None, None),
    ("It lasted two and a half years.", PUB, "two and a half years", "DURATION", "P2Y6M", None, None, None, None),
    ("It took about a decade.", PUB, "about a decade", "DURATION", "P10Y", "APPROX", None, None, None),
    ("He waited for more than four hours.", PUB, "more than four hours", "DURATION", "PT4H", "MORE_THAN", None,
     None, None),
    ("in the next few days", PUB, "the next few days", "DURATION", "PXD", None, None, None, None),
    ("a two-year option", PUB, "two-year", "DURATION", "P2Y", None, None, None, None),
    ("the first nine months", PUB, "the first nine months", "DURATION", "P9M", None, None, None, None),
    # sets
    ("Protests are held every Friday.", PUB, "every Friday", "SET", "XXXX-WXX-5", None, None, None, None),
    ("The board meets each month.", PUB, "each month", "SET", "P1M", None, None, None, None),
    ("It pays $2 million a year.", PUB, "a year", "SET", "P1Y", None, None, None, None),
    # vague references
    ("The border is now open.", PUB, "now", "DATE", "PRESENT_REF", None, "2019-09-30", "2019-09-30", "day"),
    ("Troops are currently deployed.", PUB, "currently", "DATE", "PRESENT_REF", None, "2019-09-30", "2019-09-30",
     "day"),
    ("It was recently sold.", PUB, "recently", "DATE", "PAST_REF", None, None, None, None),
    ("Attacks increased in recent years.", PUB, "recent years", "DATE", "PAST_REF", None, None, None, None),
    ("It may change in the future.", PUB, "the future", "DATE", "FUTURE_REF", None, None, None, None),
    # times of day
    ("The curfew starts at 5 p.m. on Friday.", PUB, "5 p.m. on Friday", "TIME", "2019-09-27T17:00", None,
     "2019-09-27", "2019-09-27", "day"),
    ("Shots were heard last night.", PUB, "last night", "TIME", "2019-09-29TNI", None, "2019-09-29", "2019-09-29",
     "day"),
    ("He spoke this morning.", PUB, "this morning", "TIME", "2019-09-30TMO", None, "2019-09-30", "2019-09-30",
     "day"),
    # no publication date: anchor-dependent values stay underspecified
    ("They attacked on Monday.", None, "Monday", "DATE", "XXXX-WXX-1", None, None, None, None),
    ("He arrived yesterday.", None, "yesterday", "DATE", "XXXX-XX-XX", None, None, None, None),
    ("It was seized in March.", None, "March", "DATE", "XXXX-03", None, None, None, None),
    ("It was seized in 2014.", None, "2014", "DATE", "2014", None, "2014-01-01", "2014-12-31", "year"),
]


@pytest.mark.parametrize(("text", "published", "span", "type_", "value", "mod", "start", "end", "precision"),
                         CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in CASES])
def test_expression(text: str, published: str | None, span: str, type_: str, value: str, mod: str | None,
                    start: str | None, end: str | None, precision: str | None) -> None:
    found = {t.text: t for t in tag(text, published)}
    assert span in found, f"{span!r} not found in {list(found)}"
    t = found[span]
    assert text[t.start:t.end] == t.text
    assert (t.type, t.value, t.mod) == (type_, value, mod)
    if precision is not None and start is None:
        assert t.precision == precision
    else:
        assert (t.start_date, t.end_date, t.precision) == (start, end, precision)


@pytest.mark.parametrize("text", [
    "Theresa May said 2000 people came.",
    "You may go, he said.",
    "The march went on.",
    "It costs $1990 and 1,995 units, or 2000 troops.",
    "He won a second term.",
    "Iraq imports about three-quarters of its food.",
    "Nearly one-quarter voted at 914 Second Avenue.",
    "Mr. Reupke, 52 years old, resigned.",
    "Some 2000 protesters and the 1500-strong force.",
])
def test_not_a_time_expression(text: str) -> None:
    assert tag(text, PUB) == []
