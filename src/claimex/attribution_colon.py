"""Quotations a colon opens. After a name, the name is the speaker: `said pollster Ana Ruiz: "..."`, `Rep. Ana
Ruiz (D-Ore.): "..."`. After a clause of its own, the clause need not hold a cue word: `Malone summed up the
mood: "This is a betrayal."`, `Her answer was short: "We will appeal."`, `The sign read: "Closed."`. There the
cue runs from the clause's verb to the colon (annotators draw "summed up the mood:", "was conclusive in its
findings:"), or is the colon alone when the clause has no verb ("Transcript as follows:"); the source is the
clause's subject, or the one whose answer or message the subject is. A quotation some cue already attributes
is left to it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimex.attribution_spans import Attribution, CharRange, source_range
from claimex.cue_lexicon import SPEAKER_NOUNS, SUBJECTS
from claimex.doc_text import text_of

MIN_QUOTED_WORDS = 3  # fewer words after a colon are a title or a label ("the slogan: "Build it""), not a quote


def colon_quote_attributions(doc: Doc, quotes: tuple[CharRange, ...],
                             found: list[Attribution]) -> list[Attribution]:
    """An attribution for each quotation opened right after a colon that ends a clause, that no other attribution
    holds."""
    text = text_of(doc)
    attributions = []
    for quote in quotes:
        colon = _colon_before(doc, text, quote[0])
        if colon is None or len(text[quote[0]:quote[1]].split()) < MIN_QUOTED_WORDS or not _free(quote, found):
            continue
        clause = [token for token in colon.sent if token.i < colon.i and not token.is_space]
        if not any(token.is_alpha for token in clause):
            continue
        attributions.append(_attribution(doc[clause[0].i: colon.i], colon, quote))
    return attributions


def labelled_quotes(doc: Doc, quotes: tuple[CharRange, ...], found: list[Attribution]) -> list[Attribution]:
    """An attribution for each quotation opened right after a colon that follows a name, that no cue holds."""
    text = text_of(doc)
    labelled = []
    for quote in quotes:
        colon = _colon_before(doc, text, quote[0])
        name = _name_before(doc, colon.i) if colon is not None and _free(quote, found) else None
        if name is not None:
            labelled.append(Attribution(cue=(colon.idx, colon.idx + 1), cue_lemma=":",
                                        source=(name[0].idx, len(text[:colon.idx].rstrip())),
                                        content=(quote,), kind="direct"))
    return labelled


def _free(quote: CharRange, found: list[Attribution]) -> bool:
    """No content or cue of `found` overlaps the quotation."""
    return not any(start < quote[1] and quote[0] < end for a in found for start, end in (*a.content, a.cue))


def _colon_before(doc: Doc, text: str, quote_start: int) -> Token | None:
    """The colon that the quotation follows on the same line, if any."""
    before = quote_start - 1
    while before >= 0 and text[before] in " \t\u00a0":
        before -= 1
    if before < 0 or text[before] != ":":
        return None
    span = doc.char_span(before, before + 1)
    return span[0] if span is not None and len(span) == 1 else None


def _attribution(clause: Span, colon: Token, quote: CharRange) -> Attribution:
    verb = _verb_before(clause)
    if verb is None:  # "Okafor's answer:"
        tops = [token for token in clause if not clause.start <= token.head.i < clause.end or token.head == token]
        owner = next(filter(None, map(_owner, tops)), None)
        return Attribution(cue=(colon.idx, colon.idx + 1), cue_lemma=":", source=owner, content=(quote,),
                           kind="direct")
    subject = next((child for child in verb.children if child.dep_ in SUBJECTS), None)
    owner = _owner(subject) if subject is not None else None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i
                   and (subject is None or child.i > subject.i)]
    start = min([verb, *auxiliaries], key=lambda token: token.i).idx
    return Attribution(cue=(start, colon.idx + 1), cue_lemma=verb.lemma_.lower(),
                       source=owner or source_range(verb), content=(quote,), kind="direct")


def _verb_before(clause: Span) -> Token | None:
    """The verb of the innermost clause that ends at the colon: "had" of "had to change my answer" in "She was so
    upset that I had to change my answer:"; None for a clause without a verb."""
    token = clause[-1]
    while clause.start <= token.i < clause.end:
        if token.pos_ in ("VERB", "AUX") and (token.head == token or any(
                child.dep_ in SUBJECTS for child in token.children)):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _owner(noun: Token) -> CharRange | None:
    """Whose answer or message a common noun is ("Her answer", "Okafor's reply"), without the "'s"; never
    of a noun that names the speaker ("Their organiser, Teodor Blum", "the company's spokesman")."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in SPEAKER_NOUNS or any(
            child.dep_ == "appos" for child in noun.children):
        return None
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    if owner is None:
        return None
    tokens = [token for token in owner.subtree if token.dep_ != "case"]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _name_before(doc: Doc, colon: int) -> Span | None:
    """The name that ends right before token `colon` (past a bracketed note: "Ana Ruiz (D-Ore.)"), as the
    entity it belongs to or the noun phrase it heads."""
    last = colon - 1
    if last > 0 and doc[last].text == ")":
        opening = next((t.i for t in reversed(doc[:last]) if t.text == "("), None)
        last = opening - 1 if opening is not None else -1
    if last < 0 or doc[last].is_sent_start and doc[last].pos_ != "PROPN":
        return None
    token = doc[last]
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if token.dep_ == "pobj" or not (token.pos_ == "PROPN" or entity is not None and entity.label_ in ("PERSON", "ORG")):
        return None  # "celebrated on Twitter:" names a place of publication
    first = entity.start if entity is not None else token.i
    while first > token.left_edge.i and doc[first - 1].dep_ in ("det", "compound", "amod", "poss", "case"):
        first -= 1  # "the analyst Maria Lopez", "Republican pollster Ana Ruiz"
    return doc[first:colon]
