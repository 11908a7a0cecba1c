"""Date mentions with ISO 8601 values.

A small hand-written grammar (regular expressions built from `models/dates_lexicon.json`) finds
date expressions in `doc.text`; spaCy's DATE entities add the ones the grammar misses (value null),
and the parse decides the direction of yearless and weekday dates from the tense of their verb.
Relative expressions resolve against the publication date only, never against the clock. Holidays of
other calendars (Islamic, Hebrew, Hindu, Chinese, ...) take their dates from calendar libraries, listed
in `models/dates_holidays.json` and imported only when such a name is found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.resources import read_lexicon
from claimex.schema import DateMention

YEAR_GRAIN, MONTH_GRAIN, WEEK_GRAIN, DAY_GRAIN, DECADE_GRAIN = "year", "month", "week", "day", "decade"
NOON = dt.time(12)  # the publication time is unknown: assume midday
PAST, UNKNOWN, FUTURE = -1, 0, 1


# ---------------------------------------------------------------- lexicon and regex fragments


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    lex = dict(read_lexicon("dates_lexicon.json"))
    ordinals = dict(lex["ordinal_words"])
    for tens_word, tens in (("twenty", 20), ("thirty", 30)):
        for word, unit in lex["ordinal_words"].items():
            if unit < 10 and tens + unit <= 31:
                ordinals[f"{tens_word}-{word}"] = ordinals[f"{tens_word} {word}"] = tens + unit
    lex["ordinals"] = ordinals
    return lex


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " +") for w in sorted(words, key=len, reverse=True))


def _names(names: dict[str, int], plural: bool = False) -> str:
    """Full names (optionally plural) or abbreviations with an optional dot: 'March', 'Mondays', 'Sept.'."""
    def is_abbreviation(name: str) -> bool:
        return any(other != name and other.startswith(name) and names[other] == names[name] for other in names)

    full = _alternation(n for n in names if not is_abbreviation(n))
    short = _alternation(n for n in names if is_abbreviation(n))
    return rf"(?:{full}){'s?' if plural else ''}(?![a-z])|(?:{short})(?![a-z])\.?"


@functools.lru_cache(maxsize=1)
def _fragments() -> dict[str, str]:
    lex = _lexicon()
    numbers = _alternation(w for w in lex["number_words"])
    number = rf"(?:(?<![\w.,])\d+(?:[.,]\d+)?|(?<![a-z])(?:{numbers})(?![a-z])(?:[- ](?:{numbers})(?![a-z]))?)"
    unit = rf"(?:{_alternation(lex['units'])})"
    part = rf"(?:(?:about|around|nearly|almost|some|over|roughly) +)?{number} *{unit}(?![a-z])"
    return {
        "month": rf"(?<![a-z])(?:{_names(lex['months'])})",
        "weekday": rf"(?<![a-z])(?:{_names(lex['weekdays'], plural=True)})",
        "day": rf"(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])|(?<![a-z])(?:{_alternation(lex['ordinals'])})(?![a-z])",
        "year": r"(?<![\d,.$£€])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)",
        "modifier": rf"(?:{_alternation(lex['modifiers'])})",
        "number": number,
        "unit": unit,
        "duration": rf"(?:(?<![\w+-])[+-] *)?{part}(?:(?: *, *| +)(?:and +)?(?:[+-] *)?{part})*",
        "holiday": "|".join(f"(?:{name})".replace("'", "['’]") for name in _holiday_names()),
        "year_words": rf"two +thousand(?: +and)?(?: +(?P<yw>{numbers})(?:[- ](?P<yw2>{numbers}))?)?(?![a-z])",
        "part_of_day": _alternation(lex["parts_of_day"]),
    }


LEXICON_HOLIDAY_TABLES = ("orthodox_easter_holidays", "easter_holidays", "weekday_holidays", "fixed_holidays",
                          "unresolved_holidays")


@functools.lru_cache(maxsize=1)
def _calendar_holidays() -> tuple[dict, ...]:
    """`models/dates_holidays.json`: holidays of other calendars, each with the source of its dates."""
    return tuple(read_lexicon("dates_holidays.json")["holidays"])


def _holiday_names() -> list[str]:
    """Every holiday name pattern: the lexicon's tables, then the calendar holidays."""
    lex = _lexicon()
    names = [name for table in LEXICON_HOLIDAY_TABLES for name in lex[table]]
    return names + [holiday["names"] for holiday in _calendar_holidays()]


def _g(name: str, fragment: str) -> str:
    """`fragment` wrapped in a named group."""
    return f"(?P<{name}>{_fragments()[fragment]})"


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class When:
    """A resolved point: the day it starts and the precision the text gives."""

    day: dt.date
    grain: str
    time: Optional[dt.time] = None

    def iso(self) -> str:
        y = self.day.year
        if self.grain == DECADE_GRAIN:
            return f"{y // 10:03d}"
        if self.grain == YEAR_GRAIN:
            return f"{y:04d}"
        if self.grain == MONTH_GRAIN:
            return f"{y:04d}-{self.day.month:02d}"
        if self.grain == WEEK_GRAIN:
            iso_year, week, _ = self.day.isocalendar()
            return f"{iso_year:04d}-W{week:02d}"
        if self.time is not None:
            return f"{self.day.isoformat()}T{self.time.hour:02d}:{self.time.minute:02d}"
        return self.day.isoformat()


