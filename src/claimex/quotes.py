"""Quotations in running text: straight and curly marks, odd counts, quotes over several paragraphs.

News style leaves a quote open at the end of a paragraph when the same speaker goes on in the next,
which then opens with a quotation mark again; such a quote is one range. A mark that is never closed
opens no quotation, so one stray mark does not swallow the rest of an article. Two apostrophes (`''`), as
some wires and archives write a double quotation mark, count as one straight mark, and an opening curly mark
typed where the closing one belongs (`,“ said`) closes the quotation.
"""

from __future__ import annotations

import re

OPENING = "“„«"
CLOSING = "”»"
MARKS = re.compile(r"''|[\"“”„«»]|\n\s*\n")


def find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of the quotations in `text`, quotation marks included."""
    quotes = []
    open_at: int | None = None
    continued_from: int | None = None  # where a quote left open at a paragraph break began
    for match in MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark[0] == "\n":
            continued_from, open_at = open_at, None
            continue
        if _opens(text, at, open_at is not None):
            if open_at is None:
                line_start = text.rfind("\n", 0, at) + 1  # the current line only, not all the text before
                starts_paragraph = at == 0 or (line_start > 0 and not text[line_start:at].strip(" \t"))
                open_at = continued_from if (continued_from is not None and starts_paragraph) else at
            continued_from = None
        elif open_at is not None:
            quotes.append((open_at, match.end()))
            open_at = None
            continued_from = None
    return tuple(quotes)


def _opens(text: str, at: int, inside: bool) -> bool:
    """Whether the mark at `at` opens a quotation (curly marks say so; straight ones by context)."""
    mark = text[at]
    if mark in OPENING:  # mistyped for a closing one after a word: `“It is unusual,“ said Ana.`
        return not (inside and _ends_a_word(text, at))
    if mark in CLOSING:  # scraped text may open a paragraph with a closing mark: it can only open a quotation
        return not inside and _opens_paragraph(text, at) and not text[at + 1:at + 2].isspace()
    width = 2 if text.startswith("''", at) else 1
    before = text[at - 1] if at else " "
    after = text[at + width] if at + width < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)]}—–-":
        return False
    return not inside


def _ends_a_word(text: str, at: int) -> bool:
    """The mark at `at` stands right after a word or its punctuation and before a space, a line end or punctuation."""
    after = text[at + 1] if at + 1 < len(text) else " "
    return at > 0 and not text[at - 1].isspace() and (after.isspace() or after in ".,;:!?)]}")


def _opens_paragraph(text: str, at: int) -> bool:
    """Only spaces, or nothing, stand between `at` and the line break or the start of the text before it."""
    before = at - 1
    while before >= 0 and text[before] in " \t\u00a0":
        before -= 1
    return before < 0 or text[before] == "\n" or (text[before].isspace() and text[:before + 1].isspace())
