"""The text of a Doc, joined once: spaCy rebuilds `doc.text` from its tokens at every access."""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "claimex.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, cached in the Doc's user data (the text never changes once tokenized)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
