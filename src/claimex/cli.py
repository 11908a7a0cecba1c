"""The `claimex` command: parses options, reads inputs, writes records, sets the exit code.

spaCy is imported only by the commands that run the pipeline, so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import os
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimex.diff import DEFAULT_THRESHOLD

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news articles into structured, attributed claims (who said what), as JSON lines.",
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class Format(str, enum.Enum):
    """`auto`: a table when stdout is a terminal, else JSON lines. See docs/output.md for each form."""

    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    table = "table"
    html = "html"


FilesArgument = typer.Argument(
    ..., metavar="INPUTS",
    help="Articles to read: files, folders (their .txt, .md, .html and .htm files, sub-folders included, "
         "hidden ones skipped, in order of path) or - for stdin. Text is UTF-8 (BOM or not), UTF-16 with a BOM, "
         "or a detected legacy encoding (cp1252, latin-1, ...); offsets index the decoded text. From an HTML page "
         "(by name, or a text opening with <html or <!DOCTYPE html) only the article text is read, and its "
         "`doc` ends in #text (e.g. page.html#text): offsets then index that extracted text.",
)
JsonlFieldOption = typer.Option(
    None, "--jsonl-field", metavar="FIELD",
    help="Read every input as JSON lines (folders: their .jsonl and .ndjson files), each line's FIELD one article, "
         "its `doc` PATH#ID.",
)
JsonlIdOption = typer.Option(
    None, "--jsonl-id", metavar="FIELD",
    help="With --jsonl-field: the field whose value is the ID in PATH#ID (default: id; the line number when absent).",
)
DebugOption = typer.Option(False, "--debug", help="Show the traceback of an internal error.")
FormatOption = typer.Option(
    Format.auto, "--format", "-f",
    help="jsonl (the contract), csv, tsv, table (for people) or html (a report page); "
         "auto: table on a terminal, jsonl otherwise.",
)
FieldsOption = typer.Option(
    None, "--fields", metavar="A,B,...",
    help="CSV/TSV columns to write, in this order (default: all; see docs/output.md).",
)
PublishedOption = typer.Option(
    None, "--published", metavar="YYYY-MM-DD",
    help="Publication date for resolving relative dates (default: a date at the top of the article).",
)
OutputOption = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
ForceOption = typer.Option(False, "--force", help="Overwrite the --output file if it exists.")
ModelOption = typer.Option(
    None, "--model", envvar="CLAIMEX_MODEL",
    help="spaCy pipeline: an installed package name or a folder (default: en_core_web_sm if installed).",
)
WorkersOption = typer.Option(
    1, "--workers", "-w", min=0,
    help="Processes to run the pipeline in (0: one per core). The output is the same, in the same order.",
)
BatchSizeOption = typer.Option(16, "--batch-size", min=1, help="Texts per batch through the pipeline.")


@app.command()
def extract(
    files: list[str] = FilesArgument,
    jsonl_field: Optional[str] = JsonlFieldOption,
    jsonl_id: Optional[str] = JsonlIdOption,
    debug: bool = DebugOption,
    format: Format = FormatOption,
    fields: Optional[str] = FieldsOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
    workers: int = WorkersOption,
    batch_size: int = BatchSizeOption,
) -> None:
    """Print every claim in the articles: source, cue, content, kind, hedges and mentions."""
    from claimex.api import extract_many
    from claimex.schema import Claim

    _run(functools.partial(extract_many, workers=workers, batch_size=batch_size),
         _inputs(files, jsonl_field, jsonl_id, debug), published, output, force, model,
         _writer(format, fields, output, Claim))


@app.command()
def sentences(
    files: list[str] = FilesArgument,
    jsonl_field: Optional[str] = JsonlFieldOption,
    jsonl_id: Optional[str] = JsonlIdOption,
    debug: bool = DebugOption,
    format: Format = FormatOption,
    fields: Optional[str] = FieldsOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
    workers: int = WorkersOption,
    batch_size: int = BatchSizeOption,
) -> None:
    """Print every sentence of the articles with its dates, places, numbers and names."""
    from claimex.api import sentences_many
    from claimex.schema import Sentence

    if format is Format.html:
        _fail_usage("--format html reports claims: use `claimex extract` or `claimex report`")
    _run(functools.partial(sentences_many, workers=workers, batch_size=batch_size),
         _inputs(files, jsonl_field, jsonl_id, debug), published, output, force, model,
         _writer(format, fields, output, Sentence))


@app.command()
def show(
    files: list[str] = FilesArgument,
    jsonl_field: Optional[str] = JsonlFieldOption,
    jsonl_id: Optional[str] = JsonlIdOption,
    debug: bool = DebugOption,
    published: Optional[str] = PublishedOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Show the articles in the terminal with sources, cues, contents and hedges highlighted."""
    from claimex.api import extract_many
    from claimex.table import ShowWriter

    _run(extract_many, _inputs(files, jsonl_field, jsonl_id, debug), published, None, False, model, ShowWriter)


