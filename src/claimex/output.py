"""Writing records: JSON lines on stdout or into a file that appears only once it is complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pydantic import BaseModel


def jsonl_line(record: BaseModel) -> str:
    return record.model_dump_json() + "\n"


@contextmanager
def open_output(path: Path | None, *, force: bool = False) -> Iterator[IO[str]]:
    """stdout when `path` is None; else a temporary file renamed to `path` only on success."""
    if path is None:
        import sys

        yield sys.stdout
        return
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists; pass --force to overwrite it")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
