"""The word lists of `models/numbers.json`, ready for look-ups."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from claimex.resources import read_lexicon
from claimex.schema import Qualifier


@dataclass(frozen=True)
class NumberLexicon:
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
    spaced_suffixes: frozenset[str]
    negative_words: frozenset[str]
    quantity_words: dict[str, int]
    approximate_quantities: frozenset[str]
    vague_counts: frozenset[str]
    decimal_point_words: frozenset[str]
    ratio_words: dict[tuple[str, ...], str]
    counted_time_units: frozenset[str]

    @functools.cached_property
    def opening_words(self) -> frozenset[str]:
        """Every word a number phrase may open with (the others need a digit): number words, ordinals,
        fractions, magnitudes, vague counts, a negation, an article ("a million")."""
        return frozenset(self.words) | frozenset(self.ordinals) | frozenset(self.fractions) | frozenset(
            self.magnitudes) | frozenset(self.magnitudes_before_of) | self.vague_counts | self.negative_words | {
            "a", "an", "half"}


@functools.lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    """The numbers lexicon, loaded once."""
    data = read_lexicon("numbers.json")
    words: dict[str, tuple[str, int]] = {}
    for kind in ("units", "teens", "tens", "hundreds", "scales"):
        words.update({word: (kind, value) for word, value in data[kind].items()})
    words.update({word: ("zero", 0) for word in data["zero_words"]})
    qualifiers = {
        tuple(phrase.split()): qualifier
        for qualifier, phrases in data["qualifiers"].items()
        for phrase in phrases
    }
    trailing = {tuple(p.split()) for p in data["trailing_qualifiers"]}
    word_sets = {name: frozenset(data[name]) for name, field in NumberLexicon.__dataclass_fields__.items()
                 if field.type == "frozenset[str]"}
    return NumberLexicon(
        **word_sets,
        words=words,
        suffixes=data["suffixes"],
        magnitudes=data["magnitudes"],
        magnitudes_before_of=data["magnitudes_before_of"],
        fractions=_fractions(data),
        ordinals={word: (_kind_of(value), value) for word, value in data["ordinals"].items()},
        qualifiers={k: v for k, v in qualifiers.items() if k not in trailing},
        trailing_qualifiers={k: v for k, v in qualifiers.items() if k in trailing},
        percent={tuple(k.split()): v for k, v in data["percent"].items()},
        currency_symbols=data["currency_symbols"],
        currency_words=data["currency_words"],
        quantity_words=data["quantity_words"],
        ratio_words={tuple(phrase.split()): phrase for phrase in data["ratio_words"]},
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


def _fractions(data: dict) -> dict[str, int]:
    """Denominator words: the lexicon's own ("half", "quarter") and every ordinal from "third" up, singular
    and plural ("a thirtieth", "two hundredths")."""
    ordinals = {word: value for word, value in data["ordinals"].items() if value >= 3 and " " not in word}
    plurals = {word + "s": value for word, value in ordinals.items()}
    return {**ordinals, **plurals, **data["fractions"]}
