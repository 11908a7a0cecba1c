"""The canonical name behind a source: the entity it names, or the one a pronoun or "the company" refers to.

A pronoun or a definite description resolves to the nearest compatible entity before it, in the same
paragraph or the one before; an organisation named further back is no longer what "it" means.
"""

from __future__ import annotations

import bisect
from typing import Callable

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
    refers_to = _what_it_refers_to(text[start:end].lower().split())
    if refers_to is None:
        return None
    reach = _reach(text, [e.end for e in entities if e.end <= start], start)
    candidates = [e for e in entities if reach <= e.end <= start and refers_to(e)]
    return max(candidates, key=lambda e: e.start).name if candidates else None


def _what_it_refers_to(words: list[str]) -> Callable[[Entity], bool] | None:
    """Which entities a pronoun or "the <kind>" can refer to; None for any other source."""
    phrase = " ".join(words)
    if phrase in PERSONAL_PRONOUNS:
        return lambda e: e.label == "PERSON"
    if phrase in COLLECTIVE_PRONOUNS:
        return lambda e: e.label in ("ORG", "NORP")
    if phrase == "it":
        return lambda e: e.label == "ORG"
    if len(words) == 2 and words[0] == "the" and words[1] in ORGANISATION_KINDS:
        return lambda e: e.label == "ORG" and _fits(e.text.lower(), words[1])
    return None


def _reach(text: str, ends: list[int], start: int) -> int:
    """The first of `ends` with at most PARAGRAPHS_BACK paragraph breaks between it and `start` (past `start`
    if none): a later end has no more breaks before `start` than an earlier one, so one search finds it."""
    ends = sorted(set(ends))
    near = bisect.bisect_left(ends, True, key=lambda end: _paragraph_breaks(text, end, start) <= PARAGRAPHS_BACK)
    return ends[near] if near < len(ends) else start + 1


def _fits(name: str, kind: str) -> bool:
    """Whether an organisation's name can be what "the <kind>" refers to: "the union" is the Ferry Workers
    Union, "the company" is Northern Ferries but not the Ferry Workers Union."""
    if kind in name:
        return True
    named_kinds = {word for word in name.split() if word in ORGANISATION_KINDS}
    return not named_kinds or (kind in BUSINESSES and named_kinds <= BUSINESSES)


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    return text.count("\n\n", start, end)
