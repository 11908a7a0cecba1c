"""Quotations a colon introduces after a clause with no cue word: direct claims, never unattributed."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimex

# (text, (source, cue, content)) of the one claim the colon's quotation makes.
COLON_QUOTES = [
    ('Union leader Gerry Malone summed up the mood: "This is a betrayal."',
     ("Union leader Gerry Malone", "summed up the mood:", '"This is a betrayal."')),
    ('The minister was blunt: "The plant will not reopen."',
     ("The minister", "was blunt:", '"The plant will not reopen."')),
    ('Her reply was short: "We will appeal the ruling."',
     ("Her", "was short:", '"We will appeal the ruling."')),
    ('Okafor\'s answer: "We had no other choice."',
     ("Okafor", ":", '"We had no other choice."')),
    ('The mayor is sending the council a new message: "The budget is closed."',
     ("The mayor", "is sending the council a new message:", '"The budget is closed."')),
    ('She was so angry that I had to change my answer: "Of course we will pay."',
     ("I", "had to change my answer:", '"Of course we will pay."')),
]


@pytest.mark.parametrize(("text", "expected"), COLON_QUOTES, ids=[c[0][:40] for c in COLON_QUOTES])
def test_a_quotation_after_a_colon_is_the_clause_subjects_direct_claim(nlp, text, expected):
    [claim] = claimex.extract(text)
    assert claim.kind == "direct"
    assert (claim.source.text if claim.source else None, claim.cue.text, claim.content.text) == expected


@pytest.mark.parametrize("text", [
    'The company\'s new slogan: "Bake it."',  # two words: a slogan, not a quotation
    "The council met at noon: the vote was 7 to 2.",  # no quotation after the colon
])
def test_a_colon_before_no_quotation_or_a_short_title_makes_no_claim_of_its_own(nlp, text):
    assert [c for c in claimex.extract(text) if c.cue is not None and c.cue.text.endswith(":")] == []


def test_a_colon_after_a_cue_verb_keeps_that_cue(nlp):
    [claim] = claimex.extract('In a statement, the company said: "The ovens stay on."')
    assert (claim.cue.lemma, claim.cue.text, claim.content.text) == ("say", "said:", '"The ovens stay on."')


def test_colon_quotations_in_an_article_are_direct_claims(nlp):
    text = (Path(__file__).parent / "data" / "attribution" / "colon-quotes.txt").read_text(encoding="utf-8")
    claims = claimex.extract(text)
    quoted = [c for c in claims if c.content.text.startswith('"')]
    expected = [
        ("Their union's organiser, Teodor Blum,", '"Nobody here has had'),
        ("Their", '"We value our staff'),
        ("One regular, Ines Varga,", '"I want them paid'),
        ("Blum", '"Talks need a date'),
        ("The strike notice on the door", '"Closed from 6 a.m.'),
    ]
    assert [(c.kind, c.source.text if c.source else None) for c in quoted] == [("direct", s) for s, _ in expected]
    assert all(c.content.text.startswith(opening) for c, (_, opening) in zip(quoted, expected))
    for claim in claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
        assert claim.cue is None or text[claim.cue.start:claim.cue.end] == claim.cue.text
