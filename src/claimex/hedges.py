"""Hedges (reportedly, allegedly, may, is said to, ...) marked as character ranges on the Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimex.resources import load_lexicon

Doc.set_extension("hedges", default=(), force=True)


@Language.factory("claimex_hedges", assigns=["doc._.hedges"])
def make_hedge_marker(nlp: Language, name: str, lexicon: str) -> "HedgeMarker":
    return HedgeMarker(nlp, load_lexicon(lexicon))


class HedgeMarker:
    """Matches the hedge lexicon on lower-cased tokens (not on names: "May" the month is no hedge)."""

    def __init__(self, nlp: Language, phrases: tuple[str, ...]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("HEDGE", [nlp.make_doc(phrase) for phrase in phrases])

    def __call__(self, doc: Doc) -> Doc:
        spans = [doc[start:end] for _, start, end in self.matcher(doc)]
        spans = [span for span in spans if not all(token.pos_ == "PROPN" for token in span)]
        doc._.hedges = tuple((span.start_char, span.end_char) for span in spans)
        return doc
