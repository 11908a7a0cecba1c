"""Token-level tests of the number grammar: signs, digit groups, glued hyphens, spaces inside a line, and
the small phrases ("three fifths", "21") that the readers in `phrases` look ahead for.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

from spacy.tokens import Doc

from claimex.numbers.lexicon import NumberLexicon

_DIGIT_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
_HYPHENS = frozenset({"-", "–", "—"})
_NARROW_SPACES = ("\u00a0", "\u202f", "\u2009")  # no-break, narrow no-break and thin spaces between digit groups
_OPENERS = "([{\"'“‘:"


def _hyphen_idiom(doc: Doc, end: int) -> bool:
    """"one-off", "one-sided", "one-on-one": a number word glued to a particle or participle is no count."""
    if end + 1 >= len(doc) or doc[end].text not in _HYPHENS or not _glued(doc, end):
        return False
    following = doc[end + 1]
    return following.pos_ in ("ADP", "ADV", "PART") or following.tag_ == "VBN"


def _sign_may_start(doc: Doc, i: int) -> bool:
    """A sign glued to digits counts after a space or an opening bracket, not inside "A-40" or "10-20"."""
    return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space or doc[i - 1].text in _OPENERS


def _digit_groups(doc: Doc, i: int) -> Optional[tuple[str, int]]:
    """"1 234 567", "1 234 567.89": groups of three digits after a short first one, split by narrow or
    no-break spaces, or by plain spaces when there are two groups or more; their digits and last token."""
    digits, j, separators = "", i, []
    while True:
        separator, k = doc[j].whitespace_, j + 1
        if not separator and k < len(doc) and doc[k].text in _NARROW_SPACES and not doc[k].whitespace_:
            separator, k = doc[k].text, k + 1
        if separator not in (" ",) + _NARROW_SPACES or k >= len(doc) or not _DIGIT_GROUP.match(doc[k].text):
            break
        digits, j = digits + doc[k].text, k
        separators.append(separator)
        if "." in doc[k].text:
            break
    if not separators or len(set(separators)) > 1 or (separators[0] == " " and len(separators) < 2):
        return None
    return digits, j


def _fraction_phrase(doc: Doc, i: int, lex: NumberLexicon) -> Optional[tuple[Fraction, int]]:
    """"a half", "one quarter", "three fifths" from token `i` (a count below ten): the fraction and the token after it."""
    if i >= len(doc):
        return None
    kind, count = lex.words.get(doc[i].lower_, ("", 0))
    if doc[i].lower_ in ("a", "an"):
        count = 1
    elif kind != "units":  # "one hundred and thirty fifths" is 130 fifths
        return None
    j = _after_spaces(doc, i + 1)
    word = doc[j].lower_ if j < len(doc) else ""
    if word not in lex.fractions or not (word.endswith("s") or count == 1):
        return None
    return Fraction(count, lex.fractions[word]), j + 1


def _digits_word(token) -> Optional[tuple[str, int]]:
    """Plain digits below 1,000 as the number word they stand for: "3" units, "21" tens."""
    if not re.fullmatch(r"\d{1,3}", token.text):
        return None
    value = int(token.text)
    return ("units" if value < 10 else "teens" if value < 20 else "tens"), value


def _after_spaces(doc: Doc, i: int) -> int:
    """The first token from `i` on that is not a run of spaces inside a line."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def _glued(doc: Doc, i: int) -> bool:
    """True when token `i` touches both neighbours (the hyphen of "twenty-one")."""
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def reads_as_year(token, lex: NumberLexicon) -> bool:
    """Whether a plain four-digit number names a year ("2022", "in 1066", "by 2100", "the 2014 protests", "2005 levels")
    rather than a count ("has 2014 staff", "1500 cars", "about 1200"). The numbers and the dates stages both
    ask this, so that a year is a date or a number, never both."""
    if not re.fullmatch(r"\d{4}", token.text):
        return False
    value, doc = int(token.text), token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    placed = before in lex.year_prepositions or before in lex.months or before in lex.year_determiners
    if not 1000 <= value <= 2199 or (not 1800 <= value <= 2099 and not placed) or before in lex.currency_symbols:
        return False
    head = token.head
    counts = token.dep_ == "nummod" and head.i > token.i and head.pos_ == "NOUN" and token.ent_type_ != "DATE"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return placed or not (counts or after in lex.counted_time_units)
