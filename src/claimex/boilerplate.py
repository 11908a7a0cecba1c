"""Page furniture (template debug output, ads, share rows, newsletter prompts) marked, never removed.

The text is left exactly as it is, so offsets never shift: the component records which lines are
boilerplate in `doc._.boilerplate` and starts a sentence at each of them, and later stages skip
whatever lies inside.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from claimex.resources import load_json

Doc.set_extension("boilerplate", default=(), force=True)


@Language.factory("claimex_boilerplate", assigns=["doc._.boilerplate", "token.is_sent_start"])
def make_boilerplate_marker(nlp: Language, name: str, patterns: str) -> "BoilerplateMarker":
    return BoilerplateMarker(load_json(patterns)["line_patterns"])


class BoilerplateMarker:
    """Marks whole lines that match one of the line patterns (case-insensitive)."""

    def __init__(self, line_patterns: list[str]):
        self.line = re.compile("|".join(f"(?:{p})" for p in line_patterns), re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        doc._.boilerplate = tuple(boilerplate_lines(doc.text, self.line))
        if doc._.boilerplate:
            _start_sentences_at(doc, doc._.boilerplate)
        return doc


def boilerplate_lines(text: str, line_pattern: re.Pattern) -> list[tuple[int, int]]:
    """Character ranges of the stripped lines of `text` that the pattern matches whole."""
    ranges = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and line_pattern.fullmatch(stripped):
            start = offset + line.index(stripped)
            ranges.append((start, start + len(stripped)))
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


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the character range [start, end) overlaps a boilerplate line."""
    return any(start < b_end and b_start < end for b_start, b_end in doc._.boilerplate)
