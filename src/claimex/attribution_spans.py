"""Attributions as character ranges, and the spans they are built from: speakers, trimmed phrases, quotations."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimex.boilerplate import outside_boilerplate
from claimex.cue_lexicon import NOT_SPEAKERS, PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, SUBJECTS
from claimex.doc_text import text_of

CharRange = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution, as character ranges into `doc.text`."""

    cue: CharRange
    cue_lemma: str
    source: CharRange | None
    content: tuple[CharRange, ...]
    kind: str


def without_full_stop(text: str, start: int, end: int) -> CharRange:
    """A passage without the full stop that ends it, as a clause's content has none; a quotation keeps its marks."""
    if end - start > 1 and text[end - 1] == "." and text[end - 2] not in ".":
        return start, end - 1
    return start, end


def content_kind(fragments: list[CharRange], quotes: tuple[CharRange, ...]) -> str:
    """direct (all quoted), mixed (partly quoted) or indirect (no quotation marks)."""
    quoted = [any(qs <= s and e <= qe for qs, qe in quotes) for s, e in fragments]
    if all(quoted):
        return "direct"
    if any(s < qe and qs < e for s, e in fragments for qs, qe in quotes):
        return "mixed"
    return "indirect"


def inside_quote(token: Token, quotes: tuple[CharRange, ...]) -> bool:
    """A cue inside a quotation belongs to the quoted speaker's words, not to the article."""
    return any(start <= token.idx < end for start, end in quotes)


def source_range(cue: Token) -> CharRange | None:
    """The cue's speaker: the one after a sentence-opening cue, else its subject, the noun a relative clause
    hangs off, the agent of a passive, or (up to four steps) that of the verb the cue depends on."""
    inverted = _inverted_speaker(cue)
    if inverted is not None:
        return _speaker_range(inverted)
    verb = cue
    for _ in range(4):
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _noun_phrase_before(verb.head)
        if subjects:  # of two, the later ("X, said Ana Ruiz", `"X," Ana said`): the parser may take X for one
            return _speaker_range(subjects[-1])
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return _noun_phrase_before(verb.head)
        passive = [child for child in verb.children if child.dep_ in PASSIVE_SUBJECTS]
        agents = [grand for child in verb.children if child.dep_ == "agent" for grand in child.children
                  if grand.dep_ == "pobj"]
        if agents:
            return _speaker_range(agents[0])
        if passive or verb.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "acl", "acomp") or verb.head == verb:
            return None
        if verb.dep_ == "advcl" and verb.tag_ == "VBN":
            return None  # "when asked, she said": the one asked is no source of the question
        verb = verb.head
    return None


def _inverted_speaker(cue: Token) -> Token | None:
    """"Said the mayor, "..."": the speaker a sentence-opening cue verb is followed by and set off by a comma
    or colon from the words (a quotation or a clause) that follow, whether the parser took it for the subject
    or the object."""
    if cue.pos_ != "VERB" or not _opens_sentence(cue):
        return None
    doc = cue.doc
    for child in cue.rights:
        after = child.right_edge.i + 1
        if child.dep_ in ("nsubj", "dobj") and after + 1 < len(doc) and doc[after].text in (",", ":") \
                and not any(t.is_quote for t in child.subtree) \
                and (doc[after + 1].is_quote or any(c.dep_ == "ccomp" and c.i > after for c in cue.rights)):
            return child
    return None


def _opens_sentence(token: Token) -> bool:
    """Whether only quotation marks, brackets and white space stand between the token and the start of the
    text, a paragraph break or the end of a sentence."""
    doc, before = token.doc, token.i - 1
    while before >= 0 and (doc[before].is_space or doc[before].is_quote or doc[before].is_left_punct):
        if "\n" in doc[before].text:
            return True
        before -= 1
    return before < 0 or doc[before].text in (".", "!", "?") or "\n" in doc[before].whitespace_


def _speaker_range(head: Token) -> CharRange | None:
    """The phrase that names a speaker, without a time phrase hanging off it ("said Ana Reyes on
    Tuesday"), brackets balanced; None for a number or a time ("30 days to respond")."""
    if head.ent_type_ in NOT_SPEAKERS:
        return None
    dropped = {t.i for child in head.children if child.i > head.i and is_time_phrase(child) for t in child.subtree}
    text = text_of(head.doc)
    return _with_closing_comma(_balanced(trimmed_range([t for t in head.subtree if t.i not in dropped]), text), text)


