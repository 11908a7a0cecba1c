"""The `claimex` command: one thin function per command, over the library and `cli_run`.

Options are declared once in `cli_options`; spaCy is imported only by the commands that run the pipeline,
so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console

from claimex.cli_options import (BatchSize, Color, ColorOption, Debug, Excel, Fields, Force, Format, FormatOption,
                                 InputFiles, JsonlField, JsonlId, Model, Output, Published, Workers)
from claimex.cli_run import EXIT_SOME_FAILED, Inputs, record_writer, run_documents
from claimex.cli_run import fail_usage as _fail_usage, parse_date as _parse_date, report as _report  # as diff calls them
from claimex.diff import DEFAULT_THRESHOLD

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(asked: bool) -> None:
    if asked:
        from claimex import __version__

        typer.echo(f"claimex {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print claimex's version and exit.")] = False) -> None:
    """Turn news articles into structured, attributed claims (who said what), as JSON lines."""


def _record_command(name: str, to_records: str, record_type: str, summary: str) -> None:
    """Adds the command `name`, which writes the records `claimex.api.<to_records>` makes of each document."""

    def command(files: InputFiles, jsonl_field: JsonlField = None, jsonl_id: JsonlId = None, debug: Debug = False,
                format: FormatOption = Format.auto, fields: Fields = None, excel: Excel = None,
                published: Published = None, output: Output = None, force: Force = False, model: Model = None,
                workers: Workers = 1, batch_size: BatchSize = 16) -> None:
        from claimex import api, schema

        writer = record_writer(format, fields, excel, output, getattr(schema, record_type))
        raise typer.Exit(run_documents(getattr(api, to_records), Inputs(files, jsonl_field, jsonl_id, debug), writer,
                                       published=published, output=output, force=force, model=model,
                                       workers=workers, batch_size=batch_size))

    app.command(name, help=summary)(command)


_record_command("extract", "claims_from_doc", "Claim",
                "Print every claim in the articles: source, cue, content, kind, hedges and mentions.")
_record_command("sentences", "sentences_from_doc", "Sentence",
                "Print every sentence of the articles with its dates, places, numbers and names.")


@app.command()
def show(files: InputFiles, jsonl_field: JsonlField = None, jsonl_id: JsonlId = None, debug: Debug = False,
         color: ColorOption = Color.auto, published: Published = None, model: Model = None) -> None:
    """Show the articles in the terminal with sources, cues, contents and hedges highlighted."""
    from claimex import api
    from claimex.table import ShowWriter

    writer = functools.partial(ShowWriter, color=color.value)
    raise typer.Exit(run_documents(api.claims_from_doc, Inputs(files, jsonl_field, jsonl_id, debug), writer,
                                   published=published, model=model))


@app.command()
def report(files: InputFiles, jsonl_field: JsonlField = None, jsonl_id: JsonlId = None, debug: Debug = False,
           published: Published = None, output: Output = None, force: Force = False, model: Model = None) -> None:
    """Write one self-contained HTML page: each article with its claims highlighted, and a sortable table."""
    from claimex import api
    from claimex.report import ReportWriter

    raise typer.Exit(run_documents(api.claims_from_doc, Inputs(files, jsonl_field, jsonl_id, debug), ReportWriter,
                                   published=published, output=output, force=force, model=model))


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
    published: Published = None,
    threshold: float = typer.Option(
        DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0,
        help="Least similarity (0 to 1) for a claim of A and one of B to be about the same thing.",
    ),
    model: Model = None,
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
            _report(document.message)
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
