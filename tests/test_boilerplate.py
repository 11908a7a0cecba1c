"""Page furniture produces no claims and shifts no offsets."""

from __future__ import annotations

import pytest

import claimex

ARTICLE = (
    "bool(false) data condition: ($a < $b)\n"
    "The council approved the budget on Monday, the mayor said.\n\n"
    "Advertisement\n\n"
    "The vote was close.\n\n"
    "Read more like this in the Town Crier's newsletter\n"
    "Share on Facebook | Share on Twitter | Email\n"
    "Advertise on the Town Crier\n"
)


def test_boilerplate_lines_produce_no_claims_and_offsets_hold(nlp):
    claims = claimex.extract(ARTICLE)
    assert [c.content.text for c in claims] == ["The council approved the budget on Monday", "The vote was close."]
    for claim in claims:
        assert ARTICLE[claim.content.start : claim.content.end] == claim.content.text


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Sign up for our daily newsletter.", "Photo: Jane Roe/Reuters", "By Amira Haddad",
     "Share this article", "We use cookies to improve your experience.", "Story continues below advertisement"],
)
def test_boilerplate_line_is_marked(nlp, line):
    doc = nlp(f"The council met on Monday.\n{line}\nThe vote was close.")
    start = doc.text.index(line)
    assert doc._.claimex_boilerplate == ((start, start + len(line)),)


@pytest.mark.parametrize(
    "line",
    ["The advertisement ran for a week in three newspapers.", "By Monday, the council had voted.",
     "Share prices fell by 4 percent on Tuesday."],
)
def test_boilerplate_leaves_article_sentences_alone(nlp, line):
    assert nlp(f"The council met.\n{line}\n")._.claimex_boilerplate == ()


def test_boilerplate_dateline_is_cut_from_the_first_claim(nlp):
    text = "PORTVALE, March 3, 2025 — The bridge will reopen on Friday, the mayor said."
    [claim] = claimex.extract(text)
    assert claim.content.text == "The bridge will reopen on Friday"
