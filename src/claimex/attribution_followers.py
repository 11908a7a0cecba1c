"""The pass that ends a content where a following attribution takes over.

The parser often hangs a second reporting verb inside the first one's content: "He said the plan was dead
and called it a disgrace", "She insisted that the vote was fair, claiming that ...", or, when it runs two
sentences together, `She said the probe is "ongoing." He added that ...`. Each is an attribution of its own
(news annotation is univocal: a word belongs to one attribution), so the first content stops where the
second begins, and a second verb with no subject of its own shares the first one's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from claimex.attribution_spans import (Attribution, CharRange, content_kind, into_following_quote, joined_fragments,
                                       without_full_stop)
from claimex.cue_lexicon import PASSIVE_SUBJECTS, SUBJECTS
from claimex.doc_text import text_of

# Words that join a second verb on to the first: "and said", "but did not say", ", claiming".
CONJUNCTIONS = {"and", "but"}
# Words that set a second speaker's clause against the first: ", though she noted that ...".
CONTRASTS = {"though", "although", "whereas", "while"}
# Kinds told by the quotation marks in the content, to tell again once it is cut.
QUOTE_KINDS = ("direct", "mixed", "indirect")
# What may end a sentence inside a content the parser ran on over it: `."`, `?”`, `.)`.
SENTENCE_END = re.compile(r"[.?!][\"”’')\]]*$")


@dataclass(frozen=True)
class Follower:
    """An attribution that may take over a content: where its own words begin, and whether it joins the
    sentence of the one before as a participle or a coordinated verb sharing its subject."""

    attribution: Attribution
    start: int
    joined_on: bool
    own_subject: bool


def apart_from_following_cues(doc: Doc, found: list[Attribution],
                              reports_speech: Callable[[str], bool]) -> list[Attribution]:
    """Each content cut before the first following attribution inside it that joins on to its sentence
    (", adding that"; "and said", "and called it" when `reports_speech` of the cue's lemma: "and wants" may
    be part of what is reported) and runs to its end, or that opens a sentence of its own; a joined-on verb
    with no subject of its own takes the speaker of the attribution it leaves. A passage after a colon
    ("She added: ...") is the speaker's own words, sentences and all. Last, each content's fragments are joined
    wherever its cue does not stand between them, and the last takes a quotation that carries its sentence on."""
    text, quotes = text_of(doc), doc._.claimex_quotes
    followers = [f for f in (_follower(doc, a, reports_speech) for a in found) if f is not None]
    takers: dict[Attribution, Attribution] = {}
    trimmed = []
    for attribution in found:
        start, end = attribution.content[0][0], attribution.content[-1][1]
        cut = None
        if attribution.cue[1] <= start and not text[attribution.cue[0]:attribution.cue[1]].endswith(":"):
            cut = min((f.start for f in followers if start < f.start < end and (
                (f.joined_on and f.attribution.content[-1][1] >= end) or _starts_a_sentence(text, start, f.start))),
                default=None)
        if cut is None:
            trimmed.append(attribution)
            continue
        for follower in followers:
            if follower.start == cut and follower.joined_on and not follower.own_subject:
                takers[follower.attribution] = attribution
        content = _cut_at(text, attribution.content, cut)
        kind = content_kind(list(content), quotes) if attribution.kind in QUOTE_KINDS else attribution.kind
        trimmed.append(replace(attribution, content=content, kind=kind))
    return [_finished(replace(a, source=takers[a].source) if a in takers else a, quotes, text) for a in trimmed]


def _finished(attribution: Attribution, quotes: tuple[CharRange, ...], text: str) -> Attribution:
    """The attribution with its content's fragments joined wherever its cue does not stand between them, the
    last grown over a quotation that carries its sentence on."""
    content = into_following_quote(joined_fragments(attribution.content, attribution.cue), quotes, text)
    if content == attribution.content:
        return attribution
    kind = content_kind(list(content), quotes) if attribution.kind in QUOTE_KINDS else attribution.kind
    return replace(attribution, content=content, kind=kind)


def _cut_at(text: str, fragments: tuple[CharRange, ...], cut: int) -> tuple[CharRange, ...]:
    """The fragments that end before `cut`, the one it falls in ended there (without the words that join
    the follower on, and without a full stop)."""
    kept = []
    for start, end in fragments:
        if start >= cut:
            break
        end = min(end, _before_joining_words(text, start, cut))
        if end > start:
            kept.append(without_full_stop(text, start, end))
    return tuple(kept)


def _follower(doc: Doc, attribution: Attribution, reports_speech: Callable[[str], bool]) -> Follower | None:
    """The attribution as a possible follower, or None when its cue is no verb."""
    span = doc.char_span(*attribution.cue, alignment_mode="expand")
    verb = next((t for t in span if t.pos_ == "VERB"), None) if span is not None else None
    if verb is None or verb.i == 0:
        return None
    own_subject = any(child.dep_ in SUBJECTS | PASSIVE_SUBJECTS for child in verb.children)
    starts = [attribution.cue[0], attribution.content[0][0]]
    if own_subject and attribution.source is not None:
        starts.append(attribution.source[0])
    start = min(starts)
    first = doc.char_span(start, attribution.cue[1], alignment_mode="expand")
    if first is None or first.start == 0:
        return None
    joined_on = _joined_on(doc[first.start - 1], verb, reports_speech(attribution.cue_lemma))
    return Follower(attribution, start, joined_on, own_subject)


def _joined_on(before: Token, verb: Token, speech: bool) -> bool:
    """A cue verb that carries on the sentence: a participle after a comma (", adding that", `," claiming`),
    a clause set against the first ("though she noted"), or a verb of speech coordinated by "and" or "but"
    ("and said", "but did not suggest")."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        previous = before.nbor(-1) if before.is_quote and before.i > 0 else before
        return previous.text == ","
    if verb.dep_ == "advcl" and before.lower_ in CONTRASTS and before.head == verb:
        return True
    return speech and verb.dep_ == "conj" and before.lower_ in CONJUNCTIONS


def _starts_a_sentence(text: str, start: int, follower_start: int) -> bool:
    """The follower's words open a sentence inside the content: a full stop, question or exclamation mark
    (and any closing quotation mark) stands right before them."""
    before = text[start:follower_start].rstrip()
    return len(before) < follower_start - start and SENTENCE_END.search(before) is not None


def _before_joining_words(text: str, start: int, cut: int) -> int:
    """The cut moved back over the space, commas, dash and words ("and", "but", "though") that join the follower on."""
    while True:
        stripped = text[start:cut].rstrip(" ,;\u2014\u2013-\n")
        word = stripped.rsplit(" ", 1)[-1].lower()
        if word in CONJUNCTIONS | CONTRASTS | {"even"} and len(stripped) > len(word):
            stripped = stripped[:-len(word)]
            cut = start + len(stripped)
            continue
        return start + len(stripped)
