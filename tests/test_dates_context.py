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
    ("The medal was awarded to the youngest team of the contest on Tuesday in a packed hall.", "Tuesday",
     "2017-03-07"),
    ("The festival was off to a bright start on Saturday night as crowds filled the square.", "Saturday night",
     "2017-03-04"),
    ("The first boat rescued on Friday was turned back twice.", "Friday", "2017-03-03"),
    ("She admitted she was willing to skip class Thursday night.", "Thursday night", "2017-03-02"),
    ("The referendum is to be held on Saturday.", "Saturday", "2017-03-11"),
    ("The council has planned talks, with the first round scheduled to open on March 16.", "March 16", "2017-03-16"),
    ("Officials said the bridge, due to open on March 16, was safe.", "March 16", "2017-03-16"),
    ("The vote is to be held from November 20 to December 11.", "November 20 to December 11",
     "2017-11-20/2017-12-11"),
    # a range keeps its ends in order when only one of them could be in the other year
    ("The show, which opened last month, is to run from February 23 through April 9.",
     "February 23 through April 9", "2017-02-23/2017-04-09"),
    ("The talks were held from December 28 to January 4.", "December 28 to January 4", "2016-12-28/2017-01-04"),
]


@pytest.mark.parametrize("sentence, text, value", TENSES)
def test_dates_take_the_tense_of_their_clause(nlp, sentence, text, value):
    found = values(nlp, sentence)
    assert found.get(text, "missing") == value, found


# dates counted from the date told before them in the text, or from the date they name
ANAPHORA = [
    ("The ferry sank on Saturday night. Divers went back the next Tuesday and found the wreck.", "next Tuesday",
     "2017-03-07"),
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
        ("The backlog must be cleared by year end.", "year end", "2017", "late"),
        ("Sales rose in the middle of the month.", "the middle of the month", "2017-03", "mid"),
        ("The theme of this years parade is the rooster.", "this years", "2017", None),
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
        ("Asked about his votes, he said: Carter in 76, Reagan in 80 and 84, Bush in 88.",
         {"76": "1976", "80": "1980", "84": "1984", "88": "1988"}),
        ("She volunteered at the port during 9/11.", {"9/11": "2001-09-11"}),
        ("The 9/11 attacks changed air travel.", {"9/11": "2001-09-11"}),
    ],
)
def test_short_years_and_events_named_by_their_date(nlp, sentence, expected):
    found = values(nlp, sentence)
    assert {text: found.get(text) for text in expected} == expected, found


ARTICLE = """Lantern festival opens in Taipei

Monday, March 5, 2007

The city's lantern festival was off to a bright start on Saturday night as crowds filled the memorial park to \
watch the mayor switch on the lights.

I visited on Saturday night, the opening night, and the square was packed. I went back the next Tuesday night \
and there was almost no one there. The festival is to run from February 24 through March 11, and the organisers \
plan a second show by the end of the year.

The year before, the festival was held in the rain. This years theme is the pig."""


def test_a_festival_article_dates_each_mention_from_its_context(nlp):
    found = find_dates(nlp(ARTICLE), dt.date(2007, 3, 5))
    got = [(m.text, m.value) for m in found]
    for expected in [("Saturday night", "2007-03-03"), ("next Tuesday night", "2007-03-06"),
                     ("February 24 through March 11", "2007-02-24/2007-03-11"), ("the end of the year", "2007"),
                     ("The year before", "2006"), ("This years", "2007")]:
        assert expected in got, got
