"""Reading a number phrase from tokens: digits ("1,200", "4.5bn"), number words ("one hundred and five"),
fractions ("two-thirds", "a quarter of a million"), magnitudes ("hundreds of thousands") and ordinals.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from typing import Optional

from spacy.tokens import Doc

from claimex.numbers.grammar import (
    _POWER,
    NumberPhrase,
    _Accumulator,
    _may_take_decimals,
    _negated,
    _ordinal_denominator,
    _power,
    _read_fraction,
    _read_vague,
    _with_power,
)
from claimex.numbers.lexicon import NumberLexicon
from claimex.numbers.tokens import (
    _HYPHENS,
    _after_spaces,
    _digit_groups,
    _digits_word,
    _fraction_phrase,
    _glued,
    _hyphen_idiom,
    _sign_may_start,
    reads_as_year,
)

_DIGITS = re.compile(
    r"^(?P<sign>[-−+]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?P<decimals>\.\d+)?"
    r"(?:e(?P<exponent>[+-]?\d{1,2}))?(?P<suffix>[a-z]*)(?P<dot>\.?)$",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"^(?P<sign>[-−+]?)(?P<numerator>\d+)/(?P<denominator>\d+)$")
_MINUS_SIGNS = ("-", "−")


def _read_number(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """The number phrase that starts at token `i`, if any."""
    token = doc[i]
    lower = token.lower_
    if lower in lex.negative_words and i + 1 < len(doc):
        return _negated(_read_number(doc, i + 1, lex), i)
    if lower in lex.vague_counts:
        return _read_vague(doc, i, i + 1, lex)
    if lower in lex.magnitudes or lower in lex.magnitudes_before_of:
        return _read_magnitude(doc, i, lex)
    if lower in ("a", "an") and i + 1 < len(doc):
        return _read_after_article(doc, i, lex)
    if lower == "half" or (lower in lex.fractions and _next_kind(doc, i, lex) == "scales"):  # "quarter million"
        if i > 0 and doc[i - 1].lower_ in lex.ordinals:
            return None
        fraction = NumberPhrase(i, i + 1, token.idx + len(token), Fraction(1, lex.fractions[lower]))
        scaled = _scaled(doc, fraction, lex, article=True)
        return scaled if lower == "half" or scaled is not fraction else None
    if lower in lex.words:
        reading = _read_words(doc, i, lex, _Accumulator(), i)
        return None if _hyphen_idiom(doc, reading.end) else reading
    if lower in lex.ordinals:
        return _read_words(doc, i, lex, _Accumulator(), i) if _is_ordinal_word(doc, i, inside=False) else None
    if _DIGITS.match(token.text) or _FRACTION.match(token.text):
        return _with_power(doc, _read_digits(doc, i, lex))
    power = _POWER.match(token.text)
    return _power(doc, i, i, power["base"], power["signs"], power["exponent"]) if power else None


def _read_digits(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """"1,200", "3.5", "4.5bn", then any scale words that follow ("3.5 million", "£20m")."""
    token = doc[i]
    fraction = _FRACTION.match(token.text)
    match = fraction or _DIGITS.match(token.text)
    if not match or (match["sign"] and not _sign_may_start(doc, i)):
        return None
    sign = -1 if match["sign"] in _MINUS_SIGNS else 1
    if fraction:
        return _read_fraction(doc, i, sign * int(fraction["numerator"]), int(fraction["denominator"]))
    whole, decimals, suffix = match["whole"], match["decimals"], match["suffix"]
    value = sign * Fraction((whole.replace(",", "") or "0") + (decimals or ""))
    end_char = token.idx + len(token) - len(match["dot"])
    if match["exponent"] or (match["dot"] and not suffix):
        if suffix or match["dot"]:
            return None
        return NumberPhrase(i, i + 1, end_char, value * Fraction(10) ** int(match["exponent"]))
    if suffix:
        if suffix.lower() in lex.ordinal_suffixes and not decimals:
            return NumberPhrase(i, i + 1, end_char, value, ordinal=True)
        if suffix.lower() not in lex.suffixes:
            return None
        multiplier = lex.suffixes[suffix.lower()]
        return NumberPhrase(i, i + 1, end_char, value * multiplier, multiplier)
    following = doc[i + 1] if i + 1 < len(doc) else None
    if following is not None:
        suffix = following.lower_.rstrip(".")
        glued = not token.whitespace_ and following.lower_ in (suffix, suffix + ".")
        spaced = token.whitespace_ == " " and following.text.rstrip(".") in lex.spaced_suffixes
        if suffix in lex.suffixes and (glued or spaced):
            multiplier = lex.suffixes[suffix]
            return NumberPhrase(i, i + 2, following.idx + len(suffix), value * multiplier, multiplier)
    if len(whole) <= 3 and not decimals:
        grouped = _digit_groups(doc, i)
        if grouped is not None:
            groups, last = grouped
            value = sign * Fraction(whole + groups)
            return NumberPhrase(i, last + 1, doc[last].idx + len(doc[last]), value)
    after = _after_spaces(doc, i + 1)
    following_fraction = _FRACTION.match(doc[after].text) if after < len(doc) and not decimals else None
    if following_fraction and token.whitespace_ and not following_fraction["sign"]:  # "2 1/4"
        part = _read_fraction(doc, after, int(following_fraction["numerator"]), int(following_fraction["denominator"]))
        if part is not None:
            return replace(part, start=i, value=value + sign * part.value)
    accumulator = _Accumulator(value, last="digits")
    reading = _read_words(doc, i + 1, lex, accumulator, i)
    plain = reading.end == i + 1 and not decimals and "," not in whole and not match["sign"]
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
        elif accumulator.mixed and accumulator.last in ("hundred", "scale") and _digits_word(doc[j]) \
                and ((accumulator.last == "hundred" and doc[j - 1].lower_ == "and")
                     or _next_kind(doc, j, lex) in ("hundreds", "scales")) \
                and accumulator.take(*_digits_word(doc[j])):
            j = end = j + 1
        elif lower == "and" and _fraction_phrase(doc, _after_spaces(doc, j + 1), lex):
            break
        elif lower == "and" and accumulator.last in ("hundred", "scale") and _next_kind(doc, j, lex) in (
            "units", "teens", "tens",
        ):
            j += 1
        elif doc[j].is_space and "\n" not in doc[j].text and _next_kind(doc, j, lex) is not None:
            j += 1
        elif lower in _HYPHENS and accumulator.last == "tens" and _next_kind(doc, j, lex) == "units" \
                and (_glued(doc, j) or doc[j - 1].whitespace_ == doc[j].whitespace_ == " "):  # a range never falls
            j += 1
        else:
            break
    value, widened = _fraction_or_half(doc, end, lex, accumulator)
    decimals = _decimal_part(doc, end, lex) if widened == end and _may_take_decimals(doc, start, accumulator) else None
    if decimals is not None:
        fraction, widened = decimals
        value += fraction if value >= 0 else -fraction
    denominator = _ordinal_denominator(doc, _after_spaces(doc, end), lex) if widened == end and accumulator.last in (
        "units", "teens", "tens") else None
    if denominator is not None and (denominator[1] or value == 1):  # "three twenty-firsts", "one twenty-fifth"
        value, widened = value / denominator[0], denominator[2]
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
    j = _after_spaces(doc, reading.end)
    words = [t.lower_ for t in doc[j:j + 3] if not t.is_space][:2]
    if words and words[0] == "of" and words[1:] in (["a"], ["an"]):
        j = _after_spaces(doc, _after_spaces(doc, j + 1) + 1)
    elif article and words[:1] in (["a"], ["an"]):
        j = _after_spaces(doc, j + 1)
    if j >= len(doc):
        return reading
    scale_word = doc[j]
    kind, scale = lex.words.get(scale_word.lower_, ("", 0))
    if kind not in ("hundreds", "scales") or scale_word.lower_.endswith("s"):
        return reading
    return NumberPhrase(reading.start, j + 1, scale_word.idx + len(scale_word), reading.value * scale, scale, words=True)


def _fraction_or_half(doc: Doc, end: int, lex: NumberLexicon, accumulator: _Accumulator) -> tuple[Fraction, int]:
    """Widen a number into "two-thirds", "two and a half", "forty two and a third", "one hundred and three
    quarters", "a million and a half" (half a million more), "one billion and a quarter million"."""
    value = accumulator.value
    if accumulator.last in ("units", "teens", "tens", "digits", "hundred", "scale"):
        j = _after_spaces(doc, end)
        j = _after_spaces(doc, j + 1) if j < len(doc) and doc[j].text in _HYPHENS else j
        if j < len(doc) and doc[j].lower_ in lex.fractions:
            word = doc[j].lower_
            if word.endswith("s") or (value == 1 and accumulator.last not in ("hundred", "scale")):
                return value / lex.fractions[word], j + 1
    if accumulator.last not in ("units", "teens", "tens", "digits", "hundred", "scale"):
        return value, end
    joiner = _after_spaces(doc, end)
    part = _fraction_phrase(doc, _after_spaces(doc, joiner + 1), lex) if doc[joiner:joiner + 1].text == "and" else None
    if part is None:
        return value, end
    fraction, after = part
    if accumulator.last == "scale":
        scale_at = _after_spaces(doc, after)
        kind, scale = lex.words.get(doc[scale_at].lower_ if scale_at < len(doc) else "", ("", 0))
        if kind == "scales" and not doc[scale_at].lower_.endswith("s"):
            return value + fraction * scale, scale_at + 1
        fraction *= accumulator.multiplier
    return value + fraction, after


