"""The records claimex emits: strict pydantic models, serialised only at the edge.

Every span carries `start`/`end` character offsets into the input text exactly as decoded, so that
`text[start:end] == span.text` always holds.
"""

from __future__ import annotations

import json
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

ClaimKind = Literal["direct", "indirect", "mixed", "according_to", "unattributed"]
Qualifier = Literal["approximately", "more_than", "less_than", "at_least", "at_most", "range"]
DateKind = Literal["date", "range", "duration", "set"]

MENTION_FIELDS = ("dates", "places", "numbers", "organisations", "people")
"""The mention lists of a claim and of a sentence, in record order: the one list the records, the tables and the
CSV columns are built from."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Record):
    """A piece of the input: `input[start:end] == text`."""

    text: str = Field(description="the characters of the input from start to end")
    start: int = Field(ge=0, description="offset of the first character in the input text (code points, from 0)")
    end: int = Field(ge=0, description="offset just after the last character: input[start:end] == text")


class Entity(Span):
    """A person, organisation or place; `name` is the canonical name of the entity it refers to."""

    label: str = Field(description="spaCy entity label, e.g. PERSON, ORG, GPE")
    name: str = Field(description="canonical name: the fullest earlier mention of the same entity")


class NumberMention(Span):
    """A count or amount; the qualifier ("nearly", "over") is kept apart from the value."""

    value: Union[int, float, None] = Field(description="numeric value; null when it cannot be read")
    unit: Union[str, None] = Field(default=None, description="percent, a currency code, or the counted noun")
    qualifier: Union[Qualifier, None] = Field(
        default=None, description='how the text bounds the value ("nearly" → approximately, "over" → more_than)')
    low: Union[int, float, None] = Field(default=None, description="lower bound of a range")
    high: Union[int, float, None] = Field(default=None, description="upper bound of a range")
    magnitude: Union[str, None] = Field(
        default=None, description='an order of magnitude rather than a count: "hundreds", "tens of thousands"'
    )
    kind: Literal["count", "ordinal"] = Field(
        default="count", description='"ordinal" for a position in a series ("third", "21st"), not a count'
    )


class DateMention(Span):
    """A date expression; `value` is ISO 8601 at the precision the text gives, null if unresolved."""

    value: Union[str, None] = Field(
        description="ISO 8601 at the precision the text gives (2025-03, 2025-W08, P2D); null when unresolved")
    kind: DateKind = Field(
        default="date", description='date: a day, month, week or year; range: from-to; duration: a length of time; '
                                    'set: a recurrence ("each day")')
    modifier: Union[str, None] = Field(default=None, description="early, mid, late, ... for fuzzy dates")


class Cue(Span):
    """The words that mark the attribution (`said`, `according to`), with the cue's lemma."""

    lemma: str = Field(description='dictionary form of the cue: "say", "tell", "according to"')


class Source(Span):
    """Who the content is attributed to; `name` is the canonical name of a pronoun or short name."""

    name: Union[str, None] = Field(
        default=None, description="canonical name of the person or body the source refers to; null when unknown")


class Content(Span):
    """What is attributed. `fragments` lists the pieces when a quote is interrupted by its cue."""

    fragments: Union[list[Span], None] = Field(
        default=None, description="the pieces of a quotation interrupted by its cue, in order; null if one piece")


class SentenceRef(Record):
    index: int = Field(ge=0, description="position of the sentence in the document, from 0")
    start: int = Field(ge=0, description="offset of the sentence's first character")
    end: int = Field(ge=0, description="offset just after the sentence's last character")


class NestedClaim(Record):
    """An attribution inside another claim's content ("the engineers tell me ..." within a quote)."""

    kind: ClaimKind = Field(description="as for a claim")
    content: Content = Field(description="what the nested source is said to say")
    source: Union[Source, None] = Field(description="who the nested content is attributed to; null if no one")
    cue: Cue = Field(description="the words that mark the nested attribution")


class Claim(Record):
    """One statement the article reports: who (source) says (cue) what (content)."""

    schema_version: Literal["1.0"] = Field(default=SCHEMA_VERSION, description="version of this record format")
    id: str = Field(description="stable identifier: same input text, same id")
    doc: str = Field(description="the input as named on the command line")
    kind: ClaimKind = Field(
        description="direct: quoted words; indirect: reported speech; mixed: reported speech with quoted words; "
                    'according_to: "according to" a source; unattributed: the article\'s own statement')
    sentence: SentenceRef = Field(description="the sentence the claim's content starts in")
    content: Content = Field(description="what is attributed (for an unattributed claim, the whole sentence)")
    source: Union[Source, None] = Field(description='who says it; null when unattributed or no one is named '
                                                    '("it was reported")')
    source_from: Union[Literal["sentence", "context"], None] = Field(
        default=None, description='where the source was found: "sentence" (in the claim\'s own sentence) or '
                                  '"context" (a bare quotation\'s speaker, named just before it); null with no source')
    cue: Union[Cue, None] = Field(description="the words that mark the attribution; null when unattributed")
    nested: list[NestedClaim] = Field(
        default=[], description="attributions whose cue lies inside this claim's content, in text order")
    hedges: list[Span] = Field(default=[], description='words that weaken the claim: "may", "reportedly", ...')
    dates: list[DateMention] = Field(
        default=[], description="date expressions in the claim's sentences (source, cue, content and the rest)")
    places: list[Entity] = Field(
        default=[], description="places in the claim's sentences (source, cue, content and the rest)")
    numbers: list[NumberMention] = Field(
        default=[], description="numbers in the claim's sentences (source, cue, content and the rest)")
    organisations: list[Entity] = Field(
        default=[], description="organisations in the claim's sentences (source, cue, content and the rest)")
    people: list[Entity] = Field(
        default=[], description="people in the claim's sentences (source, cue, content and the rest)")


class Dateline(Record):
    """The place and date an article gives in its opening dateline (`KABUL, July 18 (Wikinews) —`)."""

    place: Union[Entity, None] = Field(description="where the article was filed")
    date: Union[DateMention, None] = Field(description="when it was filed; null when the dateline gives no date")


class Sentence(Record):
    """One sentence of the input, with the mentions inside it."""

    schema_version: Literal["1.0"] = Field(default=SCHEMA_VERSION, description="version of this record format")
    doc: str = Field(description="the input as named on the command line")
    index: int = Field(ge=0, description="position of the sentence in the document, from 0")
    start: int = Field(ge=0, description="offset of the sentence's first character")
    end: int = Field(ge=0, description="offset just after the sentence's last character")
    text: str = Field(description="the sentence as it is in the input: input[start:end]")
    dates: list[DateMention] = Field(default=[], description="date expressions in the sentence")
    places: list[Entity] = Field(default=[], description="places in the sentence")
    numbers: list[NumberMention] = Field(default=[], description="numbers in the sentence")
    organisations: list[Entity] = Field(default=[], description="organisations in the sentence")
    people: list[Entity] = Field(default=[], description="people in the sentence")
    dateline: Union[Dateline, None] = Field(
        default=None, description="the article's place and date, when the sentence opens with its dateline")


def json_schema() -> dict:
    """The JSON Schema of both record types, as `claimex schema` prints it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimex records",
        "version": SCHEMA_VERSION,
        "oneOf": [{"$ref": "#/$defs/Claim"}, {"$ref": "#/$defs/Sentence"}],
        "$defs": _merged_defs(Claim, Sentence),
    }


def _merged_defs(*models: type[BaseModel]) -> dict:
    defs: dict = {}
    for model in models:
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
    return defs


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
