"""For people at a terminal: claims as a rich table, and an article with its claims highlighted.

None of this is data: pipes get JSON lines (see `output.py`). Colour follows rich's rules, so `NO_COLOR`
turns it off (bold, italic, reverse and underline still tell the parts apart) and output that is not a
terminal carries no escape codes. Article text is never read as rich markup, and its control characters
are shown as placeholders, one for one, so the text cannot drive the terminal and offsets still line up.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import IO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimex.labels import date_label, highlights, number_label, source_label
from claimex.schema import MENTION_FIELDS, Claim, Sentence

SOURCE_STYLE, CUE_STYLE = "bold cyan", "bold reverse magenta"
CONTENT_STYLE, HEDGE_STYLE = "italic green", "underline yellow"
UNATTRIBUTED_STYLE = "dim"
SHORT_WIDTH = 90
WIDE = 110
TABLE_LOOK = {"box": box.SIMPLE_HEAD, "show_edge": False, "pad_edge": False, "collapse_padding": True}

CONTROL_PLACEHOLDERS = {code: "\ufffd" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(code) not in "\t\n"}
CONTROL_PLACEHOLDERS[ord("\r")] = " "


def printable(text: str, style: str = "") -> Text:
    """`text` as rich Text (never markup), each control character replaced by one placeholder character;
    `style` covers the characters only, not the padding around them in a table cell."""
    printed = Text(text.translate(CONTROL_PLACEHOLDERS))
    printed.stylize(style)
    return printed


def _short(text: str, width: int = SHORT_WIDTH) -> Text:
    return printable(textwrap.shorten(text, width=width, placeholder=" …"))


def _lines(texts: list[str]) -> Text:
    return printable("\n".join(texts))


def _mentions_below(cell: Text, groups: dict[str, list[str]]) -> Text:
    """`cell`, then a dim line per non-empty group of mentions ("dates: …"), for narrow terminals."""
    for heading, mentions in groups.items():
        if mentions:
            cell.append(f"\n{heading}: {'; '.join(mentions)}".translate(CONTROL_PLACEHOLDERS), style="dim")
    return cell


def claims_table(name: str, claims: Sequence[Claim], width: int = WIDE) -> Table:
    """One row per claim, numbered as `show` and the HTML report number them. Below `WIDE` columns the
    numbers and dates go under the content instead of in columns of their own."""
    wide = width >= WIDE
    table = Table(title=printable(f"{name}: {len(claims)} claims"), title_justify="left", **TABLE_LOOK)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("source", max_width=20)
    table.add_column("cue", max_width=10)
    table.add_column("content")
    table.add_column("kind", max_width=12)
    if wide:
        table.add_column("numbers", max_width=14)
        table.add_column("dates", max_width=18)
    for number, claim in enumerate(claims, start=1):
        mentions = {"numbers": [number_label(number) for number in claim.numbers],
                    "dates": [date_label(date) for date in claim.dates]}
        content = _short(claim.content.text)
        cells = [str(number), printable(source_label(claim.source, claim.source_from), SOURCE_STYLE),
                 printable(claim.cue.text if claim.cue else "–", CUE_STYLE),
                 content if wide else _mentions_below(content, mentions), claim.kind.replace("_", " ")]
        if wide:
            cells += [_lines(texts) for texts in mentions.values()]
        table.add_row(*cells, style=UNATTRIBUTED_STYLE if claim.kind == "unattributed" else None)
    return table


def sentences_table(name: str, sentences: Sequence[Sentence], width: int = WIDE) -> Table:
    """One row per sentence with the mentions inside it (under the sentence below `WIDE` columns)."""
    wide = width >= WIDE
    table = Table(title=printable(f"{name}: {len(sentences)} sentences"), title_justify="left", **TABLE_LOOK)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("sentence")
    if wide:
        for heading in MENTION_FIELDS:
            table.add_column(heading, max_width=14)
    for sentence in sentences:
        mentions = {field: [_mention_label(field, mention) for mention in getattr(sentence, field)]
                    for field in MENTION_FIELDS}
        text = _short(sentence.text)
        if wide:
            table.add_row(str(sentence.index), text, *(_lines(texts) for texts in mentions.values()))
        else:
            table.add_row(str(sentence.index), _mentions_below(text, mentions))
    return table


def _mention_label(field: str, mention) -> str:
    """A date or number with its value; a name as written."""
    if field == "dates":
        return date_label(mention)
    return number_label(mention) if field == "numbers" else mention.text


class TableWriter:
    """A rich table per document, printed as each document is done."""

    takes_parts = False

    def __init__(self, stream: IO[str], *, sentences: bool = False) -> None:
        self.console = Console(file=stream, highlight=False)
        self.make_table = sentences_table if sentences else claims_table

    def write(self, name: str, text: str, records: Sequence) -> None:
        self.console.print(self.make_table(name, records, self.console.width))

    def finish(self) -> None:
        pass


PART_STYLES = {"content": CONTENT_STYLE, "source": SOURCE_STYLE, "cue": CUE_STYLE, "hedge": HEDGE_STYLE}


def highlighted_article(text: str, claims: Sequence[Claim]) -> Text:
    """The article with attributed contents, sources and cues in colour and hedges underlined."""
    article = printable(text)
    for highlight in highlights(claims):
        article.stylize(PART_STYLES[highlight.part], highlight.start, highlight.end)
    return article


def _margin(line_start: int, line_end: int, claims: Sequence[Claim]) -> Text:
    """The numbers of the claims whose content starts on this line; attributed ones in bold."""
    margin = Text(justify="right")
    for number, claim in enumerate(claims, start=1):
        if line_start <= claim.content.start <= line_end:
            style = UNATTRIBUTED_STYLE if claim.kind == "unattributed" else "bold"
            if margin:
                margin.append(" ")
            margin.append(str(number), style=style)
    return margin


LEGEND = Text.assemble(
    ("source", SOURCE_STYLE), "  ", ("cue", CUE_STYLE), "  ", ("content", CONTENT_STYLE), "  ", ("hedge", HEDGE_STYLE),
    "  ", ("n", "bold"), " claim numbers in the margin (", ("n", UNATTRIBUTED_STYLE), " unattributed)",
)


def show(console: Console, name: str, text: str, claims: Sequence[Claim]) -> None:
    """Print the article with its claims highlighted and numbered in the margin."""
    console.rule(printable(f"{name}: {len(claims)} claims"), align="left")
    console.print(LEGEND)
    article = highlighted_article(text, claims)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    line_start = 0
    for line, styled_line in zip(text.split("\n"), article.split("\n", allow_blank=True)):
        line_end = line_start + len(line)
        grid.add_row(_margin(line_start, line_end, claims), styled_line)
        line_start = line_end + 1
    console.print(grid)


COLOR_SETTINGS = {"auto": {}, "always": {"force_terminal": True, "no_color": False}, "never": {"color_system": None}}
"""`show --color`: auto follows rich's rules (a terminal, NO_COLOR); always colours even a pipe; never writes no escape codes."""


class ShowWriter:
    """`claimex show`: each article in the terminal with its claims highlighted."""

    takes_parts = False

    def __init__(self, stream: IO[str], color: str = "auto") -> None:
        self.console = Console(file=stream, highlight=False, **COLOR_SETTINGS[color])

    def write(self, name: str, text: str, records: Sequence[Claim]) -> None:
        show(self.console, name, text, records)

    def finish(self) -> None:
        pass
