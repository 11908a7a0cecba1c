"""The dates lexicon (`models/dates_lexicon.json`, `models/dates_holidays.json`) and the regular-expression
fragments built from it.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from claimex.resources import read_lexicon


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
    centuries = _alternation(w for w, value in lex["number_words"].items() if 10 <= value <= 20)
    number = rf"(?:(?<![\w.,])\d+(?:[.,]\d+)?|(?<![a-z])(?:{numbers})(?![a-z])(?:[- ](?:{numbers})(?![a-z]))?)"
    unit = rf"(?:{_alternation(lex['units'])})"
    part = rf"(?:(?:about|around|nearly|almost|some|over|roughly) +)?{number} *{unit}(?![a-z])"
    return {
        "month": rf"(?<![a-z])(?:{_names(lex['months'])})",
        "weekday": rf"(?<![a-z])(?:{_names(lex['weekdays'], plural=True)})",
        "day": rf"(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])|(?<![a-z])(?:{_alternation(lex['ordinals'])})(?![a-z])",
        "year": r"(?<![\d,.$£€])(?:1[0-9]|2[01])\d\d(?![\d%]|,\d|\.\d)",
        "modifier": rf"(?:{_alternation(lex['modifiers'])})",
        "number": number,
        "unit": unit,
        "duration": rf"(?:(?<![\w+-])[+-] *)?{part}(?:(?: *, *| +)(?:and +)?(?:[+-] *)?{part})*",
        "holiday": "|".join(f"(?:{name})".replace("'", "['’]") for name in _holiday_names()),
        "year_words": rf"(?:two +thousand(?: +and)?|(?P<yc>{centuries})(?: +(?P<yh>hundred)(?: +and)?)?)"
                      rf"(?: +(?P<yw>{numbers})(?:[- ](?P<yw2>{numbers}))?)?(?![a-z])",
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
