"""Resolvers of expressions relative to publication: 'yesterday', 'last week', 'two years ago', 'the next
three days', 'every Monday'.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from claimex.dates.values import (
    DAY_GRAIN,
    DECADE_GRAIN,
    MONTH_GRAIN,
    PAST,
    WEEK_GRAIN,
    YEAR_GRAIN,
    Context,
    DateReading,
    When,
    _add_months,
    _iso_duration,
    _reading,
    _shift,
)
from claimex.dates.words import _before, _duration, _lower, _modifier, _month, _number, _tense, _token_at, _weekday


def _week_possessive(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """"last week's Sunday"."""
    if ctx.published is None:
        return DateReading(None)
    monday = ctx.published - dt.timedelta(days=ctx.published.weekday())
    offset = {"next": 7, "last": -7}.get(_lower(m["wrel"]), 0)
    return _reading(When(monday + dt.timedelta(days=offset + _weekday(m["w"])), DAY_GRAIN))


RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1, "tmr": 1, "day after tomorrow": 2,
                 "day before yesterday": -2, "just now": 0, "right now": 0, "till date": 0,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1}


def _relative_day(m: re.Match, ctx: Context) -> Optional[DateReading]:
    if ctx.published is None:
        return DateReading(None)
    offset = RELATIVE_DAYS[_lower(re.sub(r"^the\s+", "", m["rd"], flags=re.I))]
    return _reading(When(ctx.published + dt.timedelta(days=offset), DAY_GRAIN))


UNIT_GRAINS = {"week": WEEK_GRAIN, "weekend": WEEK_GRAIN, "month": MONTH_GRAIN, "year": YEAR_GRAIN,
               "yr": YEAR_GRAIN, "decade": DECADE_GRAIN}


SPAN_OPENERS = ("over", "during", "throughout", "for", "within")


def _relative_unit(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'last week', 'this year', 'next month', 'the year before last', 'early next year'; a stretch back from
    publication for 'the past decade' and 'over the past year' (the range, as for 'the past two years'). A bare
    unit is the current one where a part of it is named ('the end of the year', 'year end'); 'this years' (for
    "this year's") is this year, but 'the last years of' no date."""
    modifier, ref = "late" if m["end"] else _modifier(m["mod"]), ctx.published
    unit = _lower(m["unit"]).replace("calendar ", "")
    if unit not in UNIT_GRAINS or (m["plural"] and _lower(m["rel"]) != "this") or (m["unit3"] and not modifier):
        return None
    if ref is None:
        return DateReading(None, modifier=modifier)
    rel = _lower(m["rel"] or m["ba"])
    grain = UNIT_GRAINS[unit]
    if rel in ("last", "past", "previous") and not modifier and (
            grain == DECADE_GRAIN or _before(ctx, m.start()) in SPAN_OPENERS):
        return _span_back(ref, _duration(f"1 {unit}"))  # 'over the past decade', 'during the last year'
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
            "before last": -2, "after next": 2}.get(rel, 0)
    if grain == WEEK_GRAIN:
        return _reading(When(ref + dt.timedelta(weeks=step), WEEK_GRAIN), modifier)
    if grain == MONTH_GRAIN:
        return _reading(When(_add_months(ref.replace(day=1), step), MONTH_GRAIN), modifier)
    if grain == DECADE_GRAIN:
        return _reading(When(dt.date(ref.year // 10 * 10 + 10 * step, 1, 1), DECADE_GRAIN), modifier)
    return _reading(When(dt.date(ref.year + step, 1, 1), YEAR_GRAIN), modifier)


def _unit_around(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'the year before', 'the day after the vote', 'the next day', 'the previous morning': one unit from the date
    before it in the text, or from the date it names ('the day after Christmas'); no value without one."""
    unit = _lower(m["unit"] or "day")
    sign = -1 if _lower(m["post"] or m["rel"]) in ("before", "previous") else 1
    takes_object = m["post"] is not None and re.match(r" +\w", ctx.text[m.end():]) is not None
    return DateReading(None, anaphoric_shift=(_duration(f"1 {unit}"), sign), takes_object=takes_object)


def _superlative_before(ctx: Context, start: int) -> bool:
    """'the first time in two years', 'the highest in a decade': a span back from now, not a date ahead."""
    before = _before(ctx, start, 2).split()
    return bool(before) and (before[0] in ("time", "first", "times") or before[0].endswith("est")
                             or (len(before) > 1 and before[0] in ("high", "low", "level")))


def _relative_shift(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'two years ago', 'in 2 weeks', 'three months from now', 'a week hence', '-1 decade +2 years',
    'now - 1 day'; bare durations: 'P2Y', 'for twenty-one years'.

    A shift anchored on something else has a value only when that anchor is a date: '2 years later' counts
    from the previous date in the text, 'three days after Easter' and '2 weeks from Tuesday' from the
    date that follows; 'nearly forty days after the storm' and a 'later' with no date before it have none."""
    text = m["dur"]
    if re.match(r"\s*-?\s*(?:old|long)\b", ctx.text[m.end():m.end() + 8], re.I):
        return None  # 'two years old'
    if re.fullmatch(r"(?:1\d|2[01])\d\d +[a-z]*[^s]", _lower(text)):
        return None  # 'World Cup 2018 day five': a year before a singular unit counts nothing
    parts = _duration(text)
    pre, post = _lower(m["pre"]), _lower(m["post"])
    if re.search(r"[+-] *\d", text):  # '-1 decade +2 years', 'in 1 decade +2 years': the signs say which way
        return _reading(_shift(ctx.published, parts, 1)) if ctx.published else DateReading(None)
    if pre in ("after", "within"):
        return DateReading(_iso_duration(parts), kind="duration")
    if post in ("before", "after", "from", "since") and re.match(r" +\w", ctx.text[m.end():]):
        return DateReading(None, anaphoric_shift=(parts, -1 if post == "before" else 1), takes_object=True)
    if post in ("later", "after", "earlier", "from", "since"):
        return DateReading(None, anaphoric_shift=(parts, -1 if post == "earlier" else 1))
    if post in ("ago", "back", "before") or m["nowsign"] == "-":
        sign = -1
    elif post in ("hence", "from now", "from today", "from today on") or m["nowsign"] == "+" or pre == "in":
        sign = 1
    elif pre in ("the past", "the last", "past", "last", "the previous", "previous"):
        return _span_back(ctx.published, parts)
    elif pre in ("the next", "next", "the coming", "coming", "upcoming", "the upcoming"):
        return _span_ahead(ctx.published, parts)
    elif _is_whole_line(ctx.text, m.start(), m.end()):
        sign = -1  # a bare '15 hrs' heading an item is a freshness stamp: 15 hours ago
    else:
        if re.fullmatch(r"(?:an?) +\S+", _lower(text)) and _before(ctx, m.start()) != "for":
            return None  # 'once a year', 'a day'
        return DateReading(_iso_duration(parts), kind="duration")
    if pre == "in" and (_superlative_before(ctx, m.start()) or _tense(ctx, m.start(), m.end()) == PAST):
        # 'the first time in two years'; 'they have not had a rise in five years', 'built in two years'
        return DateReading(_iso_duration(parts), kind="duration")
    if ctx.published is None:
        return DateReading(None)
    return _reading(_shift(ctx.published, parts, sign))


def _span_back(published: Optional[dt.date], parts: dict[str, float]) -> DateReading:
    if published is None:
        return DateReading(None, kind="range")
    low = _shift(published, parts, -1).day.isoformat()
    return DateReading(f"{low}/{published.isoformat()}", kind="range")


def _span_ahead(published: Optional[dt.date], parts: dict[str, float]) -> DateReading:
    """'the next two days', 'the coming 2 months', 'two upcoming years': the interval from publication, and
    also the point it runs to, at the unit's precision ('2013-02-14', '2013-04', '2015').

    The range stays the value: the words name a stretch of time. But a span ahead in news is mostly a
    deadline ('a decision is expected in the coming two days' = by the 14th), and Duckling reads these
    phrases as that point alone; so `find_dates` adds a second mention with the same span, kind 'date', whose
    value is the end point. A span back ('the past two years') names no such point and gets none."""
    if published is None:
        return DateReading(None, kind="range")
    end = _shift(published, parts, 1)
    return DateReading(f"{published.isoformat()}/{end.day.isoformat()}", kind="range", end_point=end.iso())


def _upcoming_count(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'two upcoming days', '2 coming weeks'."""
    return _span_ahead(ctx.published, _duration(f"{m['n']} {m['u']}"))


def _is_whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else len(text)].strip(" .")


def _weekday_count(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'3 Fridays from now', '2 Thursdays ago'."""
    count = _number(m["n"])
    if ctx.published is None or count is None:
        return DateReading(None)
    sign = -1 if _lower(m["post"]) in ("ago", "back") else 1
    day, found, weekday = ctx.published, 0, _weekday(m["w"])
    while found < count:
        day += dt.timedelta(days=sign)
        found += day.weekday() == weekday
    return _reading(When(day, DAY_GRAIN))


UNIT_SETS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "decade": "P10Y",
             "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
             "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}


def _set(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'every Monday', 'each March', 'every two years', 'every other week', 'daily'."""
    if m["adv"]:
        token = _token_at(ctx, m.start(), m.end())
        return DateReading(UNIT_SETS[_lower(m["adv"])], kind="set") if token is not None and token.pos_ == "ADV" else None
    if m["w"]:
        return DateReading(f"XXXX-WXX-{_weekday(m['w']) + 1}", kind="set")
    if m["m"]:
        return DateReading(f"XXXX-{_month(m['m']):02d}", kind="set")
    parts = _duration(m["every"]) if m["every"] else _duration("1 " + m["unit1"])
    if m["other"]:
        parts = {u: 2 * v for u, v in parts.items()}
    return DateReading(_iso_duration(parts), kind="set")
