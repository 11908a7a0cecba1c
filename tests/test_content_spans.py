"""Where a claim's content starts and ends, as news annotators draw it, on sentences written for these tests."""

from __future__ import annotations

import pytest

import claimex
from claimex.attribution_spans import before_the_speaker, into_following_quote, joined_fragments

# (text, cue, content): a verb whose object a preposition completes takes the object with it.
OBJECT_WITH_COMPLEMENT = [
    ("The union accused the ferry company of cutting corners on safety.",
     "accused", "the ferry company of cutting corners on safety"),
    ("Local traders blamed the council for the empty high street.",
     "blamed", "the council for the empty high street"),
    ("The coach praised her players for their patience with the referee.",
     "praised", "her players for their patience with the referee"),
    ("The mayor described the bridge repairs as overdue.",
     "described", "the bridge repairs as overdue"),
    ("The senator referred to the new levy as a tax on farmers.",
     "referred to", "the new levy as a tax on farmers"),
]


@pytest.mark.parametrize(("text", "cue", "content"), OBJECT_WITH_COMPLEMENT, ids=[c[1] for c in OBJECT_WITH_COMPLEMENT])
def test_content_of_a_verb_with_object_and_complement_takes_the_object(nlp, text, cue, content):
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert (claim.cue.text, claim.content.text) == (cue, content)


# (fragments, cue, joined): fragments stay apart only where the cue stands between them.
FRAGMENTS = [
    (((0, 10), (20, 30)), (12, 16), [(0, 10), (20, 30)]),  # "A," she said, "B."
    (((0, 10), (12, 30)), (40, 44), [(0, 30)]),  # two clauses after "said", joined by "and"
    (((20, 30), (0, 10)), (40, 44), [(0, 30)]),  # out of order
    (((0, 10), (0, 10)), (12, 16), [(0, 10)]),  # the same quotation twice
    (((0, 10), (5, 12), (20, 30)), (14, 18), [(0, 12), (20, 30)]),  # overlapping, then the cue
    (((0, 10),), (12, 16), [(0, 10)]),
]


@pytest.mark.parametrize(("fragments", "cue", "joined"), FRAGMENTS)
def test_content_fragments_are_split_only_around_the_cue(fragments, cue, joined):
    assert joined_fragments(fragments, cue) == tuple(joined)


def test_content_of_two_clauses_after_one_cue_is_one_span(nlp):
    text = "The harbour master said the pier is safe and the ferries will run on Sunday."
    claim = next(c for c in claimex.extract(text) if c.cue is not None)
    assert claim.content.fragments is None
    assert claim.content.text == "the pier is safe and the ferries will run on Sunday"


# (fragments, quotes, cue, text, ended): a fragment before its cue ends with a quotation closed by a comma.
SPEAKER_AFTER_QUOTE = '"We stay," Ana Ruiz, the mayor, said.'
STOP_AFTER_QUOTE = '"We stay." Ana Ruiz said.'
BEFORE_THE_SPEAKER = [
    ([(0, 30)], ((0, 10),), (32, 36), SPEAKER_AFTER_QUOTE, [(0, 10)]),
    ([(0, 10)], ((0, 10),), (32, 36), SPEAKER_AFTER_QUOTE, [(0, 10)]),
    ([(0, 19)], ((0, 10),), (20, 24), STOP_AFTER_QUOTE, [(0, 19)]),  # closed by a full stop: left as it is
    ([(11, 30)], ((0, 10),), (0, 4), SPEAKER_AFTER_QUOTE, [(11, 30)]),  # after the cue: left as it is
]


@pytest.mark.parametrize(("fragments", "quotes", "cue", "text", "ended"), BEFORE_THE_SPEAKER)
def test_content_before_its_cue_ends_with_a_quotation_closed_by_a_comma(fragments, quotes, cue, text, ended):
    assert before_the_speaker(fragments, quotes, cue, text) == ended


# (text, fragments, quotes, grown): the last fragment takes a quotation that carries its sentence on.
CARRIED_ON = 'She called the plan "a disgrace" on Monday.'
NEW_QUOTE = 'He said the plan is dead "We go on."'
INTO_QUOTE = [
    (CARRIED_ON, ((11, 19),), ((20, 32),), ((11, 32),)),
    (CARRIED_ON, ((0, 3), (11, 19)), ((20, 32),), ((0, 3), (11, 32))),
    (NEW_QUOTE, ((8, 24),), ((25, 36),), ((8, 24),)),  # opens in upper case: a sentence of its own
    ('She called the plan, "a disgrace".', ((11, 19),), ((21, 33),), ((11, 19),)),  # not right after it
]


@pytest.mark.parametrize(("text", "fragments", "quotes", "grown"), INTO_QUOTE)
def test_content_takes_a_quotation_that_carries_its_sentence_on(text, fragments, quotes, grown):
    assert into_following_quote(fragments, quotes, text) == grown


HARBOUR_ARTICLE = """The harbour board accused the ferry operator of ignoring safety warnings for two years.

"The ramps were rusting and nobody listened," Ana Ruiz, the board's chair, said on Tuesday. She described the \
operator's last inspection as "a box-ticking exercise."

The operator said the ramps were safe and the crossings would run as planned."""


def test_content_spans_in_an_article_laid_out_as_news(nlp):
    got = [(c.cue.text, [f.text for f in c.content.fragments or [c.content]])
           for c in claimex.extract(HARBOUR_ARTICLE) if c.cue is not None]
    assert got == [
        ("accused", ["the ferry operator of ignoring safety warnings for two years"]),
        ("said", ['"The ramps were rusting and nobody listened,"']),
        ("described", ['the operator\'s last inspection as "a box-ticking exercise."']),
        ("said", ["the ramps were safe and the crossings would run as planned"]),
    ]
