"""Putting mentions together: the patterns run over the text, the longest readings win, then times,
ranges, shifts and anaphora are joined and spaCy's DATE entities fill the gaps.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from claimex.dates.grammar import _Groups, _patterns
from claimex.dates.lexicon import _holiday_names, _lexicon
from claimex.dates.values import DAY_GRAIN, Context, DateReading, When, _reading, _shift
from claimex.dates.words import _before, _two_digit_year
from claimex.doc_text import text_of
from claimex.schema import DateMention


@dataclass
class _Found:
    start: int
    end: int
    order: int
    reading: DateReading


RELATIVE_WORDS = ("today", "tonight", "yesterday", "tomorrow", "tmrw", "tmr", "now", "date", "night", "weekend", "daily",
                  "weekly", "monthly", "yearly", "annually", "quarterly", "biweekly", "fortnightly")
WINDOW_BEFORE, WINDOW_AFTER = 30, 30  # characters around a trigger word that a date expression may reach


@functools.lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Words without which no date expression exists (digits aside)."""
    lex = _lexicon()
    words = set(lex["months"]) | set(lex["weekdays"]) | {w + "s" for w in lex["weekdays"]} | set(lex["units"])
    words |= set(lex["ordinals"]) | set(RELATIVE_WORDS) | set(lex["seasons"])
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
    windows_holding: dict[re.Pattern, list[list[int]]] = {}
    for order, pattern in enumerate(_patterns()):
        required = pattern.required
        if required is not None and required not in windows_holding:
            windows_holding[required] = [w for w in windows if required.search(searchable, w[0], w[1])]
        for window_start, window_end in windows if required is None else windows_holding[required]:
            for m in pattern.regex.finditer(searchable, window_start, window_end):
                if m.end() > m.start() and not ctx.text[m.start()].isspace():
                    reading = pattern.resolve(_Groups(m, ctx.text), ctx)
                    if reading is not None:
                        end = m.start() + len(m.group().rstrip())
                        found.append(_Found(m.start(), end, order, reading))
    return _longest_apart(found)


def _longest_apart(found: list[_Found]) -> list[_Found]:
    """The longest readings (then the earliest pattern, then the first) that overlap none taken before, in text
    order. Those taken never overlap, so only the last one starting before a reading ends can overlap it."""
    found.sort(key=lambda f: (-(f.end - f.start), f.order, f.start))
    taken: list[_Found] = []
    starts: list[int] = []
    for f in found:
        i = bisect.bisect_left(starts, f.end)
        if i == 0 or taken[i - 1].end <= f.start:
            taken.insert(i, f)
            starts.insert(i, f.start)
    return taken


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
                low, high = _ordered_ends(prev.reading.value, f.reading.value, text[prev.start:prev.end],
                                          text[f.start:f.end])
                joined[-1] = _Found(prev.start, f.end, prev.order,
                                    DateReading(f"{low}/{high}", kind="range"))
                continue
        joined.append(f)
    return joined


WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d\d")


def _ordered_ends(low: str, high: str, low_text: str, high_text: str) -> tuple[str, str]:
    """The ends of a range in order: an end without a written year whose year the tense chose wrongly ('will stay
    open from February 23 through April 9', written in March) moves by a year to the other end's side."""
    if low[:len(high)] <= high[:len(low)] or not low[:4].isdigit() or not high[:4].isdigit() or "-02-29" in low + high:
        return low, high
    if not WRITTEN_YEAR.search(low_text):
        return f"{int(low[:4]) - 1:04d}{low[4:]}", high
    if not WRITTEN_YEAR.search(high_text):
        return low, f"{int(high[:4]) + 1:04d}{high[4:]}"
    return low, high


OBJECT_GAP = re.compile(r"\s*(?:the\s+year\s+)?", re.I)  # 'two weeks since the year 2011'


def _shift_objects(found: list[_Found], text: str) -> list[_Found]:
    """'three days after Easter', 'two weeks before the vote on May 5': the shift applies to the date after it."""
    merged: list[_Found] = []
    for f in found:
        prev = merged[-1] if merged else None
        if prev and prev.reading.takes_object and f.reading.day and OBJECT_GAP.fullmatch(text, prev.end, f.start):
            parts, sign = prev.reading.anaphoric_shift
            moved = _shift(f.reading.day, parts, sign)
            merged[-1] = _Found(prev.start, f.end, prev.order, _reading(When(moved.day, DAY_GRAIN if
                                f.reading.value and len(f.reading.value) >= 10 else moved.grain)))
            continue
        merged.append(f)
    return merged


