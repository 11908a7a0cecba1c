"""The records `claimex diff` emits: for two articles one line per claim of A or B, matched, conflicting or
alone; for more, one line per cluster of claims, with the sources that carry it and those that disagree."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

DIFF_SCHEMA_VERSION = "1.0"

DiffStatus = Literal["same", "conflict", "only_a", "only_b"]
DifferenceField = Literal["number", "date", "place", "source", "negation", "hedge", "cue", "quote", "absorbed"]
ClusterStatus = Literal["agree", "conflict", "single"]
Value = Union[int, float, str, bool, None]


class DiffModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimRef(DiffModel):
    """One side's claim: its id, what it says, who says it, and where the content lies in its input."""

    id: str
    text: str = Field(description="the claim's content")
    source: Union[str, None] = Field(description="the source's canonical name, else its text; null if unattributed")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ScoreParts(DiffModel):
    """Why two claims were paired: the parts their similarity is made of (see docs/diff.md)."""

    lexical: float = Field(ge=0, le=1, description="shared content words (soft Dice, near spellings count)")
    meaning: float = Field(ge=0, le=1, description="closeness in meaning of the contents (sentence vectors)")
    shared_values: int = Field(ge=0, description="numbers and dates whose values both contents give")
    same_source: Union[bool, None] = Field(description="both attributed to the same source; null if either is not")
    other_actors: bool = Field(description="both name people or organisations, none in common (halves the score)")
    replaced: list[str] = Field(default=[], description="a fact swapped: the one or two words of each side that the "
                                                         "other has nothing like in spelling or meaning (halves the score)")


class Difference(DiffModel):
    """One checkable thing the two claims disagree on, as values and as the words each article used."""

    field: DifferenceField
    a: Value = Field(description="the value in A (a number, an ISO date, a name, true/false, a cue class, quoted "
                                 "words, or for `absorbed` the id of B's claim whose words A's content carries)")
    b: Value = Field(description="the value in B")
    a_text: Union[str, None] = Field(description="A's words for it, null when A has none")
    b_text: Union[str, None] = Field(description="B's words for it, null when B has none")


class DiffRecord(DiffModel):
    """A claim of A aligned with a claim of B (`same`, `conflict`), or a claim with no counterpart."""

    schema_version: Literal["1.0"] = DIFF_SCHEMA_VERSION
    status: DiffStatus
    similarity: Union[float, None] = Field(description="how alike the two contents are, 0 to 1; null when alone")
    a: Union[ClaimRef, None]
    b: Union[ClaimRef, None]
    differences: list[Difference] = []
    score_parts: Union[ScoreParts, None] = Field(default=None, description="what `similarity` is made of")


class ClusterMember(DiffModel):
    """One source's claim in a cluster, compared with the cluster's first claim."""

    doc: str = Field(description="the input the claim comes from")
    claim: ClaimRef
    status: Literal["first", "same", "conflict"]
    similarity: Union[float, None] = Field(description="similarity to the first claim; null for the first")
    score_parts: Union[ScoreParts, None] = None
    differences: list[Difference] = []


class ClusterRecord(DiffModel):
    """Claims of several sources about one thing: who carries it, who disagrees, who does not have it."""

    schema_version: Literal["1.0"] = DIFF_SCHEMA_VERSION
    cluster: int = Field(ge=0, description="number of the cluster, in the order of first appearance")
    status: ClusterStatus = Field(description="agree: all carriers say the same; conflict: some differ; "
                                              "single: one source only")
    claims: list[ClusterMember]
    carried_by: list[str] = Field(description="inputs whose claim is the same as the first")
    disagreeing: list[str] = Field(description="inputs whose claim conflicts with the first")
    missing_from: list[str] = Field(description="inputs with no claim in the cluster")
