"""Attributions from a trained role recogniser (`claimex train`): its Source, Cue and Content spans
linked into the same Attribution records the rules make, the rules kept for every cue the model
did not mark.

A pipeline without the recogniser leaves `doc.spans["claimex_roles"]` unset, and then
`claimex_role_attribution` changes nothing.
"""

from __future__ import annotations

import bisect
import math

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimex.attribution_spans import Attribution, CharRange, content_kind
from claimex.doc_text import text_of

ROLES_COMPONENT = "claimex_roles"
SPANS_COMPONENT = "claimex_role_spans"
ROLES_KEY = "claimex_roles"
# A role span in another sentence than the cue counts as this many characters further away.
OTHER_SENTENCE_PENALTY = 200
RULES_DRAW_CONTENT = ("direct", "according_to")
"""Kinds whose content the rules read off quotation marks or "according to": boundaries the model only guesses."""


@Language.component(SPANS_COMPONENT, assigns=["doc.spans", "doc.ents"])
def move_roles_to_spans(doc: Doc) -> Doc:
    """The role recogniser writes `doc.ents`; keep its spans in `doc.spans` and leave the entities
    unset for the named-entity recogniser that follows."""
    doc.spans[ROLES_KEY] = list(doc.ents)
    doc.set_ents([], default="missing")
    return doc


@Language.factory("claimex_role_attribution", assigns=["doc._.claimex_attributions"],
                  requires=["doc._.claimex_attributions", "doc._.claimex_quotes"], default_config={"keep_rules": True})
def make_role_attribution(nlp: Language, name: str, keep_rules: bool) -> "RoleAttribution":
    return RoleAttribution(keep_rules)


class RoleAttribution:
    """Each predicted cue with the nearest predicted source and the contents nearest to it."""

    def __init__(self, keep_rules: bool):
        self.keep_rules = keep_rules

    def __call__(self, doc: Doc) -> Doc:
        if ROLES_KEY not in doc.spans:
            return doc
        roles = list(doc.spans[ROLES_KEY])
        rules = list(doc._.claimex_attributions)
        found = link_roles(doc, roles, rules)
        if self.keep_rules:
            cues = [(span.start_char, span.end_char) for span in roles if span.label_ == "CUE"]
            found += [a for a in rules if not any(_overlaps(a.cue, cue) for cue in cues)]
        doc._.claimex_attributions = tuple(sorted(found, key=lambda a: a.cue))
        return doc


def link_roles(doc: Doc, roles: list[Span], rules: list[Attribution]) -> list[Attribution]:
    """Attributions from role spans: every source and content goes to the nearest cue of its
    paragraph (a cue keeps its nearest source); a cue left without a source or a content borrows
    the one the rules found for the same cue, and is dropped when it still has no content. Where the
    rules read the same cue's content off quotation marks or "according to", their content is kept."""
    text = text_of(doc)
    cues = [span for span in roles if span.label_ == "CUE"]
    if not cues:
        return []
    paragraphs = _paragraph_starts(text)
    sentence_starts = [sent.start_char for sent in doc.sents]
    sources: dict[int, list[Span]] = {i: [] for i in range(len(cues))}
    contents: dict[int, list[Span]] = {i: [] for i in range(len(cues))}
    for span in _merged_contents(text, roles) + [s for s in roles if s.label_ == "SOURCE"]:
        distances = [_distance(span, cue, paragraphs, sentence_starts) for cue in cues]
        nearest = min(range(len(cues)), key=distances.__getitem__)
        if distances[nearest] < math.inf:
            (contents if span.label_ == "CONTENT" else sources)[nearest].append(span)
    found = []
    for i, cue in enumerate(cues):
        cue_range = (cue.start_char, cue.end_char)
        fragments = tuple((s.start_char, s.end_char) for s in sorted(contents[i], key=lambda s: s.start))
        source = min(sources[i], key=lambda s: _gap(s, cue), default=None)
        source_range = (source.start_char, source.end_char) if source is not None else None
        rule = next((a for a in rules if _overlaps(a.cue, cue_range)), None)
        if rule is not None:
            fragments = rule.content if rule.kind in RULES_DRAW_CONTENT or not fragments else fragments
            source_range = source_range or rule.source
        if not fragments:
            continue
        found.append(Attribution(cue=cue_range, cue_lemma=_cue_lemma(cue), source=source_range,
                                 content=fragments, kind=content_kind(list(fragments), doc._.claimex_quotes)))
    return found


def _merged_contents(text: str, roles: list[Span]) -> list[Span]:
    """Content spans, those split only by white space joined into one."""
    merged: list[Span] = []
    for span in sorted((s for s in roles if s.label_ == "CONTENT"), key=lambda s: s.start):
        if merged and text[merged[-1].end_char:span.start_char].strip() == "":
            last = merged[-1]
            merged[-1] = Span(span.doc, last.start, span.end, label="CONTENT")
        else:
            merged.append(span)
    return merged


def _paragraph_starts(text: str) -> list[int]:
    starts, at = [0], text.find("\n\n")
    while at != -1:
        starts.append(at + 2)
        at = text.find("\n\n", at + 2)
    return starts


def _distance(span: Span, cue: Span, paragraphs: list[int], sentence_starts: list[int]) -> float:
    """Characters between a role span and a cue; infinite across a paragraph break."""
    def index(starts: list[int], offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    if index(paragraphs, span.start_char) != index(paragraphs, cue.start_char):
        return math.inf
    same_sentence = index(sentence_starts, span.start_char) == index(sentence_starts, cue.start_char) or \
        index(sentence_starts, span.end_char - 1) == index(sentence_starts, cue.start_char)
    return _gap(span, cue) + (0 if same_sentence else OTHER_SENTENCE_PENALTY)


def _gap(span: Span, cue: Span) -> int:
    return max(0, cue.start_char - span.end_char, span.start_char - cue.end_char)


def _cue_lemma(cue: Span) -> str:
    """The verb's lemma for a one-word cue ("says" -> "say"), else the phrase in lower case."""
    return cue[0].lemma_.lower() if len(cue) == 1 else cue.text.lower()


def _overlaps(a: CharRange, b: CharRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]
