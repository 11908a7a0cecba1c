"""Counts, amounts and ordinals: `lexicon` (word lists), `phrases` (a number phrase read from tokens),
`mentions` (phrases widened into mentions with currency, percent, range and qualifier)."""

from claimex.numbers.mentions import find_numbers

__all__ = ["find_numbers"]
