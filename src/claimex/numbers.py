"""Counts, amounts and ordinals in a Doc: "nearly forty people", "$4.5 billion", "12%", "the 21st".

One left-to-right pass over the tokens. A number phrase is read from digits or number words, then
widened by what surrounds it: a currency before or after, a percent sign, a range, a qualifier
("more than", "nearly"). Ordinals ("third", "21st", "one hundred and forty second") are kept with
kind "ordinal" and nothing around them. Years, days of the month, clock times, pronoun "one" ("the
best one") and numbers that are part of a name ("Boeing 737") are left out. A score ("a 5-4 ruling")
is two counts, not a range.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Optional, Union

from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.resources import read_lexicon
from claimex.schema import NumberMention, Qualifier

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$", re.IGNORECASE)
_HYPHENS = frozenset({"-", "–", "—"})
_RANGE_WORDS = frozenset({"to", "or"} | _HYPHENS)
_COUNTED_DEPS = frozenset({"nummod", "quantmod", "compound"})


@dataclass(frozen=True)
class Lexicon:
    """The word lists of `models/numbers.json`, ready for look-ups."""

    words: dict[str, tuple[str, int]]
    suffixes: dict[str, int]
    magnitudes: dict[str, int]
    magnitudes_before_of: dict[str, int]
    fractions: dict[str, int]
    ordinals: dict[str, tuple[str, int]]
    ordinal_suffixes: frozenset[str]
    qualifiers: dict[tuple[str, ...], Qualifier]
    strict_qualifiers: frozenset[str]
    trailing_qualifiers: dict[tuple[str, ...], Qualifier]
    percent: dict[tuple[str, ...], str]
    currency_symbols: dict[str, str]
    currency_codes: frozenset[str]
    currency_words: dict[str, str]
    months: frozenset[str]
    year_prepositions: frozenset[str]
    year_determiners: frozenset[str]
    label_markers: frozenset[str]
    time_markers: frozenset[str]
    pronoun_one_determiners: frozenset[str]
    name_entity_types: frozenset[str]
    score_words: frozenset[str]
    topic_words_before_about: frozenset[str]
    pronoun_one_objects: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The numbers lexicon, loaded once."""
    data = read_lexicon("numbers.json")
    words: dict[str, tuple[str, int]] = {}
    for kind in ("units", "teens", "tens", "hundreds", "scales"):
        words.update({word: (kind, value) for word, value in data[kind].items()})
    words["zero"] = ("zero", 0)
    qualifiers = {
        tuple(phrase.split()): qualifier
        for qualifier, phrases in data["qualifiers"].items()
        for phrase in phrases
    }
    trailing = {tuple(p.split()) for p in data["trailing_qualifiers"]}
    return Lexicon(
        words=words,
        suffixes=data["suffixes"],
        magnitudes=data["magnitudes"],
        magnitudes_before_of=data["magnitudes_before_of"],
        fractions=data["fractions"],
        ordinals={word: (_kind_of(value), value) for word, value in data["ordinals"].items()},
        ordinal_suffixes=frozenset(data["ordinal_suffixes"]),
        qualifiers={k: v for k, v in qualifiers.items() if k not in trailing},
        strict_qualifiers=frozenset(data["strict_qualifiers"]),
        trailing_qualifiers={k: v for k, v in qualifiers.items() if k in trailing},
        percent={tuple(k.split()): v for k, v in data["percent"].items()},
        currency_symbols=data["currency_symbols"],
        currency_codes=frozenset(data["currency_codes"]),
        currency_words=data["currency_words"],
        months=frozenset(data["months"]),
        year_prepositions=frozenset(data["year_prepositions"]),
        year_determiners=frozenset(data["year_determiners"]),
        label_markers=frozenset(data["label_markers"]),
        time_markers=frozenset(data["time_markers"]),
        pronoun_one_determiners=frozenset(data["pronoun_one_determiners"]),
        name_entity_types=frozenset(data["name_entity_types"]),
        score_words=frozenset(data["score_words"]),
        topic_words_before_about=frozenset(data["topic_words_before_about"]),
        pronoun_one_objects=frozenset(data["pronoun_one_objects"]),
    )


def _kind_of(value: int) -> str:
    """The grammar kind of an ordinal word's value: 3 "units", 13 "teens", 30 "tens", 100 "hundreds"."""
    if value < 10:
        return "units"
    if value < 20:
        return "teens"
    if value < 100:
        return "tens"
    return "hundreds" if value == 100 else "scales"


