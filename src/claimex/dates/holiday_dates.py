"""Holidays: the Gregorian and Easter ones from the lexicon's rules, those of other calendars from
well-kept libraries.

Those libraries are imported only when such a name is found (none is needed to import claimex) and
cached per year: `holidays` (country tables: India's Hindu and Sikh festivals, ...), hijridate (the
Umm al-Qura Islamic calendar) and convertdate (the Hebrew calendar). Which holiday reads which table
is data: models/dates_holidays.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Optional

from claimex.dates.lexicon import _calendar_holidays, _lexicon
from claimex.dates.values import DAY_GRAIN, FUTURE, PAST, UNKNOWN, Context, DateReading, When, _pick, _reading, _shift
from claimex.dates.words import _duration, _lower, _tense, _year_of


def _lexicon_holiday_day(name: str, year: int) -> Optional[dt.date]:
    """Holidays of the Gregorian calendar and of Easter, from the lexicon's rules."""
    lex = _lexicon()
    for pattern, (month, day) in lex["fixed_holidays"].items():
        if re.fullmatch(pattern, name):
            return dt.date(year, month, day)
    for pattern, rule in lex["weekday_holidays"].items():
        if re.fullmatch(pattern, name):
            month, weekday, nth, *after = rule
            days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
            days = [d for d in days if d.weekday() == weekday]
            return days[nth if nth < 0 else nth - 1] + dt.timedelta(days=after[0] if after else 0)
    for table, easter in (("easter_holidays", _easter), ("orthodox_easter_holidays", _orthodox_easter)):
        for pattern, offset in lex[table].items():
            if re.fullmatch(pattern, name):
                return easter(year) + dt.timedelta(days=offset)
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Julian computus, shown in the Gregorian calendar)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return dt.date(year, month, day + 1) + dt.timedelta(days=year // 100 - year // 400 - 2)


HolidayDays = list[tuple[dt.date, Optional[dt.date]]]  # (first day, last day of a festival period or None)


@functools.lru_cache(maxsize=64)
def _country_holidays(country: str, year: int) -> dict[str, tuple[dt.date, ...]]:
    """The `holidays` package's holidays of `country` in `year`, every category, English names -> the first day
    of each run of days carrying the name (several holidays on one day are joined with '; ')."""
    import warnings

    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # years outside a country's table warn, and give no days
        categories = holidays.country_holidays(country).supported_categories
        table = dict(holidays.country_holidays(country, years=year, categories=categories, language="en_US"))
    runs: dict[str, list[dt.date]] = {}
    for day in sorted(table):
        previous = table.get(day - dt.timedelta(days=1), "").split("; ")
        for name in table[day].split("; "):
            if name not in previous:
                runs.setdefault(name, []).append(day)
    return {name: tuple(days) for name, days in runs.items()}


def _hijri_day(year: int, month: int, day: int) -> Optional[dt.date]:
    from hijridate import Hijri

    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):  # outside the Umm al-Qura tables (1924-2077), or no such day
        return None
    return dt.date(gregorian.year, gregorian.month, gregorian.day)


def _hebrew_day(year: int, month, day: int) -> Optional[dt.date]:
    import warnings

    from convertdate import hebrew

    if month == "adar":
        month = 13 if hebrew.leap(year) else 12
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # raised inside convertdate 2.4+, not by this call
        return dt.date(*hebrew.to_gregorian(year, month, day))


def _calendar_year_span(source: str, year: int) -> range:
    """The years of the holiday's own calendar that overlap the Gregorian `year`."""
    if source == "hijri":
        first = int((year - 622) * 33 / 32)
        return range(first - 1, first + 3)
    return range(year + 3759, year + 3762)  # Hebrew years start in autumn


def _moved(day: dt.date, holiday: dict) -> dt.date:
    """Weekend and weekday rules, then the offset."""
    day += dt.timedelta(days=holiday.get("move", {}).get(str(day.weekday()), 0))
    if "last_weekday_before" in holiday:
        day -= dt.timedelta(days=(day.weekday() - holiday["last_weekday_before"] - 1) % 7 + 1)
    return day + dt.timedelta(days=holiday.get("offset", 0))


