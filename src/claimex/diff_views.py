"""How `claimex diff` shows its records: JSON lines, CSV/TSV and the terminal table, through the writers
`extract` uses (`output.py`), so that `--output`/`--force` behave the same."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import IO

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimex.diff_schema import ClaimRef, ClusterRecord, Difference, DiffRecord
from claimex.output import LIST_SEPARATOR, DelimitedWriter, JsonlWriter, Writer
from claimex.table import printable

STATUS_ORDER = {"conflict": 0, "same": 1, "only_a": 2, "only_b": 3}
CLUSTER_ORDER = {"conflict": 0, "agree": 1, "single": 2}
CHANGED_STYLE = "bold red"


def describe(difference: Difference) -> str:
    """One difference in words: `number: "1,200" (1200) / "about 900" (900)`."""
    def side(text: str | None, value: object) -> str:
        if text is None:
            return "—" if value is None else str(value)
        return f'"{text}"' if text == str(value) else f'"{text}" ({value})'

    return f"{difference.field}: {side(difference.a_text, difference.a)} / {side(difference.b_text, difference.b)}"


def _described(differences: Iterable[Difference]) -> str:
    return LIST_SEPARATOR.join(describe(difference) for difference in differences)


def _parts(record: DiffRecord, name: str) -> object:
    return "" if record.score_parts is None else getattr(record.score_parts, name)


def _side(side: str, field: str) -> Callable[[DiffRecord], object]:
    def cell(record: DiffRecord) -> object:
        ref = getattr(record, side)
        return "" if ref is None else (getattr(ref, field) or "")
    return cell


PAIR_COLUMNS: dict[str, Callable[[DiffRecord], object]] = {
    "status": lambda record: record.status,
    "similarity": lambda record: "" if record.similarity is None else record.similarity,
    **{f"{side}_{field}": _side(side, field) for side in "ab" for field in ("id", "source", "text")},
    "differences": lambda record: _described(record.differences),
    "lexical": lambda record: _parts(record, "lexical"),
    "meaning": lambda record: _parts(record, "meaning"),
}
"""CSV/TSV columns of a two-article diff, one row per record."""

CLUSTER_COLUMNS: dict[str, Callable[[ClusterRecord], object]] = {
    "cluster": lambda record: record.cluster,
    "status": lambda record: record.status,
    "text": lambda record: record.claims[0].claim.text,
    "carried_by": lambda record: LIST_SEPARATOR.join(record.carried_by),
    "disagreeing": lambda record: LIST_SEPARATOR.join(record.disagreeing),
    "missing_from": lambda record: LIST_SEPARATOR.join(record.missing_from),
    "differences": lambda record: LIST_SEPARATOR.join(
        f"{member.doc}: {describe(difference)}" for member in record.claims for difference in member.differences),
}
"""CSV/TSV columns of a diff over several articles, one row per cluster."""


def diff_writer(format: str, stream: IO[str], *, clusters: bool) -> Writer:
    """The writer for `format` (jsonl, csv, tsv or table) of pair records, or of cluster records."""
    if format == "jsonl":
        return JsonlWriter(stream)
    if format in ("csv", "tsv"):
        return DelimitedWriter(stream, CLUSTER_COLUMNS if clusters else PAIR_COLUMNS, delimiter="," if format == "csv" else "\t")
    if format == "table":
        return DiffTableWriter(stream, clusters_table if clusters else diff_table)
    raise ValueError(f"no diff writer for format {format!r}")


class DiffTableWriter:
    """The whole diff as one rich table, printed at the end (its rows are sorted by status)."""

    def __init__(self, stream: IO[str], make_table: Callable[[Sequence], Table]) -> None:
        self.console = Console(file=stream, highlight=False)
        self.make_table = make_table
        self.records: list[BaseModel] = []

    def write(self, name: str, text: str, records: Sequence[BaseModel]) -> None:
        self.records.extend(records)

    def finish(self) -> None:
        self.console.print(self.make_table(self.records))


def by_status(records: Iterable[DiffRecord]) -> list[DiffRecord]:
    """Conflicts first, then matches, then the claims only A has and those only B has."""
    return sorted(records, key=lambda record: STATUS_ORDER[record.status])


def diff_table(records: Iterable[DiffRecord]) -> Table:
    """A and B side by side, conflicts first, the words that differ highlighted."""
    table = Table("status", "sim", "A", "B", "differences", show_lines=True)
    for record in by_status(records):
        table.add_row(
            record.status,
            "" if record.similarity is None else f"{record.similarity:.2f}",
            _claim_cell(record.a, [words for d in record.differences for words in (d.a_text, d.a)]),
            _claim_cell(record.b, [words for d in record.differences for words in (d.b_text, d.b)]),
            printable("\n".join(describe(difference) for difference in record.differences)),
        )
    return table


def clusters_table(records: Iterable[ClusterRecord]) -> Table:
    """One row per cluster, conflicts first: its first claim, who carries it, who disagrees and how, who lacks it."""
    table = Table("status", "claim", "carried by", "disagreeing", "missing from", show_lines=True)
    for record in sorted(records, key=lambda record: (CLUSTER_ORDER[record.status], record.cluster)):
        first = record.claims[0]
        disagreeing = [f"{member.doc}: {describe(difference)}"
                       for member in record.claims for difference in member.differences]
        table.add_row(record.status, _claim_cell(first.claim, []), printable("\n".join(record.carried_by)),
                      printable("\n".join(disagreeing)), printable("\n".join(record.missing_from)))
    return table


def _claim_cell(ref: ClaimRef | None, highlights: Iterable[object]) -> Text:
    if ref is None:
        return Text("")
    cell = printable(f"{ref.source}: " if ref.source else "", style="dim")
    cell.append_text(printable(ref.text))
    cell.highlight_words([words for words in highlights if isinstance(words, str) and words],
                         style=CHANGED_STYLE, case_sensitive=True)
    return cell