@dataclass(frozen=True)
class Reading:
    """A number phrase read from tokens `start:end`; `end_char` ends it inside a token ("3m.")."""

    start: int
    end: int
    end_char: int
    value: Fraction
    multiplier: Optional[int] = None
    magnitude: Optional[str] = None
    plain_digits: bool = False
    words: bool = False
    ordinal: bool = False


class _Accumulator:
    """Spelled-out number grammar: "forty five hundred thirty eight", "one billion twenty-five millions"."""

    _FOLLOWS = {
        "units": (None, "tens", "hundred", "scale", "and"),
        "teens": (None, "hundred", "scale", "and"),
        "tens": (None, "hundred", "scale", "and"),
        "zero": (None,),
    }

    def __init__(self, start: Fraction = Fraction(0), last: Optional[str] = None) -> None:
        self.total = Fraction(0)
        self.group = start
        self.last = last
        self.hundred_in_group = False
        self.largest_scale: Optional[int] = None
        self.multiplier: Optional[int] = None

    @property
    def value(self) -> Fraction:
        return self.total + self.group

    def take(self, kind: str, value: int) -> bool:
        """Add one word to the number; False if the grammar does not allow it here."""
        if kind in self._FOLLOWS:
            if self.last not in self._FOLLOWS[kind]:
                return False
            self.group += value
            self.multiplier = None
        elif kind == "hundreds":
            if self.hundred_in_group or self.last in ("scale", "and", "zero", "hundred"):
                return False
            self.group = (self.group or 1) * value
            self.hundred_in_group = True
            self.multiplier = value
            kind = "hundred"
        elif kind == "scales":
            if self.last in ("scale", "and", "zero") or (self.largest_scale and value >= self.largest_scale):
                return False
            self.total += (self.group or 1) * value
            self.group, self.hundred_in_group = Fraction(0), False
            self.largest_scale = self.multiplier = value
            kind = "scale"
        self.last = kind
        return True


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every count or amount in `doc`, in text order."""
    lex = lexicon()
    mentions: list[NumberMention] = []
    i = 0
    while i < len(doc):
        reading = _read_number(doc, i, lex)
        if reading is None:
            i += 1
            continue
        if _is_not_a_count(doc, reading, lex):
            i = _end_of_range_from(doc, reading, lex)
            continue
        mention, i = _mention(doc, reading, lex, floor=mentions[-1].end if mentions else 0)
        mentions.append(mention)
    return mentions


def _read_number(doc: Doc, i: int, lex: Lexicon) -> Optional[Reading]:
    """The number phrase that starts at token `i`, if any."""
    token = doc[i]
    lower = token.lower_
    if lower in lex.magnitudes or lower in lex.magnitudes_before_of:
        return _read_magnitude(doc, i, lex)
    if lower in ("a", "an") and i + 1 < len(doc):
        return _read_after_article(doc, i, lex)
    if lower == "half":
        if i > 0 and doc[i - 1].lower_ in lex.ordinals:
            return None
        return _scaled(doc, Reading(i, i + 1, token.idx + len(token), Fraction(1, 2)), lex, article=True)
    if lower in lex.words:
        return _read_words(doc, i, lex, _Accumulator(), i)
    if lower in lex.ordinals:
        return _read_words(doc, i, lex, _Accumulator(), i) if _is_ordinal_word(doc, i, inside=False) else None
    if token.text[0].isdigit():
        return _read_digits(doc, i, lex)
    return None


def _read_digits(doc: Doc, i: int, lex: Lexicon) -> Optional[Reading]:
    """"1,200", "3.5", "4.5bn", then any scale words that follow ("3.5 million", "£20m")."""
    token = doc[i]
    match = _DIGITS.match(token.text)
    if not match:
        return None
    whole, decimals, suffix = match.groups()
    value = Fraction(whole.replace(",", "") + (decimals or ""))
    if suffix:
        if suffix.lower() in lex.ordinal_suffixes and not decimals:
            return Reading(i, i + 1, token.idx + len(token), value, ordinal=True)
        if suffix.lower() not in lex.suffixes:
            return None
        multiplier = lex.suffixes[suffix.lower()]
        return Reading(i, i + 1, token.idx + len(token), value * multiplier, multiplier)
    following = doc[i + 1] if i + 1 < len(doc) else None
    if following is not None and not token.whitespace_:
        suffix = following.lower_.rstrip(".")
        if suffix in lex.suffixes and following.lower_ in (suffix, suffix + "."):
            multiplier = lex.suffixes[suffix]
            return Reading(i, i + 2, following.idx + len(suffix), value * multiplier, multiplier)
    accumulator = _Accumulator(value, last="digits")
    reading = _read_words(doc, i + 1, lex, accumulator, i)
    plain = reading.end == i + 1 and not decimals and "," not in whole
    return Reading(reading.start, reading.end, reading.end_char, reading.value, reading.multiplier,
                   plain_digits=plain, ordinal=reading.ordinal)


def _read_words(doc: Doc, i: int, lex: Lexicon, accumulator: _Accumulator, start: int) -> Reading:
    """Number words from token `i` on, as far as the grammar goes ("one hundred and five").

    An ordinal word ends the phrase and makes it an ordinal: "one hundred and forty second".
    """
    j = end = i
    while j < len(doc):
        lower = doc[j].lower_
        if lower in lex.ordinals:
            inside = accumulator.last is not None
            if _is_ordinal_word(doc, j, inside) and accumulator.take(*lex.ordinals[lower]):
                last = doc[j]
                return Reading(start, j + 1, last.idx + len(last), accumulator.value, words=True, ordinal=True)
            break
        if lower in lex.words and accumulator.take(*lex.words[lower]):
            j = end = j + 1
        elif lower == "and" and accumulator.last in ("hundred", "scale") and _next_kind(doc, j, lex) in (
            "units", "teens", "tens",
        ):
            j += 1
        elif doc[j].is_space and "\n" not in doc[j].text and _next_kind(doc, j, lex) is not None:
            j += 1
        elif lower in _HYPHENS and accumulator.last == "tens" and _glued(doc, j) and _next_kind(doc, j, lex) == "units":
            j += 1
        else:
            break
    value, widened = _fraction_or_half(doc, end, lex, accumulator)
    last = doc[widened - 1]
    reading = Reading(start, widened, last.idx + len(last), value, accumulator.multiplier, words=widened > i)
    return _scaled(doc, reading, lex) if widened > end else reading


def _is_ordinal_word(doc: Doc, i: int, inside: bool) -> bool:
    """Whether the ordinal word at `i` is one here, unlike "wait a second", "at first", "he first said".

    `inside` is true when the word ends a longer number ("twenty-first"); "second" as a time is never
    one ("a twenty second slot").
    """
    token = doc[i]
    if token.tag_.startswith("VB"):
        return False
    if token.lower_ == "second" and (token.tag_ in ("NN", "NNS") or token.ent_type_ == "TIME"):
        return False
    if inside:
        return True
    if token.lower_ == "first" and i > 0 and doc[i - 1].lower_ == "at":
        return False
    return not (token.tag_ == "RB" and token.head.i > i and token.head.pos_ in ("VERB", "AUX"))


def _scaled(doc: Doc, reading: Reading, lex: Lexicon, article: bool = False) -> Reading:
    """A fraction times the scale word after it: "a quarter of a million", "two and a half million".

    `article` allows "half a million"; "of a" is always allowed.
    """
    j = reading.end
    words = [t.lower_ for t in doc[j:j + 2]]
    if words and words[0] == "of" and words[1:] in (["a"], ["an"]):
        j += 2
    elif article and words[:1] in (["a"], ["an"]):
        j += 1
    if j >= len(doc):
        return reading
    scale_word = doc[j]
    kind, scale = lex.words.get(scale_word.lower_, ("", 0))
    if kind not in ("hundreds", "scales") or scale_word.lower_.endswith("s"):
        return reading
    return Reading(reading.start, j + 1, scale_word.idx + len(scale_word), reading.value * scale, scale, words=True)


def _fraction_or_half(doc: Doc, end: int, lex: Lexicon, accumulator: _Accumulator) -> tuple[Fraction, int]:
    """Widen a small number into "two-thirds" or "two and a half"."""
    value = accumulator.value
    if accumulator.last not in ("units", "teens", "tens", "digits"):
        return value, end
    j = end + 1 if end < len(doc) and doc[end].text in _HYPHENS and _glued(doc, end) else end
    if j < len(doc) and doc[j].lower_ in lex.fractions:
        word = doc[j].lower_
        if word.endswith("s") or value == 1:
            return value / lex.fractions[word], j + 1
    if [t.lower_ for t in doc[end:end + 3]] == ["and", "a", "half"]:
        return value + Fraction(1, 2), end + 3
    return value, end


def _read_magnitude(doc: Doc, i: int, lex: Lexicon) -> Optional[Reading]:
    """"hundreds", "dozens", "tens of thousands", "hundreds of thousands"."""
    first = doc[i].lower_
    value = lex.magnitudes.get(first) or lex.magnitudes_before_of[first]
    end = i + 1
    while end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in lex.magnitudes:
        value *= lex.magnitudes[doc[end + 1].lower_]
        end += 2
    if first in lex.magnitudes_before_of and (end == i + 1) and not (end < len(doc) and doc[end].lower_ == "of"):
        return None
    last = doc[end - 1]
    return Reading(i, end, last.idx + len(last), Fraction(value), magnitude=doc[i:end].text.lower())


def _read_after_article(doc: Doc, i: int, lex: Lexicon) -> Optional[Reading]:
    """"a dozen", "a million", "a third of", "a quarter of", "a quarter of a million", "a half million"."""
    following = doc[i + 1].lower_
    kind = lex.words.get(following, ("", 0))[0]
    if kind in ("hundreds", "scales") and following not in lex.magnitudes:
        return _read_words(doc, i + 1, lex, _Accumulator(Fraction(1), last="units"), i)
    has_of = i + 2 < len(doc) and doc[i + 2].lower_ == "of"
    if following in lex.fractions and not following.endswith("s"):
        word = doc[i + 1]
        fraction = Reading(i, i + 2, word.idx + len(word), Fraction(1, lex.fractions[following]))
        scaled = _scaled(doc, fraction, lex)
        if scaled is not fraction or has_of:
            return scaled
    return None


def _end_of_range_from(doc: Doc, reading: Reading, lex: Lexicon) -> int:
    """The end of a range of years or days begun by `reading` ("2011 to 2016", "September 16-19")."""
    joiner = reading.end
    if not reading.plain_digits or joiner + 1 >= len(doc) or doc[joiner].lower_ not in _RANGE_WORDS | {"and"}:
        return reading.end
    second = _read_number(doc, joiner + 1, lex)
    if second is None or not second.plain_digits or _unit_after(doc, second.end, lex):
        return reading.end
    if doc[joiner].text in _HYPHENS or len(doc[second.start]) == len(doc[reading.start]):
        return second.end
    return reading.end


def _is_not_a_count(doc: Doc, reading: Reading, lex: Lexicon) -> bool:
    """Years, days of the month, clock times, pronoun "one", numbers inside names."""
    first = doc[reading.start]
    before = doc[reading.start - 1].lower_ if reading.start > 0 else ""
    after = doc[reading.end].lower_ if reading.end < len(doc) else ""
    if first.ent_type_ in lex.name_entity_types or after in lex.time_markers:
        return True
    label = "".join(t.lower_ for t in doc[max(0, reading.start - 2):reading.start])
    if before in lex.label_markers or (before == "." and label in lex.label_markers):
        return True
    if reading.words and first.is_title and not first.is_sent_start and doc[reading.start - 1].pos_ == "PROPN":
        return True
    if reading.plain_digits or reading.ordinal:
        value = int(reading.value)
        if reading.plain_digits and len(first) == 4 and 1800 <= value <= 2100 and (
            first.ent_type_ == "DATE" or before in lex.year_prepositions or before in lex.months
            or before in lex.year_determiners
        ):
            return True
        after_of = doc[reading.end + 1].lower_ if after == "of" and reading.end + 1 < len(doc) else ""
        if 1 <= value <= 31 and (before in lex.months or after in lex.months or after_of in lex.months):
            return True
    return first.lower_ == "one" and reading.end == reading.start + 1 and _is_pronoun_one(doc, reading.start, lex)


def _is_pronoun_one(doc: Doc, i: int, lex: Lexicon) -> bool:
    """"one" standing for a noun: "no one", "the one who", "the best one", "a new one", "one of them"."""
    token = doc[i]
    before = doc[i - 1].lower_ if i > 0 else ""
    after = [t.lower_ for t in doc[i + 1:i + 3]]
    if token.pos_ == "PRON" or before in lex.pronoun_one_determiners or after[:1] == ["another"]:
        return True
    if after[:1] == ["of"] and after[1:] and after[1] in lex.pronoun_one_objects:
        return True
    j = i - 1
    while j >= 0 and doc[j].tag_ in ("JJ", "JJR", "JJS", "RB", "RBR", "RBS"):
        j -= 1
    return 0 <= j < i - 1 and (
        doc[j].lower_ in lex.pronoun_one_determiners or doc[j].lower_ in ("a", "an") or doc[j].tag_ == "PRP$"
    )


def _mention(doc: Doc, reading: Reading, lex: Lexicon, floor: int) -> tuple[NumberMention, int]:
    """Widen a reading with currency, percent, range and qualifier; return it and the next token index.

    An ordinal is kept as read: nothing around it belongs to it.
    """
    start_token, end_token = reading.start, reading.end
    start_char, end_char = doc[start_token].idx, reading.end_char
    if reading.ordinal:
        ordinal = NumberMention(text=text_of(doc)[start_char:end_char], start=start_char, end=end_char,
                                value=_plain(reading.value), kind="ordinal")
        return ordinal, end_token
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    low = high = None
    value = reading.value

    currency = _currency_before(doc, start_token, lex)
    if currency:
        unit = currency
        start_token -= 1
        start_char = doc[start_token].idx

    second = _range_end(doc, reading, lex)
    if second is not None:
        low = value if reading.multiplier or not second.multiplier else value * second.multiplier
        value, high, qualifier = low, second.value, "range"
        end_token, end_char = second.end, second.end_char
        if start_token > 0 and doc[start_token - 1].lower_ == "between":
            start_token -= 1
            start_char = doc[start_token].idx

    after_unit = _unit_after(doc, end_token, lex)
    if after_unit and not unit:
        unit, words = after_unit
        last = doc[end_token + words - 1]
        end_token, end_char = end_token + words, last.idx + len(last)

    if qualifier is None:
        trailing = _phrase_at(doc, end_token, lex.trailing_qualifiers)
        if trailing:
            qualifier, words = trailing
            last = doc[end_token + words - 1]
            end_token, end_char = end_token + words, last.idx + len(last)
        else:
            leading = _qualifier_before(doc, start_token, lex, floor)
            if leading:
                qualifier, words = leading
                start_token -= words
                start_char = doc[start_token].idx

    if unit is None:
        unit = _counted_noun(doc, reading if second is None else second, end_token, lex)

    mention = NumberMention(
        text=text_of(doc)[start_char:end_char],
        start=start_char,
        end=end_char,
        value=_plain(value),
        unit=unit,
        qualifier=qualifier,
        low=_plain(low),
        high=_plain(high),
        magnitude=reading.magnitude,
    )
    return mention, end_token


def _currency_before(doc: Doc, i: int, lex: Lexicon) -> Optional[str]:
    """"$", "US$", "€", "USD" right before token `i`."""
    if i == 0:
        return None
    token = doc[i - 1]
    return lex.currency_symbols.get(token.lower_) or (token.text if token.text in lex.currency_codes else None)


def _range_end(doc: Doc, reading: Reading, lex: Lexicon) -> Optional[Reading]:
    """The second number of "10-20", "10 to 20", "two or three", "between 10 and 20"; not of a score."""
    j = reading.end
    if j >= len(doc) or reading.magnitude or reading.ordinal:
        return None
    joiner = doc[j].lower_
    before = doc[reading.start - 1].lower_ if reading.start > 0 else ""
    if before == "from" and joiner == "to":
        return None
    if joiner not in _RANGE_WORDS and not (joiner == "and" and "between" in _words_before(doc, reading.start, 2)):
        return None
    j += 1
    if j < len(doc) and _currency_before(doc, j + 1, lex):
        j += 1
    if j >= len(doc):
        return None
    second = _read_number(doc, j, lex)
    if second is None or second.magnitude or second.ordinal or _is_not_a_count(doc, second, lex):
        return None
    if joiner in _HYPHENS and _is_score(doc, reading, second, lex):
        return None
    return second


def _is_score(doc: Doc, first: Reading, second: Reading, lex: Lexicon) -> bool:
    """"a 5-4 ruling", "won 3-1", "by a 52-48 vote": a result, two counts rather than a range.

    A range never runs downwards; upwards, a score is named by the noun after it ("a 48-52 split") or
    stands alone after "a" ("lost by a 3-5"), where "a 3-5 year term" is still a range.
    """
    if not (first.plain_digits and second.plain_digits) or _unit_after(doc, second.end, lex):
        return False
    if first.value >= second.value:
        return True
    for token in doc[second.end:second.end + 4]:
        if token.lower_ in lex.score_words:
            return True
        if token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            break
    before = doc[first.start - 1].lower_ if first.start > 0 else ""
    following = doc[second.end] if second.end < len(doc) else None
    return before in ("a", "an") and (following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))


def _words_before(doc: Doc, i: int, count: int) -> list[str]:
    return [t.lower_ for t in doc[max(0, i - count):i]]


def _unit_after(doc: Doc, i: int, lex: Lexicon) -> Optional[tuple[str, int]]:
    """Percent or a currency right after the number: ("percent", 2) for "per cent"."""
    percent = _phrase_at(doc, i, lex.percent)
    if percent:
        return percent
    if i < len(doc):
        token = doc[i]
        if token.lower_ in lex.currency_words:
            return lex.currency_words[token.lower_], 1
        if token.text in lex.currency_codes:
            return token.text, 1
    return None


def _phrase_at(doc: Doc, i: int, phrases: dict[tuple[str, ...], str]) -> Optional[tuple[str, int]]:
    """The longest phrase of `phrases` that starts at token `i`, with its number of tokens."""
    for size in (3, 2, 1):
        words = tuple(t.lower_ for t in doc[i:i + size])
        if len(words) == size and words in phrases:
            return phrases[words], size
    return None


def _qualifier_before(doc: Doc, i: int, lex: Lexicon, floor: int) -> Optional[tuple[Qualifier, int]]:
    """The qualifier phrase that ends right before token `i` ("more than", "nearly")."""
    for size in (4, 3, 2, 1):
        if i - size < 0 or doc[i - size].idx < floor:
            continue
        words = tuple(t.lower_ for t in doc[i - size:i])
        if words not in lex.qualifiers:
            continue
        if size == 1 and words[0] in lex.strict_qualifiers and doc[i - 1].dep_ not in ("quantmod", "advmod", "det"):
            continue
        if words == ("about",) and _about_a_topic(doc, i, lex):
            continue
        return lex.qualifiers[words], size
    return None


def _about_a_topic(doc: Doc, i: int, lex: Lexicon) -> bool:
    """"about" meaning "concerning" before the number at `i`: "learn more about 529 plans".

    The parser often reads it as a quantity modifier there, so the word before decides: a word that
    takes a topic ("learn", "more", "questions"), unless the number is a time ("talked about 20 minutes").
    """
    if i < 2 or doc[i].ent_type_ in ("TIME", "DATE"):
        return False
    previous = doc[i - 2]
    return previous.lower_ in lex.topic_words_before_about or previous.lemma_.lower() in lex.topic_words_before_about


def _counted_noun(doc: Doc, reading: Reading, end: int, lex: Lexicon) -> Optional[str]:
    """Lemma of what is counted: "40 people", "3.5 million people", "hundreds of protesters"."""
    last = doc[reading.end - 1]
    head = last.head
    if (
        last.dep_ in _COUNTED_DEPS and head.pos_ in ("NOUN", "PROPN") and head.is_alpha
        and end <= head.i <= end + 3 and not any(t.like_num for t in doc[end:head.i])
    ):
        return head.lemma_.lower()
    if end < len(doc):
        following = doc[end]
        if following.tag_ == "NNS" and following.is_alpha:
            return following.lemma_.lower()
        if following.lower_ == "of" and (reading.magnitude or reading.value < 1):
            nouns = [c for c in following.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return nouns[0].lemma_.lower()
    return None


def _plain(value: Optional[Fraction]) -> Union[int, float, None]:
    """An int when the value is whole, else a float."""
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def _next_kind(doc: Doc, i: int, lex: Lexicon) -> Optional[str]:
    """The kind of number word at token `i + 1` ("units", "tens", ...), if it is one."""
    if i + 1 >= len(doc):
        return None
    following = doc[i + 1].lower_
    if following == "and":
        return "and"
    return (lex.words.get(following) or lex.ordinals.get(following) or (None, 0))[0]


def _glued(doc: Doc, i: int) -> bool:
    """True when token `i` touches both neighbours (the hyphen of "twenty-one")."""
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_