def _with_closing_comma(span: CharRange | None, text: str) -> CharRange | None:
    """A speaker with a description set off by commas keeps the comma that closes it, as annotators draw it:
    "Ana Ruiz, the union's leader, said" (train: 1,058 such sources take the comma, 125 leave it)."""
    if span is not None and "," in text[span[0]:span[1]] and text[span[1]:span[1] + 1] == ",":
        return span[0], span[1] + 1
    return span


def is_time_phrase(token: Token) -> bool:
    if token.dep_ == "prep" and token.lower_ != "of":
        return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in token.children)
    return token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME")


def _balanced(span: CharRange | None, text: str) -> CharRange | None:
    """The span grown to its closing bracket when that follows at once ("the FBI (Federal Bureau"), or
    cut before an unclosed one."""
    if span is None:
        return None
    start, end = span
    piece = text[start:end]
    if piece.count("(") > piece.count(")"):
        closing = text.find(")", end)
        if closing != -1 and "\n" not in text[end:closing] and closing - end < 40:
            return start, closing + 1
        cut = text.rfind("(", start, end)
        return (start, len(text[:cut].rstrip())) if text[start:cut].strip() else None
    if piece.count(")") > piece.count("(") and piece.endswith(")"):
        return start, len(text[:end - 1].rstrip())
    return span


def _noun_phrase_before(noun: Token) -> CharRange | None:
    """The noun with its modifiers up to it: the speaker a relative clause hangs off."""
    if noun.ent_type_ in NOT_SPEAKERS:
        return None
    return trimmed_range([t for t in noun.subtree if t.i <= noun.i])


def without_leading_conjunction(tokens: list[Token]) -> list[Token]:
    """The tokens less the punctuation, space and conjunction that join them to what comes before ("But ...")."""
    first = next((i for i, t in enumerate(tokens) if not (t.is_punct or t.is_space or t.dep_ == "cc")), len(tokens))
    return tokens[first:]


def trimmed_range(tokens: list[Token]) -> CharRange | None:
    """The character range from the first to the last token, without edge punctuation or space."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and _is_edge_junk(tokens[0], opening=True):
        tokens.pop(0)
    while tokens and _is_edge_junk(tokens[-1], opening=False):
        tokens.pop()
    if not tokens:
        return None
    return outside_boilerplate(tokens[0].doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _is_edge_junk(token: Token, opening: bool) -> bool:
    if token.is_space or token.text.strip() == "":
        return True
    if token.is_quote:
        return False
    return token.is_punct and token.text not in ("$", "%", "(" if opening else ")")


def extend_to_quotes(fragments: list[CharRange], quotes: tuple[CharRange, ...], cue: CharRange) -> list[CharRange]:
    """Grow each fragment to cover the quotations it starts or ends inside (never over the cue)."""
    extended = []
    for start, end in fragments:
        for q_start, q_end in quotes:
            if q_start < end and start < q_end and not (q_start <= cue[0] < q_end):
                start, end = min(start, q_start), max(end, q_end)
        extended.append((start, end))
    return extended


def before_the_speaker(fragments: list[CharRange], quotes: tuple[CharRange, ...], cue: CharRange,
                       text: str) -> list[CharRange]:
    """Each fragment before the cue that runs on past a quotation closed by a comma, ended with that
    quotation: the words after it name the speaker (`"We stay," Ana Ruiz, the mayor, said`)."""
    return [(start, min([q_end for q_start, q_end in quotes if start <= q_start and q_end < end
                         and text[q_end - 2:q_end - 1] == ","], default=end)) if end <= cue[0] else (start, end)
            for start, end in fragments]


def into_following_quote(fragments: tuple[CharRange, ...], quotes: tuple[CharRange, ...],
                          text: str) -> tuple[CharRange, ...]:
    """The last fragment grown over a quotation that carries its sentence on, a space after it and opening
    in lower case: `called the plan "a disgrace"`, `said the nominee "makes you want to leave."`."""
    start, end = fragments[-1]
    for q_start, q_end in quotes:
        if q_start > end and text[end:q_start].strip(" ") == "" and text[q_start + 1:q_start + 2].islower():
            return (*fragments[:-1], (start, q_end))
        if q_start > end:
            break
    return fragments


def joined_fragments(fragments: tuple[CharRange, ...], cue: CharRange) -> tuple[CharRange, ...]:
    """The fragments in text order, each joined to the one before unless the cue stands between them:
    annotators split a content only around its cue (`"A," she said, "B."`), never between two clauses
    the cue governs or two pieces of one quotation."""
    joined: list[CharRange] = []
    for start, end in sorted(set(fragments)):
        if joined and not joined[-1][1] <= cue[0] < start:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return tuple(joined)
