"""Brat articles -> spaCy training data: one Doc per article, the role spans as its entities."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from claimex.train.brat import Article


def article_doc(nlp: Language, article: Article) -> Doc:
    """The article tokenized by `nlp`, its role spans snapped out to token boundaries; a span that
    overlaps one already placed is left out (PolNeAR gives each token at most one role)."""
    doc = nlp.make_doc(article.text)
    taken: set[int] = set()
    entities = []
    for role in sorted(article.spans, key=lambda s: (s.start, -s.end)):
        span = _token_span(doc, role.start, role.end, role.label)
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        entities.append(span)
    doc.set_ents(sorted(entities, key=lambda s: s.start), default="outside")
    return doc


def _token_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The tokens covering [start, end), without whitespace tokens at either edge."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last - 1].is_space:
        last -= 1
    return Span(doc, first, last, label=label) if first < last else None


def write_docbin(nlp: Language, articles: list[Article], path: Path) -> int:
    """Write the articles as a .spacy file; the number of words written."""
    docs = [article_doc(nlp, article) for article in articles]
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return sum(len(doc) for doc in docs)
