"""Hedges (reportedly, allegedly, may, is said to, ...) marked as character ranges on the Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimex.component import LexiconComponent

Doc.set_extension("claimex_hedges", default=())


@Language.factory(
    "claimex_hedges",
    default_config={"lexicon": "hedges.txt"},
    assigns=["doc._.claimex_hedges"],
    requires=["token.pos"],
)
def make_hedge_marker(nlp: Language, name: str, lexicon: str) -> "HedgeMarker":
    """`lexicon`: a file (in models/, or a path) of hedge phrases, one per line."""
    return HedgeMarker(nlp, name, lexicon)


class HedgeMarker(LexiconComponent):
    """Matches the hedge lexicon on lower-cased tokens (not on names: "May" the month is no hedge)."""

    def __init__(self, nlp: Language, name: str, lexicon: str):
        super().__init__(name, {"lexicon": lexicon})
        self.nlp = nlp

    def use_lexicons(self, lexicons: dict) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.matcher.add("HEDGE", [self.nlp.make_doc(phrase) for phrase in lexicons["lexicon"]])

    def annotate(self, doc: Doc) -> Doc:
        spans = [doc[start:end] for _, start, end in self.matcher(doc)]
        spans = [span for span in spans if not all(token.pos_ == "PROPN" for token in span)]
        doc._.claimex_hedges = tuple((span.start_char, span.end_char) for span in spans)
        return doc