@dataclass
class Reading:
    """What one match means: a value (or a shift still to be anchored), kind and modifier."""

    value: Optional[str]
    kind: str = "date"
    modifier: Optional[str] = None
    anaphoric_shift: Optional[tuple[dict, int]] = None  # (duration, sign) from the previous date
    takes_object: bool = False  # 'three days after' + a date that follows
    day: Optional[dt.date] = None  # the day an absolute value starts on, to anchor anaphora
    end_point: Optional[str] = None  # a span ahead also reads as the date it runs to (see _span_ahead)


@dataclass
class Context:
    """What a resolver may look at besides its match."""

    text: str
    doc: Optional[Doc]
    published: Optional[dt.date]
    cache: dict = field(default_factory=dict)


def _reading(when: Optional[When], modifier: Optional[str] = None) -> Reading:
    if when is None:
        return Reading(None, modifier=modifier)
    return Reading(when.iso(), modifier=modifier, day=when.day)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: Iterable[dt.date], ref: dt.date, direction: int, strict: bool = False) -> Optional[dt.date]:
    """The candidate nearest `ref` in `direction` (PAST, FUTURE, or UNKNOWN for either side)."""
    pool = list(candidates)
    if direction == PAST:
        pool = [c for c in pool if c < ref or (c == ref and not strict)]
        return max(pool, default=None)
    if direction == FUTURE:
        pool = [c for c in pool if c > ref or (c == ref and not strict)]
        return min(pool, default=None)
    return min(pool, key=lambda c: (abs((c - ref).days), c > ref), default=None)


# ---------------------------------------------------------------- reading the words


