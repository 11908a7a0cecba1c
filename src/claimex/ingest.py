"""Reading inputs: bytes to text, with the encoding recorded and bad inputs named, never raised past."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Document:
    """One input's text exactly as decoded; every offset claimex writes indexes `text`."""

    name: str
    text: str
    encoding: str


@dataclass(frozen=True)
class InputError:
    """An input that could not be read, and why, in words for the person who gave it."""

    name: str
    reason: str


def read_inputs(names: Iterable[str]) -> Iterator[Document | InputError]:
    """Each named file as a Document, or an InputError saying why it could not be read."""
    for name in names:
        try:
            data = Path(name).read_bytes()
        except FileNotFoundError:
            yield InputError(name, "no such file")
            continue
        except IsADirectoryError:
            yield InputError(name, "is a folder, not a file")
            continue
        except OSError as error:
            yield InputError(name, f"cannot be read ({error.strerror or error})")
            continue
        yield decode_document(name, data)


def decode_document(name: str, data: bytes) -> Document | InputError:
    """Decode by byte-order mark, then as UTF-8, then as the detected legacy encoding."""
    if not data.strip():
        return InputError(name, "is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _non_empty(Document(name, data.decode(encoding), encoding))
            except UnicodeDecodeError:
                return InputError(name, f"starts with a {encoding} byte-order mark but is not valid {encoding}")
    if b"\x00" in data:
        return InputError(name, "looks like binary data, not text")
    try:
        return _non_empty(Document(name, data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return InputError(name, "looks like binary data, not text")
    return _non_empty(Document(name, str(best), best.encoding))


def _non_empty(document: Document) -> Document | InputError:
    if not document.text.strip():
        return InputError(document.name, "is empty")
    return document