@functools.lru_cache(maxsize=256)
def _calendar_holiday_days(index: int, year: int) -> tuple[tuple[dt.date, Optional[dt.date]], ...]:
    holiday = _calendar_holidays()[index]
    source = holiday["source"]
    if source == "holidays":
        firsts = _country_holidays(holiday["country"], year).get(holiday["holiday"], ())
        return tuple((_moved(first, holiday), None) for first in firsts)
    if source == "fixed":
        return ((_moved(dt.date(year, holiday["month"], holiday["day"]), holiday), None),)
    to_date = _hijri_day if source == "hijri" else _hebrew_day
    days = []
    for own_year in _calendar_year_span(source, year):
        first = to_date(own_year, holiday["month"], holiday["day"])
        if first is None or _moved(first, holiday).year != year:
            continue
        last = None
        if "end" in holiday:
            end = holiday["end"]
            last = to_date(own_year, end["month"], end["day"])
            last = last and last + dt.timedelta(days=end.get("offset", 0))
        days.append((_moved(first, holiday), last))
    return tuple(days)


def _holiday_days(name: str, year: int) -> HolidayDays:
    """The days (and periods) the holiday `name` falls on in `year`; [] when unknown."""
    day = _lexicon_holiday_day(name, year)
    if day is not None:
        return [(day, None)]
    for index, holiday in enumerate(_calendar_holidays()):
        if re.fullmatch(holiday["names"], name):
            return list(_calendar_holiday_days(index, year))
    return []


def _holiday_reading(days: HolidayDays) -> DateReading:
    if not days:
        return DateReading(None)
    first, last = days[0]
    if last is not None:
        return DateReading(f"{first.isoformat()}/{last.isoformat()}", kind="range", day=first)
    return _reading(When(first, DAY_GRAIN))


SHIFT_BEFORE = re.compile(r"\b(?:after|before|from|since)\s+$", re.I)


def _holiday(m: re.Match, ctx: Context) -> Optional[DateReading]:
    """'Christmas', 'Easter 2010', 'last Thanksgiving', 'MLK day of last year', 'thanksgiving in 9 months',
    'Diwali 2019', 'Eid al-Fitr', 'last Chinese New Year', 'Yom Kippur two thousand eighteen'."""
    name = _lower(m["h"]).replace("’", "'")
    if any(re.fullmatch(pattern, name) for pattern in _lexicon()["unresolved_holidays"]):
        return DateReading(None)  # a festival of several days with no agreed start: recognised, not resolved
    year = _year_of(m, ctx)
    ref = ctx.published
    if year is None and ref is not None:
        if m["yrel"]:
            year = ref.year + {"next": 1, "last": -1}.get(_lower(m["yrel"]), 0)
        elif m["shift"]:
            sign = -1 if re.search(r"\bago\b", m["shift"], re.I) else 1
            year = _shift(ref, _duration(m["shift"]), sign).day.year
    if year is not None:
        return _holiday_reading(_holiday_days(name, year))
    if ref is None:
        return DateReading(None)
    candidates = [days for k in (-1, 0, 1) for days in _holiday_days(name, ref.year + k)]
    rel = _lower(m["rel"])
    if not rel:
        current = [c for c in candidates if c[1] is not None and c[0] <= ref <= c[1]]
        if current:  # 'during Ramadan', written during Ramadan
            return _holiday_reading(current)
    direction = PAST if rel in ("last", "past", "previous") else FUTURE if rel else _tense(ctx, m.start(), m.end())
    if direction == UNKNOWN and not SHIFT_BEFORE.search(ctx.text, 0, m.start()):
        direction = FUTURE  # the coming one; as the object of a shift ('a year after Christmas'), the nearest
    chosen = _pick((first for first, _ in candidates), ref, direction)
    return _holiday_reading([c for c in candidates if c[0] == chosen])
