"""Read and check brat standoff corpora in PolNeAR's layout: `text/<stem>.txt` beside
`attributions/<stem>_<annotator>.ann` with Source, Cue and Content spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROLE_LABELS = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}
# Labels brat files may carry that are not roles: event triggers (same offsets as the cue) and
# annotator flags.
OTHER_LABELS = {"Attribution", "Attribution-no-source", "Discard", "Discuss"}
SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) ([^\t]*)\t?")
OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
RECORD_START = re.compile(r"^[TE#R*AMN]\d*\t")


class CorpusError(ValueError):
    """A corpus file claimex cannot read; the message names the file and line."""


@dataclass(frozen=True)
class RoleSpan:
    """One fragment of a Source, Cue or Content span, as character offsets into the text."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A text and the role spans one annotator marked in it."""

    name: str
    text: str
    spans: tuple[RoleSpan, ...]


def read_corpus(folder: Path) -> list[Article]:
    """Every annotated article under `folder` (the lexicographically first annotator of each text)."""
    folder = Path(folder)
    annotations = folder / "attributions"
    if not annotations.is_dir():
        raise CorpusError(f"{annotations}: no such folder (a corpus holds text/ and attributions/)")
    first_by_stem: dict[str, Path] = {}
    for ann in sorted(annotations.glob("*.ann")):
        stem = _stem_of(ann)
        first_by_stem.setdefault(stem, ann)
    if not first_by_stem:
        raise CorpusError(f"{annotations}: no .ann files")
    return [read_article(ann, folder / "text" / f"{stem}.txt") for stem, ann in sorted(first_by_stem.items())]


def _stem_of(ann: Path) -> str:
    """`<stem>_<annotator>.ann` -> `<stem>`; a name without an annotator suffix is its own stem."""
    stem, sep, annotator = ann.stem.rpartition("_")
    return stem if sep and re.fullmatch(r"[0-9a-fA-F]{4}", annotator) else ann.stem


def read_article(ann: Path, text_path: Path) -> Article:
    """The role spans of one .ann file, checked against its text."""
    if not text_path.is_file():
        raise CorpusError(f"{ann}:1: its text file {text_path} is missing")
    text = text_path.read_text(encoding="utf-8")
    spans = []
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), start=1):
        spans.extend(_line_spans(ann, number, line, len(text)))
    return Article(name=text_path.stem, text=text, spans=tuple(spans))


def _line_spans(ann: Path, number: int, line: str, text_length: int) -> list[RoleSpan]:
    """The role fragments a text-bound line marks ([] for other records and continuation lines)."""
    match = SPAN_LINE.match(line)
    if match is None:
        if line.startswith("T") and RECORD_START.match(line):
            raise CorpusError(f"{ann}:{number}: a span line needs `T<n><TAB><Label> <start> <end><TAB><text>`")
        return []
    label, offsets = match.group(2), match.group(3).strip()
    if label not in ROLE_LABELS and label not in OTHER_LABELS:
        known = ", ".join(sorted([*ROLE_LABELS, *OTHER_LABELS]))
        raise CorpusError(f"{ann}:{number}: unknown label {label!r} (known: {known})")
    if not OFFSETS.match(offsets):
        raise CorpusError(f"{ann}:{number}: offsets {offsets!r} are not `<start> <end>[;<start> <end>...]`")
    fragments = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
    for start, end in fragments:
        if not 0 <= start < end <= text_length:
            raise CorpusError(f"{ann}:{number}: span {start}-{end} lies outside the text ({text_length} characters)")
    if label not in ROLE_LABELS:
        return []
    return [RoleSpan(ROLE_LABELS[label], start, end) for start, end in fragments]
