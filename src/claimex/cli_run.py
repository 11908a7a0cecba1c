"""What the document commands do once typer has parsed their options: read the inputs, run the library over
them, write the records, report each failure in one line on stderr and give the exit code.

spaCy is imported only when a command runs the pipeline, so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from claimex.cli_options import Engine, Format

if TYPE_CHECKING:
    from claimex.api import Part

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def report(message: str, cause: Optional[BaseException] = None) -> None:
    """One line on stderr, never read as markup; after the traceback of `cause` when given."""
    if cause is not None:
        stderr.print("".join(traceback.format_exception(cause)), end="", markup=False, emoji=False)
    stderr.print(f"claimex: {message}", markup=False, emoji=False)


def fail_usage(message: str) -> NoReturn:
    report(message)
    raise typer.Exit(EXIT_USAGE)


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--published {value!r} is not a date in the form YYYY-MM-DD")


@dataclass(frozen=True)
class Inputs:
    """The INPUTS arguments and how to read them."""

    names: list[str]
    jsonl_field: Optional[str] = None
    jsonl_id: Optional[str] = None
    debug: bool = False

    def __post_init__(self) -> None:
        if self.jsonl_id is not None and self.jsonl_field is None:
            fail_usage("--jsonl-id works with --jsonl-field")

    @property
    def id_field(self) -> str:
        """The JSON-lines field whose value is the ID in PATH#ID."""
        return self.jsonl_id or "id"

    def expected_documents(self) -> Optional[int]:
        """How many documents the inputs hold, when known before reading them: one per plain file."""
        if self.jsonl_field or any(name == "-" or Path(name).is_dir() for name in self.names):
            return None
        return len(self.names)

    def readable(self, fail) -> Iterator[tuple[str, str]]:
        """(name, text) of each document; `fail(message, cause)` for each input that cannot be read."""
        from claimex.ingest import InputError, read_articles

        for item in read_articles(self.names, jsonl_field=self.jsonl_field, jsonl_id=self.id_field):
            if isinstance(item, InputError):
                fail(item.message, item.cause)
            else:
                yield item.name, item.text


def to_terminal(output: Optional[Path]) -> bool:
    """Whether the records go to a terminal (stdout, and stdout is one)."""
    return output is None and sys.stdout.isatty()


def record_writer(format: Format, fields: Optional[str], excel: Optional[bool], output: Optional[Path], record_type):
    """A function making the writer for `format` on a stream; usage errors for --fields and --excel come first.
    CSV begins with a byte-order mark with --excel, and by default when --output names a .csv file."""
    from claimex.output import columns_for, writer_for

    from claimex.schema import Sentence

    if format is Format.auto:
        format = Format.table if to_terminal(output) else Format.jsonl
    if format is Format.html and record_type is Sentence:
        fail_usage("--format html reports claims: use `claimex extract` or `claimex report`")
    if fields is not None and format not in (Format.csv, Format.tsv):
        fail_usage("--fields works with --format csv or tsv")
    if excel and format is not Format.csv:
        fail_usage("--excel works with --format csv")
    try:
        columns = columns_for(record_type, fields)
    except ValueError as error:
        fail_usage(f"--fields: {error}")
    if excel is None:
        excel = output is not None and output.suffix.lower() == ".csv"
    return functools.partial(writer_for, format.value, record_type=record_type, columns=columns,
                             excel=excel and format is Format.csv)


def dask_engine(kind: str, engine: Engine, scheduler: Optional[str], workers: int, partition_size: Optional[int]):
    """The Dask engine for --engine dask (None for local); usage errors when its options or extra are missing."""
    if engine is Engine.local:
        if scheduler is not None or partition_size is not None:
            fail_usage("--scheduler and --partition-size work with --engine dask")
        return None
    try:
        from claimex.dask import DEFAULT_PARTITION_SIZE, DaskEngine
    except ImportError:
        fail_usage("--engine dask needs the dask extra: pip install 'claimex[dask]'")
    return DaskEngine(kind, scheduler, workers, partition_size or DEFAULT_PARTITION_SIZE)