def _decimal_part(doc: Doc, end: int, lex: NumberLexicon) -> Optional[tuple[Fraction, int]]:
    """"point one six", "point 5", "point nought four", "point seventy-one" after a whole number."""
    k = _after_spaces(doc, end)
    if k >= len(doc) or doc[k].lower_ not in lex.decimal_point_words:
        return None
    digits, k = "", _after_spaces(doc, k + 1)
    while k < len(doc):
        kind, value = lex.words.get(doc[k].lower_, ("", 0))
        if kind in ("units", "zero"):
            digits, k = digits + str(value), _after_spaces(doc, k + 1)
        elif not digits and re.fullmatch(r"\d+", doc[k].text):
            digits, k = doc[k].text, k + 1
        elif not digits and kind in ("teens", "tens"):
            reading = _read_words(doc, k, lex, _Accumulator(), k)
            digits, k = str(int(reading.value)), reading.end
        else:
            break
    while k > end and doc[k - 1].is_space:
        k -= 1
    return (Fraction(f"0.{digits}"), k) if digits else None


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
    """"a dozen", "a million", "a third of", "a quarter of", "a quarter of a million", "a half million",
    "a fifth", "a couple of", "a pair of", "a few"."""
    following = doc[i + 1].lower_
    kind = lex.words.get(following, ("", 0))[0]
    if following in lex.quantity_words:
        return _read_quantity(doc, i, lex)
    denominator = _ordinal_denominator(doc, i + 1, lex) if kind in ("units", "teens", "tens") else None
    if denominator is not None and not denominator[1]:  # "a twenty-first", not "a twenty-first birthday"
        after = doc[denominator[2]] if denominator[2] < len(doc) else None
        if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            last = doc[denominator[2] - 1]
            return NumberPhrase(i, denominator[2], last.idx + len(last), Fraction(1, denominator[0]))
    if kind in ("hundreds", "scales") and following not in lex.magnitudes:
        return _read_words(doc, i + 1, lex, _Accumulator(Fraction(1), last="units"), i)
    has_of = i + 2 < len(doc) and doc[i + 2].lower_ == "of"
    if following in lex.fractions and not following.endswith("s"):
        word = doc[i + 1]
        fraction = NumberPhrase(i, i + 2, word.idx + len(word), Fraction(1, lex.fractions[following]))
        scaled = _scaled(doc, fraction, lex)
        after = doc[i + 2] if i + 2 < len(doc) else None
        if scaled is not fraction or has_of or after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return scaled
    return None


