"""The progress bar on stderr: only on a terminal, documents when there are several, characters of a long text."""

from __future__ import annotations

import io

from rich.console import Console

from claimex.cli_run import ProgressBar


def drawn(expected, terminal, shown=True, characters=()) -> tuple[list[str], str]:
    console = Console(file=io.StringIO(), force_terminal=terminal, width=80)
    with ProgressBar(console, expected, shown=shown) as bar:
        for done, total in characters:
            bar.characters(done, total)
        items = list(bar.documents(iter(["one", "two"])))
    return items, console.file.getvalue()


def test_progress_bar_only_on_a_terminal_and_for_several_documents():
    assert drawn(2, terminal=False) == (["one", "two"], "")
    assert drawn(2, terminal=True, shown=False) == (["one", "two"], "")
    assert drawn(1, terminal=True) == (["one", "two"], "")
    for expected in (2, None):
        items, bar = drawn(expected, terminal=True)
        assert items == ["one", "two"] and "claimex documents" in bar


def test_progress_bar_counts_the_characters_of_a_long_single_input():
    items, bar = drawn(1, terminal=True, characters=[(100_000, 300_000), (200_000, 300_000), (300_000, 300_000)])
    assert items == ["one", "two"] and "claimex characters" in bar and "documents" not in bar
    assert drawn(1, terminal=False, characters=[(100_000, 300_000)])[1] == ""
