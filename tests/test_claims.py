"""Which sentences of the article's own are claims: statements, headlines and captions, never credits or titles."""

from __future__ import annotations

import pytest

import claimex


def unattributed(text: str) -> list[str]:
    return [claim.content.text for claim in claimex.extract(text) if claim.kind == "unattributed"]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens hurt as storm floods coastal towns",
        "At least 40 killed in ferry fire",
        "Mayor Elena Ortiz of the Green Party",
        "The old town hall in Lisbon on 3 May 2019.",
        "The bridge carries 30,000 vehicles a day.",
    ],
)
def test_claims_a_headline_caption_or_statement_is_the_articles_own_claim(text):
    assert unattributed(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Image: Jane Doe.",
        "Video: Sam Lee & Ana Ruiz.",
        "Election results",
        "Tuesday, March 3, 2020",
        "Was the bridge safe?",
    ],
)
def test_claims_a_credit_title_date_line_or_question_is_no_claim(text):
    assert unattributed(text) == []


def test_claims_a_caption_ends_before_its_credit_and_lists_no_name_of_it():
    [claim] = claimex.extract("Harbour fireworks over Lisbon Image: Jane Doe.")
    assert claim.content.text == "Harbour fireworks over Lisbon"
    names = [mention.text for field in ("people", "organisations", "places") for mention in getattr(claim, field)]
    assert names == ["Lisbon"]
