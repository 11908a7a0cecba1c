"""A claim's content never holds its own cue or source, whatever shape the sentence takes."""

from __future__ import annotations

import pytest

import claimex

# (text, cue, content) of the claim whose cue is given.
RELATIVE_CLAUSE_CUES = [
    ('The council approved a move that Mayor Pam Lockhart called "the least we can do."',
     "called", '"the least we can do."'),
    ("He denied the claims, which he called false.", "called", "false"),
    ("The minister, whom critics call a bully, resigned on Friday.", "call", "a bully"),
    # Nothing completes the pronoun: it stands for what was said, as annotators mark it.
    ("He denied the claims, which his lawyer disputed.", "disputed", "which"),
]


@pytest.mark.parametrize(("text", "cue", "content"), RELATIVE_CLAUSE_CUES,
                         ids=[c[0][:40] for c in RELATIVE_CLAUSE_CUES])
def test_a_cue_in_a_relative_clause_attributes_what_completes_the_pronoun(nlp, text, cue, content):
    [claim] = [c for c in claimex.extract(text) if c.cue is not None and c.cue.text == cue]
    assert claim.content.text == content
    spans = [claim.cue] + ([claim.source] if claim.source else [])
    assert not any(s.start < claim.content.end and claim.content.start < s.end for s in spans)


# A quotation that ends the paragraph before a cue's is never that cue's content.
CROSS_PARAGRAPH = [
    ('"Demand has fallen for three quarters," Okafor said.\n\n"We owe it to the workers who stay."\n\n'
     'Union leader Gerry Malone put it bluntly: "This is a betrayal."', "put it", '"This is a betrayal."'),
    ('The union\'s letter said fares would "hurt the riders who can least afford it."\n\n'
     "The transit authority did not immediately respond to requests for comment.", "did not immediately respond", None),
]


@pytest.mark.parametrize(("text", "cue", "content"), CROSS_PARAGRAPH, ids=[c[1] for c in CROSS_PARAGRAPH])
def test_a_cue_takes_no_quotation_from_the_paragraph_before(nlp, text, cue, content):
    claims = [c for c in claimex.extract(text) if c.cue is not None and c.cue.text == cue]
    assert [c.content.text for c in claims] == ([content] if content else [])
