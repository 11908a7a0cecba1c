"""Quotations and passages beside a cue verb, whatever the parser made of them: `He said, "..."`, `"..." he
asked.`, `She wrote:` ending a paragraph, `..., telling reporters, "..."`, and the half of a quotation that
resumes after its cue (`"A," he said, "B."`) or opens before it (`"Honestly," he said, "B."`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimex.attribution_spans import CharRange, inside_quote, without_full_stop
from claimex.cue_clauses import infinitive_of_a_clause, participle_of_a_clause
from claimex.cue_lexicon import SUBJECTS
from claimex.doc_text import text_of
from claimex.plain_forms import plain

WORD_CHARACTER = re.compile(r"\w")


def adjacent_quote_or_passage(cue: Token, quotes: tuple[CharRange, ...]) -> CharRange | None:
    """`He said: "..."`, `He said, "..."`, `"..." he asked.`, `She wrote:` ending a paragraph, and a participle or
    joined verb that opens a quotation after its clause (`..., telling reporters, "..."`, `... and joked, "..."`)."""
    if not (any(child.dep_ in SUBJECTS for child in cue.children) or participle_of_a_clause(cue)
            or infinitive_of_a_clause(cue)):
        return None
    text = text_of(cue.doc)
    clause = _clause_words(cue, quotes)
    clause_start, clause_end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    for start, end in quotes:
        if end <= clause_start and blank(text[end:clause_start], ",") and "\n" not in text[end:clause_start]:
            return (start, end)
        if start >= clause_end and blank(text[clause_end:start], ",:") and "\n\n\n" not in text[clause_end:start]:
            return (start, end)
    after = text[clause_end:].lstrip(" \u00a0")
    if after.startswith(":"):
        passage_start = clause_end + (len(text) - clause_end - len(after)) + 1
        passage = text[passage_start:]
        stripped = passage.lstrip()
        start = passage_start + len(passage) - len(stripped)
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end > start:
            return without_full_stop(text, start, len(text[:end].rstrip()))
    return None


def _clause_words(cue: Token, quotes: tuple[CharRange, ...]) -> list[Token]:
    """The words of the cue's clause, without punctuation and without what a quotation holds."""
    return [t for t in cue.subtree if not (t.is_punct or t.is_space or inside_quote(t, quotes))]


def blank(gap: str, marks: str) -> bool:
    """Nothing but `marks` and spaces of any kind: no-break, thin and zero-width ones as well as plain."""
    if WORD_CHARACTER.search(gap):  # at once, for a long gap
        return False
    return all(character in marks for character in "".join(plain(gap).split()))


def add_continuing_quote(fragments: list[CharRange], quotes: tuple[CharRange, ...], cue: Token) -> list[CharRange]:
    """`"A," he said, "B."`: the quote that resumes right after the cue clause, in the same paragraph, is
    the same claim (one in the next paragraph is a quotation of its own, and one closed by a comma has a
    cue of its own: `"A," he said. "B," she added.`)."""
    if len(fragments) != 1 or fragments[0][1] > cue.idx:
        return fragments
    if not any(fragments[0] == q for q in quotes):
        return fragments
    sentence_end = cue.sent.end_char
    clause = [t for t in cue.subtree if not t.is_space]
    hung = []  # a quotation the parser hung off the cue itself ends no clause: `"A," he continued, "and B."`
    while len(clause) > 1 and inside_quote(clause[-1], quotes):
        hung.append(clause.pop())
    if any(t.head != cue and not inside_quote(t.head, quotes) for t in hung) or any(
            child.pos_ == "VERB" and child.i > cue.i and not inside_quote(child, quotes) for child in cue.children):
        clause += reversed(hung)
    clause_end = clause[-1].idx + len(clause[-1].text)
    text = text_of(cue.doc)
    for q_start, q_end in quotes:
        if not clause_end <= q_start < sentence_end + 2:
            continue
        gap = text[clause_end:q_start]
        if "\n" not in gap and blank(gap, ",:;") and text[q_end - 2] != ",":
            return [fragments[0], (q_start, q_end)]
    return fragments


def add_opening_quote(fragments: list[CharRange], quotes: tuple[CharRange, ...], cue: Token) -> list[CharRange]:
    """`"Honestly," he said, "we may lose."`: the quotation the cue takes after it is opened by one closed with a
    comma right before the cue clause, on the same line; the two halves are one claim. A cue with no subject of
    its own (`"A," he said, adding, "B."`) leaves the quotation before it to the cue before it."""
    if (len(fragments) != 1 or fragments[0][0] < cue.idx or fragments[0] not in quotes
            or not any(child.dep_ in SUBJECTS for child in cue.children)):
        return fragments
    text, clause_start = text_of(cue.doc), _clause_words(cue, quotes)[0].idx
    for q_start, q_end in quotes:
        gap = text[q_end:clause_start]
        if q_end <= clause_start and blank(gap, ",") and "\n" not in gap and "," in text[q_end - 2] + gap:
            return [(q_start, q_end), fragments[0]]
    return fragments