def run_documents(to_records, inputs: Inputs, make_writer, *, published: Optional[str] = None,
                  output: Optional[Path] = None, force: bool = False, model: Optional[str] = None,
                  workers: int = 1, batch_size: int = 16, engine=None) -> int:
    """Write the records `to_records` makes of each input document with the writer `make_writer(stream)`
    makes, on stdout or into `output`; the exit code. An input that cannot be read, or fails on an error of
    claimex's own, is one line on stderr and the others still come out. Ctrl-C ends quietly, leaving no
    --output file. `engine` (a `claimex.dask.DaskEngine`) runs the documents on a cluster instead."""
    from claimex.api import Part, records_many
    from claimex.output import OutputError, check_output, open_output
    from claimex.pipeline import ModelNotFound, load_pipeline

    published_date = parse_date(published)
    try:
        if output is not None:
            check_output(output, force=force)
        load_pipeline(model)
    except (OutputError, ModelNotFound) as error:
        fail_usage(str(error))
    failed = 0

    def fail(message: str, cause: Optional[Exception]) -> None:
        nonlocal failed
        failed += 1
        report(message, cause if inputs.debug else None)

    def internal_error(name: str, error: Exception) -> None:
        fail(f"internal error on {name}: {type(error).__name__}: {error}", error)

    try:
        with open_output(output, force=force) as stream, \
                ProgressBar(stderr, inputs.expected_documents(), shown=not to_terminal(output)) as bar:
            writer = make_writer(stream)
            if engine is None:
                documents = records_many(to_records, inputs.readable(fail), published=published_date, model=model,
                                         batch_size=batch_size, workers=workers, on_error=internal_error,
                                         progress=bar.characters)
            else:
                documents = (Part(name, text, records) for name, text, records in engine.documents(
                    inputs.names, fail, jsonl_field=inputs.jsonl_field, jsonl_id=inputs.id_field,
                    published=published_date, model=model))
            held: list = []  # the parts of a long text, for a writer that needs each document whole
            for part in bar.documents(documents):
                if writer.takes_parts:
                    writer.write(part.name, part.text, part.records or [])
                elif part.records is None:
                    held = []  # a long text that failed part of the way: none of it
                else:
                    held += part.records
                    if part.complete:
                        writer.write(part.name, part.text, held)
                        held = []
            writer.finish()
    except OutputError as error:
        fail_usage(str(error))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of stdout stopped early (`| head`): stop without a word, as Python would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED
    except Exception as error:  # not tied to one input: one line, or the traceback with --debug
        if inputs.debug:
            raise
        report(f"internal error: {type(error).__name__}: {error}")
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK


class ProgressBar:
    """A transient progress bar on `console`, only when it is a terminal and `shown` (records going to that
    terminal would be in its way): documents done when more than one is `expected` (None: an unknown number,
    from folders, stdin or JSON lines), and the characters done of a text that goes through in pieces."""

    def __init__(self, console: Console, expected: Optional[int], shown: bool = True) -> None:
        self.expected = expected
        self.bar = None
        if shown and console.is_terminal:
            self.bar = Progress(TextColumn("claimex {task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=console, transient=True, redirect_stdout=False,
                                redirect_stderr=False)
        self.characters_task: Optional[TaskID] = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exception) -> None:
        if self.bar is not None and self.bar.live.is_started:
            self.bar.stop()

    def _task(self, description: str, total: Optional[int]) -> TaskID:
        """A new line on the bar, which is drawn from its first line on."""
        if not self.bar.live.is_started:
            self.bar.start()
        return self.bar.add_task(description, total=total)

    def documents(self, parts: Iterable[Part]) -> Iterator[Part]:
        """`parts` (see `claimex.api.records_many`), each document counted on the bar at its last part, when
        its characters line goes too (a long text that failed part of the way never reaches its end)."""
        task = None
        if self.bar is not None and self.expected != 1:
            task = self._task("documents", self.expected)
        for part in parts:
            yield part
            if part.complete:
                self._end_characters()
                if task is not None:
                    self.bar.advance(task)

    def characters(self, done: int, total: int) -> None:
        """Shows that `done` characters of a long text of `total` are processed; the line goes at the end."""
        if self.bar is None:
            return
        if self.characters_task is None:
            self.characters_task = self._task("characters", total)
        self.bar.update(self.characters_task, completed=done)
        if done >= total:
            self._end_characters()

    def _end_characters(self) -> None:
        if self.characters_task is not None:
            self.bar.remove_task(self.characters_task)
            self.characters_task = None