def _read_quantity(doc: Doc, i: int, lex: NumberLexicon) -> Optional[NumberPhrase]:
    """"a few" (3, approximately), "a couple of" (2, approximately), "a pair of" (2), "a couple hundred";
    "a few million" is a magnitude. "A couple" and "a pair" need "of" or a count after them."""
    word, after = doc[i + 1], doc[i + 2] if i + 2 < len(doc) else None
    scale_kind = lex.words.get(after.lower_, ("",))[0] if after is not None else ""
    if word.lower_ == "few" and scale_kind in ("hundreds", "scales"):
        return _read_vague(doc, i, i + 2, lex)
    qualifier = "approximately" if word.lower_ in lex.approximate_quantities else None
    value = Fraction(lex.quantity_words[word.lower_])
    if scale_kind in ("hundreds", "scales"):
        return replace(_read_words(doc, i + 2, lex, _Accumulator(value, last="units"), i), qualifier=qualifier)
    counted = after is not None and (after.lower_ == "of" or (word.lower_ == "couple" and after.tag_ == "NNS"))
    if word.lower_ != "few" and not counted:
        return None
    return NumberPhrase(i, i + 2, word.idx + len(word), value, qualifier=qualifier)


def _next_kind(doc: Doc, i: int, lex: NumberLexicon) -> Optional[str]:
    """The kind of number word after token `i` and any spaces ("units", "tens", ...), if it is one;
    small plain digits ("21") count by their size."""
    j = _after_spaces(doc, i + 1)
    if j >= len(doc):
        return None
    following = doc[j].lower_
    if following == "and":
        return "and"
    return (lex.words.get(following) or lex.ordinals.get(following) or _digits_word(doc[j]) or (None, 0))[0]


def with_ratio(doc: Doc, reading: NumberPhrase, lex: NumberLexicon) -> NumberPhrase:
    """"one out of three", "one in five", "1 over 20": a share. After "over" nothing may be counted ("$10 million over
    5 years" is no ratio)."""
    if reading.ordinal or reading.magnitude or reading.value is None:
        return reading
    for size in (2, 1):
        words = tuple(t.lower_ for t in doc[reading.end:reading.end + size])
        if len(words) == size and words in lex.ratio_words:
            break
    else:
        return reading
    second = _read_number(doc, reading.end + size, lex)
    if second is None or second.ordinal or second.magnitude or not second.value:
        return reading
    if words == ("in",) and (reading.value != 1 or not second.words and reads_as_year(doc[second.start], lex)):
        return reading  # 'one in five', not 'three in 2019'
    after = doc[second.end] if second.end < len(doc) else None
    if words == ("over",) and after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return reading
    return NumberPhrase(reading.start, second.end, second.end_char, reading.value / second.value, words=True)