def _anchor_anaphora(found: list[_Found], text: str, published: Optional[dt.date]) -> None:
    """'two years later' counts from the last date before it in the text. With none, it has no value: it
    counts from an event the text names but does not date; only at the very start of a text, where no event
    precedes it, does it count from publication."""
    anchor = None
    for f in found:
        if f.reading.anaphoric_shift is not None and anchor is None and not text[:f.start].strip() and published:
            anchor = published
        shift = None if f.reading.takes_object else f.reading.anaphoric_shift  # its anchor is its object
        if shift is not None and anchor is not None:
            parts, sign = shift
            moved = _shift(anchor, parts, sign)
            f.reading.value, f.reading.day = moved.iso(), moved.day
        if f.reading.anaphoric_weekday is not None and anchor is not None:
            day = anchor + dt.timedelta(days=(f.reading.anaphoric_weekday - anchor.weekday() - 1) % 7 + 1)
            f.reading.value, f.reading.day = day.isoformat(), day
        if f.reading.day is not None and f.reading.kind == "date":
            anchor = f.reading.day


AGE = re.compile(r"\s*-?\s*(?:years?|months?|weeks?|days?)?\s*-?\s*old\b", re.I)


SHORT_YEARS = re.compile(r"['’]?\d\d(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)['’]?\d\d)*")


def _entity_mentions(doc: Doc, taken: list[_Found], published: Optional[dt.date]) -> list[_Found]:
    """spaCy DATE entities the grammar did not read (value null; two-digit years read); ages are skipped."""
    extra = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < t.end and t.start < ent.end_char for t in taken):
            continue
        if AGE.match(text_of(doc), ent.end_char) or re.search(r"\bold\b|-year-old", ent.text, re.I):
            continue
        if SHORT_YEARS.fullmatch(ent.text):
            extra += _short_years(ent, published)
            continue
        if not _names_a_time(ent):
            continue
        extra.append(_Found(ent.start_char, ent.end_char, len(_patterns()), DateReading(None)))
    return extra


def _short_years(ent, published: Optional[dt.date]) -> list[_Found]:
    """'in 80 and 84', "in '08": two-digit numbers the model took for dates can only be years, one mention each."""
    found = []
    for m in re.finditer(r"\d\d", ent.text):
        start, year = ent.start_char + m.start(), _two_digit_year(int(m.group()), published)
        found.append(_Found(start, start + 2, len(_patterns()), DateReading(f"{year:04d}", day=dt.date(year, 1, 1))))
    return found


def _names_a_time(ent) -> bool:
    """A DATE entity with digits or a word of time ('the day', 'months', 'the sixties'); not 'those days',
    'annual', an age ('their eighties') nor 'four and a half billion years ago'."""
    lex = _lexicon()
    words = [t.lower_ for t in ent]
    ages = words[0] in lex["possessives"] and set(words) & set(lex["decade_words"])
    if set(words) & set(lex["entity_scale_words"]) or ages:
        return False
    vague = set(lex["entity_vague_words"])
    if set(words) & vague and set(words) <= vague | set(lex["units"]):
        return False
    return any(any(c.isdigit() for c in t.text) or t.like_num for t in ent) or bool(set(words) & _time_words())


@functools.lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Words that make a DATE entity name a time: the trigger words, time words and decades."""
    lex = _lexicon()
    return frozenset(_trigger_words()) | frozenset(lex["entity_time_words"]) | frozenset(lex["decade_words"])


def find_dates(doc: Doc, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `doc`, resolved against `published` when relative."""
    text = text_of(doc)
    ctx = Context(text, doc, published)
    found = _scan(ctx)
    found = [_with_time(f, text, found[i + 1].start if i + 1 < len(found) else len(text)) for i, f in enumerate(found)]
    found = _shift_objects(_join_ranges(found, text), text)
    _anchor_anaphora(found, text, published)
    found = sorted(found + _entity_mentions(doc, found, published), key=lambda f: f.start)
    mentions = []
    for f in found:
        mentions.append(DateMention(text=text[f.start:f.end], start=f.start, end=f.end, value=f.reading.value,
                                    kind=f.reading.kind, modifier=f.reading.modifier))
        if f.reading.end_point and f.reading.kind == "range":  # see _span_ahead
            mentions.append(DateMention(text=text[f.start:f.end], start=f.start, end=f.end,
                                        value=f.reading.end_point, kind="date"))
    return mentions


PUBLISHED_LABEL = re.compile(r"^\s*(?:published|posted|updated|date|first published)\s*(?:on|:)?\s*", re.I)
DIGIT = re.compile(r"\d")
HEAD_LINES = 6


def find_published_date(text: str) -> dt.date | None:
    """A publication date stated at the top of the article: a dateline ('WASHINGTON, March 3, 2017 —'),
    a 'Published: 2017-03-03' line, or a line that is only a full date, in the first few lines (a full date
    has digits: the line without one is not read)."""
    lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in filter(DIGIT.search, lines):
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
