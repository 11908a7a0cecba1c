"""The grammar: one regular expression per kind of date expression, each with its resolver."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from claimex.dates.calendar_dates import (
    _day_of_month,
    _decade,
    _iso_day,
    _iso_month,
    _mixed_parts,
    _month_alone,
    _month_day,
    _month_day_range,
    _month_year,
    _nth_month_of,
    _nth_weekday_of,
    _numeric_day,
    _numeric_month_day,
    _numeric_month_year,
    _season,
    _weekday_reading,
    _year,
    _year_in_words,
    _year_range,
)
from claimex.dates.holiday_dates import _holiday
from claimex.dates.lexicon import _alternation, _fragments, _g, _lexicon
from claimex.dates.relative_dates import (
    _relative_day,
    _relative_shift,
    _relative_unit,
    _set,
    _unit_around,
    _upcoming_count,
    _week_possessive,
    _weekday_count,
)
from claimex.dates.required_text import required_text
from claimex.dates.values import Context, DateReading


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    resolve: Callable[[re.Match, Context], Optional[DateReading]]
    required: Optional[re.Pattern]  # finds a part of every match (see required_text); None: not known


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[Pattern, ...]:
    f = _fragments()
    mod = rf"(?:(?P<mod>{f['modifier']})(?: *- *| +)(?:in +|of +)?(?:the +)?)?"
    year_or_short = rf"(?:{_g('y', 'year')}|'(?P<yy>\d\d)(?!\d))"
    trailing_short_year = r"(?P<yt>\d\d)(?=\s*(?:[.,;:)]|$))"
    rel_words = "this|current|next|last|previous|following|coming"
    seasons = _alternation(_lexicon()["seasons"])
    day_words = _alternation(_lexicon()["ordinals"]) + "|" + f["number"]
    rules: list[tuple[str, Callable]] = [
        (r"(?<![\d/.])(?<!\d-)(?P<y>\d{4})(?P<s>[-/])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>0?[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/])",
         _iso_day),
        (r"(?<![\d/.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d])", _iso_day),
        (r"(?<![\d/.-])(?P<y>(?:1[0-9]|20)\d\d)[-/](?P<m>0[1-9]|1[0-2]|[1-9])(?![\d/-])", _iso_month),
        (r"(?<![\d/.-])(?P<a>\d{1,2})(?P<s> ?/ ?|-|\.)(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)",
         _numeric_day),
        (r"(?<![\d/.-])(?P<a>\d{1,2}) ?/ ?(?P<b>\d{1,2})(?![\d/]|\.\d)", _numeric_month_day),
        (r"(?<![\d/.-])(?P<m>0?[1-9]|1[0-2])[-/](?P<y>(?:1[0-9]|20)\d\d)(?![\d/-])", _numeric_month_year),
        (rf"(?P<p1>{f['month']}|\d{{1,4}})(?P<s>[-/])(?P<p2>{f['month']}|\d{{1,4}})(?:(?P=s)(?P<p3>{f['month']}|\d{{1,4}}))?"
         r"(?![\w/-])", _mixed_parts),
        (rf"(?:{_g('w1', 'weekday')},? +)?{_g('m', 'month')} *(?:the +)?{_g('d', 'day')}"
         rf"(?:(?: *, *| +(?:of +|in +)?){year_or_short}| (?:of +)?{trailing_short_year}"
         rf"|,? +(?P<ywords>{f['year_words']}))?(?:,? +{_g('w2', 'weekday')})?", _month_day),
        (rf"{_g('m', 'month')} +(?P<d>{day_words}) +(?P<ywords>{f['year_words']})", _month_day),
        (rf"(?P<day_first>)(?P<d>{day_words}) +{_g('m', 'month')} +(?P<ywords>{f['year_words']})", _month_day),
        (rf"(?P<day_first>)(?:{_g('w1', 'weekday')},? +)?(?:the +)?{_g('d', 'day')}(?: +(?P<of>of) +| *[-/] *| *)"
         rf"{_g('m', 'month')}(?:(?:,? +(?:of +|in +)?|[-/]){_g('y', 'year')}|[-/ ](?:of +)?{trailing_short_year}"
         rf"|,? +(?P<ywords>{f['year_words']}))?", _month_day),
        (rf"{mod}{_g('m', 'month')},? +(?:of +)?(?:{_g('y', 'year')}|(?<=of )'?(?P<yt>\d\d)(?![\d:])|'(?P<yy>\d\d)(?!\d)"
         rf"|(?P<ywords>{f['year_words']}))", _month_year),
        (rf"{_g('y', 'year')} +{_g('m', 'month')}(?![a-z])(?! +\d)", _month_year),
        (rf"(?:(?<=in )|(?<=of )|(?<=by )|(?<=since )|(?<=until ))(?P<ywords>{f['year_words']})", _year_in_words),
        (rf"(?:(?P<rel>next|last|this|coming|past|previous) +)?{mod}{_g('m', 'month')}(?P<after> +after +next)?"
         rf"(?: +(?P<shift>in +{f['duration']}|{f['duration']} +(?:ago|hence|from +now)))?", _month_alone),
        (rf"(?:the +)?{mod}(?:the +)?(?P<season>{seasons})(?![a-z])(?:(?: +of)?,? +{_g('y', 'year')}"
         rf"|,? +(?:of +)?(?P<ywords>{f['year_words']}))", _season),
        (rf"(?P<rel>this|last|next|past|previous|coming) +{mod}(?P<season>{seasons})(?![a-z])", _season),
        (rf"{mod}{_g('y', 'year')}(?: *(?P<era>a\.d\.|b\.c\.(?:e\.)?|c\.e\.|ad|bce?|ce)(?![a-z]))?", _year),
        (r"(?<![\d,.])(?P<y>\d{1,4}) *(?P<era>a\.d\.|b\.c\.(?:e\.)?|c\.e\.|ad|bce?|ce)(?![a-z])",
         _year),
        (rf"(?:the +)?{mod}(?:(?P<c>1[0-9]|20)|')(?P<dd>\d)0'?s(?![a-z])", _decade),
        (rf"(?:(?P<rel>last|next|this|coming|past|previous|following) +)?(?P<w>{f['weekday']})"
         rf"(?: +(?:{f['part_of_day']}))?"
         rf"(?: +(?:of +|from +)?(?:the +)?(?P<wrel>this|next|last|previous|coming) +week|(?P<after> +after +next)"
         rf"| +(?:the +)?{_g('d', 'day')}(?! *(?:of\b|-|/|{f['month']})))?", _weekday_reading),
        (rf"(?P<wrel>last|next|this) +week'?s +(?P<w>{f['weekday']})", _week_possessive),
        (rf"(?<![a-z])(?P<rd>(?:the +)?day +after +tomorrow|(?:the +)?day +before +yesterday|today|tonight|yesterday"
         rf"|tomorrow|tmrw|tmr|just +now|right +now|till +date|this +(?:morning|afternoon|evening)|last +night)(?![a-z])"
         rf"(?: +(?:{f['part_of_day']})(?![a-z]))?", _relative_day),
        (rf"(?<![a-z]){mod}(?:the +)?(?:(?P<rel>last|past|previous|this|current|next|coming|following) +"
         rf"(?P<unit>week|weekend|month|calendar +year|year|yr|decade)(?P<plural>s(?= +[a-z]))?"
         rf"|(?P<unit2>week|month|year) +(?P<ba>before +last|after +next)|(?P<unit3>week|month|year)(?P<end>[- ]end)?)"
         r"(?![a-z])", _relative_unit),
        (r"(?<![a-z])the +(?:(?P<unit>day|week|month|year) +(?P<post>before|after)"
         r"|(?P<rel>next|following|previous) +(?:day|morning|afternoon|evening|night))(?![a-z])", _unit_around),
        (rf"(?:(?P<on>on) +)?(?:(?P<the>the) +)?{_g('d', 'day')}(?: +day)?"
         rf"(?: +of +(?:the +)?(?P<mrel>{rel_words}) +month)?", _day_of_month),
        (rf"(?:the +)?(?P<ord>{_alternation(_lexicon()['ordinals'])}|last|[1-5](?:st|nd|rd|th))(?: +(?P<last>last))?"
         rf" +(?:(?P<w>{f['weekday']})|day) +(?:of|in) +(?:(?:the +)?(?P<mrel>{rel_words})? *month"
         rf"|{_g('m', 'month')}(?:,? +{_g('y', 'year')})?)", _nth_weekday_of),
        (rf"(?:the +)?(?P<ord>{_alternation(_lexicon()['ordinals'])}|1[0-2]th|[1-9](?:st|nd|rd|th)) +month +of +"
         rf"(?:(?:the +)?(?P<yrel>this|next|last|previous|following) +year|(?:the +year +)?{_g('y', 'year')})",
         _nth_month_of),
        (rf"(?:(?P<rel>last|next|this|coming|past|previous|following|upcoming) +)?(?P<h>{f['holiday']})(?![a-z])"
         rf"(?:(?: +of)? +(?P<yrel>this|next|last) +year|,? +(?:in +)?{_g('y', 'year')}"
         rf"|,? +(?:in +)?(?P<ywords>{f['year_words']})"
         rf"| +(?P<shift>in +{f['duration']}|{f['duration']} +(?:ago|hence|from +now)))?", _holiday),
        (rf"(?<![a-z])(?:(?P<pre>(?:the +)?(?:past|last|previous|next|coming|upcoming)|in|within|after) +)?"
         rf"(?:now *(?P<nowsign>[+-]) *)?(?P<dur>{f['duration']})"
         rf"(?: +(?P<post>ago|back|before|earlier|hence|later|after|from +now|from +today|from|since)(?![a-z]))?",
         _relative_shift),
        (rf"(?P<n>{f['number']}) +(?P<w>{f['weekday']}) +(?P<post>ago|back|from +now)", _weekday_count),
        (rf"(?:the +)?(?P<n>{f['number']}) +(?:upcoming|coming) +(?P<u>{f['unit']})(?![a-z])", _upcoming_count),
        (rf"(?:every|each) +(?P<other>other +)?(?:(?P<w>{f['weekday']})|{_g('m', 'month')}"
         rf"|(?P<every>{f['number']} +{f['unit']})|(?P<unit1>day|week|month|year|quarter|decade)(?![a-z]))"
         r"|(?<![a-z])(?P<adv>daily|weekly|monthly|yearly|annually|quarterly|biweekly|fortnightly)(?![a-z])", _set),
        (rf"{_g('m', 'month')} +{_g('d', 'day')} *[-–] *(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
         rf"(?:,? +{_g('y', 'year')})?", _month_day_range),
        (rf"{_g('y', 'year')} *[-–] *(?:(?P<y2>(?:1[0-9]|20)\d\d)|(?P<yy2>\d\d))(?![\d])", _year_range),
    ]
    # Matched against lower-cased text; every expression starts at a word start, which the
    # look-around checks first so that other positions are rejected cheaply.
    sources = [r"(?<!\w)(?=[\w+'-])(?:" + rx + ")" for rx, _ in rules]
    return tuple(Pattern(re.compile(source), fn, required_text(source)) for source, (_, fn) in zip(sources, rules))


class _Groups:
    """A match read back from the original text (the patterns run on lower-cased text); missing groups
    read as None, so resolvers can share group names across patterns; 'unit' falls back to 'unit2', then 'unit3'."""

    def __init__(self, m: re.Match, text: str):
        self._m, self._text = m, text

    def __getitem__(self, name: str):
        if name == "unit" and "unit" in self._m.re.groupindex and self._m.start("unit") < 0:
            name = next((n for n in ("unit2", "unit3") if n in self._m.re.groupindex and self._m.start(n) >= 0), name)
        if name not in self._m.re.groupindex or self._m.start(name) < 0:
            return None
        return self._text[self._m.start(name):self._m.end(name)]

    def start(self, *group):
        return self._m.start(*group)

    def end(self, *group):
        return self._m.end(*group)
