"""claimex on a Dask cluster: the same records, in the same order and bytes, as one process gives.

Documents go into a `dask.bag`; each partition is read (files by their path, on the worker) and run
through the pipeline in one batch by `partition_outcomes`. The pipeline is never shipped with a task:
a worker loads it once, through `claimex.pipeline.load_pipeline`'s cache (or up front with the
`PreloadPipeline` plugin), and each partition runs inside `nlp.memory_zone()` so long runs stay flat
in memory. A document that fails gives its one-line error and the others still come out; a worker
that dies has its partitions recomputed by Dask, and each partition is read back exactly once.

Needs the `dask` extra: `pip install 'claimex[dask]'`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dask
import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin

from claimex.api import extract_many, sentences_many
from claimex.ingest import HTML_SUFFIXES, STDIN, TEXT_SUFFIXES, InputError, folder_files, read_articles
from claimex.output import jsonl_line
from claimex.pipeline import load_pipeline

DEFAULT_PARTITION_SIZE = 8
"""Documents per task: enough to amortise the scheduler's per-task cost, few enough to balance workers."""
RECORDS_MANY = {"claims": extract_many, "sentences": sentences_many}
GLIBC_MALLOC_DEFAULTS = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
"""Dask's nannies start workers with `MALLOC_TRIM_THRESHOLD_=65536`, which returns freed memory to the
system so often that spaCy runs about a quarter slower; claimex's memory is kept flat by
`nlp.memory_zone()` instead, so workers keep glibc's default."""


@dataclass(frozen=True)
class FileToRead:
    """A file the workers read themselves, by a path they see as the client does."""

    path: str


@dataclass(frozen=True)
class Outcome:
    """One document's result: its text and records, or the one line that says why it has none."""

    name: str
    text: str | None = None
    records: list | None = None
    error: str | None = None


class PreloadPipeline(WorkerPlugin):
    """Loads the pipeline when a worker starts, so the first task does not wait for it."""

    def __init__(self, model: str | None = None):
        self.model = model

    def setup(self, worker) -> None:
        load_pipeline(self.model)


def outcomes(documents: db.Bag | Iterable[tuple[str, str] | FileToRead], *, kind: str = "claims",
             published: dt.date | None = None, model: str | None = None,
             partition_size: int = DEFAULT_PARTITION_SIZE) -> db.Bag:
    """A bag of one `Outcome` per document, in order. `documents`: a bag or a sequence of (name, text)
    pairs or `FileToRead`s; `kind`: "claims" or "sentences"."""
    if kind not in RECORDS_MANY:
        raise ValueError(f"kind must be one of {sorted(RECORDS_MANY)}, not {kind!r}")
    bag = documents if isinstance(documents, db.Bag) else db.from_sequence(list(documents), partition_size=partition_size)
    return bag.map_partitions(partition_outcomes, kind, published, model)


def records(documents: db.Bag | Iterable[tuple[str, str] | FileToRead], *, kind: str = "claims",
            published: dt.date | None = None, model: str | None = None,
            partition_size: int = DEFAULT_PARTITION_SIZE, as_json: bool = False) -> db.Bag:
    """A bag of the `Claim` (or `Sentence`) records of the documents, in order, or with `as_json` each as the
    JSON `claimex extract` writes on its line (so `.to_textfiles("out/*.jsonl", last_endline=True)` writes
    JSON-lines files on the workers). A document that fails adds none: `outcomes` gives its error."""
    found = outcomes(documents, kind=kind, published=published, model=model, partition_size=partition_size)
    flat = found.map(_records_of).flatten()
    return flat.map(_json_of) if as_json else flat


def _records_of(outcome: Outcome) -> list:
    return outcome.records or []


def _json_of(record) -> str:
    return jsonl_line(record).removesuffix("\n")


def partition_outcomes(items: Iterable, kind: str, published: dt.date | None, model: str | None) -> list[Outcome]:
    """The outcome of each document of one partition, run through the pipeline in one batch."""
    documents = [_read(item) for item in items]
    readable = [d for d in documents if not isinstance(d, InputError)]
    with load_pipeline(model).memory_zone():
        found = iter(_isolated_records(RECORDS_MANY[kind], readable, published, model))
    return [Outcome(d.name, error=d.message) if isinstance(d, InputError) else next(found) for d in documents]