def _lower(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip(" .").lower()


def _month(text: str) -> int:
    return _lexicon()["months"][_lower(text)]


def _weekday(text: str) -> int:
    word = _lower(text)
    return _lexicon()["weekdays"].get(word, _lexicon()["weekdays"].get(word[:-1], -1))


def _day(text: str) -> int:
    word = _lower(text)
    if word in _lexicon()["ordinals"]:
        return _lexicon()["ordinals"][word]
    return int(re.match(r"\d+", word).group())


def _number(text: str) -> Optional[float]:
    """'3', '1.5', '0,5', 'two', 'twenty-five', 'a'."""
    word = _lower(text)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", word):
        return float(word.replace(",", "."))
    words = _lexicon()["number_words"]
    if word in words:
        return words[word]
    total = 0
    for piece in re.split(r"[- ]", word):
        if piece not in words:
            return None
        total = total * words[piece] if words[piece] == 100 else total + words[piece]
    return total


def _two_digit_year(yy: int, published: Optional[dt.date]) -> int:
    """The year ending in `yy` closest to the publication year (2000 when unknown)."""
    pivot = published.year if published else 2000
    return min((century + yy for century in (pivot // 100 * 100 - 100, pivot // 100 * 100, pivot // 100 * 100 + 100)),
               key=lambda year: abs(year - pivot))


def _modifier(text: Optional[str]) -> Optional[str]:
    return _lexicon()["modifiers"].get(_lower(text)) if text else None


_DURATION_PART = None


def _duration(text: str) -> dict[str, float]:
    """'1 year, 2 months and 3 days' -> {'Y': 1, 'M': 2, 'D': 3} (decades and fortnights expanded)."""
    global _DURATION_PART
    if _DURATION_PART is None:
        frag = _fragments()
        _DURATION_PART = re.compile(rf"(?P<sign>[+-])? *(?P<n>{frag['number']}) *(?P<u>{frag['unit']})(?![a-z])", re.I)
    parts: dict[str, float] = {}
    sign = 1
    for m in _DURATION_PART.finditer(text):
        sign = -1 if m["sign"] == "-" else 1 if m["sign"] == "+" else sign
        amount, unit = _number(m["n"]), _lexicon()["units"][_lower(m["u"])]
        factor, unit = (int(unit[:-1]), unit[-1]) if unit[:-1].isdigit() else (1, unit)
        if unit == "Q":
            factor, unit = 3 * factor, "M"
        parts[unit] = parts.get(unit, 0) + sign * factor * (amount if amount is not None else 1)
    return parts


def _iso_duration(parts: dict[str, float]) -> str:
    def fmt(n: float) -> str:
        return str(int(n)) if float(n).is_integer() else f"{n:g}"

    date_part = "".join(f"{fmt(abs(parts[u]))}{u}" for u in ("Y", "M", "W", "D") if u in parts)
    time_part = "".join(f"{fmt(abs(parts[u]))}{u[0]}" for u in ("H", "MIN", "S") if u in parts)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _duration_grain(parts: dict[str, float]) -> str:
    if any(u in parts for u in ("W", "D", "H", "MIN", "S")):
        return DAY_GRAIN
    return MONTH_GRAIN if "M" in parts else YEAR_GRAIN


def _shift(anchor: dt.date, parts: dict[str, float], sign: int) -> When:
    """`anchor` (taken at midday) moved by the duration, at the duration's finest grain."""
    months = 12 * parts.get("Y", 0) + parts.get("M", 0)
    whole_months = int(months)
    days = 7 * parts.get("W", 0) + parts.get("D", 0) + 30 * (months - whole_months)
    seconds = days * 86400 + 3600 * parts.get("H", 0) + 60 * parts.get("MIN", 0) + parts.get("S", 0)
    moved = dt.datetime.combine(_add_months(anchor, sign * whole_months), NOON)
    moved += sign * dt.timedelta(seconds=seconds)
    return When(moved.date(), _duration_grain(parts))


# ---------------------------------------------------------------- the parse: tense and word class


def _token_at(ctx: Context, start: int, end: int):
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _tense(ctx: Context, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN: the tense of the verb the expression depends on."""
    token = _token_at(ctx, start, end)
    if token is not None and token.idx < end:  # the date's own words ('sat.') are not its verb
        token = token.head if token.head.i != token.i else None
    for _ in range(4):
        if token is None:
            return UNKNOWN
        if token.pos_ in ("VERB", "AUX"):
            auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")] + [token]
            if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes):
                return FUTURE
            if any(a.tag_ == "VBD" for a in auxes) or (token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
                return PAST
            return UNKNOWN
        if token.head.i == token.i:
            return UNKNOWN
        token = token.head
    return UNKNOWN


def _is_verb(ctx: Context, start: int, end: int) -> bool:
    token = _token_at(ctx, start, end)
    return token is not None and token.pos_ in ("VERB", "AUX")


def _plausible_name(ctx: Context, m: re.Match, group: str, alone: bool) -> bool:
    """False for 'may'/'march' used as verbs, and for 'sat'/'sun'/'wed' standing alone undotted."""
    word = m[group]
    if word is None:
        return True
    bare = _lower(word)
    if bare not in _lexicon()["ambiguous_words"]:
        return True
    if bare in ("may", "march"):
        return not _is_verb(ctx, m.start(group), m.end(group))
    return word.endswith(".") or not alone


def _counts_something(ctx: Context, start: int, end: int) -> bool:
    """True when a number is the count of a noun ('2000 people'), not a year."""
    token = _token_at(ctx, start, end)
    return token is not None and token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i > token.i


def _before(ctx: Context, start: int, words: int = 1) -> str:
    return " ".join(ctx.text[max(0, start - 40):start].lower().split()[-words:])


DATE_PREPOSITIONS = {"on", "by", "until", "till", "through", "since", "from", "before", "after", "of", "in", "during"}


# ---------------------------------------------------------------- resolvers, one per pattern


def _absolute_day(year: int, month: int, day: int, time: Optional[dt.time] = None) -> Optional[Reading]:
    date = _safe_date(year, month, day)
    return _reading(When(date, DAY_GRAIN, time)) if date else None


def _iso_day(m: re.Match, ctx: Context) -> Optional[Reading]:
    time = dt.time(int(m["H"]), int(m["M"])) if m["H"] else None
    return _absolute_day(int(m["y"]), int(m["m"]), int(m["d"]), time)


def _iso_month(m: re.Match, ctx: Context) -> Optional[Reading]:
    return _reading(When(dt.date(int(m["y"]), int(m["m"]), 1), MONTH_GRAIN))


def _numeric_day(m: re.Match, ctx: Context) -> Optional[Reading]:
    """3/5/2017 (US order unless the first number cannot be a month), 10.31.1974, 31-10-74."""
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    if "." in m["s"] and len(y) == 2:
        return None  # version numbers
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.published)
    month, day = (b, a) if a > 12 else (a, b)
    return _absolute_day(year, month, day)


def _numeric_month_day(m: re.Match, ctx: Context) -> Optional[Reading]:
    """2/15: only when it cannot be a fraction (day above 12) or a date preposition precedes it."""
    month, day = int(m["a"]), int(m["b"])
    if month > 12 or day > 31 or (day <= 12 and _before(ctx, m.start()) not in DATE_PREPOSITIONS):
        return None
    return _reading(_partial_day(ctx, m, month, day, None))


def _numeric_month_year(m: re.Match, ctx: Context) -> Optional[Reading]:
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


def _year_of(m: re.Match, ctx: Context) -> Optional[int]:
    """The year group, or a two-digit year ('yy' after an apostrophe, 'yt' at the end)."""
    if m["y"]:
        return int(m["y"])
    if m["ywords"]:  # 'two thousand (and) ten'
        return 2000 + int(_number(" ".join(w for w in (m["yw"], m["yw2"]) if w)) or 0)
    short = m["yy"] or m["yt"]
    return _two_digit_year(int(short), ctx.published) if short else None


def _month_day(m: re.Match, ctx: Context) -> Optional[Reading]:
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


def _day_of_month(m: re.Match, ctx: Context) -> Optional[Reading]:
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


def _relative_month(word: str, published: Optional[dt.date]) -> Optional[dt.date]:
    if published is None:
        return None
    step = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "past": -1}.get(_lower(word), 0)
    return _add_months(published.replace(day=1), step)


def _month_year(m: re.Match, ctx: Context) -> Optional[Reading]:
    if not _plausible_name(ctx, m, "m", alone=False):
        return None
    return _reading(When(dt.date(int(m["y"]), _month(m["m"]), 1), MONTH_GRAIN), _modifier(m["mod"]))


def _month_alone(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'in January', 'next March', 'mid-March', 'March after next', 'March in 1 year'."""
    if not _plausible_name(ctx, m, "m", alone=True):
        return None
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper() and not (m["rel"] or m["mod"]) \
            and _before(ctx, m.start()) not in DATE_PREPOSITIONS and m.start() > 0:
        return None
    modifier = _modifier(m["mod"])
    ref = ctx.published
    if ref is None:
        return Reading(None, modifier=modifier)
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


def _year(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'2017', 'in 2014 AD', 'early 2017', 'mid-2017'."""
    year, era = int(m["y"]), m["era"]
    if era:
        if not (era.isupper() or "." in era):
            return None
        if _lower(era) in ERAS_BEFORE_CHRIST or era.lower() in ERAS_BEFORE_CHRIST:
            year = 1 - year
    elif not m["mod"] and (_counts_something(ctx, m.start("y"), m.end("y")) or not 1000 <= year <= 2099):
        return None
    value = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return Reading(value, modifier=_modifier(m["mod"]), day=dt.date(year, 1, 1) if year > 0 else None)


def _decade(m: re.Match, ctx: Context) -> Optional[Reading]:
    century = int(m["c"]) if m["c"] else 19
    return Reading(f"{century}{m['dd']}", modifier=_modifier(m["mod"]))


def _weekday_reading(m: re.Match, ctx: Context) -> Optional[Reading]:
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
        return Reading(f"XXXX-WXX-{weekday + 1}", kind="set")
    if m["d"]:
        return _reading(_partial_day(ctx, m, None, _day(m["d"]), weekday))
    ref = ctx.published
    if ref is None:
        return Reading(None)
    monday = ref - dt.timedelta(days=ref.weekday())
    rel, week_rel = _lower(m["rel"]), _lower(m["wrel"])
    if week_rel:
        offset = {"next": 7, "coming": 7, "last": -7, "previous": -7}.get(week_rel, 0)
        return _reading(When(monday + dt.timedelta(days=offset + weekday), DAY_GRAIN))
    if rel == "next":  # the one in next week
        return _reading(When(monday + dt.timedelta(days=7 + weekday), DAY_GRAIN))
    candidates = [ref + dt.timedelta(days=k) for k in range(-14, 15)]
    candidates = [c for c in candidates if c.weekday() == weekday]
    if rel in ("last", "past", "previous"):
        return _reading(When(_pick(candidates, ref, PAST, strict=True), DAY_GRAIN))
    direction = FUTURE if rel in ("this", "coming") or m["after"] else _tense(ctx, m.start(), m.end()) or FUTURE
    chosen = _pick(candidates, ref, direction, strict=direction == FUTURE)
    if m["after"]:
        chosen += dt.timedelta(days=7)
    return _reading(When(chosen, DAY_GRAIN))


def _week_possessive(m: re.Match, ctx: Context) -> Optional[Reading]:
    """"last week's Sunday"."""
    if ctx.published is None:
        return Reading(None)
    monday = ctx.published - dt.timedelta(days=ctx.published.weekday())
    offset = {"next": 7, "last": -7}.get(_lower(m["wrel"]), 0)
    return _reading(When(monday + dt.timedelta(days=offset + _weekday(m["w"])), DAY_GRAIN))


RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "day after tomorrow": 2,
                 "day before yesterday": -2, "just now": 0, "right now": 0, "till date": 0,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1}


def _relative_day(m: re.Match, ctx: Context) -> Optional[Reading]:
    if ctx.published is None:
        return Reading(None)
    offset = RELATIVE_DAYS[_lower(re.sub(r"^the\s+", "", m["rd"], flags=re.I))]
    return _reading(When(ctx.published + dt.timedelta(days=offset), DAY_GRAIN))


UNIT_GRAINS = {"week": WEEK_GRAIN, "weekend": WEEK_GRAIN, "month": MONTH_GRAIN, "year": YEAR_GRAIN,
               "yr": YEAR_GRAIN, "decade": DECADE_GRAIN}


def _relative_unit(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'last week', 'this year', 'next month', 'the year before last', 'early next year'."""
    modifier, ref = _modifier(m["mod"]), ctx.published
    unit = _lower(m["unit"])
    if unit not in UNIT_GRAINS:
        return None
    if ref is None:
        return Reading(None, modifier=modifier)
    rel = _lower(m["rel"] or m["ba"])
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
            "before last": -2, "after next": 2}.get(rel, 0)
    grain = UNIT_GRAINS[unit]
    if grain == WEEK_GRAIN:
        return _reading(When(ref + dt.timedelta(weeks=step), WEEK_GRAIN), modifier)
    if grain == MONTH_GRAIN:
        return _reading(When(_add_months(ref.replace(day=1), step), MONTH_GRAIN), modifier)
    if grain == DECADE_GRAIN:
        return _reading(When(dt.date(ref.year // 10 * 10 + 10 * step, 1, 1), DECADE_GRAIN), modifier)
    return _reading(When(dt.date(ref.year + step, 1, 1), YEAR_GRAIN), modifier)


def _nth_weekday_of(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'the first Monday of March', 'last Sunday of March 2014', 'last day of October', '20th day of...'"""
    if m["m"]:
        if not _plausible_name(ctx, m, "m", alone=False):
            return None
        month, year = _month(m["m"]), _year_of(m, ctx)
        if year is None:
            if ctx.published is None:
                return Reading(None)
            this_month = ctx.published.replace(day=1)
            candidates = [dt.date(ctx.published.year + k, month, 1) for k in (-1, 0, 1)]
            # a calendar rule like a holiday's: the coming occurrence unless the verb is in the past
            year = _pick(candidates, this_month, _tense(ctx, m.start(), m.end()) or FUTURE).year
    else:
        base = _relative_month(m["mrel"] or "this", ctx.published)
        if base is None:
            return Reading(None)
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


# ---------------------------------------------------------------- holidays of other calendars
#
# Their dates come from well-kept libraries, imported only when such a name is found (none is needed to
# import claimex) and cached per year: `holidays` (country tables: India's Hindu and Sikh festivals, ...),
# hijridate (the Umm al-Qura Islamic calendar) and convertdate (the Hebrew calendar). Which holiday reads
# which table is data: models/dates_holidays.json.

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


def _holiday_reading(days: HolidayDays) -> Reading:
    if not days:
        return Reading(None)
    first, last = days[0]
    if last is not None:
        return Reading(f"{first.isoformat()}/{last.isoformat()}", kind="range", day=first)
    return _reading(When(first, DAY_GRAIN))


def _holiday(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'Christmas', 'Easter 2010', 'last Thanksgiving', 'MLK day of last year', 'thanksgiving in 9 months',
    'Diwali 2019', 'Eid al-Fitr', 'last Chinese New Year', 'Yom Kippur two thousand eighteen'."""
    name = _lower(m["h"]).replace("’", "'")
    if any(re.fullmatch(pattern, name) for pattern in _lexicon()["unresolved_holidays"]):
        return Reading(None)  # a festival of several days with no agreed start: recognised, not resolved
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
        return Reading(None)
    candidates = [days for k in (-1, 0, 1) for days in _holiday_days(name, ref.year + k)]
    rel = _lower(m["rel"])
    if not rel:
        current = [c for c in candidates if c[1] is not None and c[0] <= ref <= c[1]]
        if current:  # 'during Ramadan', written during Ramadan
            return _holiday_reading(current)
    direction = PAST if rel in ("last", "past") else FUTURE if rel else _tense(ctx, m.start(), m.end()) or FUTURE
    chosen = _pick((first for first, _ in candidates), ref, direction)
    return _holiday_reading([c for c in candidates if c[0] == chosen])


def _superlative_before(ctx: Context, start: int) -> bool:
    """'the first time in two years', 'the highest in a decade': a span back from now, not a date ahead."""
    before = _before(ctx, start, 2).split()
    return bool(before) and (before[0] in ("time", "first", "times") or before[0].endswith("est")
                             or (len(before) > 1 and before[0] in ("high", "low", "level")))


def _relative_shift(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'two years ago', 'in 2 weeks', 'three months from now', 'a week hence', '-1 decade +2 years',
    'now - 1 day', '2 years later' (from the previous date in the text); bare durations: 'P2Y'."""
    text = m["dur"]
    if re.match(r"\s*-?\s*(?:old|long)\b", ctx.text[m.end():m.end() + 8], re.I):
        return None  # 'two years old'
    parts = _duration(text)
    pre, post = _lower(m["pre"]), _lower(m["post"])
    if re.search(r"[+-]", text):  # '-1 decade +2 years', 'in 1 decade +2 years': the signs say which way
        return _reading(_shift(ctx.published, parts, 1)) if ctx.published else Reading(None)
    if pre in ("after", "within"):
        return Reading(_iso_duration(parts), kind="duration")
    if post == "before" and re.match(r" +\S", ctx.text[m.end():]):
        anchored = _reading(_shift(ctx.published, parts, -1)) if ctx.published else Reading(None)
        anchored.anaphoric_shift, anchored.takes_object = (parts, -1), True
        return anchored
    if post in ("ago", "back", "before") or m["nowsign"] == "-":
        sign = -1
    elif post in ("hence", "from now", "from today", "from today on") or m["nowsign"] == "+" or pre == "in":
        sign = 1
    elif post in ("later", "after", "earlier"):
        sign = 1 if post in ("later", "after") else -1
        anchored = _reading(_shift(ctx.published, parts, sign)) if ctx.published else Reading(None)
        anchored.anaphoric_shift = (parts, sign)
        anchored.takes_object = post == "after"
        return anchored
    elif pre in ("the past", "the last", "past", "last", "the previous", "previous"):
        return _span_back(ctx.published, parts)
    elif pre in ("the next", "next", "the coming", "coming", "upcoming", "the upcoming"):
        return _span_ahead(ctx.published, parts)
    elif _is_whole_line(ctx.text, m.start(), m.end()):
        sign = -1  # a bare '15 hrs' heading an item is a freshness stamp: 15 hours ago
    else:
        if re.fullmatch(r"(?:an?) +\S+", _lower(text)) and _before(ctx, m.start()) != "for":
            return None  # 'once a year', 'a day'
        return Reading(_iso_duration(parts), kind="duration")
    if pre == "in" and (_superlative_before(ctx, m.start()) or _tense(ctx, m.start(), m.end()) == PAST):
        # 'the first time in two years'; 'they have not had a rise in five years', 'built in two years'
        return Reading(_iso_duration(parts), kind="duration")
    if ctx.published is None:
        return Reading(None)
    return _reading(_shift(ctx.published, parts, sign))


def _span_back(published: Optional[dt.date], parts: dict[str, float]) -> Reading:
    if published is None:
        return Reading(None, kind="range")
    low = _shift(published, parts, -1).day.isoformat()
    return Reading(f"{low}/{published.isoformat()}", kind="range")


def _span_ahead(published: Optional[dt.date], parts: dict[str, float]) -> Reading:
    """'the next two days', 'the coming 2 months', 'two upcoming years': the interval from publication, and
    also the point it runs to, at the unit's precision ('2013-02-14', '2013-04', '2015').

    The range stays the value: the words name a stretch of time. But a span ahead in news is mostly a
    deadline ('a decision is expected in the coming two days' = by the 14th), and Duckling reads these
    phrases as that point alone; so `find_dates` adds a second mention with the same span, kind 'date', whose
    value is the end point. A span back ('the past two years') names no such point and gets none."""
    if published is None:
        return Reading(None, kind="range")
    end = _shift(published, parts, 1)
    return Reading(f"{published.isoformat()}/{end.day.isoformat()}", kind="range", end_point=end.iso())


def _upcoming_count(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'two upcoming days', '2 coming weeks'."""
    return _span_ahead(ctx.published, _duration(f"{m['n']} {m['u']}"))


def _is_whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else len(text)].strip(" .")


def _weekday_count(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'3 Fridays from now', '2 Thursdays ago'."""
    count = _number(m["n"])
    if ctx.published is None or count is None:
        return Reading(None)
    sign = -1 if _lower(m["post"]) in ("ago", "back") else 1
    day, found, weekday = ctx.published, 0, _weekday(m["w"])
    while found < count:
        day += dt.timedelta(days=sign)
        found += day.weekday() == weekday
    return _reading(When(day, DAY_GRAIN))


UNIT_SETS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "decade": "P10Y",
             "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
             "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}


def _set(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'every Monday', 'each March', 'every two years', 'every other week', 'daily'."""
    if m["adv"]:
        token = _token_at(ctx, m.start(), m.end())
        return Reading(UNIT_SETS[_lower(m["adv"])], kind="set") if token is not None and token.pos_ == "ADV" else None
    if m["w"]:
        return Reading(f"XXXX-WXX-{_weekday(m['w']) + 1}", kind="set")
    if m["m"]:
        return Reading(f"XXXX-{_month(m['m']):02d}", kind="set")
    parts = _duration(m["every"]) if m["every"] else _duration("1 " + m["unit1"])
    if m["other"]:
        parts = {u: 2 * v for u, v in parts.items()}
    return Reading(_iso_duration(parts), kind="set")


def _month_day_range(m: re.Match, ctx: Context) -> Optional[Reading]:
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
            return Reading(None, kind="range")
        year = start.day.year
    low, high = _safe_date(year, month, first), _safe_date(year, month, last)
    if not (low and high):
        return None
    return Reading(f"{low.isoformat()}/{high.isoformat()}", kind="range")


def _year_range(m: re.Match, ctx: Context) -> Optional[Reading]:
    """'2010-2015', '2010-15'."""
    first = int(m["y"])
    last = int(m["y2"]) if m["y2"] else first // 100 * 100 + int(m["yy2"])
    if last <= first or _counts_something(ctx, m.start(), m.end()):
        return None
    return Reading(f"{first}/{last}", kind="range")


# ---------------------------------------------------------------- the grammar


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    resolve: Callable[[re.Match, Context], Optional[Reading]]


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[Pattern, ...]:
    f = _fragments()
    mod = rf"(?:(?P<mod>{f['modifier']})(?: *- *| +)(?:in +|of +)?(?:the +)?)?"
    year_or_short = rf"(?:{_g('y', 'year')}|'(?P<yy>\d\d)(?!\d))"
    trailing_short_year = r"(?P<yt>\d\d)(?=\s*(?:[.,;:)]|$))"
    rel_words = "this|current|next|last|previous|following|coming"
    rules: list[tuple[str, Callable]] = [
        (r"(?<![\d/.-])(?P<y>\d{4})(?P<s>[-/])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>0?[1-9]|[12]\d|3[01])"
         r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/])",
         _iso_day),
        (r"(?<![\d/.-])(?P<y>(?:1[0-9]|20)\d\d)[-/](?P<m>0[1-9]|1[0-2]|[1-9])(?![\d/-])", _iso_month),
        (r"(?<![\d/.-])(?P<a>\d{1,2})(?P<s> ?/ ?|-|\.)(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)",
         _numeric_day),
        (r"(?<![\d/.-])(?P<a>\d{1,2}) ?/ ?(?P<b>\d{1,2})(?![\d/]|\.\d)", _numeric_month_day),
        (r"(?<![\d/.-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:1[0-9]|20)\d\d)(?![\d/])", _numeric_month_year),
        (rf"(?:{_g('w1', 'weekday')},? +)?{_g('m', 'month')} *(?:the +)?{_g('d', 'day')}"
         rf"(?:(?:,? +|, *){year_or_short}| {trailing_short_year})?(?:,? +{_g('w2', 'weekday')})?", _month_day),
        (rf"(?P<day_first>)(?:{_g('w1', 'weekday')},? +)?(?:the +)?{_g('d', 'day')}(?: +(?P<of>of) +| *[-/] *| *)"
         rf"{_g('m', 'month')}(?:(?:,? +|[-/]){_g('y', 'year')}|[-/ ]{trailing_short_year})?", _month_day),
        (rf"{mod}{_g('m', 'month')},? +(?:of +)?{_g('y', 'year')}", _month_year),
        (rf"(?:(?P<rel>next|last|this|coming|past|previous) +)?{mod}{_g('m', 'month')}(?P<after> +after +next)?"
         rf"(?: +(?P<shift>in +{f['duration']}|{f['duration']} +(?:ago|hence|from +now)))?", _month_alone),
        (rf"{mod}{_g('y', 'year')}(?: *(?P<era>a\.d\.|b\.c\.(?:e\.)?|c\.e\.|ad|bce?|ce)(?![a-z]))?", _year),
        (r"(?<![\d,.])(?P<y>\d{1,4}) *(?P<era>a\.d\.|b\.c\.(?:e\.)?|c\.e\.|ad|bce?|ce)(?![a-z])",
         _year),
        (rf"(?:the +)?{mod}(?:(?P<c>1[0-9]|20)|')(?P<dd>\d)0'?s(?![a-z])", _decade),
        (rf"(?:(?P<rel>last|next|this|coming|past|previous) +)?(?P<w>{f['weekday']})"
         rf"(?: +(?:{f['part_of_day']}))?"
         rf"(?: +(?:of +|from +)?(?:the +)?(?P<wrel>this|next|last|previous|coming) +week|(?P<after> +after +next)"
         rf"| +(?:the +)?{_g('d', 'day')}(?! *(?:of\b|-|/|{f['month']})))?", _weekday_reading),
        (rf"(?P<wrel>last|next|this) +week'?s +(?P<w>{f['weekday']})", _week_possessive),
        (rf"(?<![a-z])(?P<rd>(?:the +)?day +after +tomorrow|(?:the +)?day +before +yesterday|today|tonight|yesterday"
         rf"|tomorrow|just +now|right +now|till +date|this +(?:morning|afternoon|evening)|last +night)(?![a-z])"
         rf"(?: +(?:{f['part_of_day']})(?![a-z]))?", _relative_day),
        (rf"(?<![a-z]){mod}(?:the +)?(?:(?P<rel>last|past|previous|this|current|next|coming|following) +"
         rf"(?P<unit>week|weekend|month|year|yr|decade)|(?P<unit2>week|month|year) +(?P<ba>before +last|after +next))"
         r"(?![a-z])", _relative_unit),
        (rf"(?:(?P<on>on) +)?(?:(?P<the>the) +)?{_g('d', 'day')}(?: +day)?"
         rf"(?: +of +(?:the +)?(?P<mrel>{rel_words}) +month)?", _day_of_month),
        (rf"(?:the +)?(?P<ord>{_alternation(_lexicon()['ordinals'])}|last|[1-5](?:st|nd|rd|th))(?: +(?P<last>last))?"
         rf" +(?:(?P<w>{f['weekday']})|day) +(?:of|in) +(?:(?:the +)?(?P<mrel>{rel_words})? *month"
         rf"|{_g('m', 'month')}(?:,? +{_g('y', 'year')})?)", _nth_weekday_of),
        (rf"(?:(?P<rel>last|next|this|coming|past) +)?(?P<h>{f['holiday']})(?![a-z])"
         rf"(?:(?: +of)? +(?P<yrel>this|next|last) +year|,? +(?:in +)?{_g('y', 'year')}"
         rf"|,? +(?:in +)?(?P<ywords>{f['year_words']})"
         rf"| +(?P<shift>in +{f['duration']}|{f['duration']} +(?:ago|hence|from +now)))?", _holiday),
        (rf"(?<![a-z])(?:(?P<pre>(?:the +)?(?:past|last|previous|next|coming|upcoming)|in|within|after) +)?"
         rf"(?:now *(?P<nowsign>[+-]) *)?(?P<dur>{f['duration']})"
         rf"(?: +(?P<post>ago|back|before|earlier|hence|later|after|from +now|from +today)(?![a-z]))?",
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
    return tuple(Pattern(re.compile(r"(?<!\w)(?=[\w+'-])(?:" + rx + ")"), fn) for rx, fn in rules)


class _Groups:
    """A match read back from the original text (the patterns run on lower-cased text); missing groups
    read as None, so resolvers can share group names across patterns; 'unit' falls back to 'unit2'."""

    def __init__(self, m: re.Match, text: str):
        self._m, self._text = m, text

    def __getitem__(self, name: str):
        if name == "unit" and self._m.re.groupindex.get("unit") and self._m.start("unit") < 0:
            name = "unit2"
        if name not in self._m.re.groupindex or self._m.start(name) < 0:
            return None
        return self._text[self._m.start(name):self._m.end(name)]

    def start(self, *group):
        return self._m.start(*group)

    def end(self, *group):
        return self._m.end(*group)


# ---------------------------------------------------------------- putting mentions together


@dataclass
class _Found:
    start: int
    end: int
    order: int
    reading: Reading


RELATIVE_WORDS = ("today", "tonight", "yesterday", "tomorrow", "now", "date", "night", "weekend", "daily", "weekly",
                  "monthly", "yearly", "annually", "quarterly", "biweekly", "fortnightly")
WINDOW_BEFORE, WINDOW_AFTER = 30, 30  # characters around a trigger word that a date expression may reach


@functools.lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Words without which no date expression exists (digits aside)."""
    lex = _lexicon()
    words = set(lex["months"]) | set(lex["weekdays"]) | {w + "s" for w in lex["weekdays"]} | set(lex["units"])
    words |= set(lex["ordinals"]) | set(RELATIVE_WORDS)
    words |= {w for name in _holiday_names() for w in re.findall(r"[a-z]{3,}", name)} - {"the", "and"}
    words |= {"thousand"}
    return frozenset(words)


WORD_OR_DIGIT = re.compile(r"[^\W\d_]+|\d")


def _searchable_text(text: str) -> tuple[str, list[list[int]]]:
    """`text` lower-cased and blanked (same length) away from trigger words, and the windows around the
    trigger words: the patterns run in those windows only."""
    lowered = text.lower()
    text = lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) > 1 else c.lower() for c in text)
    triggers = _trigger_words()
    windows: list[list[int]] = []
    for m in WORD_OR_DIGIT.finditer(text):
        word = m.group()
        if word.isdigit() or word.lower() in triggers:
            start = text.rfind(" ", 0, max(0, m.start() - WINDOW_BEFORE)) + 1
            end = text.find(" ", m.end() + WINDOW_AFTER)
            end = len(text) if end < 0 else end
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
    pieces, done = [], 0
    for start, end in windows:
        pieces += [" " * (start - done), text[start:end]]
        done = end
    return "".join(pieces) + " " * (len(text) - done), windows


def _scan(ctx: Context) -> list[_Found]:
    """Every reading of every pattern, then the longest non-overlapping ones, in text order."""
    found = []
    searchable, windows = _searchable_text(ctx.text)
    for order, pattern in enumerate(_patterns()):
        for window_start, window_end in windows:
            for m in pattern.regex.finditer(searchable, window_start, window_end):
                if m.end() > m.start() and not ctx.text[m.start()].isspace():
                    reading = pattern.resolve(_Groups(m, ctx.text), ctx)
                    if reading is not None:
                        end = m.start() + len(m.group().rstrip())
                        found.append(_Found(m.start(), end, order, reading))
    found.sort(key=lambda f: (-(f.end - f.start), f.order, f.start))
    taken: list[_Found] = []
    for f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


TIME_SUFFIX = re.compile(r",? +(?:at +)?(?P<H>[01]?\d|2[0-3])(?::(?P<M>[0-5]\d))? *(?P<ap>[ap]\.?m\.?)?(?![\w:])", re.I)


def _with_time(f: _Found, text: str, limit: int) -> _Found:
    """'March 5 at 2:30 p.m.' -> value 2017-03-05T14:30 (a clock time needs a colon or am/pm)."""
    value = f.reading.value
    if value is None or len(value) != 10 or f.reading.kind != "date":
        return f
    m = TIME_SUFFIX.match(text, f.end)
    if not m or m.end() > limit or not (m["M"] or m["ap"]):
        return f
    hour = int(m["H"])
    if m["ap"]:
        if hour > 12:
            return f
        hour = hour % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    f.reading.value = f"{value}T{hour:02d}:{int(m['M'] or 0):02d}"
    return _Found(f.start, m.end(), f.order, f.reading)


RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.I)


def _join_ranges(found: list[_Found], text: str) -> list[_Found]:
    """'from March 3 to March 5', 'between 2010 and 2015' -> one range mention."""
    joined: list[_Found] = []
    for f in found:
        prev = joined[-1] if joined else None
        if prev and prev.reading.kind == f.reading.kind == "date" and prev.reading.value and f.reading.value:
            link = RANGE_LINK.fullmatch(text, prev.end, f.start)
            opener = _before(Context(text, None, None), prev.start)
            if link and (opener in ("from", "between") or link.group().strip() in ("-", "–", "through", "until")) \
                    and not (opener == "between" and link.group().strip() != "and"):
                low, high = prev.reading.value, f.reading.value
                joined[-1] = _Found(prev.start, f.end, prev.order,
                                    Reading(f"{low}/{high}", kind="range"))
                continue
        joined.append(f)
    return joined


def _shift_objects(found: list[_Found], text: str) -> list[_Found]:
    """'three days after Easter', 'two weeks before the vote on May 5': the shift applies to the date after it."""
    merged: list[_Found] = []
    for f in found:
        prev = merged[-1] if merged else None
        if prev and prev.reading.takes_object and f.reading.day and not text[prev.end:f.start].strip():
            parts, sign = prev.reading.anaphoric_shift
            moved = _shift(f.reading.day, parts, sign)
            merged[-1] = _Found(prev.start, f.end, prev.order, _reading(When(moved.day, DAY_GRAIN if
                                f.reading.value and len(f.reading.value) >= 10 else moved.grain)))
            continue
        merged.append(f)
    return merged


def _anchor_anaphora(found: list[_Found]) -> None:
    """'two years later' counts from the last date before it in the text, else from publication."""
    anchor = None
    for f in found:
        shift = f.reading.anaphoric_shift
        if shift is not None and anchor is not None:
            parts, sign = shift
            moved = _shift(anchor, parts, sign)
            f.reading.value, f.reading.day = moved.iso(), moved.day
        if f.reading.day is not None and f.reading.kind == "date":
            anchor = f.reading.day


AGE = re.compile(r"\s*-?\s*(?:years?|months?|weeks?|days?)?\s*-?\s*old\b", re.I)


def _entity_mentions(doc: Doc, taken: list[_Found]) -> list[_Found]:
    """spaCy DATE entities the grammar did not read (value null); ages are skipped."""
    extra = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < t.end and t.start < ent.end_char for t in taken):
            continue
        if AGE.match(text_of(doc), ent.end_char) or re.search(r"\bold\b|-year-old", ent.text, re.I):
            continue
        extra.append(_Found(ent.start_char, ent.end_char, len(_patterns()), Reading(None)))
    return extra


def find_dates(doc: Doc, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `doc`, resolved against `published` when relative."""
    text = text_of(doc)
    ctx = Context(text, doc, published)
    found = _scan(ctx)
    found = [_with_time(f, text, found[i + 1].start if i + 1 < len(found) else len(text)) for i, f in enumerate(found)]
    found = _shift_objects(_join_ranges(found, text), text)
    _anchor_anaphora(found)
    found = sorted(found + _entity_mentions(doc, found), key=lambda f: f.start)
    mentions = []
    for f in found:
        mentions.append(DateMention(text=text[f.start:f.end], start=f.start, end=f.end, value=f.reading.value,
                                    kind=f.reading.kind, modifier=f.reading.modifier))
        if f.reading.end_point and f.reading.kind == "range":  # see _span_ahead
            mentions.append(DateMention(text=text[f.start:f.end], start=f.start, end=f.end,
                                        value=f.reading.end_point, kind="date"))
    return mentions


PUBLISHED_LABEL = re.compile(r"^\s*(?:published|posted|updated|date|first published)\s*(?:on|:)?\s*", re.I)
HEAD_LINES = 6


def find_published_date(text: str) -> dt.date | None:
    """A publication date stated at the top of the article: a dateline ('WASHINGTON, March 3, 2017 —'),
    a 'Published: 2017-03-03' line, or a line that is only a full date, in the first few lines."""
    lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        ctx = Context(line, None, None)
        for f in _scan(ctx):
            value = f.reading.value
            if f.reading.kind != "date" or value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", value):
                continue
            before, after = line[:f.start], line[f.end:]
            labelled = PUBLISHED_LABEL.fullmatch(before) is not None
            dateline = re.fullmatch(r"\s*[A-Z][A-Z .'-]+(?:,\s*[A-Za-z. ]+)?,\s*", before) and re.match(r"\s*(?:[-—–(]|$)", after)
            alone = not before.strip(" \t-—|(") and not after.strip(" \t.-—|)")
            if labelled or dateline or alone:
                return dt.date.fromisoformat(value[:10])
    return None
