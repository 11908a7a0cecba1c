"""The `claimex` command: parses options, reads inputs, writes records, sets the exit code.

spaCy is imported only by the commands that run the pipeline, so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into structured, attributed claims (who said what), as JSON lines.",
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class Format(str, enum.Enum):
    jsonl = "jsonl"


FilesArgument = typer.Argument(..., help="Article files to read (UTF-8, UTF-16 with BOM or a legacy encoding).")
FormatOption = typer.Option(Format.jsonl, "--format", "-f", help="Output format.")
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
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Print every claim in the articles: source, cue, content, kind, hedges and mentions."""
    from claimex.api import extract_many

    _run(extract_many, files, published, output, force, model)


@app.command()
def sentences(
    files: list[str] = FilesArgument,
    format: Format = FormatOption,
    published: Optional[str] = PublishedOption,
    output: Optional[Path] = OutputOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Print every sentence of the articles with its dates, places, numbers and names."""
    from claimex.api import sentences_many

    _run(sentences_many, files, published, output, force, model)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim and sentence records."""
    from claimex.schema import json_schema_text

    typer.echo(json_schema_text(), nl=False)


def _run(process, files: list[str], published: Optional[str], output: Optional[Path], force: bool,
         model: Optional[str]) -> None:
    from claimex.ingest import InputError, read_inputs
    from claimex.output import jsonl_line, open_output
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
            for records in process(readable(), published=published_date, model=model):
                stream.writelines(jsonl_line(record) for record in records)
    except FileExistsError as error:
        _fail_usage(str(error))
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


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
