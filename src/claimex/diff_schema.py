"""The records `claimex diff` emits: one line per claim of A or B, matched, conflicting or alone."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

DIFF_SCHEMA_VERSION = "1.0"

DiffStatus = Literal["same", "conflict", "only_a", "only_b"]
DifferenceField = Literal["number", "date", "place", "source", "negation", "hedge"]
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


class Difference(DiffModel):
    """One checkable thing the two claims disagree on, as values and as the words each article used."""

    field: DifferenceField
    a: Value = Field(description="the value in A (a number, an ISO date, a name, or true/false)")
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
