"""Reading inputs: files, folders, stdin and JSON-lines collections, as decoded text with the encoding recorded.

Bad inputs come out as `InputError`s naming the input and the reason, never as exceptions. The text of a
Document is what claimex processes and what every offset indexes: the decoded file, or for HTML the
article text extracted from it (the document's name then ends in `#text`).
"""

from __future__ import annotations

import codecs
import functools
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

STDIN = "-"
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
EXTRACTED = "#text"
"""Ends the name of a document whose text was extracted from HTML: offsets index the extracted text."""

BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
WESTERN_ENCODINGS = ["cp1252", "latin_1"]
"""Tried first for bytes that are not UTF-8: news in English; other legacy encodings are detected after."""
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tabs and line breaks: text holds a few at most, binary data many."""
HTML_OPENINGS = ("<!doctype html", "<html")
BINARY = "looks like binary data, not text"


@dataclass(frozen=True)
class Document:
    """One input's text exactly as decoded (or extracted from HTML); every offset claimex writes indexes `text`."""

    name: str
    text: str
    encoding: str


@dataclass(frozen=True)
class InputError:
    """An input that could not be read, and why, in words for the person who gave it.

    `cause` is set when reading failed on an error of claimex's own (a bug), not on the input.
    """

    name: str
    reason: str
    cause: Exception | None = None

    @property
    def message(self) -> str:
        if self.cause is not None:
            return f"internal error on {self.name}: {self.reason}"
        return f"{self.name}: {self.reason}"


