"""The library's entry points: text in, claim or sentence records out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import multiprocessing
import os
import re
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.dates import find_published_date
from claimex.doc_text import text_of
from claimex.pipeline import load_pipeline
from claimex.schema import Claim, Sentence

PIECE_LENGTH = 100_000
"""Longest piece of an over-long text that goes through the pipeline at once (spaCy's parser needs
about 1 GB of memory per 100,000 characters)."""
PIECE_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\n\s*"),
                    re.compile(r"\s+"))
"""Where an over-long text is cut, best first: paragraph breaks, sentence ends, line breaks, spaces."""


def extract(text: str, *, doc: str = "-", published: dt.date | None = None, model: str | None = None) -> list[Claim]:
    """The claims in `text`: who says what, and the article's own factual statements."""
    return next(iter(extract_many([(doc, text)], published=published, model=model)))


def extract_sentences(text: str, *, doc: str = "-", published: dt.date | None = None,
                      model: str | None = None) -> list[Sentence]:
    """The sentences of `text`, each with the dates, places, numbers and names inside it."""
    return next(iter(sentences_many([(doc, text)], published=published, model=model)))


def extract_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                 model: str | None = None, batch_size: int = 16, workers: int = 1) -> Iterator[list[Claim]]:
    """Claims for each (name, text), in order, streamed as each document is done."""
    return _records_many(claims_from_doc, named_texts, published, model, batch_size, workers)


def sentences_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                   model: str | None = None, batch_size: int = 16, workers: int = 1) -> Iterator[list[Sentence]]:
    """Sentence records for each (name, text), in order, streamed as each document is done."""
    return _records_many(sentences_from_doc, named_texts, published, model, batch_size, workers)


ToRecords = Callable[[Doc, str, "dt.date | None"], list]


def _records_many(to_records: ToRecords, named_texts: Iterable[tuple[str, str]], published: dt.date | None,
                  model: str | None, batch_size: int, workers: int) -> Iterator[list]:
    """Records for each text, in input order. The texts go through in batches of `batch_size`, in this
    process or spread over `workers` processes (0: one per core); either way each batch is the same, so
    the output is the same byte for byte. At most two batches per worker are in flight at once."""
    batches = _batches(named_texts, batch_size)
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        for batch in batches:
            yield from _batch_records(to_records, batch, published, model, batch_size)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=load_pipeline, initargs=(model,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(_batch_records, (to_records, batch, published, model, batch_size)))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def _batches(named_texts: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(named_texts)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _batch_records(to_records: ToRecords, batch: list[tuple[str, str]], published: dt.date | None,
                   model: str | None, batch_size: int) -> list[list]:
    """The records of each text of one batch (run in a worker process, or in this one)."""
    return [to_records(doc, name, published or find_published_date(text))
            for name, text, doc in _process(batch, model, batch_size)]


def _process(named_texts: Iterable[tuple[str, str]], model: str | None, batch_size: int):
    """(name, text, Doc) for each text. A text longer than the pipeline's max_length goes through in pieces,
    joined back into one Doc over the whole text."""
    nlp = load_pipeline(model)
    pieces = ((piece, (name, is_last)) for name, text in named_texts
              for piece, is_last in _with_last(text_pieces(text, nlp.max_length)))
    done: list[Doc] = []
    for doc, (name, is_last) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        done.append(doc)
        if is_last:
            whole = done[0] if len(done) == 1 else joined_docs(done)
            done = []
            yield name, text_of(whole), whole


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


def joined_docs(pieces: list[Doc]) -> Doc:
    """One Doc over the pieces' texts joined as they are; the pipeline's Doc-level results (tuples of
    character ranges and of records holding them) concatenated, shifted to index the whole text."""
    with warnings.catch_warnings():  # Doc.from_docs warns that it drops Doc-level results: joined below
        warnings.simplefilter("ignore")
        whole = Doc.from_docs(pieces, ensure_whitespace=False)
    offsets = list(itertools.accumulate((len(text_of(piece)) for piece in pieces[:-1]), initial=0))
    names = {key[1] for piece in pieces for key in piece.user_data if _is_doc_extension(key)}
    for name in sorted(names):
        values = [piece._.get(name) for piece in pieces]
        if all(isinstance(value, tuple) for value in values):
            whole._.set(name, tuple(item for value, offset in zip(values, offsets) for item in shifted(value, offset)))
        else:
            whole._.set(name, values[0])
    return whole


def shifted(value, offset: int):
    """`value` with every character range in it (a pair of ints, in tuples, lists and dataclasses) moved by `offset`."""
    if isinstance(value, tuple) and len(value) == 2 and all(type(item) is int for item in value):
        return value[0] + offset, value[1] + offset
    if isinstance(value, (tuple, list)):
        return type(value)(shifted(item, offset) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{field.name: shifted(getattr(value, field.name), offset) for field in dataclasses.fields(value)})
    return value


def _is_doc_extension(key) -> bool:
    return isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is None


def _with_last(items: list) -> Iterator[tuple[object, bool]]:
    return ((item, i == len(items) - 1) for i, item in enumerate(items))
