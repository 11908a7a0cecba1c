"""Resolvers of calendar expressions, one per pattern: numeric and written dates, months, years, decades,
weekdays, 'the first Monday of March', day and year ranges.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from claimex.dates.lexicon import _lexicon
from claimex.dates.values import (
    DAY_GRAIN,
    FUTURE,
    MONTH_GRAIN,
    PAST,
    Context,
    DateReading,
    When,
    _add_months,
    _pick,
    _reading,
    _safe_date,
    _shift,
)
from claimex.dates.words import (
    DATE_PREPOSITIONS,
    _before,
    _counts_something,
    _day,
    _duration,
    _lower,
    _modifier,
    _month,
    _names_a_year,
    _plausible_name,
    _relative_month,
    _tense,
    _two_digit_year,
    _weekday,
    _year_of,
)


def _absolute_day(year: int, month: int, day: int, time: Optional[dt.time] = None) -> Optional[DateReading]:
    date = _safe_date(year, month, day)
    return _reading(When(date, DAY_GRAIN, time)) if date else None


def _iso_day(m: re.Match, ctx: Context) -> Optional[DateReading]:
    time = dt.time(int(m["H"]), int(m["M"])) if m["H"] else None
    return _absolute_day(int(m["y"]), int(m["m"]), int(m["d"]), time)


def _iso_month(m: re.Match, ctx: Context) -> Optional[DateReading]:
    return _reading(When(dt.date(int(m["y"]), int(m["m"]), 1), MONTH_GRAIN))


def _numeric_day(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """3/5/2017 (US order unless the first number cannot be a month), 10.31.1974, 31-10-74."""
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    if "." in m["s"] and len(y) == 2:
        return None  # version numbers
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.published)
    month, day = (b, a) if a > 12 else (a, b)
    return _absolute_day(year, month, day)


def _numeric_month_day(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """2/15: only when it cannot be a fraction (day above 12) or a date preposition precedes it. An event named by
    its date ('9/11', '26/11': `numeric_event_names` in the lexicon) is that day in its own year."""
    event = _lexicon()["numeric_event_names"].get(f"{m['a']}/{m['b']}")
    if event is not None:
        return DateReading(event, day=dt.date.fromisoformat(event))
    month, day = int(m["a"]), int(m["b"])
    if month > 12 or day > 31 or (day <= 12 and _before(ctx, m.start()) not in DATE_PREPOSITIONS):
        return None
    return _reading(_partial_day(ctx, m, month, day, None))


def _numeric_month_year(m: re.Match, ctx: Context) -> Optional[DateReading]:
    return _reading(When(dt.date(int(m["y"]), int(m["m"]), 1), MONTH_GRAIN))


def _partial_day(ctx: Context, m: re.Match, month: Optional[int], day: int, weekday: Optional[int]) -> Optional[When]:
    """A day without its year (or month): the occurrence nearest the publication date in the verb's
    direction; a named weekday picks the occurrence that falls on it."""
    if ctx.published is None:
        return None
    ref = ctx.published
    direction = _tense(ctx, m.start(), m.end())
    if month is None:  # 'the 15th': this month or a neighbour, upcoming unless told otherwise
        span = range(-12, 13) if weekday is not None else range(-2, 3)
        months = [_add_months(ref.replace(day=1), k) for k in span]
        candidates = [_safe_date(d.year, d.month, day) for d in months]
        direction = direction or FUTURE
    else:
        span = range(-7, 8) if weekday is not None else range(-1, 2)
        candidates = [_safe_date(ref.year + k, month, day) for k in span]
    candidates = [c for c in candidates if c and (weekday is None or c.weekday() == weekday)]
    chosen = _pick(candidates, ref, direction)
    return When(chosen, DAY_GRAIN) if chosen else None


def _month_day(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """March 5, 2017 / 5 March 2017 / the 15th of February / Monday, Feb 18 / Jul 18, Fri."""
    if not _plausible_name(ctx, m, "m", alone=False):
        return None
    if m["day_first"] is not None and not m["of"] and _lower(m["d"]) in _lexicon()["ordinals"]:
        return None  # 'first March' without 'of' is not a date
    month, day = _month(m["m"]), _day(m["d"])
    weekday = next((_weekday(m[g]) for g in ("w1", "w2") if m[g]), None)
    year = _year_of(m, ctx)
    if year is not None:
        return _absolute_day(year, month, day)
    if _safe_date(2000, month, day) is None:
        return None
    return _reading(_partial_day(ctx, m, month, day, weekday))


def _day_of_month(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'on the 15th', 'the 24', '20th of next month'."""
    day, rest = _day(m["d"]), ctx.text[m.end():m.end() + 20]
    if m["mrel"]:
        base = _relative_month(m["mrel"], ctx.published)
        date = base and _safe_date(base.year, base.month, day)
        return _reading(When(date, DAY_GRAIN) if date else None) if base is None or date else None
    is_word = _lower(m["d"]) in _lexicon()["ordinals"]
    has_suffix = bool(re.search(r"(st|nd|rd|th)$", m["d"], re.I))
    sentence_ends = re.match(r"\s*(?:[.,;:!?)]|$)", rest) is not None
    if is_word and not (m["on"] and m["the"] and sentence_ends):
        return None
    if not is_word and not ((has_suffix or sentence_ends) and (m["the"] or m["on"])):
        return None
    if re.match(r"\s+[a-z]", rest) and not sentence_ends:
        return None  # 'the 15th century', 'the 24 members'
    return _reading(_partial_day(ctx, m, None, day, None))


