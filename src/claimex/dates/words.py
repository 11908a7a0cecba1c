"""Reading the words of a match (month and weekday names, day numbers, number words, durations) and the
parse around it (the tense of its verb, a name used as a verb, a number that counts a noun).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from claimex.dates.lexicon import _fragments, _lexicon
from claimex.dates.values import FUTURE, PAST, UNKNOWN, Context, _add_months
from claimex.numbers.lexicon import lexicon
from claimex.numbers.tokens import reads_as_year


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
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else int(_number(word) or 0)


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
    """The latest year ending in `yy` at most ten years after publication ('03/18/40' written in 2016 is 1940,
    '87' is 1987); 2049 is the limit when the publication date is unknown."""
    limit = published.year + 10 if published else 2049
    return max(century + yy for century in range(limit // 100 * 100 - 200, limit // 100 * 100 + 100, 100)
               if century + yy <= limit)


def _year_of(m: re.Match, ctx: Context) -> Optional[int]:
    """The year group, or a two-digit year ('yy' after an apostrophe, 'yt' at the end)."""
    if m["y"]:
        return int(m["y"])
    if m["ywords"]:  # 'two thousand (and) ten', 'nineteen eighty six', 'seventeen hundred thirty three'
        rest = int(_number(" ".join(w for w in (m["yw"], m["yw2"]) if w)) or 0)
        if m["yc"] is None:
            return 2000 + rest
        if not (m["yh"] or m["yw"]) or rest >= 100:
            return None
        return int(_number(m["yc"])) * 100 + rest
    short = m["yy"] or m["yt"]
    return _two_digit_year(int(short), ctx.published) if short else None


def _modifier(text: Optional[str]) -> Optional[str]:
    return _lexicon()["modifiers"].get(_lower(text)) if text else None


def _relative_month(word: str, published: Optional[dt.date]) -> Optional[dt.date]:
    if published is None:
        return None
    step = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "past": -1}.get(_lower(word), 0)
    return _add_months(published.replace(day=1), step)


@functools.lru_cache(maxsize=1)
def _duration_part() -> re.Pattern:
    frag = _fragments()
    return re.compile(rf"(?P<sign>[+-])? *(?P<n>{frag['number']}) *(?P<u>{frag['unit']})(?![a-z])", re.I)


def _duration(text: str) -> dict[str, float]:
    """'1 year, 2 months and 3 days' -> {'Y': 1, 'M': 2, 'D': 3} (decades and fortnights expanded)."""
    parts: dict[str, float] = {}
    sign = 1
    for m in _duration_part().finditer(text):
        sign = -1 if m["sign"] == "-" else 1 if m["sign"] == "+" else sign
        amount, unit = _number(m["n"]), _lexicon()["units"][_lower(m["u"])]
        factor, unit = (int(unit[:-1]), unit[-1]) if unit[:-1].isdigit() else (1, unit)
        if unit == "Q":
            factor, unit = 3 * factor, "M"
        parts[unit] = parts.get(unit, 0) + sign * factor * (amount if amount is not None else 1)
    return parts


def _token_at(ctx: Context, start: int, end: int):
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _tense(ctx: Context, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN: the tense of the finite verb the expression depends on. A verb without tense of
    its own ('to skip', 'the boat rescued on Friday') takes the tense of the clause that governs it."""
    token = _token_at(ctx, start, end)
    if token is not None and token.idx < end:  # the date's own words ('sat.') are not its verb
        token = token.head if token.head.i != token.i else None
    infinitive = False
    while token is not None:
        if infinitive and token.dep_ in ("acl", "amod") and token.tag_ in ("VBN", "JJ"):
            return FUTURE  # 'the first round, scheduled to open on May 16', 'the bridge, due to open in May'
        infinitive = token.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in token.children)
        if token.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(token)
            if tense is not None:
                return tense
        token = token.head if token.head.i != token.i else None
    return UNKNOWN


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _verb_tense(verb) -> Optional[int]:
    """The tense a verb and its auxiliaries mark ('will' and 'is to' ahead, a past form or 'has' + participle
    behind); None for a verb that marks none (an infinitive, a participle or gerund without auxiliary)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = auxes + [verb]
    if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in words):
        return FUTURE
    if any(a.tag_ == "VBD" for a in words) or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return PAST
    if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children):
        return FUTURE  # 'the vote is to be held on Friday'
    return UNKNOWN if any(a.tag_ in FINITE_TAGS for a in words) else None


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


def _names_a_year(ctx: Context, start: int, end: int) -> bool:
    """Whether four digits name a year here, as the numbers stage reads them (see `reads_as_year`); without a
    parse, any year from 1000 to 2199."""
    token = _token_at(ctx, start, end)
    if token is None or token.idx != start or len(token) != end - start:
        return 1000 <= int(ctx.text[start:end]) <= 2199
    return reads_as_year(token, lexicon())


def _before(ctx: Context, start: int, words: int = 1) -> str:
    return " ".join(ctx.text[max(0, start - 40):start].lower().split()[-words:])


DATE_PREPOSITIONS = {"on", "by", "until", "till", "through", "since", "from", "before", "after", "of", "in", "during"}
