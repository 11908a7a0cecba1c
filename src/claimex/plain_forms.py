"""Scraped text read like typed text: the plain form of each word as its NORM, before the tagger.

Pages carry soft hyphens and zero-width characters that a reader never sees. The text is never changed
(offsets stay those of the input); only each token's NORM, which the tagger and parser read, and the
cue lookups of attribution use the plain form. (Unicode spaces already split words: the tokenizer makes
them tokens of their own, and cue phrases are matched with any of them between their words.)
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimex.doc_text import text_of

INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS), None)
INVISIBLE_CHARACTER = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def plain(text: str) -> str:
    """`text` without its invisible characters."""
    return text.translate(INVISIBLE)


def has_invisible(token: Token) -> bool:
    return INVISIBLE_CHARACTER.search(token.text) is not None


@Language.factory("claimex_plain_forms", assigns=["token.norm"])
def make_plain_forms(nlp: Language, name: str) -> "PlainForms":
    return PlainForms()


class PlainForms:
    """Sets the NORM of a word written with invisible characters to its plain form ("s\\u00adaid" -> "said")."""

    def __call__(self, doc: Doc) -> Doc:
        if INVISIBLE_CHARACTER.search(text_of(doc)) is None:
            return doc
        for token in doc:
            if has_invisible(token):
                token.norm_ = plain(token.text).lower()
        return doc
