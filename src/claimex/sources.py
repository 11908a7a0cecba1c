"""The canonical name behind a source: the entity it names, or the one a pronoun or "the company" refers to.

A pronoun or a definite description resolves to the nearest compatible entity before it, in the same
paragraph or the one before; an organisation named further back is no longer what "it" means.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.schema import Entity

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
COLLECTIVE_PRONOUNS = {"they", "them", "we"}
# Kinds of organisation a description names ("the union"); "the company" is none of the others.
ORGANISATION_KINDS = {
    "company", "firm", "union", "party", "committee", "council", "ministry", "department", "agency", "authority",
    "university", "court", "campaign", "government", "administration", "group", "bank", "commission", "board",
}
BUSINESSES = {"company", "firm", "business", "corporation", "group", "bank"}
PARAGRAPHS_BACK = 1


def source_name(doc: Doc, source: tuple[int, int], entities: list[Entity]) -> str | None:
    """The name of the person or organisation the source span refers to, if one can be told."""
    start, end = source
    inside = [e for e in entities if start <= e.start and e.end <= end]
    if inside:
        return inside[0].name
    text = text_of(doc)
    words = text[start:end].lower().split()
    earlier = (e for e in entities if e.end <= start and _paragraph_breaks(text, e.end, start) <= PARAGRAPHS_BACK)
    phrase = " ".join(words)
    if phrase in PERSONAL_PRONOUNS:
        candidates = [e for e in earlier if e.label == "PERSON"]
    elif phrase in COLLECTIVE_PRONOUNS:
        candidates = [e for e in earlier if e.label in ("ORG", "NORP")]
    elif phrase == "it":
        candidates = [e for e in earlier if e.label == "ORG"]
    elif len(words) == 2 and words[0] == "the" and words[1] in ORGANISATION_KINDS:
        candidates = [e for e in earlier if e.label == "ORG" and _fits(e.text.lower(), words[1])]
    else:
        return None
    return max(candidates, key=lambda e: e.start).name if candidates else None


def _fits(name: str, kind: str) -> bool:
    """Whether an organisation's name can be what "the <kind>" refers to: "the union" is the Ferry Workers
    Union, "the company" is Northern Ferries but not the Ferry Workers Union."""
    if kind in name:
        return True
    named_kinds = {word for word in name.split() if word in ORGANISATION_KINDS}
    return not named_kinds or (kind in BUSINESSES and named_kinds <= BUSINESSES)


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    return text.count("\n\n", start, end)
