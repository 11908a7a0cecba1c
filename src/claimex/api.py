"""The library's entry points: text in, claim or sentence records out."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.dates import find_published_date
from claimex.long_texts import Progress, ToRecords, long_text_parts
from claimex.pipeline import load_pipeline
from claimex.schema import Claim, Sentence

OnError = Callable[[str, Exception], None]
"""Told (name, error) for each text whose processing raised an error of claimex's own."""


def extract(text: str, *, doc: str = "-", published: dt.date | None = None, model: str | None = None) -> list[Claim]:
    """The claims in `text`: who says what, and the article's own factual statements."""
    return next(iter(extract_many([(doc, text)], published=published, model=model)))


def extract_sentences(text: str, *, doc: str = "-", published: dt.date | None = None,
                      model: str | None = None) -> list[Sentence]:
    """The sentences of `text`, each with the dates, places, numbers and names inside it."""
    return next(iter(sentences_many([(doc, text)], published=published, model=model)))


def extract_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                 model: str | None = None, batch_size: int = 16, workers: int = 1,
                 on_error: OnError | None = None) -> Iterator[list[Claim]]:
    """Claims for each (name, text), in order, streamed as each document is done. With `on_error`, a text
    whose processing fails is reported to it and gets an empty list, and the others go on; without it the
    error is raised."""
    return _records_only(records_many(claims_from_doc, named_texts, published=published, model=model,
                                      batch_size=batch_size, workers=workers, on_error=on_error))


def sentences_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                   model: str | None = None, batch_size: int = 16, workers: int = 1,
                   on_error: OnError | None = None) -> Iterator[list[Sentence]]:
    """Sentence records for each (name, text), in order, streamed as each document is done; `on_error` as
    for `extract_many`."""
    return _records_only(records_many(sentences_from_doc, named_texts, published=published, model=model,
                                      batch_size=batch_size, workers=workers, on_error=on_error))


def _records_only(parts: Iterator[Part]) -> Iterator[list]:
    """One list of records per text, from the parts `records_many` gives (an empty list for a failed text)."""
    records: list = []
    for part in parts:
        if part.records is None:
            records = []  # a long text that failed part way keeps none of its pieces' records
        records += part.records or []
        if part.complete:
            yield records
            records = []


class Part(NamedTuple):
    """Records of a text: all of them, or those of one piece of a long text (`complete` on its last part).
    `records` is None for a text that failed."""

    name: str
    text: str
    records: list | None
    complete: bool = True


def records_many(to_records: ToRecords, named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                 model: str | None = None, batch_size: int = 16, workers: int = 1, on_error: OnError | None = None,
                 progress: Progress | None = None) -> Iterator[Part]:
    """The records of each text, in input order, in one Part, or (for a text over the pipeline's max_length
    processed in this process) in a Part per piece as each piece is done. The texts go through in batches
    of `batch_size`, in this process or spread over `workers` processes (0: one per core); either way each
    batch is the same, so the output is the same byte for byte. At most two batches per worker are in
    flight at once.

    When a batch fails, its texts not yet done go through again one at a time, so that an error fails only
    the text behind it: that text is reported to `on_error` and gets records None (without `on_error` the
    error is raised). `progress` hears of the pieces of long texts processed in this process."""
    batches = _batches(named_texts, batch_size)
    workers = workers or os.cpu_count() or 1
    options = (to_records, published, model, batch_size)
    if workers == 1:
        for batch in batches:
            yield from _isolated(batch, functools.partial(_batch_parts, *options, batch, progress), options, on_error)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(model,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append((batch, functools.partial(_whole_parts, pool.apply_async(_batch_records, (*options, batch)))))
            if len(in_flight) >= 2 * workers:
                yield from _isolated(*in_flight.popleft(), options, on_error)
        while in_flight:
            yield from _isolated(*in_flight.popleft(), options, on_error)


def _start_worker(model: str | None) -> None:
    """A worker process leaves Ctrl-C to the main one (which ends the pool) and loads the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline(model)


def _isolated(batch: list[tuple[str, str]], parts_of_batch: Callable[[], Iterator[tuple[int, list, bool]]],
              options: tuple, on_error: OnError | None) -> Iterator[Part]:
    """The Parts of a batch's texts. When the batch fails, a text it had begun fails, and each text after
    it goes through again on its own."""
    done = 0  # texts of the batch given whole
    begun = False  # whether a part of text `done` was given
    try:
        for index, records, complete in parts_of_batch():
            yield Part(*batch[index], records, complete)
            done, begun = (index + 1, False) if complete else (index, True)
        return
    except Exception as error:
        if on_error is None:
            raise
        if begun:
            on_error(batch[done][0], error)
            yield Part(*batch[done], None)
            done += 1
    for name, text in batch[done:]:
        try:
            [records] = _batch_records(*options, [(name, text)])
        except Exception as error:
            on_error(name, error)
            records = None
        yield Part(name, text, records)


def _whole_parts(result) -> Iterator[tuple[int, list, bool]]:
    """The records a worker made of each text of a batch, as one whole part per text."""
    return ((index, records, True) for index, records in enumerate(result.get()))


def _batches(named_texts: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(named_texts)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _batch_parts(to_records: ToRecords, published: dt.date | None, model: str | None, batch_size: int,
                 batch: list[tuple[str, str]], progress: Progress | None = None) -> Iterator[tuple[int, list, bool]]:
    """(index in the batch, records, whether the text is complete) for the texts of one batch. Texts that fit
    the pipeline go through together; a longer one goes through piece by piece, a part per piece."""
    nlp = load_pipeline(model)
    fitting = nlp.pipe((text for _, text in batch if len(text) <= nlp.max_length), batch_size=batch_size)
    for index, (name, text) in enumerate(batch):
        date = published or find_published_date(text)
        if len(text) <= nlp.max_length:
            yield index, to_records(next(fitting), name, date), True
        else:
            parts = long_text_parts(nlp, to_records, name, text, date, progress)
            yield from ((index, records, False) for records in parts)
            yield index, [], True


def _batch_records(to_records: ToRecords, published: dt.date | None, model: str | None, batch_size: int,
                   batch: list[tuple[str, str]]) -> list[list]:
    """All the records of each text of one batch (run in a worker process, or in this one)."""
    records: list[list] = [[] for _ in batch]
    for index, part, _ in _batch_parts(to_records, published, model, batch_size, batch):
        records[index] += part
    return records
