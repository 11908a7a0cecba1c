"""Counts, amounts and ordinals: `lexicon` (word lists), `tokens` (token-level tests), `grammar` (the
phrase record, the spelled-out number grammar and small value readers), `phrases` (a number phrase read
from tokens), `mentions` (phrases widened into mentions with currency, percent, range and qualifier)."""

from claimex.numbers.mentions import find_numbers

__all__ = ["find_numbers"]