def _month_year(m: re.Match, ctx: Context) -> Optional[DateReading]:
    if not _plausible_name(ctx, m, "m", alone=False):
        return None
    year = _year_of(m, ctx)
    return _reading(When(dt.date(year, _month(m["m"]), 1), MONTH_GRAIN), _modifier(m["mod"])) if year else None


def _month_alone(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'in January', 'next March', 'mid-March', 'March after next', 'March in 1 year'."""
    if not _plausible_name(ctx, m, "m", alone=True):
        return None
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper() and not (m["rel"] or m["mod"]) \
            and _before(ctx, m.start()) not in DATE_PREPOSITIONS and m.start() > 0:
        return None
    modifier = _modifier(m["mod"])
    ref = ctx.published
    if ref is None:
        return DateReading(None, modifier=modifier)
    month = _month(m["m"])
    this_month = ref.replace(day=1)
    if m["shift"]:
        shifted = _shift(ref, _duration(m["shift"]), -1 if re.search(r"\bago\b", m["shift"], re.I) else 1)
        return _reading(When(dt.date(shifted.day.year, month, 1), MONTH_GRAIN), modifier)
    candidates = [dt.date(ref.year + k, month, 1) for k in range(-2, 3)]
    rel = _lower(m["rel"])
    if rel == "this":
        chosen = dt.date(ref.year, month, 1)
    elif rel in ("next", "coming") or m["after"]:
        chosen = _pick(candidates, this_month, FUTURE, strict=True)
        if m["after"]:
            chosen = dt.date(chosen.year + 1, month, 1)
    elif rel in ("last", "past", "previous"):
        chosen = _pick(candidates, this_month, PAST, strict=True)
    else:
        chosen = _pick(candidates, this_month, _tense(ctx, m.start(), m.end()))
    return _reading(When(chosen, MONTH_GRAIN), modifier)


ERAS_BEFORE_CHRIST = ("bc", "b.c.", "bce", "b.c.e.")


def _year(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'2017', 'in 2014 AD', 'early 2017', 'mid-2017'."""
    year, era = int(m["y"]), m["era"]
    if era:
        if not (era.isupper() or "." in era):
            return None
        if _lower(era) in ERAS_BEFORE_CHRIST or era.lower() in ERAS_BEFORE_CHRIST:
            year = 1 - year
    elif not m["mod"] and not _names_a_year(ctx, m.start("y"), m.end("y")):
        return None
    value = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return DateReading(value, modifier=_modifier(m["mod"]), day=dt.date(year, 1, 1) if year > 0 else None)


def _decade(m: re.Match, ctx: Context) -> Optional[DateReading]:
    century = int(m["c"]) if m["c"] else 19
    return DateReading(f"{century}{m['dd']}", modifier=_modifier(m["mod"]))


def _weekday_reading(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'Tuesday', 'last Sunday', 'next Wednesday', 'Friday after next', 'Tuesday the 19th',
    'Monday of this week'; plural 'Mondays' is a set."""
    word = _lower(m["w"])
    weekday = _weekday(word)
    plural = word not in _lexicon()["weekdays"]
    if plural and len(word) <= 5:
        return None  # 'suns', 'weds': not plural weekdays
    if not _plausible_name(ctx, m, "w", alone=not (m["rel"] or m["wrel"] or m["d"])):
        return None
    if plural:
        return DateReading(f"XXXX-WXX-{weekday + 1}", kind="set")
    if m["d"]:
        return _reading(_partial_day(ctx, m, None, _day(m["d"]), weekday))
    ref = ctx.published
    if ref is None:
        return DateReading(None)
    monday = ref - dt.timedelta(days=ref.weekday())
    rel, week_rel = _lower(m["rel"]), _lower(m["wrel"])
    if week_rel:
        offset = {"next": 7, "coming": 7, "last": -7, "previous": -7}.get(week_rel, 0)
        return _reading(When(monday + dt.timedelta(days=offset + weekday), DAY_GRAIN))
    if rel in ("next", "following"):  # the one in next week, or, told after a date, the first after it
        reading = _reading(When(monday + dt.timedelta(days=7 + weekday), DAY_GRAIN))
        if rel == "following" or (_before(ctx, m.start()) == "the" and _tense(ctx, m.start(), m.end()) == PAST):
            reading.anaphoric_weekday = weekday  # 'the following Monday', 'went back the next Tuesday'
        return reading
    candidates = [ref + dt.timedelta(days=k) for k in range(-14, 15)]
    candidates = [c for c in candidates if c.weekday() == weekday]
    if rel in ("last", "past", "previous"):
        return _reading(When(_pick(candidates, ref, PAST, strict=True), DAY_GRAIN))
    direction = FUTURE if rel in ("this", "coming") or m["after"] else _tense(ctx, m.start(), m.end()) or FUTURE
    chosen = _pick(candidates, ref, direction, strict=direction == FUTURE)
    if m["after"]:
        chosen += dt.timedelta(days=7)
    return _reading(When(chosen, DAY_GRAIN))


def _nth_weekday_of(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'the first Monday of March', 'last Sunday of March 2014', 'last day of October', '20th day of...'"""
    if m["m"]:
        if not _plausible_name(ctx, m, "m", alone=False):
            return None
        month, year = _month(m["m"]), _year_of(m, ctx)
        if year is None:
            if ctx.published is None:
                return DateReading(None)
            this_month = ctx.published.replace(day=1)
            candidates = [dt.date(ctx.published.year + k, month, 1) for k in (-1, 0, 1)]
            # a calendar rule like a holiday's: the coming occurrence unless the verb is in the past
            year = _pick(candidates, this_month, _tense(ctx, m.start(), m.end()) or FUTURE).year
    else:
        base = _relative_month(m["mrel"] or "this", ctx.published)
        if base is None:
            return DateReading(None)
        year, month = base.year, base.month
    last_day = calendar.monthrange(year, month)[1]
    days = [dt.date(year, month, d) for d in range(1, last_day + 1)]
    if m["w"]:
        days = [d for d in days if d.weekday() == _weekday(m["w"])]
    ordinal = _lower(m["ord"])
    if ordinal == "last":
        index = -1
    else:
        index = _day(ordinal) - 1
        if m["last"]:
            index = -index - 1
    if not -len(days) <= index < len(days):
        return None
    return _reading(When(days[index], DAY_GRAIN))


def _month_day_range(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'March 3-5, 2017'."""
    if not _plausible_name(ctx, m, "m", alone=False):
        return None
    month, first, last = _month(m["m"]), _day(m["d"]), _day(m["d2"])
    if last <= first:
        return None
    year = _year_of(m, ctx)
    if year is None:
        start = _partial_day(ctx, m, month, first, None)
        if start is None:
            return DateReading(None, kind="range")
        year = start.day.year
    low, high = _safe_date(year, month, first), _safe_date(year, month, last)
    if not (low and high):
        return None
    return DateReading(f"{low.isoformat()}/{high.isoformat()}", kind="range")


def _year_range(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'2010-2015', '2010-15'."""
    first = int(m["y"])
    last = int(m["y2"]) if m["y2"] else first // 100 * 100 + int(m["yy2"])
    if last <= first or _counts_something(ctx, m.start(), m.end()):
        return None
    return DateReading(f"{first}/{last}", kind="range")


def _season(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'the summer of 2022', 'winter 2019', 'last summer', 'this autumn': a range of whole months, the
    meteorological season of the northern hemisphere ('2022-06/2022-08'); a winter runs from the December of
    its year ('winter 2019' is 2019-12/2020-02)."""
    first_month = _lexicon()["seasons"][_lower(m["season"])]
    modifier = _modifier(m["mod"])
    year = _year_of(m, ctx)
    if year is None:
        ref = ctx.published
        if ref is None:
            return DateReading(None, kind="range", modifier=modifier)
        current = max(s for s in (dt.date(ref.year + k, first_month, 1) for k in (-1, 0)) if s <= ref)
        running = ref < _add_months(current, 3)
        shift = {"this": 0 if running else 12, "last": -12 if running else 0, "past": -12 if running else 0,
                 "previous": -12 if running else 0, "next": 12, "coming": 0 if not running else 12}[_lower(m["rel"])]
        start = _add_months(current, shift)
    else:
        start = dt.date(year, first_month, 1)
    end = _add_months(start, 2)
    return DateReading(f"{start:%Y-%m}/{end:%Y-%m}", kind="range", modifier=modifier, day=start)


def _mixed_parts(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """A month name joined to numbers by hyphens or slashes, in any order: 'Sep-23-2020', '2020/Sep/23',
    '23-2020-September', '2019-aug-1', 'Dec-2018'. Exactly one month name and one four-digit year."""
    parts = [p for p in (m["p1"], m["p2"], m["p3"]) if p]
    names = [p for p in parts if not p.isdigit()]
    years = [p for p in parts if p.isdigit() and len(p) == 4]
    days = [p for p in parts if p.isdigit() and len(p) <= 2]
    if len(names) != 1 or len(years) != 1 or len(days) != len(parts) - 2 or not 1000 <= int(years[0]) <= 2199:
        return None
    if not _plausible_name(ctx, m, "p1" if m["p1"] == names[0] else "p2" if m["p2"] == names[0] else "p3", alone=False):
        return None
    month = _month(names[0])
    if not days:
        return _reading(When(dt.date(int(years[0]), month, 1), MONTH_GRAIN))
    return _absolute_day(int(years[0]), month, int(days[0]))


def _year_in_words(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'in two thousand and twenty', 'since nineteen eighty six'."""
    year = _year_of(m, ctx)
    return DateReading(f"{year:04d}", day=dt.date(year, 1, 1)) if year else None


def _nth_month_of(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'the third month of 2021', 'the 9th month of next year'."""
    month = _day(m["ord"])
    year = _year_of(m, ctx)
    if year is None and m["yrel"] and ctx.published:
        year = ctx.published.year + {"next": 1, "following": 1, "last": -1, "previous": -1}.get(_lower(m["yrel"]), 0)
    if not 1 <= month <= 12 or year is None:
        return None if not 1 <= month <= 12 else DateReading(None)
    return _reading(When(dt.date(year, month, 1), MONTH_GRAIN))
