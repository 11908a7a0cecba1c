"""The text of a Doc, joined once: spaCy rebuilds `doc.text` from its tokens at every access."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

TEXT_KEY = "claimex.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, cached in the Doc's user data (the text never changes once tokenized)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text (spaCy joins the span's tokens at every access)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, read from the Doc's array of word ids (no Token object made per word)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]
