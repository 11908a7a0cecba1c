"""Texts longer than the pipeline's `max_length`: cut into pieces that go through one at a time.

Each piece becomes a Doc of its own, its records are made and moved to index the whole text, and the Doc
is let go before the next piece, so a long text costs what its pieces cost: time in proportion to its
length and the memory of one piece. Names and pronouns are resolved within a piece.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from claimex.claims import claim_id, sentence_ranges
from claimex.schema import Claim

PIECE_LENGTH = 10_000
"""Longest piece of an over-long text that goes through the pipeline at once: about what a batch of 16
short articles holds, so that a long text needs the memory of such a batch (spaCy's parser needs about
1 GB per 100,000 characters)."""
PIECE_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\n\s*"),
                    re.compile(r"\s+"))
"""Where an over-long text is cut, best first: paragraph breaks, sentence ends, line breaks, spaces."""

ToRecords = Callable[[Doc, str, "dt.date | None"], list]
Progress = Callable[[int, int], None]
"""Told (characters done, characters in all) after each piece of a long text."""


def text_pieces(text: str, max_length: int) -> list[str]:
    """`text` whole when it fits in `max_length`, else in pieces of at most PIECE_LENGTH characters (and
    `max_length`), each cut after a paragraph break if one lies in its second half, else after a sentence,
    a line break or a space, else anywhere."""
    if len(text) <= max_length:
        return [text]
    limit = min(max_length, PIECE_LENGTH)
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = _cut(text[start : start + limit])
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _cut(window: str) -> int:
    """Where to end a piece: after the best kind of boundary in the window's second half."""
    for boundary in PIECE_BOUNDARIES:
        ends = [match.end() for match in boundary.finditer(window, len(window) // 2)]
        if ends:
            return ends[-1]
    return len(window)


def long_text_parts(nlp: Language, to_records: ToRecords, name: str, text: str, published: dt.date | None,
                    progress: Progress | None = None) -> Iterator[list]:
    """The records of a text over `nlp.max_length`, piece after piece, each piece's records as soon as it
    is processed, with offsets and sentence numbers into the whole text."""
    chars = sentences = 0
    for piece in text_pieces(text, nlp.max_length):
        doc = nlp(piece)
        yield [shifted_record(record, chars, sentences) for record in to_records(doc, name, published)]
        chars += len(piece)
        sentences += len(sentence_ranges(doc))
        if progress is not None:
            progress(chars, len(text))


def shifted_record(record: BaseModel, chars: int, sentences: int) -> BaseModel:
    """A record made from a piece, moved to where the piece lies in the whole text: every `start`/`end`
    offset by `chars`, every sentence `index` by `sentences`, and a claim's id made again from its new place."""
    update = {}
    for field in type(record).model_fields:
        value = getattr(record, field)
        if field in ("start", "end"):
            update[field] = value + chars
        elif field == "index":
            update[field] = value + sentences
        elif isinstance(value, BaseModel):
            update[field] = shifted_record(value, chars, sentences)
        elif isinstance(value, list):
            update[field] = [shifted_record(item, chars, sentences) if isinstance(item, BaseModel) else item
                             for item in value]
    moved = record.model_copy(update=update)
    if isinstance(moved, Claim):
        moved = moved.model_copy(update={"id": claim_id(moved.kind, moved.content, moved.cue)})
    return moved
