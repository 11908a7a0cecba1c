"""The canonical name behind a source: the entity it names, or the one a pronoun refers to."""

from __future__ import annotations

from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.schema import Entity

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
COLLECTIVE_PRONOUNS = {"it", "they", "them", "we"}


def source_name(doc: Doc, source: tuple[int, int], entities: list[Entity]) -> str | None:
    """The name of the person or organisation the source span refers to, if one can be told."""
    start, end = source
    inside = [e for e in entities if start <= e.start and e.end <= end]
    if inside:
        return inside[0].name
    word = text_of(doc)[start:end].lower()
    if word in PERSONAL_PRONOUNS:
        wanted = {"PERSON"}
    elif word in COLLECTIVE_PRONOUNS:
        wanted = {"ORG", "NORP"}
    else:
        return None
    earlier = [e for e in entities if e.end <= start and e.label in wanted]
    return max(earlier, key=lambda e: e.start).name if earlier else None
