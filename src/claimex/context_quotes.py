"""Quotations with no cue of their own, and the speaker the layout gives them.

News runs a speaker's words on after the attributed quote: `"...," she said.` then a paragraph that is
only a quotation. Such a quotation is the speaker's (a claim of kind `direct`), and when the sentence
just before it is a quotation attributed to someone, it is that speaker's; otherwise its source is unknown.
"""

from __future__ import annotations

import bisect

from claimex.attribution_spans import CharRange

# What may stand between a quotation's closing mark and the end of its sentence: `"...".`
AFTER_CLOSING = " .,;:!?)\u00a0"


def standalone_quotes(text: str, quotes: tuple[CharRange, ...], sentences: list[CharRange],
                      covered: list[CharRange]) -> list[tuple[CharRange, int]]:
    """Quotations that make up whole sentences no attribution covers, with the index of their first sentence."""
    starts = [start for start, _ in sentences]
    found = []
    for q_start, q_end in quotes:
        first = bisect.bisect_right(starts, q_start) - 1
        last = bisect.bisect_left(starts, q_end) - 1
        if first < 0 or any(s < q_end and q_start < e for s, e in covered):
            continue
        opens_sentence = text[sentences[first][0]:q_start].strip() == ""
        closes_sentence = text[q_end:sentences[last][1]].strip(AFTER_CLOSING) == ""
        if opens_sentence and closes_sentence:
            found.append(((q_start, q_end), first))
    return found


class ContextSpeakers:
    """Who spoke, sentence by sentence, as far as quoted claims tell: the source a bare quotation
    inherits is the one of the quoted claim in the sentence right before it."""

    def __init__(self, sentences: list[CharRange]):
        self.sentence_starts = [start for start, _ in sentences]
        self.by_sentence: dict[int, object] = {}

    def record(self, start: int, end: int, source: object) -> None:
        """`source` speaks in quotation marks over [start, end)."""
        first = max(0, bisect.bisect_right(self.sentence_starts, start) - 1)
        last = max(0, bisect.bisect_left(self.sentence_starts, end) - 1)
        for index in range(first, last + 1):
            self.by_sentence[index] = source

    def before(self, sentence_index: int) -> object | None:
        """The speaker of the quotation in the sentence before `sentence_index`, if any."""
        return self.by_sentence.get(sentence_index - 1)
