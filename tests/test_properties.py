"""Properties over arbitrary text: nothing crashes, every span indexes the input exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimex
from claimex.schema import MENTION_FIELDS, Claim, Sentence

NEWSY = st.sampled_from([
    "The minister said", '"We will win,"', "according to police", "nearly forty", "1,200", "on Tuesday",
    "March 2017", "Advertisement", "\n\n", "\n", " ", ", ", ". ", "“", "”", '"', "she added.", "U.S.",
    "Dr. Smith", "reportedly", "(OSCE)", "\u00a0", "\t", "…", "—", "$4.5 billion", "12%",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=40).map("".join))
SPAN_FIELDS = MENTION_FIELDS


def spans_of(record):
    for field in SPAN_FIELDS:
        yield from getattr(record, field)
    if isinstance(record, Claim):
        yield record.content
        yield from record.content.fragments or []
        yield from (part for part in (record.source, record.cue) if part is not None)
        yield from record.hedges
    else:
        yield record


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_properties_every_span_indexes_the_input(nlp, text):
    records = claimex.extract(text) + claimex.extract_sentences(text)
    for record in records:
        type(record).model_validate_json(record.model_dump_json())
        for span in spans_of(record):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        if isinstance(record, Claim):
            assert 0 <= record.sentence.start <= record.sentence.end <= len(text)
        else:
            assert isinstance(record, Sentence)
