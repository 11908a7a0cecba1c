"""Page furniture (template debug output, ads, share rows, newsletter prompts) marked, never removed.

The text is left exactly as it is, so offsets never shift: the component records which lines are
boilerplate in `doc._.claimex_boilerplate` and starts a sentence at each of them, and later stages skip
whatever lies inside.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.component import LexiconComponent

Doc.set_extension("claimex_boilerplate", default=())

# Page furniture is short: longer lines are article text, and a dateline sits in a line's first words.
LONGEST_FURNITURE_LINE = 200
LONGEST_DATELINE = 120


@Language.factory(
    "claimex_boilerplate",
    default_config={"patterns": "boilerplate.json"},
    assigns=["doc._.claimex_boilerplate", "token.is_sent_start"],
)
def make_boilerplate_marker(nlp: Language, name: str, patterns: str) -> "BoilerplateMarker":
    """`patterns`: a JSON file (in models/, or a path) of `line_patterns` and `prefix_patterns`."""
    return BoilerplateMarker(name, patterns)


class BoilerplateMarker(LexiconComponent):
    """Marks whole lines that match a line pattern (case-insensitive) and datelines that open a line."""

    def __init__(self, name: str, patterns: str):
        super().__init__(name, {"patterns": patterns})

    def use_lexicons(self, lexicons: dict) -> None:
        rules = lexicons["patterns"]
        self.line = re.compile("|".join(f"(?:{p})" for p in rules["line_patterns"]), re.IGNORECASE)
        self.prefix = re.compile("|".join(f"(?:{p})" for p in rules["prefix_patterns"]))

    def annotate(self, doc: Doc) -> Doc:
        doc._.claimex_boilerplate = tuple(boilerplate_lines(text_of(doc), self.line, self.prefix))
        if doc._.claimex_boilerplate:
            _start_sentences_at(doc, doc._.claimex_boilerplate)
        return doc


def boilerplate_lines(text: str, line_pattern: re.Pattern, prefix_pattern: re.Pattern) -> list[tuple[int, int]]:
    """Character ranges of the stripped lines that `line_pattern` matches whole, and of the line
    openings (datelines) that `prefix_pattern` matches."""
    ranges = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            if len(stripped) <= LONGEST_FURNITURE_LINE and line_pattern.fullmatch(stripped):
                ranges.append((start, start + len(stripped)))
            elif prefix := prefix_pattern.match(stripped, 0, LONGEST_DATELINE):
                ranges.append((start, start + len(prefix.group().rstrip())))
        offset += len(line)
    return ranges


def _start_sentences_at(doc: Doc, ranges: tuple[tuple[int, int], ...]) -> None:
    """A boilerplate line is a sentence of its own: boundaries at its start and after its end."""
    token_starts = [token.idx for token in doc]
    for boundary in (offset for line in ranges for offset in line):
        i = bisect.bisect_left(token_starts, boundary)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            doc[i].is_sent_start = True


def outside_boilerplate(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The range with a boilerplate opening (a dateline) cut off its start."""
    for b_start, b_end in doc._.claimex_boilerplate:
        if b_start <= start < b_end < end:
            gap = text_of(doc)[b_end:end]
            start = b_end + len(gap) - len(gap.lstrip())
    return start, end


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the character range [start, end) overlaps a boilerplate line."""
    return any(start < b_end and b_start < end for b_start, b_end in doc._.claimex_boilerplate)