@app.command()
def report(
    files: list[str] = FilesArgument,
    jsonl_field: Optional[str] = JsonlFieldOption,
    jsonl_id: Optional[str] = JsonlIdOption,
    debug: bool = DebugOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Write one self-contained HTML page: each article with its claims highlighted, and a sortable table."""
    from claimex.api import extract_many
    from claimex.report import ReportWriter

    _run(extract_many, _inputs(files, jsonl_field, jsonl_id, debug), published, output, force, model, ReportWriter)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim and sentence records."""
    from claimex.schema import json_schema_text

    typer.echo(json_schema_text(), nl=False)


@app.command()
def train(
    train_dir: Path = typer.Argument(..., metavar="TRAIN_DIR", help="Brat corpus to learn from: text/*.txt and attributions/*.ann."),
    dev: Path = typer.Option(..., "--dev", metavar="DEV_DIR", help="Brat corpus that picks the best epoch."),
    output: Path = typer.Option(..., "--output", "-o", metavar="MODEL_DIR", help="Folder to write the trained pipeline to."),
    base: Optional[str] = typer.Option(None, "--base", metavar="NAME|PATH", help="spaCy pipeline to build on (default: en_core_web_sm)."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed and data give the same model."),
) -> None:
    """Learn attribution roles (Source, Cue, Content) from brat annotations; see docs/train.md."""
    from claimex.pipeline import ModelNotFound
    from claimex.train import CorpusError, train_model

    try:
        train_model(train_dir, dev, output, base=base, seed=seed, log=_report)
    except (CorpusError, ModelNotFound, FileExistsError) as error:
        _fail_usage(str(error))


class DiffFormat(str, enum.Enum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    tsv = "tsv"


@app.command()
def diff(
    inputs: list[str] = typer.Argument(
        ..., metavar="A B [C ...]",
        help="Articles, or the claims `claimex extract` wrote for them (.jsonl); folders give their articles.",
    ),
    format: DiffFormat = typer.Option(DiffFormat.jsonl, "--format", "-f", help="jsonl, table (side by side), csv or tsv."),
    published: Optional[str] = PublishedOption,
    threshold: float = typer.Option(
        DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0,
        help="Least similarity (0 to 1) for a claim of A and one of B to be about the same thing.",
    ),
    model: Optional[str] = ModelOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
) -> None:
    """Compare articles. Two: the claims both report (same), those they disagree on (conflict), those only one
    has. More (or a folder): per cluster of claims, which inputs carry it, which disagree, which lack it."""
    from claimex.diff import cluster_claims, diff_claims
    from claimex.diff_views import diff_writer
    from claimex.output import open_output

    documents = _diff_inputs(inputs, _parse_date(published), model)
    clusters = len(inputs) > 2 or any(Path(name).is_dir() for name in inputs)
    records = cluster_claims(documents, threshold) if clusters else diff_claims(documents[0][1], documents[1][1], threshold)
    try:
        with open_output(output, force=force) as stream:
            writer = diff_writer(format.value, stream, clusters=clusters)
            writer.write("diff", "", records)
            writer.finish()
    except FileExistsError as error:
        _fail_usage(str(error))
    except OSError as error:  # the --output folder is missing or not writable
        _fail_usage(f"{output}: {error.strerror or error}")


def _diff_inputs(names: list[str], published: Optional[dt.date], model: Optional[str]) -> list[tuple[str, list]]:
    """(name, claims) of each input document: read from a claims JSONL file, else extracted from the article."""
    from claimex.api import extract_many
    from claimex.diff import read_claims_jsonl
    from claimex.ingest import InputError, read_inputs
    from claimex.pipeline import ModelNotFound

    documents = list(read_inputs(names))
    for document in documents:
        if isinstance(document, InputError):
            _report(document.message)
            raise typer.Exit(EXIT_SOME_FAILED)
    if len(documents) < 2:
        _fail_usage("diff needs at least two articles")
    claims = [read_claims_jsonl(document.text) if document.name.endswith(".jsonl") else None
              for document in documents]
    for document, read in zip(documents, claims):
        if document.name.endswith(".jsonl") and read is None:
            _fail_usage(f"{document.name}: not claims written by `claimex extract` (one Claim per line)")
    articles = [(document.name, document.text) for document, read in zip(documents, claims) if read is None]
    try:
        extracted = extract_many(articles, published=published, model=model)
        return [(document.name, read if read is not None else next(extracted))
                for document, read in zip(documents, claims)]
    except ModelNotFound as error:
        _fail_usage(str(error))


def _run(process, inputs: Inputs, published: Optional[str], output: Optional[Path], force: bool,
         model: Optional[str], make_writer) -> None:
    from claimex.output import open_output
    from claimex.table import with_progress
    from claimex.pipeline import ModelNotFound, load_pipeline

    published_date = _parse_date(published)
    try:
        load_pipeline(model)
    except ModelNotFound as error:
        _fail_usage(str(error))
    failed = 0

    def fail(message: str, cause: Optional[Exception]) -> None:
        nonlocal failed
        failed += 1
        _report(message, cause if inputs.debug else None)

    try:
        with open_output(output, force=force) as stream:
            writer = make_writer(stream)
            documents = _each_document(process, inputs.readable(fail), fail, published=published_date, model=model)
            if not _to_terminal(output):
                documents = with_progress(documents, inputs.expected_documents(), stderr)
            for name, text, records in documents:
                writer.write(name, text, records)
            writer.finish()
    except FileExistsError as error:
        _fail_usage(str(error))
    except typer.Exit:
        raise
    except BrokenPipeError:  # the reader of stdout stopped early (`| head`): stop without a word, as Python would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_SOME_FAILED)
    except Exception as error:  # not tied to one input: one line, or the traceback with --debug
        if inputs.debug:
            raise
        _report(f"internal error: {type(error).__name__}: {error}")
        raise typer.Exit(EXIT_SOME_FAILED)
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@dataclass(frozen=True)
class Inputs:
    """The INPUTS arguments and how to read them."""

    names: list[str]
    jsonl_field: Optional[str]
    jsonl_id: str
    debug: bool

    def expected_documents(self) -> Optional[int]:
        """How many documents the inputs hold, when known before reading them: one per plain file."""
        if self.jsonl_field or any(name == "-" or Path(name).is_dir() for name in self.names):
            return None
        return len(self.names)

    def readable(self, fail) -> Iterator[tuple[str, str]]:
        """(name, text) of each document; `fail(message, cause)` for each input that cannot be read."""
        from claimex.ingest import InputError, read_inputs

        for item in read_inputs(self.names, jsonl_field=self.jsonl_field, jsonl_id=self.jsonl_id):
            if isinstance(item, InputError):
                fail(item.message, item.cause)
            else:
                yield item.name, item.text


def _inputs(names: list[str], jsonl_field: Optional[str], jsonl_id: Optional[str], debug: bool) -> Inputs:
    if jsonl_id is not None and jsonl_field is None:
        _fail_usage("--jsonl-id works with --jsonl-field")
    return Inputs(names, jsonl_field, jsonl_id or "id", debug)


def _each_document(process, named_texts: Iterable[tuple[str, str]], fail, **options) -> Iterator[tuple[str, str, list]]:
    """(name, text, records) for each document, in order. When `process` raises, the documents it had taken
    are processed again one at a time, so that an internal error fails only the document behind it."""
    named_texts = iter(named_texts)
    taken: deque[tuple[str, str]] = deque()

    def feed() -> Iterator[tuple[str, str]]:
        for pair in named_texts:
            taken.append(pair)
            yield pair

    while True:
        try:
            for records in process(feed(), **options):
                name, text = taken.popleft()
                yield name, text, records
            return
        except Exception:
            if not taken:
                raise
        while taken:
            name, text = taken.popleft()
            try:
                records = next(iter(process([(name, text)], **options)))
            except Exception as error:
                fail(f"internal error on {name}: {type(error).__name__}: {error}", error)
            else:
                yield name, text, records


def _report(message: str, cause: Optional[BaseException] = None) -> None:
    """One line on stderr, never read as markup; after the traceback of `cause` when given."""
    if cause is not None:
        stderr.print("".join(traceback.format_exception(cause)), end="", markup=False, emoji=False)
    stderr.print(f"claimex: {message}", markup=False, emoji=False)


def _to_terminal(output: Optional[Path]) -> bool:
    """Whether the records go to a terminal (stdout, and stdout is one)."""
    return output is None and sys.stdout.isatty()


def _writer(format: Format, fields: Optional[str], output: Optional[Path], record_type):
    """A function making the writer for `format` on a stream; usage errors for --fields come first."""
    from claimex.output import columns_for, writer_for

    if format is Format.auto:
        format = Format.table if _to_terminal(output) else Format.jsonl
    if fields is not None and format not in (Format.csv, Format.tsv):
        _fail_usage("--fields works with --format csv or tsv")
    try:
        columns = columns_for(record_type, fields)
    except ValueError as error:
        _fail_usage(f"--fields: {error}")
    return functools.partial(writer_for, format.value, record_type=record_type, columns=columns)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail_usage(f"--published {value!r} is not a date in the form YYYY-MM-DD")


def _fail_usage(message: str) -> None:
    _report(message)
    raise typer.Exit(EXIT_USAGE)
