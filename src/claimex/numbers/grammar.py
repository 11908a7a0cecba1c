"""The values of number phrases: the phrase record, the spelled-out number grammar, and the small readers
that give a phrase its value (signs, powers, slash fractions, ordinal denominators, vague magnitudes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Optional

from spacy.tokens import Doc

from claimex.numbers.lexicon import NumberLexicon
from claimex.numbers.tokens import _HYPHENS, _glued

_POWER = re.compile(r"^(?P<base>[-−+]?\d+(?:\.\d+)?)\^(?P<signs>[-+]*)(?P<exponent>\d{1,3})$")


@dataclass(frozen=True)
class NumberPhrase:
    """A number phrase read from tokens `start:end`; `end_char` ends it inside a token ("3m.")."""

    start: int
    end: int
    end_char: int
    value: Optional[Fraction]  # None for a magnitude without a count ("several million")
    multiplier: Optional[int] = None
    magnitude: Optional[str] = None
    qualifier: Optional[str] = None  # "a few": approximately
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
        self.mixed = last == "digits"  # "4 thousand 3 hundred and 21": digits may follow number words
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
        elif kind == "scales" and self.last == "scale" and value > self.multiplier:  # "three lakh crore"
            self.total *= value
            self.largest_scale = self.multiplier = self.multiplier * value
        elif kind == "scales":
            if self.last in ("scale", "and", "zero") or (self.largest_scale and value >= self.largest_scale):
                return False
            self.total += (self.group or 1) * value
            self.group, self.hundred_in_group = Fraction(0), False
            self.largest_scale = self.multiplier = value
            kind = "scale"
        self.last = kind
        return True


def _negated(reading: Optional[NumberPhrase], start: int) -> Optional[NumberPhrase]:
    """"minus 40", "negative 77": the number after the word, below zero, read from the word on."""
    if reading is None or reading.ordinal or reading.value is None:
        return None
    return replace(reading, start=start, value=-reading.value, plain_digits=False, words=True)


def _read_vague(doc: Doc, i: int, j: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """"several million", "a few hundred thousand": an order of magnitude with no exact value."""
    end = j
    while end < len(doc) and lex.words.get(doc[end].lower_, ("",))[0] in ("hundreds", "scales"):
        end += 1
    if end == j or doc[end - 1].lower_.endswith("s"):
        return None
    last = doc[end - 1]
    return NumberPhrase(i, end, last.idx + len(last), None, magnitude=" ".join(t.lower_ for t in doc[i:end]))


def _power(doc: Doc, start: int, last: int, base: str, signs: str, exponent: str) -> Optional[NumberPhrase]:
    """Tokens `start..last` as `base` to the power of the exponent; "^--23" is "^23"."""
    try:
        value = Fraction(base.replace("−", "-")) ** ((-1) ** signs.count("-") * int(exponent))
    except ZeroDivisionError:
        return None
    return NumberPhrase(start, last + 1, doc[last].idx + len(doc[last]), value)


def _with_power(doc: Doc, reading: Optional[NumberPhrase]) -> Optional[NumberPhrase]:
    """"1.1 ^ 23" written over three tokens, "2.5^-1": the base raised to the exponent."""
    if reading is None or reading.end - reading.start != 1 or reading.end + 1 >= len(doc):
        return reading
    caret, exponent = doc[reading.end], doc[reading.end + 1]
    written = re.fullmatch(r"(?P<signs>[-+]*)(?P<exponent>\d{1,3})", exponent.text)
    if caret.text != "^" or not written or caret.whitespace_ or doc[reading.start].whitespace_:
        return reading
    return _power(doc, reading.start, reading.end + 1, doc[reading.start].text, written["signs"], written["exponent"])


def _read_fraction(doc: Doc, i: int, numerator: int, denominator: int) -> Optional[NumberPhrase]:
    """"2/7", "-4/5": a proper fraction written with a slash; not a date ("9/11") nor a score."""
    token = doc[i]
    if not 0 < abs(numerator) < denominator or token.ent_type_ in ("DATE", "TIME"):
        return None
    return NumberPhrase(i, i + 1, token.idx + len(token), Fraction(numerator, denominator))


def _ordinal_denominator(doc: Doc, k: int, lex: NumberLexicon) -> Optional[tuple[int, bool, int]]:
    """A compound ordinal from token `k` as a denominator ("twenty-fifth", "twenty firsts", "one hundred and
    fifth"): its value, whether it is plural, and the token after it."""
    accumulator, j = _Accumulator(), k
    while j < len(doc):
        lower = doc[j].lower_
        singular = lower[:-1] if lower.endswith("s") and lower[:-1] in lex.ordinals else lower
        if singular in lex.ordinals and accumulator.last is not None:
            if not accumulator.take(*lex.ordinals[singular]):
                return None
            return int(accumulator.value), singular != lower, j + 1
        if lower in lex.words and accumulator.take(*lex.words[lower]):
            j += 1
        elif (lower in _HYPHENS and _glued(doc, j)) or (doc[j].is_space and "\n" not in doc[j].text) or lower == "and":
            j += 1
        else:
            return None
    return None


def _may_take_decimals(doc: Doc, start: int, accumulator: _Accumulator) -> bool:
    """A spelled decimal point may follow a whole number, but not "at one point"."""
    if accumulator.last not in ("units", "teens", "tens", "digits", "zero", "hundred", "scale"):
        return False
    return not (doc[start].lower_ == "one" and start > 0 and doc[start - 1].lower_ == "at")
