"""Where the pipeline config and the project's lexicons live."""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=1)
def models_dir() -> Path:
    """The `models/` folder: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).resolve().parent / "models"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "models"


@functools.lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line lexicon in `models/` (blank lines and `#` comments skipped)."""
    lines = (models_dir() / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@functools.lru_cache(maxsize=None)
def load_json(name: str):
    """A JSON data file in `models/`."""
    return json.loads((models_dir() / name).read_text(encoding="utf-8"))
