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


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Record):
    """A piece of the input: `input[start:end] == text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Span):
    """A person, organisation or place; `name` is the canonical name of the entity it refers to."""

    label: str = Field(description="spaCy entity label, e.g. PERSON, ORG, GPE")
    name: str = Field(description="canonical name: the fullest earlier mention of the same entity")


class NumberMention(Span):
    """A count or amount; the qualifier ("nearly", "over") is kept apart from the value."""

    value: Union[int, float, None] = Field(description="numeric value; null when it cannot be read")
    unit: Union[str, None] = Field(default=None, description="percent, a currency code, or the counted noun")
    qualifier: Union[Qualifier, None] = None
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

    value: Union[str, None]
    kind: DateKind = "date"
    modifier: Union[str, None] = Field(default=None, description="early, mid, late, ... for fuzzy dates")


class Cue(Span):
    """The words that mark the attribution (`said`, `according to`), with the cue's lemma."""

    lemma: str


class Source(Span):
    """Who the content is attributed to; `name` is the canonical name of a pronoun or short name."""

    name: Union[str, None] = None


class Content(Span):
    """What is attributed. `fragments` lists the pieces when a quote is interrupted by its cue."""

    fragments: Union[list[Span], None] = None


class SentenceRef(Record):
    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mentions(Record):
    """What lies inside a claim or a sentence: dates, places, numbers, organisations, people."""

    dates: list[DateMention] = []
    places: list[Entity] = []
    numbers: list[NumberMention] = []
    organisations: list[Entity] = []
    people: list[Entity] = []


class NestedClaim(Record):
    """An attribution inside another claim's content ("the engineers tell me ..." within a quote)."""

    kind: ClaimKind
    content: Content
    source: Union[Source, None]
    cue: Cue


class Claim(Record):
    """One statement the article reports: who (source) says (cue) what (content)."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str = Field(description="stable identifier: same input text, same id")
    doc: str = Field(description="the input as named on the command line")
    kind: ClaimKind
    sentence: SentenceRef
    content: Content
    source: Union[Source, None]
    cue: Union[Cue, None]
    nested: list[NestedClaim] = Field(
        default=[], description="attributions whose cue lies inside this claim's content, in text order")
    hedges: list[Span] = []
    dates: list[DateMention] = []
    places: list[Entity] = []
    numbers: list[NumberMention] = []
    organisations: list[Entity] = []
    people: list[Entity] = []


class Sentence(Record):
    """One sentence of the input, with the mentions inside it."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc: str
    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    dates: list[DateMention] = []
    places: list[Entity] = []
    numbers: list[NumberMention] = []
    organisations: list[Entity] = []
    people: list[Entity] = []


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
