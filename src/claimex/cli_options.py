"""The arguments and options of claimex's commands, each declared once as a typer `Annotated` alias."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, enum.Enum):
    """`auto`: a table when stdout is a terminal, else JSON lines. See docs/output.md for each form."""

    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    table = "table"
    html = "html"


class Engine(str, enum.Enum):
    """Where the pipeline runs: this machine, or a Dask cluster (`claimex[dask]`)."""

    local = "local"
    dask = "dask"


class Color(str, enum.Enum):
    """`auto`: colour on a terminal unless NO_COLOR is set."""

    auto = "auto"
    always = "always"
    never = "never"


InputFiles = Annotated[list[str], typer.Argument(
    metavar="INPUTS",
    help="Articles to read: files, folders (their .txt, .md, .html and .htm files, sub-folders included, "
         "hidden ones skipped, in order of path) or - for stdin. Text is UTF-8 (BOM or not), UTF-16 with a BOM, "
         "or a detected legacy encoding (cp1252, latin-1, ...); offsets index the decoded text. From an HTML page "
         "(by name, or a text opening with <html or <!DOCTYPE html) only the article text is read, and its "
         "`doc` ends in #text (e.g. page.html#text): offsets then index that extracted text.",
)]
JsonlField = Annotated[Optional[str], typer.Option(
    "--jsonl-field", metavar="FIELD",
    help="Read every input as JSON lines (folders: their .jsonl and .ndjson files), each line's FIELD one article, "
         "its `doc` PATH#ID.",
)]
JsonlId = Annotated[Optional[str], typer.Option(
    "--jsonl-id", metavar="FIELD",
    help="With --jsonl-field: the field whose value is the ID in PATH#ID (default: id; the line number when absent). "
         "Two lines with the same ID are an error.",
)]
Debug = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]
FormatOption = Annotated[Format, typer.Option(
    "--format", "-f",
    help="jsonl (the contract), csv, tsv, table (for people) or html (a report page); "
         "auto: table on a terminal, jsonl otherwise.",
)]
Fields = Annotated[Optional[str], typer.Option(
    "--fields", metavar="A,B,...", help="CSV/TSV columns to write, in this order (default: all; see docs/output.md).",
)]
Excel = Annotated[Optional[bool], typer.Option(
    "--excel/--no-excel",
    help="CSV: begin with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8 "
         "(default: on when --output ends in .csv, off on stdout).",
)]
Published = Annotated[Optional[str], typer.Option(
    "--published", metavar="YYYY-MM-DD",
    help="Publication date for resolving relative dates (default: a date at the top of the article).",
)]
Output = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (in a folder that exists) instead of stdout.",
)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")]
Model = Annotated[Optional[str], typer.Option(
    "--model", envvar="CLAIMEX_MODEL",
    help="spaCy pipeline: an installed package name or a folder (default: en_core_web_sm if installed).",
)]
Workers = Annotated[int, typer.Option(
    "--workers", "-w", min=0,
    help="Processes to run the pipeline in (0: one per core). The output is the same, in the same order.",
)]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Texts per batch through the pipeline.")]
ColorOption = Annotated[Color, typer.Option(
    "--color", help="Colour the article: always, never, or auto (on a terminal, unless NO_COLOR is set).",
)]
EngineOption = Annotated[Engine, typer.Option(
    "--engine",
    help="local: this machine (--workers processes); dask: a Dask cluster (needs claimex[dask]), the same output.",
)]
Scheduler = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="tcp://HOST:8786",
    help="With --engine dask: the scheduler to use (default: a local cluster of --workers processes).",
)]
PartitionSize = Annotated[Optional[int], typer.Option(
    "--partition-size", min=1, help="With --engine dask: documents per task (default: 8).",
)]
