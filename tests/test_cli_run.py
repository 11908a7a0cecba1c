"""The progress bar on stderr: only on a terminal, documents when there are several, characters of a long text."""

from __future__ import annotations

import io

from rich.console import Console

from claimex.api import Part
from claimex.cli_run import ProgressBar

PARTS = [Part("one", "", [], complete=False), Part("one", "", []), Part("two", "", [])]


def drawn(expected, terminal, shown=True, characters=()) -> tuple[list[str], str]:
    """The names of the parts the bar passes on, and what it drew."""
    console = Console(file=io.StringIO(), force_terminal=terminal, width=80)
    with ProgressBar(console, expected, shown=shown) as bar:
        for done, total in characters:
            bar.characters(done, total)
        names = [part.name for part in bar.documents(iter(PARTS))]
    return names, console.file.getvalue()


def test_progress_bar_only_on_a_terminal_and_for_several_documents():
    every = ["one", "one", "two"]
    assert drawn(2, terminal=False) == (every, "")
    assert drawn(2, terminal=True, shown=False) == (every, "")
    assert drawn(1, terminal=True) == (every, "")
    for expected in (2, None):
        names, bar = drawn(expected, terminal=True)
        assert names == every and "claimex documents" in bar and "2/" in bar and "3/" not in bar


def test_progress_bar_counts_the_characters_of_a_long_single_input():
    names, bar = drawn(1, terminal=True, characters=[(100_000, 300_000), (200_000, 300_000), (300_000, 300_000)])
    assert names == ["one", "one", "two"] and "claimex characters" in bar and "documents" not in bar
    assert drawn(1, terminal=False, characters=[(100_000, 300_000)])[1] == ""


def test_progress_bar_drops_the_characters_of_a_long_text_that_failed_part_way():
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with ProgressBar(console, 2, shown=True) as bar:
        bar.characters(100_000, 300_000)
        list(bar.documents(iter([Part("long", "", [], complete=False), Part("long", "", None)])))
        assert [task.description for task in bar.bar.tasks] == ["documents"]
        bar.characters(10, 50)
        assert bar.bar.tasks[-1].total == 50
