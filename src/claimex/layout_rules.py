"""Attributions marked by layout rather than by a verb: `NAME: words` lines, `"quote" ― Name` signatures and
`Name: "quote"`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimex.attribution_spans import Attribution, CharRange, content_kind, without_full_stop
from claimex.doc_text import text_of


@dataclass(frozen=True)
class LayoutRules:
    """Attributions marked by layout: `NAME: words` lines and `"quote" ― Name` signatures."""

    speaker_label: re.Pattern
    dash_signature: re.Pattern
    not_speakers: frozenset[str]

    @classmethod
    def from_json(cls, rules: dict) -> "LayoutRules":
        return cls(re.compile(rules["speaker_label"], re.MULTILINE), re.compile(rules["dash_signature"], re.MULTILINE),
                   frozenset(rules["not_speakers"]))

    def attributions(self, text: str, quotes: tuple[CharRange, ...]) -> list[Attribution]:
        found = []
        for match in self.speaker_label.finditer(text):
            if match.group("source").lower() in self.not_speakers:
                continue
            colon = match.end("source")
            content = without_full_stop(text, match.start("content"), match.end("content"))
            found.append(Attribution(cue=(colon, colon + 1), cue_lemma=":", source=match.span("source"),
                                     content=(content,), kind=content_kind([content], quotes)))
        for match in self.dash_signature.finditer(text):
            quote = next((q for q in quotes if q[1] == match.start() + 1), None)
            if quote is not None:
                found.append(Attribution(cue=match.span("cue"), cue_lemma="―", source=match.span("source"),
                                         content=(quote,), kind="direct"))
        return found


def labelled_quotes(doc: Doc, quotes: tuple[CharRange, ...], found: list[Attribution]) -> list[Attribution]:
    """`... said pollster Ana Ruiz: "..."`, `- Ana Ruiz: "..."`, `Rep. Ana Ruiz (D-Ore.):"..."`: a quotation that
    opens right after a colon that follows a name; the name is its speaker. A quotation some cue already
    attributes is left to it."""
    text = text_of(doc)
    covered = [fragment for attribution in found for fragment in attribution.content]
    labelled = []
    for start, end in quotes:
        before = text[:start].rstrip(" \u00a0")
        if not before.endswith(":") or any(s <= start < e for s, e in covered):
            continue
        colon = doc.char_span(len(before) - 1, len(before))
        name = _name_before(doc, colon.start) if colon is not None else None
        if name is not None:
            labelled.append(Attribution(cue=(colon.start_char, colon.end_char), cue_lemma=":",
                                        source=(name[0].idx, len(text[:colon.start_char].rstrip())),
                                        content=((start, end),), kind="direct"))
    return labelled


def _name_before(doc: Doc, colon: int) -> Span | None:
    """The name that ends right before token `colon` (past a bracketed note: "Ana Ruiz (D-Ore.)"), as the
    entity it belongs to or the noun phrase it heads."""
    last = colon - 1
    if last > 0 and doc[last].text == ")":
        opening = next((t.i for t in reversed(doc[:last]) if t.text == "("), None)
        last = opening - 1 if opening is not None else -1
    if last < 0 or doc[last].is_sent_start and doc[last].pos_ != "PROPN":
        return None
    token = doc[last]
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if token.dep_ == "pobj" or not (token.pos_ == "PROPN" or entity is not None and entity.label_ in ("PERSON", "ORG")):
        return None  # "celebrated on Twitter:" names a place of publication
    first = entity.start if entity is not None else token.i
    while first > token.left_edge.i and doc[first - 1].dep_ in ("det", "compound", "amod", "poss", "case"):
        first -= 1  # "the analyst Maria Lopez", "Republican pollster Ana Ruiz"
    return doc[first:colon]
