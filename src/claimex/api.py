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

from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.dates import find_published_date
from claimex.long_texts import Progress, ToRecords, long_text_records
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


def _records_only(documents: Iterator[tuple[str, str, list | None]]) -> Iterator[list]:
    return (records or [] for _, _, records in documents)


def records_many(to_records: ToRecords, named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                 model: str | None = None, batch_size: int = 16, workers: int = 1, on_error: OnError | None = None,
                 progress: Progress | None = None) -> Iterator[tuple[str, str, list | None]]:
    """(name, text, records) for each text, in input order. The texts go through in batches of `batch_size`,
    in this process or spread over `workers` processes (0: one per core); either way each batch is the same,
    so the output is the same byte for byte. At most two batches per worker are in flight at once.

    When a batch fails, its texts go through again one at a time, so that an error fails only the text
    behind it: that text is reported to `on_error` and its records are None (without `on_error` the error
    is raised). `progress` hears of the pieces of long texts processed in this process."""
    batches = _batches(named_texts, batch_size)
    workers = workers or os.cpu_count() or 1
    options = (to_records, published, model, batch_size)
    if workers == 1:
        for batch in batches:
            yield from _isolated(batch, functools.partial(_batch_records, *options, batch, progress), options, on_error)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(model,)) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append((batch, pool.apply_async(_batch_records, (*options, batch)).get))
            if len(in_flight) >= 2 * workers:
                yield from _isolated(*in_flight.popleft(), options, on_error)
        while in_flight:
            yield from _isolated(*in_flight.popleft(), options, on_error)


def _start_worker(model: str | None) -> None:
    """A worker process leaves Ctrl-C to the main one (which ends the pool) and loads the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline(model)


def _isolated(batch: list[tuple[str, str]], records_of_batch: Callable[[], list[list]], options: tuple,
              on_error: OnError | None) -> Iterator[tuple[str, str, list | None]]:
    """(name, text, records) for each text of a batch; when the batch fails, each text again on its own."""
    try:
        done = records_of_batch()
    except Exception:
        if len(batch) == 1 and on_error is None:
            raise
    else:
        yield from ((name, text, records) for (name, text), records in zip(batch, done))
        return
    for name, text in batch:
        try:
            [records] = _batch_records(*options, [(name, text)])
        except Exception as error:
            if on_error is None:
                raise
            on_error(name, error)
            records = None
        yield name, text, records


def _batches(named_texts: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(named_texts)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _batch_records(to_records: ToRecords, published: dt.date | None, model: str | None, batch_size: int,
                   batch: list[tuple[str, str]], progress: Progress | None = None) -> list[list]:
    """The records of each text of one batch (run in a worker process, or in this one). Texts that fit the
    pipeline go through together; a longer one goes through piece by piece."""
    nlp = load_pipeline(model)
    fitting = nlp.pipe((text for _, text in batch if len(text) <= nlp.max_length), batch_size=batch_size)
    records = []
    for name, text in batch:
        date = published or find_published_date(text)
        if len(text) <= nlp.max_length:
            records.append(to_records(next(fitting), name, date))
        else:
            records.append(long_text_records(nlp, to_records, name, text, date, progress))
    return records
