"""Dates read from their context: the tense a weekday or yearless day takes from its clause, dates counted from
the date before them ('the following Monday', 'the year before'), the current year's parts ('the end of the
year'), two-digit years the model tags, and events named by their date ('9/11')."""

from __future__ import annotations

import datetime as dt

import pytest

from claimex.dates import find_dates
from claimex.pipeline import load_pipeline

PUBLISHED = dt.date(2017, 3, 8)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def values(nlp, text: str, published: dt.date = PUBLISHED) -> dict[str, str | None]:
    return {m.text: m.value for m in find_dates(nlp(text), published)}


# (sentence, mention text, value): the verb that dates a weekday may stand far up the parse, or govern it
# through an infinitive or a participle without tense of its own
TENSES = [
    ("The market was off to a slow start on Saturday night as rain kept shoppers at home.", "Saturday night",
     "2017-03-04"),
    ("The lorry seized on Friday was returned to its owner.", "Friday", "2017-03-03"),
    ("He said he was ready to miss work Thursday night for the concert.", "Thursday night", "2017-03-02"),
    ("The referendum is to be held on Saturday.", "Saturday", "2017-03-11"),
    ("The council has planned talks, with the first round scheduled to open on March 16.", "March 16", "2017-03-16"),
    ("Officials said the bridge, due to open on March 16, was safe.", "March 16", "2017-03-16"),
    ("The poll is to take place from October 2 to October 23, officials said.", "October 2 to October 23",
     "2017-10-02/2017-10-23"),
    # a range keeps its ends in order when only one of them could be in the other year
    ("The exhibition, which opened last month, will stay open from February 23 through April 9.",
     "February 23 through April 9", "2017-02-23/2017-04-09"),
    ("The talks were held from December 28 to January 4.", "December 28 to January 4", "2016-12-28/2017-01-04"),
]


@pytest.mark.parametrize("sentence, text, value", TENSES)
def test_dates_take_the_tense_of_their_clause(nlp, sentence, text, value):
    found = values(nlp, sentence)
    assert found.get(text, "missing") == value, found


# dates counted from the date told before them in the text, or from the date they name
ANAPHORA = [
    ("The market got off to a slow start on Saturday night. Shoppers came back the next Tuesday and the stalls were "
     "full.", "next Tuesday", "2017-03-07"),
    ("The talks collapsed on May 2, 2016, and resumed the following Monday.", "following Monday", "2016-05-09"),
    ("The strike began on March 1, 2015. The year before, wages had fallen.", "The year before", "2014"),
    ("The storm hit on June 3. The next day, roads were closed.", "The next day", "2016-06-04"),
    ("He was charged the day after Christmas.", "the day after Christmas", "2016-12-26"),
    ("He was arrested the day after the vote.", "the day after", None),
]


@pytest.mark.parametrize("sentence, text, value", ANAPHORA)
def test_dates_counted_from_an_earlier_date(nlp, sentence, text, value):
    found = values(nlp, sentence)
    assert found.get(text, "missing") == value, found


@pytest.mark.parametrize(
    "sentence, text, value, modifier",
    [
        ("Rules will change by the end of the year.", "the end of the year", "2017", "late"),
        ("The council wants the repairs finished by year end.", "year end", "2017", "late"),
        ("Sales rose in the middle of the month.", "the middle of the month", "2017-03", "mid"),
        ("This years harvest was the largest on record.", "This years", "2017", None),
    ],
)
def test_parts_of_the_current_unit(nlp, sentence, text, value, modifier):
    found = {m.text: (m.value, m.modifier) for m in find_dates(nlp(sentence), PUBLISHED)}
    assert found.get(text) == (value, modifier), found


def test_plural_years_after_last_are_no_date(nlp):
    assert all(value is None for value in values(nlp, "He spent the last years of his life in Paris.").values())


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He listed the races he had run: Boston in 79, Chicago in 83 and 87.", {"83": "1983", "87": "1987"}),
        ("My uncle worked as a firefighter after 9/11.", {"9/11": "2001-09-11"}),
        ("The 9/11 attacks changed air travel.", {"9/11": "2001-09-11"}),
    ],
)
def test_short_years_and_events_named_by_their_date(nlp, sentence, expected):
    found = values(nlp, sentence)
    assert {text: found.get(text) for text in expected} == expected, found


ARTICLE = """Night market reopens in Leeds

Monday, March 5, 2007

The city's night market was off to a slow start on Saturday night as rain kept shoppers at home and half the \
stalls stayed shut.

Traders came back the next Tuesday and the stalls were full by noon. The market is to run from February 24 \
through March 11, and the council plans a second season by the end of the year.

The year before, the market had closed early. This years stalls sell mostly hot food."""


def test_a_market_article_dates_each_mention_from_its_context(nlp):
    found = find_dates(nlp(ARTICLE), dt.date(2007, 3, 5))
    got = [(m.text, m.value) for m in found]
    for expected in [("Saturday night", "2007-03-03"), ("next Tuesday", "2007-03-06"),
                     ("February 24 through March 11", "2007-02-24/2007-03-11"), ("the end of the year", "2007"),
                     ("The year before", "2006"), ("This years", "2007")]:
        assert expected in got, got
