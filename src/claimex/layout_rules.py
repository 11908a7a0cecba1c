"""Attributions marked by layout rather than by a verb: `NAME: words` lines and `"quote" ― Name` signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimex.attribution_spans import Attribution, CharRange, content_kind, without_full_stop


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
