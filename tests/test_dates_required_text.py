"""What every match of a date pattern must contain, so that the scan skips windows without it and finds the same."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimex.dates import scan
from claimex.dates.grammar import _patterns
from claimex.dates.required_text import required_text
from claimex.dates.values import Context

# (expression, a text it matches, a text without what it needs)
NEEDS = [
    (r"(?:jan|feb) +\d", "talks on feb 5", "talks on 5 5"),
    (r"x?\d{4}", "in 2017", "in march"),
    (r"[^a]b", "a cb", "a ca"),
    (r"(?:a|b*)c", "bbc", "bba"),
    (r"(?P<s>[-/])\d\d(?P=s)", "on 3-05-17", "on - / -"),
    (r"(?:the +)?(?:christmas|easter)(?: day)?", "on christmas day", "on the day"),
    (r"(?:last|next) +(?:week|month)", "next month", "the month"),
    (r"[12]\d{3}|'\d\d", "in '08", "in the eighties"),
    (r"(?<![a-z])(?:mon|tue)s?(?![a-z])", "on mons", "on weds"),
]


@pytest.mark.parametrize("source, matching, without", NEEDS)
def test_required_text_is_in_every_match_and_absent_without_it(source, matching, without):
    required = required_text(source)
    m = re.search(source, matching)
    assert m and required.search(matching, m.start(), m.end())
    assert required.search(without) is None


@pytest.mark.parametrize("source", [r"a?b*", r"(?i:may)", r"(?i)may", r"[^0-9]", r".x?", r"(a)?(?(1)b|c)"])
def test_nothing_required_where_it_cannot_be_sure(source):
    assert required_text(source) is None


DATE_WORDS = ["march", "mar.", "5", "5th", "2017", "'08", "1990s", "the", "of", "in", "on", "last", "next", "week",
              "monday", "mondays", "-", "/", ",", "ago", "christmas", "new year's", "day", "a", "two", "weeks",
              "mid", "early", "spring", "twenty", "nineteen", "eighty", "today", "every", "other", "month", "after",
              "before", "3/5", "2010-2015", "ad", "b.c.", "first", "twenty-first", "from", "now", "+", "year"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=8), st.sampled_from(["", " ", "-", "/"]))
def test_every_grammar_match_holds_its_required_text(words, joiner):
    text = " ".join(w + joiner if i % 2 else w for i, w in enumerate(words))
    for pattern in _patterns():
        for m in pattern.regex.finditer(text):
            assert pattern.required is None or pattern.required.search(text, m.start(), m.end()), pattern.regex


ARTICLE = """WASHINGTON, March 3, 2017 — The committee met on Monday, March 6, and again two weeks later.
The law, passed in 2015 and amended on 3/5/2016, takes effect next month, the 1st of April, or in mid-2018.
Sales rose 5 percent in the first quarter; the firm reported on Dec. 20 that they fell last year, a decade ago.
Christmas Eve and New Year's Day fall on a Sunday; Easter is on April 16th. Every other Tuesday since the 1990s,
from 2010 to 2015, between May 3 and May 5, the 12th of August 1998, yesterday, tonight, in the spring of '08."""


def test_scan_finds_the_same_with_and_without_required_text(monkeypatch):
    def readings(found):
        return [(f.start, f.end, f.order, f.reading) for f in found]

    ctx = Context(ARTICLE, None, None)
    filtered = readings(scan._scan(ctx))
    unfiltered_patterns = tuple(dataclasses.replace(p, required=None) for p in _patterns())
    monkeypatch.setattr(scan, "_patterns", lambda: unfiltered_patterns)
    assert filtered == readings(scan._scan(ctx))
    assert len(filtered) > 20