def _read(item: tuple[str, str] | FileToRead) -> tuple[str, str] | InputError:
    """(name, text) of a document: as sent, or read from its file here on the worker."""
    if not isinstance(item, FileToRead):
        return item
    document = next(iter(read_articles([item.path])))
    return document if isinstance(document, InputError) else (document.name, document.text)


def _isolated_records(records_many: Callable, named_texts: list[tuple[str, str]], published: dt.date | None,
                      model: str | None) -> list[Outcome]:
    """Outcomes of the texts in one batch; the library fails only the text behind an error, and the texts
    after it go through again without it."""
    failed: dict[str, str] = {}

    def fail(name: str, error: Exception) -> None:
        failed[name] = f"internal error on {name}: {type(error).__name__}: {error}"

    found = list(records_many(named_texts, published=published, model=model, batch_size=max(1, len(named_texts)),
                              on_error=fail))
    return [Outcome(name, error=failed[name]) if name in failed else Outcome(name, text, records)
            for (name, text), records in zip(named_texts, found)]


def work_items(names: Iterable[str], *, jsonl_field: str | None = None,
               jsonl_id: str = "id") -> Iterator[tuple[str, str] | FileToRead | InputError]:
    """What to send for each input, in the order one process reads them: files (those of folders too) by
    path, for the workers to read; stdin and JSON-lines collections as (name, text); inputs that cannot be
    listed as `InputError`s."""
    for name in names:
        if jsonl_field or name in (STDIN, ""):
            for document in read_articles([name], jsonl_field=jsonl_field, jsonl_id=jsonl_id):
                yield document if isinstance(document, InputError) else (document.name, document.text)
        elif Path(name).is_dir():
            files, errors = folder_files(Path(name), TEXT_SUFFIXES + HTML_SUFFIXES)
            if not files:
                yield from read_articles([name])  # why the folder gives nothing, worded as one process words it
                continue
            yield from errors
            yield from (FileToRead(str(path)) for path in files)
        else:
            yield FileToRead(name)


@dataclass(frozen=True)
class DaskEngine:
    """Runs `claimex extract` / `sentences` on the cluster at `scheduler`, or on a `LocalCluster` of
    `workers` processes (0: one per core) that starts and stops with the run."""

    kind: str
    scheduler: str | None = None
    workers: int = 0
    partition_size: int = DEFAULT_PARTITION_SIZE

    def documents(self, names: list[str], fail: Callable[[str, Exception | None], None], *, jsonl_field: str | None,
                  jsonl_id: str, published: dt.date | None, model: str | None) -> Iterator[tuple[str, str, list]]:
        """(name, text, records) of each document, in input order, streamed as partitions finish in order;
        `fail(message, None)` for each input or document that gives none."""
        items = []
        for item in work_items(names, jsonl_field=jsonl_field, jsonl_id=jsonl_id):
            if isinstance(item, InputError):
                fail(item.message, None)
            else:
                items.append(item)
        if not items:
            return
        with self._client(model) as client:
            for outcome in in_order(client, outcomes(items, kind=self.kind, published=published, model=model,
                                                     partition_size=self.partition_size)):
                if outcome.error is not None:
                    fail(outcome.error, None)
                else:
                    yield outcome.name, outcome.text, outcome.records

    @contextlib.contextmanager
    def _client(self, model: str | None) -> Iterator[Client]:
        with contextlib.ExitStack() as stack:
            cluster = self.scheduler or stack.enter_context(local_cluster(self.workers or os.cpu_count() or 1))
            client = stack.enter_context(Client(cluster))
            client.register_plugin(PreloadPipeline(model), name="claimex-pipeline")
            yield client


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[LocalCluster]:
    """A `LocalCluster` of `workers` single-threaded processes, no dashboard, glibc's malloc defaults."""
    with dask.config.set(GLIBC_MALLOC_DEFAULTS), LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR) as cluster:
        yield cluster


def in_order(client: Client, bag: db.Bag, ahead: int | None = None) -> Iterator:
    """The bag's items, partition after partition, with at most `ahead` partitions (default: two per
    worker thread) computing at once; each partition is read exactly once."""
    ahead = ahead or 2 * max(1, sum(client.nthreads().values()))
    partitions = iter(bag.to_delayed())
    in_flight: deque = deque(client.compute(p) for p in itertools.islice(partitions, ahead))
    while in_flight:
        done = in_flight.popleft().result()
        in_flight.extend(client.compute(p) for p in itertools.islice(partitions, 1))
        yield from done
