"""The base of claimex's pipeline components that carry lexicons: read in `initialize`, saved with the
pipeline (`nlp.to_disk`, `nlp.to_bytes`), so a saved pipeline runs the same from its folder alone."""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable

import srsly
from spacy import util
from spacy.tokens import Doc

from claimex.resources import read_lexicon

LEXICONS_FILE = "lexicons.json"


class NotInitialized(RuntimeError):
    """A claimex component ran before its lexicons were read (`initialize`) or loaded (`from_disk`)."""


class LexiconComponent(abc.ABC):
    """A pipeline component whose lexicons are named in its config (`sources`: setting -> file), read in
    `initialize` and saved and read back with `to_disk`/`from_disk` and `to_bytes`/`from_bytes`, so a
    pipeline saved with `nlp.to_disk` runs the same from its folder alone. Subclasses build their matchers
    from the lexicons in `use_lexicons` and annotate a Doc in `annotate`."""

    def __init__(self, name: str, sources: dict[str, str]):
        self.name = name
        self.sources = sources
        self.lexicons: dict | None = None

    @abc.abstractmethod
    def use_lexicons(self, lexicons: dict) -> None:
        """Build what `annotate` needs from the lexicons (setting -> the file's entries or JSON document)."""

    @abc.abstractmethod
    def annotate(self, doc: Doc) -> Doc:
        """Set this component's annotations on `doc`."""

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicons is None:
            raise NotInitialized(f"{self.name}: call nlp.initialize() (or this component's initialize()) first")
        return self.annotate(doc)

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp=None) -> None:
        """Read the lexicon files the config names."""
        self._set({setting: read_lexicon(source) for setting, source in self.sources.items()})

    def _set(self, lexicons: dict) -> None:
        self.use_lexicons(lexicons)
        self.lexicons = lexicons

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        util.to_disk(path, {LEXICONS_FILE: lambda p: srsly.write_json(p, self.lexicons)}, exclude)

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "LexiconComponent":
        util.from_disk(path, {LEXICONS_FILE: lambda p: self._set(srsly.read_json(p))}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return util.to_bytes({"lexicons": lambda: srsly.json_dumps(self.lexicons)}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "LexiconComponent":
        util.from_bytes(data, {"lexicons": lambda b: self._set(srsly.json_loads(b))}, exclude)
        return self
