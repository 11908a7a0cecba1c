"""Where the pipeline config and the project's lexicons live, and the one reader of a lexicon file."""

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
def read_lexicon(source: str | Path):
    """A lexicon file, by name in `models/` or by path, read once per process: a `.json` document (not to be
    changed by its readers), else a tuple of entries one per line (blank lines and `#` comments skipped)."""
    path = Path(source) if Path(source).parent != Path(".") else models_dir() / source
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
