"""Attributions marked by a phrase rather than a verb: "according to X", "as reported by X", and a finding
reported "in" a poll or survey."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from claimex.attribution_spans import (Attribution, CharRange, extend_to_quotes, trimmed_range,
                                       without_leading_conjunction)
from claimex.cue_lexicon import POLL_NOUNS

# Spaces that may stand between the words of a cue phrase in scraped text ("according\u00a0to"): the
# tokenizer makes each a token of its own, so each gives the phrase another spelling to match.
WORD_SPACES = (" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f")


def spellings(phrase: str) -> list[str]:
    """The phrase with each space between its words written as each of `WORD_SPACES`."""
    words = phrase.split(" ")
    return ["".join(word + space for word, space in zip(words, spaces + ("",)))
            for spaces in itertools.product(WORD_SPACES, repeat=len(words) - 1)]


def phrase_attribution(sent: Span, phrase: Span, quotes: tuple[CharRange, ...]) -> Attribution | None:
    """"According to X, ..." and "..., as reported by X": the rest of the sentence is the content."""
    last = phrase[-1]
    objects = [child for child in last.children if child.dep_ in ("pobj", "pcomp")] or (
        [last.nbor()] if last.i + 1 < sent.end and last.nbor().pos_ in ("PROPN", "NOUN", "PRON") else []
    )
    if not objects:
        return None
    source_tokens = _up_to_comma(list(objects[0].subtree), objects[0])
    source = trimmed_range(source_tokens)
    phrase_end = max(phrase.end, source_tokens[-1].i + 1)
    before = [t for t in sent if t.i < phrase.start]
    after = [t for t in sent if t.i >= phrase_end]
    fragments = [r for r in (trimmed_range(before), trimmed_range(after)) if r is not None]
    if not fragments or source is None:
        return None
    cue = (phrase[0].idx, last.idx + len(last.text))
    fragments = extend_to_quotes(fragments, quotes, cue)
    return Attribution(
        cue=cue,
        cue_lemma=" ".join(t.norm_ for t in phrase if not t.is_space),
        source=source,
        content=tuple(fragments),
        kind="according_to",
    )


def poll_attribution(prep: Token) -> Attribution | None:
    """"In the latest poll, Smith leads by four points": a finding reported in a poll or survey; the
    poll is the source, the clause it is attached to (without it) the content."""
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    polls = [child for child in prep.children if child.dep_ == "pobj" and _names_a_poll(child)]
    if not polls:
        return None
    phrase = {t.i for t in prep.subtree}
    clause = without_leading_conjunction([t for t in prep.head.subtree if t.i not in phrase])
    fragments = [r for r in (trimmed_range([t for t in clause if t.i < prep.i]),
                             trimmed_range([t for t in clause if t.i > prep.right_edge.i])) if r is not None]
    source = trimmed_range([t for t in polls[0].subtree])
    if not fragments or source is None:
        return None
    return Attribution(cue=(prep.idx, prep.idx + len(prep.text)), cue_lemma="in", source=source,
                       content=tuple(fragments), kind="according_to")


def _names_a_poll(noun: Token) -> bool:
    """"the latest poll", "polls taken after the debate", "one of the first polls"; not polls at large ("rose in
    the polls", "leads in national polls" say where a candidate stands, not what a poll reports)."""
    particular = noun.tag_ != "NNS" or any(child.dep_ in ("acl", "relcl") for child in noun.children)
    return (noun.lemma_.lower() in POLL_NOUNS and particular) or any(
        child.dep_ == "prep" and child.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in POLL_NOUNS
                                                              for g in child.children) for child in noun.children)


def _up_to_comma(tokens: list[Token], head: Token) -> list[Token]:
    """The phrase around `head`, cut at the first comma after it ("the office, about 900 ...")."""
    comma = next((t.i for t in tokens if t.i > head.i and t.text == ","), None)
    return [t for t in tokens if comma is None or t.i < comma]
