"""What the terminal table, `show` and the HTML report print for a record's parts, and which ranges of an
article they highlight: one home, so that the forms for people say the same things."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from claimex.schema import Claim, DateMention, NumberMention, Source


def source_label(source: Source | None, source_from: str | None = None) -> str:
    """The source as written, with its canonical name when that is not already in it, marked when the
    claim takes it from the context (a bare quotation's speaker)."""
    if source is None:
        return "–"
    label = source.text
    if source.name and source.name not in source.text:
        label = f"{source.text} ({source.name})"
    return f"{label} [from context]" if source_from == "context" else label


def date_label(date: DateMention) -> str:
    """The date as written, with its ISO value when it has one."""
    return f"{date.text} = {date.value}" if date.value else date.text


def number_label(number: NumberMention) -> str:
    """The number as written, with its value when it has one (and the value is not the words themselves)."""
    if number.value is None or str(number.value) == number.text:
        return number.text
    return f"{number.text} = {number.value}"


class Highlight(NamedTuple):
    """A range of the article to highlight: which part of which claim (numbered from 1) it is."""

    start: int
    end: int
    part: str  # content, source, cue or hedge
    claim: int


def highlights(claims: Sequence[Claim]) -> list[Highlight]:
    """The ranges to highlight, claim by claim: attributed contents (each fragment), sources, cues, hedges."""
    found = []
    for number, claim in enumerate(claims, start=1):
        if claim.kind != "unattributed":
            found += [Highlight(span.start, span.end, "content", number)
                      for span in claim.content.fragments or [claim.content]]
        found += [Highlight(span.start, span.end, part, number)
                  for span, part in ((claim.source, "source"), (claim.cue, "cue")) if span is not None]
        found += [Highlight(hedge.start, hedge.end, "hedge", number) for hedge in claim.hedges]
    return found
