"""The library's entry points: text in, claim or sentence records out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.dates import find_published_date
from claimex.doc_text import text_of
from claimex.pipeline import load_pipeline
from claimex.schema import Claim, Sentence


def extract(text: str, *, doc: str = "-", published: dt.date | None = None, model: str | None = None) -> list[Claim]:
    """The claims in `text`: who says what, and the article's own factual statements."""
    return next(iter(extract_many([(doc, text)], published=published, model=model)))


def extract_sentences(text: str, *, doc: str = "-", published: dt.date | None = None,
                      model: str | None = None) -> list[Sentence]:
    """The sentences of `text`, each with the dates, places, numbers and names inside it."""
    return next(iter(sentences_many([(doc, text)], published=published, model=model)))


def extract_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                 model: str | None = None, batch_size: int = 16) -> Iterator[list[Claim]]:
    """Claims for each (name, text), in order, streamed as each document is done."""
    for name, text, doc in _process(named_texts, model, batch_size):
        yield claims_from_doc(doc, name, published or find_published_date(text))


def sentences_many(named_texts: Iterable[tuple[str, str]], *, published: dt.date | None = None,
                   model: str | None = None, batch_size: int = 16) -> Iterator[list[Sentence]]:
    """Sentence records for each (name, text), in order, streamed as each document is done."""
    for name, text, doc in _process(named_texts, model, batch_size):
        yield sentences_from_doc(doc, name, published or find_published_date(text))


def _process(named_texts: Iterable[tuple[str, str]], model: str | None, batch_size: int):
    nlp = load_pipeline(model)
    pairs = ((text, name) for name, text in named_texts)
    for doc, name in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield name, text_of(doc), doc
