"""Writing records: JSON lines, CSV and TSV, on stdout or into a file that appears only once it is complete.

Every writer takes the records of one document at a time (`write(name, text, records)`) and ends with
`finish()`; the terminal table and the HTML report live in `table.py` and `report.py`.
"""

from __future__ import annotations

import csv
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol

from pydantic import BaseModel

from claimex.schema import MENTION_FIELDS, Claim, Sentence

LIST_SEPARATOR = "; "
BYTE_ORDER_MARK = "\ufeff"
TSV_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\v": " ", "\f": " ", "\x1c": " ", "\x1d": " ",
                            "\x1e": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})
"""What splits a line for Python's `str.splitlines` (and tabs) becomes a space in a TSV cell."""


class Writer(Protocol):
    """Takes each document's records in order, then `finish()` once. A writer whose `takes_parts` is true
    also takes a long text's records in parts, piece by piece, as they are made (several `write`s of one
    document); the others get each document's records whole."""

    takes_parts: bool

    def write(self, name: str, text: str, records: Sequence[BaseModel]) -> None: ...

    def finish(self) -> None: ...


def jsonl_line(record: BaseModel) -> str:
    return record.model_dump_json() + "\n"


class JsonlWriter:
    """One JSON object per line: the contract, see `claimex schema`."""

    takes_parts = True

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, name: str, text: str, records: Sequence[BaseModel]) -> None:
        self.stream.writelines(jsonl_line(record) for record in records)

    def finish(self) -> None:
        pass


def _joined(values: Iterable[object]) -> str:
    return LIST_SEPARATOR.join("" if value is None else str(value) for value in values)


def _texts(spans: Iterable) -> str:
    return _joined(span.text for span in spans)


def _values(mentions: Iterable) -> str:
    return _joined(mention.value for mention in mentions)


def _mention_columns() -> dict[str, Callable]:
    return {
        **{field: (lambda record, field=field: _texts(getattr(record, field))) for field in MENTION_FIELDS},
        "number_values": lambda record: _values(record.numbers),
        "date_values": lambda record: _values(record.dates),
    }


CLAIM_COLUMNS: dict[str, Callable[[Claim], object]] = {
    "doc": lambda claim: claim.doc,
    "id": lambda claim: claim.id,
    "sentence": lambda claim: claim.sentence.index,
    "kind": lambda claim: claim.kind,
    "source": lambda claim: claim.source.text if claim.source else "",
    "source_name": lambda claim: (claim.source.name or "") if claim.source else "",
    "source_from": lambda claim: claim.source_from or "",
    "cue": lambda claim: claim.cue.text if claim.cue else "",
    "content": lambda claim: claim.content.text,
    "hedges": lambda claim: _texts(claim.hedges),
    **_mention_columns(),
    "start": lambda claim: claim.content.start,
    "end": lambda claim: claim.content.end,
}
"""CSV/TSV columns of a claim, in their fixed order; `--fields` picks and orders a subset."""

SENTENCE_COLUMNS: dict[str, Callable[[Sentence], object]] = {
    "doc": lambda sentence: sentence.doc,
    "sentence": lambda sentence: sentence.index,
    "text": lambda sentence: sentence.text,
    **_mention_columns(),
    "start": lambda sentence: sentence.start,
    "end": lambda sentence: sentence.end,
}
"""CSV/TSV columns of a sentence, in their fixed order."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise_formula(cell: str) -> str:
    """OWASP's CSV-injection rule: a cell a spreadsheet would run as a formula gets a leading `'`.

    Plain numbers such as `-3` or `+2.5` are left alone.
    """
    if cell.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def pick_columns(columns: dict[str, Callable], fields: str | None) -> dict[str, Callable]:
    """The columns named in `fields` ("a,b,c"), in that order; all of them when `fields` is None."""
    if fields is None:
        return columns
    names = [name.strip() for name in fields.split(",") if name.strip()]
    unknown = [name for name in names if name not in columns]
    if unknown or not names:
        raise ValueError(f"unknown field(s) {', '.join(unknown) or '(none given)'}; choose from {', '.join(columns)}")
    return {name: columns[name] for name in names}


class DelimitedWriter:
    """Rows with a header row, one row per record, in UTF-8. CSV follows RFC 4180 (CRLF, quoted fields),
    with a byte-order mark first when `excel` is set; TSV rows end in LF and a cell's tabs and line breaks
    become spaces, so that every line is one row."""

    takes_parts = True

    def __init__(self, stream: IO[str], columns: dict[str, Callable], delimiter: str = ",", excel: bool = False) -> None:
        self.columns = columns
        self.tsv = delimiter == "\t"
        if excel:
            stream.write(BYTE_ORDER_MARK)
        self.rows = csv.writer(stream, delimiter=delimiter, lineterminator="\n" if self.tsv else "\r\n")
        self.rows.writerow(columns)

    def write(self, name: str, text: str, records: Sequence[BaseModel]) -> None:
        self.rows.writerows([self._cell(str(cell(record))) for cell in self.columns.values()] for record in records)

    def _cell(self, value: str) -> str:
        value = neutralise_formula(value)
        return value.translate(TSV_SPACES) if self.tsv else value

    def finish(self) -> None:
        pass


def columns_for(record_type: type[BaseModel], fields: str | None) -> dict[str, Callable]:
    """The CSV/TSV columns for claims or sentences, narrowed to `fields`; ValueError names unknown ones."""
    return pick_columns(SENTENCE_COLUMNS if record_type is Sentence else CLAIM_COLUMNS, fields)


def writer_for(format: str, stream: IO[str], *, record_type: type[BaseModel], columns: dict[str, Callable],
               excel: bool = False) -> Writer:
    """The writer for `format`: jsonl, csv (`excel`: with a byte-order mark), tsv, table (rich, for a
    terminal) or html (a report page)."""
    if format == "jsonl":
        return JsonlWriter(stream)
    if format in ("csv", "tsv"):
        return DelimitedWriter(stream, columns, delimiter="," if format == "csv" else "\t", excel=excel)
    if format == "table":
        from claimex.table import TableWriter

        return TableWriter(stream, sentences=record_type is Sentence)
    if format == "html":
        from claimex.report import ReportWriter

        return ReportWriter(stream)
    raise ValueError(f"no writer for format {format!r}")


class OutputError(Exception):
    """The --output file cannot be written; the message names it and says why."""


def check_output(path: Path, *, force: bool = False) -> None:
    """OutputError unless `path` names a file that can be made (or, with `force`, replaced) in a folder that exists."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of a file in it")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: no such folder")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; pass --force to overwrite it")


@contextmanager
def open_output(path: Path | None, *, force: bool = False) -> Iterator[IO[str]]:
    """stdout when `path` is None; else a temporary file beside it, renamed to `path` only on success. The
    file gets the mode a new file has under the user's umask."""
    if path is None:
        import sys

        yield sys.stdout
        return
    check_output(path, force=force)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
