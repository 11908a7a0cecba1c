"""The `claimex` command: one thin function per command, over the library and `cli_run`.

Options are declared once in `cli_options`; spaCy is imported only by the commands that run the pipeline,
so `claimex --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from pathlib import Path
from typing import Annotated, Optional

import typer
from claimex.cli_options import (BatchSize, Color, ColorOption, Debug, Engine, EngineOption, Excel, Fields, Force,
                                 Format, FormatOption, InputFiles, JsonlField, JsonlId, Model, Output, PartitionSize,
                                 Published, Scheduler, Workers)
from claimex.cli_run import EXIT_SOME_FAILED, Inputs, dask_engine, record_writer, run_documents
from claimex.cli_run import fail_usage as _fail_usage, parse_date as _parse_date, report as _report  # `report` is also a command
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


def _record_command(name: str, to_records: str, record_type: str, engine_kind: str, summary: str) -> None:
    """Adds the command `name`, which writes the records `claimex.api.<to_records>` makes of each document
    (`engine_kind`: what `claimex.dask` calls those records)."""

    def command(files: InputFiles, jsonl_field: JsonlField = None, jsonl_id: JsonlId = None, debug: Debug = False,
                format: FormatOption = Format.auto, fields: Fields = None, excel: Excel = None,
                published: Published = None, output: Output = None, force: Force = False, model: Model = None,
                workers: Workers = 1, batch_size: BatchSize = 16, engine: EngineOption = Engine.local,
                scheduler: Scheduler = None, partition_size: PartitionSize = None) -> None:
        from claimex import api, schema

        writer = record_writer(format, fields, excel, output, getattr(schema, record_type))
        cluster = dask_engine(engine_kind, engine, scheduler, workers, partition_size)
        raise typer.Exit(run_documents(getattr(api, to_records), Inputs(files, jsonl_field, jsonl_id, debug), writer,
                                       published=published, output=output, force=force, model=model,
                                       workers=workers, batch_size=batch_size, engine=cluster))

    app.command(name, help=summary)(command)


_record_command("extract", "claims_from_doc", "Claim", "claims",
                "Print every claim in the articles: source, cue, content, kind, hedges and mentions.")
_record_command("sentences", "sentences_from_doc", "Sentence", "sentences",
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
    published: Published = None,
    threshold: float = typer.Option(
        DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0,
        help="Least similarity (0 to 1) for a claim of A and one of B to be about the same thing.",
    ),
    model: Model = None,
    output: Output = None,
    force: Force = False,
) -> None:
    """Compare articles. Two: the claims both report (same), those they disagree on (conflict), those only one
    has. More (or a folder): per cluster of claims, which inputs carry it, which disagree, which lack it."""
    from claimex.diff import cluster_claims, diff_claims
    from claimex.diff_views import diff_writer
    from claimex.output import OutputError, check_output, open_output

    try:
        if output is not None:
            check_output(output, force=force)
    except OutputError as error:
        _fail_usage(str(error))
    documents = _diff_inputs(inputs, _parse_date(published), model)
    clusters = len(inputs) > 2 or any(Path(name).is_dir() for name in inputs)
    records = cluster_claims(documents, threshold) if clusters else diff_claims(documents[0][1], documents[1][1], threshold)
    try:
        with open_output(output, force=force) as stream:
            writer = diff_writer(format.value, stream, clusters=clusters)
            writer.write("diff", "", records)
            writer.finish()
    except OutputError as error:
        _fail_usage(str(error))


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
