"""The `claimex` command: parses options, reads inputs, writes records, sets the exit code.

spaCy is imported only by the commands that run the pipeline, so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimex.diff import DEFAULT_THRESHOLD

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
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


FilesArgument = typer.Argument(..., help="Article files to read (UTF-8, UTF-16 with BOM or a legacy encoding).")
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


@app.command()
def extract(
    files: list[str] = FilesArgument,
    format: Format = FormatOption,
    fields: Optional[str] = FieldsOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Print every claim in the articles: source, cue, content, kind, hedges and mentions."""
    from claimex.api import extract_many
    from claimex.schema import Claim

    _run(extract_many, files, published, output, force, model, _writer(format, fields, output, Claim))


@app.command()
def sentences(
    files: list[str] = FilesArgument,
    format: Format = FormatOption,
    fields: Optional[str] = FieldsOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Print every sentence of the articles with its dates, places, numbers and names."""
    from claimex.api import sentences_many
    from claimex.schema import Sentence

    if format is Format.html:
        _fail_usage("--format html reports claims: use `claimex extract` or `claimex report`")
    _run(sentences_many, files, published, output, force, model, _writer(format, fields, output, Sentence))


@app.command()
def show(
    files: list[str] = FilesArgument,
    published: Optional[str] = PublishedOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Show the articles in the terminal with sources, cues, contents and hedges highlighted."""
    from claimex.api import extract_many
    from claimex.table import ShowWriter

    _run(extract_many, files, published, None, False, model, ShowWriter)


@app.command()
def report(
    files: list[str] = FilesArgument,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Write one self-contained HTML page: each article with its claims highlighted, and a sortable table."""
    from claimex.api import extract_many
    from claimex.report import ReportWriter

    _run(extract_many, files, published, output, force, model, ReportWriter)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim and sentence records."""
    from claimex.schema import json_schema_text

    typer.echo(json_schema_text(), nl=False)


class DiffFormat(str, enum.Enum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


@app.command()
def diff(
    a: str = typer.Argument(..., metavar="A", help="An article, or the claims `claimex extract` wrote for it (.jsonl)."),
    b: str = typer.Argument(..., metavar="B", help="The article to compare it with, or its claims (.jsonl)."),
    format: DiffFormat = typer.Option(DiffFormat.jsonl, "--format", "-f", help="jsonl, table (side by side) or csv."),
    published: Optional[str] = PublishedOption,
    threshold: float = typer.Option(
        DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0,
        help="Least similarity (0 to 1) for a claim of A and one of B to be about the same thing.",
    ),
    model: Optional[str] = ModelOption,
) -> None:
    """Compare two articles: the claims both report (same), those they disagree on (conflict), those only one has."""
    from claimex.diff import diff_claims, diff_table, write_csv
    from claimex.output import jsonl_line

    records = diff_claims(*_diff_inputs([a, b], _parse_date(published), model), threshold)
    if format is DiffFormat.table:
        Console(file=sys.stdout).print(diff_table(records))
    elif format is DiffFormat.csv:
        write_csv(records, sys.stdout)
    else:
        sys.stdout.writelines(jsonl_line(record) for record in records)


def _diff_inputs(names: list[str], published: Optional[dt.date], model: Optional[str]) -> list:
    """The claims of each input: read from a claims JSONL file, else extracted from the article."""
    from claimex.api import extract_many
    from claimex.diff import read_claims_jsonl
    from claimex.ingest import InputError, read_inputs
    from claimex.pipeline import ModelNotFound

    documents = list(read_inputs(names))
    for document in documents:
        if isinstance(document, InputError):
            stderr.print(f"claimex: {document.name}: {document.reason}")
            raise typer.Exit(EXIT_SOME_FAILED)
    if len(documents) != len(names):
        _fail_usage("diff compares two files, not folders")
    claims = [read_claims_jsonl(document.text) if document.name.endswith(".jsonl") else None
              for document in documents]
    for document, read in zip(documents, claims):
        if document.name.endswith(".jsonl") and read is None:
            _fail_usage(f"{document.name}: not claims written by `claimex extract` (one Claim per line)")
    articles = [(document.name, document.text) for document, read in zip(documents, claims) if read is None]
    try:
        extracted = extract_many(articles, published=published, model=model)
        return [read if read is not None else next(extracted) for read in claims]
    except ModelNotFound as error:
        _fail_usage(str(error))


def _run(process, files: list[str], published: Optional[str], output: Optional[Path], force: bool,
         model: Optional[str], make_writer) -> None:
    from claimex.ingest import InputError, read_inputs
    from claimex.output import open_output, with_texts
    from claimex.table import with_progress
    from claimex.pipeline import ModelNotFound, load_pipeline

    published_date = _parse_date(published)
    try:
        load_pipeline(model)
    except ModelNotFound as error:
        _fail_usage(str(error))
    failed = 0

    def readable():
        nonlocal failed
        for item in read_inputs(files):
            if isinstance(item, InputError):
                failed += 1
                stderr.print(f"claimex: {item.name}: {item.reason}")
            else:
                yield item.name, item.text

    try:
        with open_output(output, force=force) as stream:
            writer = make_writer(stream)
            documents = with_texts(process, readable(), published=published_date, model=model)
            if not _to_terminal(output):
                documents = with_progress(documents, files, stderr)
            for name, text, records in documents:
                writer.write(name, text, records)
            writer.finish()
    except FileExistsError as error:
        _fail_usage(str(error))
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


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
    stderr.print(f"claimex: {message}")
    raise typer.Exit(EXIT_USAGE)
