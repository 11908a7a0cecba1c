"""Quotation ranges: curly and straight marks, odd counts, quotes over paragraphs."""

from __future__ import annotations

import pytest

from claimex.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no" twice.', ['"no"']),
        ("She said “we will stay” and left.", ["“we will stay”"]),
        ('"One," he said, "two."', ['"One,"', '"two."']),
        ('The "plan was dead, he said.', []),
        ("A stray ” closing mark opens nothing.", []),
        ('He called it "a disgrace".\n\nThen "more" came.', ['"a disgrace"', '"more"']),
        ('"First part.\n\n"Second part," she said.', ['"First part.\n\n"Second part,"']),
        ('"Open with no close.\n\nA new paragraph with "a quote" in it.', ['"a quote"']),
        ("5' 11\" tall and \"quoted\" text", ['"quoted"']),
        ("''We will stay,'' she said. ''It is our town.''", ["''We will stay,''", "''It is our town.''"]),
        ("The players' union and the owners' group met.", []),
        # An opening mark typed for the closing one after a word closes the quotation; before a word it opens one.
        ("“It is unusual,“ said Ana. “It is hard.”", ["“It is unusual,“", "“It is hard.”"]),
        ("“Apparently not“. Then “more” came.", ["“Apparently not“", "“more”"]),
        ("He said “yes“ and then “no”.", ["“yes“", "“no”"]),
    ],
)
def test_quotes_find_ranges_with_their_marks(text, expected):
    assert quoted(text) == expected