def read_inputs(names: Iterable[str], *, jsonl_field: str | None = None, jsonl_id: str = "id",
                stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """The documents of each input, in order: a file, a folder (its readable files, recursively, sorted by
    path) or `-` for the bytes on `stdin`. With `jsonl_field`, every file is a JSON-lines collection whose
    lines each hold one document in that field, named `NAME#ID` after their `jsonl_id` field or line number.
    """
    suffixes = JSONL_SUFFIXES if jsonl_field else TEXT_SUFFIXES + HTML_SUFFIXES
    for name in names:
        if name not in (STDIN, "") and Path(name).is_dir():
            yield from _read_folder(Path(name), suffixes, jsonl_field, jsonl_id)
        else:
            yield from _read_one(name, jsonl_field, jsonl_id, stdin)


def folder_files(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[InputError]]:
    """The files under `folder` whose names end in one of `suffixes` (any case), sorted by path, and the
    sub-folders that could not be listed. Hidden files and folders (names starting with `.`) are skipped."""
    found, errors = [], []

    def unlistable(error: OSError) -> None:
        errors.append(InputError(str(error.filename), f"cannot be read ({error.strerror or error})"))

    for root, folders, files in os.walk(folder, onerror=unlistable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(root, name) for name in files
                     if not name.startswith(".") and name.lower().endswith(suffixes))
    return sorted(found, key=lambda path: path.parts), sorted(errors, key=lambda error: error.name)


def _read_folder(folder: Path, suffixes: tuple[str, ...], jsonl_field: str | None,
                 jsonl_id: str) -> Iterator[Document | InputError]:
    files, errors = folder_files(folder, suffixes)
    yield from errors
    if not files and not errors:
        yield InputError(str(folder), f"is a folder with no {', '.join(suffixes[:-1])} or {suffixes[-1]} files in it")
    for path in files:
        yield from _read_one(str(path), jsonl_field, jsonl_id, None)


def _read_one(name: str, jsonl_field: str | None, jsonl_id: str,
              stdin: BinaryIO | None) -> Iterator[Document | InputError]:
    """The documents in one file or stdin; an error of claimex's own fails this input only."""
    try:
        data = _read_bytes(name, stdin)
        if isinstance(data, InputError):
            yield data
        elif jsonl_field:
            yield from jsonl_documents(name, data, jsonl_field, jsonl_id)
        else:
            yield article_document(name, data)
    except Exception as error:  # a bug in claimex or a library it calls: name the input, go on with the rest
        yield InputError(name, f"{type(error).__name__}: {error}", cause=error)


def _read_bytes(name: str, stdin: BinaryIO | None) -> bytes | InputError:
    if name == STDIN:
        return (stdin or sys.stdin.buffer).read()
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        return InputError(name, "no such file")
    except IsADirectoryError:
        return InputError(name, "is a folder, not a file")
    except OSError as error:
        return InputError(name, f"cannot be read ({error.strerror or error})")


def read_articles(names: Iterable[str], *, jsonl_field: str | None = None, jsonl_id: str = "id",
                  stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """`read_inputs` for the pipeline: without `jsonl_field`, a JSON-lines collection given as an article
    is an error that says how to read it."""
    for item in read_inputs(names, jsonl_field=jsonl_field, jsonl_id=jsonl_id, stdin=stdin):
        yield item if jsonl_field or isinstance(item, InputError) else _as_article(item)


def _as_article(document: Document) -> Document | InputError:
    """The document, or the error that says how to read it when it is a JSON-lines collection."""
    if looks_like_json_lines(document.name, document.text):
        return InputError(document.name, "looks like JSON lines, not an article: pass --jsonl-field FIELD to read "
                                         "the text in each line's FIELD")
    return document


def looks_like_json_lines(name: str, text: str) -> bool:
    """Whether an input read as an article is a JSON-lines collection: by its name, or a JSON object first."""
    if name.lower().endswith(JSONL_SUFFIXES):
        return True
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if not first_line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def article_document(name: str, data: bytes) -> Document | InputError:
    """One article: decoded text, or the article text extracted when it is HTML (by name or by content)."""
    document = decode_document(name, data)
    if isinstance(document, Document) and is_html(name, document.text):
        return html_document(document)
    return document


def is_html(name: str, text: str) -> bool:
    """Whether an input is an HTML page: its name ends in .html or .htm, or its text opens like a page."""
    return name.lower().endswith(HTML_SUFFIXES) or text.lstrip()[:20].lower().startswith(HTML_OPENINGS)


def html_document(page: Document) -> Document | InputError:
    """The main article text of an HTML page (trafilatura), without markup, scripts or navigation."""
    text = _trafilatura().extract(page.text, include_comments=False)
    name = page.name + EXTRACTED
    if not text or not text.strip():
        return InputError(name, "no article text found in the HTML")
    return Document(name, text, page.encoding)


@functools.cache
def _trafilatura():
    """trafilatura, imported on first use, its log kept off stderr (bad pages are reported as InputErrors)."""
    import trafilatura

    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    return trafilatura


def jsonl_documents(name: str, data: bytes, field: str, id_field: str) -> Iterator[Document | InputError]:
    """One document per non-blank line of a JSON-lines collection, from the line's `field`."""
    collection = decode_document(name, data)
    if isinstance(collection, InputError):
        yield collection
        return
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(collection.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{name}:{number}", f"is not JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{name}:{number}", "is not a JSON object")
        elif not isinstance(record.get(field), str):
            yield InputError(f"{name}:{number}", f"has no text in a {field!r} field")
        else:
            identifier = record.get(id_field)
            if not isinstance(identifier, (str, int)) or isinstance(identifier, bool):
                identifier = number
            document_name = f"{name}#{identifier}"
            if document_name in first_line_of:
                yield InputError(f"{name}:{number}", f"repeats the id {identifier} of line {first_line_of[document_name]}")
                continue
            first_line_of[document_name] = number
            yield _line_document(document_name, record[field], collection.encoding)


def _line_document(name: str, text: str, encoding: str) -> Document | InputError:
    document = _non_empty(Document(name, text, encoding))
    if isinstance(document, Document) and is_html(name, text):
        return html_document(document)
    return document


def decode_document(name: str, data: bytes) -> Document | InputError:
    """Decode by byte-order mark (UTF-8, UTF-16, UTF-32), then as UTF-8, then as the detected legacy
    encoding (cp1252 or latin-1 first); text that is mostly control characters is binary data."""
    if not data.strip():
        return InputError(name, "is empty")
    for bom, encoding, label in BOMS:
        if data.startswith(bom):
            try:
                return _checked(Document(name, data.decode(encoding), encoding))
            except UnicodeDecodeError:
                return InputError(name, f"starts with a {label} byte-order mark but is not valid {label}")
    if b"\x00" in data:
        return InputError(name, BINARY)
    try:
        return _checked(Document(name, data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best() or from_bytes(data).best()
    if best is None:
        return InputError(name, BINARY)
    return _checked(Document(name, str(best), best.encoding))


def _checked(document: Document) -> Document | InputError:
    if len(CONTROL.findall(document.text)) > MAX_CONTROL_SHARE * len(document.text):
        return InputError(document.name, BINARY)
    return _non_empty(document)


def _non_empty(document: Document) -> Document | InputError:
    if not document.text.strip():
        return InputError(document.name, "is empty")
    return document
