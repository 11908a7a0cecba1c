"""Reading a number phrase from tokens: digits ("1,200", "4.5bn"), number words ("one hundred and five"),
fractions ("two-thirds", "a quarter of a million"), magnitudes ("hundreds of thousands") and ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from spacy.tokens import Doc

from claimex.numbers.lexicon import NumberLexicon

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$", re.IGNORECASE)
_HYPHENS = frozenset({"-", "–", "—"})


@dataclass(frozen=True)
class NumberPhrase:
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


def _read_number(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
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
        return _scaled(doc, NumberPhrase(i, i + 1, token.idx + len(token), Fraction(1, 2)), lex, article=True)
    if lower in lex.words:
        return _read_words(doc, i, lex, _Accumulator(), i)
    if lower in lex.ordinals:
        return _read_words(doc, i, lex, _Accumulator(), i) if _is_ordinal_word(doc, i, inside=False) else None
    if token.text[0].isdigit():
        return _read_digits(doc, i, lex)
    return None


def _read_digits(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """"1,200", "3.5", "4.5bn", then any scale words that follow ("3.5 million", "£20m")."""
    token = doc[i]
    match = _DIGITS.match(token.text)
    if not match:
        return None
    whole, decimals, suffix = match.groups()
    value = Fraction(whole.replace(",", "") + (decimals or ""))
    if suffix:
        if suffix.lower() in lex.ordinal_suffixes and not decimals:
            return NumberPhrase(i, i + 1, token.idx + len(token), value, ordinal=True)
        if suffix.lower() not in lex.suffixes:
            return None
        multiplier = lex.suffixes[suffix.lower()]
        return NumberPhrase(i, i + 1, token.idx + len(token), value * multiplier, multiplier)
    following = doc[i + 1] if i + 1 < len(doc) else None
    if following is not None and not token.whitespace_:
        suffix = following.lower_.rstrip(".")
        if suffix in lex.suffixes and following.lower_ in (suffix, suffix + "."):
            multiplier = lex.suffixes[suffix]
            return NumberPhrase(i, i + 2, following.idx + len(suffix), value * multiplier, multiplier)
    accumulator = _Accumulator(value, last="digits")
    reading = _read_words(doc, i + 1, lex, accumulator, i)
    plain = reading.end == i + 1 and not decimals and "," not in whole
    return NumberPhrase(reading.start, reading.end, reading.end_char, reading.value, reading.multiplier,
                   plain_digits=plain, ordinal=reading.ordinal)


def _read_words(doc: Doc, i: int, lex: NumberLexicon, accumulator: _Accumulator, start: int) -> NumberPhrase:
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
                return NumberPhrase(start, j + 1, last.idx + len(last), accumulator.value, words=True, ordinal=True)
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
    reading = NumberPhrase(start, widened, last.idx + len(last), value, accumulator.multiplier, words=widened > i)
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


def _scaled(doc: Doc, reading: NumberPhrase, lex: NumberLexicon, article: bool = False) -> NumberPhrase:
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
    return NumberPhrase(reading.start, j + 1, scale_word.idx + len(scale_word), reading.value * scale, scale, words=True)


def _fraction_or_half(doc: Doc, end: int, lex: NumberLexicon, accumulator: _Accumulator) -> tuple[Fraction, int]:
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


def _read_magnitude(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
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
    return NumberPhrase(i, end, last.idx + len(last), Fraction(value), magnitude=doc[i:end].text.lower())


def _read_after_article(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """"a dozen", "a million", "a third of", "a quarter of", "a quarter of a million", "a half million"."""
    following = doc[i + 1].lower_
    kind = lex.words.get(following, ("", 0))[0]
    if kind in ("hundreds", "scales") and following not in lex.magnitudes:
        return _read_words(doc, i + 1, lex, _Accumulator(Fraction(1), last="units"), i)
    has_of = i + 2 < len(doc) and doc[i + 2].lower_ == "of"
    if following in lex.fractions and not following.endswith("s"):
        word = doc[i + 1]
        fraction = NumberPhrase(i, i + 2, word.idx + len(word), Fraction(1, lex.fractions[following]))
        scaled = _scaled(doc, fraction, lex)
        if scaled is not fraction or has_of:
            return scaled
    return None


def _next_kind(doc: Doc, i: int, lex: NumberLexicon) -> Optional[str]:
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
