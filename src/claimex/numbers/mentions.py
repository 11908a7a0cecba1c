"""Counts, amounts and ordinals in a Doc: "nearly forty people", "$4.5 billion", "12%", "the 21st".

One left-to-right pass over the tokens. A number phrase is read from digits or number words, then
widened by what surrounds it: a currency before or after, a percent sign, a range, a qualifier
("more than", "nearly"). Ordinals ("third", "21st", "one hundred and forty second") are kept with
kind "ordinal" and nothing around them. Years, days of the month, clock times, pronoun "one" ("the
best one") and numbers that are part of a name ("Boeing 737") are left out. A score ("a 5-4 ruling")
is two counts, not a range.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional, Union

from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.numbers.grammar import NumberPhrase
from claimex.numbers.lexicon import NumberLexicon, lexicon
from claimex.numbers.phrases import _read_number, with_ratio
from claimex.numbers.tokens import _HYPHENS, reads_as_year
from claimex.schema import NumberMention, Qualifier

_DIGIT = re.compile(r"\d")
_RANGE_WORDS = frozenset({"to", "or"} | _HYPHENS)
_COUNTED_DEPS = frozenset({"nummod", "quantmod", "compound"})


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every count or amount in `doc`, in text order."""
    lex = lexicon()
    mentions: list[NumberMention] = []
    i = 0
    for start in _possible_starts(doc, lex):
        if start < i:
            continue
        i = start
        reading = _read_number(doc, i, lex)
        if reading is None:
            continue
        reading = with_ratio(doc, reading, lex)
        if _is_not_a_count(doc, reading, lex):
            i = _end_of_range_from(doc, reading, lex)
            continue
        mention, i = _mention(doc, reading, lex, floor=mentions[-1].end if mentions else 0)
        mentions.append(mention)
    return mentions


def _possible_starts(doc: Doc, lex: NumberLexicon) -> list[int]:
    """The tokens a number phrase may start at: a digit in it, or a word a number phrase opens with."""
    opening = lex.opening_words
    return [token.i for token in doc
            if token.lower_ in opening or (not token.is_alpha and _DIGIT.search(token.text) is not None)]


def _end_of_range_from(doc: Doc, reading: NumberPhrase, lex: NumberLexicon) -> int:
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


def _is_not_a_count(doc: Doc, reading: NumberPhrase, lex: NumberLexicon) -> bool:
    """Years, days of the month, clock times, pronoun "one", numbers inside names."""
    first = doc[reading.start]
    before = doc[reading.start - 1].lower_ if reading.start > 0 else ""
    after = doc[reading.end].lower_ if reading.end < len(doc) else ""
    if _inside_a_name(doc, reading, lex) or after in lex.time_markers:
        return True
    label = "".join(t.lower_ for t in doc[max(0, reading.start - 2):reading.start])
    if before in lex.label_markers or (before == "." and label in lex.label_markers):
        return True
    if reading.words and first.is_title and not first.is_sent_start and doc[reading.start - 1].pos_ == "PROPN":
        return True
    if reading.plain_digits or reading.ordinal:
        value = int(reading.value)
        if reading.plain_digits and reads_as_year(first, lex) and not _unit_after(doc, reading.end, lex):
            return True
        after_of = doc[reading.end + 1].lower_ if after == "of" and reading.end + 1 < len(doc) else ""
        if 1 <= value <= 31 and (before in lex.months or after in lex.months or after_of in lex.months):
            return True
    return first.lower_ == "one" and reading.end == reading.start + 1 and _is_pronoun_one(doc, reading.start, lex)


def _inside_a_name(doc: Doc, reading: NumberPhrase, lex: NumberLexicon) -> bool:
    """"Boeing 737", "Apollo 11": a name entity with words of its own or after a name; an entity of the
    number alone ("raised 6.2M", read as a product) is no name."""
    first = doc[reading.start]
    if first.ent_type_ not in lex.name_entity_types:
        return False
    entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    if entity is None or any(t.is_alpha and not reading.start <= t.i < reading.end for t in entity):
        return True
    return entity.start > 0 and (doc[entity.start - 1].pos_ == "PROPN" or bool(doc[entity.start - 1].ent_type_))


def _is_pronoun_one(doc: Doc, i: int, lex: NumberLexicon) -> bool:
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


def _mention(doc: Doc, reading: NumberPhrase, lex: NumberLexicon, floor: int) -> tuple[NumberMention, int]:
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
    qualifier: Optional[Qualifier] = reading.qualifier
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


def _currency_before(doc: Doc, i: int, lex: NumberLexicon) -> Optional[str]:
    """"$", "US$", "€", "USD" right before token `i`."""
    if i == 0:
        return None
    token = doc[i - 1]
    return lex.currency_symbols.get(token.lower_) or (token.text if token.text in lex.currency_codes else None)


def _range_end(doc: Doc, reading: NumberPhrase, lex: NumberLexicon) -> Optional[NumberPhrase]:
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


def _is_score(doc: Doc, first: NumberPhrase, second: NumberPhrase, lex: NumberLexicon) -> bool:
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


def _unit_after(doc: Doc, i: int, lex: NumberLexicon) -> Optional[tuple[str, int]]:
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


def _qualifier_before(doc: Doc, i: int, lex: NumberLexicon, floor: int) -> Optional[tuple[Qualifier, int]]:
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


def _about_a_topic(doc: Doc, i: int, lex: NumberLexicon) -> bool:
    """"about" meaning "concerning" before the number at `i`: "learn more about 529 plans".

    The parser often reads it as a quantity modifier there, so the word before decides: a word that
    takes a topic ("learn", "more", "questions"), unless the number is a time ("talked about 20 minutes").
    """
    if i < 2 or doc[i].ent_type_ in ("TIME", "DATE"):
        return False
    previous = doc[i - 2]
    return previous.lower_ in lex.topic_words_before_about or previous.lemma_.lower() in lex.topic_words_before_about


def _counted_noun(doc: Doc, reading: NumberPhrase, end: int, lex: NumberLexicon) -> Optional[str]:
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
